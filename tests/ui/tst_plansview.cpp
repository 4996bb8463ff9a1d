// The Plans view in the main window over the REAL backend and the fake cloud on 127.0.0.1, clicked by
// objectName: the list (servers, schedule, next run, last result, enabled), New Plan… through the editor,
// Run Now of a plan of two servers with the real PlanRun (its backups in the jobs dock, the result in the
// run history with both servers), a run refused while another process holds the plan, a server that is not
// there, Preview Retention (what a policy keeps and removes, deleting nothing), Remove, Install/Remove Schedule
// (units that pass systemd-analyze verify; systemctl a recording script: a simulated systemd user instance, or
// the real systemctl without one, which shows the crontab line) and closing the window during a run (asked;
// on confirm the run is cancelled, its snapshot deleted, the history says cancelled, the lock is free). Every
// model is watched by QAbstractItemModelTester.
#include "backups/backupsmodel.h"
#include "common/formatting.h"
#include "common/itemroles.h"
#include "common/messagebox.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "mainwindow.h"
#include "planguifixture.h"
#include "plans/planeditordialog.h"
#include "plans/planlistmodel.h"
#include "plans/planlock.h"
#include "plans/planrunsmodel.h"
#include "plans/planserverresultsmodel.h"
#include "plans/planstore.h"
#include "plans/plansview.h"
#include "plans/retentionpreviewdialog.h"
#include "plans/retentionpreviewmodel.h"
#include "plans/planunits.h"
#include "clirunner.h"
#include "stallmeter.h"
#include "systemdverify.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThreadPool>
#include <QTreeView>

using sv::ui::MainWindow;
using sv::ui::PlanListModel;
using sv::ui::PlansView;

class TestPlansView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_fixture.setUp(this); }
    void cleanupTestCase() { m_fixture.tearDown(this); }
    void init();
    void cleanup();
    void listShowsThePlans();
    void newPlanThroughTheEditor();
    void runNowBacksUpTwoServers();
    void runRefusedWhileAnotherProcessRuns();
    void missingServerFailsClearly();
    void previewRetentionRemovesNothing();
    void removePlan();
    void installAndRemoveSchedule_data();
    void installAndRemoveSchedule();
    void lateOverviewDoesNotHideANewerOne();
    void installedScheduleFollowsEdits();
    void closingDuringARunCancelsIt_data();
    void closingDuringARunCancelsIt();

private:
    // The main window with the Plans tab shown, its models watched.
    void openWindow();
    // Selects the plan, clicks Run Now and waits for the run's end; the report.
    sv::PlanRunReport runByClicking(const QString &plan, int timeoutMs = 120000);
    void savePlan(const sv::Plan &plan);
    template<typename T>
    T *child(const char *name)
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }

    PlanGuiFixture m_fixture;
    std::unique_ptr<sv::JobManager> m_jobs;
    std::unique_ptr<MainWindow> m_window;
    PlansView *m_view = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestPlansView::init()
{
    m_jobs = std::make_unique<sv::JobManager>();
}

void TestPlansView::cleanup()
{
    m_testers.clear();
    if (m_fixture.plans)
        m_fixture.plans->cancelAllRuns();
    if (m_fixture.plans)
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.plans->runningCount() == 0, 60000);
    if (m_fixture.plans)
        m_fixture.plans->setScheduleTools(std::nullopt);
    m_window.reset();
    m_jobs.reset();
    m_fixture.cloud.clearFaults();
}

void TestPlansView::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_fixture.backend.get(), m_jobs.get());
    m_window->setPlansService(m_fixture.plans.get());
    m_view = m_window->plansView();
    QVERIFY(m_view);
    m_window->tabs()->setCurrentWidget(m_view);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(m_view)), QStringLiteral("&Plans"));
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m_view->planModel(), mode));
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m_view->runsModel(), mode));
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m_view->serverResultsModel(), mode));
}

void TestPlansView::savePlan(const sv::Plan &plan)
{
    QString error;
    if (m_fixture.plans->store()->find(plan.name))
        QVERIFY2(m_fixture.plans->savePlan(plan.name, plan, &error), qPrintable(error));
    else
        QVERIFY2(m_fixture.plans->savePlan({}, plan, &error), qPrintable(error));
}

sv::PlanRunReport TestPlansView::runByClicking(const QString &plan, int timeoutMs)
{
    QSignalSpy ended(m_view, &PlansView::runEnded);
    if (!m_view->selectPlan(plan))
        return {};
    auto *run = child<QPushButton>("runPlanButton");
    if (!run->isEnabled())
        return {};
    QTest::mouseClick(run, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !ended.isEmpty(); }, timeoutMs))
        return {};
    return ended.first().at(1).value<sv::PlanRunReport>();
}

