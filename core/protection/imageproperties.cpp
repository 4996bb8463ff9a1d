#include "protection/imageproperties.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

#include "protection/resource.h"

#include <QStringList>

namespace sv::ImageProperties {

bool isReadOnlyOrReserved(const QString &key)
{
    static const QStringList exact{
        QStringLiteral("id"),          QStringLiteral("status"),       QStringLiteral("checksum"),
        QStringLiteral("size"),        QStringLiteral("virtual_size"), QStringLiteral("file"),
        QStringLiteral("self"),        QStringLiteral("schema"),       QStringLiteral("locations"),
        QStringLiteral("direct_url"),  QStringLiteral("owner"),        QStringLiteral("stores"),
        QStringLiteral("os_hidden"),   QStringLiteral("protected"),    QStringLiteral("visibility"),
        QStringLiteral("created_at"),  QStringLiteral("updated_at"),   QStringLiteral("deleted_at"),
        QStringLiteral("deleted"),     QStringLiteral("tags"),
    };
    // visibility/protected/os_hidden/tags are settable but describe the source cloud's policy, not the
    // disk; a restore sets its own (private, unprotected) and tags are kept separately.
    return exact.contains(key) || key.startsWith(QLatin1String("os_hash_")) || key.startsWith(QLatin1String("os_glance_"))
        || key.endsWith(QLatin1String("_at"));
}

QJsonObject settable(const QJsonObject &image)
{
    QJsonObject result;
    for (auto it = image.begin(); it != image.end(); ++it) {
        if (!isReadOnlyOrReserved(it.key()) && !it.value().isNull())
            result.insert(it.key(), it.value());
    }
    return result;
}

QJsonObject withoutSnapshotBookkeeping(const QJsonObject &properties)
{
    static const QStringList bookkeeping{
        QStringLiteral("image_type"),         QStringLiteral("instance_uuid"),    QStringLiteral("base_image_ref"),
        QStringLiteral("owner_project_name"), QStringLiteral("owner_user_name"),  QStringLiteral("user_id"),
        QStringLiteral("boot_roles"),         QStringLiteral("image_location"),   QStringLiteral("image_state"),
        QStringLiteral("owner_id"),
    };
    QJsonObject result = properties;
    for (const QString &key : bookkeeping)
        result.remove(key);
    // StackVault's own marks of a temporary snapshot.
    for (auto it = result.begin(); it != result.end();) {
        if (it.key().startsWith(QLatin1String("stackvault_")))
            it = result.erase(it);
        else
            ++it;
    }
    return result;
}

namespace {
// Nova reads these image properties as flexible booleans (oslo strutils.bool_from_string).
bool isTrue(const QJsonObject &image, const char *key)
{
    const QJsonValue value = image.value(QLatin1String(key));
    if (value.isBool())
        return value.toBool();
    static const QStringList yes{QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("true"),
                                 QStringLiteral("on"), QStringLiteral("y"), QStringLiteral("yes")};
    return yes.contains(value.toString().trimmed().toLower());
}
} // namespace

QString consistency(const QJsonObject &image, bool snapshotTaken)
{
    if (!snapshotTaken)
        return QLatin1String(ConsistencyToken::OriginalImage);
    return isTrue(image, "hw_qemu_guest_agent") ? QLatin1String(ConsistencyToken::QuiesceRequested)
                                                : QLatin1String(ConsistencyToken::CrashConsistent);
}

bool requiresQuiesce(const QJsonObject &image)
{
    return isTrue(image, "os_require_quiesce");
}

QList<MappedSnapshot> blockDeviceMappingSnapshots(const QJsonObject &image)
{
    const QJsonValue value = image.value(QLatin1String("block_device_mapping"));
    const QJsonArray mapping = value.isString() ? QJsonDocument::fromJson(value.toString().toUtf8()).array() : value.toArray();
    QList<MappedSnapshot> snapshots;
    for (const QJsonValue &entry : mapping) {
        const QJsonObject device = entry.toObject();
        const QString snapshotId = device.value(QLatin1String("snapshot_id")).toString();
        if (snapshotId.isEmpty()
            || std::any_of(snapshots.cbegin(), snapshots.cend(), [&](const MappedSnapshot &s) { return s.snapshotId == snapshotId; }))
            continue;
        const QJsonValue index = device.value(QLatin1String("boot_index"));
        bool ok = index.isDouble();
        int bootIndex = index.toInt();
        if (!ok)
            bootIndex = index.toString().toInt(&ok);
        snapshots.append(MappedSnapshot{snapshotId, ok ? bootIndex : -1});
    }
    return snapshots;
}

} // namespace sv::ImageProperties
