#pragma once

#include "backend/volumeentry.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sv::ui {

// A server as the tree and the details pane show it.
struct ServerEntry
{
    QString id;
    QString name;
    QString status;    // Nova's: ACTIVE, SHUTOFF, ERROR, BUILD, …
    QString taskState; // OS-EXT-STS:task_state; empty when idle
    QString flavorName;
    QString imageId; // empty: booted from a volume
    QString imageName;
    QString availabilityZone;
    QDateTime created;
    QStringList addresses; // "net: 10.0.0.5"
    QList<VolumeEntry> volumes;

    bool bootsFromVolume() const { return imageId.isEmpty(); }
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::ServerEntry)
