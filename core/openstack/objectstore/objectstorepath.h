#pragma once

#include <QString>

namespace sv::openstack::objectstore {

// "<container>/<object>" relative to the account URL of the catalog, each part percent-encoded (an
// object name may hold '/', which Swift keeps as part of the name, so it is left as is).
QString objectPath(const QString &container, const QString &object);
QString containerPath(const QString &container);
// Swift's ETag of a plain object is the hex md5 of its bytes, sometimes quoted.
QByteArray normalizedEtag(const QByteArray &header);

} // namespace sv::openstack::objectstore
