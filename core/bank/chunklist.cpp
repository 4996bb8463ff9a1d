#include "bank/chunklist.h"

#include "bank/bank.h"

namespace sv {

ChunkListReader::ChunkListReader(const Bank *bank, const ImageRecord &record)
    : m_bank(bank)
    , m_record(record)
{
}

bool ChunkListReader::next(ChunkRef *chunk)
{
    if (m_error.isError() || atEnd())
        return false;
    *chunk = m_record.chunks.at(m_position);
    ++m_position;
    return true;
}

} // namespace sv
