#pragma once

#include "openstack/statuswaiter.h"
#include "openstack/volume/volumesnapshot.h"

namespace sv::openstack {

// Waits until a volume snapshot is `available`. Keeps waiting on `creating`; fails on error*,
// deleting and when the snapshot disappears (404).
class VolumeSnapshotStatusWaiter : public StatusWaiter
{
    Q_OBJECT
public:
    VolumeSnapshotStatusWaiter(Connection *connection, QString snapshotId, std::chrono::milliseconds timeout,
                               QObject *parent = nullptr);
    void setVolumeName(const QString &name) { m_volumeName = name; } // the snapshot's volume, for messages

    const VolumeSnapshot &snapshot() const { return m_snapshot; } // the last record seen

protected:
    void poll() override;
    QString timeoutMessage(qint64 waitedSeconds) const override;

private:
    QString label() const;

    QString m_snapshotId;
    QString m_volumeName;
    VolumeSnapshot m_snapshot;
};

} // namespace sv::openstack
