#pragma once

#include <QtGlobal>

namespace fake {

// Immutable bytes of a disk or image: generated on the fly or read from a file, never held in memory
// as a whole, so images of several GiB cost nothing. Implementations are safe to read from many threads.
class DiskSource
{
public:
    virtual ~DiskSource() = default;
    virtual qint64 size() const = 0;
    // Fills buffer with [offset, offset+length); the range lies inside size().
    virtual bool read(qint64 offset, char *buffer, qint64 length) const = 0;
};

} // namespace fake
