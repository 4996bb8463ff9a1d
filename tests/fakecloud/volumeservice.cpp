#include "volumeservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace fake {

using http::novaFault;

VolumeService::VolumeService(CloudState &state)
    : m_state(state)
{
}

QJsonObject VolumeService::volumeJson(const Exchange &ex, const Volume &volume, bool detail) const
{
    const QString self = ex.baseUrl() + QStringLiteral("/volume/v3/") + volume.projectId + QStringLiteral("/volumes/") + volume.id;
    const QString bookmark = ex.baseUrl() + QStringLiteral("/volume/") + volume.projectId + QStringLiteral("/volumes/") + volume.id;
    QJsonObject json{{QStringLiteral("id"), volume.id},
                     {QStringLiteral("name"), volume.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(volume.name)},
                     {QStringLiteral("links"),
                      QJsonArray{QJsonObject{{QStringLiteral("href"), self}, {QStringLiteral("rel"), QStringLiteral("self")}},
                                 QJsonObject{{QStringLiteral("href"), bookmark}, {QStringLiteral("rel"), QStringLiteral("bookmark")}}}}};
    if (!detail)
        return json;
    QJsonArray attachments;
    for (const VolumeAttachment &a : volume.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("server_id"), a.serverId},
                                       {QStringLiteral("attachment_id"), a.attachmentId},
                                       {QStringLiteral("attached_at"), a.attachedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))},
                                       {QStringLiteral("host_name"), QJsonValue::Null},
                                       {QStringLiteral("volume_id"), volume.id},
                                       {QStringLiteral("device"), a.device},
                                       {QStringLiteral("id"), volume.id}});
    }
    json.insert(QStringLiteral("attachments"), attachments);
    json.insert(QStringLiteral("availability_zone"), volume.availabilityZone);
    json.insert(QStringLiteral("bootable"), volume.bootable ? QStringLiteral("true") : QStringLiteral("false"));
    json.insert(QStringLiteral("consistencygroup_id"), QJsonValue::Null);
    json.insert(QStringLiteral("created_at"), volume.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000")));
    json.insert(QStringLiteral("description"), volume.description.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(volume.description));
    json.insert(QStringLiteral("encrypted"), false);
    json.insert(QStringLiteral("metadata"), QJsonObject());
    json.insert(QStringLiteral("migration_status"), QJsonValue::Null);
    json.insert(QStringLiteral("multiattach"), false);
    json.insert(QStringLiteral("os-vol-tenant-attr:tenant_id"), volume.projectId);
    json.insert(QStringLiteral("replication_status"), QJsonValue::Null);
    json.insert(QStringLiteral("size"), volume.sizeGiB);
    json.insert(QStringLiteral("snapshot_id"), QJsonValue::Null);
    json.insert(QStringLiteral("source_volid"), QJsonValue::Null);
    json.insert(QStringLiteral("status"), volume.status);
    json.insert(QStringLiteral("updated_at"), volume.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000")));
    json.insert(QStringLiteral("user_id"), volume.userId);
    json.insert(QStringLiteral("volume_type"), volume.volumeType);
    if (!volume.imageMetadata.isEmpty())
        json.insert(QStringLiteral("volume_image_metadata"), volume.imageMetadata);
    return json;
}

void VolumeService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    const bool get = ex.method() == QLatin1String("GET") || ex.method() == QLatin1String("HEAD");
    if (segments.isEmpty()) {
        if (!get) {
            novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
            return;
        }
        const QString href = ex.baseUrl() + QStringLiteral("/volume/v3/");
        QJsonObject v{{QStringLiteral("id"), QStringLiteral("v3.0")},
                      {QStringLiteral("links"),
                       QJsonArray{QJsonObject{{QStringLiteral("href"), QStringLiteral("https://docs.openstack.org/")},
                                              {QStringLiteral("rel"), QStringLiteral("describedby")},
                                              {QStringLiteral("type"), QStringLiteral("text/html")}},
                                  QJsonObject{{QStringLiteral("href"), href}, {QStringLiteral("rel"), QStringLiteral("self")}}}},
                      {QStringLiteral("media-types"),
                       QJsonArray{QJsonObject{{QStringLiteral("base"), QStringLiteral("application/json")},
                                              {QStringLiteral("type"), QStringLiteral("application/vnd.openstack.volume+json;version=3")}}}},
                      {QStringLiteral("min_version"), QStringLiteral("3.0")},
                      {QStringLiteral("status"), QStringLiteral("CURRENT")},
                      {QStringLiteral("updated"), QStringLiteral("2022-08-31T00:00:00Z")},
                      {QStringLiteral("version"), QStringLiteral("3.%1").arg(m_state.settings.volumeMaxMinor)}};
        ex.json(300, QJsonObject{{QStringLiteral("versions"), QJsonArray{v}}});
        return;
    }
    if (segments.at(0) != QLatin1String("v3") || segments.size() < 3) {
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    std::lock_guard lock(m_state.mutex);
    m_state.advance();
    const Token *token = http::requireToken(ex, m_state);
    if (!token)
        return;
    if (segments.at(1) != token->projectId) {
        novaFault(ex, 400, QStringLiteral("Malformed request url"));
        return;
    }
    const QByteArray requested = ex.header("OpenStack-API-Version");
    int minor = 0;
    if (!requested.isEmpty()) {
        const QList<QByteArray> words = requested.simplified().split(' ');
        if (words.size() == 2 && words.at(0) == "volume") {
            if (words.at(1) == "latest") {
                minor = m_state.settings.volumeMaxMinor;
            } else {
                const QList<QByteArray> parts = words.at(1).split('.');
                bool ok = parts.size() == 2 && parts.at(0) == "3";
                minor = ok ? parts.at(1).toInt(&ok) : 0;
                if (!ok) {
                    novaFault(ex, 400, QStringLiteral("Invalid API version request"));
                    return;
                }
                if (minor > m_state.settings.volumeMaxMinor) {
                    novaFault(ex, 406, QStringLiteral("Version %1 is not supported by the API. Minimum is 3.0 and maximum is 3.%2.")
                                           .arg(QString::fromLatin1(words.at(1))).arg(m_state.settings.volumeMaxMinor));
                    return;
                }
            }
        }
    }
    ex.setHeader("OpenStack-API-Version", "volume 3." + QByteArray::number(minor));
    ex.setHeader("Vary", "OpenStack-API-Version");
    const QStringList rest = segments.mid(2);
    if (rest.at(0) != QLatin1String("volumes") || rest.size() > 2) {
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    if (!get) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    if (rest.size() == 2 && rest.at(1) != QLatin1String("detail")) {
        auto it = m_state.volumes.constFind(rest.at(1));
        if (it == m_state.volumes.constEnd() || it->projectId != token->projectId) {
            novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(rest.at(1)));
            return;
        }
        ex.json(200, QJsonObject{{QStringLiteral("volume"), volumeJson(ex, it.value(), true)}});
        return;
    }
    const bool detail = rest.size() == 2;
    QList<const Volume *> matches;
    for (const Volume &volume : m_state.volumes) {
        if (volume.projectId == token->projectId)
            matches.append(&volume);
    }
    std::sort(matches.begin(), matches.end(), [](const Volume *a, const Volume *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    qsizetype start = 0;
    if (ex.hasQuery(QStringLiteral("marker"))) {
        start = http::indexAfterMarker(matches, ex.query(QStringLiteral("marker")));
        if (start < 0) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: marker not found: %1").arg(ex.query(QStringLiteral("marker"))));
            return;
        }
    }
    int limit = 1000;
    if (ex.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ex.query(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: limit must be a non-negative integer"));
            return;
        }
    }
    const QList<const Volume *> page = matches.mid(start, limit);
    QJsonArray list;
    for (const Volume *volume : page)
        list.append(volumeJson(ex, *volume, detail));
    QJsonObject body{{QStringLiteral("volumes"), list}};
    if (!page.isEmpty() && page.size() == limit && start + limit < matches.size()) {
        QUrlQuery query = http::queryWithoutMarker(ex);
        query.addQueryItem(QStringLiteral("marker"), page.last()->id);
        body.insert(QStringLiteral("volumes_links"),
                    QJsonArray{QJsonObject{{QStringLiteral("href"), QString(ex.baseUrl() + QStringLiteral("/volume/v3/") + token->projectId
                                                                        + (detail ? QStringLiteral("/volumes/detail?") : QStringLiteral("/volumes?"))
                                                                        + query.toString(QUrl::FullyEncoded))},
                                           {QStringLiteral("rel"), QStringLiteral("next")}}});
    }
    ex.json(200, body);
}

} // namespace fake
