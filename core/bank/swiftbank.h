#pragma once

#include "bank/bank.h"

#include <QDateTime>

#include <chrono>
#include <memory>

class QObject;
class QThread;

namespace sv::openstack {
class ApiJob;
class Connection;
class Session;
struct Error;
} // namespace sv::openstack

namespace sv {

// A bank in a Swift container (FORMAT.md, "Swift bank"): the same names as the local layout, as
// objects: bank.json, chunks/<2 hex>/<64 hex>, checkpoints/<id>.json, journal/<key>.json, plus
// locks/<mode>-<uuid> lock objects (Swift has no flock).
//
// Threading: the Bank interface is blocking and called on worker threads, while OpenStack jobs are
// asynchronous on their Connection's thread. The SwiftBank owns one I/O thread with its own
// Connection (over the shared Session, so one token for the whole cloud); every primitive is posted
// there as one job and the calling thread waits on a future. No nested event loop anywhere; calling
// a primitive from the I/O thread itself is refused (it would deadlock).
class SwiftBank : public Bank
{
public:
    static constexpr int ListPageSize = 1000;

    SwiftBank(std::shared_ptr<openstack::Session> session, QString container);
    ~SwiftBank() override;
    SwiftBank(const SwiftBank &) = delete;
    SwiftBank &operator=(const SwiftBank &) = delete;

    // "swift:CLOUD/CONTAINER" -> cloud profile name and container. False if `spec` is not of that form.
    static bool parseSpec(const QString &spec, QString *cloudName, QString *container);
    static bool isSwiftSpec(const QString &spec);

    bool open(BankError *error) override;
    QString location() const override;
    const QString &container() const { return m_container; }

    bool chunkInfo(const QByteArray &name, qint64 *storedSize) const override;
    // A Swift PUT is atomic and durable once answered 201, and a chunk's name is its content's hash, so
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
    // removed). Holders refresh theirs every ttl/4 from the I/O thread.
    void setLockTtl(std::chrono::seconds ttl) { m_lockTtl = ttl; }
    std::chrono::seconds lockTtl() const { return m_lockTtl; }

    static QString chunkObject(const QByteArray &name);
    static QString indexObject(const QString &checkpointId);

    // ---- raw object access (blocking, for the primitives, the lock and tests) ----
    struct Listed
    {
        QString name;
        qint64 bytes = 0;
        QDateTime lastModified;
    };
    bool putObject(const QString &object, const QByteArray &data, BankError *error) const;
    bool getObject(const QString &object, QByteArray *data, BankError *error) const;
    bool deleteObject(const QString &object, bool *existed, BankError *error) const;
    bool headObject(const QString &object, qint64 *size, BankError *error) const;
    // Every object under `prefix`, page by page (limit/marker); `visit` returning false stops.
    // `serverTime`: the object store's clock (Date header of the last page), to age lock objects by.
    bool listObjects(const QString &prefix, const std::function<bool(const Listed &)> &visit, BankError *error,
                     QDateTime *serverTime = nullptr) const;

private:
    struct Outcome;
    using JobFactory = std::function<openstack::ApiJob *(openstack::Connection *)>;
    using Collector = std::function<void(openstack::ApiJob *, Outcome &)>;
    // Runs one job on the I/O thread and waits for it.
    Outcome call(const JobFactory &make, const Collector &collect) const;
    BankError toBankError(const openstack::Error &error, const QString &object) const;

    friend class SwiftLock;
    std::shared_ptr<openstack::Session> m_session;
    QString m_container;
    std::chrono::seconds m_lockTtl{600};
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread; parent of the connection
    openstack::Connection *m_connection = nullptr;
};

} // namespace sv
