#pragma once

#include "openstack/statuswaiter.h"
#include "openstack/volume/volume.h"

namespace sv::openstack {

// Waits until a volume reaches its target status (`available` unless told otherwise, e.g. `in-use`
// after an attach). Keeps waiting on Cinder's transitional statuses; fails on error*, deleting and
// when the volume disappears (404).
class VolumeStatusWaiter : public StatusWaiter
{
    Q_OBJECT
public:
    VolumeStatusWaiter(Connection *connection, QString volumeId, std::chrono::milliseconds timeout,
                       QObject *parent = nullptr);
    void setTargetStatus(const QString &status) { m_target = status; }
    void setVolumeName(const QString &name) { m_volumeName = name; } // for messages

    const Volume &volume() const { return m_volume; } // the last record seen

    // Statuses a volume passes through on its way somewhere else.
    static bool isTransitional(const QString &status);

Q_SIGNALS:
    void statusChanged(const QString &status);

protected:
    void poll() override;
    QString timeoutMessage(qint64 waitedSeconds) const override;

private:
    QString label() const;

    QString m_volumeId;
    QString m_volumeName;
    QString m_target = QStringLiteral("available");
    Volume m_volume;
};

} // namespace sv::openstack
