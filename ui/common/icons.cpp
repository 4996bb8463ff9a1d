#include "common/icons.h"

#include <QHash>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initStackVaultResources()
{
    Q_INIT_RESOURCE(stackvault);
}

namespace sv::ui {

void initResources()
{
    initStackVaultResources();
}

QIcon icon(const QString &name)
{
    // QIcon from an SVG is cheap to copy but not to create: keep one per name.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

QIcon serverStatusIcon(const QString &status, const QString &taskState)
{
    if (!taskState.isEmpty())
        return icon(QStringLiteral("status-busy"));
    if (status == u"ACTIVE")
        return icon(QStringLiteral("status-active"));
    if (status == u"SHUTOFF" || status == u"PAUSED" || status == u"SUSPENDED" || status == u"SHELVED"
        || status == u"SHELVED_OFFLOADED")
        return icon(QStringLiteral("status-shutoff"));
    if (status == u"ERROR" || status == u"DELETED" || status == u"SOFT_DELETED" || status == u"UNKNOWN")
        return icon(QStringLiteral("status-error"));
    return icon(QStringLiteral("status-busy"));
}

} // namespace sv::ui
