#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/flavor.h"

namespace sv::openstack {

// GET /flavors/detail (all pages).
class ListFlavorsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListFlavorsJob(Connection *connection, QObject *parent = nullptr);
    const QList<Flavor> &flavors() const { return m_flavors; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<Flavor> m_flavors;
    QString m_lastLink;
};

} // namespace sv::openstack
