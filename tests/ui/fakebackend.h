#pragma once
// An in-memory Backend for UI tests: answers requests on the next event-loop turn (like a network
// reply), counts requests, can fail a cloud, and makes FakeJobs that add a backup when they succeed.

#include "backend/backend.h"
#include "fakejob.h"
#include "profiles/cloudprofile.h"

#include <QHash>
#include <QTimer>
#include <QUuid>

#include <functional>

class FakeBackend : public sv::ui::Backend
{
public:
    QList<sv::ui::CloudEntry> cloudList;
    QHash<QString, QList<sv::ui::ServerEntry>> servers; // by cloud id
    QHash<QString, QString> failures;                    // cloud id → message
    QHash<QString, int> serverRequests;                  // cloud id → count
    QList<sv::ui::CheckpointEntry> checkpoints;
    sv::ui::TargetOptions targetOptions;
    int replyDelayMs = 0;
    FakeJob::Options jobOptions;
    QList<sv::ui::RestoreRequest> restoreRequests;
    QList<QStringList> exportRequests; // {checkpoint id, path, format}
    QList<sv::ui::TestRestoreRequest> testRestoreRequests;
    QHash<QString, int> sessionRequests; // cloud id → count
    QVariantMap restoreResultData; // added to a restore's result (e.g. "volumes", "warnings")
    QList<QPair<QString, bool>> backups; // server id, include data
    QList<sv::VolumeSelection> backupVolumes; // the volume selection of each backup, in the same order
    QHash<QString, QList<sv::ui::VolumeTypeEntry>> volumeTypes; // cloud id → its volume types
    QHash<QString, int> volumeTypeRequests;                     // cloud id → count
    // When set, backups run this job instead of a FakeJob (e.g. a real BackupJob against the fake cloud).
    std::function<sv::Job *(const sv::ui::ServerEntry &server, bool includeData)> backupJobFactory;

    int leftoverSweepRequests = 0;
    QStringList connectionTests; // profile names

    QList<sv::ui::CloudEntry> clouds() const override { return cloudList; }

    void requestLeftoverSweep() override { ++leftoverSweepRequests; }

    void testConnection(const sv::CloudProfile &profile, const QString &) override
    {
        connectionTests.append(profile.name);
        QTimer::singleShot(replyDelayMs, this, [this, profile] {
            if (failures.contains(profile.name))
                Q_EMIT connectionTested(false, failures.value(profile.name));
            else
                Q_EMIT connectionTested(true, QStringLiteral("Signed in to project %1.").arg(profile.projectName));
        });
    }

    void requestServers(const QString &cloudId) override
    {
        ++serverRequests[cloudId];
        QTimer::singleShot(replyDelayMs, this, [this, cloudId] {
            if (failures.contains(cloudId))
                Q_EMIT serversFailed(cloudId, failures.value(cloudId));
            else
                Q_EMIT serversReady(cloudId, servers.value(cloudId));
        });
    }

    // An admin's "All projects": the projects answer on the next turn; a project's servers are only
    // recorded (the test emits projectServersReady pages itself, as many and as fast as it wants).
    QHash<QString, QList<sv::ui::ProjectEntry>> projects; // by cloud id
    QList<QPair<QString, QString>> projectServerRequests; // cloud id, project id

    void requestProjects(const QString &cloudId) override
    {
        QTimer::singleShot(replyDelayMs, this, [this, cloudId] { Q_EMIT projectsReady(cloudId, projects.value(cloudId)); });
    }

    void requestProjectServers(const QString &cloudId, const QString &projectId) override
    {
        projectServerRequests.append({cloudId, projectId});
    }

    void requestCheckpoints() override
    {
        QTimer::singleShot(replyDelayMs, this, [this] { Q_EMIT checkpointsReady(checkpoints); });
    }

    void requestTargetOptions(const QString &cloudId, const QString &region) override
    {
        QTimer::singleShot(replyDelayMs, this, [this, cloudId, region] {
            if (failures.contains(cloudId))
                Q_EMIT targetOptionsFailed(cloudId, region, failures.value(cloudId));
            else
                Q_EMIT targetOptionsReady(cloudId, region, targetOptions);
        });
    }

    void requestVolumeTypes(const QString &cloudId) override
    {
        ++volumeTypeRequests[cloudId];
        QTimer::singleShot(replyDelayMs, this, [this, cloudId] {
            if (failures.contains(cloudId))
                Q_EMIT volumeTypesFailed(cloudId, failures.value(cloudId));
            else
                Q_EMIT volumeTypesReady(cloudId, volumeTypes.value(cloudId));
        });
    }

    void requestCloudSession(const QString &cloudId) override
    {
        ++sessionRequests[cloudId];
        QTimer::singleShot(replyDelayMs, this, [this, cloudId] {
            Q_EMIT cloudSessionReady(cloudId, failures.value(cloudId));
        });
    }

