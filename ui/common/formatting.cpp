#include "common/formatting.h"

#include "util/datasize.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace sv::ui {

QString formatBytes(qint64 bytes)
{
    return formatDataSize(bytes);
}

QString formatRate(double bytesPerSecond)
{
    if (bytesPerSecond < 1)
        return {};
    return QCoreApplication::translate("sv::ui::Formatting", "%1/s").arg(formatBytes(qint64(bytesPerSecond)));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return QCoreApplication::translate("sv::ui::Formatting", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("sv::ui::Formatting", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QCoreApplication::translate("sv::ui::Formatting", "%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat);
}

QString formatVolume(const QString &label, qint64 sizeGiB, const QString &device, bool boot)
{
    QStringList facts;
    if (sizeGiB > 0)
        facts << QCoreApplication::translate("sv::ui::Formatting", "%1 GB").arg(sizeGiB);
    if (!device.isEmpty())
        facts << device;
    QString text = facts.isEmpty() ? label
                                   : QCoreApplication::translate("sv::ui::Formatting", "%1 — %2")
                                         .arg(label, facts.join(QLatin1String(", ")));
    if (boot)
        text = QCoreApplication::translate("sv::ui::Formatting", "%1 (boot volume)").arg(text);
    return text;
}

} // namespace sv::ui
