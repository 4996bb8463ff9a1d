#include "protection/checkpointdetails.h"

#include "bank/bank.h"
#include "bank/bankreports.h"
#include "bank/checkpointindex.h"
#include "protection/imageproperties.h"
#include "protection/resource.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace sv {

namespace {
QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QJsonObject object(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toObject();
}

QJsonArray array(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toArray();
}

void readServer(const QJsonObject &meta, CheckpointDetails *details)
{
    details->cloud = text(meta, CheckpointKey::Cloud);
    details->region = text(meta, CheckpointKey::Region);
    const QJsonObject flavor = object(meta, CheckpointKey::Flavor);
    details->flavorId = text(flavor, CheckpointKey::Id);
    details->flavorName = text(flavor, CheckpointKey::Name);
    details->keyName = text(meta, CheckpointKey::KeyName);
    details->availabilityZone = text(meta, CheckpointKey::AvailabilityZone);
    const QJsonArray networks = array(meta, CheckpointKey::Networks);
    for (const QJsonValue &network : networks)
        details->networkNames.append(text(network.toObject(), CheckpointKey::Name));
    const QJsonArray groups = array(meta, CheckpointKey::SecurityGroups);
    for (const QJsonValue &group : groups)
        details->securityGroups.append(
            group.isObject() ? text(group.toObject(), CheckpointKey::Name) : group.toString());
    details->nics = RebuildData::nics(meta);
    details->serverMetadata = object(meta, CheckpointKey::ServerMetadata);
    details->tags = RebuildData::tags(meta);
    details->description = text(meta, CheckpointKey::Description);
    details->configDrive = meta.value(QLatin1String(CheckpointKey::ConfigDrive)).toBool();
    details->userDataState = RebuildData::userDataState(meta);
    details->serverGroups = RebuildData::serverGroupNames(meta);
    details->nicsError = text(meta, CheckpointKey::NicsError);
    const QJsonArray volumes = array(meta, CheckpointKey::VolumesNotIncluded);
    for (const QJsonValue &volume : volumes) {
        const QJsonObject v = volume.toObject();
        details->volumesNotIncluded.append(
            VolumeNotIncluded { text(v, CheckpointKey::Id), text(v, CheckpointKey::Name) });
    }
}

SavedVolume readVolume(const ProtectedResource &resource)
{
    SavedVolume volume;
    volume.id = resource.id;
    volume.name = resource.name;
    const QJsonObject &meta = resource.metadata;
    volume.device = resource.extraInfo.value(QLatin1String(CheckpointKey::Device)).toString(text(meta, CheckpointKey::Device));
    volume.bootIndex = resource.extraInfo.value(QLatin1String(CheckpointKey::BootIndex))
                           .toInt(meta.value(QLatin1String(CheckpointKey::BootIndex)).toInt(-1));
    volume.volumeType = text(meta, CheckpointKey::VolumeType);
    volume.availabilityZone = text(meta, CheckpointKey::AvailabilityZone);
    volume.description = text(meta, CheckpointKey::Description);
    volume.sizeGb = meta.value(QLatin1String(CheckpointKey::SizeGb)).toInt();
    volume.bootable = meta.value(QLatin1String(CheckpointKey::Bootable)).toBool();
    volume.bytes = resource.image ? resource.image->size : 0;
    return volume;
}

void readImage(const ProtectedResource &image, CheckpointDetails *details)
{
    details->imageName = image.name;
    const QJsonObject properties = object(image.metadata, CheckpointKey::Properties);
    details->minDiskGiB = properties.value(QLatin1String(CheckpointKey::MinDisk)).toInteger();
    details->minRamMiB = properties.value(QLatin1String(CheckpointKey::MinRam)).toInteger();
    details->requiresQuiesce = ImageProperties::requiresQuiesce(properties);
}
} // namespace

CheckpointDetails CheckpointDetails::fromSummary(const CheckpointSummary &summary)
{
    CheckpointDetails details;
    details.id = summary.id;
    details.status = summary.status;
    details.errorMessage = summary.errorMessage;
    details.created = summary.created;
    details.serverId = summary.serverId;
    details.serverName = summary.serverName;
    details.size = summary.size;
    details.storedBytes = summary.storedBytes;
    details.newStoredBytes = summary.newStoredBytes;
    details.consistency = ConsistencyText::parse(summary.consistency);
    details.restoreTest = summary.restoreTest;
    return details;
}

