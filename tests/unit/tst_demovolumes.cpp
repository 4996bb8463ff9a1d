// Issue #13's "done when", through stackvault-cli on the demo cloud: postgres-primary (root disk plus
// the attached volume db-data) and legacy-erp (booted from its volume) back up with the data their
// users wrote after boot and restore into another project with every byte, nothing left behind.
#include "clirunner.h"
#include "cloudstate.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestDemoVolumes : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;
    svtest::CliRunner runner{home.path()};

    svtest::CliRun cli(const QStringList &arguments, const QByteArray &input = {})
    {
        return runner.run(arguments, input, {}, 300000);
    }

    void addCloud(const QString &name, const QString &project)
    {
        const svtest::CliRun add = cli({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"),
                                        cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"),
                                        QStringLiteral("--project"), project, QStringLiteral("--password-stdin")},
                                       "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    QStringList attachedVolumes(const QString &serverId)
    {
        std::lock_guard lock(cloud.state().mutex);
        return cloud.state().servers.value(serverId).volumeIds;
    }

    // What the restores made on purpose (earlier test functions included): everything else the
    // cloud holds that it did not hold at start is a leftover.
    QStringList m_restoredVolumes;
    QStringList m_restoredServers;

    void checkNothingLeftBehind(const QStringList &restoredVolumes, const QStringList &restoredServers)
    {
        m_restoredVolumes += restoredVolumes;
        m_restoredServers += restoredServers;
        QStringList volumes = cloud.leftoverVolumeIds();
        for (const QString &id : std::as_const(m_restoredVolumes))
            volumes.removeAll(id);
        QVERIFY2(volumes.isEmpty(), qPrintable(QStringLiteral("temporary volumes left: ") + volumes.join(QLatin1Char(' '))));
        QTRY_VERIFY2_WITH_TIMEOUT(cloud.leftoverSnapshotIds().isEmpty(),
                                  qPrintable(cloud.leftoverSnapshotIds().join(QLatin1Char(' '))), 10000);
        QStringList servers = cloud.leftoverServerIds();
        for (const QString &id : std::as_const(m_restoredServers))
            servers.removeAll(id);
        QVERIFY(servers.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QString error;
        QVERIFY2(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/demo.json"), &error),
                 qPrintable(error));
        QVERIFY(cloud.start());
        addCloud(QStringLiteral("demo"), QStringLiteral("demo"));
        addCloud(QStringLiteral("staging"), QStringLiteral("staging"));
    }

    void imageBootedServerWithDataVolume()
    {
        const QString server = cloud.serverIdByName(QStringLiteral("postgres-primary"));
        const QString dbData = cloud.volumeIdByName(QStringLiteral("db-data"));
        QVERIFY(!server.isEmpty() && !dbData.isEmpty());
        QCOMPARE(attachedVolumes(server), QStringList{dbData});
        // Users write after boot: into the root disk and into the database volume.
        QVERIFY(cloud.writeServerDisk(server, 33 * 1024 * 1024, "postgres-primary: row written after boot"));
        QVERIFY(cloud.writeVolumeDisk(dbData, 7 * 1024 * 1024, "db-data: committed transaction 4711"));
        const QByteArray rootSha = cloud.serverDiskSha256(server);
        const QByteArray dataSha = cloud.volumeDiskSha256(dbData);

        const svtest::CliRun backup = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("demo"),
                                           QStringLiteral("--server"), QStringLiteral("postgres-primary"), QStringLiteral("--json")});
        QVERIFY2(backup.exitCode == 0, backup.describe().constData());
        const QJsonObject backedUp = backup.lastJson();
        QVERIFY(backedUp.value(QLatin1String("ok")).toBool());
        QCOMPARE(backedUp.value(QLatin1String("volumes_not_included")).toArray(), QJsonArray());
        const QString checkpoint = backedUp.value(QLatin1String("checkpoint_id")).toString();
        checkNothingLeftBehind({}, {});
        // Written after the backup: the restore must bring back the backup's bytes, not these.
        QVERIFY(cloud.writeVolumeDisk(dbData, 0, "written after the backup"));

        const QStringList restoreArguments{QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"),
                                           QStringLiteral("staging"), QStringLiteral("--name"), QStringLiteral("postgres-restored"),
                                           QStringLiteral("--network"), QStringLiteral("staging-net"), QStringLiteral("--json")};
        // The saved security group "db" exists only in project demo: the restore says so before it makes
        // anything.
        const QStringList imagesBefore = cloud.leftoverImageIds();
        const svtest::CliRun refused = cli(restoreArguments);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.lastJson().value(QLatin1String("message")).toString(),
                 QStringLiteral("Cloud staging has no security group named db. Choose the security groups for the restored server."));
        QVERIFY2(!refused.out.contains("creating_volume") && !refused.out.contains("creating_image"), refused.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverVolumeIds().isEmpty(), 10000);
        QCOMPARE(cloud.leftoverImageIds(), imagesBefore);
        checkNothingLeftBehind({}, {});

        const svtest::CliRun restore = cli(restoreArguments + QStringList{QStringLiteral("--security-group"), QStringLiteral("default")});
        QVERIFY2(restore.exitCode == 0, restore.describe().constData());
        const QJsonObject restored = restore.lastJson();
        const QString newServer = restored.value(QLatin1String("server_id")).toString();
        QCOMPARE(cloud.serverDiskSha256(newServer), rootSha);
        const QJsonArray volumes = restored.value(QLatin1String("volumes")).toArray();
        QCOMPARE(volumes.size(), 1);
        const QJsonObject volume = volumes.first().toObject();
        QCOMPARE(volume.value(QLatin1String("name")).toString(), QStringLiteral("db-data"));
        const QString newVolume = volume.value(QLatin1String("id")).toString();
        QCOMPARE(cloud.volumeDiskSha256(newVolume), dataSha);
        QCOMPARE(volume.value(QLatin1String("device")).toString(), volume.value(QLatin1String("saved_device")).toString());
        QCOMPARE(attachedVolumes(newServer), QStringList{newVolume});
        QCOMPARE(cloud.volumeStatus(newVolume), QStringLiteral("in-use"));
        checkNothingLeftBehind({newVolume}, {newServer});
    }

    void bootFromVolumeServer()
    {
        const QString server = cloud.serverIdByName(QStringLiteral("legacy-erp"));
        const QString root = cloud.volumeIdByName(QStringLiteral("legacy-erp-root"));
        QVERIFY(!server.isEmpty() && !root.isEmpty());
        QCOMPARE(attachedVolumes(server).value(0), root);
        QVERIFY(cloud.writeVolumeDisk(root, 12 * 1024 * 1024, "legacy-erp: invoice 2026-0042 booked"));
        const QStringList imagesBefore = cloud.leftoverImageIds();
        const QByteArray rootSha = cloud.volumeDiskSha256(root);

        const svtest::CliRun backup = cli({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("demo"),
                                           QStringLiteral("--server"), QStringLiteral("legacy-erp"), QStringLiteral("--json")});
        QVERIFY2(backup.exitCode == 0, backup.describe().constData());
        const QString checkpoint = backup.lastJson().value(QLatin1String("checkpoint_id")).toString();
        QVERIFY(!checkpoint.isEmpty());
        checkNothingLeftBehind({}, {});
        QVERIFY2(cloud.leftoverImageIds() == imagesBefore, "the 0-byte image of Nova's boot-from-volume snapshot is deleted");

        const svtest::CliRun restore = cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"),
                                            QStringLiteral("staging"), QStringLiteral("--name"), QStringLiteral("erp-restored"),
                                            QStringLiteral("--network"), QStringLiteral("staging-net"), QStringLiteral("--json")});
        QVERIFY2(restore.exitCode == 0, restore.describe().constData());
        const QJsonObject restored = restore.lastJson();
        const QString newServer = restored.value(QLatin1String("server_id")).toString();
        const QJsonArray volumes = restored.value(QLatin1String("volumes")).toArray();
        QCOMPARE(volumes.size(), 1);
        const QString newRoot = volumes.first().toObject().value(QLatin1String("id")).toString();
        QCOMPARE(volumes.first().toObject().value(QLatin1String("boot_index")).toInt(), 0);
        QCOMPARE(attachedVolumes(newServer).value(0), newRoot); // it boots from the restored volume
        QCOMPARE(cloud.volumeDiskSha256(newRoot), rootSha);
        QCOMPARE(cloud.serverDiskSha256(newServer), rootSha);
        checkNothingLeftBehind({newRoot}, {newServer});
    }
};

QTEST_GUILESS_MAIN(TestDemoVolumes)
#include "tst_demovolumes.moc"
