// ForgetJob, how `stackvault-cli forget` (and a plan's run) applies retention to a bank: the policy is
// checked before anything is read, the filters select the checkpoints, the ones not kept are deleted and
// garbage-collected once; a backup holding the bank defers the collection (as a delete does); one
// finished result. Also Bank::deleteCheckpoints, its delete: a checkpoint that is no longer `available`
// stops it.
#include "bank/banklock.h"
#include "bank/localbank.h"
#include "protection/forgetjob.h"

#include "checkpointfixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sv::JobOutcome;

class TestForgetJob : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<sv::LocalBank> m_bank;
    int m_banks = 0;
    QHash<QString, QString> m_ids; // label → checkpoint id

    // A backup of server `server` (its own bytes), dated `created`, made by `plan`.
    bool add(const QString &label, const QString &server, const QDateTime &created, const QString &plan = {})
    {
        sv::BankError error;
        const QByteArray image = svtest::generateImage(256 * 1024, quint32(m_ids.size() + 1));
        const QString id = svtest::backup(*m_bank, server, image, &error);
        sv::CheckpointIndex index;
        if (id.isEmpty() || !m_bank->checkpoint(id, &index, &error)) {
            qWarning("%s", qPrintable(error.message));
            return false;
        }
        index.created = created;
        index.plan = plan;
        m_ids.insert(label, id);
        return m_bank->storeIndex(index, &error);
    }

    static QDateTime day(int d, int hour = 12) { return QDateTime(QDate(2026, 11, d), QTime(hour, 0), Qt::UTC); }

    sv::JobResult run(sv::ForgetRequest request, int *finishedSignals = nullptr)
    {
        request.bank = m_bank;
        sv::ForgetJob job(std::move(request));
        QSignalSpy finished(&job, &sv::Job::finished);
        job.start();
        if (finishedSignals)
            *finishedSignals = int(finished.size());
        return finished.isEmpty() ? sv::JobResult{} : finished.constFirst().constFirst().value<sv::JobResult>();
    }

    QStringList remaining() const
    {
        QList<sv::CheckpointSummary> list;
        sv::BankError error;
        m_bank->listCheckpoints(&list, &error);
        QHash<QString, QString> labels;
        for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
            labels.insert(it.value(), it.key());
        QStringList names;
        for (const sv::CheckpointSummary &c : std::as_const(list))
            names.append(labels.value(c.id));
        return names;
    }

