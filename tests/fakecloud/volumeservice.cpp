#include "volumeservice.h"

#include "adminapi.h"
#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <optional>

namespace fake {

using http::novaFault;

namespace {

constexpr qint64 GiB = qint64(1) << 30;

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue cinderTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))) : QJsonValue(QJsonValue::Null);
}

// Cinder's boolean parsing (oslo strutils.bool_from_string, strict): true/false, "true"/"1"/"yes"/"on"
// and their negations. Absent or null: nullopt with *ok true; anything else: *ok false.
std::optional<bool> parseBool(const QJsonValue &value, bool *ok)
{
    *ok = true;
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isBool())
        return value.toBool();
    const QString text = value.isString() ? value.toString().toLower() : QString();
    if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes") || text == QLatin1String("on"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no") || text == QLatin1String("off"))
        return false;
    *ok = false;
    return std::nullopt;
}

// Metadata of volumes and snapshots: an object of strings (Cinder refuses anything else).
bool isStringMap(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return false;
    for (const QJsonValue &v : value.toObject()) {
        if (!v.isString())
            return false;
    }
    return true;
}

// The object under `key` of the request's JSON body ({"volume": {...}}); nullopt after answering 400.
std::optional<QJsonObject> requestObject(Exchange &ex, const QString &key)
{
    QJsonObject body;
    QString parseError;
    if (!http::parseJsonObject(ex, &body, &parseError)) {
        novaFault(ex, 400, parseError);
        return std::nullopt;
    }
    if (!body.value(key).isObject()) {
        novaFault(ex, 400, QStringLiteral("Missing required element '%1' in request body.").arg(key));
        return std::nullopt;
    }
    return body.value(key).toObject();
}

// Cinder's all_tenants (true/1/yes/on/y/t): whether an admin asks for every project's resources.
bool allTenantsAsked(const Exchange &ex)
{
    if (!ex.hasQuery(QStringLiteral("all_tenants")))
        return false;
    const QString value = ex.query(QStringLiteral("all_tenants")).toLower();
    return value == QLatin1String("1") || value == QLatin1String("true") || value == QLatin1String("yes")
        || value == QLatin1String("on") || value == QLatin1String("y") || value == QLatin1String("t");
}

int gibOf(qint64 bytes)
{
    return int((bytes + GiB - 1) / GiB);
}

} // namespace

VolumeService::VolumeService(CloudState &state)
    : m_state(state)
{
}

void VolumeService::versions(Exchange &ex, int status)
{
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
    ex.json(status, QJsonObject{{QStringLiteral("versions"), QJsonArray{v}}});
}

void VolumeService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    const bool get = ex.method() == QLatin1String("GET") || ex.method() == QLatin1String("HEAD");
    // GET / lists the versions (300 Multiple Choices); GET /v3/ shows v3 (200), as Cinder does.
    const bool versionShow = segments.size() == 1 && segments.at(0) == QLatin1String("v3");
    if (segments.isEmpty() || versionShow) {
        if (get)
            versions(ex, versionShow ? 200 : 300);
        else
            novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
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
    Call call{ex, *token, minor};
    const QStringList rest = segments.mid(2);
    const QString head = rest.at(0);
    if (head == QLatin1String("snapshots") && rest.size() <= 3)
        snapshots(call, rest);
    else if (head == QLatin1String("volumes") && rest.size() <= 3)
        volumes(call, rest);
    else if (head == QLatin1String("types") && rest.size() <= 2)
        types(call, rest);
    else if (head == QLatin1String("os-quota-sets") && (rest.size() == 2 || rest.size() == 3))
        quotaSet(call, rest);
    else if (head == QLatin1String("limits") && rest.size() == 1)
        get ? limits(call) : novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
    else
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
}

