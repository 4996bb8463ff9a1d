#pragma once

#include "bank/banklock.h"
#include "bank/checkpointindex.h"
#include "bank/journalentry.h"
#include "jobs/job.h"
#include "openstack/error.h"
#include "protection/restorejob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

namespace sv {

namespace openstack {
class ApiJob;
class Connection;
} // namespace openstack

struct TestRestoreRequest
{
    // What to restore and where (session, bank, checkpoint, flavor, networks, ...). serverName is
    // replaced by a scratch name ("stackvault-restore-test-<checkpoint>-<random>"); keepJournaled is set.
    RestoreRequest restore;
    // Text the server's console log must show (e.g. "login:"); empty: ACTIVE is enough.
    QString marker;
    std::chrono::seconds markerTimeout{600};
    // The console log is read first after `initial`, then each time half as long again, up to `max`.
    openstack::PollInterval consolePoll{std::chrono::seconds(2), std::chrono::seconds(30)};
};

// "Prove it boots" (issue #16): restores a checkpoint with RestoreJob under a scratch name in the
// target cloud, waits for ACTIVE and, when a marker is given, for the marker in the server's console log
// (os-getConsoleOutput, polled with backoff until markerTimeout); then deletes the server, its volumes
// and its image whatever happened (success, failure, cancel), and records the result and date in the
// checkpoint's index (`restore_test`, Bank::recordRestoreTest). Everything it makes stays in the bank's
// journal until deleted, so the start-up sweep removes it after a crash. A restore that fails before
// it made anything (no such flavor, a missing key pair, ...) fails the job without recording a result:
// the backup was not tested. Cancelled: nothing is recorded. The job succeeds exactly when the test
// passed.
class TestRestoreJob : public Job
{
    Q_OBJECT
public:
    explicit TestRestoreJob(TestRestoreRequest request, QObject *parent = nullptr);
    ~TestRestoreJob() override;

    static QString scratchNamePrefix() { return QStringLiteral("stackvault-restore-test-"); }

protected:
    void run() override;
    void onCancel() override;

private:
    void restored(const JobResult &result);
    void pollConsole();
    void scheduleConsolePoll();
    // The test's verdict is known: remove what was made, record, finish.
    void conclude(bool passed, const QString &message, const QString &details = {});
    void cleanUp();
    void removeVolume(int index);
    void concluded();
    void cancelTest();
    void unjournal(const JournalEntry &entry);
    JournalEntry keptEntry(const QString &kind) const;
    QString cloudName() const;

    TestRestoreRequest m_request;
    QString m_scratchName;
    QPointer<RestoreJob> m_restore;
    bool m_restoreMadeSomething = false; // the restore got past its checks
    openstack::Connection *m_connection = nullptr;
    QPointer<openstack::ApiJob> m_console;
    QTimer *m_pollTimer = nullptr;
    std::chrono::milliseconds m_pollInterval{0};
    QElapsedTimer m_markerClock;
    QString m_lastConsoleLine;
    QString m_lastConsoleError;
    int m_consoleReads = 0;
    // What the scratch restore made, still journaled.
    QList<JournalEntry> m_kept;
    QString m_serverId;
    QString m_imageId;
    QStringList m_volumeIds;
    bool m_concluding = false;
    bool m_cancelledDuringTest = false;
    bool m_passed = false;
    bool m_record = true;
    QString m_message;
    QString m_details;
    QVariantMap m_data;
    QStringList m_cleanupProblems;
    std::unique_ptr<BankLock> m_bankLock;
};

} // namespace sv
