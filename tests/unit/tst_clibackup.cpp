// stackvault-cli as a user runs it: save the cloud (password into the real keyring), back up a server
// with its data, list, verify, restore — the restored server's disk holds what users wrote.
#include "clirunner.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliBackup : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;

    svtest::CliRunner runner{home.path()};

    svtest::CliRun cli(const QStringList &arguments, const QByteArray &input = {}, const QString &crashAt = {})
    {
        QHash<QString, QString> environment;
        if (!crashAt.isEmpty())
            environment.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        return runner.run(arguments, input, environment);
    }

    // Writes the CLI's settings file; returns its path.
    QString writeSettings(const QByteArray &contents)
    {
        const QString dir = home.filePath(QStringLiteral("config/StackVault"));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/stackvault.conf");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            qWarning("could not write %s", qPrintable(path));
        return path;
    }

    // Saves the fake cloud (or the one at `authUrl`) under `name` (its password checked at its Keystone).
    void addCloud(const QString &name, const QString &authUrl = {})
    {
        const svtest::CliRun add =
            cli({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"),
                 authUrl.isEmpty() ? cloud.authUrl() : authUrl,
                 QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"), QStringLiteral("demo"),
                 QStringLiteral("--password-stdin")},
                "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(cloud.start());
    }

    void roundTrip()
    {
        const QString cloudName = QStringLiteral("clitest-%1").arg(cloud.port());
        addCloud(cloudName);
        if (QTest::currentTestFailed())
            return;

        // What a user looks at first: the servers with their boot image by name (one Glance id=in: query).
        svtest::CliRun servers = cli({QStringLiteral("servers"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--json")});
        QVERIFY2(servers.exitCode == 0, servers.err.constData());
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &value : QJsonDocument::fromJson(servers.out).array())
            byName.insert(value[QLatin1String("name")].toString(), value.toObject());
        QCOMPARE(byName.value(QStringLiteral("web-1")).value(QLatin1String("image")).toString(), QStringLiteral("ubuntu-22.04"));
        QCOMPARE(byName.value(QStringLiteral("bfv-1")).value(QLatin1String("boot")).toString(), QStringLiteral("volume"));
        QCOMPARE(byName.value(QStringLiteral("db-1")).value(QLatin1String("status")).toString(), QStringLiteral("SHUTOFF"));

        const QString web1 = cloud.serverIdByName(QStringLiteral("web-1"));
        const QByteArray userData = "written by a user of web-1 after boot";
        QVERIFY(cloud.writeServerDisk(web1, 3 * 1024 * 1024, userData));

        svtest::CliRun backup = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                          QStringLiteral("web-1"), QStringLiteral("--json")});
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        const QJsonObject backedUp = backup.lastJson();
        QVERIFY(backedUp.value(QLatin1String("ok")).toBool());
        QVERIFY(backedUp.value(QLatin1String("include_data")).toBool());
        const QString checkpoint = backedUp.value(QLatin1String("checkpoint_id")).toString();
        QVERIFY(!checkpoint.isEmpty());
        QVERIFY(cloud.leftoverImageIds().isEmpty());
        // ubuntu-22.04 has hw_qemu_guest_agent=yes; web-1's volume web-data is saved too (--volumes all,
        // the default).
        QCOMPARE(backedUp.value(QLatin1String("consistency")).toString(), QStringLiteral("quiesce-requested"));
        QCOMPARE(backedUp.value(QLatin1String("volumes")).toArray(), QJsonArray{QStringLiteral("web-data")});
        QCOMPARE(backedUp.value(QLatin1String("volumes_not_included")).toArray(), QJsonArray{});
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverSnapshotIds().isEmpty(), 5000); // Cinder deletes a moment later

        svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray checkpoints = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(checkpoints.size(), 1);
        QCOMPARE(checkpoints.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("available"));
        QCOMPARE(checkpoints.first().toObject().value(QLatin1String("consistency")).toString(), QStringLiteral("quiesce-requested"));
        // Made by hand: "plan" is there, empty (a plan's run names itself there).
        QVERIFY(checkpoints.first().toObject().contains(QLatin1String("plan")));
        QCOMPARE(checkpoints.first().toObject().value(QLatin1String("plan")).toString(), QString());
        svtest::CliRun table = cli({QStringLiteral("checkpoints")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("CONSISTENCY") && table.out.contains("quiesce requested"), table.out.constData());

        // `show` says what the label means, where the backup came from, and which volumes it holds.
        svtest::CliRun show = cli({QStringLiteral("show"), checkpoint});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY2(show.out.contains("Consistency  quiesce requested\n"), show.out.constData());
        QVERIFY2(show.out.contains("does not report whether the freeze happened"), show.out.constData());
        const QByteArray cloudLine = "Cloud        " + cloudName.toUtf8() + "\n"; // no --region: the cloud's default
        QVERIFY2(show.out.contains(cloudLine), show.out.constData());
        QVERIFY2(show.out.contains("Volumes      web-data (2 GiB, /dev/vdb, type __DEFAULT__; saved: "), show.out.constData());
        QVERIFY2(!show.out.contains("NOT included"), show.out.constData());
        svtest::CliRun showJson = cli({QStringLiteral("show"), checkpoint, QStringLiteral("--json")});
        QVERIFY2(showJson.exitCode == 0, showJson.err.constData());
        bool volumeListed = false;
        for (const QJsonValue &r : QJsonDocument::fromJson(showJson.out).object().value(QLatin1String("resources")).toArray())
            volumeListed |= r[QLatin1String("type")].toString() == QLatin1String("OS::Cinder::Volume")
                && r[QLatin1String("name")].toString() == QLatin1String("web-data");
        QVERIFY2(volumeListed, showJson.out.constData());

        // --volumes none (here the default from the settings): the root disk only, and `show` names the
        // volume left out.
        const QString settings = writeSettings("[protection]\nback_up_volumes=none\n");
        svtest::CliRun none = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                                   QStringLiteral("web-1"), QStringLiteral("--json")});
        QFile::remove(settings);
        QVERIFY2(none.exitCode == 0, none.err.constData());
        QCOMPARE(none.lastJson().value(QLatin1String("volumes")).toArray(), QJsonArray{});
        svtest::CliRun showNone = cli({QStringLiteral("show"), none.lastJson().value(QLatin1String("checkpoint_id")).toString()});
        QVERIFY2(showNone.out.contains("Volumes      Attached volumes NOT included in this backup: web-data.\n"),
                 showNone.out.constData());

        // An unknown volume name: one sentence naming the server and its volumes, nothing made.
        svtest::CliRun unknown = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                                      QStringLiteral("web-1"), QStringLiteral("--volumes"), QStringLiteral("web-dta")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("Server web-1 has no attached volume web-dta; its attached volumes are: web-data."),
                 unknown.describe().constData());
        QVERIFY(cloud.leftoverImageIds().isEmpty());

        // The plain `backup` output says it too; without a snapshot the label is "original image".
        svtest::CliRun plain = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                         QStringLiteral("web-1"), QStringLiteral("--no-include-data")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY2(plain.out.contains("Backed up the original image of server web-1"), plain.out.constData());
        QVERIFY2(plain.out.contains("Attached volumes NOT included in this backup: web-data."), plain.out.constData());
        svtest::CliRun table2 = cli({QStringLiteral("checkpoints")});
        QVERIFY2(table2.out.contains("original image"), table2.out.constData());

        svtest::CliRun verify = cli({QStringLiteral("verify"), checkpoint});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());

        svtest::CliRun restore = cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), cloudName,
                           QStringLiteral("--name"), QStringLiteral("web-1-restored"), QStringLiteral("--json")});
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        const QString restored = restore.lastJson().value(QLatin1String("server_id")).toString();
        QCOMPARE(cloud.serverDiskSha256(restored), cloud.serverDiskSha256(web1));
        QCOMPARE(cloud.readServerDisk(restored, 3 * 1024 * 1024, userData.size()), userData);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("backup without server") << QStringList{QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("x")};
        QTest::newRow("both data options") << QStringList{QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("x"),
                                                           QStringLiteral("--server"), QStringLiteral("y"),
                                                           QStringLiteral("--include-data"), QStringLiteral("--no-include-data")};
        QTest::newRow("empty volume selection") << QStringList{QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("x"),
                                                                QStringLiteral("--server"), QStringLiteral("y"),
                                                                QStringLiteral("--volumes"), QStringLiteral(",")};
        QTest::newRow("restore without target") << QStringList{QStringLiteral("restore"), QStringLiteral("abc")};
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(cli(arguments).exitCode, 2);
    }

    void helpNamesTheCommand_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("backup") << QStringList{QStringLiteral("backup"), QStringLiteral("--help")}
                                << QStringLiteral("Usage: stackvault-cli backup [options]");
        QTest::newRow("restore") << QStringList{QStringLiteral("restore"), QStringLiteral("--help")}
                                 << QStringLiteral("Usage: stackvault-cli restore [options]");
        QTest::newRow("servers") << QStringList{QStringLiteral("servers"), QStringLiteral("--help")}
                                 << QStringLiteral("Usage: stackvault-cli servers [options]");
        QTest::newRow("checkpoints") << QStringList{QStringLiteral("checkpoints"), QStringLiteral("--help")}
                                     << QStringLiteral("Usage: stackvault-cli checkpoints [options]");
    }
    void helpNamesTheCommand()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);
        const svtest::CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 0);
        // Not the path the binary was started from.
        QVERIFY2(run.out.startsWith(usage.toUtf8()), run.out.constData());
        QVERIFY2(!run.out.contains(svtest::CliRunner::binary().toUtf8()), run.out.constData());
        // Every verb documents how to see the log.
        QVERIFY2(run.out.contains("--verbose") && run.out.contains("--debug"), run.out.constData());
    }

    // A backup of a server that is not there fails with one sentence; the core's log lines about it (the
    // 404 from Nova) appear only with --verbose or --debug.
    void failingBackupSaysOneSentence_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<bool>("logShown");
        QTest::newRow("default") << QStringList{} << false;
        QTest::newRow("--verbose") << QStringList{QStringLiteral("--verbose")} << true;
        QTest::newRow("--debug") << QStringList{QStringLiteral("--debug")} << true;
    }
    void failingBackupSaysOneSentence()
    {
        QFETCH(QStringList, flags);
        QFETCH(bool, logShown);
        const QString cloudName = QStringLiteral("missing-%1-%2").arg(cloud.port()).arg(QString::fromUtf8(QTest::currentDataTag()));
        addCloud(cloudName);
        if (QTest::currentTestFailed())
            return;
        const QString missing = QStringLiteral("0b5e1d4e-0000-4000-8000-00000000dead");
        const svtest::CliRun run = cli(QStringList{QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName,
                                                   QStringLiteral("--server"), missing} + flags);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing.toUtf8()), run.describe().constData());
        QCOMPARE(run.err.contains("stackvault.openstack:"), logShown);
        if (!logShown) {
            // Besides the progress (one line per stage, "Checking…"), the one sentence that says what failed.
            QStringList other;
            for (const QByteArray &line : run.err.trimmed().split('\n')) {
                if (!line.endsWith("…"))
                    other << QString::fromUtf8(line);
            }
            QVERIFY2(other.size() == 1, run.describe().constData());
            QVERIFY2(!run.err.contains("stackvault."), run.describe().constData());
        }
    }

    // An enable_server_snapshot that is not a yes/no value stops a backup that relies on it, naming the
    // file, the key and the value; an explicit --include-data/--no-include-data does not need it.
    void unreadableSnapshotSettingFails()
    {
        const QString dir = home.filePath(QStringLiteral("config/StackVault"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/stackvault.conf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[image_backup_plugin]\nenable_server_snapshot=sometimes\n");
        file.close();
        svtest::CliRun run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                       QStringLiteral("--server"), QStringLiteral("web-1")});
        svtest::CliRun explicitChoice = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                                  QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--no-include-data")});
        QFile::remove(path);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("[image_backup_plugin] enable_server_snapshot = \"sometimes\""), run.err.constData());
        QCOMPARE(explicitChoice.exitCode, 1);
        QVERIFY2(explicitChoice.err.contains("nowhere") && !explicitChoice.err.contains("sometimes"),
                 explicitChoice.err.constData());
    }

    // An unreadable [protection] back_up_volumes stops a backup that relies on it, naming the file and
    // the key; --volumes does not need it.
    void unreadableVolumesSettingFails()
    {
        const QString path = writeSettings("[protection]\nback_up_volumes=\",\"\n");
        svtest::CliRun run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                                  QStringLiteral("--server"), QStringLiteral("web-1")});
        svtest::CliRun explicitChoice = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                                             QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--volumes"),
                                             QStringLiteral("all")});
        QFile::remove(path);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path.toUtf8()) && run.err.contains("back_up_volumes"), run.err.constData());
        QCOMPARE(explicitChoice.exitCode, 1);
        QVERIFY2(explicitChoice.err.contains("nowhere") && !explicitChoice.err.contains("back_up_volumes"),
                 explicitChoice.err.constData());
    }

    // A backup killed mid-download leaves its snapshot; the next `backup` on that cloud removes it first
    // and says so in one line — and leaves another cloud's leftovers (and that cloud) alone.
    // `backup` and `restore` both sweep their own cloud's leftovers before they start, and no other's.
    void jobSweepsItsCloudFirst_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<bool>("json");
        QTest::newRow("backup-text") << QStringLiteral("backup") << false;
        QTest::newRow("backup-json") << QStringLiteral("backup") << true;
        QTest::newRow("restore-text") << QStringLiteral("restore") << false;
    }
    void jobSweepsItsCloudFirst()
    {
        QFETCH(QString, verb);
        QFETCH(bool, json);
        fake::FakeCloud other;
        QVERIFY(other.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(other.start());
        const QString cloudName = QStringLiteral("sweep-%1-%2").arg(QString::fromLatin1(QTest::currentDataTag())).arg(cloud.port());
        const QString otherName = QStringLiteral("other-%1").arg(other.port());
        addCloud(cloudName);
        addCloud(otherName, other.authUrl());
        if (QTest::currentTestFailed())
            return;
        QString checkpoint; // what the restore row restores: a backup made before the crash
        if (verb == u"restore") {
            const svtest::CliRun first = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                                              QStringLiteral("db-1"), QStringLiteral("--no-include-data"), QStringLiteral("--json")});
            QVERIFY2(first.exitCode == 0, first.err.constData());
            checkpoint = first.lastJson().value(QLatin1String("checkpoint_id")).toString();
            QVERIFY(!checkpoint.isEmpty());
        }
        const QStringList before = cloud.leftoverImageIds();
        for (const QString &name : {cloudName, otherName}) {
            const svtest::CliRun killed = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), name, QStringLiteral("--server"),
                              QStringLiteral("web-1"), QStringLiteral("--include-data"), QStringLiteral("--volumes"),
                              QStringLiteral("none")},
                             {}, QStringLiteral("backup-download:3"));
            QVERIFY2(killed.exitCode == -1, killed.err.constData());
        }
        QStringList leftover = cloud.leftoverImageIds();
        for (const QString &id : before)
            leftover.removeAll(id);
        QCOMPARE(leftover.size(), 1);
        QCOMPARE(other.leftoverImageIds().size(), 1);
        const qsizetype otherRequests = other.requestLog().size();

        QStringList arguments = verb == u"restore"
            ? QStringList{QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), cloudName, QStringLiteral("--name"),
                          QStringLiteral("db-1-restored-%1").arg(cloud.port())}
            : QStringList{QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                          QStringLiteral("db-1"), QStringLiteral("--no-include-data")};
        if (json)
            arguments.append(QStringLiteral("--json"));
        const svtest::CliRun run = cli(arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!cloud.leftoverImageIds().contains(leftover.first()));
        if (json) {
            QJsonObject swept;
            for (const QByteArray &line : run.out.split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QLatin1String("event")).toString() == QLatin1String("swept"))
                    swept = event;
            }
            QVERIFY2(swept.value(QLatin1String("ok")).toBool(), run.out.constData());
            QCOMPARE(swept.value(QLatin1String("deleted")).toInt(), 1);
            QVERIFY(run.lastJson().value(QLatin1String("ok")).toBool());
        } else {
            const QList<QByteArray> lines = run.out.split('\n');
            const auto said = std::count_if(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
                return line.startsWith("Removed 1 leftover") && line.contains(leftover.first().toUtf8());
            });
            QVERIFY2(said == 1, run.out.constData());
        }
        // The other cloud: not signed in to, its snapshot still there for its own next backup.
        QCOMPARE(other.requestLog().size(), otherRequests);
        QCOMPARE(other.leftoverImageIds().size(), 1);
    }

    void unknownCloudFails()
    {
        svtest::CliRun run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"), QStringLiteral("--server"),
                       QStringLiteral("web-1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("nowhere"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_clibackup.moc"