void TestPlansView::listShowsThePlans()
{
    sv::Plan nightly = m_fixture.webPlan(QStringLiteral("nightly-web"));
    savePlan(nightly);
    sv::Plan byHand = m_fixture.webPlan(QStringLiteral("by-hand"));
    byHand.schedule = {};
    byHand.enabled = false;
    byHand.sources = {sv::PlanSource{QStringLiteral("fake-demo"), {}, QStringLiteral("prod"), {}}};
    savePlan(byHand);
    openWindow();
    PlanListModel *model = m_view->planModel();
    const int nightlyRow = model->rowOf(QStringLiteral("nightly-web"));
    const int byHandRow = model->rowOf(QStringLiteral("by-hand"));
    QVERIFY(nightlyRow >= 0 && byHandRow >= 0);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return model->index(row, column).data(role); };
    QCOMPARE(cell(nightlyRow, PlanListModel::ServersColumn).toString(), QStringLiteral("servers named web-* in fake-demo"));
    QCOMPARE(cell(nightlyRow, PlanListModel::ScheduleColumn).toString(), QStringLiteral("Daily at 02:30"));
    QCOMPARE(cell(byHandRow, PlanListModel::ServersColumn).toString(), QStringLiteral("servers tagged prod in fake-demo"));
    QCOMPARE(cell(byHandRow, PlanListModel::ScheduleColumn).toString(), QStringLiteral("By hand only"));
    QCOMPARE(cell(nightlyRow, PlanListModel::EnabledColumn, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(cell(byHandRow, PlanListModel::EnabledColumn, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    // Next and last runs arrive from the pool (systemd-analyze, the history files).
    QTRY_COMPARE_WITH_TIMEOUT(cell(nightlyRow, PlanListModel::LastResultColumn).toString(), QStringLiteral("Never run"), 15000);
    const QDateTime next = cell(nightlyRow, PlanListModel::NextRunColumn, sv::ui::UnderlyingDataRole).toDateTime();
    QVERIFY(next.isValid());
    QCOMPARE(next.toLocalTime(), nightly.schedule.nextRun(QDateTime::currentDateTime()));
    QCOMPARE(cell(nightlyRow, PlanListModel::NextRunColumn).toString(), sv::ui::formatDateTime(next));
    QCOMPARE(cell(byHandRow, PlanListModel::NextRunColumn).toString(), QStringLiteral("runs only when started by hand"));

    // The selected plan's history: none yet.
    QVERIFY(m_view->selectPlan(QStringLiteral("nightly-web")));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("runNotesLabel")->text(), QStringLiteral("Plan nightly-web has not run yet."), 10000);
    QCOMPARE(m_view->runsModel()->rowCount(), 0);
    QVERIFY(child<QPushButton>("runPlanButton")->isEnabled());
    QVERIFY(!child<QPushButton>("cancelPlanRunButton")->isEnabled());
}

void TestPlansView::newPlanThroughTheEditor()
{
    openWindow();
    const int before = m_view->planModel()->rowCount();
    QTest::mouseClick(child<QPushButton>("newPlanButton"), Qt::LeftButton);
    auto *dialog = m_window->findChild<sv::ui::PlanEditorDialog *>(QStringLiteral("planEditorDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("planNameEdit")), QStringLiteral("from-editor"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tagEdit")), QStringLiteral("prod"));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->previewNames(), QStringList{QStringLiteral("web-1")}, 20000);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addSelectorButton")), Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("savePlanButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->planModel()->rowCount(), before + 1, 5000);
    QCOMPARE(m_view->selectedPlan(), QStringLiteral("from-editor"));
    QVERIFY2(m_view->statusText().contains(QStringLiteral("Plan from-editor saved.")), qPrintable(m_view->statusText()));
    const int row = m_view->planModel()->rowOf(QStringLiteral("from-editor"));
    QCOMPARE(m_view->planModel()->index(row, PlanListModel::ServersColumn).data().toString(),
             QStringLiteral("servers tagged prod in fake-demo"));
}

