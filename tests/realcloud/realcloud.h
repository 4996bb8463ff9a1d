#pragma once
// Where the real Keystone, Glance and Swift that scripts/test started (tests/realcloud/start.sh) are,
// and with which credentials to reach them. Tests labelled `realcloud` start with REALCLOUD_REQUIRE().

#include "bank/bankerror.h"
#include "profiles/cloudprofile.h"
#include "profiles/s3profile.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace sv {
class ObjectStoreBank;
}

namespace real {

// One Keystone user, scoped to one project (both in domain Default).
struct Credentials
{
    QString username;
    QString password;
    QString projectName;
    QString userDomainName = QStringLiteral("Default");
    QString projectDomainName = QStringLiteral("Default");
};

class RealCloud
{
public:
    // Reads $REALCLOUD_DIR/env and $REALCLOUD_DIR/env.admin, as written by start.sh.
    static RealCloud fromEnvironment();
    // Under CI (CI=true) the real services must be there: a test without them fails instead of skipping.
    static bool isRequired();

    bool isAvailable() const { return m_error.isEmpty(); }
    // Why isAvailable() is false, in words.
    QString unavailableReason() const { return m_error; }

    QString dir() const { return m_dir; }
    QUrl authUrl() const;   // http://127.0.0.1:PORT/v3
    QUrl glanceUrl() const; // the image endpoint, as in the catalog
    QUrl swiftUrl() const;  // http://127.0.0.1:PORT/v1 (a project's account is AUTH_<project id> below it)
    QString regionName() const;
    // The second Keystone (same users, same catalog) whose tokens expire after shortTokenLifetime()
    // seconds, for token-expiry tests; empty when start.sh ran with REALCLOUD_SHORT_TOKEN_EXPIRATION=0.
    QUrl shortAuthUrl() const;
    int shortTokenLifetime() const;
    Credentials demo() const;  // user demo, role member on project demo
    Credentials admin() const; // user admin, role admin on project admin (may change the catalog)
    // Any variable of the env file (OS_* and REALCLOUD_*), e.g. REALCLOUD_SWIFT_OBJECT_PORT.
    QString value(const QString &name) const { return m_values.value(name); }

    // For the `openstack` CLI: this process's environment without any OS_* (a developer's OS_CLOUD
    // would win over the OS_* below), plus the env file of the given user (demo or admin).
    QProcessEnvironment cliEnvironment(bool asAdmin = false) const;

private:
    bool load(const QString &fileName, QHash<QString, QString> *values);

    QString m_dir;
    QString m_error;
    QHash<QString, QString> m_values;      // $REALCLOUD_DIR/env (demo)
    QHash<QString, QString> m_adminValues; // $REALCLOUD_DIR/env.admin
};

// The demo user's cloud profile (a fresh id, the real region), as a user would save it: named `name`,
// at `authUrl` (default: the real Keystone; shortAuthUrl() for token-expiry tests).
sv::CloudProfile demoProfile(const RealCloud &cloud, const QString &name = QStringLiteral("realcloud"),
                             const QUrl &authUrl = QUrl());

// The demo user's EC2 credentials as an S3 profile of the real Swift's s3api (path style); its secret
// is value("REALCLOUD_S3_SECRET_KEY").
sv::S3Profile s3Profile(const RealCloud &cloud, const QString &name = QStringLiteral("realcloud-s3"));

// Deletes every object of the bank's container (what a test wrote); the container itself stays. Blocks:
// call it off the GUI thread of a test that serves requests on it. False (and *error) if listing failed.
bool deleteAllObjects(sv::ObjectStoreBank &bank, sv::BankError *error);

} // namespace real

// First statement of a realcloud test's initTestCase(): skips all its tests (loudly: CTest reports
// them "Skipped") when the real services are not running, but fails them under CI.
#define REALCLOUD_REQUIRE(cloud)                                                                     \
    do {                                                                                             \
        if (!(cloud).isAvailable()) {                                                                \
            if (real::RealCloud::isRequired())                                                       \
                QFAIL(qPrintable(QStringLiteral("realcloud: the real services are required under "  \
                                                "CI=true but absent: ")                              \
                                 + (cloud).unavailableReason()));                                    \
            QSKIP(qPrintable(QStringLiteral("realcloud: SKIPPED, no real services (")               \
                             + (cloud).unavailableReason()                                           \
                             + QStringLiteral("); scripts/test starts them unless "                  \
                                              "STACKVAULT_REALCLOUD=0")));                           \
        }                                                                                            \
    } while (false)
