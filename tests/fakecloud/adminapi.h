#pragma once

// What a cloud admin sees beyond one project: Keystone's project list (GET /v3/projects), Nova's
// all_tenants listing (with its project_id/tenant_id filter), and scenarios with many generated projects.
// Kept apart from the services so that they only call in here (README "Admins: all projects").

#include <QJsonObject>
#include <QString>

namespace fake {

class CloudState;
class Exchange;
struct Token;

// Whether the token's user holds the admin role (the fake's stand-in for Keystone's and Nova's default
// "role:admin" policy).
bool isAdmin(const CloudState &state, const Token &token);

// GET /identity/v3/projects (filters name, domain_id, enabled): every project for an admin; 403 with
// Keystone's message otherwise. Call with the state mutex not held.
void listProjects(Exchange &ex, CloudState &state);

// Which projects a GET /servers[/detail] covers. Nova: `all_tenants` present and true (the empty string
// counts as true; true/false, yes/no, on/off, 1/0 otherwise; anything else 400) lists every project's
// servers — for an admin only (403 "Policy doesn't allow os_compute_api:servers:detail:get_all_tenants
// to be performed."); then `project_id` (or its older name `tenant_id`) narrows to one project. Without
// all_tenants both filters are ignored and the token's project is listed.
struct ServerListScope
{
    int status = 0;  // 0: fine; else answer this status with `error`
    QString error;
    bool allProjects = false;
    QString projectId; // all projects: only this one (empty: all); else the token's project

    bool covers(const QString &serverProjectId) const
    {
        return allProjects ? (projectId.isEmpty() || serverProjectId == projectId) : serverProjectId == projectId;
    }
};
ServerListScope serverListScope(const Exchange &ex, const Token &token, bool admin, bool detail);

// The scenario's "generated_projects" (README): `count` projects named `<prefix>-NNN`, each with
// `servers_per_project` servers `<prefix>-NNN-server-NNNNN` booted from `image` with `flavor`, owned by
// `user`; every `tag_every`-th server (0: none) carries `tag`. Records are made directly (no JSON per
// server), so 50,000 servers load in well under a second. Call with the state mutex held, after the
// scenario's images, flavors and users are loaded; false and *error when the spec is unusable.
bool generateProjects(const QJsonObject &spec, CloudState &state, QString *error);

} // namespace fake