void TestPlansView::runNowBacksUpTwoServers()
{
    savePlan(m_fixture.webPlan(QStringLiteral("two-webs")));
    openWindow();
    QVERIFY(m_view->selectPlan(QStringLiteral("two-webs")));
    sv::ui::JobListModel *jobs = m_window->jobsDock()->model();
    QSignalSpy ended(m_view, &PlansView::runEnded);
    QTest::mouseClick(child<QPushButton>("runPlanButton"), Qt::LeftButton);
    // While it runs: Cancel Run instead of Run Now; the list says so.
    QVERIFY(!child<QPushButton>("runPlanButton")->isEnabled());
    QVERIFY(child<QPushButton>("cancelPlanRunButton")->isEnabled());
    const int row = m_view->planModel()->rowOf(QStringLiteral("two-webs"));
    QCOMPARE(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data().toString(), QStringLiteral("Running now…"));
    // Its backups show in the jobs dock, named by the plan, with their progress.
    QStringList titles;
    QVERIFY2(QTest::qWaitFor([&] {
                 titles.clear();
                 for (int r = 0; r < jobs->rowCount(); ++r)
                     titles.append(jobs->index(r, sv::ui::JobListModel::TitleColumn).data().toString());
                 return titles.filter(QStringLiteral("Plan two-webs: ")).filter(QStringLiteral("web-")).size() == 2;
             }, 60000),
             qPrintable(titles.join(u'|')));
    QVERIFY(m_window->jobsDock()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
    const auto report = ended.first().at(1).value<sv::PlanRunReport>();
    QCOMPARE(report.state, sv::PlanRunReport::State::Succeeded);
    QCOMPARE(report.servers.size(), 2);
    for (int r = 0; r < jobs->rowCount(); ++r) {
        if (jobs->index(r, 0).data().toString().startsWith(QStringLiteral("Plan two-webs: ")))
            QCOMPARE(jobs->outcome(r), sv::JobOutcome::Succeeded);
    }

    // The history shows the run and both servers with their results.
    QTRY_COMPARE_WITH_TIMEOUT(m_view->runsModel()->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->runsModel()->index(0, sv::ui::PlanRunsModel::StateColumn).data().toString(),
                              QStringLiteral("Succeeded"), 10000);
    QCOMPARE(m_view->runsModel()->index(0, sv::ui::PlanRunsModel::ServersColumn).data().toString(), QStringLiteral("2 of 2"));
    sv::ui::PlanServerResultsModel *servers = m_view->serverResultsModel();
    QCOMPARE(servers->rowCount(), 2);
    QStringList names;
    QStringList checkpoints;
    for (int r = 0; r < 2; ++r) {
        using C = sv::ui::PlanServerResultsModel;
        names.append(servers->index(r, C::ServerColumn).data().toString());
        QCOMPARE(servers->index(r, C::CloudColumn).data().toString(), QStringLiteral("fake-demo"));
        QCOMPARE(servers->index(r, C::ResultColumn).data().toString(), QStringLiteral("Backed up"));
        QVERIFY(servers->index(r, C::BytesColumn).data(sv::ui::UnderlyingDataRole).toLongLong() > 0);
        QCOMPARE(servers->index(r, C::BytesColumn).data().toString(),
                 sv::ui::formatBytes(servers->index(r, C::BytesColumn).data(sv::ui::UnderlyingDataRole).toLongLong()));
        QVERIFY(!servers->index(r, C::NewBytesColumn).data().toString().isEmpty());
        QVERIFY(servers->index(r, C::DurationColumn).data(sv::ui::UnderlyingDataRole).toLongLong() > 0);
        QVERIFY(servers->index(r, C::ErrorColumn).data().toString().isEmpty());
        checkpoints.append(servers->index(r, C::CheckpointColumn).data().toString());
        QVERIFY(!checkpoints.last().isEmpty());
    }
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("web-1"), QStringLiteral("web-2")}));
    // The same run in the history file (what `stackvault-cli plans history` reads), and the backups in the
    // Backups view.
    QList<sv::PlanRunReport> runs;
    QVERIFY(sv::PlanHistory(m_fixture.plans->store()->runsDirectory(), QStringLiteral("two-webs")).load(&runs, nullptr));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().servers.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(checkpoints.cbegin(), checkpoints.cend(), [&](const QString &id) {
        const auto all = m_window->backupsModel()->checkpoints();
        return std::any_of(all.cbegin(), all.cend(), [&](const sv::ui::CheckpointEntry &cp) {
            return cp.id == id && cp.status == u"available";
        });
    }), 20000);
    // The list's last result.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data().toString().startsWith(
                                 QStringLiteral("Succeeded ")),
                             10000);
    QVERIFY2(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data().toString().endsWith(
                 QStringLiteral("(2 of 2 server(s) backed up)")),
             qPrintable(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data().toString()));
    QVERIFY(child<QPushButton>("runPlanButton")->isEnabled());
}

void TestPlansView::runRefusedWhileAnotherProcessRuns()
{
    savePlan(m_fixture.webPlan(QStringLiteral("held")));
    openWindow();
    // What a scheduled `stackvault-cli plans run held` holds.
    QString error;
    const auto lock = sv::PlanLock::tryAcquire(m_fixture.plans->store()->runsDirectory(), QStringLiteral("held"), &error);
    QVERIFY2(lock, qPrintable(error));
    QVERIFY(m_view->selectPlan(QStringLiteral("held")));
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    QTest::mouseClick(child<QPushButton>("runPlanButton"), Qt::LeftButton);
    QVERIFY2(sv::ui::MessageBox::lastText().contains(QStringLiteral("Plan held is already running")),
             qPrintable(sv::ui::MessageBox::lastText()));
    QVERIFY(!m_fixture.plans->isRunning(QStringLiteral("held")));
    QVERIFY(child<QPushButton>("runPlanButton")->isEnabled());
}

