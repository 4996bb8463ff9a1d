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

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestDemoScenario)
#include "tst_demoscenario.moc"
