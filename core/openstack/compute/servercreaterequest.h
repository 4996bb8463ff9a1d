#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

namespace sv::openstack {

// What POST /servers needs: boot from an image (imageRef) or from block devices
// (block_device_mapping_v2), with networks given, "auto" or "none".
struct ServerCreateRequest
{
    struct BlockDevice
    {
        QString uuid;
        QString sourceType = QStringLiteral("image");       // image, volume, snapshot, blank
        QString destinationType = QStringLiteral("volume"); // volume or local
        int bootIndex = 0;                                  // -1: not bootable
        int volumeSizeGb = 0;
        QString volumeType; // 2.67+
        bool deleteOnTermination = false;
    };
    struct Network
    {
        QString uuid;
        QString port;
        QString fixedIp;
    };
    enum class NetworkMode { Auto, None, Explicit };

    QString name;
    QString flavorRef;
    QString imageRef; // empty when booting from blockDevices
    QList<BlockDevice> blockDevices;
    NetworkMode networkMode = NetworkMode::Auto;
    QList<Network> networks;
    QString keyName;
    QStringList securityGroups;
    QString availabilityZone;
    QJsonObject metadata;
    QByteArray userData; // raw; base64-encoded on the wire
    QStringList tags;    // 2.52+ (left out below)
    QString description; // 2.19+ (left out below); empty: none
    bool configDrive = false;
    QString serverGroupId; // the scheduler hint `group`; empty: none

    // The {"server": {...}, "os:scheduler_hints": {...}} body for `microversion` (networks "auto"/"none"
    // need 2.37+).
    QJsonObject toJson(const QVersionNumber &microversion) const;
};

} // namespace sv::openstack
