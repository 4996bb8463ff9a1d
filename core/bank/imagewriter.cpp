#include "bank/imagewriter.h"

#include "bank/bank.h"
#include "bank/chunkcodec.h"

#include <QThread>

#include <openssl/evp.h>

#include <cstring>

namespace sv {

namespace {

bool isAllZero(const QByteArray &data)
{
    return !data.isEmpty() && data.at(0) == 0
        && std::memcmp(data.constData(), data.constData() + 1, size_t(data.size() - 1)) == 0;
}

} // namespace

// A chunk on its way through the pipeline, shared by the store pool and the two digest threads; its
// bytes count as buffered until all of them are done with it.
struct ImageWriter::Piece
{
    qint64 seq = 0;
    QByteArray data;
    int pending = 0; // consumers still to see it (guarded by m_mutex)
};

ImageWriter::ImageWriter(Bank *bank)
    : ImageWriter(bank, Options{})
{
}

ImageWriter::ImageWriter(Bank *bank, const Options &options)
    : m_bank(bank)
    , m_options(options)
    , m_chunker(options.chunking)
    , m_list(bank, bank->splitsChunkLists(), options.listParts)
{
    const int workers = options.workers > 0 ? options.workers : std::max(1, QThread::idealThreadCount());
    m_threads.reserve(static_cast<size_t>(workers) + 2);
    for (int i = 0; i < workers; ++i)
        m_threads.emplace_back([this] { storeLoop(); });
    m_threads.emplace_back([this] { digestLoop(false); });
    if (options.computeMd5)
        m_threads.emplace_back([this] { digestLoop(true); });
}

ImageWriter::~ImageWriter()
{
    cancel();
    joinAll();
    m_bank->discardChunks(m_staged); // empty once finish() published them
}

void ImageWriter::joinAll()
{
    for (std::thread &thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
}

bool ImageWriter::write(const char *data, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    while (size > 0) {
        if (m_failed || m_cancelled)
            return false;
        const qsizetype cut = m_chunker.scan(bytes, size);
        const qsizetype take = cut < 0 ? size : cut;
        // Most chunks end before twice the normal size: room for that up front, so that appending
        // rarely reallocates and copies the chunk (growing from empty copied each chunk ~once more).
        if (m_current.capacity() == 0)
            takeBuffer();
        m_current.append(reinterpret_cast<const char *>(bytes), take);
        bytes += take;
        size -= take;
        m_bytesWritten += take;
        {
            std::lock_guard lock(m_mutex);
            m_currentSize = m_current.size();
            m_peakBuffered = std::max(m_peakBuffered, m_inFlight + m_currentSize);
        }
        if (cut >= 0 && !m_current.isEmpty()) {
            if (!submit(std::exchange(m_current, QByteArray())))
                return false;
        }
    }
    return !m_failed && !m_cancelled;
}

bool ImageWriter::submit(QByteArray &&chunk)
{
    const qint64 size = chunk.size();
    std::unique_lock lock(m_mutex);
    m_spaceFree.wait(lock, [&] {
        return m_failed || m_cancelled || m_inFlight == 0 || m_inFlight + size <= m_options.maxBufferedBytes;
    });
    if (m_failed || m_cancelled)
        return false;
    auto piece = std::make_shared<Piece>();
    piece->seq = m_nextSeq++;
    piece->data = std::move(chunk);
    piece->pending = m_options.computeMd5 ? 3 : 2;
    m_inFlight += size;
    m_currentSize = 0;
    m_peakBuffered = std::max(m_peakBuffered, m_inFlight);
    m_storeQueue.push_back(piece);
    m_sha512Queue.push_back(piece);
    if (m_options.computeMd5)
        m_md5Queue.push_back(piece);
    lock.unlock();
    m_workReady.notify_all();
    return true;
}

void ImageWriter::release(Piece &piece)
{
    if (--piece.pending == 0) {
        m_inFlight -= piece.data.size();
        // Its buffer holds a later chunk: allocating and faulting in a new one per chunk cost CPU, and
        // malloc kept tens of MiB of freed chunk buffers of every size in its per-thread arenas.
        if (m_pool.size() < kPoolSize && piece.data.capacity() <= bufferCapacity()) {
            piece.data.resize(0);
            m_pool.push_back(std::move(piece.data));
        }
        piece.data = QByteArray();
        m_spaceFree.notify_all();
    }
}

qsizetype ImageWriter::bufferCapacity() const
{
    return std::min(2 * m_options.chunking.normalSize, m_options.chunking.maxSize);
}

void ImageWriter::takeBuffer()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_pool.empty()) {
            m_current = std::move(m_pool.back());
            m_pool.pop_back();
            return;
        }
    }
    // Most chunks end before twice the normal size: room for that up front, so that appending rarely
    // reallocates and copies the chunk (growing from empty copied each chunk about once more).
    m_current.reserve(bufferCapacity());
}

