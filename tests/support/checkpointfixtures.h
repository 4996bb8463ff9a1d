#pragma once
// Writing a checkpoint into any bank (local folder or Swift) the way a backup does: a server and its
// image, the image's bytes fed to the image writer in 1 MiB pieces.

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/imagereader.h"
#include "bankfixtures.h"

#include <QJsonObject>
#include <QSet>

namespace svtest {

inline const QString kServer = QStringLiteral("OS::Nova::Server");
inline const QString kImage = QStringLiteral("OS::Glance::Image");

// The checkpoint of server `serverId` (named web-<id>) with one image resource (img-<id>), as the engine
// drafts it: a flavor in the server's metadata, the image's properties and its server in extra_info.
inline sv::CheckpointIndex draftFor(const QString &serverId)
{
    sv::CheckpointIndex draft;
    draft.consistency = QStringLiteral("crash-consistent");
    draft.options = QJsonObject{{QStringLiteral("include_data"), true}};
    sv::ProtectedResource server;
    server.type = kServer;
    server.id = serverId;
    server.name = QStringLiteral("web-") + serverId;
    server.metadata =
        QJsonObject{{QStringLiteral("flavor"), QJsonObject{{QStringLiteral("name"), QStringLiteral("m1.small")}}}};
    sv::ProtectedResource image;
    image.type = kImage;
    image.id = QStringLiteral("img-") + serverId;
    image.parentType = kServer;
    image.parentId = serverId;
    image.extraInfo = QJsonObject{{QStringLiteral("server_id"), serverId}};
    image.metadata = QJsonObject{{QStringLiteral("hw_disk_bus"), QStringLiteral("scsi")},
                                 {QStringLiteral("min_disk"), 1}};
    draft.resources = {server, image};
    return draft;
}

// A whole backup of one image: begin, stream, commit. The checkpoint's id, or empty and *error.
inline QString backup(sv::Bank &bank, const QString &serverId, const QByteArray &image, sv::BankError *error,
                      sv::ImageRecord *recordOut = nullptr)
{
    auto checkpoint = bank.beginCheckpoint(draftFor(serverId), error);
    if (!checkpoint)
        return {};
    auto writer = checkpoint->createImageWriter();
    sv::ImageRecord record;
    if (!feed(*writer, image, 1 << 20) || !writer->finish(&record, error)) {
        *error = writer->error().isError() ? writer->error() : *error;
        checkpoint->fail(error->message);
        return {};
    }
    record.diskFormat = QStringLiteral("qcow2");
    record.containerFormat = QStringLiteral("bare");
    checkpoint->resource(kImage, QStringLiteral("img-") + serverId)->image = record;
    if (recordOut)
        *recordOut = record;
    if (!checkpoint->commit(error))
        return {};
    return checkpoint->id();
}

// The bytes of checkpoint `id`'s image resource `imageId` (img-<server> for backup() above), read back
// the way a restore reads them (every chunk and the whole image's sha512 checked); empty and *error on
// a failure.
inline QByteArray readImage(const sv::Bank &bank, const QString &id, const QString &imageId, sv::BankError *error)
{
    sv::CheckpointIndex index;
    if (!bank.checkpoint(id, &index, error))
        return {};
    for (const sv::ProtectedResource &r : std::as_const(index.resources)) {
        if (r.id != imageId || !r.image)
            continue;
        sv::ImageReader reader(&bank, *r.image);
        QByteArray all;
        QByteArray piece;
        while (reader.next(&piece))
            all += piece;
        *error = reader.error();
        return error->isError() ? QByteArray() : all;
    }
    *error = sv::BankError::make(sv::BankError::Code::NotFound, QStringLiteral("no image ") + imageId);
    return {};
}

// Every chunk the bank lists.
inline QSet<QByteArray> chunksInBank(const sv::Bank &bank)
{
    QSet<QByteArray> names;
    sv::BankError error;
    bank.listChunks(
        [&](const QByteArray &name, qint64) {
            names.insert(name);
            return true;
        },
        &error);
    return names;
}

// Rewrites checkpoint `id`'s index with its chunk lists inline (index format 1), as StackVault wrote
// it before lists were split out; the list parts become unnamed (garbage collection removes them).
inline bool inlineChunkLists(sv::Bank &bank, const QString &id)
{
    sv::CheckpointIndex index;
    sv::BankError error;
    if (!bank.checkpoint(id, &index, &error))
        return false;
    for (sv::ProtectedResource &r : index.resources) {
        if (!r.image || !r.image->splitList)
            continue;
        const QList<sv::ChunkRef> refs = chunkRefs(bank, *r.image);
        if (refs.size() != r.image->chunkCount())
            return false;
        r.image->chunks = refs;
        r.image->splitList = false;
        r.image->listParts.clear();
    }
    return index.formatVersion() == 1 && bank.storeIndex(index, &error);
}

// The chunks checkpoint `id`'s images name (empty if its index cannot be read).
inline QSet<QByteArray> chunksOf(const sv::Bank &bank, const QString &id)
{
    sv::CheckpointIndex index;
    sv::BankError error;
    QSet<QByteArray> names;
    if (!bank.checkpoint(id, &index, &error))
        return names;
    for (const sv::ProtectedResource &r : std::as_const(index.resources)) {
        if (r.image) {
            for (const sv::ChunkRef &c : chunkRefs(bank, *r.image))
                names.insert(c.sha256);
        }
    }
    return names;
}

} // namespace svtest
