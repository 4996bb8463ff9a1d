#include "protection/sweepjob.h"

#include "bank/bank.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/session.h"
#include "protection/protectionlog.h"

namespace sv {

SweepJob::SweepJob(std::shared_ptr<Bank> bank, QHash<QString, std::shared_ptr<openstack::Session>> sessions,
                   QObject *parent)
    : Job(tr("Remove leftover temporary snapshots"), parent)
    , m_bank(std::move(bank))
    , m_sessions(std::move(sessions))
{
}

void SweepJob::run()
{
    setStage(JobStage::CleaningUp);
    BankError error;
    if (!m_bank->journalEntries(&m_pending, &error))
        return fail(error.message, error.path);
    next();
}

void SweepJob::next()
{
    if (isCancelled())
        return finishCancelled();
    if (m_pending.isEmpty()) {
        JobResult result{m_problems.isEmpty() ? JobOutcome::Succeeded : JobOutcome::Failed,
                         m_problems.isEmpty()
                             ? tr("%n leftover temporary snapshot(s) removed.", nullptr, m_deleted)
                             : tr("%n temporary snapshot(s) could not be removed yet; StackVault will try again.",
                                  nullptr, int(m_problems.size())),
                         m_problems.join(QLatin1Char('\n')),
                         {{QStringLiteral("deleted"), m_deleted}, {QStringLiteral("kept"), int(m_problems.size())}}};
        return finish(result);
    }
    const JournalEntry entry = m_pending.takeFirst();
    const auto session = m_sessions.value(entry.cloudProfileId);
    if (!session) {
        m_problems.append(tr("Snapshot %1 (backup %2) belongs to a cloud that is not available now.")
                              .arg(entry.imageId, entry.checkpointId));
        return next();
    }
    openstack::Connection *&connection = m_connections[entry.cloudProfileId];
    if (!connection)
        connection = new openstack::Connection(session, this);
    auto *job = new openstack::DeleteImageJob(connection, entry.imageId, this);
    connect(job, &openstack::ApiJob::finished, this, [this, entry](const openstack::Error &error) {
        if (error) {
            m_problems.append(tr("Snapshot %1: %2").arg(entry.imageId, error.message));
            return next();
        }
        BankError bankError;
        if (!m_bank->removeJournalEntry(entry, &bankError))
            m_problems.append(bankError.message);
        else
            ++m_deleted;
        qCInfo(lcProtection) << "swept temporary snapshot" << entry.imageId << "of checkpoint" << entry.checkpointId;
        next();
    });
    job->start();
}

} // namespace sv
