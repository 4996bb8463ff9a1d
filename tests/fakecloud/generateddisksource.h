#pragma once

#include "disksource.h"

namespace fake {

// Deterministic pseudo-random disk content: per 64 KiB block a fast PRNG picks zeros, text-like data,
// random bytes or a repeat of an earlier block, so that compression and deduplication in a bank behave
// as they would on a real guest disk. The same seed and size always give the same bytes.
class GeneratedDiskSource : public DiskSource
{
public:
    static constexpr qint64 BlockSize = 64 * 1024;
    GeneratedDiskSource(quint64 seed, qint64 size);
    qint64 size() const override { return m_size; }
    bool read(qint64 offset, char *buffer, qint64 length) const override;

private:
    void generateBlock(qint64 index, char *block) const;
    quint64 m_seed;
    qint64 m_size;
};

} // namespace fake
