#pragma once

#include "plans/plan.h"
#include "jobs/jobmanager.h"
#include "plans/planrunreport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace sv {

class Bank;
class CloudSessions;
class JobManager;
struct JobResult;
namespace openstack {
class Session;
struct Server;
} // namespace openstack

// One run of a plan (`stackvault-cli plans run`): for each of the plan's clouds in turn it signs in, removes
// what interrupted backups left on that cloud (LeftoverSweep), and lists the servers to evaluate the plan's
// selectors (so new servers are picked up); then it backs up every selected server, at most
// plan.parallelism at once (one BackupJob each, on a JobManager), and records a report per server in the
// plan's run history. A server that fails does not stop the others. Then it applies the plan's retention
// policy to the checkpoints this plan made (ForgetJob: delete + garbage collection), unless cancelled. When the
// plan tests restores (Plan::testRestore), it then restore-tests one backup this run made (TestRestoreJob, the
// result recorded on the checkpoint and in report().restoreTest; a failed test fails the run): of the servers
// backed up now, the one whose backups this plan tested longest ago (never tested first; among equals, the
// backup that finished last), so one test per run still reaches every server in turn. The caller holds the plan's PlanLock
// for the whole run. Lives on the main (GUI or CLI) thread; never blocks it.
class PlanRun : public QObject
{
    Q_OBJECT
public:
    PlanRun(Plan plan, std::shared_ptr<Bank> bank, CloudSessions *sessions, const QString &runsDirectory,
            QObject *parent = nullptr);
    ~PlanRun() override;

    void start();
    // Stops selecting servers, cancels the running backups (each deletes its temporary snapshots) and
    // finishes with the state Cancelled.
    void cancel();
    const PlanRunReport &report() const { return m_report; }

Q_SIGNALS:
    // A sentence worth showing as it happens (also kept in report().notes or report().problems).
    void note(const QString &sentence);
    void problem(const QString &sentence);
    void serverStarted(const QString &cloud, const QString &serverName);
    void serverFinished(const sv::PlanServerResult &result);
    void finished(const sv::PlanRunReport &report);
    // A JobManager the run made (its backups; a sweep; the retention step), before its first job is
    // queued: the desktop app shows its jobs in the jobs dock. It lives no longer than the run.
    void jobsCreated(sv::JobManager *jobs);

private:
    struct Target
    {
        QString cloud;
        QString serverId;
        QString serverName;
        std::shared_ptr<openstack::Session> session;
    };

    void recordInterruptedRuns();
    void prepareCloud(qsizetype index);
    void selectServers(qsizetype index, const std::shared_ptr<openstack::Session> &session);
    void selectAllProjects(qsizetype index, const std::shared_ptr<openstack::Session> &session);
    void addProblem(const QString &sentence);
    void addNote(const QString &sentence);
    void startBackups();
    void onBackupFinished(int jobId, const JobResult &result);
    void finishRun();
    void applyRetention();
    void startRestoreTest();
    void restoreTestFinished(const JobResult &result);
    void saveReport();

    Plan m_plan;
    std::shared_ptr<Bank> m_bank;
    QPointer<CloudSessions> m_sessions;
    QString m_runsDirectory;
    QStringList m_clouds; // the plan's clouds, in order
    QList<Target> m_targets;
    JobManager *m_jobs = nullptr;
    QHash<int, Target> m_running;            // job id → what it backs up
    QHash<int, QElapsedTimer> m_startedAt;   // job id → since its first progress (it left the queue)
    int m_remaining = 0;
    // Where the run stands; finishRun() moves it on when the stage's work has ended. The retention step
    // (ForgetJob) and the restore test each run at most once, in this order, after the backups.
    enum class Stage { BackingUp, ApplyingRetention, TestingRestore, Finished };
    Stage m_stage = Stage::BackingUp;
    JobManager *m_testJobs = nullptr;
    QElapsedTimer m_testClock;
    QList<PlanRunReport> m_history; // the earlier runs, as the run found them
    bool m_cancelled = false;
    PlanRunReport m_report;
};

} // namespace sv
