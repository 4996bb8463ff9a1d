// CopyCheckpointJob, what `stackvault-cli copy` runs: one backup from one bank into another (local folders
// here; Swift and S3 in tests/realcloud/tst_copy.cpp). Between plain and encrypted banks and different
// keys, the copy restores the source's bytes and verifies; a second copy moves nothing; an incremental
// copy stores only the chunks that changed; errors name the backup and the storage; a cancelled copy or
// an unfinished target checkpoint never looks complete, and a later copy replaces it.
#include "bank/bank.h"
#include "bank/localbank.h"
#include "jobs/jobmanager.h"
#include "protection/copycheckpointjob.h"

#include "checkpointfixtures.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sv;

namespace {

const QByteArray kSourcePassphrase = "source passphrase";
const QByteArray kTargetPassphrase = "another passphrase";

// A bank on `root`: made encrypted with `passphrase` when that is not empty, else plain.
std::shared_ptr<LocalBank> openBank(const QString &root, const QByteArray &passphrase)
{
    auto bank = std::make_shared<LocalBank>(root);
    bank->setEncryptNewBank(!passphrase.isEmpty());
    if (!passphrase.isEmpty())
        bank->setPassphrase(passphrase);
    BankError error;
    if (!bank->open(&error)) {
        qWarning("%s", qPrintable(error.message));
        return {};
    }
    return bank;
}

// Every file of a bank folder with its size: what a copy added or changed.
QMap<QString, qint64> filesOf(const QString &root)
{
    QMap<QString, qint64> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.insert(it.filePath(), it.fileInfo().size());
    }
    return files;
}

QString statusOf(const Bank &bank, const QString &id)
{
    CheckpointIndex index;
    BankError error;
    return bank.checkpoint(id, &index, &error) ? index.status : QStringLiteral("(none: %1)").arg(error.codeName());
}

qint64 number(const JobResult &result, const char *key)
{
    return result.data.value(QString::fromLatin1(key)).toLongLong();
}

} // namespace