    sv::Job *createTestRestoreJob(const sv::ui::TestRestoreRequest &request, QString *) override
    {
        testRestoreRequests.append(request);
        return new FakeJob(QStringLiteral("Test restore of backup %1").arg(request.checkpointId.left(8)), jobOptions);
    }

    sv::Job *createBackupJob(const QString &cloudId, const sv::ui::ServerEntry &server, bool includeData,
                             const sv::VolumeSelection &volumes, QString *) override
    {
        backups.append({server.id, includeData});
        backupVolumes.append(volumes);
        if (backupJobFactory)
            return backupJobFactory(server, includeData);
        sv::ui::CheckpointEntry cp;
        cp.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        cp.cloudId = cloudId;
        cp.serverId = server.id;
        cp.serverName = server.name;
        cp.created = QDateTime::currentDateTimeUtc();
        cp.size = jobOptions.bytesPerStep * jobOptions.steps;
        cp.storedSize = cp.size / 2;
        cp.status = QStringLiteral("available");
        cp.withData = includeData;
        cp.consistency = sv::ui::CheckpointEntry::Consistency::CrashConsistent;
        FakeJob::Options options = jobOptions;
        options.data.insert(QStringLiteral("checkpoint_id"), cp.id);
        auto *job = new FakeJob(QStringLiteral("Back up %1").arg(server.name), options);
        QObject::connect(job, &sv::Job::finished, this, [this, cp](const sv::JobResult &result) {
            if (result.outcome == sv::JobOutcome::Succeeded)
                checkpoints.append(cp);
        });
        return job;
    }

    sv::Job *createRestoreJob(const sv::ui::RestoreRequest &request, QString *) override
    {
        restoreRequests.append(request);
        FakeJob::Options options = jobOptions;
        options.data.insert(QStringLiteral("server_id"), QStringLiteral("restored-1"));
        options.data.insert(QStringLiteral("server_name"), request.serverName);
        options.data.insert(restoreResultData);
        return new FakeJob(QStringLiteral("Restore %1").arg(request.serverName), options);
    }

    sv::Job *createVerifyJob(const sv::ui::CheckpointEntry &checkpoint, QString *) override
    {
        FakeJob::Options options = jobOptions;
        options.steps = 2;
        return new FakeJob(QStringLiteral("Verify %1").arg(checkpoint.serverName), options);
    }

    sv::Job *createExportJob(const sv::ui::CheckpointEntry &checkpoint, const QString &path, sv::ExportFormat format,
                             QString *) override
    {
        exportRequests.append({checkpoint.id, path, sv::ExportJob::formatName(format)});
        FakeJob::Options options = jobOptions;
        options.steps = 2;
        return new FakeJob(QStringLiteral("Export %1").arg(checkpoint.serverName), options);
    }

    sv::Job *createDeleteJob(const sv::ui::CheckpointEntry &checkpoint, QString *) override
    {
        FakeJob::Options options = jobOptions;
        options.steps = 1;
        auto *job = new FakeJob(QStringLiteral("Delete %1").arg(checkpoint.serverName), options);
        const QString id = checkpoint.id;
        QObject::connect(job, &sv::Job::finished, this, [this, id](const sv::JobResult &result) {
            if (result.outcome == sv::JobOutcome::Succeeded)
                checkpoints.removeIf([&](const sv::ui::CheckpointEntry &cp) { return cp.id == id; });
        });
        return job;
    }

    // Helpers to build test data.
    static sv::ui::ServerEntry server(const QString &id, const QString &name, const QString &status = QStringLiteral("ACTIVE"))
    {
        sv::ui::ServerEntry s;
        s.id = id;
        s.name = name;
        s.status = status;
        s.flavorName = QStringLiteral("m1.small");
        s.imageId = QStringLiteral("img-") + id;
        s.imageName = QStringLiteral("debian-12");
        s.created = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
        s.addresses = {QStringLiteral("private: 10.0.0.5")};
        return s;
    }
    // An image-booted server with one attached data volume.
    static sv::ui::ServerEntry serverWithVolume(const QString &id, const QString &name)
    {
        sv::ui::ServerEntry s = server(id, name);
        s.volumes = {sv::ui::VolumeEntry{QStringLiteral("data-") + id, QStringLiteral("db-data"), 100,
                                         QStringLiteral("/dev/vdb"), false, false, QStringLiteral("ssd")}};
        return s;
    }
    static sv::ui::ServerEntry volumeServer(const QString &id, const QString &name)
    {
        sv::ui::ServerEntry s = server(id, name);
        s.imageId.clear();
        s.imageName.clear();
        s.volumes = {sv::ui::VolumeEntry{QStringLiteral("vol-") + id, name + QStringLiteral("-root"), 20,
                                         QStringLiteral("/dev/vda"), true, true, QStringLiteral("ssd")},
                     sv::ui::VolumeEntry{QStringLiteral("vol2-") + id, name + QStringLiteral("-data"), 100,
                                         QStringLiteral("/dev/vdb"), false, false, QStringLiteral("standard")}};
        return s;
    }
};
