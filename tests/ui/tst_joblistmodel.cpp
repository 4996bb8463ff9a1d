#include "common/itemroles.h"
#include "fakejob.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "jobsdock/progressdelegate.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using sv::ui::JobListModel;

class TestJobListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsFollowJobs();
    void progressIsBatched();
    void failureKeepsDetails();
    void cancelFromDock();
    void clearFinishedKeepsRunning();
    void delegatePaints();
    void jobsOfSeveralManagers();
};

void TestJobListModel::rowsFollowJobs()
{
    sv::JobManager manager;
    JobListModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &JobListModel::jobFinished);

    const int a = manager.enqueue(new FakeJob(QStringLiteral("Back up web-1"), {}));
    const int b = manager.enqueue(new FakeJob(QStringLiteral("Back up db-1"), {}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.jobId(0), a);
    QCOMPARE(model.rowOfJob(b), 1);
    QCOMPARE(model.index(0, JobListModel::TitleColumn).data().toString(), QStringLiteral("Back up web-1"));
    QCOMPARE(model.index(1, JobListModel::StatusColumn).data().toString(), QStringLiteral("Queued"));

    // Progress advances: the raw percent grows while the job runs.
    QTRY_VERIFY_WITH_TIMEOUT(model.index(0, JobListModel::ProgressColumn).data(sv::ui::UnderlyingDataRole).toInt() > 0,
                             5000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model.outcome(row), sv::JobOutcome::Succeeded);
        QCOMPARE(model.index(row, JobListModel::ProgressColumn).data(sv::ui::UnderlyingDataRole).toInt(), 100);
        QCOMPARE(model.index(row, JobListModel::StatusColumn).data().toString(), QStringLiteral("Backed up."));
        QVERIFY(model.index(row, JobListModel::EtaColumn).data().toString().isEmpty());
    }
    QCOMPARE(model.finishedCount(), 2);
}

void TestJobListModel::progressIsBatched()
{
    sv::JobManager manager;
    manager.setMaxConcurrentJobs(4);
    JobListModel model(&manager);
    model.setBatchInterval(200);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy progress(&manager, &sv::JobManager::jobProgress);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(&model, &JobListModel::jobFinished);
    FakeJob::Options fast;
    fast.steps = 40;
    fast.stepMs = 5;
    for (int i = 0; i < 4; ++i)
        manager.enqueue(new FakeJob(QStringLiteral("job %1").arg(i), fast));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 10000);
    // Many progress ticks from four jobs, far fewer repaints.
    qInfo("progress signals: %lld, dataChanged: %lld", qlonglong(progress.size()), qlonglong(changed.size()));
    QVERIFY(progress.size() > 8);
    QVERIFY(changed.size() < progress.size());
}

void TestJobListModel::failureKeepsDetails()
{
    sv::JobManager manager;
    JobListModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &JobListModel::jobFinished);
    FakeJob::Options failing;
    failing.steps = 2;
    failing.fail = true;
    manager.enqueue(new FakeJob(QStringLiteral("Back up web-1"), failing));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(model.outcome(0), sv::JobOutcome::Failed);
    QVERIFY(model.index(0, JobListModel::StatusColumn).data().toString().contains(QStringLiteral("killed")));
    QCOMPARE(model.index(0, 0).data(sv::ui::DetailsRole).toString(), QStringLiteral("GET /v2/images/x: killed"));
}

