#include "keystone.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace real {

Keystone::Keystone(const RealCloud &cloud)
    : m_cloud(cloud)
{
}

bool Keystone::login(const Credentials &credentials, const QUrl &authUrl)
{
    const QJsonObject user{
        {QStringLiteral("name"), credentials.username},
        {QStringLiteral("password"), credentials.password},
        {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), credentials.userDomainName}}}};
    const QJsonObject auth{
        {QStringLiteral("identity"),
         QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                     {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}}},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("project"),
                      QJsonObject{{QStringLiteral("name"), credentials.projectName},
                                  {QStringLiteral("domain"),
                                   QJsonObject{{QStringLiteral("name"), credentials.projectDomainName}}}}}}}};
    m_token.clear();
    m_tokenBody = {};
    const HttpResult result = m_http.send(
        "POST", QUrl((authUrl.isEmpty() ? m_cloud.authUrl() : authUrl).toString() + QStringLiteral("/auth/tokens")),
        {{"Content-Type", "application/json"}},
        QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}}).toJson(QJsonDocument::Compact));
    if (result.status != 201)
        return fail(QStringLiteral("login as %1").arg(credentials.username), result);
    m_token = result.header("X-Subject-Token");
    m_tokenBody = result.json().object().value(QStringLiteral("token")).toObject();
    m_http.setDefaultHeader("X-Auth-Token", m_token);
    m_error.clear();
    return !m_token.isEmpty();
}

QString Keystone::projectId() const
{
    return m_tokenBody.value(QStringLiteral("project")).toObject().value(QStringLiteral("id")).toString();
}

QJsonArray Keystone::catalog() const
{
    return m_tokenBody.value(QStringLiteral("catalog")).toArray();
}

QUrl Keystone::endpoint(const QString &type, const QString &interface) const
{
    const QJsonArray services = catalog();
    for (const QJsonValue &service : services) {
        if (service[QStringLiteral("type")].toString() != type)
            continue;
        const QJsonArray endpoints = service[QStringLiteral("endpoints")].toArray();
        for (const QJsonValue &ep : endpoints) {
            if (ep[QStringLiteral("interface")].toString() == interface
                && ep[QStringLiteral("region_id")].toString() == m_cloud.regionName())
                return QUrl(ep[QStringLiteral("url")].toString());
        }
    }
    return {};
}

QString Keystone::registerService(const QString &type, const QString &name, const QUrl &url)
{
    QUrlQuery byType;
    byType.addQueryItem(QStringLiteral("type"), type);
    HttpResult result = call("GET", QStringLiteral("/services?") + byType.toString(QUrl::FullyEncoded));
    if (result.status != 200) {
        fail(QStringLiteral("list services"), result);
        return {};
    }
    QString serviceId;
    const QJsonArray services = result.json()[QStringLiteral("services")].toArray();
    for (const QJsonValue &service : services) {
        if (service[QStringLiteral("name")].toString() == name)
            serviceId = service[QStringLiteral("id")].toString();
    }
    if (serviceId.isEmpty()) {
        result = call("POST", QStringLiteral("/services"),
                      {{QStringLiteral("service"), QJsonObject{{QStringLiteral("type"), type},
                                                               {QStringLiteral("name"), name},
                                                               {QStringLiteral("enabled"), true}}}});
        if (result.status != 201) {
            fail(QStringLiteral("create service %1").arg(type), result);
            return {};
        }
        serviceId = result.json()[QStringLiteral("service")][QStringLiteral("id")].toString();
    }

    // Replace whatever endpoints the service had: a test run's port is new every time.
    QUrlQuery byService;
    byService.addQueryItem(QStringLiteral("service_id"), serviceId);
    result = call("GET", QStringLiteral("/endpoints?") + byService.toString(QUrl::FullyEncoded));
    if (result.status != 200) {
        fail(QStringLiteral("list endpoints"), result);
        return {};
    }
    const QJsonArray old = result.json()[QStringLiteral("endpoints")].toArray();
    for (const QJsonValue &ep : old) {
        result = call("DELETE", QStringLiteral("/endpoints/") + ep[QStringLiteral("id")].toString());
        if (result.status != 204) {
            fail(QStringLiteral("delete an old endpoint"), result);
            return {};
        }
    }
    for (const char *interface : {"public", "internal", "admin"}) {
        result = call("POST", QStringLiteral("/endpoints"),
                      {{QStringLiteral("endpoint"),
                        QJsonObject{{QStringLiteral("service_id"), serviceId},
                                    {QStringLiteral("interface"), QLatin1String(interface)},
                                    {QStringLiteral("url"), url.toString()},
                                    {QStringLiteral("region_id"), m_cloud.regionName()},
                                    {QStringLiteral("enabled"), true}}}});
        if (result.status != 201) {
            fail(QStringLiteral("create the %1 endpoint").arg(QLatin1String(interface)), result);
            return {};
        }
    }
    m_error.clear();
    return serviceId;
}

bool Keystone::removeService(const QString &serviceId)
{
    QUrlQuery byService;
    byService.addQueryItem(QStringLiteral("service_id"), serviceId);
    HttpResult result = call("GET", QStringLiteral("/endpoints?") + byService.toString(QUrl::FullyEncoded));
    if (result.status != 200)
        return fail(QStringLiteral("list endpoints"), result);
    const QJsonArray endpoints = result.json()[QStringLiteral("endpoints")].toArray();
    for (const QJsonValue &ep : endpoints) {
        result = call("DELETE", QStringLiteral("/endpoints/") + ep[QStringLiteral("id")].toString());
        if (result.status != 204)
            return fail(QStringLiteral("delete an endpoint"), result);
    }
    result = call("DELETE", QStringLiteral("/services/") + serviceId);
    if (result.status != 204)
        return fail(QStringLiteral("delete service %1").arg(serviceId), result);
    m_error.clear();
    return true;
}

HttpResult Keystone::call(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    const QUrl url(m_cloud.authUrl().toString() + path);
    if (body.isEmpty())
        return m_http.send(verb, url);
    return m_http.send(verb, url, {{"Content-Type", "application/json"}},
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool Keystone::fail(const QString &what, const HttpResult &result)
{
    m_error = QStringLiteral("keystone: %1 failed: %2").arg(what, QString::fromUtf8(result.describe()));
    return false;
}

} // namespace real
