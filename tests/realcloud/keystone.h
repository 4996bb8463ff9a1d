#pragma once
// Talks to the real Keystone for test code: logs a user in (token, project id, catalog) and, logged in
// as admin, registers extra services in the catalog, e.g. the fake cloud's compute endpoint, so that
// StackVault sees one catalog: identity, image, object-store real; compute fake.

#include "httpclient.h"
#include "realcloud.h"

#include <QJsonArray>
#include <QJsonObject>

namespace real {

class Keystone
{
public:
    explicit Keystone(const RealCloud &cloud);

    // POST /v3/auth/tokens (password, project-scoped) at authUrl, by default the cloud's main
    // Keystone; RealCloud::shortAuthUrl() gives tokens that expire within seconds.
    // False and error() on failure.
    bool login(const Credentials &credentials, const QUrl &authUrl = {});
    QByteArray token() const { return m_token; }
    QString projectId() const;
    QJsonObject tokenBody() const { return m_tokenBody; } // the "token" object of the answer
    QJsonArray catalog() const;
    // The URL of the first endpoint of `type` with that interface in the cloud's region; empty if none.
    QUrl endpoint(const QString &type, const QString &interface = QStringLiteral("public")) const;
    QString error() const { return m_error; }

    // Needs login(cloud.admin()). Makes the service `type`/`name` have exactly one public, internal
    // and admin endpoint at `url` in the cloud's region (creating the service if missing, replacing
    // its endpoints if present). Returns the service id; empty and error() on failure.
    // Tokens issued afterwards carry it in their catalog.
    QString registerService(const QString &type, const QString &name, const QUrl &url);
    // Deletes the service's endpoints and the service. Needs login(cloud.admin()).
    bool removeService(const QString &serviceId);

    HttpClient &http() { return m_http; } // sends X-Auth-Token once logged in

private:
    HttpResult call(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    bool fail(const QString &what, const HttpResult &result);

    RealCloud m_cloud;
    HttpClient m_http;
    QByteArray m_token;
    QJsonObject m_tokenBody;
    QString m_error;
};

} // namespace real
