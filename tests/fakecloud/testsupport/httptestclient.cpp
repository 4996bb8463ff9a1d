#include "httptestclient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

namespace fake {

QByteArray HttpTestClient::Reply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonObject HttpTestClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpTestClient::Reply::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

HttpTestClient::HttpTestClient(const QString &baseUrl)
    : m_baseUrl(baseUrl)
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpTestClient::Reply HttpTestClient::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                                              const Headers &headers, int timeoutMs)
{
    const QUrl url(path.startsWith(QLatin1String("http")) ? path : m_baseUrl + path);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty())
        request.setRawHeader("X-Auth-Token", m_token.toLatin1());
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
        hasContentType = hasContentType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QBuffer *buffer = nullptr;
    if (!body.isEmpty() || verb == "POST" || verb == "PUT" || verb == "PATCH") {
        buffer = new QBuffer;
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
    }
    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, buffer);
    if (buffer)
        buffer->setParent(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs))
        reply->abort();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (result.status == 0)
        qWarning("%s %s failed: %s", verb.constData(), qPrintable(url.toString()), qPrintable(reply->errorString()));
    reply->deleteLater();
    return result;
}

HttpTestClient::Reply HttpTestClient::get(const QString &path, const Headers &headers)
{
    return request("GET", path, {}, headers);
}

HttpTestClient::Reply HttpTestClient::postJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

QString HttpTestClient::login(const QString &user, const QString &password, const QString &project)
{
    const QJsonObject domain{{QStringLiteral("name"), QStringLiteral("Default")}};
    const QJsonObject body{
        {QStringLiteral("auth"),
         QJsonObject{{QStringLiteral("identity"),
                      QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                                  {QStringLiteral("password"),
                                   QJsonObject{{QStringLiteral("user"),
                                                QJsonObject{{QStringLiteral("name"), user},
                                                            {QStringLiteral("domain"), domain},
                                                            {QStringLiteral("password"), password}}}}}}},
                     {QStringLiteral("scope"),
                      QJsonObject{{QStringLiteral("project"),
                                   QJsonObject{{QStringLiteral("name"), project}, {QStringLiteral("domain"), domain}}}}}}}};
    const QString saved = m_token;
    m_token.clear();
    const Reply reply = postJson(QStringLiteral("/identity/v3/auth/tokens"), body);
    m_token = reply.status == 201 ? QString::fromLatin1(reply.header("X-Subject-Token")) : saved;
    return reply.status == 201 ? m_token : QString();
}

} // namespace fake
