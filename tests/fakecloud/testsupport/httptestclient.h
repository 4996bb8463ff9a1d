#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>

namespace fake {

// A blocking-looking HTTP client for tests: each call starts a QNetworkReply and waits for it with
// QSignalSpy::wait (the test's event loop keeps running), then returns status, headers and body.
class HttpTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    struct Reply
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;
        QByteArray header(const QByteArray &name) const;
        QJsonObject json() const;
        QJsonArray jsonArray() const;
    };

    explicit HttpTestClient(const QString &baseUrl);

    // path is relative to the base URL ("/compute/v2.1/servers") or an absolute URL.
    Reply request(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const Headers &headers = {},
                  int timeoutMs = 30000);
    Reply get(const QString &path, const Headers &headers = {});
    Reply postJson(const QString &path, const QJsonObject &body, const Headers &headers = {});

    // Password auth scoped to a project by name (domain Default); returns the token ("" on failure).
    QString login(const QString &user, const QString &password, const QString &project);
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    QString baseUrl() const { return m_baseUrl; }

private:
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_manager;
};

} // namespace fake
