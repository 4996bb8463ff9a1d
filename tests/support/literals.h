#pragma once
// Test-only shorthands for Qt strings from literals (the project builds with QT_NO_CAST_FROM_ASCII).

#include <QStringList>

#include <initializer_list>

namespace svtest {

inline QStringList names(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

} // namespace svtest