QJsonObject VolumeService::volumeJson(const Call &call, const Volume &volume, bool detail) const
{
    const QString self = call.ex.baseUrl() + QStringLiteral("/volume/v3/") + volume.projectId + QStringLiteral("/volumes/") + volume.id;
    const QString bookmark = call.ex.baseUrl() + QStringLiteral("/volume/") + volume.projectId + QStringLiteral("/volumes/") + volume.id;
    QJsonObject json{{QStringLiteral("id"), volume.id},
                     {QStringLiteral("name"), nullable(volume.name)},
                     {QStringLiteral("links"),
                      QJsonArray{QJsonObject{{QStringLiteral("href"), self}, {QStringLiteral("rel"), QStringLiteral("self")}},
                                 QJsonObject{{QStringLiteral("href"), bookmark}, {QStringLiteral("rel"), QStringLiteral("bookmark")}}}}};
    if (!detail)
        return json;
    QJsonArray attachments;
    for (const VolumeAttachment &a : volume.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("server_id"), a.serverId},
                                       {QStringLiteral("attachment_id"), a.attachmentId},
                                       {QStringLiteral("attached_at"), cinderTime(a.attachedAt)},
                                       {QStringLiteral("host_name"), QJsonValue::Null},
                                       {QStringLiteral("volume_id"), volume.id},
                                       {QStringLiteral("device"), a.device},
                                       {QStringLiteral("id"), volume.id}});
    }
    json.insert(QStringLiteral("attachments"), attachments);
    json.insert(QStringLiteral("availability_zone"), volume.availabilityZone);
    json.insert(QStringLiteral("bootable"), volume.bootable ? QStringLiteral("true") : QStringLiteral("false"));
    json.insert(QStringLiteral("consistencygroup_id"), QJsonValue::Null);
    json.insert(QStringLiteral("created_at"), cinderTime(volume.createdAt));
    json.insert(QStringLiteral("description"), nullable(volume.description));
    json.insert(QStringLiteral("encrypted"), false);
    json.insert(QStringLiteral("metadata"), volume.metadata);
    json.insert(QStringLiteral("migration_status"), QJsonValue::Null);
    json.insert(QStringLiteral("multiattach"), false);
    json.insert(QStringLiteral("os-vol-tenant-attr:tenant_id"), volume.projectId);
    json.insert(QStringLiteral("replication_status"), QJsonValue::Null);
    json.insert(QStringLiteral("size"), volume.sizeGiB);
    json.insert(QStringLiteral("snapshot_id"), nullable(volume.snapshotId));
    json.insert(QStringLiteral("source_volid"), nullable(volume.sourceVolumeId));
    json.insert(QStringLiteral("status"), volume.status);
    json.insert(QStringLiteral("updated_at"), cinderTime(volume.updatedAt));
    json.insert(QStringLiteral("user_id"), volume.userId);
    json.insert(QStringLiteral("volume_type"), volume.volumeType);
    if (!volume.imageMetadata.isEmpty())
        json.insert(QStringLiteral("volume_image_metadata"), volume.imageMetadata);
    // The fields later microversions add.
    if (call.minor >= 13)
        json.insert(QStringLiteral("group_id"), QJsonValue::Null);
    if (call.minor >= 21)
        json.insert(QStringLiteral("provider_id"), QJsonValue::Null);
    if (call.minor >= 48) {
        json.insert(QStringLiteral("service_uuid"), http::stableUuid(QStringLiteral("cinder-volume@fake")));
        json.insert(QStringLiteral("shared_targets"), false);
    }
    if (call.minor >= 61)
        json.insert(QStringLiteral("cluster_name"), QJsonValue::Null);
    if (call.minor >= 63) {
        const VolumeType *type = m_state.volumeType(volume.volumeType);
        json.insert(QStringLiteral("volume_type_id"), type ? QJsonValue(type->id) : QJsonValue(QJsonValue::Null));
    }
    if (call.minor >= 65)
        json.insert(QStringLiteral("consumes_quota"), true);
    return json;
}

void VolumeService::volumes(Call &call, const QStringList &rest)
{
    Exchange &ex = call.ex;
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    auto notAllowed = [&] { novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL.")); };
    if (rest.size() == 1) {
        if (get)
            listVolumes(call, false);
        else if (method == QLatin1String("POST"))
            createVolume(call);
        else
            notAllowed();
        return;
    }
    if (rest.size() == 2 && rest.at(1) == QLatin1String("detail")) {
        get ? listVolumes(call, true) : notAllowed();
        return;
    }
    Volume *volume = visibleVolume(call, rest.at(1));
    if (!volume) {
        novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(rest.at(1)));
        return;
    }
    if (rest.size() == 2) {
        if (get)
            ex.json(200, QJsonObject{{QStringLiteral("volume"), volumeJson(call, *volume, true)}});
        else if (method == QLatin1String("DELETE"))
            deleteVolume(call, *volume);
        else
            notAllowed();
    } else if (rest.at(2) == QLatin1String("action")) {
        method == QLatin1String("POST") ? volumeAction(call, *volume) : notAllowed();
    } else if (rest.at(2) == QLatin1String("metadata")) {
        metadata(call, volume->metadata);
    } else {
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
    }
}

