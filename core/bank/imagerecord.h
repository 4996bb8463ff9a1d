#pragma once

#include "bank/bankerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv {

// One chunk of an image, in stream order.
struct ChunkRef
{
    QByteArray sha256; // 64 lowercase hex characters: the chunk's name
    qint64 size = 0;   // uncompressed bytes
};

// The data manifest of one image in a checkpoint: how to put its bytes back together and check them.
struct ImageRecord
{
    // The chunk list, in stream order. Read it with ChunkListReader or Bank::forEachChunk (core/bank/
    // chunklist.h), never directly: a record may carry its list by reference instead.
    QList<ChunkRef> chunks;
    qint64 size = 0;     // total bytes of the image
    QByteArray md5;      // hex, of the whole image (Glance's `checksum`)
    QByteArray sha512;   // hex, of the whole image (Glance's `os_hash_value` with os_hash_algo sha512)
    QString diskFormat;  // e.g. qcow2, raw
    QString containerFormat; // e.g. bare
    // Figures from the backup that wrote it: bytes of chunks that were new to the bank (uncompressed)
    // and what those new chunks take on disk (compressed, with headers).
    qint64 newBytes = 0;
    qint64 newStoredBytes = 0;
    qint64 storedBytes = 0; // compressed size of all chunks it references (shared ones included)

    // How many chunks the image has.
    qint64 chunkCount() const { return chunks.size(); }

    QJsonObject toJson() const;
    // Validates every field an attacker or a damaged file could use: chunk names must be 64 lowercase
    // hex (no path traversal), sizes positive and adding up.
    static bool fromJson(const QJsonObject &json, ImageRecord *record, QString *why);
};

} // namespace sv
