#pragma once

#include "bank/bank.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sv {

// Where the chunk blobs of a bank with layout "packs-v1" live (FORMAT.md, "Packs"): many chunk blobs
// in one pack object of ~16 MiB (packs/<2 hex>/<64 hex>, named by the SHA-256 of its bytes, with a
// trailer naming its chunks), and index objects (index/<64 hex>) that say for every chunk which pack
// holds it at which offset and length. The index objects are loaded once and cached; a miss in a
// reader reloads them (another process may have written or repacked meanwhile).
//
// Writing: stageChunk() appends a chunk blob to the open pack; a full pack is written (at most
// `uploadsInFlight` at once on their own threads; a writer blocks while that many are in flight, so
// memory stays at about (uploadsInFlight + 1) packs). publish() writes the open pack, waits for every
// upload and then writes ONE index object naming them: only then are the chunks visible. A crash
// before that leaves packs no index names, which prune removes. Chunk blobs are opaque here.
//
// Thread-safe; a backend (LocalBank, an object store) provides durable whole-object writes.
class PackStore
{
public:
    // The storage a PackStore writes to: objects under names like "packs/ab/ab12…" and "index/…".
    class Backend
    {
    public:
        virtual ~Backend();
        // Stores `data` under `name`, complete and durable when it returns true (a crash leaves the
        // old state or the whole object, never a part under that name).
        virtual bool putObject(const QString &name, const QByteArray &data, BankError *error) = 0;
        // `length` < 0: to the end. A short read (object shorter than asked) is an error.
        virtual bool readObject(const QString &name, qint64 offset, qint64 length, QByteArray *data,
                                BankError *error) const = 0;
        virtual bool removeObject(const QString &name, BankError *error) = 0; // absent is not an error
        virtual bool listObjects(const QString &prefix, const std::function<bool(const QString &, qint64)> &visit,
                                 BankError *error) const = 0;
        virtual QString describe(const QString &name) const = 0; // for messages: a path or a URL
        // The address alignment putObject's bytes are best given in (a local file: written with
        // O_DIRECT when aligned, see DurableFile::writeTemporary); 1 when it does not matter. Above 1,
        // putObject's `data` of a pack is a view of a buffer that is reused: valid only during the call.
        virtual qsizetype preferredAlignment() const { return 1; }
    };

    // Pack metadata (pack trailers, index objects) passes through these; identity in a plain bank,
    // BankKeys::seal/open in an encrypted one.
    struct Sealer
    {
        std::function<QByteArray(const QByteArray &plain, const QByteArray &associated)> seal;
        std::function<bool(const QByteArray &sealed, const QByteArray &associated, QByteArray *plain, QString *why)>
            open;
        static Sealer identity();
        // BankKeys::seal/open of the bank's keys (identity for a plain bank's keys).
        static Sealer withKeys(std::shared_ptr<const BankKeys> keys);
    };

    struct Options
    {
        qint64 packTargetSize = 16 * 1024 * 1024; // a pack is written once it holds this much
        int uploadsInFlight = 1;                  // packs written at once (object stores: several)
        int maxIndexEntries = 100000;             // chunks per index object written by GC (~4 MB)
    };

    struct Location
    {
        QByteArray pack; // 64 hex
        quint32 offset = 0;
        quint32 length = 0;
    };
    struct PackEntry
    {
        QByteArray chunk; // 32 raw bytes
        quint32 offset = 0;
        quint32 length = 0;
    };

    PackStore(Backend *backend, Sealer sealer, const Options &options);
    ~PackStore(); // waits for uploads in flight; an unpublished open pack is dropped
    PackStore(const PackStore &) = delete;
    PackStore &operator=(const PackStore &) = delete;

    bool chunkInfo(const QByteArray &name, qint64 *storedSize) const;
    bool stageChunk(const QByteArray &name, const QByteArray &encoded, BankError *error);
    // Writes the open pack, waits for all pack writes, writes one index object naming the new packs.
    bool publish(BankError *error);
    bool getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const;
    bool listChunks(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const;
    // Drops one chunk from the index (a consolidated index is written without it).
    bool removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error);
    // Re-reads the index objects (new ones are added; if one vanished, all are reloaded).
    bool refresh(BankError *error) const;

