#include "bank/journalentry.h"

#include <QCryptographicHash>

namespace sv {

QJsonObject JournalEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("temporary-image")},
        {QStringLiteral("checkpoint_id"), checkpointId},
        {QStringLiteral("image_id"), imageId},
        {QStringLiteral("cloud_profile_id"), cloudProfileId},
        {QStringLiteral("project_id"), projectId},
        {QStringLiteral("region_name"), regionName},
        {QStringLiteral("created_at"), created.toUTC().toString(Qt::ISODateWithMs)},
    };
}

JournalEntry JournalEntry::fromJson(const QJsonObject &json)
{
    JournalEntry entry;
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
    const QByteArray material = cloudProfileId.toUtf8() + '\n' + regionName.toUtf8() + '\n' + imageId.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex());
}

} // namespace sv
