#pragma once

#include "bank/journalentry.h"
#include "jobs/job.h"

#include <QHash>

#include <memory>

namespace sv {

class Bank;
namespace openstack {
class Connection;
class Session;
} // namespace openstack

// Deletes the temporary snapshots that the bank's journal still names — left by a backup whose
// process died — and then their journal entries. Run at start-up (design.md "Backup flow", step 8).
// Entries of clouds without a session (no profile, no secret) are kept for a later sweep.
class SweepJob : public Job
{
    Q_OBJECT
public:
    // `sessions` by cloud profile id.
    SweepJob(std::shared_ptr<Bank> bank, QHash<QString, std::shared_ptr<openstack::Session>> sessions,
             QObject *parent = nullptr);

protected:
    void run() override;

private:
    void next();

    std::shared_ptr<Bank> m_bank;
    QHash<QString, std::shared_ptr<openstack::Session>> m_sessions;
    QHash<QString, openstack::Connection *> m_connections;
    QList<JournalEntry> m_pending;
    int m_deleted = 0;
    QStringList m_problems;
};

} // namespace sv
