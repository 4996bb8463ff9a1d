#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace sv {

class Bank;
struct BankError;

// The chunks that the writers (ImageWriter) of one bank object have staged and not yet published
// (Bank::stageChunk), so that writers running at once (a plan run's jobs share one bank object) store a
// new chunk once and count it once. A writer that meets a chunk another writer is staging or has staged
// waits for that copy to be staged and then references it, like a chunk already in the bank: it is new
// for exactly one writer, the one whose copy is kept. The chunks a writer references are published with
// its own (it may finish first), and a writer that is cancelled or fails before publishing hands the
// chunks others reference over to one of them (Holder::tookOver), which then publishes them and counts
// them as its new chunks: giving up never takes away a chunk another writer's checkpoint needs.
//
// Thread-safe. Writers in other processes, or with another bank object, are not seen: they may store a
// chunk again, which is harmless (FORMAT.md).
class ChunkStaging
{
public:
    class Holder
    {
    public:
        virtual ~Holder();
        // A chunk this holder referenced (counted as stored by reference) is its own now: the writer whose
        // copy it is gave it up before publishing. `bytes` uncompressed, `storedBytes` as stored. Called
        // with the staging lock held: touch nothing but the holder's own counters.
        virtual void tookOver(qint64 bytes, qint64 storedBytes) = 0;
    };

    enum class Claim {
        Stage,     // the caller stages the chunk (stageChunk), then calls staged() or abandon()
        Reference, // another writer's copy: `*storedSize` is its stored size
        Recheck,   // chunks were published since `epoch`: ask the bank (chunkInfo) again, then claim again
    };

    explicit ChunkStaging(Bank *bank);
    ChunkStaging(const ChunkStaging &) = delete;
    ChunkStaging &operator=(const ChunkStaging &) = delete;

    // Read before asking the bank whether a chunk exists (Bank::chunkInfo); passed to claim().
    quint64 epoch() const { return m_epoch.load(); }
    // For a chunk the bank does not have (as of `epoch`). Waits while another writer is staging it.
    Claim claim(const QByteArray &name, Holder *holder, quint64 epoch, qint64 *storedSize);
    void staged(const QByteArray &name, const QString &token, qint64 bytes, qint64 storedSize);
    void abandon(const QByteArray &name); // the claimed chunk could not be staged
    // Publishes (Bank::publishChunks) every chunk `holder` staged or references that is not published yet,
    // and lets go of them.
    bool publish(Holder *holder, BankError *error);
    // Lets go of `holder`'s chunks: the ones no other writer holds are discarded (Bank::discardChunks), the
    // others handed over.
    void discard(Holder *holder);

    int entryCount() const; // chunks staged by writers still running (tests)

private:
    struct Entry
    {
        Holder *owner = nullptr;
        QList<Holder *> holders; // the owner first; a few at most
        QString token;           // Bank::StagedChunk::token
        qint64 bytes = 0;
        qint64 storedSize = 0;
        bool pending = true;    // claimed, being staged
        bool published = false; // by one of its holders; kept until every holder let go
    };

    Bank *m_bank;
    mutable std::mutex m_mutex;
    std::condition_variable m_resolved;
    QHash<QByteArray, Entry> m_entries;
    QHash<Holder *, QList<QByteArray>> m_held;
    std::atomic<quint64> m_epoch{0};
};

} // namespace sv
