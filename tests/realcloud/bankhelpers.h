#pragma once
// Writing a checkpoint into any bank the way a backup does (a server and its image, the bytes fed to
// the image writer in 1 MiB pieces), for the real-Swift bank tests. Needs tests/unit on the include path.

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bankfixtures.h"

namespace svtest {

using namespace sv;

// A checkpoint of server `serverId` with one image resource, as the engine drafts it.

inline const QString kServer = QStringLiteral("OS::Nova::Server");
inline const QString kImage = QStringLiteral("OS::Glance::Image");

inline CheckpointIndex draftFor(const QString &serverId)
{
    CheckpointIndex draft;
    draft.consistency = QStringLiteral("crash-consistent");
    ProtectedResource server;
    server.type = kServer;
    server.id = serverId;
    server.name = QStringLiteral("web-") + serverId;
    ProtectedResource image;
    image.type = kImage;
    image.id = QStringLiteral("img-") + serverId;
    image.parentType = kServer;
    image.parentId = serverId;
    draft.resources = {server, image};
    return draft;
}

// Writes `image` as a new checkpoint of `serverId`; its id, or empty and *error.
inline QString backup(Bank &bank, const QString &serverId, const QByteArray &image, BankError *error,
                      ImageRecord *recordOut = nullptr)
{
    auto checkpoint = bank.beginCheckpoint(draftFor(serverId), error);
    if (!checkpoint)
        return {};
    auto writer = checkpoint->createImageWriter();
    ImageRecord record;
    if (!svtest::feed(*writer, image, 1 << 20) || !writer->finish(&record, error)) {
        *error = writer->error().isError() ? writer->error() : *error;
        checkpoint->fail(error->message);
        return {};
    }
    checkpoint->resource(kImage, QStringLiteral("img-") + serverId)->image = record;
    if (recordOut)
        *recordOut = record;
    if (!checkpoint->commit(error))
        return {};
    return checkpoint->id();
}

} // namespace svtest
