#include "keystoneservice.h"

#include "adminapi.h"
#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>

namespace fake {

using http::keystoneError;

namespace {

const QString Unauthenticated = QStringLiteral("The request you have made requires authentication.");

QJsonObject domainObject(const CloudState &state, const QString &domainId)
{
    return QJsonObject{{QStringLiteral("id"), domainId}, {QStringLiteral("name"), state.domains.value(domainId)}};
}

QString roleId(const QString &name)
{
    return http::stableHexId(QStringLiteral("role:") + name);
}

} // namespace

KeystoneService::KeystoneService(CloudState &state)
    : m_state(state)
{
}

void KeystoneService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    auto allow = [&](bool ok) {
        if (!ok)
            keystoneError(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return ok;
    };
    if (segments.isEmpty()) {
        if (allow(get))
            versions(ex);
        return;
    }
    if (segments.at(0) != QLatin1String("v3")) {
        keystoneError(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    const QStringList rest = segments.mid(1);
    if (rest.isEmpty()) {
        if (allow(get))
            version(ex);
        return;
    }
    if (rest == QStringList{QStringLiteral("auth"), QStringLiteral("tokens")}) {
        if (method == QLatin1String("POST"))
            issueToken(ex);
        else if (get)
            tokenInfo(ex);
        else if (method == QLatin1String("DELETE"))
            revokeToken(ex);
        else
            allow(false);
        return;
    }
    if (rest == QStringList{QStringLiteral("auth"), QStringLiteral("catalog")}) {
        if (allow(get))
            authCatalog(ex);
        return;
    }
    if (rest == QStringList{QStringLiteral("auth"), QStringLiteral("projects")}
        || (rest.size() == 3 && rest.at(0) == QLatin1String("users") && rest.at(2) == QLatin1String("projects"))) {
        if (allow(get))
            authProjects(ex);
        return;
    }
    if (rest == QStringList{QStringLiteral("projects")}) {
        if (allow(get))
            listProjects(ex, m_state); // adminapi.h: admins only
        return;
    }
    keystoneError(ex, 404, QStringLiteral("The resource could not be found."));
}

QJsonObject KeystoneService::versionObject(const QString &baseUrl)
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("v3.14")},
        {QStringLiteral("status"), QStringLiteral("stable")},
        {QStringLiteral("updated"), QStringLiteral("2020-04-07T00:00:00Z")},
        {QStringLiteral("links"),
         QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                {QStringLiteral("href"), QString(baseUrl + QStringLiteral("/identity/v3/"))}}}},
        {QStringLiteral("media-types"),
         QJsonArray{QJsonObject{{QStringLiteral("base"), QStringLiteral("application/json")},
                                {QStringLiteral("type"), QStringLiteral("application/vnd.openstack.identity-v3+json")}}}}};
}

void KeystoneService::versions(Exchange &ex)
{
    // Keystone answers its root with 300 Multiple Choices.
    ex.json(300, QJsonObject{{QStringLiteral("versions"),
                              QJsonObject{{QStringLiteral("values"), QJsonArray{versionObject(ex.baseUrl())}}}}});
}

void KeystoneService::version(Exchange &ex)
{
    ex.json(200, QJsonObject{{QStringLiteral("version"), versionObject(ex.baseUrl())}});
}

QJsonArray KeystoneService::catalog(const CloudState &state, const QString &baseUrl, const QString &projectId)
{
    struct Entry
    {
        QString type;
        QString name;
        QString url;
    };
    const QList<Entry> entries{
        {QStringLiteral("identity"), QStringLiteral("keystone"), baseUrl + QStringLiteral("/identity")},
        {QStringLiteral("compute"), QStringLiteral("nova"), baseUrl + QStringLiteral("/compute/v2.1")},
        {QStringLiteral("image"), QStringLiteral("glance"), baseUrl + QStringLiteral("/image")},
        {QStringLiteral("block-storage"), QStringLiteral("cinder"), baseUrl + QStringLiteral("/volume/v3/") + projectId},
        {QStringLiteral("volumev3"), QStringLiteral("cinderv3"), baseUrl + QStringLiteral("/volume/v3/") + projectId},
        {QStringLiteral("network"), QStringLiteral("neutron"), baseUrl + QStringLiteral("/networking")},
    };
    QJsonArray services;
    for (const Entry &entry : entries) {
        QJsonArray endpoints;
        for (const QString &region : state.settings.regions) {
            for (const QString &interface : {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("admin")}) {
                endpoints.append(QJsonObject{
                    {QStringLiteral("id"), http::stableHexId(entry.type + region + interface)},
                    {QStringLiteral("interface"), interface},
                    {QStringLiteral("region"), region},
                    {QStringLiteral("region_id"), region},
                    {QStringLiteral("url"), entry.url}});
            }
        }
        services.append(QJsonObject{{QStringLiteral("endpoints"), endpoints},
                                    {QStringLiteral("id"), http::stableHexId(QStringLiteral("service:") + entry.type)},
                                    {QStringLiteral("type"), entry.type},
                                    {QStringLiteral("name"), entry.name}});
    }
    return services;
}

