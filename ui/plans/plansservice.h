#pragma once

#include "plans/plan.h"
#include "plans/planrunreport.h"
#include "plans/planscheduler.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace sv {
class BankService;
class CloudSessions;
class JobManager;
class PlanLock;
class PlanRun;
class PlanStore;
class ProfileStore;
} // namespace sv

namespace sv::ui {

// What the Plans view lists for one plan beside its settings: its last run (from the run history) and its
// next scheduled run.
struct PlanOverview
{
    QString name;
    bool hasLastRun = false;
    PlanRunReport lastRun;
    QDateTime nextRun;  // invalid: none (see nextRunWhy)
    QString nextRunWhy; // why there is no next run ("no schedule", systemd's words, …)
    bool scheduleInstalled = false; // a systemd user timer of this plan exists
    bool scheduleUpToDate = false;  // … written for the plan's schedule and the stackvault-cli as they are now
    QString timerState;             // `systemctl --user is-enabled`: "enabled", "disabled", … (systemd runs)
    bool systemdRuns = false;       // a systemd user instance answers
    QString systemdWhy;             // why not
    QString cronLine;               // without systemd: the crontab line that runs the plan (empty: see cronWhy)
    QString cronWhy;
};

// A server of a saved cloud as the plan editor offers it (explicit choice, or a selector's preview).
struct PlanServerChoice
{
    QString id;
    QString name;
    QString status;
    QStringList tags;
};

// The Plans view's link to the core: the saved plans (PlanStore beside the saved clouds), their run
// histories, the servers of a cloud, the next runs of a schedule, "Run now" (the real PlanRun, holding
// the plan's PlanLock) and "Preview retention" (a ForgetJob dry run). Lives on the GUI thread; everything
// that reads the network, waits for a process or reads more than the small plans file answers later by a
// signal, computed on the thread pool or in jobs.
class PlansService : public QObject
{
    Q_OBJECT
public:
    // `profiles`, `sessions` and `banks` must outlive the service. The plans are read at once (a small
    // file, like the saved clouds); loadError() says what went wrong.
    PlansService(ProfileStore *profiles, CloudSessions *sessions, BankService *banks, QObject *parent = nullptr);
    ~PlansService() override;

    QString loadError() const { return m_loadError; }
    PlanStore *store() const { return m_store; }
    QList<Plan> plans() const;
    QStringList cloudNames() const;
    // Where a new plan stores its backups: the backup storage of the settings.
    QString defaultBank() const;

    // Adds the plan (`previousName` empty) or replaces the plan called `previousName`. False with one
    // sentence (Plan::validationError, a taken name, a plan that runs now). An installed schedule follows the
    // edit on the thread pool (rewritten, or removed without a schedule; answered by scheduleChanged()).
    bool savePlan(const QString &previousName, const Plan &plan, QString *error);
    // Removes the plan and its run history (its backups stay). Refused while it runs, and while its
    // schedule is installed (`stackvault-cli plans remove` also removes the systemd units).
    bool removePlan(const QString &name, QString *error);

    // Answered by overviewReady(): every plan's last and next run and its schedule's state.
    // Where schedules are installed and what they run: by default the user's systemd unit folder, systemctl
    // from PATH and the stackvault-cli beside this program (else on PATH). Tests point them elsewhere;
    // std::nullopt goes back to the defaults.
    void setScheduleTools(const std::optional<PlanScheduler::Tools> &tools);
    void requestOverview();
    // Answered by historyReady(): the plan's runs, oldest first.
    void requestHistory(const QString &name);
    // Answered by serversReady() or serversFailed(): the servers of the saved cloud `cloud` (by name).
    void requestServers(const QString &cloud);
    // The next `count` runs of `schedule` after now: systemd's answer for a calendar expression (or any
    // schedule when systemd-analyze is there), StackVault's own for hourly/daily/weekly otherwise.
    // Answered by nextRunsReady() with `requestId`.
    void requestNextRuns(int requestId, const PlanSchedule &schedule, int count);
    // The servers of `servers` that `source` selects, worked out on the thread pool; `done` is called on
    // this thread unless `context` is gone.
    static void selectServers(const QList<PlanServerChoice> &servers, const PlanSource &source, QObject *context,
                              std::function<void(const QList<PlanServerChoice> &)> done);

