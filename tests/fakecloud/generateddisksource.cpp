#include "generateddisksource.h"

#include <QByteArray>

#include <array>
#include <cstring>
#include <vector>

namespace fake {

namespace {

quint64 splitmix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

struct XorShift
{
    quint64 state;
    quint64 next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

constexpr std::array<const char *, 24> Words = {
    "the ",     "server ",   "backup ", "log ",    "error ",   "INFO ",   "kernel: ", "systemd[1]: ",
    "Started ", "session ",  "user ",   "root ",   "/var/lib/", "data ",  "nginx ",   "GET /index.html ",
    "200 ",     "ssh ",      "\n",      "config ", "= ",        "true\n", "mysql ",   "127.0.0.1 "};

} // namespace

GeneratedDiskSource::GeneratedDiskSource(quint64 seed, qint64 size)
    : m_seed(seed)
    , m_size(size)
{
}

void GeneratedDiskSource::generateBlock(qint64 index, char *block) const
{
    const quint64 h = splitmix(m_seed * 0x100000001B3ULL ^ static_cast<quint64>(index));
    const unsigned kind = static_cast<unsigned>(h % 10);
    // Block 0 always looks like a boot sector so that images differ visibly at their start.
    if (index > 3 && kind == 9) {
        // A repeat of an earlier block: what deduplication finds in real disks (copied files, packages).
        generateBlock(static_cast<qint64>((h >> 8) % static_cast<quint64>(index)), block);
        return;
    }
    XorShift rng{h | 1};
    if (kind <= 2 && index != 0) {
        std::memset(block, 0, BlockSize);
    } else if (kind <= 5) {
        qint64 pos = 0;
        while (pos < BlockSize) {
            const char *word = Words[rng.next() % Words.size()];
            const qint64 n = std::min<qint64>(static_cast<qint64>(std::strlen(word)), BlockSize - pos);
            std::memcpy(block + pos, word, static_cast<size_t>(n));
            pos += n;
        }
    } else {
        for (qint64 pos = 0; pos < BlockSize; pos += 8) {
            const quint64 v = rng.next();
            std::memcpy(block + pos, &v, 8);
        }
    }
    if (index == 0) {
        // A recognisable header with the seed in it.
        QByteArray header("FAKECLOUD-DISK seed=");
        header += QByteArray::number(m_seed);
        header += '\n';
        std::memcpy(block, header.constData(), static_cast<size_t>(header.size()));
    }
}

bool GeneratedDiskSource::read(qint64 offset, char *buffer, qint64 length) const
{
    if (offset < 0 || length < 0 || offset + length > m_size)
        return false;
    std::vector<char> block(static_cast<size_t>(BlockSize));
    while (length > 0) {
        const qint64 index = offset / BlockSize;
        const qint64 inBlock = offset % BlockSize;
        const qint64 n = std::min(length, BlockSize - inBlock);
        generateBlock(index, block.data());
        std::memcpy(buffer, block.data() + inBlock, static_cast<size_t>(n));
        buffer += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace fake