private Q_SLOTS:
    void init()
    {
        m_ids.clear();
        m_bank = std::make_shared<sv::LocalBank>(m_dir.filePath(QStringLiteral("bank-%1").arg(++m_banks)));
        sv::BankError error;
        QVERIFY2(m_bank->open(&error), qPrintable(error.message));
        // Oldest first: a1 a2 a3 of server a (a2 by the plan "nightly"), b1 b2 of server b.
        QVERIFY(add(QStringLiteral("a1"), QStringLiteral("a"), day(1)));
        QVERIFY(add(QStringLiteral("b1"), QStringLiteral("b"), day(2)));
        QVERIFY(add(QStringLiteral("a2"), QStringLiteral("a"), day(3), QStringLiteral("nightly")));
        QVERIFY(add(QStringLiteral("b2"), QStringLiteral("b"), day(4)));
        QVERIFY(add(QStringLiteral("a3"), QStringLiteral("a"), day(5)));
    }

    void refusedBeforeReading_data()
    {
        QTest::addColumn<int>("keepLast");
        QTest::addColumn<QString>("keepWithin");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << 0 << QString() << QStringLiteral("The retention policy keeps nothing");
        QTest::newRow("zero duration") << 0 << QStringLiteral("0h") << QStringLiteral("The retention policy keeps nothing");
        QTest::newRow("negative") << -3 << QString() << QStringLiteral("--keep-last is -3");
        QTest::newRow("bad duration") << 1 << QStringLiteral("1w") << QStringLiteral("unknown unit \"w\"");
    }

    void refusedBeforeReading()
    {
        QFETCH(int, keepLast);
        QFETCH(QString, keepWithin);
        QFETCH(QString, message);
        sv::ForgetRequest request;
        request.policy.keepLast = keepLast;
        request.policy.keepWithin = keepWithin;
        int finishedCount = 0;
        const sv::JobResult result = run(request, &finishedCount);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(message), qPrintable(result.message));
        QCOMPARE(remaining().size(), 5);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("servers");
        QTest::addColumn<QString>("plan"); // "-": no plan filter
        QTest::addColumn<QStringList>("left");
        QTest::newRow("every server") << QStringList{} << QStringLiteral("-")
                                      << QStringList{QStringLiteral("b2"), QStringLiteral("a3")};
        QTest::newRow("server a by id") << QStringList{QStringLiteral("a")} << QStringLiteral("-")
                                        << QStringList{QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("a3")};
        QTest::newRow("server b by name") << QStringList{QStringLiteral("web-b")} << QStringLiteral("-")
                                          << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b2"),
                                                         QStringLiteral("a3")};
        QTest::newRow("the plan's") << QStringList{} << QStringLiteral("nightly")
                                    << QStringList{QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("a2"),
                                                   QStringLiteral("b2"), QStringLiteral("a3")};
        QTest::newRow("made by hand") << QStringList{QStringLiteral("a")} << QString()
                                      << QStringList{QStringLiteral("b1"), QStringLiteral("a2"), QStringLiteral("b2"),
                                                     QStringLiteral("a3")};
    }

    void filters()
    {
        QFETCH(QStringList, servers);
        QFETCH(QString, plan);
        QFETCH(QStringList, left);
        sv::ForgetRequest request;
        request.policy.keepLast = 1;
        request.servers = servers;
        if (plan != QLatin1String("-"))
            request.plan = plan;
        int finishedCount = 0;
        const sv::JobResult result = run(request, &finishedCount);
        QCOMPARE(finishedCount, 1);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QCOMPARE(remaining(), left);
        QCOMPARE(result.data.value(QStringLiteral("removed")).toLongLong(), qint64(5 - left.size()));
        QVERIFY(result.data.value(QStringLiteral("gc_done")).toBool() || left.size() == 5);
        sv::CheckReport check;
        sv::BankError error;
        QVERIFY(m_bank->check(&check, &error));
        QStringList problems = check.unreadableIndexes;
        for (const sv::ChunkProblem &problem : std::as_const(check.problems))
            problems.append(problem.error.message);
        QVERIFY2(check.ok(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(check.orphans.isEmpty());
    }

    void dryRunRemovesNothing()
    {
        sv::ForgetRequest request;
        request.policy.keepDaily = 1;
        request.dryRun = true;
        const sv::JobResult result = run(request);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("to_remove")).toLongLong(), 3);
        QCOMPARE(result.data.value(QStringLiteral("removed")).toLongLong(), 0);
        QVERIFY(!result.data.contains(QStringLiteral("gc_done")));
        QVERIFY2(result.message.contains(QStringLiteral("Nothing was removed")), qPrintable(result.message));
        QCOMPARE(remaining().size(), 5);
        const QVariantList decisions = result.data.value(QStringLiteral("decisions")).toList();
        QCOMPARE(decisions.size(), 5);
        QCOMPARE(decisions.at(4).toMap().value(QStringLiteral("reasons")).toStringList(),
                 QStringList{QStringLiteral("daily 2026-11-05")});
        QCOMPARE(decisions.at(2).toMap().value(QStringLiteral("plan")).toString(), QStringLiteral("nightly"));
    }

    // As with a delete: the indexes go at once, the chunks when the bank is free.
    void aRunningBackupDefersTheChunks()
    {
        sv::BankError error;
        const auto held = m_bank->lock(sv::BankLock::Mode::Shared, 1000, &error);
        QVERIFY(held);
        sv::ForgetRequest request;
        request.policy.keepLast = 1;
        request.gcLockTimeoutMs = 200;
        const sv::JobResult result = run(request);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message));
        QCOMPARE(remaining(), (QStringList{QStringLiteral("b2"), QStringLiteral("a3")}));
        QVERIFY(!result.data.value(QStringLiteral("gc_done")).toBool());
        QVERIFY(!result.data.value(QStringLiteral("gc_deferred_reason")).toString().isEmpty());
        QVERIFY2(result.message.contains(QStringLiteral("Unused chunks will be removed later")), qPrintable(result.message));
    }

    // Retention's delete removes only complete backups: one that is no longer `available` (a race with
    // another program) stops it, after the ones before it; one already gone is skipped.
    void deleteCheckpointsStopsAtAnUnavailableOne()
    {
        sv::CheckpointIndex index;
        sv::BankError error;
        QVERIFY(m_bank->checkpoint(m_ids.value(QStringLiteral("b1")), &index, &error));
        index.status = QStringLiteral("protecting");
        QVERIFY(m_bank->storeIndex(index, &error));
        QStringList deleted;
        sv::GcReport gc;
        const QStringList ids{m_ids.value(QStringLiteral("a1")), QStringLiteral("00000000-0000-4000-8000-00000000dead"),
                              m_ids.value(QStringLiteral("b1")), m_ids.value(QStringLiteral("a2"))};
        QVERIFY(!m_bank->deleteCheckpoints(ids, &deleted, &gc, &error));
        QVERIFY2(error.message.contains(QStringLiteral("is protecting, not available")), qPrintable(error.message));
        QCOMPARE(deleted, QStringList{m_ids.value(QStringLiteral("a1"))});
        QCOMPARE(remaining(), (QStringList{QStringLiteral("b1"), QStringLiteral("a2"), QStringLiteral("b2"), QStringLiteral("a3")}));
    }
};

QTEST_GUILESS_MAIN(TestForgetJob)
#include "tst_forgetjob.moc"
