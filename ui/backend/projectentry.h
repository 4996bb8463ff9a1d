#pragma once

#include <QMetaType>
#include <QString>

namespace sv::ui {

// A project of a cloud as an admin's "All projects" node lists it.
struct ProjectEntry
{
    QString id;
    QString name;
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::ProjectEntry)
