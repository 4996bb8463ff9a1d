#pragma once

#include "plans/planschedule.h"
#include "protection/volumeselection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

// Which servers of one saved cloud a plan backs up: one server (by id, or by exact name), or a selector
// evaluated at every run — all servers the cloud's profile sees (its project; with allProjects, the servers
// of every project its admin credentials see), narrowed to those with a tag and/or whose names match a
// wildcard pattern — so that new servers are picked up.
struct PlanSource
{
    QString cloud;       // the saved cloud's name
    QString server;      // set: this one server (id or exact name); empty: a selector
    QString tag;         // selector: only servers with this tag (empty: any)
    QString namePattern; // selector: only servers whose whole name matches (wildcards * ? [...]; empty: any)
    // selector: the servers of every project (Nova's all_tenants listing; needs the cloud's admin role), not
    // only those of the profile's project. JSON "all_projects"; plans saved without it read false.
    bool allProjects = false;

    bool isSelector() const { return server.isEmpty(); }
    // "web-1 in prod-fra1", "servers tagged prod named web-* in prod-fra1", "all servers of prod-fra1",
    // "all servers of all projects of prod-fra1".
    QString describe() const;
    QJsonObject toJson() const;
    static PlanSource fromJson(const QJsonObject &json);
    // Empty when usable; else one sentence (a bad pattern, a tag with a comma, …).
    QString validationError() const;
    // Whether a server with this name and these tags is selected (a selector; an explicit source never).
    bool selects(const QString &name, const QStringList &tags) const;

    friend bool operator==(const PlanSource &a, const PlanSource &b)
    {
        return a.cloud == b.cloud && a.server == b.server && a.tag == b.tag && a.namePattern == b.namePattern
            && a.allProjects == b.allProjects;
    }

    Q_DECLARE_TR_FUNCTIONS(sv::PlanSource)
};

// A plan's restore test (issue #16, "prove it boots" on a schedule): after the run's backups and retention,
// one backup this run made is restored under a scratch name (TestRestoreJob), waited for and removed again;
// the result is recorded on the checkpoint and in the run report, and a failed test fails the run.
struct PlanRestoreTest
{
    bool enabled = false;
    QString cloud;            // the saved cloud to test in; empty: the cloud the backed-up server is in
    QString marker;           // text the console log must show (e.g. "login:"); empty: ACTIVE is enough
    int timeoutSeconds = 600; // each wait: for ACTIVE, then for the marker

    static constexpr int MinTimeout = 30;
    static constexpr int MaxTimeout = 24 * 3600;

    QJsonObject toJson() const;
    // A missing object (a plan saved before restore tests existed) is a disabled test.
    static PlanRestoreTest fromJson(const QJsonObject &json);
    // "off", or "restore the newest backup in prod, wait for "login:" (600 s)".
    QString describe() const;
    // Empty when usable; else one sentence. `clouds`: the saved clouds' names.
    QString validationError(const QStringList &clouds) const;

    friend bool operator==(const PlanRestoreTest &a, const PlanRestoreTest &b)
    {
        return a.enabled == b.enabled && a.cloud == b.cloud && a.marker == b.marker
            && a.timeoutSeconds == b.timeoutSeconds;
    }

    Q_DECLARE_TR_FUNCTIONS(sv::PlanRestoreTest)
};

// A plan: the servers it protects, how, where to, when, and how long the backups are kept. Saved with the
// cloud profiles (PlanStore), never with a secret.
struct Plan
{
    QString name; // also part of file and systemd unit names: letters, digits, '-', '_', '.'
    QList<PlanSource> sources; // may name several saved clouds
    bool includeData = true;   // snapshot the servers first (BackupRequest::enableServerSnapshot)
    VolumeSelection volumes;   // attached volumes saved with the data
    QString bank;              // the backup storage's location (a folder, swift:CLOUD/CONTAINER, s3:PROFILE/BUCKET)
    PlanSchedule schedule;
    // The retention policy in restic's terms, as JSON: keep_last, keep_hourly, keep_daily, keep_weekly,
    // keep_monthly, keep_yearly (numbers) and keep_within (a duration such as "2y5m7d3h"); empty: keep all.
    QJsonObject retention;
    int parallelism = 2; // backups at once
    bool enabled = true; // a disabled plan's scheduled runs do nothing
    PlanRestoreTest testRestore; // off unless asked for

    static constexpr int MaxParallelism = 16;

    QJsonObject toJson() const;
    static Plan fromJson(const QJsonObject &json);
    // Empty when the plan can be saved; else one sentence naming what is wrong. `clouds`: the names of the
    // saved clouds (a source naming another one is refused).
    QString validationError(const QStringList &clouds) const;
    static QString nameError(const QString &name);
    // "2 servers and all servers of prod" — the sources, for a list.
    QString describeSources() const;
    // "keep 7 daily, 4 weekly" or "keep everything".
    static QString describeRetention(const QJsonObject &retention);
    // Empty when `retention` holds only known keys with sensible values; else one sentence.
    static QString retentionError(const QJsonObject &retention);

    Q_DECLARE_TR_FUNCTIONS(sv::Plan)
};

} // namespace sv
