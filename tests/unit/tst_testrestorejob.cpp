// Restore tests ("prove it boots") against the fake cloud: a good backup passes and is recorded; a
// server that ends in ERROR and a console that never shows the marker fail clearly and are recorded;
// a restore that cannot start is not; cancelling records nothing. In every case nothing is left in the
// cloud (servers, images, volumes) and the bank's journal is empty; while the test runs, its scratch
// server is journaled (so the sweep removes it after a crash).
#include "bank/bank.h"
#include "protectionfixture.h"
#include "protection/testrestorejob.h"

#include <QJsonDocument>

using sv::JobOutcome;

class TestTestRestoreJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;
    QString checkpointId;

    sv::TestRestoreRequest request(const QString &marker, int markerTimeoutSeconds = 20)
    {
        sv::TestRestoreRequest r;
        r.restore = f->restoreRequest(checkpointId, {});
        r.marker = marker;
        r.markerTimeout = std::chrono::seconds(markerTimeoutSeconds);
        r.consolePoll = ProtectionFixture::fastPoll;
        return r;
    }

    QList<sv::JournalEntry> journal()
    {
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        if (!f->bank->journalEntries(&entries, &error))
            qWarning() << error.message;
        return entries;
    }

    int indexFormatVersion()
    {
        QByteArray json;
        sv::BankError error;
        if (!f->bank->readIndex(checkpointId, &json, &error))
            return -1;
        return QJsonDocument::fromJson(json).object().value(QLatin1String("format_version")).toInt();
    }

    sv::RestoreTestRecord recorded()
    {
        sv::CheckpointIndex index;
        sv::BankError error;
        if (!f->bank->checkpoint(checkpointId, &index, &error))
            return {};
        return index.restoreTest;
    }

    // Nothing the test made is left in the fake cloud (Cinder deletes a volume a moment after it
    // accepted the request), and the journal is empty.
    void verifyNothingLeft()
    {
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.leftoverVolumeIds().isEmpty(), 5000);
        QVERIFY2(f->cloud.leftoverServerIds().isEmpty(), qPrintable(f->cloud.leftoverServerIds().join(QLatin1Char(' '))));
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), qPrintable(f->cloud.leftoverImageIds().join(QLatin1Char(' '))));
        const QList<sv::JournalEntry> entries = journal();
        QVERIFY2(entries.isEmpty(), qPrintable(entries.isEmpty() ? QString() : entries.constFirst().kind));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start());
        // web-1 with its volume web-data: the test restores (and removes) a server, its image and a volume.
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message));
        checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        // What the backup made is gone; what is left from now on is the test's.
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.leftoverVolumeIds().isEmpty() && f->cloud.leftoverImageIds().isEmpty(), 5000);
    }
    void cleanup() { f.reset(); }

    void outcome_data()
    {
        QTest::addColumn<QString>("fault"); // "", "build_error", "boot_hangs"
        QTest::addColumn<QString>("marker");
        QTest::addColumn<int>("markerTimeout");
        QTest::addColumn<bool>("passes");
        QTest::addColumn<QStringList>("messageHas");
        QTest::newRow("boots to the login prompt")
            << QString() << QStringLiteral("login:") << 20 << true
            << QStringList{QStringLiteral("passed its restore test"), QStringLiteral("showed \"login:\""),
                           QStringLiteral("Everything the test made was removed.")};
        QTest::newRow("ACTIVE is enough without a marker")
            << QString() << QString() << 20 << true
            << QStringList{QStringLiteral("passed its restore test"), QStringLiteral("no console marker")};
        QTest::newRow("the server ends in ERROR")
            << QStringLiteral("build_error") << QStringLiteral("login:") << 20 << false
            << QStringList{QStringLiteral("failed its restore test"), QStringLiteral("status ERROR"),
                           QStringLiteral("stackvault-restore-test-")};
        QTest::newRow("the marker never shows")
            << QStringLiteral("boot_hangs") << QStringLiteral("login:") << 2 << false
            << QStringList{QStringLiteral("failed its restore test"), QStringLiteral("did not show \"login:\" within 2 s"),
                           QStringLiteral("Kernel panic"), QStringLiteral("Everything the test made was removed.")};
    }

    void outcome()
    {
        QFETCH(QString, fault);
        QFETCH(QString, marker);
        QFETCH(int, markerTimeout);
        QFETCH(bool, passes);
        QFETCH(QStringList, messageHas);
        const int formatBefore = indexFormatVersion();
        QVERIFY(formatBefore > 0);
        if (!fault.isEmpty()) {
            fake::FaultSpec spec;
            spec.kind = *fake::FakeCloud::faultKindFromName(fault);
            f->cloud.injectFault(spec);
        }
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const sv::JobResult result = f->run(new sv::TestRestoreJob(request(marker, markerTimeout)));
        QCOMPARE(result.outcome, passes ? JobOutcome::Succeeded : JobOutcome::Failed);
        QVERIFY2(result.message.contains(checkpointId), qPrintable(result.message));
        for (const QString &part : messageHas)
            QVERIFY2(result.message.contains(part), qPrintable(result.message + QStringLiteral("\n  lacks: ") + part));
        QCOMPARE(result.data.value(QStringLiteral("passed")).toBool(), passes);
        QVERIFY(result.data.value(QStringLiteral("recorded")).toBool());
        verifyNothingLeft();

        const sv::RestoreTestRecord record = recorded();
        QVERIFY(!record.isEmpty());
        QCOMPARE(record.passed, passes);
        QVERIFY(record.testedAt >= before && record.testedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(record.cloud, f->session->profile().name);
        QCOMPARE(record.marker, marker);
        QCOMPARE(record.message.isEmpty(), passes);
        // The listing carries it too, and rewriting the index kept its format version.
        QList<sv::CheckpointSummary> summaries;
        sv::BankError error;
        QVERIFY(f->bank->listCheckpoints(&summaries, &error));
        QCOMPARE(summaries.size(), 1);
        QCOMPARE(summaries.constFirst().restoreTest.passed, passes);
        QCOMPARE(summaries.constFirst().restoreTest.testedAt, record.testedAt);
        QCOMPARE(indexFormatVersion(), formatBefore);
        QCOMPARE(summaries.constFirst().status, QStringLiteral("available"));
    }

    // A later test replaces the earlier result.
    void aLaterTestReplacesTheResult()
    {
        fake::FaultSpec spec;
        spec.kind = fake::Fault::BuildError;
        f->cloud.injectFault(spec);
        QCOMPARE(f->run(new sv::TestRestoreJob(request(QString()))).outcome, JobOutcome::Failed);
        QCOMPARE(recorded().passed, false);
        QCOMPARE(f->run(new sv::TestRestoreJob(request(QStringLiteral("login:")))).outcome, JobOutcome::Succeeded);
        QCOMPARE(recorded().passed, true);
        QVERIFY(recorded().message.isEmpty());
        verifyNothingLeft();
    }

    // A restore that cannot start (the cloud has no such flavor) tested nothing: no result is recorded.
    void aRestoreThatCannotStartIsNotRecorded()
    {
        sv::TestRestoreRequest r = request(QStringLiteral("login:"));
        r.restore.flavor = QStringLiteral("m9.nonexistent");
        const sv::JobResult result = f->run(new sv::TestRestoreJob(r));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(QStringLiteral("could not start")) && result.message.contains(QStringLiteral("m9.nonexistent")),
                 qPrintable(result.message));
        QVERIFY(recorded().isEmpty());
        verifyNothingLeft();
    }

    // Cancelled while restoring or while waiting for the marker: cleaned up, nothing recorded. While it
    // waits for the marker, its scratch server, image and volume are in the journal.
    void cancel_data()
    {
        QTest::addColumn<int>("stageNumber");
        QTest::newRow("while uploading") << int(sv::JobStage::Uploading);
        QTest::newRow("while waiting for the marker") << int(sv::JobStage::WaitingForBoot);
    }

    void cancel()
    {
        QFETCH(int, stageNumber);
        const auto stage = sv::JobStage(stageNumber);
        fake::FaultSpec hang;
        hang.kind = fake::Fault::BootHangs;
        f->cloud.injectFault(hang);
        QSignalSpy finished(&f->manager, &sv::JobManager::jobFinished);
        bool cancelled = false;
        QStringList journaledKinds;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&](int id, const sv::JobProgress &p) {
            if (cancelled || p.stage != stage)
                return;
            cancelled = true;
            for (const sv::JournalEntry &entry : journal())
                journaledKinds.append(entry.kind);
            f->manager.cancel(id);
        });
        f->manager.enqueue(new sv::TestRestoreJob(request(QStringLiteral("login:"), 60)));
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        const auto result = finished.constFirst().at(1).value<sv::JobResult>();
        QCOMPARE(result.outcome, JobOutcome::Cancelled);
        if (stage == sv::JobStage::WaitingForBoot) {
            journaledKinds.sort();
            QCOMPARE(journaledKinds, (QStringList{sv::JournalEntry::RestoreImage, sv::JournalEntry::RestoreServer,
                                                  sv::JournalEntry::RestoreVolume}));
        }
        verifyNothingLeft();
        QVERIFY(recorded().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTestRestoreJob)
#include "tst_testrestorejob.moc"