Volume *VolumeService::visibleVolume(const Call &call, const QString &id)
{
    // Cinder's default policy: a member finds its own project's volumes only (another project's is a
    // 404); an admin finds any project's volume by id.
    if (Volume *own = m_state.volume(call.token.projectId, id))
        return own;
    if (!isAdmin(m_state, call.token))
        return nullptr;
    auto it = m_state.volumes.find(id);
    return it == m_state.volumes.end() ? nullptr : &it.value();
}

void VolumeService::listVolumes(Call &call, bool detail)
{
    Exchange &ex = call.ex;
    // Cinder: an admin's `all_tenants` (true/1/yes/on) lists every project's volumes, `project_id` then
    // narrows to one; for anyone else both are ignored and the token's project is listed.
    const bool allProjects = isAdmin(m_state, call.token) && allTenantsAsked(ex);
    const QString onlyProject = allProjects ? ex.query(QStringLiteral("project_id")) : call.token.projectId;
    QList<const Volume *> matches;
    for (const Volume &volume : std::as_const(m_state.volumes)) {
        if (onlyProject.isEmpty() || volume.projectId == onlyProject)
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
        list.append(volumeJson(call, *volume, detail));
    QJsonObject body{{QStringLiteral("volumes"), list}};
    if (!page.isEmpty() && page.size() == limit && start + limit < matches.size()) {
        QUrlQuery query = http::queryWithoutMarker(ex);
        query.addQueryItem(QStringLiteral("marker"), page.last()->id);
        body.insert(QStringLiteral("volumes_links"),
                    QJsonArray{QJsonObject{{QStringLiteral("href"), QString(ex.baseUrl() + QStringLiteral("/volume/v3/") + call.token.projectId
                                                                        + (detail ? QStringLiteral("/volumes/detail?") : QStringLiteral("/volumes?"))
                                                                        + query.toString(QUrl::FullyEncoded))},
                                           {QStringLiteral("rel"), QStringLiteral("next")}}});
    }
    ex.json(200, body);
}

void VolumeService::createVolume(Call &call)
{
    Exchange &ex = call.ex;
    const std::optional<QJsonObject> parsed = requestObject(ex, QStringLiteral("volume"));
    if (!parsed)
        return;
    const QJsonObject &request = *parsed;
    const QJsonValue sizeValue = request.value(QStringLiteral("size"));
    std::optional<int> size;
    if (!sizeValue.isUndefined() && !sizeValue.isNull()) {
        bool ok = sizeValue.isDouble() && sizeValue.toDouble() == double(sizeValue.toInt());
        int n = sizeValue.toInt();
        if (sizeValue.isString())
            n = sizeValue.toString().toInt(&ok);
        if (!ok || n < 1) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute size. Value: %1. %1 is less than the minimum of 1")
                                   .arg(sizeValue.toVariant().toString()));
            return;
        }
        size = n;
    }
    if (!isStringMap(request.value(QStringLiteral("metadata")))) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute metadata. Metadata values must be strings."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Volume volume;
    volume.id = CloudState::newUuid();
    volume.name = request.value(QStringLiteral("name")).toString();
    volume.description = request.value(QStringLiteral("description")).toString();
    volume.projectId = call.token.projectId;
    volume.userId = call.token.userId;
    volume.metadata = request.value(QStringLiteral("metadata")).toObject();
    volume.createdAt = now;
    const QString zone = request.value(QStringLiteral("availability_zone")).toString();
    if (!zone.isEmpty() && !m_state.settings.availabilityZones.contains(zone)) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: Availability zone '%1' is invalid.").arg(zone));
        return;
    }
    if (!zone.isEmpty())
        volume.availabilityZone = zone;

    const QString snapshotId = request.value(QStringLiteral("snapshot_id")).toString();
    const QString imageId = request.value(QStringLiteral("imageRef")).toString();
    const QString sourceId = request.value(QStringLiteral("source_volid")).toString();
    if (int(!snapshotId.isEmpty()) + int(!imageId.isEmpty()) + int(!sourceId.isEmpty()) > 1) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: only one of snapshot_id, imageRef and source_volid may be given"));
        return;
    }
    QString type = request.value(QStringLiteral("volume_type")).toString();
    int minimum = 1; // GiB the source needs
    // A copy of a snapshot or of a volume: at least its size, with its bytes, bootable flag, image
    // metadata and (unless the request names one) type.
    auto copyFrom = [&](const QString &what, int sourceGiB, const VirtualDisk &disk, bool bootable, const QJsonObject &imageMetadata,
                        const QString &sourceType) {
        minimum = sourceGiB;
        if (size && *size < minimum) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: Volume size '%1'GB cannot be smaller than the %2 size %3GB. "
                                              "They must be >= original %2 size.").arg(*size).arg(what).arg(minimum));
            return false;
        }
        volume.disk = disk;
        volume.bootable = bootable;
        volume.imageMetadata = imageMetadata;
        if (type.isEmpty())
            type = sourceType;
        return true;
    };
    if (!snapshotId.isEmpty()) {
        auto it = m_state.volumeSnapshots.constFind(snapshotId);
        if (it == m_state.volumeSnapshots.constEnd() || it->projectId != call.token.projectId) {
            novaFault(ex, 404, QStringLiteral("Snapshot %1 could not be found.").arg(snapshotId));
            return;
        }
        if (it->status != QLatin1String("available")) {
            novaFault(ex, 400, QStringLiteral("Invalid snapshot: Originating snapshot status must be one of 'available' values"));
            return;
        }
        if (!copyFrom(QStringLiteral("snapshot"), it->sizeGiB, it->disk, it->bootable, it->imageMetadata, it->volumeType))
            return;
        volume.snapshotId = snapshotId;
    } else if (!sourceId.isEmpty()) {
        const Volume *source = visibleVolume(call, sourceId);
        if (!source) {
            novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(sourceId));
            return;
        }
        if (source->status != QLatin1String("available") && source->status != QLatin1String("in-use")) {
            novaFault(ex, 400, QStringLiteral("Invalid volume: Unable to clone volumes that are in a %1 state.").arg(source->status));
            return;
        }
        if (!copyFrom(QStringLiteral("volume"), source->sizeGiB, source->disk, source->bootable, source->imageMetadata, source->volumeType))
            return;
        volume.sourceVolumeId = sourceId;
    } else if (!imageId.isEmpty()) {
        auto it = m_state.images.constFind(imageId);
        if (it == m_state.images.constEnd()
            || (it->visibility == QLatin1String("private") && it->ownerId != call.token.projectId)) {
            novaFault(ex, 404, QStringLiteral("Image %1 could not be found.").arg(imageId));
            return;
        }
        if (it->status != QLatin1String("active") || !it->data) {
            novaFault(ex, 400, QStringLiteral("Invalid image identifier or unable to access requested image. Image %1 is not active "
                                              "or has no data.").arg(imageId));
            return;
        }
        const int imageGiB = std::max(1, gibOf(it->data->disk.size()));
        if (!size) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: a size is required to create a volume from image %1.").arg(imageId));
            return;
        }
        if (*size < imageGiB) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: Size of specified image %1GB is larger than volume size %2GB.")
                                   .arg(imageGiB).arg(*size));
            return;
        }
        if (*size < it->minDisk) {
            novaFault(ex, 400, QStringLiteral("Invalid input received: Volume size %1GB cannot be smaller than the image minDisk size %2GB.")
                                   .arg(*size).arg(it->minDisk));
            return;
        }
        volume.disk = it->data->disk;
        volume.bootable = true;
        volume.imageMetadata = CloudState::volumeImageMetadata(*it);
    } else if (!size) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: size is required for a volume without a source"));
        return;
    }
    volume.sizeGiB = size.value_or(minimum);
    if (!type.isEmpty()) {
        const VolumeType *known = m_state.volumeType(type);
        if (!known) {
            novaFault(ex, 404, QStringLiteral("Volume type with name %1 could not be found.").arg(type));
            return;
        }
        volume.volumeType = known->name;
    }
    if (!checkQuota(call, 1, 0, volume.sizeGiB))
        return;
    m_state.startVolumeTransition(volume, QStringLiteral("creating"), QStringLiteral("available"), now);
    volume.updatedAt = QDateTime();
    m_state.volumes.insert(volume.id, volume);
    ex.json(202, QJsonObject{{QStringLiteral("volume"), volumeJson(call, volume, true)}});
}

