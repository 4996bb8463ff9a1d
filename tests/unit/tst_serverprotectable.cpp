#include "literals.h"
#include "protection/serverprotectable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Shaped like nova's doc/api_samples/servers/v2.100/server-get-resp.json.
const char *imageBootedServer = R"({
  "id": "9168b536-cd40-4630-b43f-b259807c6e87", "name": "web-1", "status": "ACTIVE",
  "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": "active", "OS-EXT-AZ:availability_zone": "nova",
  "image": {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "links": []},
  "flavor": {"original_name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20, "ephemeral": 0, "swap": 0},
  "addresses": {"private": [{"addr": "192.168.1.30", "OS-EXT-IPS:type": "fixed", "version": 4},
                            {"addr": "172.24.4.10", "OS-EXT-IPS:type": "floating", "version": 4}]},
  "key_name": "ops", "security_groups": [{"name": "default"}, {"name": "web"}, {"name": "default"}],
  "metadata": {"role": "frontend"}, "tags": ["prod"],
  "os-extended-volumes:volumes_attached": [{"id": "vol-data", "delete_on_termination": false}]
})";

const char *volumeBootedServer = R"({
  "id": "c1d0a2b4-0000-4000-8000-000000000001", "name": "db-1", "status": "ACTIVE",
  "OS-EXT-STS:task_state": null, "image": "",
  "flavor": {"id": "3", "links": []},
  "os-extended-volumes:volumes_attached": [{"id": "vol-root"}, {"id": "vol-logs"}]
})";
} // namespace

using svtest::names;

