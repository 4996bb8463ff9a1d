#include "adminapi.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>

#include <algorithm>

namespace fake {

bool isAdmin(const CloudState &state, const Token &token)
{
    return state.users.value(token.userId).roles.contains(QStringLiteral("admin"));
}

void listProjects(Exchange &ex, CloudState &state)
{
    std::lock_guard lock(state.mutex);
    const Token *token = http::requireToken(ex, state);
    if (!token)
        return;
    if (!isAdmin(state, *token)) {
        http::keystoneError(ex, 403, QStringLiteral("You are not authorized to perform the requested action: identity:list_projects."));
        return;
    }
    const QString name = ex.query(QStringLiteral("name"));
    const QString domainId = ex.query(QStringLiteral("domain_id"));
    const QString enabled = ex.query(QStringLiteral("enabled")).toLower();
    QJsonArray projects;
    const QString base = ex.baseUrl() + QStringLiteral("/identity/v3/projects/");
    for (const Project &project : std::as_const(state.projects)) {
        if ((!name.isEmpty() && project.name != name) || (!domainId.isEmpty() && project.domainId != domainId))
            continue;
        if (enabled == u"false" || enabled == u"0")
            continue; // every project of the fake is enabled
        projects.append(QJsonObject{{QStringLiteral("id"), project.id},
                                    {QStringLiteral("name"), project.name},
                                    {QStringLiteral("domain_id"), project.domainId},
                                    {QStringLiteral("description"), project.description},
                                    {QStringLiteral("enabled"), true},
                                    {QStringLiteral("is_domain"), false},
                                    {QStringLiteral("parent_id"), project.domainId},
                                    {QStringLiteral("tags"), QJsonArray{}},
                                    {QStringLiteral("options"), QJsonObject{}},
                                    {QStringLiteral("links"), QJsonObject{{QStringLiteral("self"), QString(base + project.id)}}}});
    }
    // Keystone does not page this list; its links are always there, next and previous null.
    ex.json(200, QJsonObject{{QStringLiteral("projects"), projects},
                             {QStringLiteral("links"),
                              QJsonObject{{QStringLiteral("self"), QString(ex.baseUrl() + ex.path())},
                                          {QStringLiteral("previous"), QJsonValue::Null},
                                          {QStringLiteral("next"), QJsonValue::Null}}}});
}

ServerListScope serverListScope(const Exchange &ex, const Token &token, bool admin, bool detail)
{
    ServerListScope scope;
    scope.projectId = token.projectId;
    if (!ex.hasQuery(QStringLiteral("all_tenants")))
        return scope;
    // nova.api.openstack.common.is_all_tenants: oslo's bool_from_string(strict=True); "" counts as true.
    const QString value = ex.query(QStringLiteral("all_tenants")).trimmed().toLower();
    static const QStringList yes{QString(), QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("true"),
                                 QStringLiteral("on"), QStringLiteral("y"), QStringLiteral("yes")};
    static const QStringList no{QStringLiteral("0"), QStringLiteral("f"), QStringLiteral("false"),
                                QStringLiteral("off"), QStringLiteral("n"), QStringLiteral("no")};
    if (no.contains(value))
        return scope;
    if (!yes.contains(value)) {
        scope.status = 400;
        scope.error = QStringLiteral("Invalid input received: Unrecognized value '%1', acceptable values are: '0', '1', "
                                     "'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")
                          .arg(ex.query(QStringLiteral("all_tenants")));
        return scope;
    }
    if (!admin) {
        scope.status = 403;
        scope.error = QStringLiteral("Policy doesn't allow os_compute_api:servers:%1:get_all_tenants to be performed.")
                          .arg(detail ? QStringLiteral("detail") : QStringLiteral("index"));
        return scope;
    }
    scope.allProjects = true;
    scope.projectId = ex.hasQuery(QStringLiteral("project_id")) ? ex.query(QStringLiteral("project_id"))
                                                                : ex.query(QStringLiteral("tenant_id"));
    return scope;
}

bool generateProjects(const QJsonObject &spec, CloudState &state, QString *error)
{
    if (spec.isEmpty())
        return true;
    const int count = spec.value(QStringLiteral("count")).toInt();
    const int perProject = spec.value(QStringLiteral("servers_per_project")).toInt();
    const QString prefix = spec.value(QStringLiteral("prefix")).toString(QStringLiteral("tenant"));
    const QString tag = spec.value(QStringLiteral("tag")).toString(QStringLiteral("prod"));
    const int tagEvery = spec.value(QStringLiteral("tag_every")).toInt(0);
    if (count < 1 || count > 9999 || perProject < 0 || perProject > 99999) {
        *error = QStringLiteral("generated_projects: count 1..9999 and servers_per_project 0..99999");
        return false;
    }
    const QString imageRef = spec.value(QStringLiteral("image")).toString();
    const Image *image = nullptr;
    for (const Image &candidate : std::as_const(state.images)) {
        if (candidate.id == imageRef || candidate.name == imageRef)
            image = &candidate;
    }
    const QString flavorRef = spec.value(QStringLiteral("flavor")).toVariant().toString();
    const Flavor *flavor = state.flavor(flavorRef);
    for (const Flavor &candidate : std::as_const(state.flavors)) {
        if (!flavor && candidate.name == flavorRef)
            flavor = &candidate;
    }
    const QString userRef = spec.value(QStringLiteral("user")).toString();
    QString userId;
    for (const User &user : std::as_const(state.users)) {
        if (user.id == userRef || user.name == userRef)
            userId = user.id;
    }
    if (!image || !flavor || userId.isEmpty()) {
        *error = QStringLiteral("generated_projects: needs a known image, flavor and user");
        return false;
    }
    // One template; each server is a copy with its own id, name, project and time (the disk is shared).
    Server base;
    base.userId = userId;
    base.flavorId = flavor->id;
    base.imageId = image->id;
    base.bootImageProperties = image->properties;
    base.bootDiskFormat = image->diskFormat;
    base.bootContainerFormat = image->containerFormat;
    base.bootMinDisk = image->minDisk;
    base.bootMinRam = image->minRam;
    if (image->data)
        base.disk = image->data->disk;
    base.securityGroups = {QStringLiteral("default")};
    base.fromScenario = true;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-20);
    int serial = 0;
    for (int p = 0; p < count; ++p) {
        Project project;
        project.name = QStringLiteral("%1-%2").arg(prefix).arg(p, 3, 10, QLatin1Char('0'));
        project.id = http::stableHexId(QStringLiteral("project:") + project.name);
        project.domainId = QStringLiteral("default");
        project.description = QStringLiteral("Generated project %1 of %2").arg(p + 1).arg(count);
        state.projects.insert(project.id, project);
        if (!state.securityGroup(project.id, QStringLiteral("default")))
            state.securityGroups.append(SecurityGroup{http::stableUuid(QStringLiteral("secgroup:") + project.id + QStringLiteral("default")),
                                                      QStringLiteral("default"), project.id, QStringLiteral("Default security group")});
        for (int i = 0; i < perProject; ++i, ++serial) {
            Server server = base;
            // Unique and stable without hashing: the project's and the server's number in a UUID's shape.
            server.id = QStringLiteral("a11a%1-0000-4000-8000-%2").arg(p, 4, 10, QLatin1Char('0')).arg(i, 12, 10, QLatin1Char('0'));
            server.name = QStringLiteral("%1-server-%2").arg(project.name).arg(i, 5, 10, QLatin1Char('0'));
            server.projectId = project.id;
            server.createdAt = start.addSecs(serial);
            server.updatedAt = server.createdAt;
            server.launchedAt = server.createdAt.addSecs(30);
            server.instanceNumber = state.nextInstanceNumber++;
            if (tagEvery > 0 && i % tagEvery == 0)
                server.tags = {tag};
            state.addServer(std::move(server));
        }
    }
    return true;
}

} // namespace fake
