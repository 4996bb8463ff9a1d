// Nova of the fake cloud over real HTTP: version documents and microversion negotiation, server lists
// with filters and pagination, server shapes (compared with the upstream samples), server create and
// delete with validation, and the createImage state machine with its 409s.
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

namespace {

const QString Web1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000001");
const QString Web2 = QStringLiteral("5e7f0000-0000-4000-8000-000000000002");
const QString Db1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000003");
const QString Bfv1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000004");
const QString Broken1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000005");
const QString UbuntuImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000001");
const QString CirrosImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002");
const QString PrivateNet = QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a001");
const QString Project = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
const QString BfvRoot = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c001");
const QString WebData = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002"); // on web-1
const QString Spare = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003");   // available

QString volumePath(const QString &id)
{
    return QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + id;
}

QString snapshotPath(const QString &id)
{
    return QStringLiteral("/volume/v3/") + Project + QStringLiteral("/snapshots/") + id;
}

QString attachmentsPath(const QString &serverId)
{
    return QStringLiteral("/compute/v2.1/servers/") + serverId + QStringLiteral("/os-volume_attachments");
}

QJsonObject sample(const QString &name)
{
    return fake::apiSample(QStringLiteral("nova/") + name);
}

void compareShape(const QJsonObject &expected, const QJsonObject &actual, const QString &where,
                  const QStringList &ignore = {})
{
    fake::compareShape(expected, actual, where, ignore, /*recursive=*/true);
}

QJsonObject createImageBody(const QString &name)
{
    return QJsonObject{{QStringLiteral("createImage"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("cp-1")}}}}}};
}

} // namespace