void TestPlansView::missingServerFailsClearly()
{
    sv::Plan plan = m_fixture.webPlan(QStringLiteral("ghost"));
    plan.sources = {sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("ghost-9"), {}, {}}};
    savePlan(plan);
    openWindow();
    const sv::PlanRunReport report = runByClicking(QStringLiteral("ghost"));
    QCOMPARE(report.state, sv::PlanRunReport::State::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->serverResultsModel()->rowCount(), 1, 10000);
    using C = sv::ui::PlanServerResultsModel;
    QCOMPARE(m_view->serverResultsModel()->index(0, C::ResultColumn).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(m_view->serverResultsModel()->index(0, C::ErrorColumn).data().toString(),
             QStringLiteral("Cloud fake-demo has no server ghost-9 (it was deleted, or the plan names it wrongly)."));
    QVERIFY2(m_view->statusText().startsWith(QStringLiteral("Plan ghost: Failed, 0 of 1 server(s) backed up.")),
             qPrintable(m_view->statusText()));
    const int row = m_view->planModel()->rowOf(QStringLiteral("ghost"));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data().toString().startsWith(
                                 QStringLiteral("Failed ")),
                             10000);
    QVERIFY(m_view->planModel()->index(row, PlanListModel::LastResultColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("ghost-9")));
}

void TestPlansView::previewRetentionRemovesNothing()
{
    sv::Plan plan = m_fixture.webPlan(QStringLiteral("keeps"), {{QStringLiteral("keep_last"), 5}});
    plan.sources = {sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("web-2"), {}, {}}};
    savePlan(plan);
    openWindow();
    // Without a policy there is nothing to preview: said plainly.
    sv::Plan all = m_fixture.webPlan(QStringLiteral("keeps-all"));
    savePlan(all);
    {
        auto *dialog = m_view->previewRetention(QStringLiteral("keeps-all"));
        QVERIFY(dialog);
        QSignalSpy shown(dialog, &sv::ui::RetentionPreviewDialog::previewShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        QVERIFY(!shown.first().at(0).toBool());
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("keeps every backup")), qPrintable(dialog->summaryText()));
        dialog->close();
    }

    // Two runs keeping 5: two backups of web-2 by this plan.
    for (int run = 0; run < 2; ++run) {
        const sv::PlanRunReport report = runByClicking(QStringLiteral("keeps"));
        QCOMPARE(report.state, sv::PlanRunReport::State::Succeeded);
        QTest::qWait(1100); // distinct creation times
    }
    // Now the policy keeps only the last one: the preview says which goes, and why the other stays.
    plan.retention = {{QStringLiteral("keep_last"), 1}};
    savePlan(plan);
    QVERIFY(m_view->selectPlan(QStringLiteral("keeps")));
    QTest::mouseClick(child<QPushButton>("previewRetentionButton"), Qt::LeftButton);
    auto *dialog = m_window->findChild<sv::ui::RetentionPreviewDialog *>(QStringLiteral("retentionPreviewDialog"));
    QVERIFY(dialog);
    QSignalSpy shown(dialog, &sv::ui::RetentionPreviewDialog::previewShown);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    QVERIFY2(shown.first().at(0).toBool(), qPrintable(dialog->summaryText()));
    sv::ui::RetentionPreviewModel *model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    using C = sv::ui::RetentionPreviewModel;
    // Newest first: kept as "last 1/1"; the older one is removed.
    QCOMPARE(model->index(0, C::ServerColumn).data().toString(), QStringLiteral("web-2"));
    QCOMPARE(model->index(0, C::DecisionColumn).data().toString(), QStringLiteral("Keep"));
    QCOMPARE(model->index(0, C::ReasonsColumn).data().toString(), QStringLiteral("last 1/1"));
    QCOMPARE(model->index(1, C::DecisionColumn).data().toString(), QStringLiteral("Remove"));
    QCOMPARE(model->index(1, C::ReasonsColumn).data().toString(), QStringLiteral("no rule keeps it"));
    QVERIFY(model->index(0, C::CreatedColumn).data(sv::ui::UnderlyingDataRole).toDateTime()
            > model->index(1, C::CreatedColumn).data(sv::ui::UnderlyingDataRole).toDateTime());
    QCOMPARE(dialog->summaryText(),
             QStringLiteral("Applied now, the policy (keep 1 last) would keep 1 of plan keeps's backups and remove 1. This "
                            "preview removes nothing; the policy is applied after each run."));
    // Nothing was removed: both backups are still in the storage.
    const QString removed = model->index(1, C::CheckpointColumn).data().toString();
    m_fixture.backend->requestCheckpoints();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_window->backupsModel()->checkpoints().cbegin(),
                                         m_window->backupsModel()->checkpoints().cend(),
                                         [&](const sv::ui::CheckpointEntry &cp) {
                                             return cp.id == removed && cp.status == u"available";
                                         }),
                             20000);
}

