#include "protection/volumeselection.h"

#include <QCoreApplication>

namespace sv {

std::optional<VolumeSelection> VolumeSelection::parse(const QString &text, QString *why)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return all();
    if (trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return none();
    QStringList names;
    for (const QString &part : trimmed.split(QLatin1Char(','))) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    if (names.isEmpty()) {
        if (why)
            *why = QCoreApplication::translate("sv::VolumeSelection",
                                               "\"%1\" names no volume: give all, none, or volume names or ids "
                                               "separated by commas.")
                       .arg(text);
        return std::nullopt;
    }
    return named(names);
}

QString VolumeSelection::toString() const
{
    switch (mode) {
    case Mode::All:
        return QStringLiteral("all");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Named:
        break;
    }
    return names.join(QLatin1Char(','));
}

bool VolumeSelection::includes(const QString &id, const QString &name) const
{
    switch (mode) {
    case Mode::All:
        return true;
    case Mode::None:
        return false;
    case Mode::Named:
        break;
    }
    return names.contains(id) || (!name.isEmpty() && names.contains(name));
}

QStringList VolumeSelection::unmatched(const QStringList &ids, const QStringList &volumeNames) const
{
    QStringList missing;
    if (mode != Mode::Named)
        return missing;
    for (const QString &wanted : names) {
        if (!ids.contains(wanted) && !volumeNames.contains(wanted))
            missing.append(wanted);
    }
    return missing;
}

} // namespace sv
