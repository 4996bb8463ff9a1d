// The demo cloud that `scripts/demo` opens (tests/fakecloud/scenarios/demo.json), checked over real HTTP
// as the app sees it: it loads, user demo logs in, and it offers the mix of servers and images that the
// demo is meant to show (image-booted servers sharing a base image, SHUTOFF, ERROR, boot-from-volume;
// images from a few MiB to ~300 MiB with realistic properties).
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QJsonArray>
#include <QMap>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

class TestDemoScenario : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fake::startTestScenario(m_cloud, QStringLiteral("demo.json"));
        QVERIFY(!QTest::currentTestFailed());
        m_client = fake::demoClient(m_cloud);
        QVERIFY2(!m_client->token().isEmpty(), "demo/demo-password (the profile scripts/demo saves) cannot log in");
    }

    void serversOfMixedKinds()
    {
        const auto reply = m_client->get(QStringLiteral("/compute/v2.1/servers/detail"));
        QCOMPARE(reply.status, 200);
        const QJsonArray servers = reply.json()[QStringLiteral("servers")].toArray();
        QVERIFY2(servers.size() >= 10, qPrintable(QString::number(servers.size())));
        QMap<QString, int> byStatus;
        QMap<QString, int> byImage;
        int bootFromVolume = 0;
        for (const QJsonValue &value : servers) {
            const QJsonObject server = value.toObject();
            ++byStatus[server[QStringLiteral("status")].toString()];
            // Nova shows a boot-from-volume server's image as "".
            if (server[QStringLiteral("image")].isString())
                ++bootFromVolume;
            else
                ++byImage[server[QStringLiteral("image")][QStringLiteral("id")].toString()];
        }
        QVERIFY(byStatus.value(QStringLiteral("ACTIVE")) >= 5);
        QVERIFY(byStatus.value(QStringLiteral("SHUTOFF")) >= 1);
        QVERIFY(byStatus.value(QStringLiteral("ERROR")) >= 1);
        QVERIFY(bootFromVolume >= 1);
        int mostSharing = 0;
        for (const int count : std::as_const(byImage))
            mostSharing = std::max(mostSharing, count);
        QVERIFY2(mostSharing >= 3, "several image-booted servers should share one base image");
    }

    void imagesFromFewMiBToHundreds()
    {
        const auto reply = m_client->get(QStringLiteral("/image/v2/images?limit=100"));
        QCOMPARE(reply.status, 200);
        const QJsonArray images = reply.json()[QStringLiteral("images")].toArray();
        QVERIFY(images.size() >= 4);
        qint64 smallest = std::numeric_limits<qint64>::max();
        qint64 largest = 0;
        bool firmware = false;
        bool osType = false;
        bool minDisk = false;
        for (const QJsonValue &value : images) {
            const QJsonObject image = value.toObject();
            const qint64 size = image[QStringLiteral("size")].toInteger();
            smallest = std::min(smallest, size);
            largest = std::max(largest, size);
            firmware = firmware || image.contains(QStringLiteral("hw_firmware_type"));
            osType = osType || image.contains(QStringLiteral("os_type"));
            minDisk = minDisk || image[QStringLiteral("min_disk")].toInt() > 0;
        }
        QVERIFY2(smallest <= 32 * 1024 * 1024, qPrintable(QString::number(smallest)));
        QVERIFY2(largest >= 256 * 1024 * 1024, qPrintable(QString::number(largest)));
        QVERIFY(firmware);
        QVERIFY(osType);
        QVERIFY(minDisk);
    }

    // Issue #13's two servers: postgres-primary with its data volume, legacy-erp booted from a volume,
    // both holding bytes their users wrote after boot.
    void volumesHoldData()
    {
        const QString postgres = m_cloud.serverIdByName(QStringLiteral("postgres-primary"));
        const QString dbData = m_cloud.volumeIdByName(QStringLiteral("db-data"));
        const auto attachments = m_client->get(QStringLiteral("/compute/v2.1/servers/") + postgres + QStringLiteral("/os-volume_attachments"));
        QCOMPARE(attachments.status, 200);
        const QJsonArray list = attachments.json()[QStringLiteral("volumeAttachments")].toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[QStringLiteral("volumeId")].toString(), dbData);
        QCOMPARE(list.at(0)[QStringLiteral("device")].toString(), QStringLiteral("/dev/vdb"));
        QCOMPARE(m_cloud.volumeStatus(dbData), QStringLiteral("in-use"));
        QVERIFY(m_cloud.readDisk(FakeCloud::DiskOwner::Volume, dbData, 0, 64).startsWith("PostgreSQL 15 data directory"));
        QVERIFY(m_cloud.diskSize(FakeCloud::DiskOwner::Volume, dbData) >= 5 << 20);

        const QString erp = m_cloud.serverIdByName(QStringLiteral("legacy-erp"));
        const QString erpRoot = m_cloud.volumeIdByName(QStringLiteral("legacy-erp-root"));
        const QJsonObject server = m_client->get(QStringLiteral("/compute/v2.1/servers/") + erp).json()[QStringLiteral("server")].toObject();
        QCOMPARE(server[QStringLiteral("image")].toString(), QString());
        QCOMPARE(server[QStringLiteral("os-extended-volumes:volumes_attached")][0][QStringLiteral("id")].toString(), erpRoot);
        // The root disk is the volume: the Debian image's bytes plus what the ERP wrote.
        QCOMPARE(m_cloud.serverDiskSha256(erp), m_cloud.volumeDiskSha256(erpRoot));
        QVERIFY(m_cloud.volumeDiskSha256(erpRoot) != m_cloud.imageSha256(m_cloud.imageIdByName(QStringLiteral("debian-12-genericcloud-amd64"))));
        QVERIFY(m_cloud.readServerDisk(erp, 1 << 20, 64).startsWith("ERP ledger 2026"));
        const QJsonObject volume = m_client->get(QStringLiteral("/volume/v3/") + server[QStringLiteral("tenant_id")].toString()
                                                 + QStringLiteral("/volumes/") + erpRoot).json()[QStringLiteral("volume")].toObject();
        QCOMPARE(volume[QStringLiteral("bootable")].toString(), QStringLiteral("true"));
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("device")].toString(), QStringLiteral("/dev/vda"));
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestDemoScenario)
#include "tst_demoscenario.moc"
