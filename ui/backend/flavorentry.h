#pragma once

#include <QString>

namespace sv::ui {

struct FlavorEntry
{
    QString id;
    QString name;
    int vcpus = 0;
    qint64 ramMiB = 0;
    qint64 diskGiB = 0;
};

} // namespace sv::ui
