#pragma once

#include <QDateTime>
#include <QString>

namespace sv::ui {

// Human-readable sizes, rates and durations in the current locale.
QString formatBytes(qint64 bytes);
QString formatRate(double bytesPerSecond);
QString formatDuration(qint64 seconds);
QString formatDateTime(const QDateTime &dateTime);
// A volume as the tree, the details pane, the Backups tab and the restore wizard name it:
// "db-data — 100 GB, /dev/vdb", with " (boot volume)" for the disk a server boots from. An unknown size
// (0) or device (empty) is left out.
QString formatVolume(const QString &label, qint64 sizeGiB, const QString &device, bool boot);

} // namespace sv::ui
