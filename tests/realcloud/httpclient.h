#pragma once
// A blocking HTTP client for test code only: each call waits for its reply with QSignalSpy::wait, so
// a test reads top to bottom. Product code never does this (no nested event loops there).

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

namespace real {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult
{
    int status = 0; // 0: no HTTP answer at all (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    HttpHeaders headers;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    // For QVERIFY2 messages: "HTTP 401: <first bytes of the body>".
    QByteArray describe() const;
};

class HttpClient
{
public:
    HttpClient();

    HttpResult send(const QByteArray &verb, const QUrl &url, const HttpHeaders &headers = {},
                    const QByteArray &body = {}, int timeoutMs = 120000);
    // Sent with every request, e.g. X-Auth-Token once a test has logged in.
    void setDefaultHeader(const QByteArray &name, const QByteArray &value);

private:
    QNetworkAccessManager m_nam;
    HttpHeaders m_defaultHeaders;
};

} // namespace real
