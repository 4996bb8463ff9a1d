// The real services answer as StackVault expects them to: Keystone's catalog, a Glance image round
// trip with its checksums and Range downloads, a Swift object round trip with ETags and paginated
// listings. Plain QNetworkAccessManager, so a failure here is about the services, not our client.

#include "httpclient.h"
#include "keystone.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

namespace {

QByteArray randomBytes(qsizetype words)
{
    QList<quint32> buffer(words);
    QRandomGenerator::global()->fillRange(buffer.data(), buffer.size());
    return QByteArray(reinterpret_cast<const char *>(buffer.constData()), words * qsizetype(sizeof(quint32)));
}

QByteArray hexHash(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(data, algorithm).toHex();
}

QString uniqueName(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

} // namespace

class TestSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(m_keystone.login(m_cloud.demo()), qPrintable(m_keystone.error()));
        qInfo("keystone: password login in %lld ms", timer.elapsed());
        m_http.setDefaultHeader("X-Auth-Token", m_keystone.token());
    }

    void catalogHasIdentityImageObjectStore()
    {
        QVERIFY(!m_keystone.projectId().isEmpty());
        QCOMPARE(m_keystone.endpoint(QStringLiteral("identity")).toString(),
                 m_cloud.authUrl().toString() + QLatin1Char('/'));
        QCOMPARE(m_keystone.endpoint(QStringLiteral("image")), m_cloud.glanceUrl());
        // Swift's endpoint is a template in Keystone, filled in with the token's project.
        QCOMPARE(m_keystone.endpoint(QStringLiteral("object-store")).toString(),
                 m_cloud.swiftUrl().toString() + QStringLiteral("/AUTH_") + m_keystone.projectId());

        const real::HttpResult check = m_http.send(
            "GET", QUrl(m_cloud.authUrl().toString() + QStringLiteral("/auth/tokens")),
            {{"X-Subject-Token", m_keystone.token()}});
        QVERIFY2(check.status == 200, check.describe().constData());
        QCOMPARE(check.json()[QStringLiteral("token")][QStringLiteral("user")][QStringLiteral("name")].toString(),
                 m_cloud.demo().username);
    }

    void glanceImageRoundTrip()
    {
        const QUrl glance = m_keystone.endpoint(QStringLiteral("image"));
        const QByteArray data = randomBytes((5 * 1024 * 1024 + 124) / 4);
        const QString name = uniqueName("realcloud-smoke-");

        real::HttpResult r = m_http.send(
            "POST", QUrl(glance.toString() + QStringLiteral("/v2/images")), {{"Content-Type", "application/json"}},
            QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("disk_format"), QStringLiteral("raw")},
                                      {QStringLiteral("container_format"), QStringLiteral("bare")},
                                      {QStringLiteral("visibility"), QStringLiteral("private")},
                                      {QStringLiteral("hw_disk_bus"), QStringLiteral("scsi")}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 201, r.describe().constData());
        const QString id = r.json()[QStringLiteral("id")].toString();
        QCOMPARE(r.json()[QStringLiteral("status")].toString(), QStringLiteral("queued"));
        const QUrl image(glance.toString() + QStringLiteral("/v2/images/") + id);
        const QUrl file(image.toString() + QStringLiteral("/file"));

        QElapsedTimer timer;
        timer.start();
        r = m_http.send("PUT", file, {{"Content-Type", "application/octet-stream"}}, data);
        QVERIFY2(r.status == 204, r.describe().constData());
        qInfo("glance: uploaded %lld bytes in %lld ms", qlonglong(data.size()), timer.elapsed());

        QJsonObject info;
        QTRY_VERIFY_WITH_TIMEOUT(
            (info = m_http.send("GET", image).json().object()).value(QStringLiteral("status"))
                == QStringLiteral("active"),
            30000);
        QCOMPARE(info.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(info.value(QStringLiteral("size")).toInteger(), data.size());
        QCOMPARE(info.value(QStringLiteral("checksum")).toString().toLatin1(), hexHash(data, QCryptographicHash::Md5));
        QCOMPARE(info.value(QStringLiteral("os_hash_algo")).toString(), QStringLiteral("sha512"));
        QCOMPARE(info.value(QStringLiteral("os_hash_value")).toString().toLatin1(),
                 hexHash(data, QCryptographicHash::Sha512));
        QCOMPARE(info.value(QStringLiteral("hw_disk_bus")).toString(), QStringLiteral("scsi"));
        // The image belongs to the project of the token that created it.
        QCOMPARE(info.value(QStringLiteral("owner")).toString(), m_keystone.projectId());

        timer.restart();
        r = m_http.send("GET", file);
        QVERIFY2(r.status == 200, r.describe().constData());
        qInfo("glance: downloaded %lld bytes in %lld ms", qlonglong(r.body.size()), timer.elapsed());
        QVERIFY(r.body == data);
        QCOMPARE(r.header("Content-MD5"), hexHash(data, QCryptographicHash::Md5));

        // Resuming a dropped download: Glance answers a byte range with 206 and Content-Range.
        r = m_http.send("GET", file, {{"Range", "bytes=1000-1999"}});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.header("Content-Range"), "bytes 1000-1999/" + QByteArray::number(data.size()));
        QVERIFY(r.body == data.mid(1000, 1000));
        const qsizetype from = data.size() - 4097;
        r = m_http.send("GET", file, {{"Range", "bytes=" + QByteArray::number(from) + '-'}});
        QCOMPARE(r.status, 206);
        QVERIFY(r.body == data.mid(from));

        r = m_http.send("DELETE", image);
        QVERIFY2(r.status == 204, r.describe().constData());
        QCOMPARE(m_http.send("GET", image).status, 404);
    }

    void badTokenIsRejected()
    {
        real::HttpClient anonymous;
        const QUrl images(m_keystone.endpoint(QStringLiteral("image")).toString() + QStringLiteral("/v2/images"));
        QCOMPARE(anonymous.send("GET", images).status, 401);
        QCOMPARE(anonymous.send("GET", images, {{"X-Auth-Token", "gAAAAAB-not-a-token"}}).status, 401);
        const QUrl account = m_keystone.endpoint(QStringLiteral("object-store"));
        QCOMPARE(anonymous.send("GET", account, {{"X-Auth-Token", "gAAAAAB-not-a-token"}}).status, 401);
    }

    void swiftObjectRoundTrip()
    {
        const QString account = m_keystone.endpoint(QStringLiteral("object-store")).toString();
        const QString container = account + QLatin1Char('/') + uniqueName("realcloud-smoke-");
        real::HttpResult r = m_http.send("PUT", QUrl(container));
        QVERIFY2(r.status == 201 || r.status == 202, r.describe().constData());

        const QByteArray a = randomBytes((1024 * 1024 + 8) / 4);
        r = m_http.send("PUT", QUrl(container + QStringLiteral("/chunks/a")), {}, a);
        QVERIFY2(r.status == 201, r.describe().constData());
        QCOMPARE(r.header("ETag"), hexHash(a, QCryptographicHash::Md5));

        // Swift checks an ETag the client sends: a corrupted upload is refused with 422.
        const QByteArray b = randomBytes(1000);
        r = m_http.send("PUT", QUrl(container + QStringLiteral("/chunks/b")),
                        {{"ETag", hexHash(b + "x", QCryptographicHash::Md5)}}, b);
        QCOMPARE(r.status, 422);
        r = m_http.send("PUT", QUrl(container + QStringLiteral("/chunks/b")),
                        {{"ETag", hexHash(b, QCryptographicHash::Md5)}}, b);
        QVERIFY2(r.status == 201, r.describe().constData());

        r = m_http.send("GET", QUrl(container + QStringLiteral("/chunks/a")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body == a);
        QCOMPARE(r.header("ETag"), hexHash(a, QCryptographicHash::Md5));

        r = m_http.send("GET", QUrl(container + QStringLiteral("?format=json")));
        QCOMPARE(r.status, 200);
        QJsonArray listing = r.json().array();
        QCOMPARE(listing.size(), 2);
        QCOMPARE(listing[0][QStringLiteral("name")].toString(), QStringLiteral("chunks/a"));
        QCOMPARE(listing[0][QStringLiteral("bytes")].toInteger(), a.size());
        QCOMPARE(listing[0][QStringLiteral("hash")].toString().toLatin1(), hexHash(a, QCryptographicHash::Md5));

        // Pagination as a bank lists thousands of chunks: limit, then marker = the last name seen.
        r = m_http.send("GET", QUrl(container + QStringLiteral("?format=json&limit=1")));
        listing = r.json().array();
        QCOMPARE(listing.size(), 1);
        QCOMPARE(listing[0][QStringLiteral("name")].toString(), QStringLiteral("chunks/a"));
        r = m_http.send("GET", QUrl(container + QStringLiteral("?format=json&limit=1&marker=chunks/a")));
        listing = r.json().array();
        QCOMPARE(listing.size(), 1);
        QCOMPARE(listing[0][QStringLiteral("name")].toString(), QStringLiteral("chunks/b"));

        for (const char *object : {"/chunks/a", "/chunks/b"})
            QCOMPARE(m_http.send("DELETE", QUrl(container + QLatin1String(object))).status, 204);
        QCOMPARE(m_http.send("DELETE", QUrl(container)).status, 204);
        QCOMPARE(m_http.send("GET", QUrl(container)).status, 404);
    }

private:
    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_keystone{m_cloud};
    real::HttpClient m_http;
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
