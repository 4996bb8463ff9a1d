#pragma once

#include "bank/bankerror.h"
#include "bank/chunklist.h"
#include "bank/imagerecord.h"

#include <QByteArray>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace sv {

class Bank;

// Reads an image back chunk by chunk, in order, with a few chunks read, decompressed and SHA-256-checked
// ahead on worker threads. Memory stays bounded (about prefetch × chunk size). The whole image's sha512
// is checked as the last chunk is handed out: next() then fails instead of returning it if it differs.
// A chunk whose verified bytes are all zero (free disk space) is known by its name from then on: later
// uses of it are neither read nor decrypted again, and next() says which chunks are zero (an export
// leaves holes for them).
//
// next() is called from one thread.
class ImageReader
{
public:
    struct Options
    {
        int prefetchChunks = 4;
        int threads = 2;
        bool verifyImageDigest = true;
    };

    ImageReader(const Bank *bank, const ImageRecord &record);
    ImageReader(const Bank *bank, const ImageRecord &record, const Options &options);
    ~ImageReader();
    ImageReader(const ImageReader &) = delete;
    ImageReader &operator=(const ImageReader &) = delete;

    // The next chunk's bytes. Returns false at the end (error() is then unset) or on an error.
    bool next(QByteArray *data);
    // The same; *allZero says whether every byte of the chunk is zero.
    bool next(QByteArray *data, bool *allZero);
    bool atEnd() const { return m_consumed >= m_count; }
    BankError error() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_record.size; }
    void cancel();

private:
    struct Slot
    {
        QByteArray data;
        BankError error;
        bool zero = false;
    };
    void workerLoop();

    const Bank *m_bank;
    ImageRecord m_record;
    qint64 m_count = 0; // chunks in the image
    Options m_options;
    qsizetype m_consumed = 0;
    qint64 m_bytesRead = 0;
    BankError m_error;
    void *m_sha512 = nullptr; // EVP_MD_CTX, kept out of the header

    std::mutex m_mutex;
    std::condition_variable m_changed;
    ChunkListReader m_list; // guarded by m_mutex: hands out the chunk refs in order as they are claimed
    qsizetype m_nextClaim = 0;
    qsizetype m_window = 0; // chunks may be claimed while index < m_window
    bool m_stop = false;
    std::map<qsizetype, Slot> m_ready;
    QByteArray m_lastName; // the last chunk verified, kept for runs of the same chunk
    QByteArray m_lastData;
    bool m_lastZero = false;
    std::map<QByteArray, QByteArray> m_zeroChunks; // name → bytes of the all-zero chunks seen (a few sizes)
    std::vector<std::thread> m_threads;
};

} // namespace sv
