#include "bank/chunkstaging.h"

#include "bank/bank.h"

namespace sv {

ChunkStaging::Holder::~Holder() = default;

ChunkStaging::ChunkStaging(Bank *bank)
    : m_bank(bank)
{
}

ChunkStaging::Claim ChunkStaging::claim(const QByteArray &name, Holder *holder, quint64 epoch, qint64 *storedSize)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto it = m_entries.find(name);
        if (it == m_entries.end()) {
            // Published and let go of since the caller asked the bank: it may be there now.
            if (epoch != m_epoch.load())
                return Claim::Recheck;
            Entry entry;
            entry.owner = holder;
            entry.holders.append(holder);
            m_entries.insert(name, entry);
            m_held[holder].append(name);
            return Claim::Stage;
        }
        if (it->pending) {
            // Another writer is compressing and staging it (a few milliseconds): wait for its size, or
            // for it to give up (then claim it here).
            m_resolved.wait(lock);
            continue;
        }
        it->holders.append(holder);
        m_held[holder].append(name);
        *storedSize = it->storedSize;
        return Claim::Reference;
    }
}

void ChunkStaging::staged(const QByteArray &name, const QString &token, qint64 bytes, qint64 storedSize)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(name);
        if (it == m_entries.end())
            return;
        it->token = token;
        it->bytes = bytes;
        it->storedSize = storedSize;
        it->pending = false;
    }
    m_resolved.notify_all();
}

void ChunkStaging::abandon(const QByteArray &name)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(name);
        if (it == m_entries.end())
            return;
        // Only its owner holds a pending entry (others wait for it to be staged).
        for (Holder *holder : std::as_const(it->holders))
            m_held[holder].removeOne(name);
        m_entries.erase(it);
    }
    m_resolved.notify_all();
}

bool ChunkStaging::publish(Holder *holder, BankError *error)
{
    QList<Bank::StagedChunk> chunks;
    {
        std::lock_guard lock(m_mutex);
        for (const QByteArray &name : m_held.value(holder)) {
            const auto it = m_entries.constFind(name);
            if (it != m_entries.cend() && !it->published && !it->pending)
                chunks.append(Bank::StagedChunk{name, it->token});
        }
    }
    // Another holder may publish the same chunks at once: the bank's publishChunks allows that.
    if (!chunks.isEmpty() && !m_bank->publishChunks(chunks, error))
        return false; // the caller discards
    if (m_bank->packStore()) {
        // A pack or index write that failed is reported to the one publish that runs into it: another
        // writer's chunks in that pack are lost too (cheap to look up: the pack index is in memory).
        for (const Bank::StagedChunk &chunk : std::as_const(chunks)) {
            qint64 size = 0;
            if (!m_bank->chunkInfo(chunk.name, &size)) {
                *error = BankError::make(BankError::Code::Io,
                                         QStringLiteral("Chunk %1 is not in the backup storage %2: writing it "
                                                        "failed in another backup running at the same time. "
                                                        "Run the backup again.")
                                             .arg(QString::fromLatin1(chunk.name), m_bank->location()));
                return false;
            }
        }
    }
    std::lock_guard lock(m_mutex);
    ++m_epoch;
    for (const Bank::StagedChunk &chunk : std::as_const(chunks)) {
        if (const auto it = m_entries.find(chunk.name); it != m_entries.end())
            it->published = true;
    }
    for (const QByteArray &name : m_held.take(holder)) {
        const auto it = m_entries.find(name);
        if (it == m_entries.end())
            continue;
        it->holders.removeOne(holder);
        if (it->holders.isEmpty())
            m_entries.erase(it);
        else if (it->owner == holder)
            it->owner = nullptr; // counted as new by a writer that finished: nothing to hand over
    }
    return true;
}

void ChunkStaging::discard(Holder *holder)
{
    QList<Bank::StagedChunk> dropped;
    {
        std::lock_guard lock(m_mutex);
        for (const QByteArray &name : m_held.take(holder)) {
            const auto it = m_entries.find(name);
            if (it == m_entries.end())
                continue;
            it->holders.removeOne(holder);
            if (it->holders.isEmpty()) {
                if (!it->published)
                    dropped.append(Bank::StagedChunk{name, it->token});
                m_entries.erase(it);
            } else if (it->owner == holder) {
                // Another writer's checkpoint names it: its copy is that writer's to publish now, and new
                // bytes of that writer (it counted them as stored by reference so far).
                it->owner = it->holders.first();
                it->owner->tookOver(it->bytes, it->storedSize);
            }
        }
    }
    m_bank->discardChunks(dropped);
}

int ChunkStaging::entryCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

} // namespace sv
