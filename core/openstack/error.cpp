#include "openstack/error.h"

#include "openstack/redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sv::openstack {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("sv::openstack::Error", text); }

QString cleanText(QString text)
{
    static const QRegularExpression br(QStringLiteral("<br\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.replace(br, QStringLiteral(" "));
    text.remove(tags);
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.simplified();
}

// webob and Glance repeat the status line ("404 Not Found") before the explanation.
QString stripStatusLine(QString text)
{
    static const QRegularExpression statusLine(QStringLiteral(R"(^\s*\d{3}\s+[A-Za-z][A-Za-z \-]*?(\s{2,}|\n|$))"));
    const auto match = statusLine.match(text);
    if (match.hasMatch() && match.capturedEnd() < text.size())
        text.remove(0, match.capturedEnd());
    return text;
}

QString messageFromObject(const QJsonObject &object)
{
    const QString message = object.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return message;
    const QString explanation = object.value(QLatin1String("explanation")).toString();
    if (!explanation.isEmpty())
        return explanation;
    return object.value(QLatin1String("title")).toString();
}
} // namespace

Error Error::make(Kind kind, QString message, int httpStatus)
{
    Error error;
    error.kind = kind;
    error.message = std::move(message);
    error.httpStatus = httpStatus;
    return error;
}

Error::Kind Error::kindForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 400:
    case 415:
    case 422:
        return Kind::BadRequest;
    case 401:
        return Kind::Authentication;
    case 403:
        return Kind::Forbidden;
    case 404:
        return Kind::NotFound;
    case 409:
        return Kind::Conflict;
    case 413:
    case 429:
        return Kind::OverLimit;
    default:
        break;
    }
    if (httpStatus >= 500)
        return Kind::Unavailable;
    if (httpStatus >= 400)
        return Kind::HttpError;
    return Kind::None;
}

QString Error::parseServiceMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject root = document.object();
        // Keystone: {"error": {"code", "message", "title"}}
        if (root.value(QLatin1String("error")).isObject())
            return cleanText(messageFromObject(root.value(QLatin1String("error")).toObject()));
        // Glance/webob JSON: {"message", "code", "title"} at the top level
        if (root.value(QLatin1String("message")).isString() || root.value(QLatin1String("title")).isString())
            return cleanText(stripStatusLine(messageFromObject(root)));
        // Nova/Cinder: one member named after the fault ({"itemNotFound": {"message", "code"}})
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (it.value().isObject()) {
                const QString message = messageFromObject(it.value().toObject());
                if (!message.isEmpty())
                    return cleanText(message);
            }
        }
        return {};
    }
    QString text = QString::fromUtf8(trimmed.left(4096));
    if (text.contains(QLatin1String("<html"), Qt::CaseInsensitive)) {
        static const QRegularExpression bodyRe(QStringLiteral("<body[^>]*>(.*)</body>"),
                                               QRegularExpression::CaseInsensitiveOption
                                                   | QRegularExpression::DotMatchesEverythingOption);
        const auto match = bodyRe.match(text);
        if (match.hasMatch())
            text = match.captured(1);
        static const QRegularExpression heading(QStringLiteral("<h1[^>]*>.*?</h1>"),
                                                QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
        const QString withoutHeading = QString(text).remove(heading);
        if (!cleanText(withoutHeading).isEmpty())
            text = withoutHeading;
    } else {
        text = stripStatusLine(text);
    }
    return redact(cleanText(text));
}

QString Error::defaultSentence(Kind kind, int httpStatus, const QString &serviceMessage)
{
    const QString detail = serviceMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(serviceMessage);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("The cloud could not be reached") + detail + QLatin1Char('.');
    case Kind::Timeout:
        return tr("The cloud stopped answering (no data within the time limit); try again later.");
    case Kind::Tls:
        return tr("The secure connection to the cloud failed") + detail + QLatin1Char('.');
    case Kind::Authentication:
        return tr("The cloud did not accept the credentials") + detail + QLatin1Char('.');
    case Kind::Forbidden:
        return tr("You are not allowed to do this in this project") + detail + QLatin1Char('.');
    case Kind::NotFound:
        return tr("The resource no longer exists") + detail + QLatin1Char('.');
    case Kind::Conflict:
        return tr("The resource is busy or in the wrong state") + detail + tr("; try again when it is idle.");
    case Kind::BadRequest:
        return tr("The cloud rejected the request") + detail + QLatin1Char('.');
    case Kind::OverLimit:
        return tr("A quota or rate limit of the cloud was reached") + detail + QLatin1Char('.');
    case Kind::Unavailable:
        return tr("The cloud service is unavailable (HTTP %1); try again later.").arg(httpStatus);
    case Kind::HttpError:
        return tr("The cloud answered with HTTP %1").arg(httpStatus) + detail + QLatin1Char('.');
    case Kind::Protocol:
        return tr("The cloud sent a response that StackVault does not understand") + detail + QLatin1Char('.');
    case Kind::NoEndpoint:
        return tr("The cloud does not offer the needed service") + detail + QLatin1Char('.');
    case Kind::Checksum:
        return tr("The downloaded data does not match the cloud's checksum") + detail + QLatin1Char('.');
    case Kind::Canceled:
        return tr("Canceled.");
    case Kind::WaitTimeout:
        return tr("Gave up waiting") + detail + QLatin1Char('.');
    case Kind::WaitFailed:
        return tr("The operation failed in the cloud") + detail + QLatin1Char('.');
    case Kind::InvalidArgument:
        return tr("Invalid request") + detail + QLatin1Char('.');
    }
    return {};
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Authentication: return QStringLiteral("authentication");
    case Kind::Forbidden: return QStringLiteral("forbidden");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::BadRequest: return QStringLiteral("bad-request");
    case Kind::OverLimit: return QStringLiteral("over-limit");
    case Kind::Unavailable: return QStringLiteral("unavailable");
    case Kind::HttpError: return QStringLiteral("http-error");
    case Kind::Protocol: return QStringLiteral("protocol");
    case Kind::NoEndpoint: return QStringLiteral("no-endpoint");
    case Kind::Checksum: return QStringLiteral("checksum");
    case Kind::Canceled: return QStringLiteral("canceled");
    case Kind::WaitTimeout: return QStringLiteral("wait-timeout");
    case Kind::WaitFailed: return QStringLiteral("wait-failed");
    case Kind::InvalidArgument: return QStringLiteral("invalid-argument");
    }
    return QStringLiteral("unknown");
}

QString Error::toLogString() const
{
    QString text = kindName(kind);
    if (httpStatus)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    text += QStringLiteral(": ") + message;
    if (!serviceMessage.isEmpty())
        text += QStringLiteral(" [service: %1]").arg(serviceMessage);
    if (!requestId.isEmpty())
        text += QStringLiteral(" [request %1]").arg(requestId);
    return redact(text);
}

} // namespace sv::openstack
