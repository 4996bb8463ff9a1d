#include "virtualdisk.h"

#include "hasher.h"

#include <cstring>
#include <vector>

namespace fake {

VirtualDisk::VirtualDisk(std::shared_ptr<const DiskSource> base)
    : m_base(std::move(base))
    , m_size(m_base ? m_base->size() : 0)
{
}

bool VirtualDisk::read(qint64 offset, char *buffer, qint64 length) const
{
    if (offset < 0 || length < 0 || offset + length > m_size)
        return false;
    // Base bytes first (zeros past the base's end), then the overlay extents on top.
    const qint64 baseSize = m_base ? m_base->size() : 0;
    const qint64 fromBase = std::max<qint64>(0, std::min(offset + length, baseSize) - offset);
    if (fromBase > 0 && !m_base->read(offset, buffer, fromBase))
        return false;
    if (fromBase < length)
        std::memset(buffer + fromBase, 0, static_cast<size_t>(length - fromBase));
    auto it = m_overlay.upper_bound(offset);
    if (it != m_overlay.begin())
        --it;
    for (; it != m_overlay.end() && it->first < offset + length; ++it) {
        const qint64 start = std::max(offset, it->first);
        const qint64 end = std::min(offset + length, it->first + it->second.size());
        if (end > start)
            std::memcpy(buffer + (start - offset), it->second.constData() + (start - it->first),
                        static_cast<size_t>(end - start));
    }
    return true;
}

void VirtualDisk::write(qint64 offset, const QByteArray &data)
{
    if (offset < 0 || data.isEmpty())
        return;
    const qint64 end = offset + data.size();
    // Trim or split every extent that overlaps the new one, then insert it.
    auto it = m_overlay.upper_bound(offset);
    if (it != m_overlay.begin())
        --it;
    while (it != m_overlay.end() && it->first < end) {
        const qint64 extStart = it->first;
        const qint64 extEnd = extStart + it->second.size();
        if (extEnd <= offset) {
            ++it;
            continue;
        }
        const QByteArray bytes = it->second;
        it = m_overlay.erase(it);
        if (extStart < offset)
            m_overlay.emplace(extStart, bytes.left(offset - extStart));
        if (extEnd > end)
            m_overlay.emplace(end, bytes.mid(end - extStart));
    }
    m_overlay[offset] = data;
    m_size = std::max(m_size, end);
}

qint64 VirtualDisk::overlayBytes() const
{
    qint64 total = 0;
    for (const auto &[offset, bytes] : m_overlay)
        total += bytes.size();
    return total;
}

bool VirtualDisk::stream(qint64 offset, qint64 length, const std::function<bool(const char *, qint64)> &sink) const
{
    constexpr qint64 Chunk = 1024 * 1024;
    std::vector<char> buffer(static_cast<size_t>(std::min(Chunk, std::max<qint64>(length, 1))));
    while (length > 0) {
        const qint64 n = std::min(length, Chunk);
        if (!read(offset, buffer.data(), n) || !sink(buffer.data(), n))
            return false;
        offset += n;
        length -= n;
    }
    return true;
}

QByteArray VirtualDisk::sha256() const
{
    Hasher hasher(Hasher::Sha256);
    stream(0, m_size, [&](const char *data, qint64 n) {
        hasher.addData(data, n);
        return true;
    });
    return hasher.hexResult();
}

} // namespace fake
