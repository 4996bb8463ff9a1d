#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// A project's block-storage quotas and what it uses (Cinder's "absolute" limits; -1: unlimited).
// `usedGigabytes` counts volumes and snapshots, as Cinder's `gigabytes` quota does.
struct VolumeLimits
{
    int maxVolumes = -1;
    int usedVolumes = 0;
    int maxGigabytes = -1;
    int usedGigabytes = 0;
};

// GET /v3/{project}/limits: any member of the project may read it (unlike os-quota-sets on older
// policies).
class ShowVolumeLimitsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ShowVolumeLimitsJob(Connection *connection, QObject *parent = nullptr);
    const VolumeLimits &limits() const { return m_limits; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    VolumeLimits m_limits;
};

} // namespace sv::openstack
