#pragma once

#include <QString>

namespace sv::openstack {

// Replaces every credential in a string that is about to be logged or shown: X-Auth-Token and
// X-Subject-Token header values, JSON "password"/"secret"/"token"-like members, and query
// parameters of the same names. Central so that no log line or error text can leak a secret.
QString redact(QStringView text);
QString redact(const QByteArray &utf8);

} // namespace sv::openstack
