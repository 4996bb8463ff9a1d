#pragma once

#include "bank/bankerror.h"
#include "bank/imagerecord.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace sv {

class Bank;

// Reads an image's chunk list in stream order, one ChunkRef at a time, whatever way the record carries
// it. Code outside core/bank uses this (or Bank::forEachChunk, or ImageReader for the bytes) and never
// iterates ImageRecord::chunks itself: a record may name its list by reference rather than hold it.
//
// Not thread-safe; one reader per thread.
class ChunkListReader
{
public:
    ChunkListReader(const Bank *bank, const ImageRecord &record);

    // The next chunk, with its position (0-based) in the image. False at the end (error() unset) or on
    // an error (error() says what, naming the object).
    bool next(ChunkRef *chunk);
    qint64 position() const { return m_position; } // chunks handed out so far
    qint64 count() const { return m_record.chunkCount(); }
    bool atEnd() const { return m_position >= count(); }
    BankError error() const { return m_error; }

private:
    const Bank *m_bank;
    ImageRecord m_record;
    qint64 m_position = 0;
    BankError m_error;
};

} // namespace sv
