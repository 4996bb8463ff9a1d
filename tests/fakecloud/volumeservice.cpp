#include "volumeservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <optional>

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
    // GET / lists the versions (300 Multiple Choices); GET /v3/ shows v3 (200), as Cinder does.
    const bool versionShow = segments.size() == 1 && segments.at(0) == QLatin1String("v3");
    if (segments.isEmpty() || versionShow) {
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
        ex.json(versionShow ? 200 : 300, QJsonObject{{QStringLiteral("versions"), QJsonArray{v}}});
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
    if (rest.at(0) == QLatin1String("snapshots") && rest.size() <= 2) {
        snapshots(ex, rest, *token, minor);
        return;
    }
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

QJsonObject VolumeService::snapshotJson(const VolumeSnapshot &snapshot, bool detail)
{
    const auto nullable = [](const QString &text) { return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text); };
    QJsonObject json{{QStringLiteral("id"), snapshot.id},
                     {QStringLiteral("name"), nullable(snapshot.name)},
                     {QStringLiteral("description"), nullable(snapshot.description)},
                     {QStringLiteral("volume_id"), snapshot.volumeId},
                     {QStringLiteral("status"), snapshot.status},
                     {QStringLiteral("size"), snapshot.sizeGiB},
                     {QStringLiteral("metadata"), snapshot.metadata},
                     {QStringLiteral("created_at"), snapshot.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))},
                     {QStringLiteral("updated_at"),
                      snapshot.updatedAt.isValid() ? QJsonValue(snapshot.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000")))
                                                   : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("group_snapshot_id"), QJsonValue::Null},
                     {QStringLiteral("user_id"), snapshot.userId},
                     {QStringLiteral("consumes_quota"), true}};
    if (detail) {
        json.insert(QStringLiteral("os-extended-snapshot-attributes:progress"),
                    snapshot.status == QLatin1String("creating") ? QStringLiteral("0%") : QStringLiteral("100%"));
        json.insert(QStringLiteral("os-extended-snapshot-attributes:project_id"), snapshot.projectId);
    }
    return json;
}

void VolumeService::snapshots(Exchange &ex, const QStringList &rest, const Token &token, int minor)
{
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    if (rest.size() == 1 && method == QLatin1String("POST")) {
        createSnapshot(ex, token, minor);
        return;
    }
    if (rest.size() == 2 && rest.at(1) != QLatin1String("detail")) {
        auto it = m_state.volumeSnapshots.find(rest.at(1));
        if (it == m_state.volumeSnapshots.end() || it->projectId != token.projectId) {
            novaFault(ex, 404, QStringLiteral("Snapshot %1 could not be found.").arg(rest.at(1)));
            return;
        }
        if (get) {
            ex.json(200, QJsonObject{{QStringLiteral("snapshot"), snapshotJson(it.value(), true)}});
        } else if (method == QLatin1String("DELETE")) {
            if (it->status != QLatin1String("available") && it->status != QLatin1String("error")) {
                novaFault(ex, 400, QStringLiteral("Invalid snapshot: Volume Snapshot status must be available or error and must not be "
                                                  "part of a group."));
                return;
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            it->status = QStringLiteral("deleting");
            it->updatedAt = now;
            it->goneAt = now.addMSecs(qint64(m_state.settings.volumeSnapshotSeconds * 1000));
            ex.empty(202);
        } else {
            novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        }
        return;
    }
    if (!get) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    const bool detail = rest.size() == 2;
    QList<const VolumeSnapshot *> matches;
    for (const VolumeSnapshot &snapshot : std::as_const(m_state.volumeSnapshots)) {
        if (snapshot.projectId == token.projectId)
            matches.append(&snapshot);
    }
    std::sort(matches.begin(), matches.end(), [](const VolumeSnapshot *a, const VolumeSnapshot *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    QJsonArray list;
    for (const VolumeSnapshot *snapshot : std::as_const(matches))
        list.append(snapshotJson(*snapshot, detail));
    ex.json(200, QJsonObject{{QStringLiteral("snapshots"), list}});
}

void VolumeService::createSnapshot(Exchange &ex, const Token &token, int minor)
{
    QJsonObject body;
    QString parseError;
    if (!http::parseJsonObject(ex, &body, &parseError)) {
        novaFault(ex, 400, parseError);
        return;
    }
    const QJsonValue snapshotValue = body.value(QStringLiteral("snapshot"));
    if (!snapshotValue.isObject()) {
        novaFault(ex, 400, QStringLiteral("Missing required element 'snapshot' in request body."));
        return;
    }
    const QJsonObject request = snapshotValue.toObject();
    const QString volumeId = request.value(QStringLiteral("volume_id")).toString();
    if (volumeId.isEmpty()) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: 'volume_id' must be specified"));
        return;
    }
    // Cinder accepts force as a boolean or a boolean-like string; absent means false.
    const QJsonValue forceValue = request.value(QStringLiteral("force"));
    std::optional<bool> force;
    if (forceValue.isBool()) {
        force = forceValue.toBool();
    } else if (forceValue.isString()) {
        const QString text = forceValue.toString().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes") || text == QLatin1String("on"))
            force = true;
        else if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no") || text == QLatin1String("off"))
            force = false;
    }
    if (!forceValue.isUndefined() && !forceValue.isNull() && !force) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'force': must be a boolean"));
        return;
    }
    auto volume = m_state.volumes.constFind(volumeId);
    if (volume == m_state.volumes.constEnd() || volume->projectId != token.projectId) {
        novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(volumeId));
        return;
    }
    // From 3.66 a snapshot of an in-use volume needs no flag, and force=false is refused; below it,
    // an in-use volume needs force=true.
    constexpr int SnapshotInUseMinor = 66;
    if (minor >= SnapshotInUseMinor && force == false) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'force': false is not allowed from microversion 3.66"));
        return;
    }
    const bool inUseAllowed = minor >= SnapshotInUseMinor || force.value_or(false);
    const bool statusOk = volume->status == QLatin1String("available") || (volume->status == QLatin1String("in-use") && inUseAllowed);
    if (!statusOk) {
        novaFault(ex, 400, QStringLiteral("Invalid volume: Volume %1 status must be available, but current status is: %2.")
                               .arg(volumeId, volume->status));
        return;
    }
    const QJsonValue metadata = request.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject()) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: metadata must be an object"));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    VolumeSnapshot snapshot;
    snapshot.id = CloudState::newUuid();
    snapshot.name = request.value(QStringLiteral("name")).toString();
    snapshot.description = request.value(QStringLiteral("description")).toString();
    snapshot.volumeId = volumeId;
    snapshot.projectId = token.projectId;
    snapshot.userId = token.userId;
    snapshot.sizeGiB = volume->sizeGiB;
    snapshot.metadata = metadata.toObject();
    snapshot.createdAt = now;
    snapshot.readyAt = now.addMSecs(qint64(m_state.settings.volumeSnapshotSeconds * 1000));
    m_state.volumeSnapshots.insert(snapshot.id, snapshot);
    ex.json(202, QJsonObject{{QStringLiteral("snapshot"), snapshotJson(snapshot, false)}});
}

} // namespace fake
