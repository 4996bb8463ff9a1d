#pragma once

#include "bank/bankerror.h"
#include "bank/bankkeys.h"
#include "bank/banklock.h"
#include "bank/bankreports.h"
#include "bank/checkpointindex.h"
#include "bank/checkpointsummaries.h"
#include "bank/journalentry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace sv {

class CheckpointWriter;
class PackStore;
struct KeyFile;

// Where checkpoints live (Karbor's bank; "Backup storage" in the UI). It stores bytes and indexes and
// knows nothing of OpenStack's compute or image APIs.
//
// A backend (the local folder, later a Swift container) implements the storage primitives; the
// operations (checkpoints, verify, delete + garbage collection, check, prune) are built on them here so
// that every backend behaves the same. All methods are blocking and meant for worker threads; they are
// thread-safe (a backend keeps no mutable state beyond what the file system or object store holds).
class Bank
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // bank.json's "version" for new banks; versions 1 (plain, SHA-256 chunk names) and 2 are read.
    static constexpr int FormatVersion = 2;

    virtual ~Bank();

    // Creates the layout if needed, checks the format version and that the bank is writable, and sets
    // keys(): an encrypted bank needs setPassphrase() (or setKnownKeys()) first, a new bank made with
    // setEncryptNewBank(true) too. Errors PassphraseRequired / NewPassphraseRequired / WrongPassphrase say
    // which; the caller asks the user and calls open() again.
    virtual bool open(BankError *error) = 0;
    virtual QString location() const = 0;

    // Chunk layouts (bank.json "layout", FORMAT.md): one object per chunk (format 1 banks), or packs.
    static constexpr const char *ChunksLayout = "chunks-v1";
    static constexpr const char *PacksLayout = "packs-v1";
    // The layout bank.json names (format 1: chunks-v1); empty for a layout this build does not know.
    static QString layoutOf(const QJsonObject &description);
    // The pack store of a bank with layout "packs-v1" (set by open()), else null.
    virtual PackStore *packStore() const { return nullptr; }
    // Chunk reads a restore keeps in flight (ImageReader's default threads): an object store wants
    // several, so that one round trip per chunk does not set the speed.
    virtual int readsInFlight() const { return 2; }
    // Garbage collection repacks a pack when at least this share (0..1) of its bytes is garbage
    // (AppSettings' [bank] repack_threshold). Set before use.
    void setRepackThreshold(double share) { m_repackThreshold = share; }
    double repackThreshold() const { return m_repackThreshold; }
    static constexpr double DefaultRepackThreshold = 0.5;

    // ---- encryption (FORMAT.md, "Encryption") ----
    // The keys open() set: plain (encrypted() false) for a version-1 bank or one made without encryption.
    const BankKeys &keys() const;
    std::shared_ptr<const BankKeys> sharedKeys() const;
    // For the next open(): the passphrase of one of the bank's key files (or the first key file of a new
    // bank). Wiped once open() unlocked the bank with it, and when the bank object is destroyed.
    void setPassphrase(const QByteArray &passphrase);
    // For the next open(): keys an earlier open() of the same bank returned (skips the slow KDF); ignored
    // unless their bank id is bank.json's.
    void setKnownKeys(std::shared_ptr<const BankKeys> keys);
    // The key file the passphrase opened (empty when open() reused known keys or the bank is plain).
    QString unlockedKeyId() const;
    // Whether open() makes a new bank encrypted. False for a bare Bank object (tests of the storage layer);
    // BankService, through which the desktop app and the CLI open every bank, sets true unless the user
    // opted out (--no-encryption).
    void setEncryptNewBank(bool encrypt) { m_encryptNewBank = encrypt; }
    bool encryptNewBank() const { return m_encryptNewBank; }
    // Whether open() makes the bank (folder, container or bucket and bank.json) when it does not exist yet
    // (the default). False for a bank that is only read from, such as the source of a copy: open() then
    // fails with NotFound and creates nothing.
    void setCreateIfMissing(bool create) { m_createIfMissing = create; }
    bool createIfMissing() const { return m_createIfMissing; }
    // The key files of an open encrypted bank that belong to it (bank id), sorted by creation time.
    bool listKeys(QList<KeyFile> *keys, BankError *error) const;
    // Wraps the open bank's master key under another passphrase as a new key file.
    bool addKey(const QByteArray &passphrase, KeyFile *added, BankError *error);
    // Removes key file `id`; refuses to remove the last key (the bank would be unreadable for ever).
    bool removeKey(const QString &id, BankError *error);

    // ---- key files keys/<id> (backends) ----
    virtual bool writeKeyFile(const QString &id, const QByteArray &data, BankError *error) = 0;
    virtual bool readKeyFile(const QString &id, QByteArray *data, BankError *error) const = 0;
    virtual bool removeKeyFile(const QString &id, BankError *error) = 0;
    virtual bool listKeyFileIds(QStringList *ids, BankError *error) const = 0;

    // ---- storage primitives (backends) ----
    // True if the chunk exists; its stored (compressed) size in `storedSize`.
    virtual bool chunkInfo(const QByteArray &name, qint64 *storedSize) const = 0;
    // Writing a chunk is two steps so that a stream's chunks can be flushed together (one syncfs instead
    // of an fsync per chunk, which costs ~4 ms each on a VM disk): stageChunk() writes it where no reader
    // or deduplicating writer can see it; publishChunks() makes the staged chunks durable, then visible
    // under their names. A crash in between leaves only temporary files (removed by prune), never a
    // named chunk with missing bytes that a later backup would trust.
    struct StagedChunk
    {
        QByteArray name;
        QString token; // backend-specific (the local bank: the temporary file)
    };
    virtual bool stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged,
                            BankError *error) = 0;
    virtual bool publishChunks(const QList<StagedChunk> &staged, BankError *error) = 0;
    virtual void discardChunks(const QList<StagedChunk> &staged) = 0;
    // stageChunk + publishChunks of one chunk.
    bool putChunk(const QByteArray &name, const QByteArray &encoded, BankError *error);
    virtual bool getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const = 0;
    virtual bool removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error) = 0;
    // Calls `visit(name, storedSize)` for every chunk; stop early by returning false from `visit`.
    virtual bool listChunks(const std::function<bool(const QByteArray &, qint64)> &visit,
                            BankError *error) const = 0;
    // Makes the named chunks durable (they must survive a crash) before an index names them.
    virtual bool syncChunks(const QList<QByteArray> &names, BankError *error) = 0;
    // Index bytes as stored: JSON in a plain bank, sealed JSON in an encrypted one (storeIndex/checkpoint
    // seal and open them).
    virtual bool writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error) = 0;
    virtual bool readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const = 0;
    virtual bool removeIndex(const QString &checkpointId, BankError *error) = 0;
    virtual bool listIndexIds(QStringList *ids, BankError *error) const = 0;
    // Chunk list parts lists/<2 hex>/<64 hex> (FORMAT.md, "Chunk lists"), as stored (sealed). Banks that
    // store packs implement them; the defaults refuse (a format-1 bank keeps its lists inline).
    virtual bool putListPart(const QByteArray &name, const QByteArray &data, BankError *error);
    virtual bool getListPart(const QByteArray &name, QByteArray *data, BankError *error) const;
    virtual bool removeListPart(const QByteArray &name, BankError *error);
    virtual bool listListParts(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const;
    // Waits up to `timeoutMs` (0: try once) for the bank lock.
    virtual std::unique_ptr<BankLock> lock(BankLock::Mode mode, int timeoutMs, BankError *error) const = 0;
    // Removes temporary files a crashed writer left; only under the exclusive lock.
    virtual bool removeStaleTemporaries(int *removed, BankError *error) = 0;

    // ---- journal of temporary snapshot images ----
    virtual bool addJournalEntry(const JournalEntry &entry, BankError *error) = 0;
    virtual bool removeJournalEntry(const JournalEntry &entry, BankError *error) = 0;
    virtual bool journalEntries(QList<JournalEntry> *entries, BankError *error) const = 0;

    // ---- operations ----
    // Starts a checkpoint: takes the shared lock (held until the writer is destroyed) and writes the
    // index with status `protecting`, so a crash leaves a visibly unfinished checkpoint. `draft` carries
    // the resource graph and options; an empty id gets a fresh UUID.
    std::unique_ptr<CheckpointWriter> beginCheckpoint(const CheckpointIndex &draft, BankError *error,
                                                      int lockTimeoutMs = 10 * 60 * 1000);
    bool listCheckpoints(QList<CheckpointSummary> *checkpoints, BankError *error) const;
    bool checkpoint(const QString &id, CheckpointIndex *index, BankError *error) const;
    // Calls `visit(position, chunk)` for every chunk of `record` in stream order (ChunkListReader);
    // `visit` returning false stops early (still a success). False with *error when the list cannot be
    // read.
    bool forEachChunk(const ImageRecord &record, const std::function<bool(qint64, const ChunkRef &)> &visit,
                      BankError *error) const;
    // Reads one chunk, checks header, decompression, size and SHA-256.
    bool readVerifiedChunk(const ChunkRef &chunk, QByteArray *data, BankError *error) const;
    // Marks the checkpoint `deleting`, removes its index, then garbage-collects chunks no index names
    // (waiting up to `gcLockTimeoutMs` for the exclusive lock; if a backup holds the bank, GC is deferred
    // to the next delete or prune and `report->gc.done` is false). The checkpoint is then `deleted`.
    bool deleteCheckpoint(const QString &id, GcReport *report, BankError *error, int gcLockTimeoutMs = 5000);
    // Records a restore test's result in checkpoint `id`'s index (its `restore_test`, replacing an older
    // one): re-reads the index and writes it back only when it is still `available`, keeping its format
    // version. Call it under a shared lock (TestRestoreJob holds one), so that garbage collection cannot
    // run between the read and the write. NotFound when the checkpoint was deleted meanwhile.
    bool recordRestoreTest(const QString &id, const RestoreTestRecord &record, BankError *error);
    // Retention's delete (ForgetJob): marks each checkpoint `deleting` and removes its index, in order, then
    // collects garbage once into `report` (deferred as above when a backup holds the bank; no garbage
    // collection when `report` is null: the caller prunes instead). Only `available` checkpoints:
    // one in any other state stops it with an error, as does one that cannot be read; one already gone
    // (another delete) is skipped. `deleted` lists what was removed, also when it fails part-way.
    bool deleteCheckpoints(const QStringList &ids, QStringList *deleted, GcReport *report, BankError *error,
                           int gcLockTimeoutMs = 5000);
    // Re-reads every chunk of every image, re-hashes it and recomputes each image's sha512. Returns
    // false only if it could not run; what it found is in `report`.
    bool verifyCheckpoint(const QString &id, VerifyReport *report, BankError *error,
                          const Progress &progress = {}, const std::atomic_bool *cancel = nullptr) const;
    // Bank-wide check: every index readable, every chunk it names present (and, when `deep`, hashing
    // right); chunks no index names are reported as orphans.
    // Summary objects are read and checked too: a damaged one is a finding naming it (`damagedSummaries`).
    bool check(CheckReport *report, BankError *error, bool deep = true) const;
    // Exclusive: marks checkpoints left `protecting` by a dead writer as `error`, finishes interrupted
    // deletes, removes temporary files and orphan chunks.
    bool prune(PruneReport *report, BankError *error, int lockTimeoutMs = 5000);
    bool collectGarbage(GcReport *report, BankError *error, int lockTimeoutMs = 5000);

    // ---- chunk lists split out of the index (FORMAT.md, "Chunk lists"; ChunkListWriter/Reader) ----
    // Whether new checkpoints store their chunk lists in list parts: banks of format 2 (packs-v1).
    // Format-1 banks keep them inline, so that the StackVault versions that made them still read them.
    bool splitsChunkLists() const { return packStore() != nullptr; }
    // Seals and stores one part (`plain` as FORMAT.md gives it) under its name, the keyed id of `plain`.
    bool writeChunkListPart(const QByteArray &plain, QByteArray *name, BankError *error);
    // Reads, opens and checks one part against its name and what the index says of it (chunk count and
    // bytes). Errors name the object.
    bool readChunkListPart(const ChunkListPart &part, QByteArray *plain, BankError *error) const;
    // How many index reads listCheckpoints keeps in flight (an object store: several round trips at once).
    virtual int indexReadsInFlight() const { return 1; }

    // ---- checkpoint summaries (FORMAT.md, "Checkpoint summaries") ----
    struct ListedIndex
    {
        QString id;
        QByteArray md5; // hex MD5 of the stored index bytes, where the backend's listing gives it
    };
    // Every index, with its MD5 where the listing gives one (object stores); the default lists ids only.
    virtual bool listIndexes(QList<ListedIndex> *indexes, BankError *error) const;
    // Whether this backend keeps summary objects: where a listing of the indexes also gives their MD5s
    // (an object store). A local folder does not: it reads 1,000 small indexes in milliseconds.
    virtual bool keepsSummaries() const { return false; }
    // Summary objects summaries/<64 hex>, as stored (sealed). Const like reading: they only cache what
    // the indexes say, and a listing may add one. The defaults refuse and list none.
    virtual bool putSummaryObject(const QByteArray &name, const QByteArray &data, BankError *error) const;
    virtual bool getSummaryObject(const QByteArray &name, QByteArray *data, BankError *error) const;
    virtual bool removeSummaryObject(const QByteArray &name, BankError *error) const;
    virtual bool listSummaryObjects(const std::function<bool(const QByteArray &, qint64)> &visit,
                                    BankError *error) const;
    // Merges every summary object into as few as possible (SummaryFormat::MaxEntries each), keeping only
    // entries whose index is listed with the MD5 they name, and removes the objects merged and damaged
    // ones. Safe beside writers, listings and other compactions without a lock (FORMAT.md says why).
    // `removed`: summary objects removed.
    bool compactSummaries(int *removed, BankError *error) const;
    // Reads, opens and checks one summary object (its name is the chunk id of its plain bytes).
    // `version` is the object's format version when it is one of another version.
    bool readSummaryObject(const QByteArray &name, QList<SummaryFormat::Entry> *entries, int *version,
                           BankError *error) const;

    static CheckpointSummary summarize(const CheckpointIndex &index);
    // NotFound: no bank at `location` (open() with createIfMissing() false).
    static BankError missingBankError(const QString &location);
    // Writes `index` (sealed in an encrypted bank) with writeIndex.
    bool storeIndex(const CheckpointIndex &index, BankError *error);
    static QByteArray indexAssociatedData(const QString &checkpointId);
    static QByteArray journalAssociatedData(const QString &key);

protected:
    // For backends' open(): checks bank.json (`json`, read from `path`) and sets keys(), or makes the
    // description of a new bank (its first key file is written here, before bank.json, so a bank.json
    // that says "encrypted" always has a key).
    bool acceptDescription(const QByteArray &json, const QString &path, BankError *error);
    bool createDescription(QByteArray *json, BankError *error);
    // For backends' open() when, after createDescription, another creator's bank.json (`json`, read from
    // `path`) was published first: opens that bank instead (the passphrase given for the new bank must
    // open one of its keys, else WrongPassphrase saying what happened) and removes the key file
    // createDescription wrote, which belongs to no bank (FORMAT.md, "Creating a bank").
    bool adoptRivalDescription(const QByteArray &json, const QString &path, BankError *error);
    // The layout the description accepted or created names (PacksLayout or ChunksLayout).
    QString acceptedLayout() const;
    // For backends' journal: the object/file name (without ".json") and bytes of an entry.
    QString journalKey(const JournalEntry &entry) const;
    QByteArray encodeJournalEntry(const JournalEntry &entry) const;
    bool decodeJournalEntry(const QString &key, const QByteArray &data, JournalEntry *entry, BankError *error) const;

    // Under the exclusive lock: remove every chunk no index names. Refuses if any index is unreadable.
    bool collectGarbageLocked(GcReport *report, BankError *error);
    // Under the exclusive lock: remove every chunk list part not in `named`.
    bool removeUnnamedListParts(const QSet<QByteArray> &named, GcReport *report, BankError *error);

private:
    bool unlock(const QString &bankId, BankError *error);
    // Opens and parses the stored bytes of checkpoint `id`'s index (what checkpoint() does after reading).
    bool openIndex(const QString &id, const QByteArray &stored, CheckpointIndex *index, BankError *error) const;
    // Writes `entries` as summary objects (SummaryFormat::MaxEntries each); the names written in `names`.
    bool writeSummaries(const QList<SummaryFormat::Entry> &entries, QList<QByteArray> *names, BankError *error) const;
    // check()'s part: reads every summary object; damaged ones go to `report->damagedSummaries`.
    bool checkSummaries(CheckReport *report, BankError *error) const;
    bool refuseKeysInPlainBank(const QString &path, BankError *error) const;
    // Under the exclusive lock: removes key files of another bank id, left by a creation of this bank
    // interrupted between its key file and bank.json (no reader uses them).
    bool removeStrayKeyFiles(int *removed, BankError *error);

    mutable std::mutex m_keysMutex;
    std::shared_ptr<const BankKeys> m_keys = BankKeys::plain();
    std::shared_ptr<const BankKeys> m_knownKeys;
    QByteArray m_passphrase;
    QString m_unlockedKeyId;
    QString m_createdKeyId; // the key file createDescription wrote, until bank.json is published
    bool m_encryptNewBank = false;
    bool m_createIfMissing = true;
    QString m_layout = QString::fromLatin1(ChunksLayout);
    double m_repackThreshold = DefaultRepackThreshold;
    mutable std::atomic_bool m_compacting{false}; // one compaction at a time per bank object
};

} // namespace sv
