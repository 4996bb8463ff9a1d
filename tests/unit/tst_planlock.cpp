// PlanLock: one plan never runs twice at once (a second holder is refused, in this process or another, naming
// the holder), the kernel frees the lock of a killed holder, and isHeld() tells a live run from a killed one
// WITHOUT taking the lock: a `plans run` that starts while the Plans view or `plans history` probes is not
// refused, and the holder's process id in the lock file stays as the holder wrote it.
#include "plans/planlock.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using sv::PlanLock;
using Probe = sv::PlanLock::Probe;

Q_DECLARE_METATYPE(sv::PlanLock::Probe)

namespace {

// Another process holding the plan's lock as a `plans run` does (an exclusive OFD lock on the whole file), until
// release() or kill(). Only async-signal-safe calls in the child.
class OtherHolder
{
public:
    explicit OtherHolder(const QString &lockPath)
    {
        const QByteArray path = QFile::encodeName(lockPath);
        int ready[2];
        int stop[2];
        if (::pipe(ready) != 0 || ::pipe(stop) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(ready[0]);
            ::close(stop[1]);
            const int fd = ::open(path.constData(), O_RDWR | O_CREAT, 0600);
            struct flock range = {};
            range.l_type = F_WRLCK;
            range.l_whence = SEEK_SET;
            const char ok = fd >= 0 && ::fcntl(fd, F_OFD_SETLK, &range) == 0 ? '1' : '0';
            if (::write(ready[1], &ok, 1) != 1)
                ::_exit(2);
            char byte;
            while (::read(stop[0], &byte, 1) < 0) { }
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(stop[0]);
        m_stop = stop[1];
        char ok = '0';
        m_locked = ::read(ready[0], &ok, 1) == 1 && ok == '1';
        ::close(ready[0]);
    }
    ~OtherHolder() { release(); }
    bool locked() const { return m_pid > 0 && m_locked; }
    void release()
    {
        if (m_stop >= 0) {
            ::close(m_stop); // the child's read ends
            m_stop = -1;
        }
        reap();
    }
    void kill()
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGKILL);
        reap();
    }

private:
    void reap()
    {
        if (m_pid > 0)
            ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    pid_t m_pid = -1;
    int m_stop = -1;
    bool m_locked = false;
};

} // namespace

class TestPlanLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void probe_data()
    {
        QTest::addColumn<QString>("holder");
        QTest::addColumn<Probe>("expected");
        QTest::newRow("never ran (no lock file)") << QStringLiteral("none") << Probe::Free;
        QTest::newRow("ran and ended") << QStringLiteral("released") << Probe::Free;
        QTest::newRow("runs in this process") << QStringLiteral("here") << Probe::Held;
        QTest::newRow("runs in another process") << QStringLiteral("other") << Probe::Held;
        QTest::newRow("other process killed") << QStringLiteral("killed") << Probe::Free;
    }
    void probe()
    {
        QFETCH(QString, holder);
        QFETCH(Probe, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString runs = dir.filePath(QStringLiteral("plan-runs"));
        QVERIFY(QDir().mkpath(runs));
        const QString lockFile = QDir(runs).filePath(QStringLiteral("nightly.lock"));
        std::unique_ptr<PlanLock> here;
        std::unique_ptr<OtherHolder> other;
        QString error;
        if (holder == u"released") {
            QVERIFY2(PlanLock::tryAcquire(runs, QStringLiteral("nightly"), &error), qPrintable(error));
        } else if (holder == u"here") {
            here = PlanLock::tryAcquire(runs, QStringLiteral("nightly"), &error);
            QVERIFY2(here, qPrintable(error));
        } else if (holder == u"other" || holder == u"killed") {
            other = std::make_unique<OtherHolder>(lockFile);
            QVERIFY(other->locked());
            // The second holder is refused while the other lives.
            QVERIFY(!PlanLock::tryAcquire(runs, QStringLiteral("nightly"), &error));
            QVERIFY2(error.contains(QStringLiteral("Plan nightly is already running")), qPrintable(error));
            if (holder == u"killed")
                other->kill();
        }
        QByteArray before;
        if (QFile file(lockFile); file.open(QIODevice::ReadOnly))
            before = file.readAll();

        error.clear();
        QCOMPARE(PlanLock::isHeld(runs, QStringLiteral("nightly"), &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The probe wrote nothing: no lock file made, the holder's record unchanged.
        QCOMPARE(QFile::exists(lockFile), holder != u"none");
        if (QFile file(lockFile); file.open(QIODevice::ReadOnly))
            QCOMPARE(file.readAll(), before);
        // What the probe said is what an acquire finds.
        const bool acquired = bool(PlanLock::tryAcquire(runs, QStringLiteral("nightly"), &error));
        QCOMPARE(acquired, expected == Probe::Free);
    }

    // The reason for isHeld(): a run that starts while the probe looks (here exactly then: from inside the
    // probe, with its lock file open and the kernel's answer in) gets the lock, and the probe's answer was
    // "free". A probe that took the lock to look (as PlansService once did) makes this acquire fail.
    void acquireDuringProbeIsNotRefused_data()
    {
        QTest::addColumn<bool>("ranBefore"); // the lock file exists (from an ended run)
        QTest::newRow("after an ended run") << true;
        QTest::newRow("first run") << false;
    }
    void acquireDuringProbeIsNotRefused()
    {
        QFETCH(bool, ranBefore);
        QTemporaryDir dir;
        const QString runs = dir.path();
        QString error;
        if (ranBefore)
            QVERIFY2(PlanLock::tryAcquire(runs, QStringLiteral("p"), &error), qPrintable(error));
        std::unique_ptr<PlanLock> run;
        int calls = 0;
        const Probe probed = PlanLock::isHeld(runs, QStringLiteral("p"), &error, [&] {
            ++calls;
            run = PlanLock::tryAcquire(runs, QStringLiteral("p"), &error);
        });
        QCOMPARE(probed, Probe::Free);
        QCOMPARE(calls, ranBefore ? 1 : 0); // no lock file: nothing to open, nothing to ask
        if (!ranBefore)
            run = PlanLock::tryAcquire(runs, QStringLiteral("p"), &error);
        QVERIFY2(run, qPrintable(error));
        // And the run's lock is seen once the probe has closed its file (closing must not drop the run's lock).
        QCOMPARE(PlanLock::isHeld(runs, QStringLiteral("p")), Probe::Held);
        QVERIFY(!PlanLock::tryAcquire(runs, QStringLiteral("p"), &error));
        run.reset();
        QCOMPARE(PlanLock::isHeld(runs, QStringLiteral("p")), Probe::Free);
    }

    // A lock file that cannot be opened (here a symbolic link to itself, which fails even for root): neither
    // free nor held, with the reason.
    void unopenableLockFileIsUnknown()
    {
        QTemporaryDir dir;
        const QString lockFile = dir.filePath(QStringLiteral("q.lock"));
        QVERIFY(QFile::link(lockFile, lockFile));
        QString error;
        QCOMPARE(PlanLock::isHeld(dir.path(), QStringLiteral("q"), &error), Probe::Unknown);
        QVERIFY2(error.contains(lockFile) && error.contains(QStringLiteral("plan q")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPlanLock)
#include "tst_planlock.moc"
