#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volumetype.h"

namespace sv::openstack {

// GET /v3/{project}/types: the volume types this project may use (a restore maps saved types onto them).
class ListVolumeTypesJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListVolumeTypesJob(Connection *connection, QObject *parent = nullptr);
    const QList<VolumeType> &types() const { return m_types; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<VolumeType> m_types;
};

} // namespace sv::openstack
