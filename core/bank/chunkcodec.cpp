#include "bank/chunkcodec.h"

#include "bank/bankkeys.h"

#include <openssl/evp.h>
#include <zstd.h>

#include <cstring>
#include <memory>

namespace sv {

namespace {

constexpr char kMagic[4] = {'S', 'V', 'C', 'K'};

struct CCtxDeleter
{
    void operator()(ZSTD_CCtx *ctx) const { ZSTD_freeCCtx(ctx); }
};
struct DCtxDeleter
{
    void operator()(ZSTD_DCtx *ctx) const { ZSTD_freeDCtx(ctx); }
};

// One compression context per thread: creating one per chunk costs more than compressing small chunks.
ZSTD_CCtx *threadCCtx()
{
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> ctx(ZSTD_createCCtx());
    return ctx.get();
}

ZSTD_DCtx *threadDCtx()
{
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxDeleter> ctx(ZSTD_createDCtx());
    return ctx.get();
}

void putLe64(char *out, quint64 value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

quint64 getLe64(const char *in)
{
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value |= static_cast<quint64>(static_cast<uchar>(in[i])) << (8 * i);
    return value;
}

void writeHeader(char *out, ChunkCodec::Compression compression, quint64 rawSize)
{
    std::memcpy(out, kMagic, 4);
    out[4] = static_cast<char>(ChunkCodec::Version);
    out[5] = static_cast<char>(compression);
    out[6] = 0;
    out[7] = 0;
    putLe64(out + 8, rawSize);
}

} // namespace

QByteArray ChunkCodec::encode(const QByteArray &raw, int zstdLevel)
{
    const size_t bound = ZSTD_compressBound(static_cast<size_t>(raw.size()));
    QByteArray out(HeaderSize + static_cast<qsizetype>(bound), Qt::Uninitialized);
    const size_t n = ZSTD_compressCCtx(threadCCtx(), out.data() + HeaderSize, bound, raw.constData(),
                                       static_cast<size_t>(raw.size()), zstdLevel);
    if (ZSTD_isError(n) || static_cast<qsizetype>(n) >= raw.size()) {
        // Incompressible (random or already compressed data): store as is, reading it back is free.
        out.resize(HeaderSize + raw.size());
        writeHeader(out.data(), None, static_cast<quint64>(raw.size()));
        std::memcpy(out.data() + HeaderSize, raw.constData(), static_cast<size_t>(raw.size()));
        return out;
    }
    out.resize(HeaderSize + static_cast<qsizetype>(n));
    writeHeader(out.data(), Zstd, static_cast<quint64>(raw.size()));
    return out;
}

bool ChunkCodec::decode(const QByteArray &encoded, QByteArray *raw, QString *why)
{
    if (encoded.size() < HeaderSize || std::memcmp(encoded.constData(), kMagic, 4) != 0) {
        *why = QStringLiteral("not a StackVault chunk (bad header)");
        return false;
    }
    const auto version = static_cast<quint8>(encoded.at(4));
    const auto compression = static_cast<quint8>(encoded.at(5));
    const quint64 rawSize = getLe64(encoded.constData() + 8);
    if (version != Version) {
        *why = QStringLiteral("chunk format version %1 is not supported").arg(version);
        return false;
    }
    // Chunks are at most a few MiB; a huge size means a damaged header, not a reason to allocate.
    if (rawSize > 64ull * 1024 * 1024) {
        *why = QStringLiteral("implausible chunk size %1 in header").arg(rawSize);
        return false;
    }
    const char *payload = encoded.constData() + HeaderSize;
    const qsizetype payloadSize = encoded.size() - HeaderSize;
    if (compression == None) {
        if (static_cast<quint64>(payloadSize) != rawSize) {
            *why = QStringLiteral("stored chunk is %1 bytes, header says %2").arg(payloadSize).arg(rawSize);
            return false;
        }
        *raw = QByteArray(payload, payloadSize);
        return true;
    }
    if (compression != Zstd) {
        *why = QStringLiteral("unknown compression %1").arg(compression);
        return false;
    }
    raw->resize(static_cast<qsizetype>(rawSize));
    const size_t n = ZSTD_decompressDCtx(threadDCtx(), raw->data(), static_cast<size_t>(rawSize), payload,
                                         static_cast<size_t>(payloadSize));
    if (ZSTD_isError(n)) {
        *why = QStringLiteral("zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(n)));
        return false;
    }
    if (n != rawSize) {
        *why = QStringLiteral("decompressed to %1 bytes, header says %2").arg(n).arg(rawSize);
        return false;
    }
    return true;
}

QByteArray ChunkCodec::associatedData(const QByteArray &id)
{
    return QByteArrayLiteral("stackvault chunk\n") + id;
}

QByteArray ChunkCodec::encode(const QByteArray &raw, int zstdLevel, const BankKeys &keys, const QByteArray &id)
{
    QByteArray out;
    encodeInto(raw, zstdLevel, keys, id, &out);
    return out;
}

void ChunkCodec::encodeInto(const QByteArray &raw, int zstdLevel, const BankKeys &keys, const QByteArray &id,
                            QByteArray *blob)
{
    // Compressed straight into the buffer that is then sealed in place: no copy, where encode() +
    // seal() made two buffers and copied between them; and `blob`'s memory is reused (resizing within
    // its capacity does not allocate), so a backup does not allocate and fault in a buffer per chunk.
    const bool sealed = keys.encrypted();
    const qsizetype prefix = sealed ? BankKeys::SealPrefix : 0;
    const size_t bound = ZSTD_compressBound(static_cast<size_t>(raw.size()));
    blob->resize(prefix + HeaderSize + static_cast<qsizetype>(bound) + (sealed ? BankKeys::TagSize : 0));
    QByteArray &out = *blob;
    char *encoded = out.data() + prefix;
    const size_t n = ZSTD_compressCCtx(threadCCtx(), encoded + HeaderSize, bound, raw.constData(),
                                       static_cast<size_t>(raw.size()), zstdLevel);
    qsizetype payload = 0;
    if (ZSTD_isError(n) || static_cast<qsizetype>(n) >= raw.size()) {
        writeHeader(encoded, None, static_cast<quint64>(raw.size()));
        std::memcpy(encoded + HeaderSize, raw.constData(), static_cast<size_t>(raw.size()));
        payload = raw.size();
    } else {
        writeHeader(encoded, Zstd, static_cast<quint64>(raw.size()));
        payload = static_cast<qsizetype>(n);
    }
    if (!sealed) {
        out.resize(HeaderSize + payload);
        return;
    }
    out.resize(keys.sealInPlace(out.data(), HeaderSize + payload, associatedData(id)));
}

bool ChunkCodec::decode(const QByteArray &blob, const BankKeys &keys, const QByteArray &id, QByteArray *raw,
                        QString *why)
{
    if (!keys.encrypted())
        return decode(blob, raw, why);
    QByteArray encoded;
    if (!keys.open(blob, associatedData(id), &encoded, why))
        return false;
    return decode(encoded, raw, why);
}

QByteArray ChunkCodec::sha256Hex(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

bool ChunkCodec::isValidName(const QByteArray &name)
{
    if (name.size() != 64)
        return false;
    for (const char c : name) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace sv