    // Under the exclusive lock: forget every chunk not in `referenced`; remove packs with no live
    // chunk; repack packs whose unused share of bytes is at least `repackThreshold` (0..1); then
    // write one consolidated index and remove the old index objects and the emptied packs.
    bool collectGarbage(const QSet<QByteArray> &referenced, double repackThreshold, GcReport *report,
                        BankError *error);
    // Under the exclusive lock: removes packs no index names (a writer died before indexing them).
    bool removeUnindexedPacks(int *removed, BankError *error);

    // Parsing, for readers and tests (FORMAT.md).
    static QByteArray packObjectName(const QByteArray &packHex);
    static bool parsePackTrailer(const QByteArray &pack, const Sealer &sealer, QList<PackEntry> *entries,
                                 QString *why);
    bool locate(const QByteArray &name, Location *location) const;
    // For messages: the pack object holding chunk `name` (a path or URL), empty when no index names it.
    QString describePackOf(const QByteArray &name) const;
    int indexObjectCount() const;

    static constexpr char PackMagic[] = "SVPACK\0\1";        // 8 bytes, then the blobs
    static constexpr char PackEndMagic[] = "SVPE";           // last 4 bytes
    static constexpr char IndexMagic[] = "SVINDEX\1";        // 8 bytes, then the sealed index
    static constexpr char TrailerAssociated[] = "stackvault pack trailer v1";
    static constexpr char IndexAssociated[] = "stackvault pack index v1";

private:
    struct OpenPack
    {
        QByteArray bytes; // the pack starts at `base` (padding before it aligns it for the backend)
        QList<PackEntry> entries;
        qsizetype base = 0;
    };
    struct Loc
    {
        qint32 pack = -1; // into m_packNames
        quint32 offset = 0;
        quint32 length = 0;
    };
    struct Uploaded
    {
        QByteArray packHex;
        QList<PackEntry> entries;
    };

    bool loadLocked(bool full, BankError *error) const;
    bool parseIndex(const QByteArray &object, const QString &name, QList<Uploaded> *packs, QString *why) const;
    QByteArray buildIndex(const QList<Uploaded> &packs) const;
    bool writeIndexObject(const QList<Uploaded> &packs, QString *name, BankError *error);
    void addLocked(const QString &indexName, const QList<Uploaded> &packs) const;
    // Builds the finished pack (trailer) and writes it; returns its name and entries.
    bool writePack(OpenPack &&pack, Uploaded *done, BankError *error);
    void queueOpenPackLocked(std::unique_lock<std::mutex> &lock);
    void uploadLoop();
    bool findLocked(const QByteArray &raw, Loc *loc) const;

    Backend *m_backend;
    Sealer m_sealer;
    Options m_options;

    std::mutex m_publishMutex; // publish and GC, one at a time
    mutable std::mutex m_mutex;
    std::condition_variable m_uploadDone;
    std::condition_variable m_workReady;
    bool m_stopping = false;
    // The cached index (all index objects loaded so far).
    mutable bool m_loaded = false;
    mutable QSet<QString> m_indexNames;
    mutable QList<QByteArray> m_packNames; // hex
    mutable QHash<QByteArray, qint32> m_packIds;
    mutable QHash<QByteArray, Loc> m_chunks; // raw 32-byte chunk id → where
    // Writing.
    OpenPack m_open;
    QSet<QByteArray> m_staged; // raw ids in the open pack, uploads and uploaded-unindexed packs
    QList<OpenPack> m_toUpload;
    int m_uploading = 0;
    std::vector<std::thread> m_threads;
    QList<Uploaded> m_uploaded; // written, not yet named by an index
    QList<QByteArray> m_spare;  // empty buffers of written packs, reused for the next ones
    BankError m_uploadError;
    bool m_uploadFailed = false;
};

} // namespace sv
