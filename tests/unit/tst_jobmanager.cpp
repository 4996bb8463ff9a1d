#include "jobs/jobmanager.h"
#include "qtmessagerecorder.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>

namespace {

// Ticks on its worker thread with a timer, like a download would, and honours cancel().
class TickingJob : public sv::Job
{
public:
    TickingJob(int ticks, std::atomic_int *concurrent, std::atomic_int *peak)
        : sv::Job(QStringLiteral("ticking"))
        , m_ticks(ticks)
        , m_concurrent(concurrent)
        , m_peak(peak)
    {
    }
    Qt::HANDLE runThread = nullptr;

protected:
    void run() override
    {
        runThread = QThread::currentThreadId();
        const int now = ++*m_concurrent;
        int seen = m_peak->load();
        while (now > seen && !m_peak->compare_exchange_weak(seen, now)) {
        }
        setStage(sv::JobStage::Downloading, m_ticks);
        m_timer = new QTimer(this);
        m_timer->setInterval(5);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] {
            setBytesDone(++m_done);
            if (m_done == m_ticks) {
                m_timer->stop();
                --*m_concurrent;
                finish(sv::JobResult{sv::JobOutcome::Succeeded, QStringLiteral("ok"), {}, {}});
            }
        });
        m_timer->start();
    }
    void onCancel() override
    {
        m_timer->stop();
        --*m_concurrent;
        finishCancelled();
    }

private:
    int m_ticks;
    int m_done = 0;
    std::atomic_int *m_concurrent;
    std::atomic_int *m_peak;
    QTimer *m_timer = nullptr;
};

// Like a backup: cancelling starts an asynchronous cleanup (a timer here, a DELETE request in a
// BackupJob) and the job finishes only when it is done. A second timer keeps ticking all the while, so
// that deleting the job from any thread but its own would make Qt complain about its timers.
struct CleanupLog
{
    std::atomic_int cleanedUp{0};
    std::atomic_int deletedElsewhere{0}; // jobs deleted on a thread other than the one they ran on
    std::atomic_int deleted{0};
};

class CleaningJob : public sv::Job
{
public:
    CleaningJob(int cleanupMs, CleanupLog *log)
        : sv::Job(QStringLiteral("cleaning %1 ms").arg(cleanupMs))
        , m_cleanupMs(cleanupMs)
        , m_log(log)
    {
    }
    ~CleaningJob() override
    {
        if (m_ranOn && m_ranOn != QThread::currentThread())
            ++m_log->deletedElsewhere;
        ++m_log->deleted;
    }
    QPointer<QThread> ranOn() const { return m_ranOn; }

protected:
    void run() override
    {
        m_ranOn = QThread::currentThread();
        setStage(sv::JobStage::Downloading, 1000000);
        auto *ticker = new QTimer(this);
        QObject::connect(ticker, &QTimer::timeout, this, [this] { setBytesDone(++m_ticks); });
        ticker->start(5);
    }
    void onCancel() override
    {
        setStage(sv::JobStage::CleaningUp);
        QTimer::singleShot(m_cleanupMs, this, [this] {
            ++m_log->cleanedUp;
            finishCancelled();
        });
    }

private:
    int m_cleanupMs;
    CleanupLog *m_log;
    QPointer<QThread> m_ranOn;
    int m_ticks = 0;
};

} // namespace

class TestJobManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsJobsOffTheCallingThreadWithinTheLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("jobs");
        QTest::newRow("one at a time") << 1 << 3;
        QTest::newRow("two at a time") << 2 << 5;
    }
    void runsJobsOffTheCallingThreadWithinTheLimit()
    {
        QFETCH(int, limit);
        QFETCH(int, jobs);
        std::atomic_int concurrent{0};
        std::atomic_int peak{0};
        sv::JobManager manager;
        manager.setMaxConcurrentJobs(limit);
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        QSignalSpy progress(&manager, &sv::JobManager::jobProgress);
        QSignalSpy all(&manager, &sv::JobManager::allFinished);
        for (int i = 0; i < jobs; ++i)
            manager.enqueue(new TickingJob(10, &concurrent, &peak));
        QVERIFY(all.wait(10000));
        QCOMPARE(finished.size(), jobs);
        for (const auto &args : finished)
            QCOMPARE(args.at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Succeeded);
        QCOMPARE(peak.load(), limit);
        QVERIFY(progress.size() >= jobs);
        QCOMPARE(progress.last().at(1).value<sv::JobProgress>().stage, sv::JobStage::Done);
    }

    void cancelStopsARunningJobAndAQueuedOne()
    {
        std::atomic_int concurrent{0};
        std::atomic_int peak{0};
        sv::JobManager manager;
        manager.setMaxConcurrentJobs(1);
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        const int running = manager.enqueue(new TickingJob(100000, &concurrent, &peak));
        const int queued = manager.enqueue(new TickingJob(10, &concurrent, &peak));
        QSignalSpy progress(&manager, &sv::JobManager::jobProgress);
        QVERIFY(progress.wait(5000));
        manager.cancel(queued);
        manager.cancel(running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        for (const auto &args : finished)
            QCOMPARE(args.at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
        QCOMPARE(concurrent.load(), 0);
    }

    void destructionCancelsRunningJobs()
    {
        QtMessageRecorder messages;
        std::atomic_int concurrent{0};
        std::atomic_int peak{0};
        CleanupLog log;
        {
            sv::JobManager manager;
            manager.enqueue(new TickingJob(100000, &concurrent, &peak));
            manager.enqueue(new CleaningJob(60000, &log)); // its cleanup cannot finish: it is cut short
            QSignalSpy progress(&manager, &sv::JobManager::jobProgress);
            QTRY_COMPARE_WITH_TIMEOUT(manager.runningCount(), 2, 5000);
            QVERIFY(progress.wait(5000));
        }
        QCOMPARE(concurrent.load(), 0);
        QCOMPARE(log.deleted.load(), 1);
        QCOMPARE(log.cleanedUp.load(), 0);
        // The job and its still active timers ended on the job's own thread.
        QCOMPARE(log.deletedElsewhere.load(), 0);
        QVERIFY2(messages.threadingWarnings().isEmpty(), qPrintable(messages.threadingWarnings().join(u'\n')));
    }

    // Quitting with jobs running: every job's asynchronous cleanup runs to its end before the
    // manager reports that it has shut down, and nothing blocks the calling thread meanwhile.
    void shutdownWaitsForEachJobsCleanup()
    {
        QtMessageRecorder messages;
        CleanupLog log;
        sv::JobManager manager;
        manager.setMaxConcurrentJobs(2);
        auto *first = new CleaningJob(300, &log);
        auto *second = new CleaningJob(600, &log);
        manager.enqueue(first);
        manager.enqueue(second);
        manager.enqueue(new CleaningJob(10, &log)); // queued: dropped, never run
        QTRY_VERIFY_WITH_TIMEOUT(first->ranOn() && second->ranOn(), 5000);
        const QPointer<QThread> threads[] = {first->ranOn(), second->ranOn()};
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        QSignalSpy cleaningUp(&manager, &sv::JobManager::jobProgress);
        int cleanedWhenShutDown = -1;
        bool threadsEndedWhenShutDown = false;
        QStringList givenUp{QStringLiteral("not reported")};
        connect(&manager, &sv::JobManager::shutdownFinished, this, [&](const QStringList &names) {
            cleanedWhenShutDown = log.cleanedUp.load();
            threadsEndedWhenShutDown = std::all_of(std::begin(threads), std::end(threads),
                                                   [](const QPointer<QThread> &t) { return !t || t->isFinished(); });
            givenUp = names;
        });

        QElapsedTimer clock;
        clock.start();
        manager.shutdown(std::chrono::seconds(30));
        QVERIFY(clock.elapsed() < 100); // asynchronous: returns at once
        QVERIFY(manager.isShuttingDown());
        QCOMPARE(log.cleanedUp.load(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(manager.isShutDown(), 10000);

        QCOMPARE(cleanedWhenShutDown, 2);
        QVERIFY(threadsEndedWhenShutDown);
        QVERIFY(givenUp.isEmpty());
        QCOMPARE(finished.size(), 3);
        for (const auto &args : std::as_const(finished))
            QCOMPARE(args.at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
        QVERIFY(std::any_of(cleaningUp.cbegin(), cleaningUp.cend(), [](const QList<QVariant> &args) {
            return args.at(1).value<sv::JobProgress>().stage == sv::JobStage::CleaningUp;
        }));
        QCOMPARE(log.deleted.load(), 3);
        QCOMPARE(log.deletedElsewhere.load(), 0);
        QVERIFY2(messages.threadingWarnings().isEmpty(), qPrintable(messages.threadingWarnings().join(u'\n')));

        // A job handed in now is not run.
        QSignalSpy added(&manager, &sv::JobManager::jobFinished);
        manager.enqueue(new CleaningJob(10, &log));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
        QCOMPARE(manager.runningCount(), 0);
    }

    // A cleanup that never ends does not keep the application alive: after the timeout the job is
    // given up (deleted on its own thread) and named.
    void shutdownGivesUpAfterTheTimeout()
    {
        QtMessageRecorder messages;
        CleanupLog log;
        sv::JobManager manager;
        auto *job = new CleaningJob(3600 * 1000, &log);
        const QString title = job->title();
        const int id = manager.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->ranOn(), 5000);
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        QSignalSpy shutDown(&manager, &sv::JobManager::shutdownFinished);
        QElapsedTimer clock;
        clock.start();
        manager.shutdown(std::chrono::milliseconds(300));
        QVERIFY(shutDown.wait(10000));
        QVERIFY(clock.elapsed() >= 250); // a coarse timer may fire up to 5 % early
        QCOMPARE(shutDown.first().at(0).toStringList(), QStringList{title});
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), id);
        QCOMPARE(finished.first().at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
        QCOMPARE(log.cleanedUp.load(), 0);
        QCOMPARE(log.deleted.load(), 1);
        QCOMPARE(log.deletedElsewhere.load(), 0);
        QVERIFY2(messages.threadingWarnings().isEmpty(), qPrintable(messages.threadingWarnings().join(u'\n')));
    }

    void shutdownWithNothingRunningEndsAtOnce()
    {
        sv::JobManager manager;
        QSignalSpy shutDown(&manager, &sv::JobManager::shutdownFinished);
        manager.shutdown(std::chrono::seconds(30));
        QCOMPARE(shutDown.size(), 0); // always from the event loop, never inside shutdown()
        QVERIFY(shutDown.wait(1000));
        QVERIFY(shutDown.first().at(0).toStringList().isEmpty());
    }

    void progressComputesPercentAndEta()
    {
        sv::JobProgress progress;
        QCOMPARE(progress.percent(), -1);
        progress.bytesTotal = 200;
        progress.bytesDone = 50;
        QCOMPARE(progress.percent(), 25);
        sv::TransferRate rate;
        QCOMPARE(rate.etaSeconds(0, 100), -1);
    }
};

QTEST_GUILESS_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
