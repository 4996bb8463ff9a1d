// Cinder v3 (volumes, snapshots), flavor extra specs and the read-only Neutron of the fake cloud over real HTTP, shapes against the samples.
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

namespace {

const QString Project = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
const QString BootVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c001");
const QString DataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002"); // in-use
const QString SpareVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"); // available
const QString UnknownVolume = QStringLiteral("00000000-0000-4000-8000-000000000000");

QString snapshotsPath()
{
    return QStringLiteral("/volume/v3/") + Project + QStringLiteral("/snapshots");
}

QJsonObject sample(const QString &name)
{
    return fake::apiSample(QStringLiteral("cinder/") + name);
}

void compareKeys(const QJsonObject &expected, const QJsonObject &actual, const QStringList &ignore = {})
{
    fake::compareShape(expected, actual, QStringLiteral("volume"), ignore);
}

} // namespace

class TestVolumeService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fake::startTestScenario(m_cloud);
        QVERIFY(!QTest::currentTestFailed());
        m_client = fake::demoClient(m_cloud);
        QVERIFY(!m_client->token().isEmpty());
    }

    void versions()
    {
        const auto reply = m_client->get(QStringLiteral("/volume"));
        QCOMPARE(reply.status, 300);
        compareKeys(sample(QStringLiteral("versions-response.json"))[QStringLiteral("versions")][0].toObject(),
                    reply.json()[QStringLiteral("versions")][0].toObject());
    }

    void listAndShow()
    {
        const auto list = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/detail"));
        QCOMPARE(list.status, 200);
        const QJsonArray volumes = list.json()[QStringLiteral("volumes")].toArray();
        QCOMPARE(volumes.size(), 3);
        // os-vol-host-attr:host and the migration status are admin-only; the member does not see them.
        const QStringList adminOnly{QStringLiteral("os-vol-host-attr:host"), QStringLiteral("os-vol-mig-status-attr:migstat"),
                                    QStringLiteral("os-vol-mig-status-attr:name_id")};
        compareKeys(sample(QStringLiteral("volumes-list-detailed-response.json"))[QStringLiteral("volumes")][0].toObject(),
                    volumes.at(0).toObject(), adminOnly);
        const auto show = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + BootVolume,
                                        {{"OpenStack-API-Version", "volume 3.69"}});
        QCOMPARE(show.status, 200);
        QCOMPARE(show.header("OpenStack-API-Version"), QByteArray("volume 3.69"));
        const QJsonObject volume = show.json()[QStringLiteral("volume")].toObject();
        // Fields of newer microversions that the fake does not model.
        compareKeys(sample(QStringLiteral("v3.69-volume-show-response.json"))[QStringLiteral("volume")].toObject(), volume,
                    {QStringLiteral("os-vol-host-attr:host"), QStringLiteral("os-vol-mig-status-attr:migstat"),
                     QStringLiteral("os-vol-mig-status-attr:name_id"), QStringLiteral("provider_id"), QStringLiteral("group_id"),
                     QStringLiteral("service_uuid"), QStringLiteral("shared_targets"), QStringLiteral("cluster_name"),
                     QStringLiteral("volume_type_id"), QStringLiteral("consumes_quota")});
        QCOMPARE(volume[QStringLiteral("bootable")].toString(), QStringLiteral("true"));
        QCOMPARE(volume[QStringLiteral("status")].toString(), QStringLiteral("in-use"));
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(),
                 QStringLiteral("5e7f0000-0000-4000-8000-000000000004"));
        QCOMPARE(volume[QStringLiteral("volume_image_metadata")][QStringLiteral("image_name")].toString(), QStringLiteral("cirros-0.6.2"));
        const QJsonObject data = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + DataVolume)
                                     .json()[QStringLiteral("volume")].toObject();
        QCOMPARE(data[QStringLiteral("bootable")].toString(), QStringLiteral("false"));
        QCOMPARE(data[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(),
                 QStringLiteral("5e7f0000-0000-4000-8000-000000000001"));
        QVERIFY(!data.contains(QStringLiteral("volume_image_metadata")));
    }

    void paginate()
    {
        QString next = QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes?limit=1");
        int pages = 0;
        int seen = 0;
        while (!next.isEmpty() && pages < 10) {
            const auto reply = m_client->get(next);
            QCOMPARE(reply.status, 200);
            seen += reply.json()[QStringLiteral("volumes")].toArray().size();
            next = reply.json()[QStringLiteral("volumes_links")][0][QStringLiteral("href")].toString();
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, 3);
    }

    void errors()
    {
        const auto missing = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/00000000-0000-4000-8000-000000000000"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json()[QStringLiteral("itemNotFound")][QStringLiteral("code")].toInt(), 404);
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/0f9e8d7c6b5a49382716051423324150/volumes")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes"), {{"OpenStack-API-Version", "volume 3.99"}}).status, 406);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + DataVolume).status, 405);
    }

    void createSnapshot_data()
    {
        QTest::addColumn<QString>("volume");
        QTest::addColumn<QByteArray>("version"); // empty: no OpenStack-API-Version header (3.0)
        QTest::addColumn<QString>("force");      // "" : no force key
        QTest::addColumn<int>("status");
        QTest::newRow("available, 3.0, no flag") << SpareVolume << QByteArray() << QString() << 202;
        QTest::newRow("available, 3.65, force false") << SpareVolume << QByteArray("3.65") << QStringLiteral("false") << 202;
        QTest::newRow("in-use, 3.0, no flag") << DataVolume << QByteArray() << QString() << 400;
        QTest::newRow("in-use, 3.65, no flag") << DataVolume << QByteArray("3.65") << QString() << 400;
        QTest::newRow("in-use, 3.65, force false") << DataVolume << QByteArray("3.65") << QStringLiteral("false") << 400;
        QTest::newRow("in-use, 3.65, force true") << DataVolume << QByteArray("3.65") << QStringLiteral("true") << 202;
        QTest::newRow("in-use, 3.0, force \"true\" string") << DataVolume << QByteArray() << QStringLiteral("\"true\"") << 202;
        QTest::newRow("in-use, 3.66, no flag") << DataVolume << QByteArray("3.66") << QString() << 202;
        QTest::newRow("in-use, 3.66, force true") << DataVolume << QByteArray("3.66") << QStringLiteral("true") << 202;
        QTest::newRow("in-use, 3.66, force false") << DataVolume << QByteArray("3.66") << QStringLiteral("false") << 400;
        QTest::newRow("available, 3.66, force false") << SpareVolume << QByteArray("3.66") << QStringLiteral("false") << 400;
        QTest::newRow("in-use, latest, no flag") << DataVolume << QByteArray("latest") << QString() << 202;
        QTest::newRow("in-use, 3.66, force not a boolean") << DataVolume << QByteArray("3.66") << QStringLiteral("\"maybe\"") << 400;
        QTest::newRow("unknown volume, 3.66") << UnknownVolume << QByteArray("3.66") << QString() << 404;
        QTest::newRow("unknown volume, 3.0, force true") << UnknownVolume << QByteArray() << QStringLiteral("true") << 404;
    }

    void createSnapshot()
    {
        QFETCH(QString, volume);
        QFETCH(QByteArray, version);
        QFETCH(QString, force);
        QFETCH(int, status);
        QJsonObject request = sample(QStringLiteral("snapshot-create-request.json"))[QStringLiteral("snapshot")].toObject();
        request.insert(QStringLiteral("volume_id"), volume);
        request.remove(QStringLiteral("force"));
        if (!force.isEmpty())
            request.insert(QStringLiteral("force"), QJsonDocument::fromJson("[" + force.toUtf8() + "]").array().at(0));
        HttpTestClient::Headers headers;
        if (!version.isEmpty())
            headers.append({"OpenStack-API-Version", "volume " + version});
        const auto reply = m_client->postJson(snapshotsPath(), QJsonObject{{QStringLiteral("snapshot"), request}}, headers);
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status != 202) {
            const QString fault = status == 404 ? QStringLiteral("itemNotFound") : QStringLiteral("badRequest");
            QCOMPARE(reply.json()[fault][QStringLiteral("code")].toInt(), status);
            QVERIFY(!reply.json()[fault][QStringLiteral("message")].toString().isEmpty());
            return;
        }
        const QJsonObject snapshot = reply.json()[QStringLiteral("snapshot")].toObject();
        compareKeys(sample(QStringLiteral("v3.65-snapshot-create-response.json"))[QStringLiteral("snapshot")].toObject(), snapshot);
        QCOMPARE(snapshot[QStringLiteral("status")].toString(), QStringLiteral("creating"));
        QCOMPARE(snapshot[QStringLiteral("volume_id")].toString(), volume);
        QCOMPARE(snapshot[QStringLiteral("name")].toString(), QStringLiteral("snap-001"));
        QCOMPARE(snapshot[QStringLiteral("metadata")][QStringLiteral("key")].toString(), QStringLiteral("v3"));
        // Clean up, so that every row starts from the scenario's state.
        const QString id = snapshot[QStringLiteral("id")].toString();
        QVERIFY(waitForStatus(id, QStringLiteral("available")));
        QCOMPARE(m_client->request("DELETE", snapshotsPath() + QLatin1Char('/') + id).status, 202);
        QVERIFY(waitForStatus(id, QString()));
    }

    void snapshotLifecycle()
    {
        const QString path = snapshotsPath();
        const auto created = m_client->postJson(path, QJsonObject{{QStringLiteral("snapshot"),
                                                                   QJsonObject{{QStringLiteral("volume_id"), SpareVolume},
                                                                               {QStringLiteral("name"), QStringLiteral("lifecycle")}}}});
        QCOMPARE(created.status, 202);
        const QString id = created.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        QVERIFY(!id.isEmpty());
        const auto show = m_client->get(path + QLatin1Char('/') + id);
        QCOMPARE(show.status, 200);
        const QJsonObject shown = show.json()[QStringLiteral("snapshot")].toObject();
        compareKeys(sample(QStringLiteral("v3.65-snapshot-show-response.json"))[QStringLiteral("snapshot")].toObject(), shown);
        QCOMPARE(shown[QStringLiteral("status")].toString(), QStringLiteral("creating"));
        QCOMPARE(shown[QStringLiteral("size")].toInt(), 1);
        // Deleting while creating is refused, as Cinder does.
        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 400);
        QVERIFY(waitForStatus(id, QStringLiteral("available")));

        const auto detail = m_client->get(path + QStringLiteral("/detail"));
        QCOMPARE(detail.status, 200);
        const QJsonArray detailed = detail.json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(detailed.size(), 1);
        compareKeys(sample(QStringLiteral("v3.65-snapshots-list-detailed-response.json"))[QStringLiteral("snapshots")][0].toObject(),
                    detailed.at(0).toObject());
        QCOMPARE(detailed.at(0)[QStringLiteral("os-extended-snapshot-attributes:progress")].toString(), QStringLiteral("100%"));
        const QJsonArray brief = m_client->get(path).json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(brief.size(), 1);
        QCOMPARE(brief.at(0)[QStringLiteral("id")].toString(), id);
        QVERIFY(!brief.at(0).toObject().contains(QStringLiteral("os-extended-snapshot-attributes:project_id")));

        HttpTestClient control(m_cloud.baseUrl());
        const QJsonArray leftovers = control.get(QStringLiteral("/_fake/leftovers")).json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(leftovers.size(), 1);
        QCOMPARE(leftovers.at(0)[QStringLiteral("id")].toString(), id);
        QCOMPARE(leftovers.at(0)[QStringLiteral("volume_id")].toString(), SpareVolume);

        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 202);
        QCOMPARE(m_client->get(path + QLatin1Char('/') + id).json()[QStringLiteral("snapshot")][QStringLiteral("status")].toString(),
                 QStringLiteral("deleting"));
        QVERIFY(waitForStatus(id, QString()));
        QCOMPARE(m_client->get(path + QLatin1Char('/') + id).status, 404);
        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 404);
        QVERIFY(m_client->get(path).json()[QStringLiteral("snapshots")].toArray().isEmpty());
        QVERIFY(control.get(QStringLiteral("/_fake/leftovers")).json()[QStringLiteral("snapshots")].toArray().isEmpty());
    }

    void flavorExtraSpecs_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("extraSpecs");
        QTest::newRow("none") << QStringLiteral("1") << 200 << QJsonObject();
        QTest::newRow("cpu policy") << QStringLiteral("3") << 200 << QJsonObject{{QStringLiteral("hw:cpu_policy"), QStringLiteral("shared")}};
        QTest::newRow("unknown flavor") << QStringLiteral("404") << 404 << QJsonObject();
    }

    void flavorExtraSpecs()
    {
        QFETCH(QString, flavor);
        QFETCH(int, status);
        QFETCH(QJsonObject, extraSpecs);
        const auto reply = m_client->get(QStringLiteral("/compute/v2.1/flavors/") + flavor + QStringLiteral("/os-extra_specs"));
        QCOMPARE(reply.status, status);
        if (status == 200) {
            QVERIFY(reply.json()[QStringLiteral("extra_specs")].isObject());
            QCOMPARE(reply.json()[QStringLiteral("extra_specs")].toObject(), extraSpecs);
        }
    }

    void networking()
    {
        const auto networks = m_client->get(QStringLiteral("/networking/v2.0/networks"));
        QCOMPARE(networks.status, 200);
        QStringList names;
        for (const QJsonValue &n : networks.json()[QStringLiteral("networks")].toArray())
            names.append(n[QStringLiteral("name")].toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("private"), QStringLiteral("public")}));
        const auto groups = m_client->get(QStringLiteral("/networking/v2.0/security-groups?name=web"));
        QCOMPARE(groups.json()[QStringLiteral("security_groups")].toArray().size(), 1);
        QCOMPARE(m_client->get(QStringLiteral("/networking/v2.0/networks/b7a1c2d3-0000-4000-8000-00000000a003")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/networking/v2.0/networks/b7a1c2d3-0000-4000-8000-00000000a001")).status, 200);
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    // Polls the snapshot until it has `status` ("" : until it is gone, a 404); false after 5 s.
    bool waitForStatus(const QString &id, const QString &status)
    {
        for (int i = 0; i < 100; ++i) {
            const auto reply = m_client->get(snapshotsPath() + QLatin1Char('/') + id);
            if (status.isEmpty() ? reply.status == 404
                                 : reply.json()[QStringLiteral("snapshot")][QStringLiteral("status")].toString() == status)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestVolumeService)
#include "tst_volumeservice.moc"
