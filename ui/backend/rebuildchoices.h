#pragma once

#include "protection/restorejob.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv::ui {

// What the restore wizard's server-details page chose (README "Faithful rebuild"); used only when the
// page was shown (`set`): the NICs replace the networks of the server page.
struct RebuildChoices
{
    bool set = false;
    QList<sv::RestoreRequest::Nic> nics; // network ids; empty: no network
    QJsonObject metadata;
    QStringList tags;
    QString description;
    QString serverGroup; // "" : none
    bool configDrive = false;
    bool userData = true;

    // Writes the choices into a core restore request (nothing when not `set`).
    void applyTo(sv::RestoreRequest &request) const;
};

} // namespace sv::ui
