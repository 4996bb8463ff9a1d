// Glance v2 of the fake cloud over real HTTP: list with filters and pagination, create/PATCH/upload/
// download/delete with Glance's checksums, Range rules and error statuses, shapes against the samples.
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

namespace {

const QString UbuntuImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000001");
const QString CirrosImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002");
const QString WindowsImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000003");
const QString OtherPrivateImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000004");
const HttpTestClient::Headers OctetStream{{"Content-Type", "application/octet-stream"}};
const HttpTestClient::Headers JsonPatch{{"Content-Type", "application/openstack-images-v2.1-json-patch"}};

QJsonObject sample(const QString &name)
{
    return fake::apiSample(QStringLiteral("glance/") + name);
}

void compareKeys(const QJsonObject &expected, const QJsonObject &actual)
{
    // locations appear only with show_multiple_locations.
    fake::compareShape(expected, actual, QStringLiteral("image"), {QStringLiteral("locations")});
}

QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString hex(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

} // namespace

class TestImageService : public QObject
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

    void versions()
    {
        const auto reply = m_client->get(QStringLiteral("/image"));
        QCOMPARE(reply.status, 300);
        const QJsonArray versions = reply.json()[QStringLiteral("versions")].toArray();
        compareKeys(sample(QStringLiteral("image-versions-response.json"))[QStringLiteral("versions")][0].toObject(), versions.at(0).toObject());
        QCOMPARE(versions.at(0)[QStringLiteral("status")].toString(), QStringLiteral("CURRENT"));
    }

