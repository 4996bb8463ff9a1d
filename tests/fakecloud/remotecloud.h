#pragma once

// The fake cloud's external mode: its Nova uses a *real* Keystone (token validation) and a *real* Glance
// (snapshot images, boot images) over HTTP, so StackVault can see one real catalog with only compute
// faked (tests/fakecloud/README.md "External mode"). The test hands the admin credentials in; this
// library never reads env files.

#include "model.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <mutex>

namespace fake {

class VirtualDisk;

// Where the real services are and how the fake Nova authenticates itself (as Nova's service user does).
struct ExternalServices
{
    QString authUrl;        // Keystone v3, e.g. http://127.0.0.1:PORT/v3
    QString adminUser;      // a user with role admin (may validate any token)
    QString adminPassword;
    QString adminProject;
    QString userDomain = QStringLiteral("Default");
    QString projectDomain = QStringLiteral("Default");
    QString region = QStringLiteral("RegionOne");
    QString imageUrl;       // Glance; empty: the image endpoint of the admin token's catalog (public)
    int tokenCacheSeconds = 10; // how long a validated token is trusted (keystonemiddleware caches too)
};

// A caller's token as the real Keystone described it.
struct RemoteIdentity
{
    Token token; // id = the token itself; userId, projectId, expiresAt
    QString userName;
    QString projectName;
    QStringList roles;
};

// An image of the real Glance, as Nova needs it to boot a server.
struct RemoteImage
{
    QString id;
    QString name;
    QString status;
    QString diskFormat;
    QString containerFormat;
    QString ownerId;
    QString visibility;
    int minDisk = 0;
    int minRam = 0;
    qint64 size = -1;
    QJsonObject properties; // the extra properties only (what Nova keeps as the instance's image metadata)
};

// Blocking HTTP to the real services (cpp-httplib's client); thread-safe, each call opens its own
// connection. Errors are returned in words naming the service and the HTTP status.
class RemoteCloud
{
public:
    explicit RemoteCloud(ExternalServices config);

    enum class Validation { Valid, Invalid, Unavailable };
    // GET /v3/auth/tokens with X-Subject-Token, authorised with the fake Nova's own admin token.
    Validation validate(const QString &token, RemoteIdentity *identity, QString *error);

    // The Glance endpoint (no version suffix), from the configuration or the admin catalog.
    QString imageEndpoint(QString *error);

    // POST /v2/images with the caller's token (Glance sets owner from it); the new image's id.
    bool createImage(const QString &token, const QJsonObject &body, QString *imageId, QString *error);
    // GET /v2/images/{id}; *httpStatus is Glance's status (404: not found/visible), 0 without an answer.
    bool showImage(const QString &token, const QString &imageId, RemoteImage *image, int *httpStatus, QString *error);
    // PUT /v2/images/{id}/file, streamed from the (frozen) disk: Glance shows `saving`, then `active`.
    bool uploadImage(const QString &token, const QString &imageId, const VirtualDisk &disk, QString *error);
    // GET /v2/images/{id}/file streamed into a file; *size is the number of bytes written.
    bool downloadImage(const QString &token, const QString &imageId, const QString &path, qint64 *size, QString *error);
    bool deleteImage(const QString &token, const QString &imageId, QString *error);

    // Glance's own image fields (not extra properties).
    static bool isCoreImageField(const QString &key);

private:
    QString adminToken(QString *error, bool renew = false);

    ExternalServices m_config;
    std::mutex m_mutex;
    QString m_adminToken;
    QDateTime m_adminExpires;
    QString m_imageEndpoint;
    QHash<QString, RemoteIdentity> m_cache; // token -> identity, trusted until m_cacheUntil
    QHash<QString, QDateTime> m_cacheUntil;
};

} // namespace fake
