#include "bank/chunklist.h"

#include "bank/bank.h"
#include "bank/chunkcodec.h"
#include "util/crashpoint.h"

#include <QtEndian>

#include <cstring>

namespace sv {

QByteArray ChunkListFormat::associatedData(const QByteArray &name)
{
    return QByteArrayLiteral("stackvault chunk list\n") + name;
}

QString ChunkListFormat::objectName(const QByteArray &name)
{
    return QStringLiteral("lists/") + QString::fromLatin1(name.left(2)) + QLatin1Char('/') + QString::fromLatin1(name);
}

// ---- writing ----

ChunkListWriter::ChunkListWriter(Bank *bank, bool split, const Params &params)
    : m_bank(bank)
    , m_split(split)
    , m_params(params)
{
    m_params.minChunks = std::max(1, m_params.minChunks);
    m_params.maxChunks = std::clamp(m_params.maxChunks, m_params.minChunks, int(ImageRecord::MaxChunksPerPart));
    m_params.cutModulus = std::max<quint32>(1, m_params.cutModulus);
}

qint64 ChunkListWriter::bytesHeld() const
{
    // An inline ChunkRef costs its QByteArray's 64 hex characters plus their header and the list slot.
    return m_split ? m_part.capacity() : m_inline.size() * qint64(sizeof(ChunkRef) + 64 + 32);
}

bool ChunkListWriter::add(const ChunkRef &chunk, BankError *error)
{
    ++m_count;
    if (!m_split) {
        m_inline.append(chunk);
        m_peakHeld = std::max(m_peakHeld, bytesHeld());
        return true;
    }
    if (m_part.isEmpty())
        m_part.reserve(qsizetype(m_params.maxChunks) * ChunkListFormat::EntrySize);
    const QByteArray raw = QByteArray::fromHex(chunk.sha256);
    char size[4];
    qToLittleEndian<quint32>(quint32(chunk.size), size);
    m_part.append(raw);
    m_part.append(size, 4);
    ++m_partChunks;
    m_partBytes += chunk.size;
    m_peakHeld = std::max(m_peakHeld, bytesHeld());
    const quint32 head = qFromLittleEndian<quint32>(raw.constData());
    if ((m_partChunks >= m_params.minChunks && head % m_params.cutModulus == 0) || m_partChunks >= m_params.maxChunks)
        return writePart(error);
    return true;
}

bool ChunkListWriter::writePart(BankError *error)
{
    QByteArray plain;
    plain.reserve(ChunkListFormat::HeaderSize + m_part.size());
    plain.append(ChunkListFormat::Magic, ChunkListFormat::MagicSize);
    char count[4];
    qToLittleEndian<quint32>(quint32(m_partChunks), count);
    plain.append(count, 4);
    plain.append(m_part);
    m_peakHeld = std::max(m_peakHeld, bytesHeld() + plain.capacity());
    ChunkListPart part;
    if (!m_bank->writeChunkListPart(plain, &part.name, error))
        return false;
    part.chunks = m_partChunks;
    part.bytes = m_partBytes;
    m_parts.append(part);
    m_part.clear(); // keeps its capacity for the next part
    m_partChunks = 0;
    m_partBytes = 0;
    return true;
}

bool ChunkListWriter::finish(ImageRecord *record, BankError *error)
{
    if (m_split && m_partChunks > 0 && !writePart(error))
        return false;
    record->splitList = m_split;
    record->listParts = m_split ? m_parts : QList<ChunkListPart>{};
    record->chunks = m_split ? QList<ChunkRef>{} : m_inline;
    m_part = QByteArray();
    return true;
}

// ---- reading ----

ChunkListReader::ChunkListReader(const Bank *bank, const ImageRecord &record)
    : m_bank(bank)
    , m_record(record)
    , m_count(record.chunkCount())
{
    m_peakHeld = bytesHeld();
}

qint64 ChunkListReader::bytesHeld() const
{
    return m_record.splitList ? m_part.capacity() : m_record.chunks.size() * qint64(sizeof(ChunkRef) + 64 + 32);
}

bool ChunkListReader::loadPart()
{
    m_part = QByteArray(); // never two parts at once
    if (!m_bank->readChunkListPart(m_record.listParts.at(m_nextPart), &m_part, &m_error))
        return false;
    ++m_nextPart;
    m_offset = ChunkListFormat::HeaderSize;
    m_peakHeld = std::max(m_peakHeld, bytesHeld());
    return true;
}

bool ChunkListReader::next(ChunkRef *chunk)
{
    if (m_error.isError() || atEnd())
        return false;
    if (!m_record.splitList) {
        *chunk = m_record.chunks.at(m_position);
        ++m_position;
        return true;
    }
    if (m_offset >= m_part.size()) {
        if (m_nextPart >= m_record.listParts.size()) {
            // chunkCount() is the sum of the parts' counts, each checked against its part: unreachable.
            m_error = BankError::make(BankError::Code::BadIndex, QStringLiteral("The chunk list ends early."));
            return false;
        }
        if (!loadPart())
            return false;
    }
    const char *entry = m_part.constData() + m_offset;
    chunk->sha256 = QByteArray(entry, 32).toHex();
    chunk->size = qFromLittleEndian<quint32>(entry + 32);
    m_offset += ChunkListFormat::EntrySize;
    ++m_position;
    return true;
}

} // namespace sv