QJsonObject KeystoneService::tokenBody(const Token &token, const QString &baseUrl) const
{
    const User user = m_state.users.value(token.userId);
    QJsonObject body{
        {QStringLiteral("methods"), QJsonArray::fromStringList(token.methods)},
        {QStringLiteral("audit_ids"), QJsonArray{token.auditId}},
        {QStringLiteral("expires_at"), CloudState::isoTimeMicro(token.expiresAt)},
        {QStringLiteral("issued_at"), CloudState::isoTimeMicro(token.issuedAt)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("domain"), domainObject(m_state, user.domainId)},
                     {QStringLiteral("id"), user.id},
                     {QStringLiteral("name"), user.name},
                     {QStringLiteral("password_expires_at"), QJsonValue::Null}}}};
    if (!token.projectId.isEmpty()) {
        const Project project = m_state.projects.value(token.projectId);
        body.insert(QStringLiteral("project"),
                    QJsonObject{{QStringLiteral("domain"), domainObject(m_state, project.domainId)},
                                {QStringLiteral("id"), project.id},
                                {QStringLiteral("name"), project.name}});
        body.insert(QStringLiteral("is_domain"), false);
        QJsonArray roles;
        for (const QString &role : user.roles)
            roles.append(QJsonObject{{QStringLiteral("id"), roleId(role)}, {QStringLiteral("name"), role}});
        body.insert(QStringLiteral("roles"), roles);
        body.insert(QStringLiteral("catalog"), catalog(m_state, baseUrl, project.id));
    }
    if (!token.appCredentialId.isEmpty()) {
        const AppCredential cred = m_state.appCredentials.value(token.appCredentialId);
        body.insert(QStringLiteral("application_credential"),
                    QJsonObject{{QStringLiteral("id"), cred.id},
                                {QStringLiteral("name"), cred.name},
                                {QStringLiteral("restricted"), !cred.unrestricted}});
    }
    return QJsonObject{{QStringLiteral("token"), body}};
}

void KeystoneService::issueToken(Exchange &ex)
{
    QJsonObject request;
    QString error;
    if (!http::parseJsonObject(ex, &request, &error)) {
        keystoneError(ex, 400, error);
        return;
    }
    const QJsonObject auth = request.value(QStringLiteral("auth")).toObject();
    const QJsonObject identity = auth.value(QStringLiteral("identity")).toObject();
    const QJsonArray methods = identity.value(QStringLiteral("methods")).toArray();
    if (auth.isEmpty() || identity.isEmpty() || methods.isEmpty()) {
        keystoneError(ex, 400,
                      QStringLiteral("Expecting to find identity in auth. The server could not comply with the "
                                     "request since it is either malformed or otherwise incorrect. The client is "
                                     "assumed to be in error."));
        return;
    }
    std::lock_guard lock(m_state.mutex);
    auto domainOf = [&](const QJsonObject &domain) {
        if (domain.contains(QStringLiteral("id")))
            return domain.value(QStringLiteral("id")).toString();
        return m_state.domainIdByName(domain.value(QStringLiteral("name")).toString());
    };
    const QString method = methods.at(0).toString();
    QString userId;
    QString projectId;
    QString credId;
    const QJsonObject scope = auth.value(QStringLiteral("scope")).toObject();
    if (method == QLatin1String("password")) {
        const QJsonObject userObj = identity.value(QStringLiteral("password")).toObject().value(QStringLiteral("user")).toObject();
        const User *user = nullptr;
        if (userObj.contains(QStringLiteral("id"))) {
            auto it = m_state.users.constFind(userObj.value(QStringLiteral("id")).toString());
            user = it == m_state.users.constEnd() ? nullptr : &it.value();
        } else if (userObj.contains(QStringLiteral("name"))) {
            user = m_state.userByName(userObj.value(QStringLiteral("name")).toString(),
                                      domainOf(userObj.value(QStringLiteral("domain")).toObject()));
        }
        if (!user || user->password != userObj.value(QStringLiteral("password")).toString()) {
            keystoneError(ex, 401, Unauthenticated);
            return;
        }
        userId = user->id;
        if (scope.contains(QStringLiteral("project"))) {
            const QJsonObject p = scope.value(QStringLiteral("project")).toObject();
            const Project *project = p.contains(QStringLiteral("id"))
                ? m_state.projectById(p.value(QStringLiteral("id")).toString())
                : m_state.projectByName(p.value(QStringLiteral("name")).toString(),
                                        domainOf(p.value(QStringLiteral("domain")).toObject()));
            if (!project || !user->projectIds.contains(project->id)) {
                keystoneError(ex, 401, project ? QStringLiteral("User %1 has no access to project %2").arg(user->id, project->id)
                                               : Unauthenticated);
                return;
            }
            projectId = project->id;
        } else if (!scope.isEmpty()) {
            keystoneError(ex, 401, QStringLiteral("The fake cloud supports project scope only."));
            return;
        } else if (!user->defaultProjectId.isEmpty() && user->projectIds.contains(user->defaultProjectId)) {
            // Keystone scopes an unscoped request to the user's default project.
            projectId = user->defaultProjectId;
        }
    } else if (method == QLatin1String("application_credential")) {
        const QJsonObject credObj = identity.value(QStringLiteral("application_credential")).toObject();
        const AppCredential *cred = nullptr;
        if (credObj.contains(QStringLiteral("id"))) {
            auto it = m_state.appCredentials.constFind(credObj.value(QStringLiteral("id")).toString());
            cred = it == m_state.appCredentials.constEnd() ? nullptr : &it.value();
        } else {
            const QJsonObject userObj = credObj.value(QStringLiteral("user")).toObject();
            QString ownerId = userObj.value(QStringLiteral("id")).toString();
            if (ownerId.isEmpty()) {
                const User *owner = m_state.userByName(userObj.value(QStringLiteral("name")).toString(),
                                                       domainOf(userObj.value(QStringLiteral("domain")).toObject()));
                ownerId = owner ? owner->id : QString();
            }
            for (const auto &c : m_state.appCredentials) {
                if (c.userId == ownerId && c.name == credObj.value(QStringLiteral("name")).toString())
                    cred = &c;
            }
        }
        if (!cred || cred->secret != credObj.value(QStringLiteral("secret")).toString()) {
            keystoneError(ex, 401, Unauthenticated);
            return;
        }
        if (!scope.isEmpty()) {
            keystoneError(ex, 401, QStringLiteral("Application credentials cannot request a scope."));
            return;
        }
        userId = cred->userId;
        projectId = cred->projectId;
        credId = cred->id;
    } else {
        keystoneError(ex, 401, QStringLiteral("Attempted to authenticate with an unsupported method."));
        return;
    }
    const Token token = m_state.issueToken(userId, projectId, QStringList{method}, credId);
    ex.setHeader("X-Subject-Token", token.id.toLatin1());
    ex.setHeader("Vary", "X-Auth-Token");
    ex.json(201, tokenBody(token, ex.baseUrl()));
}