void TestPlansView::removePlan()
{
    savePlan(m_fixture.webPlan(QStringLiteral("to-remove")));
    openWindow();
    const QString history = sv::PlanHistory(m_fixture.plans->store()->runsDirectory(), QStringLiteral("to-remove")).filePath();
    // A history to remove with it (a failed run needs no backup: the plan names a server that is not there).
    sv::Plan plan = m_fixture.webPlan(QStringLiteral("to-remove"));
    plan.sources = {sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("nobody"), {}, {}}};
    savePlan(plan);
    QCOMPARE(runByClicking(QStringLiteral("to-remove")).state, sv::PlanRunReport::State::Failed);
    QVERIFY(QFile::exists(history));

    // "Keep It" keeps it.
    sv::ui::MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(child<QPushButton>("removePlanButton"), Qt::LeftButton);
    QVERIFY(m_view->planModel()->rowOf(QStringLiteral("to-remove")) >= 0);
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>("removePlanButton"), Qt::LeftButton);
    QCOMPARE(m_view->planModel()->rowOf(QStringLiteral("to-remove")), -1);
    QVERIFY(!m_fixture.plans->store()->find(QStringLiteral("to-remove")));
    QVERIFY(!QFile::exists(history));
    QVERIFY2(m_view->statusText().contains(QStringLiteral("its backups stay")), qPrintable(m_view->statusText()));
    sv::PlanStore store(m_fixture.plans->store()->directory());
    QVERIFY(store.load());
    QVERIFY(!store.find(QStringLiteral("to-remove")));
}