void VolumeService::deleteVolume(Call &call, Volume &volume)
{
    static const QStringList deletable{QStringLiteral("available"), QStringLiteral("error"), QStringLiteral("error_restoring"),
                                       QStringLiteral("error_extending"), QStringLiteral("error_managing")};
    bool hasSnapshots = false;
    for (const VolumeSnapshot &snapshot : std::as_const(m_state.volumeSnapshots))
        hasSnapshots = hasSnapshots || snapshot.volumeId == volume.id;
    if (!deletable.contains(volume.status) || !volume.attachments.isEmpty() || hasSnapshots) {
        // Cinder's message, verbatim: one for every reason.
        novaFault(call.ex, 400, QStringLiteral("Invalid volume: Volume status must be available or error or error_restoring or "
                                               "error_extending or error_managing and must not be migrating, attached, belong to a "
                                               "group, have snapshots, awaiting a transfer, or be disassociated from snapshots after "
                                               "volume transfer."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    volume.status = QStringLiteral("deleting");
    volume.updatedAt = now;
    volume.nextAt = QDateTime();
    volume.goneAt = now.addMSecs(qint64(m_state.settings.volumeStepSeconds * 1000));
    call.ex.empty(202);
}

void VolumeService::volumeAction(Call &call, Volume &volume)
{
    Exchange &ex = call.ex;
    QJsonObject body;
    QString parseError;
    if (!http::parseJsonObject(ex, &body, &parseError)) {
        novaFault(ex, 400, parseError);
        return;
    }
    if (body.size() != 1) {
        novaFault(ex, 400, QStringLiteral("Malformed request body"));
        return;
    }
    const QString action = body.constBegin().key();
    if (action == QLatin1String("os-volume_upload_image")) {
        uploadToImage(call, volume, body.value(action).toObject());
    } else {
        novaFault(ex, 400, QStringLiteral("There is no such action: %1").arg(action));
    }
}

void VolumeService::uploadToImage(Call &call, Volume &volume, const QJsonObject &request)
{
    Exchange &ex = call.ex;
    const QString name = request.value(QStringLiteral("image_name")).toString();
    if (name.isEmpty()) {
        novaFault(ex, 400, QStringLiteral("No image_name was specified in request."));
        return;
    }
    bool ok = true;
    const bool force = parseBool(request.value(QStringLiteral("force")), &ok).value_or(false);
    if (!ok) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'force': must be a boolean"));
        return;
    }
    static const QStringList diskFormats{QStringLiteral("raw"), QStringLiteral("vmdk"), QStringLiteral("vdi"), QStringLiteral("qcow2"),
                                         QStringLiteral("vhd"), QStringLiteral("vhdx"), QStringLiteral("ploop")};
    const QString diskFormat = request.value(QStringLiteral("disk_format")).toString(QStringLiteral("raw"));
    if (!diskFormats.contains(diskFormat)) {
        novaFault(ex, 400, QStringLiteral("Invalid disk-format '%1' is specified. Allowed disk-formats are %2.")
                               .arg(diskFormat, diskFormats.join(QStringLiteral(", "))));
        return;
    }
    const QString containerFormat = request.value(QStringLiteral("container_format")).toString(QStringLiteral("bare"));
    if (containerFormat != QLatin1String("bare") && containerFormat != QLatin1String("compressed")) {
        novaFault(ex, 400, QStringLiteral("Invalid container-format '%1' is specified. Allowed container-formats are bare, compressed.")
                               .arg(containerFormat));
        return;
    }
    const QString visibility = request.value(QStringLiteral("visibility")).toString(QStringLiteral("private"));
    static const QStringList visibilities{QStringLiteral("private"), QStringLiteral("shared"), QStringLiteral("community"),
                                          QStringLiteral("public")};
    if (!visibilities.contains(visibility)) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: visibility %1 is not valid").arg(visibility));
        return;
    }
    const bool isProtected = parseBool(request.value(QStringLiteral("protected")), &ok).value_or(false);
    if (!ok) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'protected': must be a boolean"));
        return;
    }
    // As Cinder with enable_force_upload: an in-use volume needs force; nothing else may be uploaded.
    const bool statusOk = volume.status == QLatin1String("available") || (force && volume.status == QLatin1String("in-use"));
    if (!statusOk) {
        novaFault(ex, 400, QStringLiteral("Invalid volume: Volume %1 status must be %2").arg(volume.id,
                                 force ? QStringLiteral("available or in-use") : QStringLiteral("available")));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Image image;
    image.id = CloudState::newUuid();
    image.name = name;
    image.diskFormat = diskFormat;
    image.containerFormat = containerFormat;
    image.visibility = visibility;
    image.isProtected = isProtected;
    image.ownerId = volume.projectId;
    image.createdAt = now;
    image.updatedAt = now;
    // Cinder copies the volume's Glance metadata (from the image it was made from).
    image.properties = CloudState::imagePropertiesOf(volume.imageMetadata);
    m_state.images.insert(image.id, image);
    m_state.stateLog.append(StateChange{image.id, QStringLiteral("status"), image.status, now});
    // The image holds the volume's bytes as they are now.
    m_state.hashJobs.insert(image.id, m_state.startHashing(volume.disk));
    VolumeUpload upload;
    upload.imageId = image.id;
    upload.previousStatus = volume.status;
    upload.startedAt = now;
    upload.doneAt = now.addMSecs(qint64(m_state.settings.volumeStepSeconds * 1000));
    upload.stuck = m_state.takeFault(Fault::UploadStuck, ex.method(), ex.path()).has_value();
    upload.fails = !upload.stuck && m_state.takeFault(Fault::UploadFailed, ex.method(), ex.path()).has_value();
    volume.upload = upload;
    volume.status = QStringLiteral("uploading");
    volume.updatedAt = now;
    QJsonObject answer{{QStringLiteral("container_format"), containerFormat},
                       {QStringLiteral("disk_format"), diskFormat},
                       {QStringLiteral("display_description"), nullable(volume.description)},
                       {QStringLiteral("id"), volume.id},
                       {QStringLiteral("image_id"), image.id},
                       {QStringLiteral("image_name"), name},
                       {QStringLiteral("protected"), isProtected},
                       {QStringLiteral("size"), volume.sizeGiB},
                       {QStringLiteral("status"), volume.status},
                       {QStringLiteral("updated_at"), cinderTime(volume.updatedAt)},
                       {QStringLiteral("visibility"), visibility},
                       {QStringLiteral("volume_type"), QJsonValue::Null}};
    if (const VolumeType *type = m_state.volumeType(volume.volumeType))
        answer.insert(QStringLiteral("volume_type"), typeJson(*type));
    ex.json(202, QJsonObject{{QStringLiteral("os-volume_upload_image"), answer}});
}

void VolumeService::metadata(Call &call, QJsonObject &metadata)
{
    Exchange &ex = call.ex;
    const QString method = ex.method();
    if (method == QLatin1String("POST") || method == QLatin1String("PUT")) {
        const std::optional<QJsonObject> changes = requestObject(ex, QStringLiteral("metadata"));
        if (!changes)
            return;
        if (!isStringMap(*changes)) {
            novaFault(ex, 400, QStringLiteral("Malformed request body: metadata must be an object of strings"));
            return;
        }
        if (method == QLatin1String("PUT"))
            metadata = QJsonObject();
        for (auto it = changes->constBegin(); it != changes->constEnd(); ++it)
            metadata.insert(it.key(), it.value());
    } else if (method != QLatin1String("GET") && method != QLatin1String("HEAD")) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    ex.json(200, QJsonObject{{QStringLiteral("metadata"), metadata}});
}

QJsonObject VolumeService::snapshotJson(const VolumeSnapshot &snapshot, bool detail)
{
    QJsonObject json{{QStringLiteral("id"), snapshot.id},
                     {QStringLiteral("name"), nullable(snapshot.name)},
                     {QStringLiteral("description"), nullable(snapshot.description)},
                     {QStringLiteral("volume_id"), snapshot.volumeId},
                     {QStringLiteral("status"), snapshot.status},
                     {QStringLiteral("size"), snapshot.sizeGiB},
                     {QStringLiteral("metadata"), snapshot.metadata},
                     {QStringLiteral("created_at"), cinderTime(snapshot.createdAt)},
                     {QStringLiteral("updated_at"), cinderTime(snapshot.updatedAt)},
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

void VolumeService::snapshots(Call &call, const QStringList &rest)
{
    Exchange &ex = call.ex;
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    if (rest.size() == 1 && method == QLatin1String("POST")) {
        createSnapshot(call);
        return;
    }
    if (rest.size() >= 2 && rest.at(1) != QLatin1String("detail")) {
        // As for volumes: a member finds its own project's snapshots only, an admin any project's by id.
        auto it = m_state.volumeSnapshots.find(rest.at(1));
        if (it == m_state.volumeSnapshots.end() || (it->projectId != call.token.projectId && !isAdmin(m_state, call.token))) {
            novaFault(ex, 404, QStringLiteral("Snapshot %1 could not be found.").arg(rest.at(1)));
            return;
        }
        if (rest.size() == 3) {
            if (rest.at(2) == QLatin1String("metadata"))
                metadata(call, it->metadata);
            else
                novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        } else if (get) {
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
    if (!get || rest.size() > 2) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    const bool detail = rest.size() == 2;
    // An admin's all_tenants lists every project's snapshots (project_id narrows), as for volumes.
    const bool allProjects = isAdmin(m_state, call.token) && allTenantsAsked(ex);
    const QString onlyProject = allProjects ? ex.query(QStringLiteral("project_id")) : call.token.projectId;
    QList<const VolumeSnapshot *> matches;
    for (const VolumeSnapshot &snapshot : std::as_const(m_state.volumeSnapshots)) {
        if (onlyProject.isEmpty() || snapshot.projectId == onlyProject)
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

void VolumeService::createSnapshot(Call &call)
{
    Exchange &ex = call.ex;
    const std::optional<QJsonObject> parsed = requestObject(ex, QStringLiteral("snapshot"));
    if (!parsed)
        return;
    const QJsonObject &request = *parsed;
    const QString volumeId = request.value(QStringLiteral("volume_id")).toString();
    if (volumeId.isEmpty()) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: 'volume_id' must be specified"));
        return;
    }
    // Cinder accepts force as a boolean or a boolean-like string; absent means false.
    bool ok = true;
    const std::optional<bool> force = parseBool(request.value(QStringLiteral("force")), &ok);
    if (!ok) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'force': must be a boolean"));
        return;
    }
    const Volume *volume = visibleVolume(call, volumeId);
    if (!volume) {
        novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(volumeId));
        return;
    }
    // From 3.66 a snapshot of an in-use volume needs no flag, and force=false is refused; below it,
    // an in-use volume needs force=true.
    constexpr int SnapshotInUseMinor = 66;
    if (call.minor >= SnapshotInUseMinor && force == false) {
        novaFault(ex, 400, QStringLiteral("Invalid value for 'force': false is not allowed from microversion 3.66"));
        return;
    }
    const bool inUseAllowed = call.minor >= SnapshotInUseMinor || force.value_or(false);
    const bool statusOk = volume->status == QLatin1String("available") || (volume->status == QLatin1String("in-use") && inUseAllowed);
    if (!statusOk) {
        novaFault(ex, 400, QStringLiteral("Invalid volume: Volume %1 status must be available, but current status is: %2.")
                               .arg(volumeId, volume->status));
        return;
    }
    if (!isStringMap(request.value(QStringLiteral("metadata")))) {
        novaFault(ex, 400, QStringLiteral("Invalid input received: metadata must be an object of strings"));
        return;
    }
    if (!checkQuota(call, 0, 1, volume->sizeGiB))
        return;
    const VolumeSnapshot &snapshot = m_state.snapshotVolume(
        *volume, call.token.projectId, call.token.userId, request.value(QStringLiteral("name")).toString(), request.value(QStringLiteral("description")).toString(),
        request.value(QStringLiteral("metadata")).toObject(), m_state.takeFault(Fault::VolumeSnapshotError, ex.method(), ex.path()).has_value());
    ex.json(202, QJsonObject{{QStringLiteral("snapshot"), snapshotJson(snapshot, false)}});
}

QJsonObject VolumeService::typeJson(const VolumeType &type)
{
    return QJsonObject{{QStringLiteral("id"), type.id},
                       {QStringLiteral("name"), type.name},
                       {QStringLiteral("description"), nullable(type.description)},
                       {QStringLiteral("extra_specs"), type.extraSpecs},
                       {QStringLiteral("is_public"), type.isPublic},
                       {QStringLiteral("os-volume-type-access:is_public"), type.isPublic},
                       {QStringLiteral("qos_specs_id"), QJsonValue::Null}};
}

void VolumeService::types(Call &call, const QStringList &rest)
{
    Exchange &ex = call.ex;
    if (ex.method() != QLatin1String("GET") && ex.method() != QLatin1String("HEAD")) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    if (rest.size() == 2) {
        const VolumeType *type = m_state.volumeType(rest.at(1));
        if (!type || type->id != rest.at(1)) {
            novaFault(ex, 404, QStringLiteral("Volume type %1 could not be found.").arg(rest.at(1)));
            return;
        }
        ex.json(200, QJsonObject{{QStringLiteral("volume_type"), typeJson(*type)}});
        return;
    }
    QJsonArray list;
    for (const VolumeType &type : std::as_const(m_state.volumeTypes))
        list.append(typeJson(type));
    ex.json(200, QJsonObject{{QStringLiteral("volume_types"), list}});
}

VolumeService::Usage VolumeService::usage(const QString &projectId) const
{
    Usage usage;
    for (const Volume &volume : std::as_const(m_state.volumes)) {
        if (volume.projectId == projectId) {
            ++usage.volumes;
            usage.gigabytes += volume.sizeGiB;
        }
    }
    for (const VolumeSnapshot &snapshot : std::as_const(m_state.volumeSnapshots)) {
        if (snapshot.projectId == projectId) {
            ++usage.snapshots;
            usage.gigabytes += snapshot.sizeGiB;
        }
    }
    return usage;
}

bool VolumeService::checkQuota(Call &call, int volumes, int snapshots, int gigabytes)
{
    // Cinder's QuotaError messages (cinder/exception.py), 413 with Retry-After: 0.
    const Settings &s = m_state.settings;
    const Usage used = usage(call.token.projectId);
    QString message;
    if (volumes > 0 && s.quotaVolumes >= 0 && used.volumes + volumes > s.quotaVolumes) {
        message = QStringLiteral("VolumeLimitExceeded: Maximum number of volumes allowed (%1) exceeded for quota 'volumes'.")
                      .arg(s.quotaVolumes);
    } else if (snapshots > 0 && s.quotaSnapshots >= 0 && used.snapshots + snapshots > s.quotaSnapshots) {
        message = QStringLiteral("SnapshotLimitExceeded: Maximum number of snapshots allowed (%1) exceeded").arg(s.quotaSnapshots);
    } else if (s.quotaGigabytes >= 0 && used.gigabytes + gigabytes > s.quotaGigabytes) {
        message = QStringLiteral("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. "
                                 "Requested %1G, quota is %2G and %3G has been consumed.")
                      .arg(gigabytes).arg(s.quotaGigabytes).arg(used.gigabytes);
    }
    if (message.isEmpty())
        return true;
    call.ex.setHeader("Retry-After", "0");
    novaFault(call.ex, 413, message);
    return false;
}

void VolumeService::quotaSet(Call &call, const QStringList &rest)
{
    Exchange &ex = call.ex;
    if (ex.method() != QLatin1String("GET") && ex.method() != QLatin1String("HEAD")) {
        novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    const QString projectId = rest.at(1);
    const bool defaults = rest.size() == 3 && rest.at(2) == QLatin1String("defaults");
    if (rest.size() == 3 && !defaults) {
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    const bool admin = m_state.users.value(call.token.userId).roles.contains(QStringLiteral("admin"));
    if (projectId != call.token.projectId && !admin) {
        novaFault(ex, 403, QStringLiteral("Policy doesn't allow volume_extension:quotas:show to be performed."));
        return;
    }
    const bool withUsage = !defaults && ex.query(QStringLiteral("usage")).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    const Settings &s = m_state.settings;
    const Usage used = defaults ? Usage() : usage(projectId);
    QJsonObject set{{QStringLiteral("id"), projectId}};
    auto add = [&](const QString &key, int limit, int inUse) {
        set.insert(key, withUsage ? QJsonValue(QJsonObject{{QStringLiteral("in_use"), inUse}, {QStringLiteral("limit"), limit},
                                                           {QStringLiteral("reserved"), 0}})
                                  : QJsonValue(limit));
    };
    add(QStringLiteral("volumes"), s.quotaVolumes, used.volumes);
    add(QStringLiteral("snapshots"), s.quotaSnapshots, used.snapshots);
    add(QStringLiteral("gigabytes"), s.quotaGigabytes, used.gigabytes);
    add(QStringLiteral("backups"), 10, 0);
    add(QStringLiteral("backup_gigabytes"), 1000, 0);
    add(QStringLiteral("groups"), 10, 0);
    add(QStringLiteral("per_volume_gigabytes"), -1, 0);
    for (const VolumeType &type : std::as_const(m_state.volumeTypes)) {
        for (const QString &resource : {QStringLiteral("volumes"), QStringLiteral("snapshots"), QStringLiteral("gigabytes")})
            add(resource + QStringLiteral("_") + type.name, -1, 0);
    }
    ex.json(200, QJsonObject{{QStringLiteral("quota_set"), set}});
}

void VolumeService::limits(Call &call)
{
    const Settings &s = m_state.settings;
    const Usage used = usage(call.token.projectId);
    call.ex.json(200, QJsonObject{{QStringLiteral("limits"),
                                   QJsonObject{{QStringLiteral("rate"), QJsonArray()},
                                               {QStringLiteral("absolute"),
                                                QJsonObject{{QStringLiteral("maxTotalVolumes"), s.quotaVolumes},
                                                            {QStringLiteral("maxTotalSnapshots"), s.quotaSnapshots},
                                                            {QStringLiteral("maxTotalVolumeGigabytes"), s.quotaGigabytes},
                                                            {QStringLiteral("maxTotalBackups"), 10},
                                                            {QStringLiteral("maxTotalBackupGigabytes"), 1000},
                                                            {QStringLiteral("totalVolumesUsed"), used.volumes},
                                                            {QStringLiteral("totalSnapshotsUsed"), used.snapshots},
                                                            {QStringLiteral("totalGigabytesUsed"), used.gigabytes},
                                                            {QStringLiteral("totalBackupsUsed"), 0},
                                                            {QStringLiteral("totalBackupGigabytesUsed"), 0}}}}}});
}

} // namespace fake
