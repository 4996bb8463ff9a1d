#include "bank/imagereader.h"

#include "bank/bank.h"

#include <openssl/evp.h>

#include <cstring>

namespace sv {

namespace {

bool isAllZero(const QByteArray &data)
{
    return !data.isEmpty() && data.at(0) == 0
        && std::memcmp(data.constData(), data.constData() + 1, size_t(data.size() - 1)) == 0;
}

// As many reads in flight as the bank wants (an object store: several ranged GETs at once, so that
// latency does not set the speed), with a window of two chunks per reader thread.
ImageReader::Options defaultsFor(const Bank *bank)
{
    ImageReader::Options options;
    options.threads = std::max(options.threads, bank->readsInFlight());
    options.prefetchChunks = std::max(options.prefetchChunks, 2 * options.threads);
    return options;
}

} // namespace

ImageReader::ImageReader(const Bank *bank, const ImageRecord &record)
    : ImageReader(bank, record, defaultsFor(bank))
{
}

ImageReader::ImageReader(const Bank *bank, const ImageRecord &record, const Options &options)
    : m_bank(bank)
    , m_record(record)
    , m_count(record.chunkCount())
    , m_options(options)
    , m_list(bank, record)
{
    auto *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha512(), nullptr);
    m_sha512 = ctx;
    m_window = std::max(1, options.prefetchChunks);
    for (int i = 0; i < std::max(1, options.threads); ++i)
        m_threads.emplace_back([this] { workerLoop(); });
}

ImageReader::~ImageReader()
{
    cancel();
    for (std::thread &thread : m_threads)
        thread.join();
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_sha512));
}

void ImageReader::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
}

void ImageReader::workerLoop()
{
    for (;;) {
        qsizetype index = 0;
        Slot slot;
        ChunkRef chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || m_nextClaim >= m_count || m_nextClaim < m_window; });
            if (m_stop || m_nextClaim >= m_count)
                return;
            index = m_nextClaim++;
            // Claims are made in order, so the list reader hands out exactly chunk `index`.
            if (!m_list.next(&chunk))
                slot.error = m_list.error();
        }
        if (slot.error.isError()) {
            {
                std::lock_guard lock(m_mutex);
                m_ready.emplace(index, std::move(slot));
            }
            m_changed.notify_all();
            continue;
        }
        {
            // Runs of one repeated chunk (zeros) are read and verified once; QByteArray shares the bytes.
            // A zero chunk seen before (verified then) is not read again either.
            std::lock_guard lock(m_mutex);
            if (chunk.sha256 == m_lastName) {
                slot.data = m_lastData;
                slot.zero = m_lastZero;
            } else if (const auto zero = m_zeroChunks.find(chunk.sha256); zero != m_zeroChunks.end()) {
                slot.data = zero->second;
                slot.zero = true;
            }
        }
        if (slot.data.isNull()) {
            if (m_bank->readVerifiedChunk(chunk, &slot.data, &slot.error)) {
                slot.zero = isAllZero(slot.data);
                std::lock_guard lock(m_mutex);
                m_lastName = chunk.sha256;
                m_lastData = slot.data;
                m_lastZero = slot.zero;
                if (slot.zero && m_zeroChunks.size() < 64)
                    m_zeroChunks.emplace(chunk.sha256, slot.data);
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_ready.emplace(index, std::move(slot));
        }
        m_changed.notify_all();
    }
}

bool ImageReader::next(QByteArray *data)
{
    bool zero = false;
    return next(data, &zero);
}

bool ImageReader::next(QByteArray *data, bool *allZero)
{
    if (m_error.isError() || atEnd())
        return false;
    Slot slot;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stop || m_ready.count(m_consumed) > 0; });
        if (m_stop && m_ready.count(m_consumed) == 0) {
            m_error = BankError::make(BankError::Code::Cancelled, QStringLiteral("Reading was cancelled."));
            return false;
        }
        auto it = m_ready.find(m_consumed);
        slot = std::move(it->second);
        m_ready.erase(it);
        m_window = m_consumed + 1 + std::max(1, m_options.prefetchChunks);
    }
    m_changed.notify_all();
    if (slot.error.isError()) {
        m_error = slot.error;
        m_error.message = QStringLiteral("Chunk %1 of %2 of the image: %3")
                              .arg(m_consumed + 1)
                              .arg(m_count)
                              .arg(slot.error.message);
        return false;
    }
    ++m_consumed;
    m_bytesRead += slot.data.size();
    auto *ctx = static_cast<EVP_MD_CTX *>(m_sha512);
    EVP_DigestUpdate(ctx, slot.data.constData(), static_cast<size_t>(slot.data.size()));
    if (atEnd() && m_options.verifyImageDigest) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx, digest, &length);
        const QByteArray hex =
            QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
        if (hex != m_record.sha512) {
            m_error = BankError::make(BankError::Code::ChecksumMismatch,
                                      QStringLiteral("The image read back from the backup storage has sha512 "
                                                     "%1, but the backup recorded %2: the backup is damaged.")
                                          .arg(QString::fromLatin1(hex), QString::fromLatin1(m_record.sha512)));
            return false;
        }
    }
    *allZero = slot.zero;
    *data = std::move(slot.data);
    return true;
}

} // namespace sv
