#include "bank/checkpointindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace sv {

QJsonObject ProtectedResource::toJson() const
{
    QJsonObject json{
        {QStringLiteral("type"), type},
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), status},
        {QStringLiteral("extra_info"), extraInfo},
        {QStringLiteral("metadata"), metadata},
    };
    if (!parentId.isEmpty())
        json.insert(QStringLiteral("parent"),
                    QJsonObject{{QStringLiteral("type"), parentType}, {QStringLiteral("id"), parentId}});
    if (image)
        json.insert(QStringLiteral("image_data"), image->toJson());
    return json;
}

bool ProtectedResource::fromJson(const QJsonObject &json, ProtectedResource *resource, QString *why)
{
    ProtectedResource r;
    r.type = json.value(QStringLiteral("type")).toString();
    r.id = json.value(QStringLiteral("id")).toString();
    r.name = json.value(QStringLiteral("name")).toString();
    r.status = json.value(QStringLiteral("status")).toString();
    r.extraInfo = json.value(QStringLiteral("extra_info")).toObject();
    r.metadata = json.value(QStringLiteral("metadata")).toObject();
    const QJsonObject parent = json.value(QStringLiteral("parent")).toObject();
    r.parentType = parent.value(QStringLiteral("type")).toString();
    r.parentId = parent.value(QStringLiteral("id")).toString();
    if (r.type.isEmpty() || r.id.isEmpty()) {
        *why = QStringLiteral("a resource without type or id");
        return false;
    }
    if (json.contains(QStringLiteral("image_data"))) {
        ImageRecord image;
        QString imageWhy;
        if (!ImageRecord::fromJson(json.value(QStringLiteral("image_data")).toObject(), &image, &imageWhy)) {
            *why = QStringLiteral("resource %1: %2").arg(r.id, imageWhy);
            return false;
        }
        r.image = std::move(image);
    }
    *resource = std::move(r);
    return true;
}

const ProtectedResource *CheckpointIndex::server() const
{
    for (const ProtectedResource &resource : resources) {
        if (resource.type == QLatin1String("OS::Nova::Server"))
            return &resource;
    }
    return nullptr;
}

qint64 CheckpointIndex::totalSize() const
{
    qint64 total = 0;
    for (const ProtectedResource &resource : resources)
        total += resource.image ? resource.image->size : 0;
    return total;
}

qint64 CheckpointIndex::newStoredBytes() const
{
    qint64 total = 0;
    for (const ProtectedResource &resource : resources)
        total += resource.image ? resource.image->newStoredBytes : 0;
    return total;
}

qint64 CheckpointIndex::storedBytes() const
{
    qint64 total = 0;
    for (const ProtectedResource &resource : resources)
        total += resource.image ? resource.image->storedBytes : 0;
    return total;
}

QJsonObject RestoreTestRecord::toJson() const
{
    QJsonObject json{{QStringLiteral("result"), passed ? QStringLiteral("passed") : QStringLiteral("failed")},
                     {QStringLiteral("tested_at"), testedAt.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("cloud"), cloud}};
    if (!marker.isEmpty())
        json.insert(QStringLiteral("marker"), marker);
    if (!message.isEmpty())
        json.insert(QStringLiteral("message"), message);
    return json;
}

RestoreTestRecord RestoreTestRecord::fromJson(const QJsonObject &json)
{
    RestoreTestRecord record;
    const QString result = json.value(QStringLiteral("result")).toString();
    const QDateTime at = QDateTime::fromString(json.value(QStringLiteral("tested_at")).toString(), Qt::ISODateWithMs);
    if ((result != QLatin1String("passed") && result != QLatin1String("failed")) || !at.isValid())
        return record;
    record.testedAt = at.toUTC();
    record.passed = result == QLatin1String("passed");
    record.cloud = json.value(QStringLiteral("cloud")).toString();
    record.marker = json.value(QStringLiteral("marker")).toString();
    record.message = json.value(QStringLiteral("message")).toString();
    return record;
}

int CheckpointIndex::formatVersion() const
{
    for (const ProtectedResource &resource : resources) {
        if (resource.image && resource.image->splitList)
            return FormatVersion;
    }
    return InlineListsVersion;
}

QByteArray CheckpointIndex::toJson() const
{
    QJsonArray resourceArray;
    for (const ProtectedResource &resource : resources)
        resourceArray.append(resource.toJson());
    QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("stackvault-checkpoint")},
        {QStringLiteral("format_version"), formatVersion()},
        {QStringLiteral("id"), id},
        {QStringLiteral("created_at"), created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("status"), status},
        {QStringLiteral("consistency"), consistency},
        {QStringLiteral("options"), options},
        {QStringLiteral("resources"), resourceArray},
    };
    if (!errorMessage.isEmpty())
        json.insert(QStringLiteral("error"), errorMessage);
    if (!plan.isEmpty())
        json.insert(QStringLiteral("plan"), plan);
    if (!restoreTest.isEmpty())
        json.insert(QStringLiteral("restore_test"), restoreTest.toJson());
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

bool CheckpointIndex::fromJson(const QByteArray &data, CheckpointIndex *index, QString *why)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        *why = QStringLiteral("not a JSON object (%1)").arg(parseError.errorString());
        return false;
    }
    const QJsonObject json = doc.object();
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("stackvault-checkpoint")) {
        *why = QStringLiteral("not a StackVault checkpoint index");
        return false;
    }
    const int version = json.value(QStringLiteral("format_version")).toInt();
    if (version < 1 || version > FormatVersion) {
        *why = QStringLiteral("checkpoint format version %1 is not supported by this version of StackVault "
                              "(it reads up to %2); upgrade StackVault")
                   .arg(version)
                   .arg(FormatVersion);
        return false;
    }
    CheckpointIndex r;
    r.id = json.value(QStringLiteral("id")).toString();
    r.created = QDateTime::fromString(json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    r.status = json.value(QStringLiteral("status")).toString();
    r.errorMessage = json.value(QStringLiteral("error")).toString();
    r.consistency = json.value(QStringLiteral("consistency")).toString();
    r.plan = json.value(QStringLiteral("plan")).toString(); // optional: absent before plans, and by hand
    r.options = json.value(QStringLiteral("options")).toObject();
    r.restoreTest = RestoreTestRecord::fromJson(json.value(QStringLiteral("restore_test")).toObject());
    if (!isValidId(r.id)) {
        *why = QStringLiteral("invalid checkpoint id \"%1\"").arg(r.id.left(100));
        return false;
    }
    const QJsonArray resourceArray = json.value(QStringLiteral("resources")).toArray();
    for (const QJsonValue &value : resourceArray) {
        ProtectedResource resource;
        if (!ProtectedResource::fromJson(value.toObject(), &resource, why))
            return false;
        if (resource.image && resource.image->splitList && version < FormatVersion) {
            *why = QStringLiteral("resource %1: a split chunk list in a format %2 index").arg(resource.id).arg(version);
            return false;
        }
        r.resources.append(std::move(resource));
    }
    *index = std::move(r);
    return true;
}

bool CheckpointIndex::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128 || id.startsWith(QLatin1Char('.')))
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-'
            || u == '_' || u == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace sv
