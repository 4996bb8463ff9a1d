#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /v3/{project}/volumes/{id}. Cinder deletes asynchronously (status `deleting`); a volume that
// is already gone counts as deleted (cleanup after a crash may delete twice).
class DeleteVolumeJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteVolumeJob(Connection *connection, QString volumeId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_volumeId;
};

} // namespace sv::openstack
