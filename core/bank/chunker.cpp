#include "bank/chunker.h"

#include <algorithm>
#include <array>
#include <bit>

namespace sv {

namespace {

// The gear table: 256 pseudo-random 64-bit values from splitmix64 seeded with a fixed constant. It is
// computed at compile time and never changes for format version 1 (FORMAT.md names the seed).
constexpr std::uint64_t kGearSeed = 0x5374'6163'6b56'6175ULL; // "StackVau"

constexpr std::array<std::uint64_t, 256> makeGearTable()
{
    std::array<std::uint64_t, 256> table{};
    std::uint64_t state = kGearSeed;
    for (auto &value : table) {
        state += 0x9E37'79B9'7F4A'7C15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
        value = z ^ (z >> 31);
    }
    // Runs of zero bytes (free space in a disk image) must cut early, or a guest's small write into free
    // space would change a max-size chunk. With gear[0] = 2^64-1 the hash over 64 zero bytes becomes exactly
    // 1 (hash_k = 1 - 2^k), whose high bits are zero: a zero run cuts 64 bytes after minSize, every such
    // chunk is the same chunk, and it is stored once.
    table[0] = ~std::uint64_t{0};
    return table;
}

constexpr std::array<std::uint64_t, 256> kGear = makeGearTable();

// A mask of the `bits` highest bits: with a left-shifting gear hash the high bits mix the last 64 bytes,
// the low ones only the last few.
constexpr std::uint64_t highMask(int bits) { return bits <= 0 ? 0 : ~std::uint64_t{0} << (64 - bits); }

int log2Floor(qsizetype value) { return 63 - std::countl_zero(static_cast<std::uint64_t>(value)); }

} // namespace

Chunker::Chunker()
    : Chunker(Params{})
{
}

Chunker::Chunker(const Params &params)
    : m_params(params)
{
    // Normalization level 2: two bits stricter before the normal size, two looser after it.
    const int bits = log2Floor(params.normalSize);
    m_maskSmall = highMask(bits + 2);
    m_maskLarge = highMask(bits - 2);
}

void Chunker::reset()
{
    m_hash = 0;
    m_position = 0;
}

qsizetype Chunker::scan(const uchar *data, qsizetype size)
{
    qsizetype i = 0;
    // Below minSize no cut is possible: skip without hashing (the hash restarts at minSize, so the
    // decision still depends only on the bytes since the chunk start).
    if (m_position < m_params.minSize) {
        const qsizetype skip = std::min(m_params.minSize - m_position, size);
        m_position += skip;
        i = skip;
        if (m_position < m_params.minSize)
            return -1;
    }
    std::uint64_t hash = m_hash;
    if (m_position < m_params.normalSize) {
        const qsizetype begin = i;
        const qsizetype end = std::min(size, i + (m_params.normalSize - m_position));
        for (; i < end; ++i) {
            hash = (hash << 1) + kGear[data[i]];
            if ((hash & m_maskSmall) == 0) {
                reset();
                return i + 1;
            }
        }
        m_position += end - begin;
    }
    if (m_position >= m_params.normalSize) {
        const qsizetype begin = i;
        const qsizetype end = std::min(size, i + (m_params.maxSize - m_position));
        for (; i < end; ++i) {
            hash = (hash << 1) + kGear[data[i]];
            if ((hash & m_maskLarge) == 0) {
                reset();
                return i + 1;
            }
        }
        m_position += end - begin;
        if (m_position >= m_params.maxSize) {
            reset();
            return i;
        }
    }
    m_hash = hash;
    return -1;
}

QList<qsizetype> Chunker::split(const QByteArray &data, const Params &params)
{
    QList<qsizetype> lengths;
    Chunker chunker(params);
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    qsizetype offset = 0;
    while (offset < data.size()) {
        const qsizetype start = offset - chunker.pending();
        const qsizetype cut = chunker.scan(bytes + offset, data.size() - offset);
        if (cut < 0) {
            lengths.append(data.size() - start);
            break;
        }
        offset += cut;
        lengths.append(offset - start);
    }
    return lengths;
}

} // namespace sv