class TestComputeService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fake::startTestScenario(m_cloud);
    }

    void init()
    {
        m_client = fake::demoClient(m_cloud);
        QVERIFY(!m_client->token().isEmpty());
    }

    void versionDocuments()
    {
        const auto root = m_client->get(QStringLiteral("/compute"));
        QCOMPARE(root.status, 200);
        const QJsonArray versions = root.json()[QStringLiteral("versions")].toArray();
        compareShape(sample(QStringLiteral("versions-get-resp.json"))[QStringLiteral("versions")][1].toObject(),
                     versions.at(1).toObject(), QStringLiteral("versions[1]"));
        QCOMPARE(versions.at(1)[QStringLiteral("version")].toString(), QStringLiteral("2.96"));
        QCOMPARE(versions.at(1)[QStringLiteral("min_version")].toString(), QStringLiteral("2.1"));
        const auto v21 = m_client->get(QStringLiteral("/compute/v2.1"));
        QCOMPARE(v21.status, 200);
        compareShape(sample(QStringLiteral("v21-version-get-resp.json")), v21.json(), QStringLiteral("version"));
    }

    void microversions_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("echo");
        QTest::newRow("none: 2.1") << QByteArray() << QByteArray() << 200 << QByteArray("compute 2.1");
        QTest::newRow("modern 2.45") << QByteArray("OpenStack-API-Version") << QByteArray("compute 2.45") << 200 << QByteArray("compute 2.45");
        QTest::newRow("legacy 2.60") << QByteArray("X-OpenStack-Nova-API-Version") << QByteArray("2.60") << 200 << QByteArray("compute 2.60");
        QTest::newRow("latest") << QByteArray("OpenStack-API-Version") << QByteArray("compute latest") << 200 << QByteArray("compute 2.96");
        QTest::newRow("above max") << QByteArray("OpenStack-API-Version") << QByteArray("compute 2.97") << 406 << QByteArray();
        QTest::newRow("major 3") << QByteArray("OpenStack-API-Version") << QByteArray("compute 3.0") << 406 << QByteArray();
        QTest::newRow("garbage") << QByteArray("OpenStack-API-Version") << QByteArray("compute two") << 400 << QByteArray();
        QTest::newRow("other service only") << QByteArray("OpenStack-API-Version") << QByteArray("volume 3.10") << 200 << QByteArray("compute 2.1");
    }

    void microversions()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        QFETCH(QByteArray, echo);
        HttpTestClient::Headers headers;
        if (!header.isEmpty())
            headers.append({header, value});
        const auto reply = m_client->get(QStringLiteral("/compute/v2.1/servers"), headers);
        QCOMPARE(reply.status, status);
        if (status == 200) {
            QCOMPARE(reply.header("OpenStack-API-Version"), echo);
            QCOMPARE(reply.header("X-OpenStack-Nova-API-Version"), echo.mid(8));
            QVERIFY(reply.header("Vary").contains("OpenStack-API-Version"));
        } else {
            const QJsonObject body = reply.json();
            QCOMPARE(body.size(), 1);
            QCOMPARE(body.constBegin().value()[QStringLiteral("code")].toInt(), status);
        }
    }

    void projectIdInUrl()
    {
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/a1b2c3d4e5f60718293a4b5c6d7e8f90/servers/") + Web1).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/0f9e8d7c6b5a49382716051423324150/servers")).status, 400);
    }

    void listAndPaginate()
    {
        // 5 servers in project demo; limit 2 -> pages of 2, 2, 1, with next links on full pages only.
        QStringList seen;
        QString next = QStringLiteral("/compute/v2.1/servers/detail?limit=2");
        int pages = 0;
        while (!next.isEmpty()) {
            const auto reply = m_client->get(next);
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.json();
            const QJsonArray servers = body[QStringLiteral("servers")].toArray();
            for (const QJsonValue &server : servers)
                seen.append(server[QStringLiteral("id")].toString());
            next.clear();
            const QJsonArray links = body[QStringLiteral("servers_links")].toArray();
            if (servers.size() == 2) {
                QCOMPARE(links.size(), 1);
                QCOMPARE(links.at(0)[QStringLiteral("rel")].toString(), QStringLiteral("next"));
                next = links.at(0)[QStringLiteral("href")].toString();
                QVERIFY(next.startsWith(m_cloud.baseUrl() + QStringLiteral("/compute/v2.1/servers/detail?limit=2&marker=")));
            } else {
                QVERIFY(links.isEmpty());
            }
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 5);
        QVERIFY(!seen.contains(QStringLiteral("5e7f0000-0000-4000-8000-000000000006"))); // other project's
        const auto bad = m_client->get(QStringLiteral("/compute/v2.1/servers?marker=00000000-0000-0000-0000-000000000000"));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().contains(QStringLiteral("badRequest")));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("name regex") << QStringLiteral("name=web") << QStringList{QStringLiteral("web-1"), QStringLiteral("web-2")};
        QTest::newRow("name anchored") << QStringLiteral("name=%5Eweb-1%24") << QStringList{QStringLiteral("web-1")};
        QTest::newRow("status SHUTOFF") << QStringLiteral("status=SHUTOFF") << QStringList{QStringLiteral("db-1")};
        QTest::newRow("status lower-case error") << QStringLiteral("status=error") << QStringList{QStringLiteral("broken-1")};
    }

    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, names);
        const auto reply = m_client->get(QStringLiteral("/compute/v2.1/servers?") + query);
        QCOMPARE(reply.status, 200);
        QStringList actual;
        for (const QJsonValue &server : reply.json()[QStringLiteral("servers")].toArray())
            actual.append(server[QStringLiteral("name")].toString());
        actual.sort();
        QCOMPARE(actual, names);
    }

    void serverShapes()
    {
        const QJsonObject listSample = sample(QStringLiteral("servers-list-resp.json"))[QStringLiteral("servers")][0].toObject();
        const auto list = m_client->get(QStringLiteral("/compute/v2.1/servers"));
        compareShape(listSample, list.json()[QStringLiteral("servers")][0].toObject(), QStringLiteral("servers[0]"));

        // At 2.1 the flavor is {id, links}; admin-only OS-EXT-SRV-ATTR fields are not shown to a member.
        const QStringList adminOnly{QStringLiteral("OS-EXT-SRV-ATTR:host"), QStringLiteral("OS-EXT-SRV-ATTR:hypervisor_hostname"),
                                    QStringLiteral("OS-EXT-SRV-ATTR:instance_name")};
        const auto detail = m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web1);
        QCOMPARE(detail.status, 200);
        const QJsonObject server = detail.json()[QStringLiteral("server")].toObject();
        compareShape(sample(QStringLiteral("server-get-resp.json"))[QStringLiteral("server")].toObject(), server,
                     QStringLiteral("server"), adminOnly);
        QCOMPARE(server[QStringLiteral("image")][QStringLiteral("id")].toString(), UbuntuImage);
        QCOMPARE(server[QStringLiteral("status")].toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(server[QStringLiteral("key_name")].toString(), QStringLiteral("demo-key"));
        QCOMPARE(server[QStringLiteral("addresses")][QStringLiteral("private")][0][QStringLiteral("addr")].toString().left(7),
                 QStringLiteral("10.0.0."));
        QCOMPARE(server[QStringLiteral("security_groups")].toArray().size(), 2);

        // At 2.47 the flavor is embedded, with its sizes.
        const auto v247 = m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web1,
                                        {{"OpenStack-API-Version", "compute 2.47"}});
        const QJsonObject server247 = v247.json()[QStringLiteral("server")].toObject();
        compareShape(sample(QStringLiteral("v2.47-server-get-resp.json"))[QStringLiteral("server")].toObject(), server247,
                     QStringLiteral("server@2.47"),
                     adminOnly + QStringList{QStringLiteral("OS-EXT-SRV-ATTR:hostname"), QStringLiteral("OS-EXT-SRV-ATTR:kernel_id"),
                                             QStringLiteral("OS-EXT-SRV-ATTR:launch_index"), QStringLiteral("OS-EXT-SRV-ATTR:ramdisk_id"),
                                             QStringLiteral("OS-EXT-SRV-ATTR:reservation_id"), QStringLiteral("OS-EXT-SRV-ATTR:root_device_name"),
                                             QStringLiteral("OS-EXT-SRV-ATTR:user_data"), QStringLiteral("host_status")});
        QCOMPARE(server247[QStringLiteral("flavor")][QStringLiteral("disk")].toInt(), 20);
        QCOMPARE(server247[QStringLiteral("flavor")][QStringLiteral("original_name")].toString(), QStringLiteral("m1.small"));

        // Booted from volume: image is an empty string and the volume is listed.
        const QJsonObject bfv = m_client->get(QStringLiteral("/compute/v2.1/servers/") + Bfv1).json()[QStringLiteral("server")].toObject();
        QVERIFY(bfv[QStringLiteral("image")].isString());
        QCOMPARE(bfv[QStringLiteral("image")].toString(), QString());
        QCOMPARE(bfv[QStringLiteral("os-extended-volumes:volumes_attached")][0][QStringLiteral("id")].toString(),
                 QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c001"));
        // ERROR carries a fault.
        const QJsonObject broken = m_client->get(QStringLiteral("/compute/v2.1/servers/") + Broken1).json()[QStringLiteral("server")].toObject();
        QCOMPARE(broken[QStringLiteral("status")].toString(), QStringLiteral("ERROR"));
        QCOMPARE(broken[QStringLiteral("fault")][QStringLiteral("code")].toInt(), 500);

        const auto missing = m_client->get(QStringLiteral("/compute/v2.1/servers/5e7f0000-0000-4000-8000-000000000006"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json()[QStringLiteral("itemNotFound")][QStringLiteral("code")].toInt(), 404);
    }

    void flavorsAndKeys()
    {
        const auto flavors = m_client->get(QStringLiteral("/compute/v2.1/flavors/detail"), {{"OpenStack-API-Version", "compute 2.75"}});
        QCOMPARE(flavors.status, 200);
        const QJsonArray list = flavors.json()[QStringLiteral("flavors")].toArray();
        QCOMPARE(list.size(), 4);
        compareShape(sample(QStringLiteral("v2.75-flavors-detail-resp.json"))[QStringLiteral("flavors")][0].toObject(),
                     list.at(0).toObject(), QStringLiteral("flavors[0]"));
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/flavors/3")).json()[QStringLiteral("flavor")][QStringLiteral("ram")].toInt(), 4096);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/flavors/77")).status, 404);
        const auto keys = m_client->get(QStringLiteral("/compute/v2.1/os-keypairs"), {{"OpenStack-API-Version", "compute 2.35"}});
        QCOMPARE(keys.status, 200);
        const QJsonArray keyList = keys.json()[QStringLiteral("keypairs")].toArray();
        QCOMPARE(keyList.size(), 1);
        compareShape(sample(QStringLiteral("v2.35-keypairs-list-resp.json"))[QStringLiteral("keypairs")][0].toObject(),
                     keyList.at(0).toObject(), QStringLiteral("keypairs[0]"));
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/os-keypairs/demo-key")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/os-keypairs/alice-key")).status, 404);
    }

    void createServerValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("microversion");
        QTest::addColumn<int>("status");
        const QByteArray img = UbuntuImage.toLatin1();
        QTest::newRow("unknown flavor") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"77"}})") << QByteArray("2.1") << 400;
        QTest::newRow("unknown image") << QByteArray(R"({"server":{"name":"x","imageRef":"00000000-0000-4000-8000-000000000000","flavorRef":"2"}})") << QByteArray("2.1") << 400;
        QTest::newRow("flavor disk below image min_disk") << QByteArray(R"({"server":{"name":"x","imageRef":"e1a0b1c2-0000-4000-8000-000000000003","flavorRef":"1"}})") << QByteArray("2.1") << 400;
        QTest::newRow("flavor ram below image min_ram") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"9"}})") << QByteArray("2.1") << 400;
        QTest::newRow("unknown key") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","key_name":"nope"}})") << QByteArray("2.1") << 400;
        QTest::newRow("another user's key") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","key_name":"alice-key"}})") << QByteArray("2.1") << 400;
        QTest::newRow("unknown network") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","networks":[{"uuid":"00000000-0000-4000-8000-000000000000"}]}})") << QByteArray("2.1") << 400;
        QTest::newRow("another project's network") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","networks":[{"uuid":"b7a1c2d3-0000-4000-8000-00000000a003"}]}})") << QByteArray("2.1") << 400;
        QTest::newRow("unknown security group") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","security_groups":[{"name":"nope"}]}})") << QByteArray("2.1") << 400;
        QTest::newRow("networks required from 2.37") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2"}})") << QByteArray("2.37") << 400;
        QTest::newRow("auto before 2.37") << QByteArray(R"({"server":{"name":"x","imageRef":")" + img + R"(","flavorRef":"2","networks":"auto"}})") << QByteArray("2.36") << 400;
        QTest::newRow("no name") << QByteArray(R"({"server":{"imageRef":")" + img + R"(","flavorRef":"2"}})") << QByteArray("2.1") << 400;
        QTest::newRow("no server") << QByteArray(R"({"serverx":{}})") << QByteArray("2.1") << 400;
        QTest::newRow("neither image nor volume") << QByteArray(R"({"server":{"name":"x","flavorRef":"2"}})") << QByteArray("2.1") << 400;
        QTest::newRow("malformed JSON") << QByteArray(R"({"server":)") << QByteArray("2.1") << 400;
    }

    void createServerValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, microversion);
        QFETCH(int, status);
        const auto reply = m_client->request("POST", QStringLiteral("/compute/v2.1/servers"), body,
                                             {{"OpenStack-API-Version", "compute " + microversion}});
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.json().contains(QStringLiteral("badRequest")), reply.body.constData());
        QVERIFY(m_cloud.leftoverServerIds().isEmpty());
    }

    void createBootAndDelete_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("microversion");
        QTest::addColumn<bool>("fromVolume");
        const QByteArray img = UbuntuImage.toLatin1();
        QTest::newRow("image, network list") << QByteArray(R"({"server":{"name":"restored-1","imageRef":")" + img
                                                           + R"(","flavorRef":"2","key_name":"demo-key","networks":[{"uuid":")"
                                                           + PrivateNet.toLatin1() + R"("}],"security_groups":[{"name":"web"}],"metadata":{"a":"b"}}})")
                                              << QByteArray("2.1") << false;
        QTest::newRow("image, networks auto") << QByteArray(R"({"server":{"name":"restored-2","imageRef":")" + img + R"(","flavorRef":"2","networks":"auto"}})")
                                              << QByteArray("2.37") << false;
        QTest::newRow("image URL, networks none") << QByteArray("{\"server\":{\"name\":\"restored-3\",\"imageRef\":\"http:/" "/x/images/" + img
                                                                + "\",\"flavorRef\":\"http:/" "/x/flavors/2\",\"networks\":\"none\"}}")
                                                  << QByteArray("2.90") << false;
        QTest::newRow("block_device_mapping_v2 from image") << QByteArray(R"({"server":{"name":"restored-bfv","flavorRef":"1","networks":"auto","block_device_mapping_v2":[{"uuid":")"
                                                                          + CirrosImage.toLatin1() + R"(","source_type":"image","destination_type":"volume","boot_index":0,"volume_size":1,"delete_on_termination":true}]}})")
                                                            << QByteArray("2.67") << true;
    }

    void createBootAndDelete()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, microversion);
        QFETCH(bool, fromVolume);
        const HttpTestClient::Headers version{{"OpenStack-API-Version", "compute " + microversion}};
        const auto created = m_client->request("POST", QStringLiteral("/compute/v2.1/servers"), body, version);
        QCOMPARE(created.status, 202);
        const QJsonObject server = created.json()[QStringLiteral("server")].toObject();
        compareShape(sample(QStringLiteral("server-create-resp.json"))[QStringLiteral("server")].toObject(), server, QStringLiteral("server"));
        const QString id = server[QStringLiteral("id")].toString();
        QVERIFY(created.header("Location").endsWith(id.toLatin1()));
        QCOMPARE(m_cloud.leftoverServerIds(), QStringList{id});
        // BUILD, then ACTIVE after the scenario's build time.
        auto status = [&] {
            return m_client->get(QStringLiteral("/compute/v2.1/servers/") + id, version).json()[QStringLiteral("server")][QStringLiteral("status")].toString();
        };
        QCOMPARE(status(), QStringLiteral("BUILD"));
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("ACTIVE"), 5000);
        const QJsonObject shown = m_client->get(QStringLiteral("/compute/v2.1/servers/") + id, version).json()[QStringLiteral("server")].toObject();
        if (fromVolume) {
            QCOMPARE(shown[QStringLiteral("image")].toString(), QString());
            QCOMPARE(shown[QStringLiteral("os-extended-volumes:volumes_attached")].toArray().size(), 1);
            QCOMPARE(m_cloud.leftoverVolumeIds().size(), 1);
        } else {
            QCOMPARE(shown[QStringLiteral("image")][QStringLiteral("id")].toString(), UbuntuImage);
            // The new server's disk starts as its image's bytes.
            QCOMPARE(m_cloud.serverDiskSha256(id), m_cloud.imageSha256(UbuntuImage));
        }
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/compute/v2.1/servers/") + id).status, 204);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers/") + id).status, 404);
        QVERIFY(m_cloud.leftoverServerIds().isEmpty());
        QVERIFY(m_cloud.leftoverVolumeIds().isEmpty()); // delete_on_termination
    }

    void createImageStateMachine_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QByteArray>("microversion");
        QTest::newRow("ACTIVE at 2.45 (image_id in the body)") << Web1 << QByteArray("2.45");
        QTest::newRow("SHUTOFF at 2.1 (Location header)") << Db1 << QByteArray("2.1");
    }

    void createImageStateMachine()
    {
        QFETCH(QString, server);
        QFETCH(QByteArray, microversion);
        m_cloud.setSnapshotStepSeconds(0.3, 0.3, 0.3, 0.3);
        const HttpTestClient::Headers version{{"OpenStack-API-Version", "compute " + microversion}};
        const QString path = QStringLiteral("/compute/v2.1/servers/") + server;
        // The user writes something after boot; the snapshot must contain it.
        QVERIFY(m_cloud.writeServerDisk(server, 512 * 1024, QByteArrayLiteral("written just before the snapshot")));
        const QByteArray diskSha = m_cloud.serverDiskSha256(server);
        const qsizetype taskStatesBefore = m_cloud.stateLog(server, QStringLiteral("task_state")).size();
        const auto reply = m_client->postJson(path + QStringLiteral("/action"), createImageBody(QStringLiteral("snap-") + server), version);
        QCOMPARE(reply.status, 202);
        QString imageId;
        if (microversion == "2.45") {
            compareShape(sample(QStringLiteral("v2.45-server-action-create-image-resp.json")), reply.json(), QStringLiteral("resp"));
            imageId = reply.json()[QStringLiteral("image_id")].toString();
        } else {
            QVERIFY(reply.body.isEmpty());
            const QByteArray location = reply.header("Location");
            QVERIFY(location.startsWith((m_cloud.baseUrl() + QStringLiteral("/image/images/")).toLatin1()));
            imageId = QString::fromLatin1(location.mid(location.lastIndexOf('/') + 1));
        }
        QVERIFY(!imageId.isEmpty());
        // Writes after the request do not change the snapshot.
        QVERIFY(m_cloud.writeServerDisk(server, 0, QByteArrayLiteral("after")));

        // Busy now: a second snapshot is refused, naming the task.
        const auto busy = m_client->postJson(path + QStringLiteral("/action"), createImageBody(QStringLiteral("again")), version);
        QCOMPARE(busy.status, 409);
        QVERIFY(busy.json()[QStringLiteral("conflictingRequest")][QStringLiteral("message")].toString().contains(
            QLatin1String("while it is in task_state image_snapshot")));
        // Done: no task, the image active. The steps in between are read from the fake's own log of what
        // it changed, so none can be missed between two looks.
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.serverTaskState(server).isEmpty() && m_cloud.imageStatus(imageId) == u"active", 10000);
        const QStringList taskStates = m_cloud.stateLog(server, QStringLiteral("task_state")).mid(taskStatesBefore);
        QCOMPARE(taskStates, (QStringList{QStringLiteral("image_snapshot_pending"), QStringLiteral("image_snapshot"),
                                          QStringLiteral("image_pending_upload"), QStringLiteral("image_uploading"), QString()}));
        QCOMPARE(m_cloud.stateLog(imageId, QStringLiteral("status")),
                 (QStringList{QStringLiteral("queued"), QStringLiteral("saving"), QStringLiteral("active")}));
        // The GET shows the same: no task left.
        QVERIFY(m_client->get(path, version).json()[QStringLiteral("server")][QStringLiteral("OS-EXT-STS:task_state")].isNull());
        // The image is the server's disk at snapshot time, with Nova's snapshot properties.
        QCOMPARE(m_cloud.imageSha256(imageId), diskSha);
        const QJsonObject image = m_client->get(QStringLiteral("/image/v2/images/") + imageId).json();
        QCOMPARE(image[QStringLiteral("image_type")].toString(), QStringLiteral("snapshot"));
        QCOMPARE(image[QStringLiteral("instance_uuid")].toString(), server);
        QCOMPARE(image[QStringLiteral("owner_project_name")].toString(), QStringLiteral("demo"));
        QCOMPARE(image[QStringLiteral("user_id")].toString(), QStringLiteral("5d1f0e2c3b4a49586776a5b4c3d2e1f0"));
        QCOMPARE(image[QStringLiteral("stackvault_checkpoint")].toString(), QStringLiteral("cp-1"));
        QCOMPARE(image[QStringLiteral("visibility")].toString(), QStringLiteral("private"));
        if (server == Web1) {
            QCOMPARE(image[QStringLiteral("base_image_ref")].toString(), UbuntuImage);
            QCOMPARE(image[QStringLiteral("hw_firmware_type")].toString(), QStringLiteral("uefi"));
            QCOMPARE(image[QStringLiteral("hw_qemu_guest_agent")].toString(), QStringLiteral("yes"));
            QCOMPARE(image[QStringLiteral("min_ram")].toInt(), 512);
            QCOMPARE(image[QStringLiteral("min_disk")].toInt(), 20); // the flavor's root disk
        }
        QCOMPARE(image[QStringLiteral("size")].toInteger(), m_cloud.serverDiskSize(server));
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void createImageRefused()
    {
        // ERROR servers cannot be snapshotted; BUILD ones neither.
        const auto error = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Broken1 + QStringLiteral("/action"),
                                              createImageBody(QStringLiteral("x")));
        QCOMPARE(error.status, 409);
        QVERIFY(error.json()[QStringLiteral("conflictingRequest")][QStringLiteral("message")].toString().contains(QLatin1String("vm_state error")));
        const auto noName = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Web2 + QStringLiteral("/action"),
                                               QJsonObject{{QStringLiteral("createImage"), QJsonObject{}}});
        QCOMPARE(noName.status, 400);
        const auto unknown = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Web2 + QStringLiteral("/action"),
                                                QJsonObject{{QStringLiteral("fly"), QJsonObject{}}});
        QCOMPARE(unknown.status, 400);
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void volumeBackedSnapshot()
    {
        // What users wrote into bfv-1's root disk lands in its boot volume, and Nova's snapshot of the
        // server is a Cinder snapshot of that volume holding those bytes.
        QVERIFY(m_cloud.writeServerDisk(Bfv1, 2 << 20, "bfv-1 wrote this after boot"));
        const QByteArray atSnapshot = m_cloud.serverDiskSha256(Bfv1);
        QCOMPARE(m_cloud.volumeDiskSha256(BfvRoot), atSnapshot);
        const auto reply = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Bfv1 + QStringLiteral("/action"),
                                              createImageBody(QStringLiteral("bfv-snap")), {{"OpenStack-API-Version", "compute 2.45"}});
        QCOMPARE(reply.status, 202);
        QVERIFY(m_cloud.writeServerDisk(Bfv1, 0, "after the snapshot"));
        const QString imageId = reply.json()[QStringLiteral("image_id")].toString();
        const QJsonObject image = m_client->get(QStringLiteral("/image/v2/images/") + imageId).json();
        QCOMPARE(image[QStringLiteral("status")].toString(), QStringLiteral("active"));
        QCOMPARE(image[QStringLiteral("size")].toInt(), 0);
        QCOMPARE(image[QStringLiteral("bdm_v2")].toString(), QStringLiteral("True"));
        QCOMPARE(image[QStringLiteral("root_device_name")].toString(), QStringLiteral("/dev/vda"));
        QCOMPARE(image[QStringLiteral("stackvault_checkpoint")].toString(), QStringLiteral("cp-1"));
        const QJsonArray mapping = QJsonDocument::fromJson(image[QStringLiteral("block_device_mapping")].toString().toUtf8()).array();
        QCOMPARE(mapping.size(), 1);
        QCOMPARE(mapping.at(0)[QStringLiteral("boot_index")].toInt(), 0);
        QCOMPARE(mapping.at(0)[QStringLiteral("source_type")].toString(), QStringLiteral("snapshot"));
        QCOMPARE(mapping.at(0)[QStringLiteral("destination_type")].toString(), QStringLiteral("volume"));
        QCOMPARE(mapping.at(0)[QStringLiteral("device_name")].toString(), QStringLiteral("/dev/vda"));
        QCOMPARE(mapping.at(0)[QStringLiteral("volume_size")].toInt(), 1);
        // The snapshot is a real Cinder snapshot of bfv-root, forced (the volume is in use).
        const QString snapshotId = mapping.at(0)[QStringLiteral("snapshot_id")].toString();
        const QJsonObject snapshot = m_client->get(snapshotPath(snapshotId)).json()[QStringLiteral("snapshot")].toObject();
        QCOMPARE(snapshot[QStringLiteral("volume_id")].toString(), BfvRoot);
        QCOMPARE(snapshot[QStringLiteral("name")].toString(), QStringLiteral("snapshot for bfv-snap"));
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(snapshotId), QStringLiteral("available"), 5000);
        const auto download = m_client->get(QStringLiteral("/image/v2/images/") + imageId + QStringLiteral("/file"));
        QCOMPARE(download.status, 204);
        QVERIFY(download.body.isEmpty());
        // A volume made from the snapshot has the root disk's bytes of the moment of createImage.
        const auto created = m_client->postJson(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes"),
                                                QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("snapshot_id"), snapshotId}}}});
        QCOMPARE(created.status, 202);
        const QString volumeId = created.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        QCOMPARE(created.json()[QStringLiteral("volume")][QStringLiteral("bootable")].toString(), QStringLiteral("true"));
        QCOMPARE(m_cloud.volumeDiskSha256(volumeId), atSnapshot);
        QVERIFY(m_cloud.volumeDiskSha256(BfvRoot) != atSnapshot);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(volumeId), QStringLiteral("available"), 5000);
        QCOMPARE(m_client->request("DELETE", volumePath(volumeId)).status, 202);
        QCOMPARE(m_client->request("DELETE", snapshotPath(snapshotId)).status, 202);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty() && m_cloud.leftoverVolumeIds().isEmpty(), 5000);
    }

    // volume_snapshot_error hits the snapshot Nova makes for a boot-from-volume createImage too.
    void volumeBackedSnapshotError()
    {
        fake::FaultSpec fault;
        fault.kind = fake::Fault::VolumeSnapshotError;
        m_cloud.injectFault(fault);
        const auto reply = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Bfv1 + QStringLiteral("/action"),
                                              createImageBody(QStringLiteral("bfv-broken")), {{"OpenStack-API-Version", "compute 2.45"}});
        QCOMPARE(reply.status, 202);
        const QString imageId = reply.json()[QStringLiteral("image_id")].toString();
        const QJsonArray mapping = QJsonDocument::fromJson(
            m_client->get(QStringLiteral("/image/v2/images/") + imageId).json()[QStringLiteral("block_device_mapping")].toString().toUtf8()).array();
        const QString snapshotId = mapping.at(0)[QStringLiteral("snapshot_id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(snapshotId), QStringLiteral("error"), 5000);
        QCOMPARE(m_cloud.pendingFaults(), 0);
        QCOMPARE(m_client->request("DELETE", snapshotPath(snapshotId)).status, 202);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 5000);
    }

    // An admin's createImage of another project's volume-backed server (Nova asks Cinder with the caller's
    // token): the 0-byte image and the Cinder snapshot are the admin's project's (the image shared with the
    // server's project); alice, who owns the server, does not see the snapshot; the admin deletes both.
    void adminSnapshotsOtherProjectsVolumeBackedServer()
    {
        const QString otherProject = QStringLiteral("0f9e8d7c6b5a49382716051423324150");
        HttpTestClient alice(m_cloud.baseUrl());
        QVERIFY(!alice.login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("other")).isEmpty());
        HttpTestClient admin(m_cloud.baseUrl());
        QVERIFY(!admin.login(QStringLiteral("admin"), QStringLiteral("admin-password"), QStringLiteral("demo")).isEmpty());
        const QString aliceVolumes = QStringLiteral("/volume/v3/") + otherProject + QStringLiteral("/volumes");
        const auto made = alice.postJson(aliceVolumes, QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("imageRef"), CirrosImage},
                                                                                                          {QStringLiteral("size"), 1},
                                                                                                          {QStringLiteral("name"), QStringLiteral("alice-root")}}}});
        QCOMPARE(made.status, 202);
        const QString root = made.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(root), QStringLiteral("available"), 5000);
        const QJsonObject body{{QStringLiteral("server"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("alice-bfv")},
                                            {QStringLiteral("flavorRef"), QStringLiteral("1")},
                                            {QStringLiteral("networks"), QStringLiteral("none")},
                                            {QStringLiteral("block_device_mapping_v2"),
                                             QJsonArray{QJsonObject{{QStringLiteral("uuid"), root}, {QStringLiteral("source_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("destination_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("boot_index"), 0}}}}}}};
        const auto created = alice.postJson(QStringLiteral("/compute/v2.1/servers"), body, {{"OpenStack-API-Version", "compute 2.67"}});
        QVERIFY2(created.status == 202, created.body.constData());
        const QString server = created.json()[QStringLiteral("server")][QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(alice.get(QStringLiteral("/compute/v2.1/servers/") + server).json()[QStringLiteral("server")][QStringLiteral("status")].toString(),
                                  QStringLiteral("ACTIVE"), 5000);

        const auto reply = admin.postJson(QStringLiteral("/compute/v2.1/servers/") + server + QStringLiteral("/action"),
                                          createImageBody(QStringLiteral("alice-bfv-snap")), {{"OpenStack-API-Version", "compute 2.45"}});
        QVERIFY2(reply.status == 202, reply.body.constData());
        const QString imageId = reply.json()[QStringLiteral("image_id")].toString();
        const QJsonObject image = admin.get(QStringLiteral("/image/v2/images/") + imageId).json();
        QCOMPARE(image[QStringLiteral("owner")].toString(), Project);
        QCOMPARE(image[QStringLiteral("visibility")].toString(), QStringLiteral("shared"));
        QCOMPARE(image[QStringLiteral("instance_owner")].toString(), otherProject);
        const QJsonArray mapping = QJsonDocument::fromJson(image[QStringLiteral("block_device_mapping")].toString().toUtf8()).array();
        QCOMPARE(mapping.size(), 1);
        const QString snapshotId = mapping.at(0)[QStringLiteral("snapshot_id")].toString();
        const auto shown = admin.get(snapshotPath(snapshotId));
        QCOMPARE(shown.status, 200);
        QCOMPARE(shown.json()[QStringLiteral("snapshot")][QStringLiteral("volume_id")].toString(), root);
        QCOMPARE(shown.json()[QStringLiteral("snapshot")][QStringLiteral("os-extended-snapshot-attributes:project_id")].toString(), Project);
        QCOMPARE(alice.get(QStringLiteral("/volume/v3/") + otherProject + QStringLiteral("/snapshots/") + snapshotId).status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(snapshotId), QStringLiteral("available"), 5000);
        QCOMPARE(admin.request("DELETE", snapshotPath(snapshotId)).status, 202);
        QCOMPARE(admin.request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 5000);

        QCOMPARE(alice.request("DELETE", QStringLiteral("/compute/v2.1/servers/") + server).status, 204);
        QCOMPARE(alice.request("DELETE", aliceVolumes + QLatin1Char('/') + root).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.volumeStatus(root).isEmpty(), 5000);
    }

    void attachDetach_data()
    {
        QTest::addColumn<QByteArray>("microversion");
        QTest::addColumn<QStringList>("attachKeys"); // of the attach answer and of list/show
        QTest::addColumn<QStringList>("listKeys");
        const QStringList base{QStringLiteral("device"), QStringLiteral("id"), QStringLiteral("serverId"), QStringLiteral("volumeId")};
        QTest::newRow("2.1") << QByteArray("2.1") << base << base;
        QTest::newRow("2.70 tag") << QByteArray("2.70") << base + QStringList{QStringLiteral("tag")} << base + QStringList{QStringLiteral("tag")};
        const QStringList v79 = base + QStringList{QStringLiteral("tag"), QStringLiteral("delete_on_termination")};
        QTest::newRow("2.79 delete_on_termination") << QByteArray("2.79") << v79 << v79;
        QStringList v89 = v79;
        v89.removeAll(QStringLiteral("id"));
        v89 << QStringLiteral("attachment_id") << QStringLiteral("bdm_uuid");
        QTest::newRow("2.89 attachment_id, bdm_uuid") << QByteArray("2.89") << v79 << v89;
    }

    void attachDetach()
    {
        QFETCH(QByteArray, microversion);
        QFETCH(QStringList, attachKeys);
        QFETCH(QStringList, listKeys);
        const HttpTestClient::Headers version{{"OpenStack-API-Version", "compute " + microversion}};
        auto keys = [](const QJsonObject &o) {
            QStringList k = o.keys();
            k.sort();
            return k;
        };
        attachKeys.sort();
        listKeys.sort();
        const auto attached = m_client->postJson(attachmentsPath(Web2),
                                                 QJsonObject{{QStringLiteral("volumeAttachment"), QJsonObject{{QStringLiteral("volumeId"), Spare}}}},
                                                 version);
        QVERIFY2(attached.status == 200, attached.body.constData());
        const QJsonObject answer = attached.json()[QStringLiteral("volumeAttachment")].toObject();
        QCOMPARE(keys(answer), attachKeys);
        if (microversion == "2.89")
            compareShape(sample(QStringLiteral("v2.89-attach-volume-to-server-resp.json"))[QStringLiteral("volumeAttachment")].toObject(),
                         answer, QStringLiteral("attach"));
        QCOMPARE(answer[QStringLiteral("device")].toString(), QStringLiteral("/dev/vdb"));
        QCOMPARE(answer[QStringLiteral("volumeId")].toString(), Spare);
        // Cinder: attaching, then in-use with the attachment; Nova lists the volume at once.
        QCOMPARE(m_cloud.volumeStatus(Spare), QStringLiteral("attaching"));
        const QJsonObject server = m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web2, version).json()[QStringLiteral("server")].toObject();
        QCOMPARE(server[QStringLiteral("os-extended-volumes:volumes_attached")][0][QStringLiteral("id")].toString(), Spare);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(Spare), QStringLiteral("in-use"), 5000);
        const QJsonObject volume = m_client->get(volumePath(Spare)).json()[QStringLiteral("volume")].toObject();
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(), Web2);
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("device")].toString(), QStringLiteral("/dev/vdb"));
        const QJsonArray list = m_client->get(attachmentsPath(Web2), version).json()[QStringLiteral("volumeAttachments")].toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(keys(list.at(0).toObject()), listKeys);
        const auto shown = m_client->get(attachmentsPath(Web2) + QLatin1Char('/') + Spare, version);
        QCOMPARE(shown.status, 200);
        QCOMPARE(keys(shown.json()[QStringLiteral("volumeAttachment")].toObject()), listKeys);
        if (microversion == "2.89")
            compareShape(sample(QStringLiteral("v2.89-volume-attachment-detail-resp.json"))[QStringLiteral("volumeAttachment")].toObject(),
                         shown.json()[QStringLiteral("volumeAttachment")].toObject(), QStringLiteral("show"));
        // Attached volumes cannot be attached again or deleted.
        const QJsonObject again{{QStringLiteral("volumeAttachment"), QJsonObject{{QStringLiteral("volumeId"), Spare}}}};
        QCOMPARE(m_client->postJson(attachmentsPath(Web1), again).status, 400);
        QCOMPARE(m_client->request("DELETE", volumePath(Spare)).status, 400);

        QCOMPARE(m_client->request("DELETE", attachmentsPath(Web2) + QLatin1Char('/') + Spare, {}, version).status, 202);
        QCOMPARE(m_cloud.volumeStatus(Spare), QStringLiteral("detaching"));
        QVERIFY(m_client->get(attachmentsPath(Web2)).json()[QStringLiteral("volumeAttachments")].toArray().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(Spare), QStringLiteral("available"), 5000);
        QVERIFY(m_client->get(volumePath(Spare)).json()[QStringLiteral("volume")][QStringLiteral("attachments")].toArray().isEmpty());
        QCOMPARE(m_client->get(attachmentsPath(Web2) + QLatin1Char('/') + Spare).status, 404);
    }

    void attachDeviceNames_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("device");
        QTest::newRow("none: the next free") << QString() << QStringLiteral("/dev/vdc"); // web-1: vda root, vdb web-data
        QTest::newRow("a free one") << QStringLiteral("/dev/vdf") << QStringLiteral("/dev/vdf");
        QTest::newRow("the root's: the next free") << QStringLiteral("/dev/vda") << QStringLiteral("/dev/vdc");
        QTest::newRow("a used one: the next free") << QStringLiteral("/dev/vdb") << QStringLiteral("/dev/vdc");
        QTest::newRow("not a device") << QStringLiteral("auto") << QStringLiteral("/dev/vdc");
    }

    void attachDeviceNames()
    {
        QFETCH(QString, requested);
        QFETCH(QString, device);
        QJsonObject attachment{{QStringLiteral("volumeId"), Spare}};
        if (!requested.isEmpty())
            attachment.insert(QStringLiteral("device"), requested);
        const auto reply = m_client->postJson(attachmentsPath(Web1), QJsonObject{{QStringLiteral("volumeAttachment"), attachment}});
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json()[QStringLiteral("volumeAttachment")][QStringLiteral("device")].toString(), device);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(Spare), QStringLiteral("in-use"), 5000);
        QCOMPARE(m_client->request("DELETE", attachmentsPath(Web1) + QLatin1Char('/') + Spare).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(Spare), QStringLiteral("available"), 5000);
    }

    void attachErrors_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        auto attach = [](const QString &volumeId) {
            return QJsonDocument(QJsonObject{{QStringLiteral("volumeAttachment"), QJsonObject{{QStringLiteral("volumeId"), volumeId}}}}).toJson();
        };
        const QByteArray spare = attach(Spare);
        QTest::newRow("in-use volume") << QByteArray("POST") << attachmentsPath(Web2)
                                       << attach(WebData) << 400;
        QTest::newRow("unknown volume") << QByteArray("POST") << attachmentsPath(Web2)
                                        << attach(QStringLiteral("00000000-0000-4000-8000-000000000000")) << 404;
        QTest::newRow("no volumeId") << QByteArray("POST") << attachmentsPath(Web2) << QByteArray("{\"volumeAttachment\": {}}") << 400;
        QTest::newRow("unknown server") << QByteArray("POST") << attachmentsPath(QStringLiteral("00000000-0000-4000-8000-000000000000")) << spare << 404;
        QTest::newRow("server in ERROR") << QByteArray("POST") << attachmentsPath(Broken1) << spare << 409;
        QTest::newRow("detach, not attached") << QByteArray("DELETE") << attachmentsPath(Web2) + QLatin1Char('/') + Spare << QByteArray() << 404;
        QTest::newRow("detach the root volume") << QByteArray("DELETE") << attachmentsPath(Bfv1) + QLatin1Char('/') + BfvRoot << QByteArray() << 400;
    }

    void attachErrors()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto reply = m_client->request(verb, path, body, {{"Content-Type", "application/json"}});
        QVERIFY2(reply.status == status, reply.body.constData());
        QCOMPARE(m_cloud.volumeStatus(Spare), QStringLiteral("available"));
        QCOMPARE(m_cloud.volumeStatus(BfvRoot), QStringLiteral("in-use"));
    }

    // Boot from an existing volume with a second volume in the mapping; the root disk is the volume.
    void bootFromVolume()
    {
        const auto made = m_client->postJson(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes"),
                                             QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("imageRef"), CirrosImage},
                                                                                                {QStringLiteral("size"), 1},
                                                                                                {QStringLiteral("name"), QStringLiteral("root")}}}});
        QCOMPARE(made.status, 202);
        const QString root = made.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(root), QStringLiteral("available"), 5000);
        const QJsonObject body{{QStringLiteral("server"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("from-volume")},
                                            {QStringLiteral("flavorRef"), QStringLiteral("1")},
                                            {QStringLiteral("networks"), QStringLiteral("none")},
                                            {QStringLiteral("block_device_mapping_v2"),
                                             QJsonArray{QJsonObject{{QStringLiteral("uuid"), root}, {QStringLiteral("source_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("destination_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("boot_index"), 0}},
                                                        QJsonObject{{QStringLiteral("uuid"), Spare}, {QStringLiteral("source_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("destination_type"), QStringLiteral("volume")},
                                                                    {QStringLiteral("boot_index"), -1}, {QStringLiteral("device_name"), QStringLiteral("/dev/vdc")}}}}}}};
        const auto created = m_client->postJson(QStringLiteral("/compute/v2.1/servers"), body, {{"OpenStack-API-Version", "compute 2.67"}});
        QVERIFY2(created.status == 202, created.body.constData());
        const QString id = created.json()[QStringLiteral("server")][QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/compute/v2.1/servers/") + id).json()[QStringLiteral("server")][QStringLiteral("status")].toString(),
                                  QStringLiteral("ACTIVE"), 5000);
        const QJsonObject server = m_client->get(QStringLiteral("/compute/v2.1/servers/") + id).json()[QStringLiteral("server")].toObject();
        QCOMPARE(server[QStringLiteral("image")].toString(), QString());
        const QJsonArray attached = server[QStringLiteral("os-extended-volumes:volumes_attached")].toArray();
        QCOMPARE(attached.size(), 2);
        QCOMPARE(attached.at(0)[QStringLiteral("id")].toString(), root);
        QCOMPARE(attached.at(1)[QStringLiteral("id")].toString(), Spare);
        QCOMPARE(m_cloud.volumeStatus(root), QStringLiteral("in-use"));
        QCOMPARE(m_cloud.volumeStatus(Spare), QStringLiteral("in-use"));
        const QJsonArray attachments = m_client->get(attachmentsPath(id)).json()[QStringLiteral("volumeAttachments")].toArray();
        QCOMPARE(attachments.at(0)[QStringLiteral("device")].toString(), QStringLiteral("/dev/vda"));
        QCOMPARE(attachments.at(1)[QStringLiteral("device")].toString(), QStringLiteral("/dev/vdc"));
        // The root disk is the volume: the image's bytes, and writes go to the volume.
        QCOMPARE(m_cloud.serverDiskSha256(id), m_cloud.imageSha256(CirrosImage));
        HttpTestClient control(m_cloud.baseUrl());
        QCOMPARE(control.request("PUT", QStringLiteral("/_fake/servers/") + id + QStringLiteral("/disk?offset=100"), "root data").status, 200);
        QCOMPARE(m_cloud.volumeDiskSha256(root), m_cloud.serverDiskSha256(id));
        QCOMPARE(control.get(QStringLiteral("/_fake/volumes/") + root + QStringLiteral("/disk/sha256")).json()[QStringLiteral("sha256")].toString().toLatin1(),
                 m_cloud.serverDiskSha256(id));
        QVERIFY(m_cloud.serverDiskSha256(id) != m_cloud.imageSha256(CirrosImage));
        // createImage snapshots both volumes, in the mapping's order, with their devices.
        const auto snap = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + id + QStringLiteral("/action"),
                                             createImageBody(QStringLiteral("two-volumes")), {{"OpenStack-API-Version", "compute 2.45"}});
        QCOMPARE(snap.status, 202);
        const QString imageId = snap.json()[QStringLiteral("image_id")].toString();
        const QJsonArray mapping = QJsonDocument::fromJson(
            m_client->get(QStringLiteral("/image/v2/images/") + imageId).json()[QStringLiteral("block_device_mapping")].toString().toUtf8()).array();
        QCOMPARE(mapping.size(), 2);
        QCOMPARE(mapping.at(1)[QStringLiteral("device_name")].toString(), QStringLiteral("/dev/vdc"));
        QVERIFY(mapping.at(1)[QStringLiteral("boot_index")].isNull());
        QStringList snapshotVolumes;
        for (const QJsonValue &m : mapping)
            snapshotVolumes.append(m_client->get(snapshotPath(m[QStringLiteral("snapshot_id")].toString())).json()[QStringLiteral("snapshot")]
                                       [QStringLiteral("volume_id")].toString());
        QCOMPARE(snapshotVolumes, (QStringList{root, Spare}));
        // Deleting the server detaches the volumes (no delete_on_termination).
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/compute/v2.1/servers/") + id).status, 204);
        QCOMPARE(m_cloud.volumeStatus(root), QStringLiteral("available"));
        QCOMPARE(m_cloud.volumeStatus(Spare), QStringLiteral("available"));
        for (const QJsonValue &m : mapping) {
            const QString snapshotId = m[QStringLiteral("snapshot_id")].toString();
            QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(snapshotId), QStringLiteral("available"), 5000);
            QCOMPARE(m_client->request("DELETE", snapshotPath(snapshotId)).status, 202);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 5000);
        QCOMPARE(m_client->request("DELETE", volumePath(root)).status, 202);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverVolumeIds().isEmpty(), 5000);
    }

    void stopStart()
    {
        const QString action = QStringLiteral("/compute/v2.1/servers/") + Web2 + QStringLiteral("/action");
        QCOMPARE(m_client->postJson(action, QJsonObject{{QStringLiteral("os-stop"), QJsonValue::Null}}).status, 202);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web2).json()[QStringLiteral("server")][QStringLiteral("status")].toString(),
                 QStringLiteral("SHUTOFF"));
        QCOMPARE(m_client->postJson(action, QJsonObject{{QStringLiteral("os-stop"), QJsonValue::Null}}).status, 409);
        QCOMPARE(m_client->postJson(action, QJsonObject{{QStringLiteral("os-start"), QJsonValue::Null}}).status, 202);
    }

    void wrongMethods()
    {
        QCOMPARE(m_client->request("PUT", QStringLiteral("/compute/v2.1/servers"), "{}").status, 405);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/compute/v2.1/servers/detail")).status, 405);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/no-such-collection")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web1 + QStringLiteral("/action")).status, 405);
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestComputeService)
#include "tst_computeservice.moc"
