#pragma once

#include <QDateTime>
#include <QString>

namespace sv::ui {

// Human-readable sizes, rates and durations in the current locale.
QString formatBytes(qint64 bytes);
QString formatRate(double bytesPerSecond);
QString formatDuration(qint64 seconds);
QString formatDateTime(const QDateTime &dateTime);

} // namespace sv::ui
