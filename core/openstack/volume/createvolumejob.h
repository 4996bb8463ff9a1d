#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volume.h"
#include "openstack/volume/volumecreaterequest.h"

namespace sv::openstack {

// POST /v3/{project}/volumes: a blank volume or one from a snapshot or an image. The volume starts
// `creating`; wait for `available` with VolumeStatusWaiter. Not retried (a second POST makes a
// second volume).
class CreateVolumeJob : public ApiJob
{
    Q_OBJECT
public:
    CreateVolumeJob(Connection *connection, VolumeCreateRequest request, QObject *parent = nullptr);
    const Volume &volume() const { return m_volume; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    VolumeCreateRequest m_create;
    Volume m_volume;
};

} // namespace sv::openstack
