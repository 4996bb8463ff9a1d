// `stackvault-cli forget` as a user runs it, on a real bank made by real backups from the fake cloud
// (`stackvault-cli backup`, new bytes written into the disk between backups so that each one holds
// chunks of its own). The backups are then dated over a few weeks and some given a plan name, by
// rewriting their indexes through the bank (what a plan's runs on those days would have left). Checked:
// refusals, --dry-run removes nothing, the --json shape, the --server and --plan filters, that failed
// backups are neither counted nor removed, that the kept backups still verify, and that the space the
// removed ones alone used is freed (the bank folder shrinks; check finds no orphan).
#include "bank/localbank.h"
#include "clirunner.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "literals.h"

namespace {

qint64 folderBytes(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

class TestCliForget : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;
    svtest::CliRunner runner{home.path()};
    QString cloudName;
    QString bankPath;
    // Backup ids by label: web-1 w1..w5 (oldest first), db-1 d1..d3.
    QHash<QString, QString> ids;

    svtest::CliRun cli(QStringList arguments)
    {
        arguments << QStringLiteral("--bank") << bankPath;
        return runner.run(arguments);
    }

    svtest::CliRun forget(const QStringList &arguments) { return cli(QStringList{QStringLiteral("forget")} + arguments); }

    QString backup(const QString &server)
    {
        // New bytes in the disk, so that this backup has chunks no other backup has.
        const QString id = cloud.serverIdByName(server);
        QByteArray bytes(512 * 1024, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(QRandomGenerator::global()->generate());
        if (!cloud.writeServerDisk(id, 1024 * 1024, bytes))
            return {};
        const svtest::CliRun run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName,
                                        QStringLiteral("--server"), server, QStringLiteral("--volumes"),
                                        QStringLiteral("none"), QStringLiteral("--json")});
        if (run.exitCode != 0)
            qWarning("%s", run.describe().constData());
        return run.lastJson().value(QLatin1String("checkpoint_id")).toString();
    }

