#include "backend/corebackend.h"

#include <QMetaObject>

namespace sv::ui {

CoreBackend::CoreBackend(QObject *parent)
    : Backend(parent)
{
}

CoreBackend::~CoreBackend() = default;

QList<CloudEntry> CoreBackend::clouds() const
{
    return {};
}

void CoreBackend::requestServers(const QString &cloudId)
{
    // Answers are always delivered later, never from inside the request, like a network reply.
    QMetaObject::invokeMethod(this, [this, cloudId] {
        Q_EMIT serversFailed(cloudId, tr("Listing servers is not available in this build yet."));
    }, Qt::QueuedConnection);
}

void CoreBackend::requestCheckpoints()
{
    QMetaObject::invokeMethod(this, [this] { Q_EMIT checkpointsReady({}); }, Qt::QueuedConnection);
}

void CoreBackend::requestTargetOptions(const QString &cloudId, const QString &region)
{
    QMetaObject::invokeMethod(this, [this, cloudId, region] {
        Q_EMIT targetOptionsFailed(cloudId, region, tr("Listing flavors and networks is not available in this build yet."));
    }, Qt::QueuedConnection);
}

Job *CoreBackend::createBackupJob(const QString &, const ServerEntry &, bool, QString *error)
{
    if (error)
        *error = tr("Backing up is not available in this build yet.");
    return nullptr;
}

Job *CoreBackend::createRestoreJob(const RestoreRequest &, QString *error)
{
    if (error)
        *error = tr("Restoring is not available in this build yet.");
    return nullptr;
}

Job *CoreBackend::createVerifyJob(const CheckpointEntry &, QString *error)
{
    if (error)
        *error = tr("Verifying is not available in this build yet.");
    return nullptr;
}

Job *CoreBackend::createDeleteJob(const CheckpointEntry &, QString *error)
{
    if (error)
        *error = tr("Deleting backups is not available in this build yet.");
    return nullptr;
}

} // namespace sv::ui
