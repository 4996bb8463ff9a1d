#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /servers/{id}. A server that is already gone counts as deleted.
class DeleteServerJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteServerJob(Connection *connection, QString serverId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
};

} // namespace sv::openstack
