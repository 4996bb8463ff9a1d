#pragma once

#include "backend/flavorentry.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sv::ui {

// What a target cloud/project/region offers a restored server.
struct TargetOptions
{
    struct Network
    {
        QString id;
        QString name;
    };
    QStringList regions;
    QList<FlavorEntry> flavors;
    QList<Network> networks;
    QStringList keyPairs;
    QStringList securityGroups;
    QStringList availabilityZones;
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::TargetOptions)
