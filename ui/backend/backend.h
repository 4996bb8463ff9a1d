#pragma once

#include "backend/checkpointentry.h"
#include "backend/cloudentry.h"
#include "backend/projectentry.h"
#include "backend/restorerequest.h"
#include "backend/serverentry.h"
#include "backend/targetoptions.h"
#include "backend/testrestorerequest.h"
#include "backend/volumetypeentry.h"
#include "protection/exportjob.h"
#include "protection/volumeselection.h"

#include <QList>
#include <QObject>

namespace sv {
class Job;
struct CloudProfile;
} // namespace sv

namespace sv::ui {

// Everything the UI asks of the core, in one place. Requests are asynchronous and answered by the
// signals below on the GUI thread; job factories return a job for sv::JobManager to run (or nullptr and
// a sentence in *error). The real implementation (CoreBackend) wires core/openstack, core/profiles,
// core/bank and the protection engine; tests use a fake.
class Backend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Backend() override;

    virtual QList<CloudEntry> clouds() const = 0;

    virtual void requestServers(const QString &cloudId) = 0;
    // Cloud admins' "All projects": every project of the cloud (Keystone), and one project's servers (Nova's
    // all_tenants listing narrowed to it), answered page by page. Whether a cloud's credentials are an
    // admin's is told by adminAccessKnown() with each requestServers(). This default answers that the
    // backend cannot (test backends).
    virtual void requestProjects(const QString &cloudId);
    virtual void requestProjectServers(const QString &cloudId, const QString &projectId);
    virtual void requestCheckpoints() = 0;
    virtual void requestTargetOptions(const QString &cloudId, const QString &region) = 0;
    // The target's Cinder volume types (the restore wizard maps saved types onto them).
    virtual void requestVolumeTypes(const QString &cloudId) = 0;
    // Makes sure the cloud's session exists (its secret read from the keychain) so that a job for it can be
    // made; answered by cloudSessionReady() — with an error when the cloud is gone or its secret cannot be read.
    virtual void requestCloudSession(const QString &cloudId) = 0;

    // `volumes`: the attached volumes to save (only with includeData), by id.
    virtual Job *createBackupJob(const QString &cloudId, const ServerEntry &server, bool includeData,
                                 const VolumeSelection &volumes, QString *error) = 0;
    virtual Job *createRestoreJob(const RestoreRequest &request, QString *error) = 0;
    // "Prove it boots": restores under a scratch name, waits, removes everything and records the result in
    // the backup. Needs the target's session (requestCloudSession()).
    virtual Job *createTestRestoreJob(const TestRestoreRequest &request, QString *error) = 0;
    virtual Job *createVerifyJob(const CheckpointEntry &checkpoint, QString *error) = 0;
    virtual Job *createDeleteJob(const CheckpointEntry &checkpoint, QString *error) = 0;
    // Writes the backup's disks into `path` (the root disk; volumes beside it, ExportJob::planFiles).
    virtual Job *createExportJob(const CheckpointEntry &checkpoint, const QString &path, ExportFormat format,
                                 QString *error) = 0;

    // At start-up: looks in the backup storage's journal for what interrupted backups and restores left
    // in the clouds and, when something is left, answers with leftoverSweepReady() — having signed in
    // only to the clouds the journal names. No answer when nothing is left over.
    virtual void requestLeftoverSweep() = 0;
    // Signs in with `profile` and `secret` (empty: the saved one) without touching the sessions in use;
    // answered by connectionTested().
    virtual void testConnection(const CloudProfile &profile, const QString &secret) = 0;

Q_SIGNALS:
    void cloudsChanged();
    void serversReady(const QString &cloudId, const QList<sv::ui::ServerEntry> &servers);
    void serversFailed(const QString &cloudId, const QString &message);
    // After signing in to the cloud for requestServers(): whether its token carries the admin role.
    void adminAccessKnown(const QString &cloudId, bool admin);
    void projectsReady(const QString &cloudId, const QList<sv::ui::ProjectEntry> &projects);
    void projectsFailed(const QString &cloudId, const QString &message);
    // One page of a project's servers; `last`: the listing is complete (the page may be empty).
    void projectServersReady(const QString &cloudId, const QString &projectId, const QList<sv::ui::ServerEntry> &servers,
                             bool last);
    void projectServersFailed(const QString &cloudId, const QString &projectId, const QString &message);
    void checkpointsReady(const QList<sv::ui::CheckpointEntry> &checkpoints);
    void checkpointsFailed(const QString &message);
    // With each listing: where the backup storage is and whether it is encrypted.
    void storageDescribed(const QString &location, bool encrypted);
    void targetOptionsReady(const QString &cloudId, const QString &region, const sv::ui::TargetOptions &options);
    void targetOptionsFailed(const QString &cloudId, const QString &region, const QString &message);
    void volumeTypesReady(const QString &cloudId, const QList<sv::ui::VolumeTypeEntry> &types);
    void volumeTypesFailed(const QString &cloudId, const QString &message);
    // `error` is empty when the session is ready.
    void cloudSessionReady(const QString &cloudId, const QString &error);
    // The receiver owns the job and runs it (MainWindow: in the jobs dock).
    void leftoverSweepReady(sv::Job *job);
    // `message`: what was found (the project, the number of services), or why signing in failed.
    void connectionTested(bool ok, const QString &message);
};

} // namespace sv::ui
