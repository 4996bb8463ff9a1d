#include "httpclient.h"

#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace real {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpResult::describe() const
{
    if (status == 0)
        return "no HTTP answer: " + errorString.toUtf8();
    return "HTTP " + QByteArray::number(status) + ": " + body.left(400);
}

HttpClient::HttpClient()
{
    // Loopback only: never through a developer's proxy settings.
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void HttpClient::setDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : m_defaultHeaders) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    m_defaultHeaders.append({name, value});
}

HttpResult HttpClient::send(const QByteArray &verb, const QUrl &url, const HttpHeaders &headers,
                            const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : m_defaultHeaders)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // Qt sends no Content-Length for an empty custom-verb body; Swift and Glance want one on PUT.
    if ((verb == "PUT" || verb == "POST") && body.isEmpty())
        request.setHeader(QNetworkRequest::ContentLengthHeader, 0);

    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!finished.wait(timeoutMs)) {
        reply->abort();
        result.errorString = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        result.error = QNetworkReply::TimeoutError;
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    delete reply;
    return result;
}

} // namespace real
