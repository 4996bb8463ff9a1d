#pragma once

#include "disksource.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <memory>

namespace fake {

// A server's disk (or an image's bytes): an immutable base plus an overlay of what "users wrote".
// Copying is cheap (the base is shared, overlay extents are implicitly shared QByteArrays), which is how
// a snapshot freezes a server's current disk. Not thread-safe for writes; a frozen copy can be read from
// any thread.
class VirtualDisk
{
public:
    VirtualDisk() = default;
    explicit VirtualDisk(std::shared_ptr<const DiskSource> base);

    qint64 size() const { return m_size; }
    bool read(qint64 offset, char *buffer, qint64 length) const;
    // Writes grow the disk when they reach past its end (the gap reads as zeros).
    void write(qint64 offset, const QByteArray &data);
    qint64 overlayBytes() const;
    // Both read the same base, neither was written to: the same bytes without reading them.
    bool isUnwrittenCopyOf(const VirtualDisk &other) const
    {
        return m_base && m_base == other.m_base && m_overlay.empty() && other.m_overlay.empty() && m_size == other.m_size;
    }

    // Streams [offset, offset+length) in chunks; stops early when sink returns false.
    bool stream(qint64 offset, qint64 length, const std::function<bool(const char *, qint64)> &sink) const;
    QByteArray sha256() const;

private:
    std::shared_ptr<const DiskSource> m_base;
    std::map<qint64, QByteArray> m_overlay; // non-overlapping extents keyed by offset
    qint64 m_size = 0;
};

} // namespace fake
