#include "plans/plansservice.h"

#include "common/uilog.h"
#include "jobs/jobmanager.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "plans/planlock.h"
#include "plans/planrun.h"
#include "plans/planstore.h"
#include "plans/planunits.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "protection/bankservice.h"
#include "protection/forgetjob.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSet>
#include <QStandardPaths>
#include <QThreadPool>
#include <QVersionNumber>

namespace sv::ui {

namespace {

// Runs `work` on the thread pool and `done` with its result on the thread of `context` (unless it is gone).
template<typename Result>
void onPool(QObject *context, std::function<Result()> work, std::function<void(const Result &)> done)
{
    const QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)] {
        Result result = work();
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done, result = std::move(result)] {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    });
}

// The tools set, or the default ones: the stackvault-cli beside this program, else on PATH. Looks at the
// disk: the pool only.
PlanScheduler::Tools resolvedTools(const std::optional<PlanScheduler::Tools> &tools)
{
    if (tools)
        return *tools;
    QString program = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("stackvault-cli"));
    if (!QFileInfo(program).isExecutable())
        program = QStandardPaths::findExecutable(QStringLiteral("stackvault-cli"));
    return PlanScheduler::defaultTools(program);
}

// As `stackvault-cli plans list`: systemd's answer when systemd-analyze is there, else StackVault's own
// for hourly/daily/weekly. Blocks on a process: the pool only.
QDateTime nextRunAfter(const PlanSchedule &schedule, const QDateTime &after, QString *why)
{
    if (schedule.isNone()) {
        *why = PlansService::tr("runs only when started by hand");
        return {};
    }
    bool missingTool = false;
    const QDateTime fromSystemd = PlanSchedule::nextRunFromSystemd(schedule.onCalendar(), why, &missingTool, after);
    if (fromSystemd.isValid() || !missingTool)
        return fromSystemd;
    const QDateTime own = schedule.nextRun(after.toLocalTime());
    if (own.isValid())
        why->clear();
    return own;
}

} // namespace