void ImageWriter::fail(const BankError &error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_failed) {
            m_error = error;
            m_failed = true;
        }
    }
    m_workReady.notify_all();
    m_spaceFree.notify_all();
}

void ImageWriter::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_workReady.notify_all();
    m_spaceFree.notify_all();
}

void ImageWriter::storeLoop()
{
    QByteArray encoded; // this thread's blob buffer, reused for every chunk it stores
    for (;;) {
        PiecePtr piece;
        {
            std::unique_lock lock(m_mutex);
            m_workReady.wait(lock, [&] { return m_failed || m_cancelled || m_closing || !m_storeQueue.empty(); });
            if (m_failed || m_cancelled || m_storeQueue.empty())
                return;
            piece = std::move(m_storeQueue.front());
            m_storeQueue.pop_front();
        }
        // Zero runs (free disk space) come as many identical chunks: a zero test is ~20x faster than
        // SHA-256, so hash each zero-chunk size once.
        QByteArray name;
        const bool zero = isAllZero(piece->data);
        if (zero) {
            std::lock_guard lock(m_mutex);
            name = m_zeroNames.value(piece->data.size());
        }
        if (name.isEmpty()) {
            name = m_bank->keys().chunkId(piece->data);
            if (zero) {
                std::lock_guard lock(m_mutex);
                m_zeroNames.insert(piece->data.size(), name);
            }
        }
        bool repeat = false;
        {
            std::lock_guard lock(m_mutex);
            repeat = m_seen.contains(name);
            if (!repeat)
                m_seen.insert(name);
        }
        if (!repeat) {
            qint64 storedSize = 0;
            if (m_bank->chunkInfo(name, &storedSize)) {
                m_storedBytes += storedSize;
            } else {
                ChunkCodec::encodeInto(piece->data, m_options.compressionLevel, m_bank->keys(), name, &encoded);
                BankError error;
                Bank::StagedChunk staged;
                if (!m_bank->stageChunk(name, encoded, &staged, &error)) {
                    fail(error);
                    return;
                }
                {
                    std::lock_guard lock(m_mutex);
                    m_staged.append(staged);
                }
                m_newBytes += piece->data.size();
                ++m_newChunks;
                m_newStoredBytes += encoded.size();
                m_storedBytes += encoded.size();
            }
        }
        ++m_chunkCount;
        std::unique_lock lock(m_mutex);
        m_done.emplace(piece->seq, ChunkRef{name, piece->data.size()});
        BankError listError;
        const bool listed = emitDoneLocked(&listError);
        release(*piece);
        lock.unlock();
        if (!listed) {
            fail(listError);
            return;
        }
    }
}

