#pragma once

#include "bank/bank.h"
#include "bank/objectstore.h"

#include <chrono>
#include <memory>

namespace sv {

// A bank in an object store (FORMAT.md, "Swift bank"; an S3 bank stores the same objects): the same
// names as the local layout, as objects: bank.json, chunks/<2 hex>/<64 hex>, checkpoints/<id>.json,
// journal/<key>.json, keys/<id>, plus summaries/<64 hex> summary objects and locks/<mode>-<uuid> lock objects (object stores have no flock). The bank
// logic lives here once; a subclass only supplies the ObjectStore that speaks its protocol.
class PackStore;

class ObjectStoreBank : public Bank
{
public:
    // Pack uploads in flight at once (each up to ~16 MiB in memory): latency no longer sets the speed.
    static constexpr int PackUploadsInFlight = 4;
    // Ranged GETs a restore keeps in flight (each up to one chunk, ≤ 4 MiB, in memory; 2 per thread).
    static constexpr int ChunkReadsInFlight = 6;
    int readsInFlight() const override { return ChunkReadsInFlight; }

    static constexpr int ListPageSize = 1000;
    using Listed = ObjectStore::Listed;

    explicit ObjectStoreBank(std::unique_ptr<ObjectStore> store);
    ~ObjectStoreBank() override;
    ObjectStoreBank(const ObjectStoreBank &) = delete;
    ObjectStoreBank &operator=(const ObjectStoreBank &) = delete;

    bool open(BankError *error) override;
    QString location() const override;

    PackStore *packStore() const override { return m_packs.get(); }

    bool chunkInfo(const QByteArray &name, qint64 *storedSize) const override;
    // An object PUT is atomic and durable once answered, and a chunk's name is its content's hash, so
    // staging writes the chunk under its final name; publishing has nothing left to do, and discarding
    // leaves the chunks to garbage collection (another writer may already have deduplicated against them).
    bool stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged,
                    BankError *error) override;
    bool publishChunks(const QList<StagedChunk> &staged, BankError *error) override;
    void discardChunks(const QList<StagedChunk> &staged) override;
    bool getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const override;
    bool removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error) override;
    bool listChunks(const std::function<bool(const QByteArray &, qint64)> &visit,
                    BankError *error) const override;
    bool syncChunks(const QList<QByteArray> &names, BankError *error) override;
    bool writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error) override;
    bool readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const override;
    bool removeIndex(const QString &checkpointId, BankError *error) override;
    bool listIndexIds(QStringList *ids, BankError *error) const override;
    bool putListPart(const QByteArray &name, const QByteArray &data, BankError *error) override;
    bool getListPart(const QByteArray &name, QByteArray *data, BankError *error) const override;
    bool removeListPart(const QByteArray &name, BankError *error) override;
    bool listListParts(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const override;
    // A listing gives each index's MD5 (Swift's hash, S3's ETag), so summary objects can be checked
    // against the indexes without reading them (FORMAT.md, "Checkpoint summaries").
    bool listIndexes(QList<ListedIndex> *indexes, BankError *error) const override;
    bool keepsSummaries() const override { return true; }
    bool putSummaryObject(const QByteArray &name, const QByteArray &data, BankError *error) const override;
    bool getSummaryObject(const QByteArray &name, QByteArray *data, BankError *error) const override;
    bool removeSummaryObject(const QByteArray &name, BankError *error) const override;
    bool listSummaryObjects(const std::function<bool(const QByteArray &, qint64)> &visit,
                            BankError *error) const override;
    // Indexes are read several at once by listCheckpoints.
    static constexpr int IndexReadsInFlight = 16;
    int indexReadsInFlight() const override { return IndexReadsInFlight; }
    std::unique_ptr<BankLock> lock(BankLock::Mode mode, int timeoutMs, BankError *error) const override;
    bool removeStaleTemporaries(int *removed, BankError *error) override;

    bool writeKeyFile(const QString &id, const QByteArray &data, BankError *error) override;
    bool readKeyFile(const QString &id, QByteArray *data, BankError *error) const override;
    bool removeKeyFile(const QString &id, BankError *error) override;
    bool listKeyFileIds(QStringList *ids, BankError *error) const override;

    bool addJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool removeJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool journalEntries(QList<JournalEntry> *entries, BankError *error) const override;

    // A lock object not refreshed for this long belongs to a dead process and is ignored (and
    // removed). Holders refresh theirs every ttl/4 from a thread of their own.
    void setLockTtl(std::chrono::seconds ttl) { m_lockTtl = ttl; }
    std::chrono::seconds lockTtl() const { return m_lockTtl; }

    static QString chunkObject(const QByteArray &name);
    static QString indexObject(const QString &checkpointId);

    // ---- raw object access (blocking, for the primitives, the lock and tests) ----
    const ObjectStore &store() const { return *m_store; }
    bool putObject(const QString &object, const QByteArray &data, BankError *error) const;
    bool getObject(const QString &object, QByteArray *data, BankError *error) const;
    bool deleteObject(const QString &object, bool *existed, BankError *error) const;
    bool headObject(const QString &object, qint64 *size, BankError *error) const;
    // Every object under `prefix`, page by page (ListPageSize names per request); `visit` returning
    // false stops. `serverTime`: the store's clock (of the last page), to age lock objects by.
    bool listObjects(const QString &prefix, const std::function<bool(const Listed &)> &visit, BankError *error,
                     QDateTime *serverTime = nullptr) const;

private:
    class PackObjects;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<PackObjects> m_packObjects;
    std::unique_ptr<PackStore> m_packs; // set by open() for layout "packs-v1"
    std::shared_ptr<const BankKeys> m_packKeys; // the keys m_packs seals with
    std::chrono::seconds m_lockTtl{600};
};

} // namespace sv
