#pragma once

#include <QByteArray>
#include <QString>

namespace sv {

class BankKeys;

// The on-disk form of one chunk (FORMAT.md, "Chunk files"): a 16-byte header (magic "SVCK", format
// version, compression, reserved, uncompressed size as little-endian uint64) followed by the payload,
// zstd-compressed or, when compression would not make it smaller, stored as is.
class ChunkCodec
{
public:
    static constexpr int HeaderSize = 16;
    static constexpr quint8 Version = 1;
    enum Compression : quint8 { None = 0, Zstd = 1 };

    static QByteArray encode(const QByteArray &raw, int zstdLevel);
    // Checks the header and decompresses. On failure returns false and says why in `why`.
    static bool decode(const QByteArray &encoded, QByteArray *raw, QString *why);

    // The blob of chunk `id` in a bank with `keys`: encode() and then, in an encrypted bank, the whole
    // encoded chunk (header included) sealed with associatedData(id), so a blob cannot be passed off as
    // another chunk's. decode() authenticates before it decompresses.
    static QByteArray encode(const QByteArray &raw, int zstdLevel, const BankKeys &keys, const QByteArray &id);
    // The same blob into `*out`, reusing its memory (a caller encoding many chunks allocates once).
    static void encodeInto(const QByteArray &raw, int zstdLevel, const BankKeys &keys, const QByteArray &id,
                           QByteArray *out);
    static bool decode(const QByteArray &blob, const BankKeys &keys, const QByteArray &id, QByteArray *raw,
                       QString *why);
    static QByteArray associatedData(const QByteArray &id);

    // SHA-256 of `data` as 64 lowercase hex characters: the chunk's name.
    static QByteArray sha256Hex(const QByteArray &data);
    // True for exactly 64 lowercase hex characters: the only chunk names a bank accepts, so an index can
    // never make the bank touch a path outside its chunk folder.
    static bool isValidName(const QByteArray &name);
};

} // namespace sv