void TestJobListModel::cancelFromDock()
{
    sv::JobManager manager;
    sv::ui::JobsDock dock(&manager);
    QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(dock.model(), &JobListModel::jobFinished);
    FakeJob::Options slow;
    slow.steps = 1000;
    slow.stepMs = 20;
    manager.enqueue(new FakeJob(QStringLiteral("Back up big"), slow));
    auto *cancel = dock.findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    auto *clear = dock.findChild<QPushButton *>(QStringLiteral("clearFinishedButton"));
    QVERIFY(cancel && clear);
    // The newest job is selected, so Cancel applies to it.
    QTRY_VERIFY(dock.model()->progress(0).stage == sv::JobStage::Downloading);
    QVERIFY(cancel->isEnabled());
    QVERIFY(!clear->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(dock.model()->outcome(0), sv::JobOutcome::Cancelled);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(dock.model()->rowCount(), 0);
}

void TestJobListModel::clearFinishedKeepsRunning()
{
    sv::JobManager manager;
    manager.setMaxConcurrentJobs(3);
    JobListModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &JobListModel::jobFinished);
    FakeJob::Options quick;
    quick.steps = 1;
    FakeJob::Options slow;
    slow.steps = 1000;
    manager.enqueue(new FakeJob(QStringLiteral("quick 1"), quick));
    const int running = manager.enqueue(new FakeJob(QStringLiteral("slow"), slow));
    manager.enqueue(new FakeJob(QStringLiteral("quick 2"), quick));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
    model.clearFinished();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.jobId(0), running);
    manager.cancel(running);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 5000);
}

void TestJobListModel::delegatePaints()
{
    sv::JobManager manager;
    sv::ui::JobsDock dock(&manager);
    FakeJob::Options slow;
    slow.steps = 1000;
    manager.enqueue(new FakeJob(QStringLiteral("paint me"), slow));
    dock.resize(800, 200);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QTRY_VERIFY(dock.model()->progress(0).stage == sv::JobStage::Downloading);
    // Rendering runs the delegate's paint() through the style; it must not crash and the view keeps rows.
    const QPixmap pixmap = dock.view()->viewport()->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(qobject_cast<sv::ui::ProgressDelegate *>(dock.view()->itemDelegateForColumn(JobListModel::ProgressColumn)));
    manager.cancelAll();
}


// A plan run's jobs run on their own manager: the dock shows them beside the main manager's, with the
// same ids kept apart, cancels each on its own manager, and reports only the main manager's ends.
void TestJobListModel::jobsOfSeveralManagers()
{
    sv::JobManager main;
    JobListModel model(&main);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &JobListModel::jobFinished);
    auto plan = std::make_unique<sv::JobManager>();
    model.addManager(plan.get(), QStringLiteral("Plan nightly: "));
    model.addManager(plan.get(), QStringLiteral("again: ")); // once only

    const int mainJob = main.enqueue(new FakeJob(QStringLiteral("Back up web-1"), {}));
    FakeJob::Options slow;
    slow.steps = 1000;
    const int planJob = plan->enqueue(new FakeJob(QStringLiteral("Back up web-2"), slow));
    QCOMPARE(planJob, mainJob); // each manager counts from 1
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, JobListModel::TitleColumn).data().toString(), QStringLiteral("Plan nightly: Back up web-2"));
    QCOMPARE(model.rowOfJob(mainJob), 0);
    QCOMPARE(model.rowOfJob(plan.get(), planJob), 1);
    QCOMPARE(model.managerOf(0), &main);
    QCOMPARE(model.managerOf(1), plan.get());

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toInt(), mainJob);
    QCOMPARE(model.outcome(0), sv::JobOutcome::Succeeded);
    QCOMPARE(model.outcome(1), sv::JobOutcome::Running);

    // Cancel in the dock reaches the plan's manager.
    sv::ui::JobsDock dock(&main);
    dock.model()->addManager(plan.get(), QStringLiteral("Plan nightly: "));
    const int second = plan->enqueue(new FakeJob(QStringLiteral("Back up db-1"), slow));
    QCOMPARE(dock.model()->rowCount(), 1);
    dock.view()->setCurrentIndex(dock.model()->index(0, 0));
    QTest::mouseClick(dock.findChild<QPushButton *>(QStringLiteral("cancelJobButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dock.model()->outcome(0), sv::JobOutcome::Cancelled, 10000);
    QCOMPARE(model.outcome(model.rowOfJob(plan.get(), second)), sv::JobOutcome::Cancelled);
    QCOMPARE(finished.size(), 1); // not the plan's jobs

    // The plan's manager goes with its run; its rows stay until cleared.
    plan->cancelAll();
    QTRY_VERIFY_WITH_TIMEOUT(plan->runningCount() == 0, 10000);
    plan.reset();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.managerOf(1), nullptr);
    model.clearFinished();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