CheckpointDetails CheckpointDetails::fromIndex(const CheckpointIndex &index)
{
    // What a listing shows comes from the bank's own summary; the index adds the rebuild details.
    CheckpointDetails details = fromSummary(Bank::summarize(index));
    details.includeData = index.options.value(QLatin1String(CheckpointKey::IncludeData)).toBool();
    details.haveIndex = true;
    details.volumeSelection = index.options.value(QLatin1String(CheckpointKey::VolumeSelection)).toString();
    if (const ProtectedResource *server = index.server()) {
        readServer(server->metadata, &details);
        details.bootFromVolume = server->metadata.value(QLatin1String(CheckpointKey::BootFromVolume)).toBool();
    }
    bool haveImage = false;
    for (const ProtectedResource &resource : index.resources) {
        if (resource.type == QLatin1String(ImageResourceType) && !haveImage) {
            readImage(resource, &details);
            haveImage = true;
        } else if (resource.type == QLatin1String(VolumeResourceType)) {
            details.volumes.append(readVolume(resource));
        }
    }
    return details;
}

QStringList CheckpointDetails::volumesNotIncludedLabels() const
{
    QStringList labels;
    for (const VolumeNotIncluded &volume : volumesNotIncluded)
        labels.append(volume.label());
    return labels;
}

QStringList CheckpointDetails::savedVolumeLabels() const
{
    QStringList labels;
    for (const SavedVolume &volume : volumes)
        labels.append(volume.label());
    return labels;
}

QString volumesNotIncludedSentence(const QStringList &labels)
{
    return QCoreApplication::translate("sv::CheckpointDetails", "Attached volumes NOT included in this backup: %1.")
        .arg(labels.join(QLatin1String(", ")));
}

namespace ConsistencyText {

Consistency parse(const QString &token)
{
    if (token == QLatin1String(ConsistencyToken::OriginalImage))
        return Consistency::OriginalImage;
    if (token == QLatin1String(ConsistencyToken::CrashConsistent))
        return Consistency::CrashConsistent;
    if (token == QLatin1String(ConsistencyToken::QuiesceRequested)
        || token == QLatin1String(ConsistencyToken::LegacyQuiesced))
        return Consistency::QuiesceRequested;
    return Consistency::Unknown;
}

QString token(Consistency consistency)
{
    switch (consistency) {
    case Consistency::OriginalImage:
        return QLatin1String(ConsistencyToken::OriginalImage);
    case Consistency::CrashConsistent:
        return QLatin1String(ConsistencyToken::CrashConsistent);
    case Consistency::QuiesceRequested:
        return QLatin1String(ConsistencyToken::QuiesceRequested);
    case Consistency::Unknown:
        break;
    }
    return {};
}

QString label(Consistency consistency)
{
    switch (consistency) {
    case Consistency::OriginalImage:
        return QCoreApplication::translate("sv::CheckpointDetails", "original image");
    case Consistency::CrashConsistent:
        return QCoreApplication::translate("sv::CheckpointDetails", "crash-consistent");
    case Consistency::QuiesceRequested:
        return QCoreApplication::translate("sv::CheckpointDetails", "quiesce requested");
    case Consistency::Unknown:
        break;
    }
    return QCoreApplication::translate("sv::CheckpointDetails", "unknown");
}

QString labelWithNote(Consistency consistency, bool requiresQuiesce)
{
    if (consistency == Consistency::QuiesceRequested && requiresQuiesce)
        return QCoreApplication::translate("sv::CheckpointDetails", "%1 (os_require_quiesce=yes)")
            .arg(label(consistency));
    return label(consistency);
}

QString explanation(Consistency consistency, bool requiresQuiesce)
{
    switch (consistency) {
    case Consistency::OriginalImage:
        return QCoreApplication::translate("sv::CheckpointDetails",
            "No snapshot was taken: this is the image the server booted from, without the data written "
            "since boot.");
    case Consistency::CrashConsistent:
        return QCoreApplication::translate("sv::CheckpointDetails",
            "A snapshot taken without asking the guest to freeze its file systems (the image has no QEMU "
            "guest agent): the disk is as after a power cut.");
    case Consistency::QuiesceRequested:
        return requiresQuiesce ? QCoreApplication::translate("sv::CheckpointDetails",
                   "A snapshot of a server whose image has the QEMU guest agent, so Nova tried to freeze the "
                   "guest's "
                   "file systems first; with os_require_quiesce=yes it fails a live snapshot whose freeze "
                   "fails. The "
                   "OpenStack API does not report whether the freeze happened.")
                               : QCoreApplication::translate("sv::CheckpointDetails",
                                   "A snapshot of a server whose image has the QEMU guest agent, so Nova "
                                   "tried to freeze the guest's "
                                   "file systems first; if the freeze failed, Nova went on without it. The "
                                   "OpenStack API does not "
                                   "report whether the freeze happened.");
    case Consistency::Unknown:
        break;
    }
    return QCoreApplication::translate(
        "sv::CheckpointDetails", "This backup does not record how consistent its disk is.");
}

} // namespace ConsistencyText

} // namespace sv