class TestServerProtectable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageBootedServerHasItsBootImageAsChildWithServerId()
    {
        const sv::Resource graph = sv::ServerProtectable::resourceGraph(parse(imageBootedServer));
        QVERIFY(graph.isServer());
        QCOMPARE(graph.id, QStringLiteral("9168b536-cd40-4630-b43f-b259807c6e87"));
        QCOMPARE(graph.children.size(), 2); // the boot image, then the attached volume
        QVERIFY(graph.children.at(1).isVolume());
        const sv::Resource &image = graph.children.first();
        QVERIFY(image.isImage());
        QCOMPARE(image.id, QStringLiteral("70a599e0-31e7-49b7-b260-868f441e862b"));
        QCOMPARE(image.extraInfo, (QJsonObject{{QStringLiteral("server_id"), graph.id}}));
        QCOMPARE(image.serverIdOfImage(), graph.id);
    }

    void twoServersSharingOneImageAreTwoGraphs()
    {
        QJsonObject other = parse(imageBootedServer);
        other.insert(QStringLiteral("id"), QStringLiteral("second-server"));
        const sv::Resource a = sv::ServerProtectable::resourceGraph(parse(imageBootedServer));
        const sv::Resource b = sv::ServerProtectable::resourceGraph(other);
        QCOMPARE(a.children.first().id, b.children.first().id);
        QVERIFY(a.children.first().serverIdOfImage() != b.children.first().serverIdOfImage());
    }

    void volumeBootedServerListsVolumesNotAnImage()
    {
        const QJsonObject server = parse(volumeBootedServer);
        QVERIFY(sv::ServerProtectable::isBootFromVolume(server));
        const sv::Resource graph = sv::ServerProtectable::resourceGraph(server);
        QCOMPARE(graph.children.size(), 2);
        QVERIFY(graph.children.at(0).isVolume());
        QCOMPARE(graph.children.at(1).id, QStringLiteral("vol-logs"));
        // Without Cinder's documents: no device, and the first attached volume is taken as the boot volume.
        QCOMPARE(graph.children.at(0).extraInfo.value(QLatin1String("boot_index")).toInt(), 0);
        QCOMPARE(graph.children.at(1).extraInfo.value(QLatin1String("boot_index")).toInt(), -1);
    }

    // The server's children with Cinder's documents: the boot image (unchanged since the seed), then each
    // attached volume with its name, device and boot index, in device order.
    void graphListsAttachedVolumes_data()
    {
        QTest::addColumn<bool>("bootFromVolume");
        QTest::addColumn<QString>("rootDeviceName"); // what admins see; "" for others
        QTest::addColumn<QStringList>("children");   // "type:id:device:boot_index"
        QTest::newRow("image-booted") << false << ""
                                      << names({"OS::Glance::Image:70a599e0-31e7-49b7-b260-868f441e862b::",
                                                     "OS::Cinder::Volume:vol-a:/dev/vdb:-1",
                                                     "OS::Cinder::Volume:vol-b:/dev/vdc:-1"});
        QTest::newRow("boot from volume: the bootable volume on the first device")
            << true << "" << names({"OS::Cinder::Volume:vol-b:/dev/vda:0", "OS::Cinder::Volume:vol-a:/dev/vdb:-1"});
        QTest::newRow("boot from volume: the root device name decides")
            << true << "/dev/vdb" << names({"OS::Cinder::Volume:vol-a:/dev/vdb:0", "OS::Cinder::Volume:vol-b:/dev/vda:-1"});
    }
    void graphListsAttachedVolumes()
    {
        QFETCH(bool, bootFromVolume);
        QFETCH(QString, rootDeviceName);
        QFETCH(QStringList, children);
        QJsonObject server = parse(imageBootedServer);
        const QString id = server.value(QLatin1String("id")).toString();
        server.insert(QStringLiteral("os-extended-volumes:volumes_attached"),
                      QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("vol-a")}},
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("vol-b")}}});
        if (bootFromVolume)
            server.insert(QStringLiteral("image"), QString());
        if (!rootDeviceName.isEmpty())
            server.insert(QStringLiteral("OS-EXT-SRV-ATTR:root_device_name"), rootDeviceName);
        const auto volume = [&](const char *volumeId, const char *device, bool bootable) {
            sv::openstack::Volume v;
            v.id = QLatin1String(volumeId);
            v.name = v.id + QStringLiteral("-name");
            v.bootable = bootable;
            v.attachments = {{id, QLatin1String(device), QStringLiteral("att")}};
            return v;
        };
        // vol-b is bootable and, for a boot-from-volume server, on /dev/vda.
        const QList<sv::openstack::Volume> volumes{volume("vol-a", bootFromVolume ? "/dev/vdb" : "/dev/vdb", true),
                                                   volume("vol-b", bootFromVolume ? "/dev/vda" : "/dev/vdc", true)};
        const sv::Resource graph = sv::ServerProtectable::resourceGraph(server, volumes);
        QStringList got;
        for (const sv::Resource &child : graph.children) {
            if (child.isImage()) {
                got.append(child.type + QLatin1Char(':') + child.id + QStringLiteral("::"));
                QCOMPARE(child.extraInfo, (QJsonObject{{QStringLiteral("server_id"), id}}));
                continue;
            }
            QCOMPARE(child.name, child.id + QStringLiteral("-name"));
            QCOMPARE(child.extraInfo.value(QLatin1String("server_id")).toString(), id);
            got.append(QStringLiteral("%1:%2:%3:%4")
                           .arg(child.type, child.id, child.extraInfo.value(QLatin1String("device")).toString())
                           .arg(child.extraInfo.value(QLatin1String("boot_index")).toInt()));
        }
        QCOMPARE(got, children);
    }

    void graphSurvivesJson()
    {
        const sv::Resource graph = sv::ServerProtectable::resourceGraph(parse(imageBootedServer));
        const sv::Resource back = sv::Resource::fromJson(graph.toJson());
        QCOMPARE(back.toJson(), graph.toJson());
        QCOMPARE(back.children.first().serverIdOfImage(), graph.id);
    }

    void precheck_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QJsonValue>("taskState");
        QTest::addColumn<QString>("expected"); // empty: allowed; else a fragment of the message
        const QJsonValue idle = QJsonValue(QJsonValue::Null);
        QTest::newRow("active") << "ACTIVE" << idle << "";
        QTest::newRow("shutoff") << "SHUTOFF" << idle << "";
        QTest::newRow("paused") << "PAUSED" << idle << "";
        QTest::newRow("suspended") << "SUSPENDED" << idle << "";
        QTest::newRow("error") << "ERROR" << idle << "status ERROR";
        QTest::newRow("build") << "BUILD" << idle << "status BUILD";
        QTest::newRow("rescue") << "RESCUE" << idle << "status RESCUE";
        QTest::newRow("verify resize") << "VERIFY_RESIZE" << idle << "status VERIFY_RESIZE";
        QTest::newRow("snapshotting") << "ACTIVE" << QJsonValue(QStringLiteral("image_snapshot"))
                                      << "Server web-1 is busy (task_state image_snapshot); try again when it is idle.";
        QTest::newRow("stopping") << "ACTIVE" << QJsonValue(QStringLiteral("powering-off")) << "powering-off";
    }
    void precheck()
    {
        QFETCH(QString, status);
        QFETCH(QJsonValue, taskState);
        QFETCH(QString, expected);
        QJsonObject server = parse(imageBootedServer);
        server.insert(QStringLiteral("status"), status);
        server.insert(QStringLiteral("OS-EXT-STS:task_state"), taskState);
        const QString error = sv::ServerProtectable::precheckError(server);
        if (expected.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY2(error.contains(expected), qPrintable(error));
            QVERIFY(error.contains(QLatin1String("web-1")));
        }
    }

    // With server data on a boot-from-volume server is backed up (its volumes); with it off it is refused:
    // only an original image could be saved, and a volume has none.
    void bootFromVolumeIsRefusedOnlyWithoutServerData()
    {
        QVERIFY(sv::ServerProtectable::precheckError(parse(volumeBootedServer), true).isEmpty());
        const QString error = sv::ServerProtectable::precheckError(parse(volumeBootedServer), false);
        QVERIFY(error.contains(QLatin1String("db-1")));
        QVERIFY(error.contains(QLatin1String("vol-root, vol-logs")));
        QVERIFY2(error.contains(QLatin1String("Include server data")), qPrintable(error));
        QVERIFY(sv::ServerProtectable::precheckError(parse(imageBootedServer), false).isEmpty());
    }

    void rebuildMetadataHasWhatARestoreNeeds()
    {
        const QJsonObject meta = sv::ServerProtectable::rebuildMetadata(parse(imageBootedServer));
        QCOMPARE(meta.value(QLatin1String("name")).toString(), QStringLiteral("web-1"));
        const QJsonObject flavor = meta.value(QLatin1String("flavor")).toObject();
        QCOMPARE(flavor.value(QLatin1String("name")).toString(), QStringLiteral("m1.small"));
        QCOMPARE(flavor.value(QLatin1String("ram")).toInt(), 2048);
        QCOMPARE(flavor.value(QLatin1String("disk")).toInt(), 20);
        const QJsonArray networks = meta.value(QLatin1String("networks")).toArray();
        QCOMPARE(networks.size(), 1);
        QCOMPARE(networks.first().toObject().value(QLatin1String("fixed_ips")).toArray(),
                 (QJsonArray{QStringLiteral("192.168.1.30")}));
        QCOMPARE(meta.value(QLatin1String("key_name")).toString(), QStringLiteral("ops"));
        QCOMPARE(meta.value(QLatin1String("security_groups")).toArray(),
                 (QJsonArray{QStringLiteral("default"), QStringLiteral("web")}));
        QCOMPARE(meta.value(QLatin1String("availability_zone")).toString(), QStringLiteral("nova"));
        QCOMPARE(meta.value(QLatin1String("metadata")).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("frontend"));
        QCOMPARE(meta.value(QLatin1String("tags")).toArray(), (QJsonArray{QStringLiteral("prod")}));
    }

    void rebuildMetadataUsesTheFlavorDocumentBefore247()
    {
        const QJsonObject flavor = parse(R"({"id": "3", "name": "m1.medium", "ram": 4096, "vcpus": 2, "disk": 40})");
        const QJsonObject meta = sv::ServerProtectable::rebuildMetadata(parse(volumeBootedServer), flavor);
        const QJsonObject saved = meta.value(QLatin1String("flavor")).toObject();
        QCOMPARE(saved.value(QLatin1String("id")).toString(), QStringLiteral("3"));
        QCOMPARE(saved.value(QLatin1String("name")).toString(), QStringLiteral("m1.medium"));
        QCOMPARE(saved.value(QLatin1String("vcpus")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerProtectable)
#include "tst_serverprotectable.moc"
