#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// POST /v3/{project}/volumes/{id}/action {"os-volume_upload_image": {...}}: Cinder copies the volume
// into a new Glance image (the volume is `uploading` meanwhile; wait for the image to become active).
// An in-use volume needs `force`, which policy may forbid: upload a volume made from a snapshot instead.
// Not retried (a second POST makes a second image).
class UploadVolumeToImageJob : public ApiJob
{
    Q_OBJECT
public:
    UploadVolumeToImageJob(Connection *connection, QString volumeId, QString imageName, QObject *parent = nullptr);
    void setDiskFormat(const QString &format) { m_diskFormat = format; }
    void setContainerFormat(const QString &format) { m_containerFormat = format; }
    void setForce(bool force) { m_force = force; }
    void setVolumeName(const QString &name) { m_volumeName = name; } // for messages

    const QString &imageId() const { return m_imageId; }
    const QString &imageName() const { return m_imageName; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_volumeId;
    QString m_volumeName;
    QString m_imageName;
    QString m_diskFormat = QStringLiteral("raw");
    QString m_containerFormat = QStringLiteral("bare");
    bool m_force = false;
    QString m_imageId;
};

} // namespace sv::openstack