class TestCopyCheckpointJob : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    JobManager m_manager;
    QByteArray m_image;

    QString folder(const QString &name) const { return m_dir.filePath(name); }

    JobResult run(Job *job)
    {
        QSignalSpy finished(&m_manager, &JobManager::jobFinished);
        m_manager.enqueue(job);
        if (!finished.wait(60000))
            return JobResult{JobOutcome::Running, QStringLiteral("timed out"), {}, {}};
        return finished.constFirst().at(1).value<JobResult>();
    }
    JobResult copy(const std::shared_ptr<Bank> &source, const std::shared_ptr<Bank> &target, const QString &id)
    {
        return run(new CopyCheckpointJob(source, target, id));
    }
    static void verifyIntact(const Bank &bank, const QString &id)
    {
        VerifyReport report;
        BankError error;
        QVERIFY2(bank.verifyCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY(report.ok());
        QVERIFY(report.chunksChecked > 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_image = svtest::generateImage(6 * 1024 * 1024, 7);
    }
    void cleanup()
    {
        // Each test uses its own folders; nothing to reset but the disk.
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void copiesBetweenKeys_data()
    {
        QTest::addColumn<QByteArray>("sourcePassphrase");
        QTest::addColumn<QByteArray>("targetPassphrase");
        QTest::newRow("plain to encrypted") << QByteArray() << kTargetPassphrase;
        QTest::newRow("encrypted to plain") << kSourcePassphrase << QByteArray();
        QTest::newRow("encrypted to encrypted, another key") << kSourcePassphrase << kTargetPassphrase;
        QTest::newRow("encrypted to encrypted, same passphrase") << kSourcePassphrase << kSourcePassphrase;
        QTest::newRow("plain to plain") << QByteArray() << QByteArray();
    }
    void copiesBetweenKeys()
    {
        QFETCH(QByteArray, sourcePassphrase);
        QFETCH(QByteArray, targetPassphrase);
        const auto source = openBank(folder(QStringLiteral("source")), sourcePassphrase);
        const auto target = openBank(folder(QStringLiteral("target")), targetPassphrase);
        QVERIFY(source && target);
        BankError error;
        ImageRecord sourceRecord;
        const QString id = svtest::backup(*source, QStringLiteral("s1"), m_image, &error, &sourceRecord);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        {
            // As a plan's run would have made it: the copy keeps the plan name.
            CheckpointIndex made;
            QVERIFY(source->checkpoint(id, &made, &error));
            made.plan = QStringLiteral("nightly");
            QVERIFY(source->storeIndex(made, &error));
        }

        const JobResult result = copy(source, target, id);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QVERIFY(result.data.value(QStringLiteral("copied")).toBool());
        QVERIFY2(result.message.startsWith(QStringLiteral("Copied backup %1 from %2 to %3")
                                               .arg(id, source->location(), target->location())),
                 qPrintable(result.message));
        QCOMPARE(number(result, "bytes_read"), qint64(m_image.size()));
        // An empty target lacks every chunk: it stores what the source's own first backup stored.
        QCOMPARE(number(result, "new_bytes"), sourceRecord.newBytes);
        QVERIFY(number(result, "new_stored_bytes") > 0);
        QVERIFY(number(result, "chunks_new") > 0);
        QCOMPARE(result.data.value(QStringLiteral("target_encrypted")).toBool(), !targetPassphrase.isEmpty());
        QCOMPARE(target->keys().encrypted(), !targetPassphrase.isEmpty());

        // The same checkpoint: id, time, consistency, options, resources and their metadata.
        CheckpointIndex from;
        CheckpointIndex to;
        QVERIFY(source->checkpoint(id, &from, &error));
        QVERIFY2(target->checkpoint(id, &to, &error), qPrintable(error.message));
        QCOMPARE(to.status, QStringLiteral("available"));
        QCOMPARE(to.created, from.created);
        QCOMPARE(to.consistency, from.consistency);
        QCOMPARE(to.plan, QStringLiteral("nightly"));
        QCOMPARE(to.options.value(QStringLiteral("include_data")), from.options.value(QStringLiteral("include_data")));
        QCOMPARE(to.options.value(QStringLiteral("copied_from")).toObject().value(QStringLiteral("location")).toString(),
                 source->location());
        QCOMPARE(to.resources.size(), from.resources.size());
        for (qsizetype i = 0; i < from.resources.size(); ++i) {
            QCOMPARE(to.resources.at(i).type, from.resources.at(i).type);
            QCOMPARE(to.resources.at(i).id, from.resources.at(i).id);
            QCOMPARE(to.resources.at(i).name, from.resources.at(i).name);
            QCOMPARE(to.resources.at(i).metadata, from.resources.at(i).metadata);
            QCOMPARE(to.resources.at(i).extraInfo, from.resources.at(i).extraInfo);
            QCOMPARE(to.resources.at(i).status, QStringLiteral("available"));
            QCOMPARE(bool(to.resources.at(i).image), bool(from.resources.at(i).image));
            if (from.resources.at(i).image) {
                QCOMPARE(to.resources.at(i).image->sha512, from.resources.at(i).image->sha512);
                QCOMPARE(to.resources.at(i).image->md5, from.resources.at(i).image->md5);
                QCOMPARE(to.resources.at(i).image->size, from.resources.at(i).image->size);
                QCOMPARE(to.resources.at(i).image->diskFormat, from.resources.at(i).image->diskFormat);
            }
        }
        // A restore from the target gives the source's bytes, and verify passes there.
        QCOMPARE(svtest::readImage(*target, id, QStringLiteral("img-s1"), &error), m_image);
        verifyIntact(*target, id);
        // Different keys (or plain against keyed) name the same chunks differently: nothing was copied as is.
        const QSet<QByteArray> sourceChunks = svtest::chunksInBank(*source);
        const QSet<QByteArray> targetChunks = svtest::chunksInBank(*target);
        QCOMPARE(targetChunks.size(), sourceChunks.size());
        QCOMPARE(number(result, "chunks_new"), qint64(targetChunks.size()));
        if (sourcePassphrase.isEmpty() && targetPassphrase.isEmpty())
            QCOMPARE(targetChunks, sourceChunks); // plain banks name chunks by their SHA-256
        else
            QVERIFY(!targetChunks.intersects(sourceChunks)); // each encrypted bank has its own chunk-id key
    }

    void secondCopyMovesNothing()
    {
        const auto source = openBank(folder(QStringLiteral("source")), kSourcePassphrase);
        const auto target = openBank(folder(QStringLiteral("target")), kTargetPassphrase);
        QVERIFY(source && target);
        BankError error;
        const QString id = svtest::backup(*source, QStringLiteral("s1"), m_image, &error);
        QVERIFY(!id.isEmpty());
        QVERIFY(copy(source, target, id).outcome == JobOutcome::Succeeded);
        const QMap<QString, qint64> before = filesOf(target->location());

        const JobResult again = copy(source, target, id);
        QVERIFY2(again.outcome == JobOutcome::Succeeded, qPrintable(again.message));
        QVERIFY(!again.data.value(QStringLiteral("copied")).toBool());
        QCOMPARE(number(again, "new_stored_bytes"), 0);
        QCOMPARE(number(again, "bytes_read"), 0);
        QCOMPARE(again.message, QStringLiteral("Backup %1 is already in %2: nothing copied.").arg(id, target->location()));
        QCOMPARE(filesOf(target->location()), before); // not one object added or rewritten
    }

    void copyIntoSameBankIsNothingToDo()
    {
        const auto bank = openBank(folder(QStringLiteral("source")), kSourcePassphrase);
        QVERIFY(bank);
        BankError error;
        const QString id = svtest::backup(*bank, QStringLiteral("s1"), m_image, &error);
        const JobResult result = copy(bank, bank, id);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QVERIFY(!result.data.value(QStringLiteral("copied")).toBool());
        QCOMPARE(statusOf(*bank, id), QStringLiteral("available"));
    }

    // Two backups of the same server, the second after 3 % of the disk changed: copied in order, the
    // second stores exactly the chunks its own backup stored in the source (the chunker is not keyed).
    void incrementalCopyStoresOnlyChangedChunks()
    {
        const auto source = openBank(folder(QStringLiteral("source")), QByteArray());
        const auto target = openBank(folder(QStringLiteral("target")), kTargetPassphrase);
        QVERIFY(source && target);
        BankError error;
        // Large enough for ~100 chunks, so that 4 small changed places touch only a few of them.
        const QByteArray disk = svtest::generateImage(48 * 1024 * 1024, 5);
        const QString first = svtest::backup(*source, QStringLiteral("s1"), disk, &error);
        const QByteArray changed = svtest::mutate(disk, 0.02, 4, 11);
        ImageRecord secondRecord;
        const QString second = svtest::backup(*source, QStringLiteral("s1"), changed, &error, &secondRecord);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(secondRecord.newBytes > 0 && secondRecord.newBytes < disk.size() / 4);

        const JobResult one = copy(source, target, first);
        QVERIFY2(one.outcome == JobOutcome::Succeeded, qPrintable(one.message));
        const JobResult two = copy(source, target, second);
        QVERIFY2(two.outcome == JobOutcome::Succeeded, qPrintable(two.message));
        QCOMPARE(number(two, "bytes_read"), qint64(changed.size()));
        QCOMPARE(number(two, "new_bytes"), secondRecord.newBytes);
        QVERIFY(number(two, "chunks_new") > 0);
        QVERIFY(number(two, "chunks_shared") > 3 * number(two, "chunks_new"));
        QVERIFY(number(two, "new_stored_bytes") < number(one, "new_stored_bytes") / 3);
        QCOMPARE(svtest::readImage(*target, second, QStringLiteral("img-s1"), &error), changed);
        QCOMPARE(svtest::readImage(*target, first, QStringLiteral("img-s1"), &error), disk);
        verifyIntact(*target, first);
        verifyIntact(*target, second);
        CheckReport check;
        QVERIFY(target->check(&check, &error));
        QVERIFY(check.ok());
        QCOMPARE(check.orphans.size(), 0);
    }

    void errorsNameBackupAndStorage_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown backup") << QStringLiteral("unknown") << QStringLiteral("is not in the backup storage");
        QTest::newRow("wrong source passphrase") << QStringLiteral("source-passphrase")
                                                 << QStringLiteral("the source backup storage");
        QTest::newRow("wrong target passphrase") << QStringLiteral("target-passphrase")
                                                 << QStringLiteral("the target backup storage");
        QTest::newRow("no source bank") << QStringLiteral("no-source") << QStringLiteral("There is no backup storage at");
        QTest::newRow("unfinished source backup") << QStringLiteral("source-error")
                                                  << QStringLiteral("only a complete backup can be copied");
    }
    void errorsNameBackupAndStorage()
    {
        QFETCH(QString, problem);
        QFETCH(QString, expected);
        const QString sourceRoot = folder(QStringLiteral("source"));
        const QString targetRoot = folder(QStringLiteral("target"));
        auto source = openBank(sourceRoot, kSourcePassphrase);
        auto target = openBank(targetRoot, kTargetPassphrase);
        QVERIFY(source && target);
        BankError error;
        QString id = svtest::backup(*source, QStringLiteral("s1"), m_image, &error);
        QVERIFY(!id.isEmpty());
        if (problem == QLatin1String("unknown")) {
            id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
        } else if (problem == QLatin1String("source-passphrase")) {
            source = std::make_shared<LocalBank>(sourceRoot);
            source->setPassphrase("wrong");
        } else if (problem == QLatin1String("target-passphrase")) {
            target = std::make_shared<LocalBank>(targetRoot);
            target->setPassphrase("wrong");
        } else if (problem == QLatin1String("no-source")) {
            source = std::make_shared<LocalBank>(folder(QStringLiteral("nothing-here")));
            source->setCreateIfMissing(false);
        } else if (problem == QLatin1String("source-error")) {
            auto unfinished = source->beginCheckpoint(svtest::draftFor(QStringLiteral("s2")), &error);
            QVERIFY(unfinished);
            id = unfinished->id();
            unfinished->fail(QStringLiteral("the test stopped it"));
        }
        const QMap<QString, qint64> before = filesOf(targetRoot);
        const JobResult result = copy(source, target, id);
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        QVERIFY2(result.message.contains(id), qPrintable(result.message));
        QVERIFY2(result.message.contains(problem == QLatin1String("target-passphrase") ? targetRoot : source->location()),
                 qPrintable(result.message));
        QCOMPARE(filesOf(targetRoot), before); // nothing written into the target
        if (problem == QLatin1String("no-source"))
            QVERIFY(!QFileInfo::exists(folder(QStringLiteral("nothing-here")))); // and no bank made
    }

    // Cancelled half-way: the target's checkpoint is `error`, never `available`; the next copy replaces it.
    void cancelledCopyLeavesNoAvailableBackup()
    {
        const auto source = openBank(folder(QStringLiteral("source")), QByteArray());
        const auto target = openBank(folder(QStringLiteral("target")), kTargetPassphrase);
        QVERIFY(source && target);
        const QByteArray big = svtest::generateImage(96 * 1024 * 1024, 3);
        BankError error;
        const QString id = svtest::backup(*source, QStringLiteral("s1"), big, &error);
        QVERIFY(!id.isEmpty());

        auto *job = new CopyCheckpointJob(source, target, id);
        qint64 cancelledAt = -1;
        // On the job's thread, as soon as bytes moved: the copy is then under way.
        connect(job, &Job::progressChanged, job, [job, &cancelledAt](const JobProgress &progress) {
            if (progress.stage == JobStage::Copying && progress.bytesDone > 0 && cancelledAt < 0) {
                cancelledAt = progress.bytesDone;
                job->cancel();
            }
        }, Qt::DirectConnection);
        const JobResult result = run(job);
        QCOMPARE(result.outcome, JobOutcome::Cancelled);
        QVERIFY(cancelledAt > 0 && cancelledAt < big.size());
        QCOMPARE(statusOf(*target, id), QStringLiteral("error"));

        const JobResult again = copy(source, target, id);
        QVERIFY2(again.outcome == JobOutcome::Succeeded, qPrintable(again.message));
        QCOMPARE(again.data.value(QStringLiteral("replaced_status")).toString(), QStringLiteral("error"));
        QCOMPARE(statusOf(*target, id), QStringLiteral("available"));
        verifyIntact(*target, id);
    }

    // What a killed copy leaves: the target index `protecting` and no writer holding the bank. The next
    // copy replaces it; while a writer holds the bank, it refuses instead.
    void unfinishedTargetBackupIsReplaced()
    {
        const auto source = openBank(folder(QStringLiteral("source")), kSourcePassphrase);
        const auto target = openBank(folder(QStringLiteral("target")), kTargetPassphrase);
        QVERIFY(source && target);
        BankError error;
        const QString id = svtest::backup(*source, QStringLiteral("s1"), m_image, &error);
        CheckpointIndex stale = svtest::draftFor(QStringLiteral("s1"));
        stale.id = id;
        stale.created = QDateTime::currentDateTimeUtc();
        stale.status = QStringLiteral("protecting");
        QVERIFY(target->storeIndex(stale, &error));

        {
            const auto writerHolds = target->lock(BankLock::Mode::Shared, 1000, &error);
            QVERIFY(writerHolds);
            const JobResult busy = copy(source, target, id);
            QCOMPARE(busy.outcome, JobOutcome::Failed);
            QVERIFY2(busy.message.contains(QStringLiteral("still being written")), qPrintable(busy.message));
            QCOMPARE(statusOf(*target, id), QStringLiteral("protecting"));
        }
        const JobResult result = copy(source, target, id);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("replaced_status")).toString(), QStringLiteral("protecting"));
        QCOMPARE(statusOf(*target, id), QStringLiteral("available"));
        QCOMPARE(svtest::readImage(*target, id, QStringLiteral("img-s1"), &error), m_image);
    }
};

QTEST_GUILESS_MAIN(TestCopyCheckpointJob)
#include "tst_copycheckpointjob.moc"
