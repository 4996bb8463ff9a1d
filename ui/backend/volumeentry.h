#pragma once

#include <QString>

namespace sv::ui {

// A volume attached to a server.
struct VolumeEntry
{
    QString id;
    QString name;
    qint64 sizeGiB = 0;
    QString device; // "/dev/vda"; empty when unknown
    bool bootable = false;
};

} // namespace sv::ui
