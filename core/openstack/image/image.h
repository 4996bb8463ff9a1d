#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace sv::openstack {

// A Glance v2 image. `raw` is the full record: every property, including custom ones such as
// hw_firmware_type, which a restore must carry over.
struct Image
{
    QString id;
    QString name;
    QString status; // queued, saving, uploading, importing, active, killed, deleted, pending_delete, deactivated
    qint64 size = -1;
    qint64 virtualSize = -1;
    QString checksum;    // md5 hex
    QString osHashAlgo;  // sha512 normally
    QString osHashValue; // hex
    QString diskFormat;
    QString containerFormat;
    int minDisk = 0;
    int minRam = 0;
    QString visibility;
    QJsonObject raw;

    static Image fromJson(const QJsonObject &json);
};

} // namespace sv::openstack

Q_DECLARE_METATYPE(sv::openstack::Image)
