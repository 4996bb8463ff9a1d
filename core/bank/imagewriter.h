#pragma once

#include "bank/bank.h"
#include "bank/bankerror.h"
#include "bank/chunker.h"
#include "bank/chunklist.h"
#include "bank/imagerecord.h"

#include <QByteArray>
#include <QHash>
#include <QSet>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sv {

// Streams one image's bytes into a bank with flat memory: the feeding thread (the download) only copies
// bytes and finds chunk boundaries; a small pool hashes (SHA-256), compresses (zstd) and stores chunks,
// and two more threads compute the whole image's md5 and sha512 in order. Queues are bounded by bytes:
// write() blocks while `maxBufferedBytes` are in flight (backpressure), whatever the image size.
//
// write() and finish() are called from one thread; cancel() and the figures from any thread.
class ImageWriter
{
public:
    struct Options
    {
        int workers = 0; // chunk hashing/compression threads; 0: one per core
        qint64 maxBufferedBytes = 16 * 1024 * 1024;
        int compressionLevel = 1;
        bool computeMd5 = true; // Glance's `checksum`; sha512 is always computed
        Chunker::Params chunking;
        ChunkListWriter::Params listParts; // how the chunk list is cut into parts (banks that split lists)
    };

    explicit ImageWriter(Bank *bank);
    ImageWriter(Bank *bank, const Options &options);
    ~ImageWriter(); // cancels and joins if finish() was not called
    ImageWriter(const ImageWriter &) = delete;
    ImageWriter &operator=(const ImageWriter &) = delete;

    // Blocks while the queues are full. False after an error (see error()) or cancel().
    bool write(const char *data, qsizetype size);
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    // Flushes the last chunk, waits for every chunk to be stored and makes them durable and visible
    // (one file-system flush for the whole image), then writes the last part of the chunk list. The
    // record has the ordered chunk list (inline, or by reference to list parts already written: see
    // ChunkListWriter), size, md5 and sha512 (formats are the caller's to fill in).
    bool finish(ImageRecord *record, BankError *error);
    void cancel();
    BankError error() const;

    qint64 bytesWritten() const { return m_bytesWritten.load(); }
    qint64 newBytes() const { return m_newBytes.load(); }             // uncompressed bytes of new chunks
    qint64 newStoredBytes() const { return m_newStoredBytes.load(); } // what new chunks take on disk
    qint64 chunks() const { return m_chunkCount.load(); }   // chunks of the image so far, repeats included
    qint64 newChunks() const { return m_newChunks.load(); } // of those, the ones stored (new to the bank)
    qint64 bufferedBytes() const;
    qint64 peakBufferedBytes() const;
    // Memory the chunk list takes while it is written (the part being filled, plus refs waiting for an
    // earlier chunk to be done), now and at most.
    qint64 listBytesHeld() const;
    qint64 peakListBytesHeld() const;

private:
    struct Piece;
    using PiecePtr = std::shared_ptr<Piece>;

    bool submit(QByteArray &&chunk);
    void storeLoop();
    void digestLoop(bool md5);
    void release(Piece &piece); // with m_mutex held
    qsizetype bufferCapacity() const; // of a chunk buffer (a chunk above it gets a larger one of its own)
    void takeBuffer();                // m_current from the pool, or a new one (feeding thread)
    bool emitDoneLocked(BankError *error); // hands finished refs to the list writer in stream order
    void fail(const BankError &error);
    void joinAll();

    Bank *m_bank;
    Options m_options;
    Chunker m_chunker;
    QByteArray m_current; // the chunk being filled (feeding thread only)
    std::atomic<qint64> m_bytesWritten{0};
    std::atomic<qint64> m_newBytes{0};
    std::atomic<qint64> m_newStoredBytes{0};
    std::atomic<qint64> m_storedBytes{0};
    std::atomic<qint64> m_chunkCount{0};
    std::atomic<qint64> m_newChunks{0};
    std::atomic_bool m_cancelled{false};
    std::atomic_bool m_failed{false};

    mutable std::mutex m_mutex;
    std::condition_variable m_workReady;
    std::condition_variable m_spaceFree;
    std::deque<PiecePtr> m_storeQueue;
    std::deque<PiecePtr> m_md5Queue;
    std::deque<PiecePtr> m_sha512Queue;
    bool m_closing = false;
    qint64 m_nextSeq = 0;
    qint64 m_inFlight = 0;
    qint64 m_currentSize = 0; // m_current.size(), readable from other threads
    qint64 m_peakBuffered = 0;
    std::map<qint64, ChunkRef> m_done; // refs of stored chunks whose predecessors are not all done yet
    qint64 m_nextEmit = 0;
    ChunkListWriter m_list;
    qint64 m_peakListHeld = 0;
    QHash<qint64, QByteArray> m_zeroNames; // size → name of the all-zero chunk of that size
    // Chunk buffers of finished pieces, reused for new chunks (at most kPoolSize: the ones in flight).
    static constexpr size_t kPoolSize = 32;
    std::vector<QByteArray> m_pool;
    QSet<QByteArray> m_seen; // chunk names handled by this writer: a repeat is neither stored nor counted
    QList<Bank::StagedChunk> m_staged; // written, not yet durable and visible (see Bank::stageChunk)
    QByteArray m_md5Hex;
    QByteArray m_sha512Hex;
    BankError m_error;
    std::vector<std::thread> m_threads;
};

} // namespace sv