bool ImageWriter::emitDoneLocked(BankError *error)
{
    // Writing a list part happens here, under the lock, once per tens of thousands of chunks.
    qint64 waiting = qint64(m_done.size()) * qint64(sizeof(ChunkRef) + 64 + 48);
    m_peakListHeld = std::max(m_peakListHeld, m_list.bytesHeld() + waiting);
    for (auto it = m_done.begin(); it != m_done.end() && it->first == m_nextEmit; it = m_done.erase(it)) {
        if (!m_list.add(it->second, error))
            return false;
        ++m_nextEmit;
    }
    waiting = qint64(m_done.size()) * qint64(sizeof(ChunkRef) + 64 + 48);
    m_peakListHeld = std::max(m_peakListHeld, m_list.peakBytesHeld() + waiting);
    return true;
}

void ImageWriter::digestLoop(bool md5)
{
    std::deque<PiecePtr> &queue = md5 ? m_md5Queue : m_sha512Queue;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, md5 ? EVP_md5() : EVP_sha512(), nullptr);
    for (;;) {
        PiecePtr piece;
        {
            std::unique_lock lock(m_mutex);
            m_workReady.wait(lock, [&] { return m_failed || m_cancelled || m_closing || !queue.empty(); });
            if (m_failed || m_cancelled)
                break;
            if (queue.empty()) {
                unsigned char digest[EVP_MAX_MD_SIZE];
                unsigned int length = 0;
                EVP_DigestFinal_ex(ctx, digest, &length);
                const QByteArray hex =
                    QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
                (md5 ? m_md5Hex : m_sha512Hex) = hex;
                break;
            }
            piece = std::move(queue.front());
            queue.pop_front();
        }
        EVP_DigestUpdate(ctx, piece->data.constData(), static_cast<size_t>(piece->data.size()));
        std::lock_guard lock(m_mutex);
        release(*piece);
    }
    EVP_MD_CTX_free(ctx);
}

bool ImageWriter::finish(ImageRecord *record, BankError *error)
{
    if (!m_current.isEmpty() && !m_failed && !m_cancelled)
        submit(std::exchange(m_current, QByteArray()));
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_workReady.notify_all();
    joinAll();
    if (m_failed || m_cancelled) {
        m_bank->discardChunks(m_staged);
        m_staged.clear();
    }
    if (m_failed) {
        *error = m_error;
        return false;
    }
    if (m_cancelled) {
        *error = BankError::make(BankError::Code::Cancelled, QStringLiteral("The backup was cancelled."));
        return false;
    }
    if (!m_bank->publishChunks(m_staged, error)) {
        fail(*error);
        m_bank->discardChunks(m_staged);
        m_staged.clear();
        return false;
    }
    m_staged.clear();
    ImageRecord r;
    // Every chunk is done: all refs were handed to the list writer in order. The last part is written
    // now, after the chunks it names are durable (and before any index names it).
    if (!m_done.empty() || m_list.count() != m_nextSeq) {
        *error = BankError::make(BankError::Code::Io, QStringLiteral("The chunk list of the image is incomplete."));
        fail(*error);
        return false;
    }
    if (!m_list.finish(&r, error)) {
        fail(*error);
        return false;
    }
    r.size = m_bytesWritten;
    r.md5 = m_md5Hex;
    r.sha512 = m_sha512Hex;
    r.newBytes = m_newBytes;
    r.newStoredBytes = m_newStoredBytes;
    r.storedBytes = m_storedBytes;
    *record = std::move(r);
    return true;
}

BankError ImageWriter::error() const
{
    std::lock_guard lock(m_mutex);
    if (!m_failed && m_cancelled)
        return BankError::make(BankError::Code::Cancelled, QStringLiteral("The backup was cancelled."));
    return m_error;
}

qint64 ImageWriter::bufferedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight + m_currentSize;
}

qint64 ImageWriter::listBytesHeld() const
{
    std::lock_guard lock(m_mutex);
    return m_list.bytesHeld() + qint64(m_done.size()) * qint64(sizeof(ChunkRef) + 64 + 48);
}

qint64 ImageWriter::peakListBytesHeld() const
{
    std::lock_guard lock(m_mutex);
    return m_peakListHeld;
}

qint64 ImageWriter::peakBufferedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_peakBuffered;
}

} // namespace sv
