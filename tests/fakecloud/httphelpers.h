#pragma once

// Small helpers shared by the fake services: error bodies in each service's own shape, request ids,
// token checks and JSON body parsing.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace fake {

class CloudState;
class Exchange;
struct Token;

namespace http {

// A stable 32-hex id derived from a seed (ids of catalog entries, roles, …), so runs are reproducible.
QString stableHexId(const QString &seed);
// A stable UUID derived from a seed (ids of scenario records that gave none).
QString stableUuid(const QString &seed);

void addRequestId(Exchange &ex);

// Parses the body as a JSON object. On failure, *error says why (to be put in the service's 400).
bool parseJsonObject(Exchange &ex, QJsonObject *object, QString *error);

// keystonemiddleware's answer when X-Auth-Token is missing, unknown, expired or revoked.
void unauthorized(Exchange &ex);
// The live token of the request, or null after answering 401. Call with the state mutex held.
const Token *requireToken(Exchange &ex, CloudState &state);

// Nova and Cinder faults: {"itemNotFound": {"code": 404, "message": "…"}}.
void novaFault(Exchange &ex, int code, const QString &message);
// Glance (webob) errors: {"code": "404 Not Found", "title": "Not Found", "message": "…"}.
void glanceError(Exchange &ex, int code, const QString &message);
// Keystone errors: {"error": {"code": 401, "title": "Unauthorized", "message": "…"}}.
void keystoneError(Exchange &ex, int code, const QString &message);

QString reasonPhrase(int code);

// A size such as 4194304, "4 MiB", "300MiB", "1.5 GiB".
qint64 parseSize(const QJsonValue &value, bool *ok);

// Listings (Nova, Glance, Cinder) page with `marker` = the id of the last item seen: the index where the
// next page starts, or -1 when no item has that id (each service answers that with its own 400).
template <typename Item>
qsizetype indexAfterMarker(const QList<const Item *> &items, const QString &marker)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i)->id == marker)
            return i + 1;
    }
    return -1;
}

// The request's query without its `marker`: the services build their `next` links from it, so the
// filters and the limit of the first request carry over to every page.
QUrlQuery queryWithoutMarker(const Exchange &ex);

} // namespace http
} // namespace fake
