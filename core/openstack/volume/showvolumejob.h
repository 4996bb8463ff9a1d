#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volume.h"

namespace sv::openstack {

// GET /v3/{project}/volumes/{id}.
class ShowVolumeJob : public ApiJob
{
    Q_OBJECT
public:
    ShowVolumeJob(Connection *connection, QString volumeId, QObject *parent = nullptr);
    const Volume &volume() const { return m_volume; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_volumeId;
    Volume m_volume;
};

} // namespace sv::openstack
