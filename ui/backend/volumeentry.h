#pragma once

#include <QString>

namespace sv::ui {

// A volume attached to a server, as Cinder and Nova describe it.
struct VolumeEntry
{
    QString id;
    QString name;
    qint64 sizeGiB = 0; // 0: unknown (Cinder could not be asked)
    QString device;     // "/dev/vda"; empty when unknown
    bool bootable = false; // Cinder's flag: the volume holds a bootable image
    bool boot = false;     // the disk a boot-from-volume server starts from
    QString volumeType;

    QString label() const { return name.isEmpty() ? id : name; }
    bool operator==(const VolumeEntry &other) const = default;
};

} // namespace sv::ui
