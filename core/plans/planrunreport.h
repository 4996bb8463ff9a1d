#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

// One server's part of a plan run.
struct PlanServerResult
{
    enum class Result { Succeeded, Failed, Cancelled };
    Result result = Result::Failed;
    QString cloud;
    QString serverId;   // empty when the server could not be found
    QString serverName;
    qint64 bytes = 0;    // the backup's size
    qint64 newBytes = 0; // bytes no earlier backup had
    qint64 durationMs = 0;
    QString checkpointId;
    QString error; // one sentence when not succeeded

    static QString resultName(Result result); // "succeeded", "failed", "cancelled"
    QJsonObject toJson() const;
    static PlanServerResult fromJson(const QJsonObject &json);
};

// The restore test a run made of one of its new backups (Plan::testRestore).
struct PlanRestoreTestResult
{
    // None: the plan tests no restore. Skipped: it does, but this run did not (no backup succeeded, the run
    // was cancelled, …; `message` says why).
    enum class Result { None, Passed, Failed, Skipped };
    Result result = Result::None;
    QString checkpointId; // the backup tested
    QString serverId;     // the server it is a backup of
    QString serverName;
    QString serverCloud;  // that server's cloud
    QString cloud;        // the cloud the test restored it in
    qint64 durationMs = 0;
    bool recorded = false; // the result was recorded on the checkpoint (a test that could not start is not)
    QString message;       // what happened, one sentence or two

    static QString resultName(Result result); // "", "passed", "failed", "skipped"
    QJsonValue toJson() const;                // null for None
    static PlanRestoreTestResult fromJson(const QJsonValue &json);
};

// What one run of a plan did, kept in its run history (PlanHistory).
struct PlanRunReport
{
    // Running: written when the run starts; a report still Running when the plan's lock is free belongs to a
    // run that was killed (Interrupted once the next run has seen it).
    enum class State { Running, Succeeded, Failed, Cancelled, Interrupted };
    QString plan;
    QString runId; // the start time and the process id: unique per plan
    State state = State::Running;
    QDateTime started; // UTC
    QDateTime finished;
    qint64 pid = 0;
    QList<PlanServerResult> servers;
    QStringList problems;  // what kept servers from being backed up at all (a cloud not signed in to, …)
    QStringList notes;     // what the run also did (leftovers swept, an interrupted run found)
    QString retention;     // what the retention step did, or why it did not run
    PlanRestoreTestResult restoreTest;

    static QString stateName(State state);
    static State stateFromName(const QString &name);
    int succeededCount() const;
    int failedCount() const; // failed or cancelled servers
    QJsonObject toJson() const;
    static PlanRunReport fromJson(const QJsonObject &json);
};

// A plan's run history: plan-runs/NAME.json, oldest first, at most MaxRuns runs (older ones are dropped).
// Written only by the process holding the plan's lock (PlanLock).
class PlanHistory
{
public:
    static constexpr int MaxRuns = 100;

    PlanHistory(const QString &runsDirectory, const QString &plan);
    QString filePath() const { return m_path; }

    // A missing file is an empty history.
    bool load(QList<PlanRunReport> *runs, QString *error) const;
    // Adds the report, or replaces the one with the same runId.
    bool record(const PlanRunReport &report, QString *error);
    // Removes the history (when the plan is removed).
    bool remove(QString *error);

private:
    bool save(const QList<PlanRunReport> &runs, QString *error);

    QString m_path;

    Q_DECLARE_TR_FUNCTIONS(sv::PlanHistory)
};

} // namespace sv
