#include "plans/planrun.h"

#include "jobs/jobmanager.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/connection.h"
#include "openstack/identity/listprojectsjob.h"
#include "openstack/session.h"
#include "plans/planslog.h"
#include "profiles/cloudprofile.h"
#include "profiles/cloudsessions.h"
#include "protection/backupjob.h"
#include "protection/forgetjob.h"
#include "protection/leftoversweep.h"
#include "protection/sweepjob.h"
#include "protection/testrestorejob.h"

#include <QCoreApplication>
#include <QSet>
#include <QVersionNumber>

#include <unistd.h>

namespace sv {

PlanRun::PlanRun(Plan plan, std::shared_ptr<Bank> bank, CloudSessions *sessions, const QString &runsDirectory,
                 QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_bank(std::move(bank))
    , m_sessions(sessions)
    , m_runsDirectory(runsDirectory)
{
    m_report.plan = m_plan.name;
    for (const PlanSource &source : std::as_const(m_plan.sources)) {
        if (!m_clouds.contains(source.cloud))
            m_clouds.append(source.cloud);
    }
}

PlanRun::~PlanRun() = default;

void PlanRun::start()
{
    m_report.started = QDateTime::currentDateTimeUtc();
    m_report.pid = ::getpid();
    m_report.runId = m_report.started.toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz")) + u'-' + QString::number(m_report.pid);
    m_report.state = PlanRunReport::State::Running;
    recordInterruptedRuns();
    saveReport(); // a run that is killed stays in the history as "running" until the next run sees it
    m_jobs = new JobManager(this);
    m_jobs->setMaxConcurrentJobs(m_plan.parallelism);
    connect(m_jobs, &JobManager::jobProgress, this, [this](int jobId, const JobProgress &) {
        if (m_running.contains(jobId) && !m_startedAt.contains(jobId)) {
            m_startedAt[jobId].start();
            const Target &target = m_running[jobId];
            Q_EMIT serverStarted(target.cloud, target.serverName);
        }
    });
    connect(m_jobs, &JobManager::jobFinished, this, &PlanRun::onBackupFinished);
    Q_EMIT jobsCreated(m_jobs);
    prepareCloud(0);
}

void PlanRun::cancel()
{
    if (m_cancelled || m_stage == Stage::Finished)
        return;
    m_cancelled = true;
    if (m_jobs)
        m_jobs->cancelAll();
    if (m_testJobs)
        m_testJobs->cancelAll();
}

void PlanRun::recordInterruptedRuns()
{
    // The caller holds the plan's lock: a run still "running" in the history was killed.
    PlanHistory history(m_runsDirectory, m_plan.name);
    QList<PlanRunReport> runs;
    QString error;
    if (!history.load(&runs, &error)) {
        addProblem(error);
        return;
    }
    m_history = runs;
    for (PlanRunReport run : std::as_const(runs)) {
        if (run.state != PlanRunReport::State::Running)
            continue;
        run.state = PlanRunReport::State::Interrupted;
        if (!history.record(run, &error))
            addProblem(error);
        addNote(tr("The run of plan %1 started %2 (process %3) was interrupted before it ended; what its backups "
                   "left in the clouds is removed by the sweep before this run's backups.")
                    .arg(m_plan.name, run.started.toString(Qt::ISODate))
                    .arg(run.pid));
    }
}

void PlanRun::prepareCloud(qsizetype index)
{
    if (m_cancelled)
        return finishRun();
    if (index >= m_clouds.size())
        return startBackups();
    const QString cloud = m_clouds.at(index);
    if (!m_sessions)
        return finishRun();
    m_sessions->acquire(cloud, this, [this, index, cloud](std::shared_ptr<openstack::Session> session, const QString &why) {
        if (!session) {
            addProblem(tr("No server of cloud %1 was backed up: %2").arg(cloud, why));
            return prepareCloud(index + 1);
        }
        // What interrupted backups (this plan's or any other) left on this cloud goes first.
        LeftoverSweep::prepare(m_bank, m_sessions, session->profile().id, this,
                               [this, index, session](SweepJob *job, const QStringList &problems) {
                                   // A sweep that could not run keeps its entries for the next one: worth
                                   // saying, but no reason to back up nothing.
                                   for (const QString &sentence : problems)
                                       addNote(sentence);
                                   if (!job)
                                       return selectServers(index, session);
                                   auto *sweeps = new JobManager(this);
                                   connect(sweeps, &JobManager::jobFinished, this,
                                           [this, sweeps, index, session](int, const JobResult &result) {
                                               sweeps->deleteLater();
                                               addNote(result.message);
                                               selectServers(index, session);
                                           });
                                   Q_EMIT jobsCreated(sweeps);
                                   sweeps->enqueue(job);
                               });
    });
}

void PlanRun::selectServers(qsizetype index, const std::shared_ptr<openstack::Session> &session)
{
    if (m_cancelled)
        return finishRun();
    const QString cloud = m_clouds.at(index);
    QList<PlanSource> sources;
    for (const PlanSource &source : std::as_const(m_plan.sources)) {
        if (source.cloud == cloud)
            sources.append(source);
    }
    auto *connection = new openstack::Connection(session, this);
    auto *list = new openstack::ListServersJob(connection);
    connect(list, &openstack::ApiJob::finished, this, [this, index, cloud, sources, session, connection, list](const openstack::Error &error) {
        connection->deleteLater();
        if (!error.isOk()) {
            addProblem(tr("No server of cloud %1 was backed up: its servers could not be listed: %2").arg(cloud, error.message));
            return prepareCloud(index + 1);
        }
        const QList<openstack::Server> servers = list->servers();
        const bool tagsShown = session->computeMicroversion() >= QVersionNumber(2, 26);
        QSet<QString> chosen;
        for (const Target &target : std::as_const(m_targets)) {
            if (target.cloud == cloud)
                chosen.insert(target.serverId);
        }
        const auto add = [&](const openstack::Server &server) {
            if (chosen.contains(server.id))
                return;
            chosen.insert(server.id);
            m_targets.append({cloud, server.id, server.name, session});
        };
        for (const PlanSource &source : sources) {
            if (source.allProjects)
                continue; // selectAllProjects() below
            if (!source.isSelector()) {
                auto it = std::find_if(servers.cbegin(), servers.cend(), [&](const openstack::Server &s) { return s.id == source.server; });
                if (it == servers.cend()) {
                    const auto byName = std::count_if(servers.cbegin(), servers.cend(), [&](const openstack::Server &s) { return s.name == source.server; });
                    if (byName > 1) {
                        PlanServerResult result;
                        result.cloud = cloud;
                        result.serverName = source.server;
                        result.error = tr("%1 servers of cloud %2 are named %3: name the one to back up by its id.").arg(byName).arg(cloud, source.server);
                        m_report.servers.append(result);
                        Q_EMIT serverFinished(result);
                        continue;
                    }
                    it = std::find_if(servers.cbegin(), servers.cend(), [&](const openstack::Server &s) { return s.name == source.server; });
                }
                if (it == servers.cend()) {
                    PlanServerResult result;
                    result.cloud = cloud;
                    result.serverName = source.server;
                    result.error = tr("Cloud %1 has no server %2 (it was deleted, or the plan names it wrongly).").arg(cloud, source.server);
                    m_report.servers.append(result);
                    Q_EMIT serverFinished(result);
                    continue;
                }
                add(*it);
                continue;
            }
            if (!source.tag.isEmpty() && !tagsShown) {
                addProblem(tr("Cloud %1 does not show servers' tags (its compute API is older than 2.26), so none "
                              "of its servers was chosen for %2.")
                               .arg(cloud, source.describe()));
                continue;
            }
            int matched = 0;
            for (const openstack::Server &server : servers) {
                if (source.selects(server.name, server.tags)) {
                    ++matched;
                    add(server);
                }
            }
            if (matched == 0)
                addNote(tr("No server matched %1.").arg(source.describe()));
        }
        selectAllProjects(index, session);
    });
    list->start();
}

// The plan's "all projects" selectors of this cloud: one all_tenants listing of every project's servers
// (Nova allows it to admins only) and Keystone's project list for the names in the report.
void PlanRun::selectAllProjects(qsizetype index, const std::shared_ptr<openstack::Session> &session)
{
    const QString cloud = m_clouds.at(index);
    QList<PlanSource> sources;
    for (const PlanSource &source : std::as_const(m_plan.sources)) {
        if (source.cloud == cloud && source.allProjects && source.isSelector())
            sources.append(source);
    }
    if (sources.isEmpty() || m_cancelled)
        return prepareCloud(index + 1);
    struct Pending
    {
        QList<openstack::Server> servers;
        QHash<QString, QString> projectNames; // id → name
        openstack::Error serversError;
        int outstanding = 2;
    };
    auto pending = std::make_shared<Pending>();
    auto *connection = new openstack::Connection(session, this);
    const auto done = [this, index, cloud, sources, session, connection, pending] {
        if (--pending->outstanding > 0)
            return;
        connection->deleteLater();
        const openstack::Error &error = pending->serversError;
        if (!error.isOk()) {
            const CloudProfile &profile = session->profile();
            QString who = profile.userName;
            for (const QString &fallback : {profile.userId, profile.applicationCredentialName, profile.applicationCredentialId}) {
                if (who.isEmpty())
                    who = fallback;
            }
            if (error.kind == openstack::Error::Kind::Forbidden)
                addProblem(tr("No server of all projects of cloud %1 was backed up: its credentials (%2, project %3) "
                              "are not a cloud admin's, and Nova refused to list every project's servers (%4). Save "
                              "the cloud with an admin's credentials, or select only the project's own servers "
                              "(without --all-projects).")
                               .arg(cloud, who, session->authState().projectName, error.serviceMessage.isEmpty() ? error.message : error.serviceMessage));
            else
                addProblem(tr("No server of all projects of cloud %1 was backed up: the servers could not be listed: %2")
                               .arg(cloud, error.message));
            return prepareCloud(index + 1);
        }
        const bool tagsShown = session->computeMicroversion() >= QVersionNumber(2, 26);
        const QString ownProject = session->authState().projectId;
        QSet<QString> chosen;
        for (const Target &target : std::as_const(m_targets)) {
            if (target.cloud == cloud)
                chosen.insert(target.serverId);
        }
        for (const PlanSource &source : sources) {
            if (!source.tag.isEmpty() && !tagsShown) {
                addProblem(tr("Cloud %1 does not show servers' tags (its compute API is older than 2.26), so none "
                              "of its servers was chosen for %2.")
                               .arg(cloud, source.describe()));
                continue;
            }
            int matched = 0;
            QSet<QString> projects;
            for (const openstack::Server &server : std::as_const(pending->servers)) {
                if (!source.selects(server.name, server.tags))
                    continue;
                ++matched;
                projects.insert(server.projectId);
                if (chosen.contains(server.id))
                    continue;
                chosen.insert(server.id);
                // Names repeat across projects: the report names another project's server with its project.
                const QString label = server.projectId == ownProject || server.projectId.isEmpty()
                    ? server.name
                    : tr("%1 (project %2)").arg(server.name, pending->projectNames.value(server.projectId, server.projectId));
                m_targets.append({cloud, server.id, label, session});
            }
            if (matched == 0)
                addNote(tr("No server matched %1.").arg(source.describe()));
            else
                addNote(tr("%1: %2 in %3.")
                            .arg(source.describe(), tr("%n server(s)", nullptr, matched),
                                 tr("%n project(s)", nullptr, int(projects.size()))));
        }
        prepareCloud(index + 1);
    };
    auto *list = new openstack::ListServersJob(connection);
    list->setFilter(QStringLiteral("all_tenants"), QStringLiteral("True"));
    list->setPageSize(1000);
    connect(list, &openstack::ApiJob::finished, this, [list, pending, done](const openstack::Error &error) {
        pending->serversError = error;
        if (error.isOk())
            pending->servers = list->servers();
        done();
    });
    auto *projects = new openstack::ListProjectsJob(connection);
    connect(projects, &openstack::ApiJob::finished, this, [this, projects, pending, done, cloud](const openstack::Error &error) {
        // Without names the report shows project ids: worth a note, not a failure.
        if (!error.isOk())
            addNote(tr("The project names of cloud %1 could not be listed (%2); the report names projects by id.")
                        .arg(cloud, error.message));
        for (const openstack::Project &project : projects->projects())
            pending->projectNames.insert(project.id, project.name);
        done();
    });
    list->start();
    projects->start();
}

void PlanRun::addProblem(const QString &sentence)
{
    m_report.problems.append(sentence);
    Q_EMIT problem(sentence);
}

void PlanRun::addNote(const QString &sentence)
{
    m_report.notes.append(sentence);
    Q_EMIT note(sentence);
}

void PlanRun::startBackups()
{
    if (m_targets.isEmpty()) {
        if (m_report.servers.isEmpty())
            addProblem(tr("Plan %1 selected no server to back up.").arg(m_plan.name));
        return finishRun();
    }
    addNote(tr("Backing up %n server(s), %1 at a time.", nullptr, int(m_targets.size())).arg(m_plan.parallelism));
    m_remaining = int(m_targets.size());
    for (const Target &target : std::as_const(m_targets)) {
        BackupRequest request;
        request.session = target.session;
        request.bank = m_bank;
        request.server = target.serverId;
        request.serverLabel = target.serverName;
        request.enableServerSnapshot = m_plan.includeData;
        request.volumes = m_plan.volumes;
        auto *job = new BackupJob(request);
        job->setPlanName(m_plan.name); // each checkpoint records the plan that made it
        const int id = m_jobs->enqueue(job);
        m_running.insert(id, target);
    }
}

void PlanRun::onBackupFinished(int jobId, const JobResult &result)
{
    if (!m_running.contains(jobId))
        return;
    const Target target = m_running.take(jobId);
    PlanServerResult server;
    server.cloud = target.cloud;
    server.serverId = target.serverId;
    server.serverName = target.serverName;
    server.durationMs = m_startedAt.contains(jobId) ? m_startedAt.take(jobId).elapsed() : 0;
    switch (result.outcome) {
    case JobOutcome::Succeeded:
        server.result = PlanServerResult::Result::Succeeded;
        server.checkpointId = result.data.value(QStringLiteral("checkpoint_id")).toString();
        server.bytes = result.data.value(QStringLiteral("size")).toLongLong();
        server.newBytes = result.data.value(QStringLiteral("new_bytes")).toLongLong();
        break;
    case JobOutcome::Cancelled:
        server.result = PlanServerResult::Result::Cancelled;
        server.error = result.message.isEmpty() ? tr("Cancelled.") : result.message;
        break;
    default:
        server.result = PlanServerResult::Result::Failed;
        server.error = result.message;
        break;
    }
    m_report.servers.append(server);
    Q_EMIT serverFinished(server);
    if (--m_remaining == 0)
        finishRun();
}

// Called once each time the work of the current stage has ended (the backups, also when the run was cancelled
// before or during them; the retention step; the restore test): starts the next stage that applies, and
// after the last one records and announces the report.
void PlanRun::finishRun()
{
    if (m_stage == Stage::BackingUp) {
        m_stage = Stage::ApplyingRetention;
        if (!m_cancelled && !m_plan.retention.isEmpty() && m_bank)
            return applyRetention(); // calls finishRun() again when it ends
        if (m_cancelled && !m_plan.retention.isEmpty())
            m_report.retention = tr("The retention policy (%1) was not applied: the run was cancelled.")
                                     .arg(Plan::describeRetention(m_plan.retention));
    }
    if (m_stage == Stage::ApplyingRetention) {
        m_stage = Stage::TestingRestore;
        if (m_plan.testRestore.enabled) {
            if (!m_cancelled)
                return startRestoreTest(); // calls finishRun() again when it ends
            m_report.restoreTest.result = PlanRestoreTestResult::Result::Skipped;
            m_report.restoreTest.message = tr("No backup was restore-tested: the run was cancelled.");
        }
    }
    if (m_stage != Stage::TestingRestore)
        return; // finished already
    m_stage = Stage::Finished;
    m_report.finished = QDateTime::currentDateTimeUtc();
    if (m_cancelled)
        m_report.state = PlanRunReport::State::Cancelled;
    else if (m_report.failedCount() > 0 || !m_report.problems.isEmpty() || m_report.servers.isEmpty()
             || m_report.restoreTest.result == PlanRestoreTestResult::Result::Failed)
        m_report.state = PlanRunReport::State::Failed;
    else
        m_report.state = PlanRunReport::State::Succeeded;
    saveReport();
    qCInfo(lcPlans) << "plan" << m_plan.name << "ran:" << PlanRunReport::stateName(m_report.state);
    Q_EMIT finished(m_report);
}

// After the backups, failed ones included: a policy counts only available checkpoints, so a failed
// backup never costs an older one its place.
void PlanRun::applyRetention()
{
    ForgetRequest request;
    request.bank = m_bank;
    request.policy = RetentionPolicy::fromJson(m_plan.retention);
    request.plan = m_plan.name; // only what this plan made; backups by hand and other plans' stay
    addNote(tr("Applying the retention policy (%1) to the backups of plan %2.")
                .arg(Plan::describeRetention(m_plan.retention), m_plan.name));
    auto *forget = new JobManager(this);
    connect(forget, &JobManager::jobFinished, this, [this, forget](int, const JobResult &result) {
        forget->deleteLater();
        if (result.outcome == JobOutcome::Succeeded) {
            m_report.retention = result.message;
        } else {
            m_report.retention = tr("The retention policy was not applied: %1").arg(result.message);
            addProblem(m_report.retention);
        }
        finishRun();
    });
    Q_EMIT jobsCreated(forget);
    forget->enqueue(new ForgetJob(std::move(request)));
}

void PlanRun::startRestoreTest()
{
    PlanRestoreTestResult &test = m_report.restoreTest;
    // Which server's backup: the one this plan tested longest ago (never: first); among equals the newest.
    QHash<QString, QDateTime> lastTested; // cloud + '/' + server id → the start of the run that tested it
    for (const PlanRunReport &run : std::as_const(m_history)) {
        const PlanRestoreTestResult &earlier = run.restoreTest;
        if (earlier.result == PlanRestoreTestResult::Result::Passed || earlier.result == PlanRestoreTestResult::Result::Failed)
            lastTested[earlier.serverCloud + u'/' + earlier.serverId] = run.started;
    }
    const PlanServerResult *chosen = nullptr;
    QDateTime chosenTested;
    for (const PlanServerResult &server : std::as_const(m_report.servers)) { // in the order they finished
        if (server.result != PlanServerResult::Result::Succeeded || server.checkpointId.isEmpty())
            continue;
        const QDateTime tested = lastTested.value(server.cloud + u'/' + server.serverId);
        if (!chosen || !tested.isValid() || (chosenTested.isValid() && tested <= chosenTested)) {
            chosen = &server;
            chosenTested = tested;
        }
    }
    if (!chosen) {
        test.result = PlanRestoreTestResult::Result::Skipped;
        test.message = tr("No backup was restore-tested: no backup of this run succeeded.");
        addNote(test.message);
        return finishRun();
    }
    test.checkpointId = chosen->checkpointId;
    test.serverId = chosen->serverId;
    test.serverName = chosen->serverName;
    test.serverCloud = chosen->cloud;
    test.cloud = m_plan.testRestore.cloud.isEmpty() ? chosen->cloud : m_plan.testRestore.cloud;
    addNote(tr("Testing the restore of backup %1 of %2 (%3) in cloud %4.")
                .arg(test.checkpointId, test.serverName, test.serverCloud, test.cloud));
    m_testClock.start();
    if (!m_sessions) {
        test.result = PlanRestoreTestResult::Result::Failed;
        test.message = tr("The restore test could not start: the clouds' sign-in is gone.");
        return finishRun();
    }
    m_sessions->acquire(test.cloud, this, [this](std::shared_ptr<openstack::Session> session, const QString &why) {
        PlanRestoreTestResult &result = m_report.restoreTest;
        if (m_cancelled) {
            result.result = PlanRestoreTestResult::Result::Skipped;
            result.message = tr("No backup was restore-tested: the run was cancelled.");
            return finishRun();
        }
        if (!session) {
            result.result = PlanRestoreTestResult::Result::Failed;
            result.message = tr("The restore test of backup %1 could not start in cloud %2: %3").arg(result.checkpointId, result.cloud, why);
            addProblem(result.message);
            return finishRun();
        }
        TestRestoreRequest request;
        request.restore.session = std::move(session);
        request.restore.bank = m_bank;
        request.restore.checkpointId = result.checkpointId;
        request.restore.serverActiveTimeout = std::chrono::seconds(m_plan.testRestore.timeoutSeconds);
        request.marker = m_plan.testRestore.marker;
        request.markerTimeout = std::chrono::seconds(m_plan.testRestore.timeoutSeconds);
        m_testJobs = new JobManager(this);
        connect(m_testJobs, &JobManager::jobFinished, this, [this](int, const JobResult &finished) { restoreTestFinished(finished); });
        m_testJobs->enqueue(new TestRestoreJob(std::move(request)));
    });
}

void PlanRun::restoreTestFinished(const JobResult &result)
{
    m_testJobs->deleteLater();
    m_testJobs = nullptr;
    PlanRestoreTestResult &test = m_report.restoreTest;
    test.durationMs = m_testClock.elapsed();
    test.recorded = result.data.value(QStringLiteral("recorded")).toBool();
    test.message = result.message;
    switch (result.outcome) {
    case JobOutcome::Succeeded:
        test.result = PlanRestoreTestResult::Result::Passed;
        addNote(result.message);
        break;
    case JobOutcome::Cancelled:
        test.result = PlanRestoreTestResult::Result::Skipped;
        test.message = tr("The restore test of backup %1 was cancelled: %2").arg(test.checkpointId, result.message);
        addNote(test.message);
        break;
    default:
        test.result = PlanRestoreTestResult::Result::Failed;
        addProblem(result.message);
        break;
    }
    finishRun();
}

void PlanRun::saveReport()
{
    QString error;
    if (!PlanHistory(m_runsDirectory, m_plan.name).record(m_report, &error)) {
        m_report.problems.append(error);
        Q_EMIT problem(error);
    }
}

} // namespace sv
