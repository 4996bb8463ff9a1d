#pragma once

#include "openstack/servicecatalog.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace sv::openstack {

// What one successful Keystone authentication yields. Copied out of the Session under its lock, so
// a job always works with one consistent snapshot.
struct AuthState
{
    QByteArray token;       // X-Subject-Token; never logged
    QDateTime obtainedAt;   // local clock, UTC
    QDateTime expiresAt;    // in local clock terms: now + (expires_at - issued_at), immune to clock skew
    ServiceCatalog catalog;
    QString projectId;
    QString projectName;
    QString userId;
    QStringList roles; // the token's role names in its project ("admin", "member", …)
    quint64 generation = 0; // increases with every new token; lets a 401 invalidate only the token it saw

    bool isValid() const { return !token.isEmpty(); }
};

} // namespace sv::openstack
