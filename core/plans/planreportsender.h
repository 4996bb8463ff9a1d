#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace sv {

// POSTs a plan run's JSON report (`plans run --report-url`) to an HTTP(S) endpoint: Content-Type
// application/json, a transfer timeout, any 2xx answer counts as delivered. Asynchronous; `done` on this
// object's thread. Messages name the URL without its user info, query or fragment (they may hold a token).
class PlanReportSender : public QObject
{
    Q_OBJECT
public:
    explicit PlanReportSender(QObject *parent = nullptr);

    // `done(ok, message)`: what happened, one sentence ("HTTP 500 Internal Server Error: …").
    void post(const QUrl &url, const QByteArray &json, std::function<void(bool ok, const QString &message)> done);

    // Empty when `url` can be posted to (http or https with a host); else one sentence.
    static QString urlError(const QUrl &url);
    // The URL as it may be shown or logged.
    static QString displayUrl(const QUrl &url);

    static constexpr int TimeoutMs = 30000;

private:
    QNetworkAccessManager *m_network;
};

} // namespace sv
