// Cinder v3 and the read-only Neutron of the fake cloud over real HTTP, shapes against the samples.
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
const QString DataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");

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
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestVolumeService)
#include "tst_volumeservice.moc"
