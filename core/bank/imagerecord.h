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

// One part of a chunk list stored out of the checkpoint index (FORMAT.md, "Chunk lists"): the object
// lists/<2 hex>/<name> holds `chunks` refs whose sizes add up to `bytes`.
struct ChunkListPart
{
    QByteArray name; // 64 lowercase hex
    qint64 chunks = 0;
    qint64 bytes = 0;
};

// The data manifest of one image in a checkpoint: how to put its bytes back together and check them.
struct ImageRecord
{
    static constexpr qint64 MaxChunkSize = 64 * 1024 * 1024; // what a reader accepts in an index
    static constexpr qint64 MaxChunksPerPart = 1 << 20;      // what a reader accepts in one list part

    // The chunk list, in stream order. Read it with ChunkListReader or Bank::forEachChunk (core/bank/
    // chunklist.h), never directly: a record may carry its list by reference instead.
    QList<ChunkRef> chunks; // inline (checkpoint index format 1); empty when `listParts` is used
    // Split out (checkpoint index format 2): the list is in these parts, in order, and read part by part.
    bool splitList = false;
    QList<ChunkListPart> listParts;
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
    qint64 chunkCount() const;

    QJsonObject toJson() const;
    // Validates every field an attacker or a damaged file could use: chunk and part names must be 64
    // lowercase hex (no path traversal), sizes positive and adding up.
    static bool fromJson(const QJsonObject &json, ImageRecord *record, QString *why);
};

} // namespace sv