void KeystoneService::tokenInfo(Exchange &ex)
{
    std::lock_guard lock(m_state.mutex);
    if (!http::requireToken(ex, m_state))
        return;
    const QString subject = QString::fromUtf8(ex.header("X-Subject-Token"));
    const Token *token = m_state.validToken(subject);
    if (!token) {
        keystoneError(ex, 404, QStringLiteral("Could not find token: %1.").arg(subject));
        return;
    }
    ex.setHeader("X-Subject-Token", subject.toLatin1());
    ex.json(200, tokenBody(*token, ex.baseUrl()));
}

void KeystoneService::revokeToken(Exchange &ex)
{
    std::lock_guard lock(m_state.mutex);
    if (!http::requireToken(ex, m_state))
        return;
    const QString subject = QString::fromUtf8(ex.header("X-Subject-Token"));
    if (!m_state.validToken(subject)) {
        keystoneError(ex, 404, QStringLiteral("Could not find token: %1.").arg(subject));
        return;
    }
    m_state.tokens[subject].revoked = true;
    ex.empty(204);
}

void KeystoneService::authCatalog(Exchange &ex)
{
    std::lock_guard lock(m_state.mutex);
    const Token *token = http::requireToken(ex, m_state);
    if (!token)
        return;
    if (token->projectId.isEmpty()) {
        keystoneError(ex, 403, QStringLiteral("The service catalog is empty."));
        return;
    }
    ex.json(200, QJsonObject{{QStringLiteral("catalog"), catalog(m_state, ex.baseUrl(), token->projectId)},
                             {QStringLiteral("links"),
                              QJsonObject{{QStringLiteral("self"), QString(ex.baseUrl() + QStringLiteral("/identity/v3/auth/catalog"))},
                                          {QStringLiteral("previous"), QJsonValue::Null},
                                          {QStringLiteral("next"), QJsonValue::Null}}}});
}

void KeystoneService::authProjects(Exchange &ex)
{
    std::lock_guard lock(m_state.mutex);
    const Token *token = http::requireToken(ex, m_state);
    if (!token)
        return;
    const User user = m_state.users.value(token->userId);
    QJsonArray projects;
    for (const QString &id : user.projectIds) {
        const Project project = m_state.projects.value(id);
        projects.append(QJsonObject{
            {QStringLiteral("id"), project.id},
            {QStringLiteral("name"), project.name},
            {QStringLiteral("domain_id"), project.domainId},
            {QStringLiteral("description"), project.description},
            {QStringLiteral("enabled"), true},
            {QStringLiteral("is_domain"), false},
            {QStringLiteral("parent_id"), project.domainId},
            {QStringLiteral("links"),
             QJsonObject{{QStringLiteral("self"), QString(ex.baseUrl() + QStringLiteral("/identity/v3/projects/") + project.id)}}}});
    }
    ex.json(200, QJsonObject{{QStringLiteral("projects"), projects},
                             {QStringLiteral("links"),
                              QJsonObject{{QStringLiteral("self"), QString(ex.baseUrl() + ex.path())},
                                          {QStringLiteral("previous"), QJsonValue::Null},
                                          {QStringLiteral("next"), QJsonValue::Null}}}});
}

} // namespace fake
