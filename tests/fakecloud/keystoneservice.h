#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Token;

// Keystone v3 under /identity: version documents, password and application-credential tokens with a
// catalog that points every service at this same server, validation and revocation.
class KeystoneService
{
public:
    explicit KeystoneService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

    // The catalog a project-scoped token carries; baseUrl is http://127.0.0.1:PORT.
    static QJsonArray catalog(const CloudState &state, const QString &baseUrl, const QString &projectId);

private:
    void versions(Exchange &ex);
    void version(Exchange &ex);
    void issueToken(Exchange &ex);
    void tokenInfo(Exchange &ex);
    void revokeToken(Exchange &ex);
    void authCatalog(Exchange &ex);
    void authProjects(Exchange &ex);
    QJsonObject tokenBody(const Token &token, const QString &baseUrl) const;
    static QJsonObject versionObject(const QString &baseUrl);
    CloudState &m_state;
};

} // namespace fake
