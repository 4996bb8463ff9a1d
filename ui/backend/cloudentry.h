#pragma once

#include <QString>

namespace sv::ui {

// A saved cloud as the UI lists it.
struct CloudEntry
{
    QString id;
    QString name;
    QString projectName;
    QString regionName;
};

} // namespace sv::ui
