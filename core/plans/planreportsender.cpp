#include "plans/planreportsender.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace sv {

PlanReportSender::PlanReportSender(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

QString PlanReportSender::urlError(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return tr("The report URL \"%1\" is not an http:// or https:// address.").arg(displayUrl(url));
    return {};
}

QString PlanReportSender::displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void PlanReportSender::post(const QUrl &url, const QByteArray &json, std::function<void(bool, const QString &)> done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("StackVault/%1").arg(QCoreApplication::applicationVersion()));
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply = m_network->post(request, json);
    connect(reply, &QNetworkReply::finished, this, [reply, url, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString where = displayUrl(url);
        if (status >= 200 && status < 300)
            return done(true, tr("Sent the run report to %1 (HTTP %2).").arg(where).arg(status));
        if (status > 0) {
            const QString body = QString::fromUtf8(reply->read(300)).simplified();
            return done(false, tr("The run report was not accepted by %1: HTTP %2 %3%4")
                                   .arg(where)
                                   .arg(status)
                                   .arg(reason, body.isEmpty() ? QString() : QStringLiteral(": ") + body));
        }
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return done(false, tr("The run report could not be sent to %1: no answer within %2 s.").arg(where).arg(TimeoutMs / 1000));
        done(false, tr("The run report could not be sent to %1: %2").arg(where, reply->errorString()));
    });
}

} // namespace sv
