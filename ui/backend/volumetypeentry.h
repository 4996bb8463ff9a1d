#pragma once

#include <QMetaType>
#include <QString>

namespace sv::ui {

// A Cinder volume type of a target cloud.
struct VolumeTypeEntry
{
    QString id;
    QString name;
    bool isPublic = true;
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::VolumeTypeEntry)
