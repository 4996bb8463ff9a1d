#pragma once

#include "openstack/apijob.h"

#include <QStringList>

namespace sv::openstack {

// GET /os-availability-zone: the compute zones a server can be created in (those Nova says are available).
class ListAvailabilityZonesJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListAvailabilityZonesJob(Connection *connection, QObject *parent = nullptr);
    const QStringList &zones() const { return m_zones; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QStringList m_zones;
};

} // namespace sv::openstack