PlansService::PlansService(ProfileStore *profiles, CloudSessions *sessions, BankService *banks, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_sessions(sessions)
    , m_banks(banks)
    , m_store(new PlanStore(QFileInfo(profiles->filePath()).absolutePath(), this))
    , m_previewJobs(new JobManager(this))
{
    qRegisterMetaType<sv::ui::PlanOverview>();
    qRegisterMetaType<sv::ui::PlanServerChoice>();
    qRegisterMetaType<sv::PlanRunReport>();
    qRegisterMetaType<sv::PlanScheduler::Outcome>();
    connect(m_store, &PlanStore::plansChanged, this, &PlansService::plansChanged);
    if (!m_store->load(&m_loadError) && m_loadError.isEmpty())
        m_loadError = tr("The saved plans could not be read.");
}

PlansService::~PlansService()
{
    for (const Running &running : std::as_const(m_runs)) {
        if (running.run)
            running.run->cancel();
    }
}

QList<Plan> PlansService::plans() const
{
    return m_store->plans();
}

QStringList PlansService::cloudNames() const
{
    QStringList names;
    const QList<CloudProfile> profiles = m_profiles->profiles();
    for (const CloudProfile &profile : profiles)
        names.append(profile.name);
    return names;
}

QString PlansService::defaultBank() const
{
    return AppSettings::instance()->bankLocation();
}

bool PlansService::savePlan(const QString &previousName, const Plan &plan, QString *error)
{
    if (!previousName.isEmpty() && isRunning(previousName)) {
        *error = tr("Plan %1 is running: change it when its run has ended.").arg(previousName);
        return false;
    }
    if (const QString problem = BankService::locationError(plan.bank); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (previousName.isEmpty())
        return m_store->add(plan, cloudNames(), error);
    if (previousName != plan.name && scheduleInstalled(previousName)) {
        *error = tr("Plan %1 has its schedule installed under its name: remove it first (Remove Schedule), then "
                    "rename the plan.")
                     .arg(previousName);
        return false;
    }
    if (!m_store->update(previousName, plan, cloudNames(), error))
        return false;
    if (previousName != plan.name) {
        // The history follows the plan's name.
        const QDir runs(m_store->runsDirectory());
        const QString from = PlanHistory(runs.path(), previousName).filePath();
        if (QFile::exists(from) && !QFile::rename(from, PlanHistory(runs.path(), plan.name).filePath()))
            qCWarning(lcUi) << "the run history of plan" << previousName << "was not renamed to" << plan.name;
    } else {
        followInstalledSchedule(plan);
    }
    return true;
}

void PlansService::followInstalledSchedule(const Plan &plan)
{
    // An installed schedule follows an edit, as `plans edit` does: its units rewritten when they no longer
    // say what the plan writes now, removed when the plan has no schedule any more. Answered like Install /
    // Remove Schedule (scheduleChanged, then an overview) when something was done.
    const QString name = plan.name;
    if (m_scheduling.contains(name))
        return; // an install or removal under way reads the plan as saved now
    m_scheduling.insert(name);
    onPool<PlanScheduler::Followed>(this, [plan, tools = m_scheduleTools] {
        return PlanScheduler(resolvedTools(tools)).follow(plan);
    }, [this, name](const PlanScheduler::Followed &followed) {
        m_scheduling.remove(name);
        if (!followed.done)
            return;
        Q_EMIT scheduleChanged(name, followed.installing, followed.outcome);
        requestOverview();
    });
}

bool PlansService::removePlan(const QString &name, QString *error)
{
    if (isRunning(name)) {
        *error = tr("Plan %1 is running: cancel its run first.").arg(name);
        return false;
    }
    if (scheduleInstalled(name)) {
        *error = tr("Plan %1 has its schedule installed (a systemd user timer): remove the schedule first "
                    "(Remove Schedule), then the plan.")
                     .arg(name);
        return false;
    }
    const auto lock = PlanLock::tryAcquire(m_store->runsDirectory(), name, error);
    if (!lock)
        return false;
    if (!m_store->remove(name, error))
        return false;
    if (!PlanHistory(m_store->runsDirectory(), name).remove(error))
        return false;
    QFile::remove(QDir(m_store->runsDirectory()).filePath(name + QStringLiteral(".lock")));
    return true;
}

void PlansService::setScheduleTools(const std::optional<PlanScheduler::Tools> &tools)
{
    m_scheduleTools = tools;
}

bool PlansService::scheduleInstalled(const QString &name) const
{
    // The unit folder is all isInstalled() needs: no PATH search for systemctl and stackvault-cli here.
    PlanScheduler::Tools tools;
    tools.unitDirectory = m_scheduleTools ? m_scheduleTools->unitDirectory : PlanUnits::unitDirectory();
    return PlanScheduler(tools).isInstalled(name);
}

void PlansService::requestOverview()
{
    const QList<Plan> plans = m_store->plans();
    const QString runsDirectory = m_store->runsDirectory();
    QSet<QString> runningHere;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        runningHere.insert(it.key());
    const quint64 answer = m_overviews.ask();
    onPool<QList<PlanOverview>>(this, [plans, runsDirectory, runningHere, tools = m_scheduleTools] {
        QList<PlanOverview> result;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PlanScheduler scheduler(resolvedTools(tools));
        QString systemdWhy;
        const bool systemdRuns = !plans.isEmpty() && scheduler.userSystemdRuns(&systemdWhy);
        for (const Plan &plan : plans) {
            PlanOverview overview;
            overview.name = plan.name;
            QList<PlanRunReport> runs;
            if (PlanHistory(runsDirectory, plan.name).load(&runs, nullptr) && !runs.isEmpty()) {
                overview.hasLastRun = true;
                overview.lastRun = runs.constLast();
                // "running" with the lock free: a run that was killed (the next run records it so). Asked
                // without taking the lock, so that a `plans run` starting meanwhile is not refused.
                if (overview.lastRun.state == PlanRunReport::State::Running && !runningHere.contains(plan.name)
                    && PlanLock::isHeld(runsDirectory, plan.name) == PlanLock::Probe::Free)
                    overview.lastRun.state = PlanRunReport::State::Interrupted;
            }
            overview.nextRun = nextRunAfter(plan.schedule, now, &overview.nextRunWhy);
            const PlanScheduler::Status status = scheduler.status(plan, systemdRuns);
            overview.scheduleInstalled = status.installed;
            overview.scheduleUpToDate = status.upToDate;
            overview.timerState = status.timerState;
            overview.systemdRuns = systemdRuns;
            overview.systemdWhy = systemdWhy;
            if (!systemdRuns && !plan.schedule.isNone() && !scheduler.tools().program.isEmpty())
                overview.cronLine = PlanUnits::cronLine(plan, scheduler.tools().program, scheduler.tools().environment,
                                                        &overview.cronWhy);
            result.append(overview);
        }
        return result;
    }, [this, answer](const QList<PlanOverview> &result) {
        if (m_overviews.isNewest(answer))
            Q_EMIT overviewReady(result);
    });
}

bool PlansService::installSchedule(const QString &name)
{
    return changeSchedule(name, true);
}

bool PlansService::removeSchedule(const QString &name)
{
    return changeSchedule(name, false);
}

bool PlansService::changeSchedule(const QString &name, bool install)
{
    const std::optional<Plan> plan = m_store->find(name);
    if (m_scheduling.contains(name) || (install && !plan))
        return false;
    m_scheduling.insert(name);
    const Plan copy = plan.value_or(Plan{});
    onPool<PlanScheduler::Outcome>(this, [copy, name, install, tools = m_scheduleTools] {
        const PlanScheduler scheduler(resolvedTools(tools));
        return install ? scheduler.install(copy) : scheduler.remove(name);
    }, [this, name, install](const PlanScheduler::Outcome &outcome) {
        m_scheduling.remove(name);
        Q_EMIT scheduleChanged(name, install, outcome);
        requestOverview();
    });
    return true;
}

void PlansService::requestHistory(const QString &name)
{
    const QString runsDirectory = m_store->runsDirectory();
    struct Loaded
    {
        QList<PlanRunReport> runs;
        QString error;
    };
    const quint64 answer = m_histories[name].ask();
    onPool<Loaded>(this, [runsDirectory, name] {
        Loaded loaded;
        PlanHistory(runsDirectory, name).load(&loaded.runs, &loaded.error);
        return loaded;
    }, [this, name, answer](const Loaded &loaded) {
        if (m_histories[name].isNewest(answer))
            Q_EMIT historyReady(name, loaded.runs, loaded.error);
    });
}

void PlansService::requestServers(const QString &cloud)
{
    m_sessions->acquire(cloud, this, [this, cloud](std::shared_ptr<openstack::Session> session, const QString &why) {
        if (!session) {
            Q_EMIT serversFailed(cloud, why);
            return;
        }
        auto *connection = new openstack::Connection(session, this);
        auto *list = new openstack::ListServersJob(connection);
        // The job parses its pages on the thread pool; only the answer comes back here.
        connect(list, &openstack::ApiJob::finished, this, [this, cloud, session, connection, list](const openstack::Error &error) {
            connection->deleteLater();
            if (!error.isOk()) {
                Q_EMIT serversFailed(cloud, error.message);
                return;
            }
            const QList<openstack::Server> servers = list->servers();
            const bool tagsShown = session->computeMicroversion() >= QVersionNumber(2, 26);
            onPool<QList<PlanServerChoice>>(this, [servers] {
                QList<PlanServerChoice> choices;
                choices.reserve(servers.size());
                for (const openstack::Server &server : servers)
                    choices.append(PlanServerChoice{server.id, server.name, server.status, server.tags});
                std::sort(choices.begin(), choices.end(), [](const PlanServerChoice &a, const PlanServerChoice &b) {
                    return a.name.localeAwareCompare(b.name) < 0;
                });
                return choices;
            }, [this, cloud, tagsShown](const QList<PlanServerChoice> &choices) { Q_EMIT serversReady(cloud, choices, tagsShown); });
        });
        list->start();
    });
}

void PlansService::selectServers(const QList<PlanServerChoice> &servers, const PlanSource &source, QObject *context,
                                 std::function<void(const QList<PlanServerChoice> &)> done)
{
    onPool<QList<PlanServerChoice>>(context, [servers, source] {
        QList<PlanServerChoice> selected;
        for (const PlanServerChoice &server : servers) {
            if (source.selects(server.name, server.tags))
                selected.append(server);
        }
        return selected;
    }, std::move(done));
}

void PlansService::requestNextRuns(int requestId, const PlanSchedule &schedule, int count)
{
    struct Runs
    {
        QList<QDateTime> runs;
        QString why;
    };
    onPool<Runs>(this, [schedule, count] {
        Runs result;
        QDateTime after = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i) {
            const QDateTime next = nextRunAfter(schedule, after, &result.why);
            if (!next.isValid())
                break;
            result.runs.append(next);
            after = next.toUTC();
        }
        if (!result.runs.isEmpty())
            result.why.clear();
        return result;
    }, [this, requestId](const Runs &result) { Q_EMIT nextRunsReady(requestId, result.runs, result.why); });
}

bool PlansService::runNow(const QString &name, QString *error)
{
    const std::optional<Plan> plan = m_store->find(name);
    if (!plan) {
        *error = tr("No plan is named \"%1\".").arg(name);
        return false;
    }
    if (isRunning(name)) {
        *error = tr("Plan %1 is running already.").arg(name);
        return false;
    }
    // The same lock as `stackvault-cli plans run`: a scheduled run in another process refuses this one.
    std::shared_ptr<PlanLock> lock = PlanLock::tryAcquire(m_store->runsDirectory(), name, error);
    if (!lock)
        return false;
    Running &running = m_runs[name];
    running.lock = lock;
    running.report.plan = name;
    running.report.started = QDateTime::currentDateTimeUtc();
    Q_EMIT runStarted(name);
    const Plan copy = *plan;
    m_banks->open(copy.bank, this, [this, copy](std::shared_ptr<Bank> bank, const QString &why) {
        if (!m_runs.contains(copy.name))
            return; // cancelled while the storage opened
        if (!bank)
            return finishWithoutRun(copy.name, tr("The backup storage %1 of plan %2 cannot be opened: %3")
                                                   .arg(copy.bank, copy.name, why));
        auto *run = new PlanRun(copy, std::move(bank), m_sessions, m_store->runsDirectory(), this);
        m_runs[copy.name].run = run;
        connect(run, &PlanRun::jobsCreated, this, [this, name = copy.name](JobManager *jobs) {
            Q_EMIT runJobsCreated(name, jobs);
        });
        connect(run, &PlanRun::serverFinished, this, [this, name = copy.name] { Q_EMIT runProgressed(name); });
        connect(run, &PlanRun::note, this, [this, name = copy.name] { Q_EMIT runProgressed(name); });
        connect(run, &PlanRun::problem, this, [this, name = copy.name] { Q_EMIT runProgressed(name); });
        connect(run, &PlanRun::finished, this, [this, run, name = copy.name](const PlanRunReport &report) {
            m_runs.remove(name); // releases the plan's lock
            run->deleteLater();
            Q_EMIT runFinished(name, report);
        });
        run->start();
    });
    return true;
}

void PlansService::finishWithoutRun(const QString &name, const QString &problem)
{
    Running running = m_runs.take(name);
    PlanRunReport report = running.report;
    report.problems.append(problem);
    report.state = PlanRunReport::State::Failed;
    report.finished = QDateTime::currentDateTimeUtc();
    report.runId = report.started.toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz")) + u'-'
        + QString::number(QCoreApplication::applicationPid());
    report.pid = QCoreApplication::applicationPid();
    // Kept in the history like any run, so that the list's "last result" says why nothing ran.
    QString error;
    if (!PlanHistory(m_store->runsDirectory(), name).record(report, &error))
        report.problems.append(error);
    Q_EMIT runFinished(name, report);
}

void PlansService::cancelRun(const QString &name)
{
    const auto it = m_runs.find(name);
    if (it == m_runs.end())
        return;
    if (it->run)
        return it->run->cancel();
    // The storage is still opening: nothing has started.
    Running running = m_runs.take(name);
    PlanRunReport report = running.report;
    report.state = PlanRunReport::State::Cancelled;
    report.finished = QDateTime::currentDateTimeUtc();
    Q_EMIT runFinished(name, report);
}

void PlansService::cancelAllRuns()
{
    const QStringList names = m_runs.keys();
    for (const QString &name : names)
        cancelRun(name);
}

QStringList PlansService::runningPlans() const
{
    QStringList names = m_runs.keys();
    names.sort();
    return names;
}

bool PlansService::isRunning(const QString &name) const
{
    return m_runs.contains(name);
}

PlanRunReport PlansService::runningReport(const QString &name) const
{
    const auto it = m_runs.constFind(name);
    if (it == m_runs.cend())
        return {};
    return it->run ? it->run->report() : it->report;
}

void PlansService::previewRetention(const QString &name)
{
    // Always answered later, like the preview itself, so that the asker can connect first.
    const auto fail = [this, name](const QString &message) {
        QMetaObject::invokeMethod(this, [this, name, message] { Q_EMIT retentionPreviewFailed(name, message); },
                                  Qt::QueuedConnection);
    };
    const std::optional<Plan> plan = m_store->find(name);
    if (!plan)
        return fail(tr("No plan is named \"%1\".").arg(name));
    const RetentionPolicy policy = RetentionPolicy::fromJson(plan->retention);
    if (policy.isEmpty())
        return fail(tr("Plan %1 keeps every backup: it has no retention policy to preview. Edit the plan to set one.")
                        .arg(name));
    m_banks->open(plan->bank, this, [this, name, policy, location = plan->bank](std::shared_ptr<Bank> bank,
                                                                                 const QString &why) {
        if (!bank)
            return Q_EMIT retentionPreviewFailed(name, tr("The backup storage %1 cannot be opened: %2").arg(location, why));
        ForgetRequest request;
        request.bank = std::move(bank);
        request.policy = policy;
        request.plan = name; // what a run of the plan would look at: the backups this plan made
        request.dryRun = true;
        auto *job = new ForgetJob(std::move(request));
        const int id = m_previewJobs->enqueue(job);
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_previewJobs, &JobManager::jobFinished, this,
                              [this, id, name, connection](int jobId, const JobResult &result) {
                                  if (jobId != id)
                                      return;
                                  disconnect(*connection);
                                  if (result.outcome == JobOutcome::Succeeded)
                                      Q_EMIT retentionPreviewReady(name, QJsonObject::fromVariantMap(result.data));
                                  else
                                      Q_EMIT retentionPreviewFailed(name, result.message);
                              });
    });
}

} // namespace sv::ui