namespace {
// systemctl for the test: a real executable script that appends its arguments to CALLS, one call a line.
// "running": answers as a systemd user instance would (show-environment, daemon-reload, enable/disable --now
// keep the enabled timers in files, is-enabled reads them; enable takes 0.5 s, so that a GUI thread waiting on
// it would show as a stall). "absent": runs the real systemctl where no user instance runs (an empty runtime
// folder, no session bus).
QString writeSystemctl(const QString &dir, const QString &mode, const QString &realSystemctl)
{
    const QString path = QDir(dir).filePath(QStringLiteral("systemctl"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray script = "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + QFile::encodeName(dir) + "/calls'\n";
    if (mode == u"running") {
        script += "state='" + QFile::encodeName(dir) + "'\n"
                  "case \"$2\" in\n"
                  "  show-environment) echo PATH=/usr/bin; exit 0;;\n"
                  "  daemon-reload) exit 0;;\n"
                  "  enable) sleep 0.5; touch \"$state/enabled-$4\"; exit 0;;\n"
                  "  disable) rm -f \"$state/enabled-$4\"; exit 0;;\n"
                  "  is-enabled) if [ -e \"$state/enabled-$3\" ]; then echo enabled; exit 0; fi; echo disabled; exit 1;;\n"
                  "esac\n"
                  "echo \"unexpected systemctl call: $*\" >&2; exit 1\n";
    } else if (mode == u"slow-first") {
        // No systemd; the first question takes 3 s (then says so in slow-done), later ones are answered at once.
        script += "if mkdir '" + QFile::encodeName(dir) + "/slow-taken' 2>/dev/null; then sleep 3; touch '"
                  + QFile::encodeName(dir) + "/slow-done'; fi\n"
                  "echo 'Failed to connect to bus: No such file or directory' >&2; exit 1\n";
    } else {
        QDir(dir).mkpath(QStringLiteral("runtime"));
        script += "exec env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR='" + QFile::encodeName(dir)
            + "/runtime' '" + QFile::encodeName(realSystemctl) + "' \"$@\"\n";
    }
    file.write(script);
    file.close();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QStringList recordedCalls(const QString &dir)
{
    QFile file(QDir(dir).filePath(QStringLiteral("calls")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

// The calls that change something (not the overview's questions).
QStringList changingCalls(const QStringList &calls)
{
    QStringList changing;
    for (const QString &call : calls) {
        if (!call.startsWith(QLatin1String("--user show-environment")) && !call.startsWith(QLatin1String("--user is-enabled")))
            changing.append(call);
    }
    return changing;
}
} // namespace

void TestPlansView::installAndRemoveSchedule_data()
{
    QTest::addColumn<QString>("systemd");
    QTest::newRow("systemd user instance") << QStringLiteral("running");
    QTest::newRow("no systemd user instance") << QStringLiteral("absent");
}

void TestPlansView::installAndRemoveSchedule()
{
    QFETCH(QString, systemd);
    const bool running = systemd == u"running";
    const QString realSystemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    if (!running && realSystemctl.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("systemctl is missing (Debian package systemd)");
        QSKIP("systemctl is not installed");
    }
    const QString name = running ? QStringLiteral("sched-on") : QStringLiteral("sched-off");
    QTemporaryDir tools;
    QVERIFY(tools.isValid());
    sv::PlanScheduler::Tools schedule;
    schedule.unitDirectory = tools.filePath(QStringLiteral("config/systemd/user"));
    schedule.systemctl = writeSystemctl(tools.path(), systemd, realSystemctl);
    QVERIFY(!schedule.systemctl.isEmpty());
    schedule.program = svtest::CliRunner::binary();
    schedule.environment = {{QStringLiteral("XDG_CONFIG_HOME"), tools.filePath(QStringLiteral("config"))}};
    m_fixture.plans->setScheduleTools(schedule);
    savePlan(m_fixture.webPlan(name)); // daily at 02:30
    openWindow();
    QVERIFY(m_view->selectPlan(name));
    PlanListModel *model = m_view->planModel();
    const int row = model->rowOf(name);
    const auto installed = [&] { return model->index(row, PlanListModel::InstalledColumn).data().toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(installed(), QStringLiteral("Not installed"), 15000);
    auto *install = child<QPushButton>("installScheduleButton");
    auto *remove = child<QPushButton>("removeScheduleButton");
    QVERIFY(install->isEnabled());
    QVERIFY(!remove->isEnabled());
    auto *cronNote = child<QWidget>("cronNote");
    QCOMPARE(cronNote->isVisible(), !running); // said before anything is installed
    const QString timer = QDir(schedule.unitDirectory).filePath(sv::PlanUnits::timerName(name));
    const QString service = QDir(schedule.unitDirectory).filePath(sv::PlanUnits::serviceName(name));

    // Install: on the pool (the GUI thread keeps ticking while systemctl works), then the list says so.
    sv::test::StallMeter stalls;
    stalls.start();
    QTest::mouseClick(install, Qt::LeftButton);
    QVERIFY(!install->isEnabled()); // under way
    QVERIFY2(m_view->statusText().startsWith(QStringLiteral("Installing the schedule of plan %1").arg(name)),
             qPrintable(m_view->statusText()));
    const QString done = running ? QStringLiteral("Installed") : QStringLiteral("Written, not active (no systemd)");
    QTRY_COMPARE_WITH_TIMEOUT(installed(), done, 30000);
    stalls.stop();
    QVERIFY2(stalls.maxStallMs() < 200, qPrintable(QString::number(stalls.maxStallMs())));
    QVERIFY(QFile::exists(timer) && QFile::exists(service));
    SVTEST_VERIFY_USER_UNITS((QStringList{timer, service}));
    QFile serviceFile(service);
    QVERIFY(serviceFile.open(QIODevice::ReadOnly));
    const QByteArray serviceText = serviceFile.readAll();
    QVERIFY2(serviceText.contains(QFile::encodeName(schedule.program)) && serviceText.contains(QByteArray(" plans run " + name.toUtf8() + " --scheduled --notify-on-failure\n")),
             serviceText.constData());
    QVERIFY(remove->isEnabled());
    if (running) {
        QCOMPARE(changingCalls(recordedCalls(tools.path())),
                 (QStringList{QStringLiteral("--user daemon-reload"), QStringLiteral("--user enable --now ") + sv::PlanUnits::timerName(name)}));
        QCOMPARE(m_view->statusText(), QStringLiteral("Installed and enabled %1 (daily 02:30).").arg(sv::PlanUnits::timerName(name)));
        QVERIFY(!cronNote->isVisible());
        QCOMPARE(model->index(row, PlanListModel::InstalledColumn).data(Qt::DecorationRole).isValid(), true);
    } else {
        // The real systemctl said why; the status says plainly that nothing runs, the note has the cron line.
        QVERIFY2(m_view->statusText().contains(QStringLiteral("No systemd user instance runs here"))
                     && m_view->statusText().contains(QStringLiteral("the schedule is NOT active")),
                 qPrintable(m_view->statusText()));
        QVERIFY(recordedCalls(tools.path()).contains(QStringLiteral("--user show-environment")));
        QCOMPARE(changingCalls(recordedCalls(tools.path())), QStringList{}); // nothing enabled
        QVERIFY(cronNote->isVisible());
        QVERIFY2(child<QLabel>("cronLabel")->text().contains(QStringLiteral("To run plan %1 from cron instead, add this line with `crontab -e`:").arg(name)),
                 qPrintable(child<QLabel>("cronLabel")->text()));
        const QString line = child<QLineEdit>("cronLineEdit")->text();
        QVERIFY2(line.startsWith(QStringLiteral("30 2 * * * ")) && line.contains(schedule.program)
                     && line.endsWith(QStringLiteral(" plans run %1 --scheduled --notify-on-failure").arg(name)),
                 qPrintable(line));
        QTest::mouseClick(child<QPushButton>("copyCronLineButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), line);
    }
    // An installed schedule keeps the plan (and its name) until it is removed.
    QString error;
    QVERIFY(!m_fixture.plans->removePlan(name, &error));
    QVERIFY2(error.contains(QStringLiteral("remove the schedule first (Remove Schedule)")), qPrintable(error));
    sv::Plan renamed = m_fixture.webPlan(name);
    renamed.name = name + QStringLiteral("-renamed");
    QVERIFY(!m_fixture.plans->savePlan(name, renamed, &error));
    QVERIFY2(error.contains(QStringLiteral("remove it first (Remove Schedule), then rename the plan")), qPrintable(error));

    // Remove: both units gone, the timer disabled first where systemd runs.
    const int callsBefore = int(recordedCalls(tools.path()).size());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(installed(), QStringLiteral("Not installed"), 30000);
    QVERIFY(!QFile::exists(timer) && !QFile::exists(service));
    QCOMPARE(m_view->statusText(), QStringLiteral("Removed the schedule of plan %1 (%2 and %3).")
                                       .arg(name, sv::PlanUnits::timerName(name), sv::PlanUnits::serviceName(name)));
    const QStringList removing = changingCalls(recordedCalls(tools.path()).mid(callsBefore));
    if (running)
        QCOMPARE(removing, (QStringList{QStringLiteral("--user disable --now ") + sv::PlanUnits::timerName(name),
                                        QStringLiteral("--user daemon-reload")}));
    else
        QCOMPARE(removing, QStringList{});
    QVERIFY(!remove->isEnabled());
    QVERIFY(install->isEnabled());
    QVERIFY2(m_fixture.plans->removePlan(name, &error), qPrintable(error));
}

// Editing a plan whose schedule is installed brings its units along, as `plans edit` does: a new time
// rewrites and re-enables the timer, an edit that leaves the units as they are calls nothing, no schedule
// removes them.
void TestPlansView::installedScheduleFollowsEdits()
{
    QTemporaryDir tools;
    QVERIFY(tools.isValid());
    sv::PlanScheduler::Tools schedule;
    schedule.unitDirectory = tools.filePath(QStringLiteral("config/systemd/user"));
    schedule.systemctl = writeSystemctl(tools.path(), QStringLiteral("running"), {});
    schedule.program = svtest::CliRunner::binary();
    m_fixture.plans->setScheduleTools(schedule);
    const QString name = QStringLiteral("follows");
    sv::Plan plan = m_fixture.webPlan(name); // daily at 02:30
    savePlan(plan);
    openWindow();
    QVERIFY(m_view->selectPlan(name));
    PlanListModel *model = m_view->planModel();
    const auto installed = [&] { return model->index(model->rowOf(name), PlanListModel::InstalledColumn).data().toString(); };
    QVERIFY(m_fixture.plans->installSchedule(name));
    QTRY_COMPARE_WITH_TIMEOUT(installed(), QStringLiteral("Installed"), 30000);
    const QString timerName = sv::PlanUnits::timerName(name);
    const QString timer = QDir(schedule.unitDirectory).filePath(timerName);
    const auto timerText = [&] {
        QFile file(timer);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QVERIFY(timerText().contains(QStringLiteral("OnCalendar=%1\n").arg(plan.schedule.onCalendar())));

    // A new time: the timer is rewritten and enabled again, the list stays "Installed".
    int callsBefore = int(recordedCalls(tools.path()).size());
    plan.schedule = sv::PlanSchedule{sv::PlanSchedule::Kind::Daily, 15, 3, 1, {}};
    savePlan(plan);
    QTRY_VERIFY_WITH_TIMEOUT(timerText().contains(QStringLiteral("OnCalendar=%1\n").arg(plan.schedule.onCalendar())), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->statusText(), QStringLiteral("Installed and enabled %1 (daily 03:15).").arg(timerName), 30000);
    QCOMPARE(changingCalls(recordedCalls(tools.path()).mid(callsBefore)),
             (QStringList{QStringLiteral("--user daemon-reload"), QStringLiteral("--user enable --now ") + timerName}));
    QTRY_COMPARE_WITH_TIMEOUT(installed(), QStringLiteral("Installed"), 30000);

    // Nothing the units say changed: nothing is called.
    callsBefore = int(recordedCalls(tools.path()).size());
    plan.parallelism = 3;
    savePlan(plan);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.plans->isChangingSchedule(name), false, 30000);
    QCOMPARE(changingCalls(recordedCalls(tools.path()).mid(callsBefore)), QStringList{});

    // No schedule any more: the units go, the timer disabled first.
    callsBefore = int(recordedCalls(tools.path()).size());
    plan.schedule = sv::PlanSchedule{};
    savePlan(plan);
    QTRY_COMPARE_WITH_TIMEOUT(installed(), QStringLiteral("No schedule"), 30000);
    QVERIFY(!QFile::exists(timer));
    QCOMPARE(changingCalls(recordedCalls(tools.path()).mid(callsBefore)),
             (QStringList{QStringLiteral("--user disable --now ") + timerName, QStringLiteral("--user daemon-reload")}));
    QString error;
    QVERIFY2(m_fixture.plans->removePlan(name, &error), qPrintable(error));
}

// The overview is worked out on the pool; one asked for earlier (before a plan was saved) that comes back
// after a newer one must not replace it (the new plan's row would say "…" until the next refresh).
void TestPlansView::lateOverviewDoesNotHideANewerOne()
{
    if (QThreadPool::globalInstance()->maxThreadCount() < 2)
        QThreadPool::globalInstance()->setMaxThreadCount(2); // the slow overview and the newer one side by side
    QTemporaryDir tools;
    QVERIFY(tools.isValid());
    sv::PlanScheduler::Tools schedule;
    schedule.unitDirectory = tools.filePath(QStringLiteral("config/systemd/user"));
    schedule.systemctl = writeSystemctl(tools.path(), QStringLiteral("slow-first"), {});
    QVERIFY(!schedule.systemctl.isEmpty());
    schedule.program = svtest::CliRunner::binary();
    m_fixture.plans->setScheduleTools(schedule);
    savePlan(m_fixture.webPlan(QStringLiteral("early")));
    openWindow(); // asks for the overview: its systemctl question is the slow one
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(tools.filePath(QStringLiteral("slow-taken"))), 15000);
    savePlan(m_fixture.webPlan(QStringLiteral("late"))); // asks again: answered at once
    PlanListModel *model = m_view->planModel();
    const auto installed = [&](const QString &name) {
        return model->index(model->rowOf(name), PlanListModel::InstalledColumn).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(installed(QStringLiteral("late")), QStringLiteral("Not installed"), 15000);
    QVERIFY2(!QFileInfo::exists(tools.filePath(QStringLiteral("slow-done"))), "the newer overview came after the slow one");
    // The slow one ends; its answer (without plan "late") arrives a moment later and is dropped.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(tools.filePath(QStringLiteral("slow-done"))), 15000);
    QTest::qWait(500);
    QCOMPARE(installed(QStringLiteral("late")), QStringLiteral("Not installed"));
    QCOMPARE(installed(QStringLiteral("early")), QStringLiteral("Not installed"));
    QString error;
    for (const QString &name : {QStringLiteral("early"), QStringLiteral("late")})
        QVERIFY2(m_fixture.plans->removePlan(name, &error), qPrintable(error));
}

// Closing the window while a plan runs asks first. "Keep Running" keeps the run going; "Cancel Jobs and
// Quit" cancels it: its temporary snapshot is deleted before the window closes, the run history records the
// run as cancelled, and the plan's lock is free (a scheduled run may start).
void TestPlansView::closingDuringARunCancelsIt_data()
{
    QTest::addColumn<bool>("keepRunningFirst");
    QTest::newRow("cancel and quit") << false;
    QTest::newRow("keep running, then cancel and quit") << true;
}

void TestPlansView::closingDuringARunCancelsIt()
{
    QFETCH(bool, keepRunningFirst);
    const QString name = keepRunningFirst ? QStringLiteral("closing-late") : QStringLiteral("closing");
    sv::Plan plan = m_fixture.webPlan(name);
    plan.sources = {sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("web-1"), {}, {}}};
    savePlan(plan);
    openWindow();
    m_window->setQuitCleanupTimeout(std::chrono::seconds(60));
    // The fake server stays busy a moment after a cancelled snapshot: each row starts with it idle.
    const QString serverId = m_fixture.cloud.serverIdByName(QStringLiteral("web-1"));
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.cloud.serverTaskState(serverId).isEmpty(), 30000);
    const QStringList before = m_fixture.cloud.leftoverImageIds();
    m_fixture.cloud.setSnapshotStepSeconds(1.5, 1.5, 1.5, 1.5); // the snapshot takes a while
    QVERIFY(m_view->selectPlan(name));
    QTest::mouseClick(child<QPushButton>("runPlanButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.cloud.leftoverImageIds().size() > before.size(), 60000); // its snapshot
    QTest::qWait(300); // the snapshot's id is in the journal once createImage has answered
    const QString runs = m_fixture.plans->store()->runsDirectory();
    QCOMPARE(sv::PlanLock::isHeld(runs, name), sv::PlanLock::Probe::Held);

    if (keepRunningFirst) {
        sv::ui::MessageBox::setNextAnswer(QMessageBox::No); // "Keep Running"
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QVERIFY(!m_window->isCleaningUpToQuit());
        QVERIFY(m_fixture.plans->isRunning(name));
    }
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes); // "Cancel Jobs and Quit"
    QVERIFY(!m_window->close()); // not yet: the run cleans up first
    const QString asked = sv::ui::MessageBox::lastText();
    QVERIFY2(asked.contains(QStringLiteral("Plan %1 is running").arg(name)) && asked.contains(QStringLiteral("recorded as cancelled")),
             qPrintable(asked));
    QVERIFY(m_window->isCleaningUpToQuit());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 60000);
    m_fixture.cloud.setSnapshotStepSeconds(0.1, 0.1, 0.1, 0.1); // as the scenario has it

    // Closed only once the run had ended and cleaned up.
    QCOMPARE(m_fixture.plans->runningCount(), 0);
    QCOMPARE(m_fixture.cloud.leftoverImageIds(), before);
    QList<sv::PlanRunReport> history;
    QVERIFY(sv::PlanHistory(runs, name).load(&history, nullptr));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.last().state, sv::PlanRunReport::State::Cancelled);
    QCOMPARE(sv::PlanLock::isHeld(runs, name), sv::PlanLock::Probe::Free);
    QString error;
    QVERIFY2(sv::PlanLock::tryAcquire(runs, name, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.cloud.serverTaskState(serverId).isEmpty(), 30000);
}

QTEST_MAIN(TestPlansView)
#include "tst_plansview.moc"
