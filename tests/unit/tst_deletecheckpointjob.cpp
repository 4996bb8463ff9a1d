// DeleteCheckpointJob, how both the desktop app and `stackvault-cli delete` delete a backup: the
// checkpoint goes, then the chunks no other backup uses; a backup running on the bank defers the chunk
// collection (said plainly), an unknown id fails with its id in the sentence.
#include "bank/banklock.h"
#include "protection/deletecheckpointjob.h"
#include "protectionfixture.h"

using sv::JobOutcome;

class TestDeleteCheckpointJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;

    QString backUp(const QString &server)
    {
        const sv::JobResult result = f->run(new sv::BackupJob(f->backupRequest(server, false)));
        return result.outcome == JobOutcome::Succeeded ? result.data.value(QStringLiteral("checkpoint_id")).toString()
                                                       : QString();
    }
    QStringList checkpointIds() const
    {
        QList<sv::CheckpointSummary> list;
        sv::BankError error;
        f->bank->listCheckpoints(&list, &error);
        QStringList ids;
        for (const auto &summary : std::as_const(list))
            ids.append(summary.id);
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start());
    }
    void cleanup() { f.reset(); }

    void deletesAndFreesWhatNoOtherBackupUses()
    {
        const QString first = backUp(QStringLiteral("web-1"));
        const QString second = backUp(QStringLiteral("db-1"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const sv::JobResult result = f->run(new sv::DeleteCheckpointJob(f->bank, first, QStringLiteral("Delete")));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("checkpoint_id")).toString(), first);
        QVERIFY(result.data.value(QStringLiteral("gc_done")).toBool());
        QVERIFY(result.data.value(QStringLiteral("chunks_removed")).toLongLong() > 0);
        QVERIFY(result.data.value(QStringLiteral("bytes_freed")).toLongLong() > 0);
        QVERIFY2(result.message.startsWith(QStringLiteral("Deleted backup %1. Freed ").arg(first)), qPrintable(result.message));
        QCOMPARE(checkpointIds(), QStringList{second});
        // What the other backup uses is still there.
        sv::CheckReport check;
        sv::BankError error;
        QVERIFY(f->bank->check(&check, &error));
        QVERIFY(check.ok());
    }

    void aRunningBackupDefersTheChunks()
    {
        const QString id = backUp(QStringLiteral("web-1"));
        QVERIFY(!id.isEmpty());
        sv::BankError error;
        // What a running backup holds: the shared lock.
        const auto held = f->bank->lock(sv::BankLock::Mode::Shared, 1000, &error);
        QVERIFY(held);
        const sv::JobResult result = f->run(new sv::DeleteCheckpointJob(f->bank, id, QStringLiteral("Delete")));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QVERIFY(!result.data.value(QStringLiteral("gc_done")).toBool());
        QVERIFY(!result.data.value(QStringLiteral("gc_deferred_reason")).toString().isEmpty());
        QVERIFY2(result.message.contains(QStringLiteral("Unused chunks will be removed later")), qPrintable(result.message));
        QVERIFY(checkpointIds().isEmpty());
    }

    void unknownIdFails()
    {
        const QString id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
        const sv::JobResult result = f->run(new sv::DeleteCheckpointJob(f->bank, id, QStringLiteral("Delete")));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(id), qPrintable(result.message));
    }
};

QTEST_GUILESS_MAIN(TestDeleteCheckpointJob)
#include "tst_deletecheckpointjob.moc"
