#include "httphelpers.h"

#include "cloudstate.h"
#include "exchange.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace fake::http {

QString stableHexId(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString stableUuid(const QString &seed)
{
    static const QUuid ns(QStringLiteral("6f1d3a4e-2b8c-4c6e-9a51-5d0c7e2f9b11"));
    return QUuid::createUuidV5(ns, seed).toString(QUuid::WithoutBraces);
}

void addRequestId(Exchange &ex)
{
    ex.setHeader("x-openstack-request-id", "req-" + CloudState::newUuid().toLatin1());
}

bool parseJsonObject(Exchange &ex, QJsonObject *object, QString *error)
{
    QByteArray body;
    if (!ex.readBody(&body)) {
        *error = QStringLiteral("The request body could not be read or is too large.");
        return false;
    }
    if (body.trimmed().isEmpty()) {
        *error = QStringLiteral("The request body is empty.");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("Malformed request body: %1").arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("Malformed request body: a JSON object is expected.");
        return false;
    }
    *object = doc.object();
    return true;
}

QString reasonPhrase(int code)
{
    switch (code) {
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 406: return QStringLiteral("Not Acceptable");
    case 409: return QStringLiteral("Conflict");
    case 413: return QStringLiteral("Request Entity Too Large");
    case 415: return QStringLiteral("Unsupported Media Type");
    case 416: return QStringLiteral("Requested Range Not Satisfiable");
    case 500: return QStringLiteral("Internal Server Error");
    case 501: return QStringLiteral("Not Implemented");
    case 503: return QStringLiteral("Service Unavailable");
    default: return QStringLiteral("Error");
    }
}

void unauthorized(Exchange &ex)
{
    ex.setHeader("WWW-Authenticate", "Keystone uri=\"" + ex.baseUrl().toUtf8() + "/identity\"");
    QJsonObject error{{QStringLiteral("code"), 401},
                      {QStringLiteral("title"), QStringLiteral("Unauthorized")},
                      {QStringLiteral("message"), QStringLiteral("The request you have made requires authentication.")}};
    ex.json(401, QJsonObject{{QStringLiteral("error"), error}});
}

const Token *requireToken(Exchange &ex, CloudState &state)
{
    const QString id = QString::fromUtf8(ex.header("X-Auth-Token"));
    const Token *token = id.isEmpty() ? nullptr : state.validToken(id);
    if (!token) {
        unauthorized(ex);
        return nullptr;
    }
    return token;
}

void novaFault(Exchange &ex, int code, const QString &message)
{
    QString name;
    switch (code) {
    case 400: name = QStringLiteral("badRequest"); break;
    case 401: name = QStringLiteral("unauthorized"); break;
    case 403: name = QStringLiteral("forbidden"); break;
    case 404: name = QStringLiteral("itemNotFound"); break;
    case 405: name = QStringLiteral("badMethod"); break;
    case 409: name = QStringLiteral("conflictingRequest"); break;
    case 413: name = QStringLiteral("overLimit"); break;
    case 415: name = QStringLiteral("badMediaType"); break;
    case 429: name = QStringLiteral("overLimit"); break;
    case 501: name = QStringLiteral("notImplemented"); break;
    case 503: name = QStringLiteral("serviceUnavailable"); break;
    default: name = QStringLiteral("computeFault"); break;
    }
    ex.json(code, QJsonObject{{name, QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

void glanceError(Exchange &ex, int code, const QString &message)
{
    ex.json(code, QJsonObject{{QStringLiteral("code"), QStringLiteral("%1 %2").arg(code).arg(reasonPhrase(code))},
                              {QStringLiteral("title"), reasonPhrase(code)},
                              {QStringLiteral("message"), QString(message + QStringLiteral("<br /><br />\n\n\n"))}});
}

void keystoneError(Exchange &ex, int code, const QString &message)
{
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("title"), reasonPhrase(code)},
                      {QStringLiteral("message"), message}};
    ex.json(code, QJsonObject{{QStringLiteral("error"), error}});
}

qint64 parseSize(const QJsonValue &value, bool *ok)
{
    *ok = true;
    if (value.isDouble())
        return static_cast<qint64>(value.toDouble());
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9.]+)\\s*([KMGT]?)(i?B)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(value.toString());
    if (!match.hasMatch()) {
        *ok = false;
        return 0;
    }
    double number = match.captured(1).toDouble(ok);
    const QString unit = match.captured(2).toUpper();
    const int shift = unit == QLatin1String("K") ? 10 : unit == QLatin1String("M") ? 20 : unit == QLatin1String("G") ? 30
        : unit == QLatin1String("T")               ? 40
                                                   : 0;
    number *= static_cast<double>(qint64(1) << shift);
    return static_cast<qint64>(number);
}

QUrlQuery queryWithoutMarker(const Exchange &ex)
{
    QUrlQuery query;
    for (const auto &[key, value] : ex.queryItems()) {
        if (key != QLatin1String("marker"))
            query.addQueryItem(key, value);
    }
    return query;
}

} // namespace fake::http
