#pragma once

#include <QLocale>
#include <QString>

namespace sv {

// A byte count as every StackVault message and view shows it: "1.5 MB", 1024-based with the
// traditional unit names, one decimal. The CLI passes QLocale::c() so that scripts see the same
// text in every locale; messages and views use the user's locale. A negative count (unknown) is "".
QString formatDataSize(qint64 bytes, const QLocale &locale = QLocale());

} // namespace sv