    // Writes the plan's systemd user service + timer and enables the timer (PlanScheduler, as `stackvault-cli
    // plans schedule install`), or removes them; on the thread pool. Answered by scheduleChanged(), then a
    // new overview. False (nothing started) while one is under way for the plan.
    bool installSchedule(const QString &name);
    bool removeSchedule(const QString &name);
    bool isChangingSchedule(const QString &name) const { return m_scheduling.contains(name); }

    // Starts the plan's run now. False with one sentence when it cannot start (it runs already, here or
    // in another process; the plan is gone). Opening the backup storage may fail later: runFinished() then
    // reports it.
    bool runNow(const QString &name, QString *error);
    void cancelRun(const QString &name);
    void cancelAllRuns();
    bool isRunning(const QString &name) const;
    int runningCount() const { return int(m_runs.size()); }
    QStringList runningPlans() const; // sorted
    // What the running plan's report holds so far (empty report when it does not run).
    PlanRunReport runningReport(const QString &name) const;

    // What the plan's retention policy would keep and remove now, with the reasons; deletes nothing.
    // Answered by retentionPreviewReady() (ForgetJob's result data) or retentionPreviewFailed().
    void previewRetention(const QString &name);

Q_SIGNALS:
    void plansChanged();
    void overviewReady(const QList<sv::ui::PlanOverview> &plans);
    void historyReady(const QString &name, const QList<sv::PlanRunReport> &runs, const QString &error);
    void serversReady(const QString &cloud, const QList<sv::ui::PlanServerChoice> &servers, bool tagsShown);
    void serversFailed(const QString &cloud, const QString &message);
    void nextRunsReady(int requestId, const QList<QDateTime> &runs, const QString &why);
    void scheduleChanged(const QString &name, bool installing, const sv::PlanScheduler::Outcome &outcome);
    void runStarted(const QString &name);
    // A job manager of a running plan (its backups, a sweep, its retention step): the jobs dock shows it.
    void runJobsCreated(const QString &name, sv::JobManager *jobs);
    void runProgressed(const QString &name); // a server finished, a note or a problem
    void runFinished(const QString &name, const sv::PlanRunReport &report);
    void retentionPreviewReady(const QString &name, const QJsonObject &result);
    void retentionPreviewFailed(const QString &name, const QString &message);

private:
    struct Running
    {
        QPointer<PlanRun> run;
        std::shared_ptr<PlanLock> lock;
        PlanRunReport report; // what is known before the run starts (the storage failing to open)
    };
    void finishWithoutRun(const QString &name, const QString &problem);
    bool changeSchedule(const QString &name, bool install);
    // Whether the plan's systemd user timer is installed (PlanScheduler::isInstalled). Asked of the disk (one
    // stat of a local file, in calls that write the plans file anyway), not taken from the last overview: that
    // may predate a `stackvault-cli plans schedule install`, and a plan removed under its installed timer
    // would leave a timer that runs a plan that is gone.
    bool scheduleInstalled(const QString &name) const;
    void followInstalledSchedule(const Plan &plan);

    ProfileStore *m_profiles;
    CloudSessions *m_sessions;
    BankService *m_banks;
    PlanStore *m_store;
    QString m_loadError;
    QHash<QString, Running> m_runs; // by plan name
    JobManager *m_previewJobs;      // retention previews (dry runs)
    std::optional<PlanScheduler::Tools> m_scheduleTools; // unset: PlanScheduler::defaultTools, worked out on the pool
    QSet<QString> m_scheduling;     // plans whose schedule is being installed or removed
    // Overviews and histories are read on the pool and may come back out of order: one asked for earlier
    // (before a plan was saved, a run ended) must not replace a newer one.
    struct Newest
    {
        quint64 asked = 0;
        quint64 shown = 0;
        quint64 ask() { return ++asked; }
        bool isNewest(quint64 answer)
        {
            if (answer < shown)
                return false;
            shown = answer;
            return true;
        }
    };
    Newest m_overviews;
    QHash<QString, Newest> m_histories; // per plan
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::PlanOverview)
Q_DECLARE_METATYPE(sv::ui::PlanServerChoice)
Q_DECLARE_METATYPE(sv::PlanScheduler::Outcome)
