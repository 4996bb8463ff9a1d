#include "jobs/jobmanager.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

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
        std::atomic_int concurrent{0};
        std::atomic_int peak{0};
        {
            sv::JobManager manager;
            manager.enqueue(new TickingJob(100000, &concurrent, &peak));
            QSignalSpy progress(&manager, &sv::JobManager::jobProgress);
            QVERIFY(progress.wait(5000));
        }
        QCOMPARE(concurrent.load(), 0);
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
