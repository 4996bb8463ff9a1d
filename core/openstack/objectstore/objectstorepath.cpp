#include "openstack/objectstore/objectstorepath.h"

#include <QUrl>

namespace sv::openstack::objectstore {

QString containerPath(const QString &container)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(container));
}

QString objectPath(const QString &container, const QString &object)
{
    return containerPath(container) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(object, "/"));
}

QByteArray normalizedEtag(const QByteArray &header)
{
    QByteArray etag = header.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag.toLower();
}

} // namespace sv::openstack::objectstore