    void showShapes()
    {
        const auto reply = m_client->get(QStringLiteral("/image/v2/images/") + UbuntuImage);
        QCOMPARE(reply.status, 200);
        const QJsonObject image = reply.json();
        compareKeys(sample(QStringLiteral("image-show-response.json")), image);
        QCOMPARE(image[QStringLiteral("os_hash_algo")].toString(), QStringLiteral("sha512"));
        QCOMPARE(image[QStringLiteral("size")].toInteger(), 6 * 1024 * 1024);
        QCOMPARE(image[QStringLiteral("hw_firmware_type")].toString(), QStringLiteral("uefi"));
        QCOMPARE(image[QStringLiteral("self")].toString(), QStringLiteral("/v2/images/") + UbuntuImage);
        QCOMPARE(image[QStringLiteral("file")].toString(), QStringLiteral("/v2/images/") + UbuntuImage + QStringLiteral("/file"));
        // Another project's private image does not exist for us.
        const auto hidden = m_client->get(QStringLiteral("/image/v2/images/") + OtherPrivateImage);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.json()[QStringLiteral("code")].toString(), QStringLiteral("404 Not Found"));
    }

    void paginate()
    {
        // Three visible images, one per page: next links on every full page (Glance adds one even
        // when the following page turns out empty), relative "/v2/images?...", other parameters kept.
        QStringList ids;
        QString next = QStringLiteral("/v2/images?limit=1&sort_dir=asc");
        int pages = 0;
        while (!next.isEmpty() && pages < 10) {
            const auto reply = m_client->get(QStringLiteral("/image") + next);
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.json();
            compareKeys(sample(QStringLiteral("images-list-response.json")), body);
            for (const QJsonValue &image : body[QStringLiteral("images")].toArray())
                ids.append(image[QStringLiteral("id")].toString());
            next = body[QStringLiteral("next")].toString();
            if (!next.isEmpty()) {
                QVERIFY(next.startsWith(QLatin1String("/v2/images?limit=1&sort_dir=asc&marker=")));
            }
            ++pages;
        }
        QCOMPARE(pages, 4);
        QCOMPARE(ids, (QStringList{UbuntuImage, CirrosImage, WindowsImage})); // oldest first
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images?marker=00000000-0000-4000-8000-000000000000")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images?limit=-1")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images?sort_key=colour")).status, 400);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("count");
        QTest::newRow("name") << QStringLiteral("name=cirros-0.6.2") << 1;
        QTest::newRow("visibility private") << QStringLiteral("visibility=private") << 1;
        QTest::newRow("visibility public") << QStringLiteral("visibility=public") << 2;
        QTest::newRow("property") << QStringLiteral("os_type=windows") << 1;
        QTest::newRow("status") << QStringLiteral("status=active") << 3;
        QTest::newRow("owner") << QStringLiteral("owner=a1b2c3d4e5f60718293a4b5c6d7e8f90") << 1;
        QTest::newRow("id in:") << QStringLiteral("id=in:%1,%2").arg(UbuntuImage, CirrosImage) << 2;
        QTest::newRow("id in: unknown") << QStringLiteral("id=in:00000000-0000-4000-8000-000000000000") << 0;
        QTest::newRow("name in: quoted") << QStringLiteral("name=in:%22cirros-0.6.2%22,%22nope%22") << 1;
    }

    void filters()
    {
        QFETCH(QString, query);
        QFETCH(int, count);
        const auto reply = m_client->get(QStringLiteral("/image/v2/images?") + query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[QStringLiteral("images")].toArray().size(), count);
    }

    void downloadAndRanges()
    {
        const QString file = QStringLiteral("/image/v2/images/") + CirrosImage + QStringLiteral("/file");
        const QJsonObject image = m_client->get(QStringLiteral("/image/v2/images/") + CirrosImage).json();
        const auto full = m_client->get(file);
        QCOMPARE(full.status, 200);
        QCOMPARE(full.body.size(), image[QStringLiteral("size")].toInteger());
        QCOMPARE(full.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(QString::fromLatin1(full.header("Content-MD5")), hex(full.body, QCryptographicHash::Md5));
        QCOMPARE(hex(full.body, QCryptographicHash::Md5), image[QStringLiteral("checksum")].toString());
        QCOMPARE(hex(full.body, QCryptographicHash::Sha512), image[QStringLiteral("os_hash_value")].toString());
        QCOMPARE(hex(full.body, QCryptographicHash::Sha256), QString::fromLatin1(m_cloud.imageSha256(CirrosImage)));
        const qint64 size = full.body.size();

        struct Case
        {
            QByteArray range;
            int status;
            qint64 from;
            qint64 length;
        };
        const QList<Case> cases{
            {"bytes=0-99", 206, 0, 100},
            {"bytes=1000-", 206, 1000, size - 1000},
            {"bytes=-500", 206, size - 500, 500},
            {"bytes=100-99999999999", 206, 100, size - 100},
            {"bytes=" + QByteArray::number(size - 1) + "-", 206, size - 1, 1},
            {"bytes=" + QByteArray::number(size) + "-", 416, 0, 0},
            {"bytes=0-1,5-6", 400, 0, 0},
        };
        for (const Case &c : cases) {
            const auto reply = m_client->get(file, {{"Range", c.range}});
            QVERIFY2(reply.status == c.status, c.range.constData());
            if (c.status == 206) {
                QCOMPARE(reply.body, full.body.mid(c.from, c.length));
                QCOMPARE(reply.header("Content-Range"), "bytes " + QByteArray::number(c.from) + '-' + QByteArray::number(c.from + c.length - 1)
                                                            + '/' + QByteArray::number(size));
                QCOMPARE(reply.header("Content-MD5"), full.header("Content-MD5")); // the whole image's
            }
        }
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images/") + OtherPrivateImage + QStringLiteral("/file")).status, 404);
    }

    void createUploadLifecycle()
    {
        const QJsonObject request{{QStringLiteral("name"), QStringLiteral("restored-disk")},
                                  {QStringLiteral("disk_format"), QStringLiteral("qcow2")},
                                  {QStringLiteral("container_format"), QStringLiteral("bare")},
                                  {QStringLiteral("min_disk"), 1},
                                  {QStringLiteral("hw_firmware_type"), QStringLiteral("uefi")},
                                  {QStringLiteral("tags"), QJsonArray{QStringLiteral("stackvault")}}};
        const auto created = m_client->postJson(QStringLiteral("/image/v2/images"), request);
        QCOMPARE(created.status, 201);
        const QJsonObject image = created.json();
        compareKeys(sample(QStringLiteral("image-create-response.json")), image);
        QCOMPARE(image[QStringLiteral("status")].toString(), QStringLiteral("queued"));
        QVERIFY(image[QStringLiteral("checksum")].isNull());
        QVERIFY(image[QStringLiteral("size")].isNull());
        QCOMPARE(image[QStringLiteral("hw_firmware_type")].toString(), QStringLiteral("uefi"));
        const QString id = image[QStringLiteral("id")].toString();
        const QString path = QStringLiteral("/image/v2/images/") + id;
        QVERIFY(created.header("Location").endsWith(id.toLatin1()));
        QCOMPARE(m_cloud.leftoverImageIds(), QStringList{id});

        // No data yet: 204.
        QCOMPARE(m_client->get(path + QStringLiteral("/file")).status, 204);

        // PATCH needs the json-patch media type.
        const QByteArray patch = R"([{"op":"replace","path":"/name","value":"renamed"},{"op":"add","path":"/os_type","value":"linux"}])";
        QCOMPARE(m_client->request("PATCH", path, patch).status, 415);
        const auto patched = m_client->request("PATCH", path, patch, JsonPatch);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json()[QStringLiteral("name")].toString(), QStringLiteral("renamed"));
        QCOMPARE(patched.json()[QStringLiteral("os_type")].toString(), QStringLiteral("linux"));
        QCOMPARE(m_client->request("PATCH", path, R"([{"op":"replace","path":"/status","value":"active"}])", JsonPatch).status, 403);
        QCOMPARE(m_client->request("PATCH", path, R"([{"op":"remove","path":"/nothing"}])", JsonPatch).status, 409);
        QCOMPARE(m_client->request("PATCH", path, R"({"op":"add"})", JsonPatch).status, 400);

        // Upload: 415 without octet-stream, then 204 and active with Glance's digests.
        const QByteArray data = randomBytes(8 * 1024 * 1024 + 123);
        QCOMPARE(m_client->request("PUT", path + QStringLiteral("/file"), data, {{"Content-Type", "application/json"}}).status, 415);
        const auto uploaded = m_client->request("PUT", path + QStringLiteral("/file"), data, OctetStream);
        QCOMPARE(uploaded.status, 204);
        const QJsonObject active = m_client->get(path).json();
        QCOMPARE(active[QStringLiteral("status")].toString(), QStringLiteral("active"));
        QCOMPARE(active[QStringLiteral("size")].toInteger(), data.size());
        QCOMPARE(active[QStringLiteral("checksum")].toString(), hex(data, QCryptographicHash::Md5));
        QCOMPARE(active[QStringLiteral("os_hash_algo")].toString(), QStringLiteral("sha512"));
        QCOMPARE(active[QStringLiteral("os_hash_value")].toString(), hex(data, QCryptographicHash::Sha512));
        // A second upload is refused.
        QCOMPARE(m_client->request("PUT", path + QStringLiteral("/file"), "x", OctetStream).status, 409);
        const auto download = m_client->get(path + QStringLiteral("/file"));
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, data);

        // A server booted from it has exactly these bytes as its disk.
        const auto boot = m_client->postJson(QStringLiteral("/compute/v2.1/servers"),
                                             QJsonObject{{QStringLiteral("server"),
                                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("from-upload")},
                                                                      {QStringLiteral("imageRef"), id},
                                                                      {QStringLiteral("flavorRef"), QStringLiteral("2")}}}});
        QCOMPARE(boot.status, 202);
        const QString serverId = boot.json()[QStringLiteral("server")][QStringLiteral("id")].toString();
        QCOMPARE(m_cloud.serverDiskSha256(serverId), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/compute/v2.1/servers/") + serverId).status, 204);

        // Protected images cannot be deleted.
        QCOMPARE(m_client->request("PATCH", path, R"([{"op":"replace","path":"/protected","value":true}])", JsonPatch).status, 200);
        QCOMPARE(m_client->request("DELETE", path).status, 403);
        QCOMPARE(m_client->request("PATCH", path, R"([{"op":"replace","path":"/protected","value":false}])", JsonPatch).status, 200);
        QCOMPARE(m_client->request("DELETE", path).status, 204);
        QCOMPARE(m_client->get(path).status, 404);
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void createRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("read-only status") << QByteArray(R"({"name":"x","status":"active"})") << 403;
        QTest::newRow("read-only checksum") << QByteArray(R"({"name":"x","checksum":"abc"})") << 403;
        QTest::newRow("reserved os_glance_") << QByteArray(R"({"name":"x","os_glance_importing_to_stores":"a"})") << 403;
        QTest::newRow("public needs admin") << QByteArray(R"({"name":"x","visibility":"public"})") << 403;
        QTest::newRow("bad disk_format") << QByteArray(R"({"name":"x","disk_format":"floppy"})") << 400;
        QTest::newRow("non-string property") << QByteArray(R"({"name":"x","hw_disk_bus":1})") << 400;
        QTest::newRow("malformed JSON") << QByteArray(R"({"name":)") << 400;
        QTest::newRow("not an object") << QByteArray(R"(["x"])") << 400;
        QTest::newRow("duplicate id") << QByteArray(R"({"id":"e1a0b1c2-0000-4000-8000-000000000001"})") << 409;
    }

    void createRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto reply = m_client->request("POST", QStringLiteral("/image/v2/images"), body);
        QCOMPARE(reply.status, status);
        QVERIFY(reply.json()[QStringLiteral("code")].toString().startsWith(QString::number(status)));
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void wrongMethods()
    {
        QCOMPARE(m_client->request("PUT", QStringLiteral("/image/v2/images"), "{}").status, 405);
        QCOMPARE(m_client->request("POST", QStringLiteral("/image/v2/images/") + UbuntuImage + QStringLiteral("/file"), "x").status, 405);
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/nothing")).status, 404);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + UbuntuImage).status, 403); // not ours
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestImageService)
#include "tst_imageservice.moc"
