#pragma once
// A checkpoint with saved Cinder volumes, written the way a backup writes one (core/bank/FORMAT.md,
// "Volumes"): the server of an existing checkpoint (and its image, unless the server booted from a
// volume) plus OS::Cinder::Volume resources whose bytes are fed to the bank's image writer.

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bankfixtures.h"
#include "protection/resource.h"

#include <QJsonObject>
#include <QList>

namespace svtest {

struct SavedVolume
{
    QString id;       // the original volume's id
    QString name;
    QString device;   // "/dev/vdb" as it was attached
    QString type;     // the saved volume type ("" for none)
    int sizeGb = 1;
    int bootIndex = -1; // 0: the boot volume of a server booted from a volume
    QByteArray bytes;
    QJsonObject imageMetadata; // Cinder's volume_image_metadata of a bootable volume
};

// Writes a new checkpoint holding `base`'s server (with metadata boot_from_volume), `base`'s image unless
// `bootFromVolume`, and `volumes`. Returns its id, or empty and *error.
inline QString writeVolumeCheckpoint(sv::Bank &bank, const sv::CheckpointIndex &base, const QList<SavedVolume> &volumes,
                                     bool bootFromVolume, sv::BankError *error)
{
    const QString volumeType = QLatin1String(sv::VolumeResourceType);
    sv::CheckpointIndex draft;
    draft.consistency = base.consistency;
    draft.options = base.options;
    sv::ProtectedResource server = *base.server();
    server.metadata.insert(QStringLiteral("boot_from_volume"), bootFromVolume);
    draft.resources.append(server);
    for (const sv::ProtectedResource &resource : base.resources) {
        if (resource.type == QLatin1String(sv::ImageResourceType) && !bootFromVolume)
            draft.resources.append(resource);
    }
    for (const SavedVolume &volume : volumes) {
        sv::ProtectedResource resource;
        resource.type = volumeType;
        resource.id = volume.id;
        resource.name = volume.name;
        resource.parentType = server.type;
        resource.parentId = server.id;
        resource.extraInfo = QJsonObject{{QStringLiteral("server_id"), server.id},
                                         {QStringLiteral("device"), volume.device},
                                         {QStringLiteral("boot_index"), volume.bootIndex}};
        resource.metadata = QJsonObject{{QStringLiteral("size_gb"), volume.sizeGb},
                                        {QStringLiteral("volume_type"), volume.type},
                                        {QStringLiteral("bootable"), volume.bootIndex == 0},
                                        {QStringLiteral("device"), volume.device},
                                        {QStringLiteral("boot_index"), volume.bootIndex},
                                        {QStringLiteral("availability_zone"), QStringLiteral("nova")},
                                        {QStringLiteral("description"), QString(QStringLiteral("saved ") + volume.name)},
                                        {QStringLiteral("backed_up_snapshot_id"), QString(QStringLiteral("snap-") + volume.id)}};
        if (!volume.imageMetadata.isEmpty())
            resource.metadata.insert(QStringLiteral("volume_image_metadata"), volume.imageMetadata);
        draft.resources.append(resource);
    }
    auto checkpoint = bank.beginCheckpoint(draft, error);
    if (!checkpoint)
        return {};
    for (const SavedVolume &volume : volumes) {
        auto writer = checkpoint->createImageWriter();
        sv::ImageRecord record;
        if (!feed(*writer, volume.bytes, 1 << 20) || !writer->finish(&record, error)) {
            *error = writer->error().isError() ? writer->error() : *error;
            checkpoint->fail(error->message);
            return {};
        }
        record.diskFormat = QStringLiteral("raw");
        record.containerFormat = QStringLiteral("bare");
        checkpoint->resource(volumeType, volume.id)->image = record;
    }
    if (!checkpoint->commit(error))
        return {};
    return checkpoint->id();
}

} // namespace svtest
