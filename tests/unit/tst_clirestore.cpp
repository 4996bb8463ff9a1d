// `stackvault-cli restore` with saved volumes, as a user runs it against the fake cloud: a server and its
// volumes into another project (types mapped with --volume-type, one defaulted with a warning), the
// volumes alone with --volumes-only, --json listing the restored volumes, usage errors, and a refused
// volume that leaves nothing behind.
#include "bank/localbank.h"
#include "checkpointfixtures.h"
#include "clirunner.h"
#include "cloudstate.h"
#include "fakecloud.h"
#include "keyringprobe.h"
#include "volumecheckpoint.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliRestore : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    QTemporaryDir home;
    svtest::CliRunner runner{home.path()};
    QString bankDir;
    QString demoCloud;
    QString otherCloud;
    QString checkpoint; // a server of the demo project, its image and two data volumes
    QString rebuildCheckpoint; // db-1 with a NIC on private (10.0.0.77, group web), a tag, a missing server group
    QList<svtest::SavedVolume> saved;

    svtest::CliRun cli(QStringList arguments, const QString &crashAt = {})
    {
        arguments << QStringLiteral("--bank") << bankDir;
        QHash<QString, QString> environment;
        if (!crashAt.isEmpty())
            environment.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        return runner.run(arguments, {}, environment);
    }

    // Saves the fake cloud as `user` in `project` under `name` (signing in to check the password).
    void addCloud(const QString &name, const QString &user, const QString &project, const QByteArray &password)
    {
        const svtest::CliRun add = runner.run({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"),
                                               cloud.authUrl(), QStringLiteral("--user"), user, QStringLiteral("--project"), project,
                                               QStringLiteral("--password-stdin")},
                                              password + '\n');
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    static QByteArray sha256(const QByteArray &bytes)
    {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    }

    QStringList restoreIntoOther(const QStringList &extra)
    {
        return QStringList{QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), otherCloud,
                           QStringLiteral("--network"), QStringLiteral("other-net"), QStringLiteral("--key"),
                           QStringLiteral("alice-key"), QStringLiteral("--security-group"), QStringLiteral("default")}
            + extra;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QFile file(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray types = scenario.value(QLatin1String("volume_types")).toArray();
        types.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("cli-standard")}});
        scenario.insert(QStringLiteral("volume_types"), types);
        QString error;
        QVERIFY2(cloud.loadScenario(scenario, &error), qPrintable(error));
        QVERIFY(cloud.start());

        demoCloud = QStringLiteral("restore-demo-%1").arg(cloud.port());
        otherCloud = QStringLiteral("restore-other-%1").arg(cloud.port());
        addCloud(demoCloud, QStringLiteral("demo"), QStringLiteral("demo"), "demo-password");
        addCloud(otherCloud, QStringLiteral("alice"), QStringLiteral("other"), "alice-password");

        // A checkpoint as a backup of a server with two attached volumes writes it.
        bankDir = home.filePath(QStringLiteral("bank"));
        sv::LocalBank bank(bankDir);
        sv::BankError bankError;
        QVERIFY2(bank.open(&bankError), qPrintable(bankError.message));
        const QString base = svtest::backup(bank, cloud.serverIdByName(QStringLiteral("db-1")),
                                            svtest::generateImage(2 * 1024 * 1024, 5), &bankError);
        QVERIFY2(!base.isEmpty(), qPrintable(bankError.message));
        sv::CheckpointIndex index;
        QVERIFY(bank.checkpoint(base, &index, &bankError));
        saved = {svtest::SavedVolume{QStringLiteral("0b0b0b0b-0000-4000-8000-0000000000dc"), QStringLiteral("logs"),
                                     QStringLiteral("/dev/vdc"), QStringLiteral("gold"), 1, -1,
                                     svtest::generateImage(1024 * 1024 + 17, 51), {}},
                 svtest::SavedVolume{QStringLiteral("0b0b0b0b-0000-4000-8000-0000000000db"), QStringLiteral("pgdata"),
                                     QStringLiteral("/dev/vdb"), QStringLiteral("ceph-ssd"), 2, -1,
                                     svtest::generateImage(2 * 1024 * 1024 + 3, 52), {}}};
        checkpoint = svtest::writeVolumeCheckpoint(bank, index, saved, false, &bankError);
        QVERIFY2(!checkpoint.isEmpty(), qPrintable(bankError.message));
        // The faithful-rebuild details as a backup saves them (core/bank/FORMAT.md).
        QJsonObject &server = index.resources.first().metadata;
        server.insert(QStringLiteral("key_name"), QStringLiteral("demo-key"));
        server.insert(QStringLiteral("nics"), QJsonArray{QJsonObject{
            {QStringLiteral("network_id"), QStringLiteral("net-elsewhere")}, {QStringLiteral("network_name"), QStringLiteral("private")},
            {QStringLiteral("fixed_ips"), QJsonArray{QJsonObject{{QStringLiteral("ip_address"), QStringLiteral("10.0.0.77")}}}},
            {QStringLiteral("security_groups"), QJsonArray{QStringLiteral("web")}}}});
        server.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("saved-tag")});
        server.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("role"), QStringLiteral("db")}});
        server.insert(QStringLiteral("description"), QStringLiteral("saved description"));
        server.insert(QStringLiteral("server_groups"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("cli-group")}}});
        server.insert(QStringLiteral("user_data_state"), QStringLiteral("none"));
        rebuildCheckpoint = svtest::writeVolumeCheckpoint(bank, index, {}, false, &bankError);
        QVERIFY2(!rebuildCheckpoint.isEmpty(), qPrintable(bankError.message));
    }

    // --json lists every restored volume with its id, device and type, and the type warnings.
    void serverWithVolumesJson()
    {
        const svtest::CliRun run = cli(restoreIntoOther({QStringLiteral("--name"), QStringLiteral("db-restored"),
                                                         QStringLiteral("--volume-type"), QStringLiteral("ceph-ssd=cli-standard"),
                                                         QStringLiteral("--json")}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject result = run.lastJson();
        QVERIFY(result.value(QLatin1String("ok")).toBool());
        const QString serverId = result.value(QLatin1String("server_id")).toString();
        QVERIFY(!serverId.isEmpty());
        const QJsonArray volumes = result.value(QLatin1String("volumes")).toArray();
        QCOMPARE(volumes.size(), 2);
        // In the saved device order.
        const QJsonObject pgdata = volumes.at(0).toObject();
        const QJsonObject logs = volumes.at(1).toObject();
        QCOMPARE(pgdata.value(QLatin1String("name")).toString(), QStringLiteral("pgdata"));
        QCOMPARE(pgdata.value(QLatin1String("device")).toString(), QStringLiteral("/dev/vdb"));
        QCOMPARE(pgdata.value(QLatin1String("volume_type")).toString(), QStringLiteral("cli-standard"));
        QCOMPARE(pgdata.value(QLatin1String("saved_id")).toString(), saved.at(1).id);
        QCOMPARE(pgdata.value(QLatin1String("size_gb")).toInt(), 2);
        QCOMPARE(logs.value(QLatin1String("device")).toString(), QStringLiteral("/dev/vdc"));
        QCOMPARE(logs.value(QLatin1String("volume_type")).toString(), QStringLiteral("__DEFAULT__"));
        QCOMPARE(cloud.volumeDiskSha256(pgdata.value(QLatin1String("id")).toString()), sha256(saved.at(1).bytes));
        QCOMPARE(cloud.volumeDiskSha256(logs.value(QLatin1String("id")).toString()), sha256(saved.at(0).bytes));
        const QJsonArray warnings = result.value(QLatin1String("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).toString().contains(QStringLiteral("logs")) && warnings.at(0).toString().contains(QStringLiteral("gold")),
                 qPrintable(warnings.at(0).toString()));
    }

    // The text output names each restored volume and says the warning; no server is made.
    void volumesOnlyText()
    {
        const QStringList serversBefore = cloud.leftoverServerIds();
        const svtest::CliRun run = cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), demoCloud,
                                        QStringLiteral("--volumes-only"), QStringLiteral("--volume-type"),
                                        QStringLiteral("gold=cli-standard")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QByteArray("Restored 2 volumes in cloud " + demoCloud.toUtf8() + " (no server).")), run.out.constData());
        QVERIFY2(run.out.contains("  volume pgdata: "), run.out.constData());
        QVERIFY2(run.out.contains(", 2 GiB, type __DEFAULT__\n"), run.out.constData());
        QVERIFY2(run.out.contains("  volume logs: ") && run.out.contains(", 1 GiB, type cli-standard\n"), run.out.constData());
        QVERIFY2(run.out.contains(QByteArray("Warning: Volume pgdata: cloud " + demoCloud.toUtf8() + " has no volume type ceph-ssd")),
                 run.out.constData());
        QCOMPARE(cloud.leftoverServerIds(), serversBefore);
    }

    // --image-only into another project: the image alone, active, with the saved bytes and properties;
    // no server and no volume is made.
    void imageOnlyIntoAnotherProject()
    {
        // The image's saved Glance properties, as a backup records them.
        {
            sv::LocalBank bank(bankDir);
            sv::BankError bankError;
            sv::CheckpointIndex index;
            QVERIFY(bank.open(&bankError) && bank.checkpoint(checkpoint, &index, &bankError));
            for (sv::ProtectedResource &resource : index.resources) {
                if (resource.type == svtest::kImage)
                    resource.metadata.insert(QStringLiteral("properties"),
                                             QJsonObject{{QStringLiteral("hw_disk_bus"), QStringLiteral("scsi")},
                                                         {QStringLiteral("os_distro"), QStringLiteral("cirros")}});
            }
            QVERIFY(bank.storeIndex(index, &bankError));
        }
        const QStringList serversBefore = cloud.leftoverServerIds();
        const svtest::CliRun run = cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), otherCloud,
                                        QStringLiteral("--image-only"), QStringLiteral("--name"), QStringLiteral("db-1-image"),
                                        QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject result = run.lastJson();
        const QString imageId = result.value(QLatin1String("image_id")).toString();
        QVERIFY2(!imageId.isEmpty(), run.describe().constData());
        QCOMPARE(result.value(QLatin1String("image_name")).toString(), QStringLiteral("db-1-image"));
        QVERIFY(!result.contains(QLatin1String("server_id")));
        QCOMPARE(result.value(QLatin1String("volumes")).toArray().size(), 0);
        QVERIFY2(result.value(QLatin1String("message")).toString().startsWith(
                     QStringLiteral("Restored image db-1-image in cloud %1 (image %2, no server).").arg(otherCloud, imageId)),
                 run.describe().constData());
        QCOMPARE(cloud.imageStatus(imageId), QStringLiteral("active"));
        QCOMPARE(cloud.imageIdByName(QStringLiteral("db-1-image")), imageId);
        QCOMPARE(cloud.imageSha256(imageId), sha256(svtest::generateImage(2 * 1024 * 1024, 5)));
        QCOMPARE(cloud.leftoverServerIds(), serversBefore);
        fake::CloudState &state = cloud.state();
        std::lock_guard lock(state.mutex);
        const fake::Image image = state.images.value(imageId);
        // In alice's project, with the saved properties (the fixture's hw_disk_bus) and where it came from.
        QString otherProject;
        for (const fake::Project &project : std::as_const(state.projects)) {
            if (project.name == u"other")
                otherProject = project.id;
        }
        QVERIFY(!otherProject.isEmpty());
        QCOMPARE(image.ownerId, otherProject);
        QCOMPARE(image.properties.value(QLatin1String("hw_disk_bus")).toString(), QStringLiteral("scsi"));
        QCOMPARE(image.properties.value(QLatin1String("os_distro")).toString(), QStringLiteral("cirros"));
        QCOMPARE(image.properties.value(QLatin1String("stackvault_restored_from")).toString(), checkpoint);
        QCOMPARE(image.diskFormat, QStringLiteral("qcow2"));
    }

    // The saved NIC, address, groups, tags and description come back; the options leave them out.
    void rebuildOptions_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("asSaved");
        QTest::newRow("as saved") << QStringList() << true;
        QTest::newRow("options") << QStringList{QStringLiteral("--no-fixed-ips"), QStringLiteral("--no-tags"),
                                                QStringLiteral("--no-metadata"), QStringLiteral("--server-group"),
                                                QStringLiteral("none"), QStringLiteral("--description"), QStringLiteral("other")}
                                 << false;
    }
    void rebuildOptions()
    {
        QFETCH(QStringList, extra);
        QFETCH(bool, asSaved);
        const svtest::CliRun run = cli(QStringList{QStringLiteral("restore"), rebuildCheckpoint, QStringLiteral("--to-cloud"),
                                                   demoCloud, QStringLiteral("--json")}
                                       + extra);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject result = run.lastJson();
        const QJsonObject record = cloud.serverRecord(result.value(QLatin1String("server_id")).toString());
        const QJsonObject nic = record.value(QLatin1String("nics")).toArray().at(0).toObject();
        QCOMPARE(nic.value(QLatin1String("network")).toString(), QStringLiteral("private"));
        QCOMPARE(nic.value(QLatin1String("security_groups")).toArray(), QJsonArray{QStringLiteral("web")});
        const QJsonArray warnings = result.value(QLatin1String("warnings")).toArray();
        if (asSaved) {
            QCOMPARE(nic.value(QLatin1String("ip")).toString(), QStringLiteral("10.0.0.77"));
            QCOMPARE(record.value(QLatin1String("tags")).toArray(), QJsonArray{QStringLiteral("saved-tag")});
            QCOMPARE(record.value(QLatin1String("metadata")).toObject().value(QLatin1String("role")).toString(), QStringLiteral("db"));
            QCOMPARE(record.value(QLatin1String("description")).toString(), QStringLiteral("saved description"));
            QCOMPARE(warnings.size(), 1);
            QVERIFY2(warnings.at(0).toString().contains(QLatin1String("cli-group")), qPrintable(warnings.at(0).toString()));
        } else {
            QVERIFY(nic.value(QLatin1String("ip")).toString() != QLatin1String("10.0.0.77"));
            QCOMPARE(record.value(QLatin1String("tags")).toArray(), QJsonArray());
            QVERIFY(!record.value(QLatin1String("metadata")).toObject().contains(QLatin1String("role")));
            QCOMPARE(record.value(QLatin1String("description")).toString(), QStringLiteral("other"));
            QCOMPARE(warnings.size(), 0);
        }
        // Cleared for the next row: the server and its port.
        std::lock_guard lock(cloud.state().mutex);
        fake::CloudState &state = cloud.state();
        const QString serverId = result.value(QLatin1String("server_id")).toString();
        for (const QString &portId : state.servers.value(serverId).portIds)
            state.ports.remove(portId);
        state.removeServer(serverId);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("said");
        QTest::newRow("mapping without =") << QStringList{QStringLiteral("--volume-type"), QStringLiteral("gold")}
                                           << "--volume-type wants SAVED=TARGET";
        QTest::newRow("mapping without target") << QStringList{QStringLiteral("--volume-type"), QStringLiteral("gold=")}
                                                << "--volume-type wants SAVED=TARGET";
        QTest::newRow("--image-only with --volumes-only")
            << QStringList{QStringLiteral("--image-only"), QStringLiteral("--volumes-only")} << "exclude each other";
        QTest::newRow("server option with --image-only")
            << QStringList{QStringLiteral("--image-only"), QStringLiteral("--flavor"), QStringLiteral("m1.small")}
            << "--flavor is for a server or its volumes";
        QTest::newRow("server option with --volumes-only")
            << QStringList{QStringLiteral("--volumes-only"), QStringLiteral("--flavor"), QStringLiteral("m1.small")}
            << "--flavor is for the server";
        QTest::newRow("network mapping without =") << QStringList{QStringLiteral("--map-network"), QStringLiteral("private")}
                                                   << "--map-network wants SAVED=TARGET";
        QTest::newRow("rebuild option with --image-only") << QStringList{QStringLiteral("--image-only"), QStringLiteral("--no-tags")}
                                                          << "--no-tags is for a server or its volumes";
        QTest::newRow("rebuild option with --volumes-only")
            << QStringList{QStringLiteral("--volumes-only"), QStringLiteral("--server-group"), QStringLiteral("g")}
            << "--server-group is for the server";
    }
    void usageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, said);
        const svtest::CliRun run = cli(QStringList{QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), demoCloud} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(said.toUtf8()), run.describe().constData());
    }

    // Cinder fails the first volume (503): one sentence naming it, exit 1, nothing left behind.
    void refusedVolumeLeavesNothing()
    {
        const QStringList images = cloud.leftoverImageIds();
        const QStringList servers = cloud.leftoverServerIds();
        const QStringList volumes = cloud.leftoverVolumeIds();
        fake::FaultSpec unavailable;
        unavailable.kind = fake::Fault::Unavailable;
        unavailable.method = QStringLiteral("POST");
        unavailable.path = QStringLiteral("^/volume/v3/[^/]+/volumes$");
        unavailable.retryAfter = 0;
        cloud.injectFault(unavailable);
        const svtest::CliRun run = cli(restoreIntoOther({QStringLiteral("--name"), QStringLiteral("refused")}));
        cloud.clearFaults();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("Volume pgdata could not be restored (creating it)"), run.describe().constData());
        QTRY_COMPARE_WITH_TIMEOUT(cloud.leftoverVolumeIds(), volumes, 10000);
        QCOMPARE(cloud.leftoverImageIds(), images);
        QCOMPARE(cloud.leftoverServerIds(), servers);
    }

    // Killed right after Cinder made a volume, before its id was journaled: the journal's intent (the
    // restore's tag, also in the volume's metadata) and the temporary image's id let `sweep` remove both.
    void crashAfterCreateVolumeIsSwept()
    {
        const QStringList images = cloud.leftoverImageIds();
        const QStringList servers = cloud.leftoverServerIds();
        const QStringList volumes = cloud.leftoverVolumeIds();
        const svtest::CliRun killed = cli(restoreIntoOther({QStringLiteral("--name"), QStringLiteral("killed")}),
                                          QStringLiteral("restore-after-create-volume"));
        QVERIFY2(killed.crashed, killed.describe().constData());
        QStringList made = cloud.leftoverVolumeIds();
        for (const QString &id : volumes)
            made.removeAll(id);
        QCOMPARE(made.size(), 1);
        QCOMPARE(cloud.leftoverImageIds().size(), images.size() + 1);
        // The sweep runs later (the next start); by then Cinder has finished making the volume (it
        // refuses to delete a volume that is still `creating`).
        QTRY_COMPARE(cloud.volumeStatus(made.constFirst()), QStringLiteral("available"));
        const svtest::CliRun sweep = cli({QStringLiteral("sweep")});
        QVERIFY2(sweep.exitCode == 0, sweep.describe().constData());
        QTRY_COMPARE_WITH_TIMEOUT(cloud.leftoverVolumeIds(), volumes, 10000);
        QCOMPARE(cloud.leftoverImageIds(), images);
        QCOMPARE(cloud.leftoverServerIds(), servers);
    }
};

QTEST_GUILESS_MAIN(TestCliRestore)
#include "tst_clirestore.moc"
