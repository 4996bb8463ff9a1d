#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /v2.0/ports/{id} (Neutron); a port already gone (404) counts as deleted.
class DeletePortJob : public ApiJob
{
    Q_OBJECT
public:
    DeletePortJob(Connection *connection, QString portId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_portId;
};

} // namespace sv::openstack