    // What the bank lists, by id: status and plan.
    QHash<QString, QJsonObject> listed()
    {
        const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json")});
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array())
            byId.insert(value[QLatin1String("id")].toString(), value.toObject());
        return byId;
    }

    // Rewrites a checkpoint's index: its date, plan and status (as a plan's run on that day would have left it).
    bool rewrite(const QString &label, const QDateTime &created, const QString &plan, const QString &status = {})
    {
        sv::LocalBank bank(bankPath);
        bank.setPassphrase(qgetenv("STACKVAULT_BANK_PASSPHRASE"));
        sv::BankError error;
        sv::CheckpointIndex index;
        if (!bank.open(&error) || !bank.checkpoint(ids.value(label), &index, &error)) {
            qWarning("%s", qPrintable(error.message));
            return false;
        }
        index.created = created;
        index.plan = plan;
        if (!status.isEmpty()) {
            index.status = status;
            index.errorMessage = QStringLiteral("The backup failed (set by the test).");
        }
        return bank.storeIndex(index, &error);
    }

    QStringList decisionsOf(const QJsonObject &report)
    {
        // "label verdict reasons" for each checkpoint of the report, in its order (oldest first).
        QHash<QString, QString> labels;
        for (auto it = ids.cbegin(); it != ids.cend(); ++it)
            labels.insert(it.value(), it.key());
        QStringList lines;
        for (const QJsonValue &c : report.value(QLatin1String("checkpoints")).toArray()) {
            const QString verdict = !c[QLatin1String("counted")].toBool() ? QStringLiteral("skip")
                : c[QLatin1String("keep")].toBool()                       ? QStringLiteral("keep")
                                                                          : QStringLiteral("remove");
            QStringList reasons;
            for (const QJsonValue &r : c[QLatin1String("reasons")].toArray())
                reasons.append(r.toString());
            lines.append(QStringLiteral("%1 %2 %3").arg(labels.value(c[QLatin1String("checkpoint_id")].toString()), verdict,
                                                        reasons.join(QStringLiteral(", ")))
                             .trimmed());
        }
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(!qEnvironmentVariableIsEmpty("STACKVAULT_BANK_PASSPHRASE")); // set by the suite (tests/CMakeLists.txt)
        QVERIFY(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(cloud.start());
        bankPath = home.filePath(QStringLiteral("bank"));
        cloudName = QStringLiteral("forget-%1").arg(cloud.port());
        const svtest::CliRun add =
            runner.run({QStringLiteral("clouds"), QStringLiteral("add"), cloudName, QStringLiteral("--auth-url"),
                        cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"),
                        QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                       "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        for (int i = 1; i <= 5; ++i) {
            ids.insert(QStringLiteral("w%1").arg(i), backup(QStringLiteral("web-1")));
            QVERIFY(!ids.value(QStringLiteral("w%1").arg(i)).isEmpty());
        }
        for (int i = 1; i <= 3; ++i) {
            ids.insert(QStringLiteral("d%1").arg(i), backup(QStringLiteral("db-1")));
            QVERIFY(!ids.value(QStringLiteral("d%1").arg(i)).isEmpty());
        }
        // web-1: by hand, on four days (two on 2026-11-20); w3 failed. db-1: d1, d2 by the plan
        // "nightly", d3 by hand.
        const auto at = [](int day, int hour) { return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC); };
        QVERIFY(rewrite(QStringLiteral("w1"), at(2, 2), {}));
        QVERIFY(rewrite(QStringLiteral("w2"), at(10, 2), {}));
        QVERIFY(rewrite(QStringLiteral("w3"), at(15, 2), {}, QStringLiteral("error")));
        QVERIFY(rewrite(QStringLiteral("w4"), at(20, 2), {}));
        QVERIFY(rewrite(QStringLiteral("w5"), at(20, 14), {}));
        QVERIFY(rewrite(QStringLiteral("d1"), at(18, 3), QStringLiteral("nightly")));
        QVERIFY(rewrite(QStringLiteral("d2"), at(19, 3), QStringLiteral("nightly")));
        QVERIFY(rewrite(QStringLiteral("d3"), at(19, 12), {}));
        // The plan name is listed.
        const QHash<QString, QJsonObject> list = listed();
        QCOMPARE(list.size(), 8);
        QCOMPARE(list.value(ids.value(QStringLiteral("d1"))).value(QLatin1String("plan")).toString(), QStringLiteral("nightly"));
        QCOMPARE(list.value(ids.value(QStringLiteral("d3"))).value(QLatin1String("plan")).toString(), QString());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no policy") << QStringList{} << QStringLiteral("no retention policy given, refusing to remove every backup");
        QTest::newRow("only zeros") << svtest::names({"--keep-last", "0", "--keep-within", "0d"})
                                    << QStringLiteral("no retention policy given");
        QTest::newRow("not a number") << svtest::names({"--keep-daily", "seven"})
                                      << QStringLiteral("--keep-daily needs a whole number of backups to keep (0 or more), not \"seven\"");
        QTest::newRow("negative") << svtest::names({"--keep-last", "-1"}) << QStringLiteral("--keep-last needs a whole number");
        QTest::newRow("bad duration") << svtest::names({"--keep-within", "2w"}) << QStringLiteral("--keep-within: \"2w\" is not a duration");
        QTest::newRow("a backup id") << svtest::names({"--keep-last", "1", "abc"}) << QStringLiteral("use `stackvault-cli delete ID`");
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const svtest::CliRun run = forget(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message.toUtf8()), run.describe().constData());
        QCOMPARE(listed().size(), 8);
    }

    // A dry run decides and says why, and changes nothing in the bank.
    void dryRunRemovesNothing()
    {
        const qint64 before = folderBytes(bankPath);
        const svtest::CliRun run = forget({QStringLiteral("--keep-daily"), QStringLiteral("2"), QStringLiteral("--dry-run"),
                                           QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(report.value(QLatin1String("ok")).toBool(), run.out.constData());
        QVERIFY(report.value(QLatin1String("dry_run")).toBool());
        QCOMPARE(report.value(QLatin1String("policy")).toObject(), (QJsonObject{{QStringLiteral("keep_daily"), 2}}));
        QCOMPARE(report.value(QLatin1String("kept")).toInt(), 4);
        QCOMPARE(report.value(QLatin1String("not_counted")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("to_remove")).toInt(), 3);
        QCOMPARE(report.value(QLatin1String("to_remove_ids")).toArray().size(), 3);
        QCOMPARE(report.value(QLatin1String("removed")).toInt(), 0);
        QCOMPARE(report.value(QLatin1String("removed_ids")).toArray(), QJsonArray());
        const QJsonObject first = report.value(QLatin1String("checkpoints")).toArray().first().toObject();
        for (const char *key : {"checkpoint_id", "server_id", "server_name", "created", "status", "plan", "keep",
                                "counted", "reasons"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(listed().size(), 8);
        QCOMPARE(folderBytes(bankPath), before);

        // The text form: one block per server, newest first, each line with its verdict and reasons.
        const svtest::CliRun text = forget({QStringLiteral("--keep-daily"), QStringLiteral("2"), QStringLiteral("--dry-run")});
        QVERIFY2(text.exitCode == 0, text.describe().constData());
        QVERIFY2(text.out.contains("Server web-1 ("), text.out.constData());
        QVERIFY2(text.out.contains(QByteArray(QByteArray("  keep   2026-11-20 14:00:00  ") + ids.value(QStringLiteral("w5")).toUtf8())),
                 text.out.constData());
        QVERIFY2(text.out.contains("daily 2026-11-20"), text.out.constData());
        QVERIFY2(text.out.contains(QByteArray(QByteArray("  remove 2026-11-20 02:00:00  ") + ids.value(QStringLiteral("w4")).toUtf8())),
                 text.out.constData());
        QVERIFY2(text.out.contains(QByteArray(QByteArray("  skip   2026-11-15 02:00:00  ") + ids.value(QStringLiteral("w3")).toUtf8())),
                 text.out.constData());
        QVERIFY2(text.out.contains("Retention (keep-daily 2), dry run: to keep: 4, to remove: 3, not counted (unfinished or failed, left "
                                      "as they are): 1. Nothing was removed."), text.out.constData());
        QCOMPARE(listed().size(), 8);
    }

    // The exact decisions of the dry run above.
    void dryRunDecisions()
    {
        const svtest::CliRun run = forget({QStringLiteral("--keep-daily"), QStringLiteral("2"), QStringLiteral("--dry-run"),
                                           QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(decisionsOf(QJsonDocument::fromJson(run.out).object()),
                 (svtest::names({"w1 remove", "w2 keep daily 2026-11-10", "w3 skip status error", "d1 keep daily 2026-11-18",
                              "d2 remove", "d3 keep daily 2026-11-19", "w4 remove", "w5 keep daily 2026-11-20"})));
    }

    // --plan selects one plan's backups ("" those made by hand); the others are not even listed.
    void planFilter()
    {
        const svtest::CliRun run = forget({QStringLiteral("--plan"), QStringLiteral("nightly"), QStringLiteral("--keep-last"),
                                           QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(decisionsOf(report), (svtest::names({"d1 remove", "d2 keep last 1/1"})));
        QCOMPARE(report.value(QLatin1String("removed_ids")).toArray(), QJsonArray{ids.value(QStringLiteral("d1"))});
        QVERIFY(report.value(QLatin1String("gc_done")).toBool());
        const QHash<QString, QJsonObject> list = listed();
        QCOMPARE(list.size(), 7);
        QVERIFY(!list.contains(ids.value(QStringLiteral("d1"))));
        QVERIFY(list.contains(ids.value(QStringLiteral("d3"))));

        const svtest::CliRun byHand = forget({QStringLiteral("--plan"), QString(), QStringLiteral("--server"),
                                              QStringLiteral("db-1"), QStringLiteral("--keep-last"), QStringLiteral("5"),
                                              QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(byHand.exitCode == 0, byHand.describe().constData());
        QCOMPARE(decisionsOf(QJsonDocument::fromJson(byHand.out).object()), svtest::names({"d3 keep last 1/5"}));
    }

    // A real forget of one server: the removed backups are gone, their chunks freed, the kept ones verify.
    void forgetFreesSpace()
    {
        const qint64 before = folderBytes(bankPath);
        const svtest::CliRun run = forget({QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--keep-last"),
                                           QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(decisionsOf(report),
                 (svtest::names({"w1 remove", "w2 remove", "w3 skip status error", "w4 keep last 2/2", "w5 keep last 1/2"})));
        QVERIFY(!report.value(QLatin1String("dry_run")).toBool());
        QCOMPARE(report.value(QLatin1String("removed")).toInt(), 2);
        QCOMPARE(report.value(QLatin1String("removed_ids")).toArray(),
                 (QJsonArray{ids.value(QStringLiteral("w1")), ids.value(QStringLiteral("w2"))}));
        QVERIFY(report.value(QLatin1String("gc_done")).toBool());
        const qint64 freed = report.value(QLatin1String("bytes_freed")).toInteger();
        // At least w2's own chunks (512 KiB of random bytes); w1's first backup shares most of its pack.
        QVERIFY2(freed >= 512 * 1024, qPrintable(QString::number(freed)));
        QVERIFY(report.value(QLatin1String("chunks_removed")).toInt() >= 1);
        const qint64 after = folderBytes(bankPath);
        QVERIFY2(after <= before - freed / 2, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));

        const QHash<QString, QJsonObject> list = listed();
        QCOMPARE(list.size(), 5);
        for (const char *gone : {"w1", "w2"})
            QVERIFY(!list.contains(ids.value(QLatin1String(gone))));
        QCOMPARE(list.value(ids.value(QStringLiteral("w3"))).value(QLatin1String("status")).toString(), QStringLiteral("error"));
        // Nothing a kept backup needs was removed, and nothing unused is left.
        const svtest::CliRun check = cli({QStringLiteral("check"), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(check.out).object().value(QLatin1String("orphan_chunks")).toInt(), 0);
        for (const char *kept : {"w4", "w5", "d2", "d3"}) {
            const svtest::CliRun verify = cli({QStringLiteral("verify"), ids.value(QLatin1String(kept))});
            QVERIFY2(verify.exitCode == 0, verify.describe().constData());
        }

        // Applying the same policy again removes nothing.
        const svtest::CliRun again = forget({QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--keep-last"),
                                             QStringLiteral("2")});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY2(again.out.contains("Retention (keep-last 2): to keep: 2, nothing to remove, not counted"), again.out.constData());
    }

    // --prune: the whole prune after the deletes (its counts in the report).
    void forgetWithPrune()
    {
        const svtest::CliRun run = forget({QStringLiteral("--server"), QStringLiteral("db-1"),
                                           QStringLiteral("--keep-within"), QStringLiteral("1h"), QStringLiteral("--prune"),
                                           QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(decisionsOf(report), (svtest::names({"d2 remove", "d3 keep within 1h"})));
        QVERIFY(report.contains(QLatin1String("temporaries_removed")));
        QVERIFY(report.contains(QLatin1String("interrupted_marked_error")));
        QVERIFY(report.value(QLatin1String("gc_done")).toBool());
        QVERIFY(report.value(QLatin1String("bytes_freed")).toInteger() > 0);
        QCOMPARE(listed().size(), 4);
        const svtest::CliRun verify = cli({QStringLiteral("verify"), ids.value(QStringLiteral("d3"))});
        QVERIFY2(verify.exitCode == 0, verify.describe().constData());
    }

    void helpNamesTheFlags()
    {
        const svtest::CliRun run = runner.run({QStringLiteral("forget"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *word : {"Usage: stackvault-cli forget [options]", "--keep-last <n>", "--keep-hourly <n>",
                                 "--keep-daily <n>", "--keep-weekly <n>", "--keep-monthly <n>", "--keep-yearly <n>",
                                 "--keep-within <duration>", "--server <server>", "--plan <name>", "--dry-run", "--prune",
                                 "--json"})
            QVERIFY2(run.out.contains(word), word);
    }
};

QTEST_GUILESS_MAIN(TestCliForget)
#include "tst_cliforget.moc"
