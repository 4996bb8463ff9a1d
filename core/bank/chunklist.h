#pragma once

#include "bank/bankerror.h"
#include "bank/imagerecord.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace sv {

class Bank;

// Chunk lists stored out of the checkpoint index (FORMAT.md, "Chunk lists"): an image's list is cut
// into parts of a few MiB, each one object lists/<2 hex>/<64 hex>, sealed like every other object of
// an encrypted bank, named by the keyed id of its plain bytes (so equal parts of two checkpoints are
// one object). The index names the parts in order.
namespace ChunkListFormat {
inline constexpr char Magic[] = "SVLIST\0\1"; // 8 bytes, then uint32 count, then count × 36-byte entries
inline constexpr int MagicSize = 8;
inline constexpr int HeaderSize = 12;
inline constexpr int EntrySize = 36; // 32-byte chunk id, uint32 uncompressed size (little-endian)
QByteArray associatedData(const QByteArray &name); // "stackvault chunk list\n<name>"
QString objectName(const QByteArray &name);        // "lists/<aa>/<name>"
} // namespace ChunkListFormat

// Builds an image's chunk list from refs handed over in stream order. In a bank that splits lists, a
// part is written (Bank::writeChunkListPart) as soon as it is complete, so only the part being filled
// is held in memory; otherwise (format-1 banks) the list stays inline in the record.
//
// Part boundaries are content-defined: a part ends after a chunk whose id's first four bytes, as a
// little-endian uint32, are 0 modulo `cutModulus` (once it holds `minChunks`), or at `maxChunks`. Two
// backups of a disk that changed in a few places then share every part outside the changes.
class ChunkListWriter
{
public:
    struct Params
    {
        int minChunks = 16384;
        int maxChunks = 131072;    // ≤ 4.5 MiB per part
        quint32 cutModulus = 32768; // parts average ~48 Ki chunks (~1.7 MiB, ~48 GiB of image)
    };

    ChunkListWriter(Bank *bank, bool split, const Params &params);
    ChunkListWriter(const ChunkListWriter &) = delete;
    ChunkListWriter &operator=(const ChunkListWriter &) = delete;

    bool add(const ChunkRef &chunk, BankError *error);
    // Writes the last part; sets the record's list (inline chunks or split parts).
    bool finish(ImageRecord *record, BankError *error);

    qint64 count() const { return m_count; }
    // Bytes of list held in memory now and at most (the part being filled, or the inline list).
    qint64 bytesHeld() const;
    qint64 peakBytesHeld() const { return m_peakHeld; }

private:
    bool writePart(BankError *error);

    Bank *m_bank;
    bool m_split;
    Params m_params;
    qint64 m_count = 0;
    QByteArray m_part; // entries of the part being filled (without the header)
    qint64 m_partChunks = 0;
    qint64 m_partBytes = 0;
    QList<ChunkListPart> m_parts;
    QList<ChunkRef> m_inline;
    qint64 m_peakHeld = 0;
};

// Reads an image's chunk list in stream order, one ChunkRef at a time, whatever way the record carries
// it: split lists are read part by part (one part in memory at a time, checked as it is loaded).
// Code outside core/bank uses this (or Bank::forEachChunk, or ImageReader for the bytes) and never
// iterates ImageRecord::chunks itself.
//
// Not thread-safe; one reader per thread.
class ChunkListReader
{
public:
    ChunkListReader(const Bank *bank, const ImageRecord &record);

    // The next chunk. False at the end (error() unset) or on an error (error() says what, naming the
    // list part object).
    bool next(ChunkRef *chunk);
    qint64 position() const { return m_position; } // chunks handed out so far
    qint64 count() const { return m_count; }
    bool atEnd() const { return m_position >= m_count; }
    BankError error() const { return m_error; }
    // Bytes of list held in memory now and at most (the loaded part, or the record's inline list).
    qint64 bytesHeld() const;
    qint64 peakBytesHeld() const { return m_peakHeld; }

private:
    bool loadPart();

    const Bank *m_bank;
    ImageRecord m_record;
    qint64 m_count = 0;
    qint64 m_position = 0;
    BankError m_error;
    qsizetype m_nextPart = 0;
    QByteArray m_part; // the loaded part's plain bytes
    qsizetype m_offset = 0;
    qint64 m_peakHeld = 0;
};

} // namespace sv
