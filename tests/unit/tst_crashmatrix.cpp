// The crash-safety matrix: stackvault-cli backup and restore, against the fake cloud over real HTTP,
// each killed (SIGKILL, STACKVAULT_CRASH_AT, see core/util/crashpoint.h) at every stage in turn. After
// each kill the next start must leave the world clean: the sweep deletes every temporary snapshot and
// every half-made restore, no backup is listed `available` unless it verifies, `check` passes after
// `prune`, every backup once reported complete is still there, and a new backup of the same server
// succeeds. A second test runs two backups, a sweep and a prune on one bank at once.
#include "clirunner.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestCrashMatrix : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud m_cloud;
    QTemporaryDir m_home;
    QString m_cloudName;
    QSet<QString> m_reportedComplete; // backups the CLI reported as done
    QSet<QString> m_verified;         // available backups that passed verify
    QSet<QString> m_restoredImages;   // what completed restores made: not leftovers
    QSet<QString> m_restoredServers;
    QSet<QString> m_restoredVolumes;
    QSet<QString> m_restoredPorts;

    svtest::CliRunner m_runner{m_home.path()};

    svtest::CliRun cli(const QStringList &arguments, const QString &crashAt = {}, const QByteArray &input = {})
    {
        QHash<QString, QString> environment;
        if (!crashAt.isEmpty())
            environment.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        return m_runner.run(arguments, input, environment);
    }

    // [bank] repack_threshold of the CLI's settings file.
    void setRepackThreshold(int percent)
    {
        const QString dir = QDir(m_home.path()).filePath(QStringLiteral("config/StackVault"));
        QVERIFY(QDir().mkpath(dir));
        QSettings settings(dir + QStringLiteral("/stackvault.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("bank/repack_threshold"), percent);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    // Users keep writing: each backup has new chunks to store (so the chunk-write stages are reached).
    void userWrites()
    {
        QByteArray data(2 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString web1 = m_cloud.serverIdByName(QStringLiteral("web-1"));
        QVERIFY(m_cloud.writeServerDisk(web1, QRandomGenerator::global()->bounded(4) * 1024 * 1024, data));
    }

    QString backup(const QString &server = QStringLiteral("web-1"))
    {
        const svtest::CliRun run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), m_cloudName, QStringLiteral("--server"),
                             server, QStringLiteral("--json")});
        if (run.exitCode != 0) {
            qWarning("backup failed: %s", run.err.constData());
            return {};
        }
        const QString id = run.lastJson().value(QLatin1String("checkpoint_id")).toString();
        m_reportedComplete.insert(id);
        return id;
    }

    // What a completed restore did not make and nobody deleted: images, servers, volumes, Cinder snapshots.
    QStringList leaks() const
    {
        QStringList found;
        for (const QString &id : m_cloud.leftoverVolumeIds()) {
            if (!m_restoredVolumes.contains(id))
                found.append(QStringLiteral("volume ") + id);
        }
        for (const QString &id : m_cloud.leftoverSnapshotIds())
            found.append(QStringLiteral("volume snapshot ") + id);
        for (const QString &id : m_cloud.leftoverImageIds()) {
            if (!m_restoredImages.contains(id))
                found.append(QStringLiteral("image ") + id);
        }
        for (const QString &id : m_cloud.leftoverServerIds()) {
            if (!m_restoredServers.contains(id))
                found.append(QStringLiteral("server ") + id);
        }
        for (const QString &id : m_cloud.leftoverPortIds()) {
            if (!m_restoredPorts.contains(id))
                found.append(QStringLiteral("port ") + id);
        }
        return found;
    }

    // The files of the CLI's bank's journal (what the sweep would still look at).
    QStringList journalFiles() const
    {
        QStringList files;
        QDirIterator it(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).dir().dirName() == QLatin1String("journal"))
                files.append(path);
        }
        return files;
    }

    // The next start after a crash: sweep, prune, check; every available backup verifies; every
    // backup reported complete is still available. Returns the number of leaks and lost backups.
    void recover(const QString &point, int *leakCount, int *lostCount)
    {
        const svtest::CliRun sweep = cli({QStringLiteral("sweep"), QStringLiteral("--json")});
        QVERIFY2(sweep.exitCode == 0,
                 qPrintable(point + QStringLiteral(": sweep: ") + QString::fromUtf8(sweep.out + sweep.err)));
        // Cinder deletes a snapshot or a volume a moment after it accepted the request.
        const bool clean = QTest::qWaitFor([this] { return leaks().isEmpty(); }, 5000);
        const QStringList leaked = clean ? QStringList() : leaks();
        if (!leaked.isEmpty())
            qWarning("%s: leaked after the sweep: %s", qPrintable(point), qPrintable(leaked.join(QStringLiteral(", "))));
        *leakCount += int(leaked.size());

        const svtest::CliRun prune = cli({QStringLiteral("prune"), QStringLiteral("--json")});
        QVERIFY2(prune.exitCode == 0, qPrintable(point + QStringLiteral(": prune: ") + QString::fromUtf8(prune.err)));
        const svtest::CliRun check = cli({QStringLiteral("check"), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, qPrintable(point + QStringLiteral(": check: ") + QString::fromUtf8(check.out + check.err)));
        QCOMPARE(check.lastJson().value(QLatin1String("orphan_chunks")).toInt(), 0);
        QCOMPARE(check.lastJson().value(QLatin1String("orphan_list_parts")).toInt(), 0);

        const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QSet<QString> available;
        const QJsonArray checkpoints = QJsonDocument::fromJson(list.out).array();
        for (const QJsonValue &value : checkpoints) {
            const QJsonObject checkpoint = value.toObject();
            const QString id = checkpoint.value(QLatin1String("id")).toString();
            const QString status = checkpoint.value(QLatin1String("status")).toString();
            QVERIFY2(status == QLatin1String("available") || status == QLatin1String("error"),
                     qPrintable(QStringLiteral("%1: backup %2 left %3 after prune").arg(point, id, status)));
            if (status != QLatin1String("available"))
                continue;
            available.insert(id);
            if (m_verified.contains(id))
                continue; // chunks never change; `check` above re-hashed all of them again
            const svtest::CliRun verify = cli({QStringLiteral("verify"), id});
            QVERIFY2(verify.exitCode == 0,
                     qPrintable(QStringLiteral("%1: backup %2 is listed available but does not verify: %3")
                                    .arg(point, id, QString::fromUtf8(verify.out + verify.err))));
            m_verified.insert(id);
        }
        for (const QString &id : std::as_const(m_reportedComplete)) {
            if (!available.contains(id)) {
                qWarning("%s: backup %s was reported complete and is gone", qPrintable(point), qPrintable(id));
                ++*lostCount;
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        // Every snapshot and volume step takes a moment, so "while waiting" is a real wait (the crash
        // points fire as the wait starts, so a moment is enough; the default 0.3 s volume steps made
        // each of the ~50 backups here wait ~1 s more).
        m_cloud.setSnapshotStepSeconds(0.1, 0.1, 0.1, 0.1);
        m_cloud.setVolumeStepSeconds(0.1, 0.1);
        QVERIFY(m_cloud.start());
        m_cloudName = QStringLiteral("crash-%1").arg(m_cloud.port());
        const svtest::CliRun add = cli({QStringLiteral("clouds"), QStringLiteral("add"), m_cloudName, QStringLiteral("--auth-url"),
                             m_cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"),
                             QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                            {}, "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void killAtEveryStage()
    {
        QElapsedTimer timer;
        timer.start();
        const QString first = backup();
        QVERIFY(!first.isEmpty());

        // Backup stages, in the order a backup reaches them (":n" = the n-th time).
        const QStringList backupPoints{
            QStringLiteral("bank-index-write:1"),       // the `protecting` index is being written
            QStringLiteral("backup-after-create-image"), // Nova made the snapshot, its id not yet journaled
            QStringLiteral("backup-after-create-volume-snapshot"), // Cinder made web-data's snapshot, id not journaled
            // web-1's volume web-data (saved by default), made readable before any download: a volume from
            // its snapshot, an upload to an image; its download follows the root disk's.
            QStringLiteral("backup-volume-snapshot-waiting"),      // web-data's snapshot awaited
            QStringLiteral("backup-after-create-volume"),          // Cinder made the temporary volume, id not journaled
            QStringLiteral("backup-after-upload-volume"),          // Cinder is making the image, its id not journaled
            QStringLiteral("backup-volume-upload-waiting"),        // the temporary volume uploading into an image
            QStringLiteral("backup-waiting"),           // snapshot still saving
            QStringLiteral("backup-waited"),            // snapshot active, nothing downloaded
            QStringLiteral("backup-download:3"),        // mid-download
            QStringLiteral("bank-chunk-staged:1"),      // mid-chunk-write: a new chunk in a pack being filled
            QStringLiteral("bank-object-flushed:1"),    // a pack flushed as a temporary, not yet under its name
            QStringLiteral("bank-pack-written"),        // a pack durable under its name, no index names it
            QStringLiteral("bank-chunk-published"),     // the root disk's packs indexed, the volume's not yet
            QStringLiteral("bank-list-part-written:1"), // the root disk's chunk list part durable, no index names it
            QStringLiteral("bank-list-part-written:2"), // the volume's too
            QStringLiteral("backup-volume-download:2"),            // mid-download of the volume's bytes
            QStringLiteral("bank-index-write:2"),       // the `available` index flushed, not yet renamed
            QStringLiteral("backup-cleanup"),           // committed, deleting the snapshot
        };
        const QStringList restorePoints{
            QStringLiteral("restore-after-create-image"),  // Glance made the image, its id not yet journaled
            QStringLiteral("restore-upload:3"),            // mid-upload
            QStringLiteral("restore-waiting-image"),
            QStringLiteral("restore-after-create-port"),   // Neutron made the first NIC's port, its id not journaled
            QStringLiteral("restore-after-create-server"), // Nova made the server (on the journaled ports), id not journaled
            QStringLiteral("restore-waiting-server"),
        };
        // Garbage collection (here: of a delete) with repacking, killed at each step. A low threshold
        // makes every pack with any garbage a repack.
        const QStringList gcPoints{
            QStringLiteral("bank-repack-written"),       // live chunks copied into new packs, not yet indexed
            QStringLiteral("bank-repack-indexed"),       // the consolidated index written, the old ones still there
            QStringLiteral("bank-repack-index-removed"), // some old indexes removed
            QStringLiteral("bank-repack-pack-removed"),  // some emptied or repacked packs removed
        };
        int tried = 0;
        int leaks = 0;
        int lost = 0;
        setRepackThreshold(1);
        for (const QString &point : gcPoints) {
            userWrites();
            const QString doomed = backup();
            QVERIFY(!doomed.isEmpty());
            userWrites();
            QVERIFY(!backup().isEmpty());
            m_reportedComplete.remove(doomed); // deleted on purpose
            const svtest::CliRun killed = cli({QStringLiteral("delete"), doomed}, point);
            QVERIFY2(killed.crashed, qPrintable(QStringLiteral("delete was not killed at %1 (exit %2): %3")
                                                    .arg(point)
                                                    .arg(killed.exitCode)
                                                    .arg(QString::fromUtf8(killed.err.right(2000)))));
            ++tried;
            recover(point, &leaks, &lost);
            if (QTest::currentTestFailed())
                return;
        }
        setRepackThreshold(50);
        for (const QString &point : backupPoints) {
            userWrites();
            const svtest::CliRun killed = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), m_cloudName,
                                    QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--json")},
                                   point);
            QVERIFY2(killed.crashed, qPrintable(QStringLiteral("backup was not killed at %1 (exit %2): %3")
                                                    .arg(point)
                                                    .arg(killed.exitCode)
                                                    .arg(QString::fromUtf8(killed.err.right(2000)))));
            QVERIFY(killed.err.contains(QByteArray(QByteArray("crash point ") + point.section(QLatin1Char(':'), 0, 0).toUtf8())));
            ++tried;
            recover(point, &leaks, &lost);
            if (QTest::currentTestFailed())
                return;
            // And the same server backs up fine afterwards — once Nova has finished the killed run's
            // snapshot task (it refuses a second createImage meanwhile: 409, task_state image_*).
            const QString web1 = m_cloud.serverIdByName(QStringLiteral("web-1"));
            QTRY_VERIFY_WITH_TIMEOUT(m_cloud.serverTaskState(web1).isEmpty(), 10000);
            QVERIFY2(!backup().isEmpty(), qPrintable(point + QStringLiteral(": the next backup failed")));
        }
        for (const QString &point : restorePoints) {
            const svtest::CliRun killed = cli({QStringLiteral("restore"), first, QStringLiteral("--to-cloud"), m_cloudName,
                                    QStringLiteral("--name"), QStringLiteral("killed-restore")},
                                   point);
            QVERIFY2(killed.crashed, qPrintable(QStringLiteral("restore was not killed at %1 (exit %2): %3")
                                                    .arg(point)
                                                    .arg(killed.exitCode)
                                                    .arg(QString::fromUtf8(killed.err.right(2000)))));
            ++tried;
            recover(point, &leaks, &lost);
            if (QTest::currentTestFailed())
                return;
            // The sweep resolved every intent and deleted (or found gone) every port, server and image.
            QVERIFY2(journalFiles().isEmpty(), qPrintable(point + QStringLiteral(": ") + journalFiles().join(QLatin1Char(' '))));
        }
        // A restore after all that works, and what it made is the user's (not swept).
        const svtest::CliRun restore = cli({QStringLiteral("restore"), first, QStringLiteral("--to-cloud"), m_cloudName,
                                 QStringLiteral("--name"), QStringLiteral("restored-after-crashes"), QStringLiteral("--json")});
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        const QJsonObject restored = restore.lastJson();
        m_restoredImages.insert(restored.value(QLatin1String("image_id")).toString());
        m_restoredServers.insert(restored.value(QLatin1String("server_id")).toString());
        // Every volume and port left now is the completed restore's (the recovery before found no leak).
        for (const QString &id : m_cloud.leftoverVolumeIds())
            m_restoredVolumes.insert(id);
        for (const QString &id : m_cloud.leftoverPortIds())
            m_restoredPorts.insert(id);
        QVERIFY(!m_restoredPorts.isEmpty()); // the faithful rebuild made the server's ports itself
        // What the completed restore made is the user's: nothing of it (no port either) stays journaled.
        QVERIFY2(journalFiles().isEmpty(), qPrintable(journalFiles().join(QLatin1Char(' '))));
        recover(QStringLiteral("after a completed restore"), &leaks, &lost);
        QCOMPARE(m_cloud.leftoverServerIds().size(), 1);

        qInfo("crash matrix: kill points tried: %d, leaks found: %d, checkpoints lost that had been reported "
              "complete: %d (%lld backups reported complete, all verified), %.1f s",
              tried, leaks, lost, qlonglong(m_reportedComplete.size()), timer.elapsed() / 1000.0);
        QCOMPARE(leaks, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(tried, int(gcPoints.size() + backupPoints.size() + restorePoints.size()));
    }

    // Killed between a new bank's first key file and its bank.json: the next run makes the bank (its own
    // key beside the stray one, which no reader uses) and backs up; prune removes the stray key file.
    void killBetweenKeyFileAndDescription()
    {
        QTemporaryDir dir;
        const QString bank = dir.filePath(QStringLiteral("new-bank"));
        const QStringList backupArgs{QStringLiteral("backup"), QStringLiteral("--cloud"), m_cloudName, QStringLiteral("--server"),
                                     QStringLiteral("db-1"), QStringLiteral("--bank"), bank, QStringLiteral("--json")};
        const svtest::CliRun killed = cli(backupArgs, QStringLiteral("bank-key-written"));
        QVERIFY2(killed.crashed, killed.describe().constData());
        const QDir keys(bank + QStringLiteral("/keys"));
        QCOMPARE(keys.entryList(QDir::Files).size(), 1);
        QVERIFY(!QFile::exists(bank + QStringLiteral("/bank.json")));

        const svtest::CliRun again = cli(backupArgs);
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(QFile::exists(bank + QStringLiteral("/bank.json")));
        QCOMPARE(keys.entryList(QDir::Files).size(), 2);
        // Only the bank's own key is listed and used.
        const svtest::CliRun listed = cli({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--json"),
                                           QStringLiteral("--bank"), bank});
        QVERIFY2(listed.exitCode == 0, listed.describe().constData());
        const QJsonArray listedKeys = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(listedKeys.size(), 1);
        QVERIFY(listedKeys.first().toObject().value(QLatin1String("current")).toBool());

        const svtest::CliRun pruned = cli({QStringLiteral("prune"), QStringLiteral("--bank"), bank});
        QVERIFY2(pruned.exitCode == 0, pruned.describe().constData());
        QCOMPARE(keys.entryList(QDir::Files),
                 QStringList{listedKeys.first().toObject().value(QLatin1String("id")).toString()});
        const svtest::CliRun checked = cli({QStringLiteral("check"), QStringLiteral("--bank"), bank});
        QVERIFY2(checked.exitCode == 0, checked.describe().constData());
        const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json"), QStringLiteral("--bank"), bank});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    }

    // A GUI and a cron'd CLI on one bank: two backups at once (both hold the shared lock), a sweep
    // (deferred: it must not delete a live backup's snapshot) and a prune (refused while busy) meanwhile.
    void concurrentProcessesOnOneBank()
    {
        fake::FaultSpec slow;
        slow.kind = fake::Fault::Slow;
        slow.count = 2;
        slow.bytesPerSecond = 1024 * 1024; // ~6 s per download: long enough to overlap
        m_cloud.injectFault(slow);
        userWrites();
        const auto start = [this](const QString &server) {
            return m_runner.start({QStringLiteral("backup"), QStringLiteral("--cloud"), m_cloudName,
                                   QStringLiteral("--server"), server, QStringLiteral("--json")},
                                  this);
        };
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.serverTaskState(m_cloud.serverIdByName(QStringLiteral("web-1"))).isEmpty(), 10000);
        QProcess *a = start(QStringLiteral("web-1"));
        QProcess *b = start(QStringLiteral("web-2"));
        // Both are downloading: their snapshots exist.
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverImageIds().size() - m_restoredImages.size() >= 2, 20000);
        // A sweep meanwhile must leave the live backups' snapshots alone (they hold the shared lock):
        // both backups below must still succeed.
        const svtest::CliRun sweep = cli({QStringLiteral("sweep"), QStringLiteral("--json")});
        QVERIFY2(!sweep.crashed, sweep.err.constData());
        // Deferred or done, never an error: journal entries that the live backups forget meanwhile
        // are simply no longer pending.
        QVERIFY2(sweep.exitCode == 0, sweep.err.constData());
        // Prune waits a few seconds for the exclusive lock; refused or run after the backups, never mixed.
        const svtest::CliRun prune = cli({QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0 || prune.err.contains("in use"), prune.err.constData());
        // (They may have ended while the sweep and the prune ran: the runner keeps the event loop turning.)
        QVERIFY(a->state() == QProcess::NotRunning || a->waitForFinished(60000));
        QVERIFY(b->state() == QProcess::NotRunning || b->waitForFinished(60000));
        QVERIFY2(a->exitCode() == 0, a->readAllStandardError().constData());
        QVERIFY2(b->exitCode() == 0, b->readAllStandardError().constData());
        for (QProcess *process : {a, b})
            m_reportedComplete.insert(
                svtest::lastJsonLine(process->readAllStandardOutput()).value(QLatin1String("checkpoint_id")).toString());
        int leaks = 0;
        int lost = 0;
        recover(QStringLiteral("concurrent"), &leaks, &lost);
        QCOMPARE(leaks, 0);
        QCOMPARE(lost, 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashMatrix)
#include "tst_crashmatrix.moc"
