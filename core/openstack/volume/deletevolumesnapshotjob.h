#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /v3/{project}/snapshots/{id}. Cinder deletes asynchronously (status `deleting`); a snapshot
// that is already gone counts as deleted (cleanup after a crash may delete twice).
class DeleteVolumeSnapshotJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteVolumeSnapshotJob(Connection *connection, QString snapshotId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_snapshotId;
};

} // namespace sv::openstack
