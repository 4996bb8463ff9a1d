#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace sv {

// Content-defined chunking, FastCDC style (gear rolling hash, normalized chunking): cut points depend
// only on the bytes near them, so inserting or changing bytes moves only nearby boundaries and the rest
// of a disk image dedups against earlier backups. Incremental: bytes may arrive in pieces of any size
// and the cut points are the same as for the whole stream at once. Part of the bank format (FORMAT.md):
// changing the gear table, the masks or the sizes changes every chunk name.
class Chunker
{
public:
    struct Params
    {
        qsizetype minSize = 256 * 1024;
        qsizetype normalSize = 1024 * 1024;
        qsizetype maxSize = 4 * 1024 * 1024;
    };

    Chunker();
    explicit Chunker(const Params &params);

    // Continues the current chunk with `data`. Returns how many bytes of `data` complete the current
    // chunk (a cut point was found or maxSize was reached; the chunker then starts a new chunk), or -1
    // when all of `data` belongs to the current chunk.
    qsizetype scan(const uchar *data, qsizetype size);
    // Bytes in the current (unfinished) chunk.
    qsizetype pending() const { return m_position; }
    void reset();

    const Params &params() const { return m_params; }
    // Convenience for tests and tools: the chunk lengths of a whole buffer.
    static QList<qsizetype> split(const QByteArray &data, const Params &params);

private:
    Params m_params;
    std::uint64_t m_maskSmall; // stricter mask before normalSize: fewer tiny chunks
    std::uint64_t m_maskLarge; // looser mask after normalSize: fewer huge chunks
    std::uint64_t m_hash = 0;
    qsizetype m_position = 0;
};

} // namespace sv
