#include "bank/journalentry.h"

#include <QCryptographicHash>

namespace sv {

QJsonObject JournalEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("checkpoint_id"), checkpointId},
        {QStringLiteral("image_id"), imageId},
        {QStringLiteral("server_id"), serverId},
        {QStringLiteral("volume_id"), volumeId},
        {QStringLiteral("snapshot_id"), snapshotId},
        {QStringLiteral("port_id"), portId},
        {QStringLiteral("tag"), tag},
        {QStringLiteral("cloud_profile_id"), cloudProfileId},
        {QStringLiteral("project_id"), projectId},
        {QStringLiteral("region_name"), regionName},
        {QStringLiteral("created_at"), created.toUTC().toString(Qt::ISODateWithMs)},
    };
}

JournalEntry JournalEntry::fromJson(const QJsonObject &json)
{
    JournalEntry entry;
    entry.kind = json.value(QStringLiteral("kind")).toString(TemporaryImage);
    entry.serverId = json.value(QStringLiteral("server_id")).toString();
    entry.volumeId = json.value(QStringLiteral("volume_id")).toString();
    entry.snapshotId = json.value(QStringLiteral("snapshot_id")).toString();
    entry.portId = json.value(QStringLiteral("port_id")).toString();
    entry.tag = json.value(QStringLiteral("tag")).toString();
    entry.checkpointId = json.value(QStringLiteral("checkpoint_id")).toString();
    entry.imageId = json.value(QStringLiteral("image_id")).toString();
    entry.cloudProfileId = json.value(QStringLiteral("cloud_profile_id")).toString();
    entry.projectId = json.value(QStringLiteral("project_id")).toString();
    entry.regionName = json.value(QStringLiteral("region_name")).toString();
    entry.created = QDateTime::fromString(json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    return entry;
}

QString JournalEntry::key() const
{
    return QString::fromLatin1(QCryptographicHash::hash(keyMaterial(), QCryptographicHash::Sha256).toHex());
}

QByteArray JournalEntry::keyMaterial() const
{
    QByteArray material = cloudProfileId.toUtf8() + '\n' + regionName.toUtf8() + '\n';
    if (!imageId.isEmpty())
        material += imageId.toUtf8(); // unchanged since format 1: entries of older versions are found
    else if (!serverId.isEmpty())
        material += "server\n" + serverId.toUtf8();
    else if (!volumeId.isEmpty())
        material += "volume\n" + volumeId.toUtf8();
    else if (!snapshotId.isEmpty())
        material += "snapshot\n" + snapshotId.toUtf8();
    else if (!portId.isEmpty())
        material += "port\n" + portId.toUtf8();
    else
        material += "intent\n" + kind.toUtf8() + '\n' + checkpointId.toUtf8() + '\n' + tag.toUtf8();
    return material;
}

void JournalEntry::sortByCreation(QList<JournalEntry> *entries)
{
    std::sort(entries->begin(), entries->end(),
              [](const JournalEntry &a, const JournalEntry &b) { return a.created < b.created; });
}

} // namespace sv
