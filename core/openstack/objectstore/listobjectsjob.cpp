#include "openstack/objectstore/listobjectsjob.h"

#include "openstack/objectstore/objectstorepath.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sv::openstack {

ListObjectsJob::ListObjectsJob(Connection *connection, QString container, QString prefix, QString marker, int limit,
                               QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
    , m_prefix(std::move(prefix))
    , m_marker(std::move(marker))
    , m_limit(limit)
{
}

void ListObjectsJob::run()
{
    // Built by hand: the values are percent-encoded once, exactly as Swift expects.
    QString query = QStringLiteral("format=json&limit=") + QString::number(m_limit);
    if (!m_prefix.isEmpty())
        query += QStringLiteral("&prefix=") + QString::fromLatin1(QUrl::toPercentEncoding(m_prefix));
    if (!m_marker.isEmpty())
        query += QStringLiteral("&marker=") + QString::fromLatin1(QUrl::toPercentEncoding(m_marker));
    sendRequest(makeRequest(ServiceType::ObjectStore, "GET",
                            objectstore::containerPath(m_container) + QLatin1Char('?') + query));
}

void ListObjectsJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    m_entries.clear();
    m_serverTime = QDateTime::fromString(QString::fromLatin1(reply->rawHeader("Date")), Qt::RFC2822Date);
    // 204 (or an empty body) is an empty container.
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 204 || body.trimmed().isEmpty()) {
        m_atEnd = true;
        finish();
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isArray()) {
        finish(Error::make(Error::Kind::Protocol, tr("The object store sent a listing that is not a JSON array.")));
        return;
    }
    const QJsonArray items = doc.array();
    for (const QJsonValue &value : items) {
        const QJsonObject object = value.toObject();
        Entry entry;
        entry.name = object.value(QStringLiteral("name")).toString();
        if (entry.name.isEmpty())
            continue; // a "subdir" pseudo-entry; we never ask for a delimiter
        entry.bytes = object.value(QStringLiteral("bytes")).toInteger();
        entry.hash = object.value(QStringLiteral("hash")).toString().toLatin1();
        // "2024-01-02T03:04:05.123456", UTC without a zone suffix.
        const QString modified = object.value(QStringLiteral("last_modified")).toString().left(19);
        entry.lastModified = QDateTime::fromString(modified + QLatin1Char('Z'), Qt::ISODate);
        m_entries.append(entry);
    }
    m_atEnd = items.size() < m_limit;
    finish();
}

} // namespace sv::openstack
