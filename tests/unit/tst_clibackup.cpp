// stackvault-cli as a user runs it: save the cloud (password into the real keyring), back up a server
// with its data, list, verify, restore — the restored server's disk holds what users wrote.
#include "fakecloud.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliBackup : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList &arguments, const QByteArray &input = {}, const QString &crashAt = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!crashAt.isEmpty())
            env.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STACKVAULT_BINARY_DIR "/app/stackvault-cli"), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {};
        return Run{process.exitStatus() == QProcess::CrashExit ? -1 : process.exitCode(), process.readAllStandardOutput(),
                   process.readAllStandardError()};
    }

    // The last JSON line of the output (jobs print events, one per line).
    static QJsonObject lastJson(const QByteArray &out)
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("needs a D-Bus session with a Secret Service (scripts/test runs the suite inside dbus-run-session "
                  "with gnome-keyring)");
        QVERIFY(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(cloud.start());
    }

    void roundTrip()
    {
        const QString cloudName = QStringLiteral("clitest-%1").arg(cloud.port());
        Run add = cli({QStringLiteral("clouds"), QStringLiteral("add"), cloudName, QStringLiteral("--auth-url"),
                       cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"),
                       QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                      "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());

        // What a user looks at first: the servers with their boot image by name (one Glance id=in: query).
        Run servers = cli({QStringLiteral("servers"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--json")});
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

        Run backup = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                          QStringLiteral("web-1"), QStringLiteral("--json")});
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        const QJsonObject backedUp = lastJson(backup.out);
        QVERIFY(backedUp.value(QLatin1String("ok")).toBool());
        QVERIFY(backedUp.value(QLatin1String("include_data")).toBool());
        const QString checkpoint = backedUp.value(QLatin1String("checkpoint_id")).toString();
        QVERIFY(!checkpoint.isEmpty());
        QVERIFY(cloud.leftoverImageIds().isEmpty());
        // ubuntu-22.04 has hw_qemu_guest_agent=yes; web-1 has the volume web-data attached, not backed up.
        QCOMPARE(backedUp.value(QLatin1String("consistency")).toString(), QStringLiteral("quiesce-requested"));
        QCOMPARE(backedUp.value(QLatin1String("volumes_not_included")).toArray(), QJsonArray{QStringLiteral("web-data")});

        Run list = cli({QStringLiteral("checkpoints"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray checkpoints = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(checkpoints.size(), 1);
        QCOMPARE(checkpoints.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("available"));
        QCOMPARE(checkpoints.first().toObject().value(QLatin1String("consistency")).toString(), QStringLiteral("quiesce-requested"));
        Run table = cli({QStringLiteral("checkpoints")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("CONSISTENCY") && table.out.contains("quiesce requested"), table.out.constData());

        // `show` says what the label means, where the backup came from, and which volumes it lacks.
        Run show = cli({QStringLiteral("show"), checkpoint});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY2(show.out.contains("Consistency  quiesce requested\n"), show.out.constData());
        QVERIFY2(show.out.contains("does not report whether the freeze happened"), show.out.constData());
        const QByteArray cloudLine = "Cloud        " + cloudName.toUtf8() + "\n"; // no --region: the cloud's default
        QVERIFY2(show.out.contains(cloudLine), show.out.constData());
        QVERIFY2(show.out.contains("Volumes      Attached volumes NOT included (StackVault does not back up volumes yet): "
                                   "web-data.\n"),
                 show.out.constData());

        // The plain `backup` output says it too; without a snapshot the label is "original image".
        Run plain = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                         QStringLiteral("web-1"), QStringLiteral("--no-include-data")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY2(plain.out.contains("Backed up the original image of server web-1"), plain.out.constData());
        QVERIFY2(plain.out.contains("Attached volumes NOT included (StackVault does not back up volumes yet): web-data."),
                 plain.out.constData());
        Run table2 = cli({QStringLiteral("checkpoints")});
        QVERIFY2(table2.out.contains("original image"), table2.out.constData());

        Run verify = cli({QStringLiteral("verify"), checkpoint});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());

        Run restore = cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), cloudName,
                           QStringLiteral("--name"), QStringLiteral("web-1-restored"), QStringLiteral("--json")});
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        const QString restored = lastJson(restore.out).value(QLatin1String("server_id")).toString();
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
        QTest::newRow("restore without target") << QStringList{QStringLiteral("restore"), QStringLiteral("abc")};
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(cli(arguments).exitCode, 2);
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
        Run run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                       QStringLiteral("--server"), QStringLiteral("web-1")});
        Run explicitChoice = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"),
                                  QStringLiteral("--server"), QStringLiteral("web-1"), QStringLiteral("--no-include-data")});
        QFile::remove(path);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("[image_backup_plugin] enable_server_snapshot = \"sometimes\""), run.err.constData());
        QCOMPARE(explicitChoice.exitCode, 1);
        QVERIFY2(explicitChoice.err.contains("nowhere") && !explicitChoice.err.contains("sometimes"),
                 explicitChoice.err.constData());
    }

    // A backup killed mid-download leaves its snapshot; the next `backup` on that cloud removes it first
    // and says so in one line — and leaves another cloud's leftovers (and that cloud) alone.
    void backupSweepsItsCloudFirst_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }
    void backupSweepsItsCloudFirst()
    {
        QFETCH(bool, json);
        fake::FakeCloud other;
        QVERIFY(other.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(other.start());
        const QString cloudName = QStringLiteral("sweep-%1-%2").arg(QString::fromLatin1(QTest::currentDataTag())).arg(cloud.port());
        const QString otherName = QStringLiteral("other-%1").arg(other.port());
        for (const auto &[name, url] : {std::pair{cloudName, cloud.authUrl()}, std::pair{otherName, other.authUrl()}}) {
            Run add = cli({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"), url,
                           QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"),
                           QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                          "demo-password\n");
            QVERIFY2(add.exitCode == 0, add.err.constData());
        }
        const QStringList before = cloud.leftoverImageIds();
        for (const QString &name : {cloudName, otherName}) {
            Run killed = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), name, QStringLiteral("--server"),
                              QStringLiteral("web-1"), QStringLiteral("--include-data")},
                             {}, QStringLiteral("backup-download:3"));
            QVERIFY2(killed.exitCode == -1, killed.err.constData());
        }
        QStringList leftover = cloud.leftoverImageIds();
        for (const QString &id : before)
            leftover.removeAll(id);
        QCOMPARE(leftover.size(), 1);
        QCOMPARE(other.leftoverImageIds().size(), 1);
        const qsizetype otherRequests = other.requestLog().size();

        QStringList arguments{QStringLiteral("backup"), QStringLiteral("--cloud"), cloudName, QStringLiteral("--server"),
                              QStringLiteral("db-1"), QStringLiteral("--no-include-data")};
        if (json)
            arguments.append(QStringLiteral("--json"));
        Run backup = cli(arguments);
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        QVERIFY(!cloud.leftoverImageIds().contains(leftover.first()));
        if (json) {
            QJsonObject swept;
            for (const QByteArray &line : backup.out.split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QLatin1String("event")).toString() == QLatin1String("swept"))
                    swept = event;
            }
            QVERIFY2(swept.value(QLatin1String("ok")).toBool(), backup.out.constData());
            QCOMPARE(swept.value(QLatin1String("deleted")).toInt(), 1);
            QVERIFY(lastJson(backup.out).value(QLatin1String("ok")).toBool());
        } else {
            const QList<QByteArray> lines = backup.out.split('\n');
            const auto said = std::count_if(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
                return line.startsWith("Removed 1 leftover") && line.contains(leftover.first().toUtf8());
            });
            QVERIFY2(said == 1, backup.out.constData());
        }
        // The other cloud: not signed in to, its snapshot still there for its own next backup.
        QCOMPARE(other.requestLog().size(), otherRequests);
        QCOMPARE(other.leftoverImageIds().size(), 1);
    }

    void unknownCloudFails()
    {
        Run run = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("nowhere"), QStringLiteral("--server"),
                       QStringLiteral("web-1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("nowhere"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_clibackup.moc"
