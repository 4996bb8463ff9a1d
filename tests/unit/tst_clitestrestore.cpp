// `stackvault-cli test-restore` as a user runs it against the fake cloud: a backup that boots to its
// login prompt passes (exit 0) and `checkpoints`/`show` print the result; a console that never shows the
// marker fails (exit 1) saying so; usage errors; and a process killed mid-test (STACKVAULT_CRASH_AT)
// leaves its scratch server, image and volume in the journal, which the next sweep removes.
#include "bank/localbank.h"
#include "clirunner.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliTestRestore : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;
    svtest::CliRunner runner{home.path()};
    QString bankDir;
    QString demoCloud;
    QString checkpoint; // web-1 with its volume web-data

    svtest::CliRun cli(QStringList arguments, const QString &crashAt = {})
    {
        arguments << QStringLiteral("--bank") << bankDir;
        QHash<QString, QString> environment;
        if (!crashAt.isEmpty())
            environment.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        return runner.run(arguments, {}, environment);
    }

    QJsonObject listed()
    {
        const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json")});
        if (list.exitCode != 0)
            return {};
        for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array()) {
            if (value[QLatin1String("id")].toString() == checkpoint)
                return value.toObject();
        }
        return {};
    }

    QStringList leftovers() const
    {
        return cloud.leftoverServerIds() + cloud.leftoverImageIds() + cloud.leftoverVolumeIds();
    }

    int journalSize()
    {
        sv::LocalBank bank(bankDir);
        sv::BankError error;
        QList<sv::JournalEntry> entries;
        if (!bank.open(&error) || !bank.journalEntries(&entries, &error))
            return -1;
        return int(entries.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(cloud.start());
        bankDir = home.filePath(QStringLiteral("bank"));
        demoCloud = QStringLiteral("test-restore-%1").arg(cloud.port());
        const svtest::CliRun add = runner.run({QStringLiteral("clouds"), QStringLiteral("add"), demoCloud, QStringLiteral("--auth-url"),
                                               cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"),
                                               QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                                              "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        const svtest::CliRun backup = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), demoCloud, QStringLiteral("--server"),
                                           QStringLiteral("web-1"), QStringLiteral("--no-encryption"), QStringLiteral("--json")});
        QVERIFY2(backup.exitCode == 0, backup.describe().constData());
        checkpoint = backup.lastJson().value(QLatin1String("checkpoint_id")).toString();
        QVERIFY(!checkpoint.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(leftovers().isEmpty(), 5000);
        QVERIFY(listed().value(QLatin1String("restore_test")).isNull());
    }

    void passes()
    {
        const svtest::CliRun run = cli({QStringLiteral("test-restore"), checkpoint, QStringLiteral("--to-cloud"), demoCloud,
                                        QStringLiteral("--marker"), QStringLiteral("login:"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject result = run.lastJson();
        QVERIFY(result.value(QLatin1String("ok")).toBool());
        QVERIFY(result.value(QLatin1String("passed")).toBool());
        QVERIFY(result.value(QLatin1String("recorded")).toBool());
        QVERIFY(run.out.contains("\"stage\":\"waiting_for_boot\""));
        QTRY_VERIFY_WITH_TIMEOUT(leftovers().isEmpty(), 5000);
        QCOMPARE(journalSize(), 0);

        const QJsonObject test = listed().value(QLatin1String("restore_test")).toObject();
        QCOMPARE(test.value(QLatin1String("result")).toString(), QStringLiteral("passed"));
        QCOMPARE(test.value(QLatin1String("cloud")).toString(), demoCloud);
        QCOMPARE(test.value(QLatin1String("marker")).toString(), QStringLiteral("login:"));
        const QDateTime at = QDateTime::fromString(test.value(QLatin1String("tested_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(at.isValid() && at.secsTo(QDateTime::currentDateTimeUtc()) < 120);

        const svtest::CliRun table = cli({QStringLiteral("checkpoints")});
        QVERIFY(table.out.contains("RESTORE TEST (UTC)"));
        const QByteArray passedAt = QByteArray("passed ") + at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")).toUtf8();
        QVERIFY2(table.out.contains(passedAt), table.out.constData());
        const svtest::CliRun show = cli({QStringLiteral("show"), checkpoint});
        QVERIFY2(show.out.contains("Restore test passed ") && show.out.contains("marker \"login:\""), show.out.constData());
    }

    void failsWhenTheMarkerNeverShows()
    {
        fake::FaultSpec hang;
        hang.kind = fake::Fault::BootHangs;
        cloud.injectFault(hang);
        const svtest::CliRun run = cli({QStringLiteral("test-restore"), checkpoint, QStringLiteral("--to-cloud"), demoCloud,
                                        QStringLiteral("--marker"), QStringLiteral("login:"), QStringLiteral("--marker-timeout"),
                                        QStringLiteral("3")});
        QCOMPARE(run.exitCode, 1);
        const QByteArray said = run.out + run.err;
        QVERIFY2(said.contains("did not show \"login:\" within 3 s") && said.contains(checkpoint.toUtf8())
                     && said.contains("Kernel panic"),
                 run.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(leftovers().isEmpty(), 5000);
        QCOMPARE(journalSize(), 0);
        const QJsonObject test = listed().value(QLatin1String("restore_test")).toObject();
        QCOMPARE(test.value(QLatin1String("result")).toString(), QStringLiteral("failed"));
        QVERIFY(test.value(QLatin1String("message")).toString().contains(QStringLiteral("did not show")));
        const svtest::CliRun table = cli({QStringLiteral("checkpoints")});
        QVERIFY2(table.out.contains("FAILED "), table.out.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        QTest::newRow("no cloud") << QStringList{QStringLiteral("test-restore"), QStringLiteral("x")} << QStringLiteral("--to-cloud");
        QTest::newRow("timeout not a number")
            << QStringList{QStringLiteral("test-restore"), QStringLiteral("x"), QStringLiteral("--to-cloud"), QStringLiteral("c"),
                           QStringLiteral("--marker"), QStringLiteral("login:"), QStringLiteral("--marker-timeout"), QStringLiteral("soon")}
            << QStringLiteral("--marker-timeout wants a number");
        QTest::newRow("timeout without marker")
            << QStringList{QStringLiteral("test-restore"), QStringLiteral("x"), QStringLiteral("--to-cloud"), QStringLiteral("c"),
                           QStringLiteral("--marker-timeout"), QStringLiteral("5")}
            << QStringLiteral("needs --marker");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        const svtest::CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(said.toUtf8()), run.describe().constData());
    }

    // Killed while waiting for the marker or while removing what it made: the scratch resources are in
    // the journal, and the next sweep removes them; the backup is still listed available.
    void crashThenSweep_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("waiting for the marker") << QStringLiteral("test-restore-waiting-marker");
        QTest::newRow("cleaning up") << QStringLiteral("test-restore-cleanup");
    }

    void crashThenSweep()
    {
        QFETCH(QString, point);
        const svtest::CliRun killed = cli({QStringLiteral("test-restore"), checkpoint, QStringLiteral("--to-cloud"), demoCloud,
                                           QStringLiteral("--marker"), QStringLiteral("login:")},
                                          point);
        QVERIFY2(killed.crashed, killed.describe().constData());
        QCOMPARE(cloud.leftoverServerIds().size(), 1);
        QVERIFY(!cloud.leftoverVolumeIds().isEmpty());
        QCOMPARE(journalSize(), 3); // the server, its image and its volume
        const svtest::CliRun sweep = cli({QStringLiteral("sweep"), QStringLiteral("--json")});
        QVERIFY2(sweep.exitCode == 0, sweep.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(leftovers().isEmpty(), 5000);
        QCOMPARE(journalSize(), 0);
        QCOMPARE(listed().value(QLatin1String("status")).toString(), QStringLiteral("available"));
    }
};

QTEST_GUILESS_MAIN(TestCliTestRestore)
#include "tst_clitestrestore.moc"
