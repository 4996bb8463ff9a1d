// A real token expires in the middle of an image download from the real Glance: StackVault's
// ImageDownloadJob (core/openstack) signed in at the short-lived Keystone, the connection drops after
// some MiB once the token has expired, the Range resume meets Glance's 401, the job signs in again and
// resumes (206) — and the md5/sha512 over the whole stream equal what Glance reports.
//
// The drop comes from a small relay (httprelay.h) in front of Glance (real Glance never drops by itself): the
// session's catalog points `image` at the relay until the re-authentication brings the real catalog.
#include "openstack/authstate.h"
#include "openstack/connection.h"
#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/session.h"

#include "httprelay.h"
#include "keystone.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace sv;

class TestDownloadExpiry : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_keystone{m_cloud};
    QString m_imageId;

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QVERIFY2(!m_cloud.shortAuthUrl().isEmpty(), "start.sh ran with REALCLOUD_SHORT_TOKEN_EXPIRATION=0");
        QVERIFY2(m_keystone.login(m_cloud.demo()), qPrintable(m_keystone.error()));
    }

    void cleanupTestCase()
    {
        if (!m_imageId.isEmpty())
            m_keystone.http().send("DELETE", QUrl(m_cloud.glanceUrl().toString() + QStringLiteral("/v2/images/") + m_imageId));
    }

    void tokenExpiresMidDownload()
    {
        // An image of random bytes in the real Glance (as demo).
        QByteArray data(12 * 1024 * 1024 + 321, Qt::Uninitialized);
        QRandomGenerator rng(42);
        rng.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString glance = m_cloud.glanceUrl().toString();
        real::HttpResult r = m_keystone.http().send(
            "POST", QUrl(glance + QStringLiteral("/v2/images")), {{"Content-Type", "application/json"}},
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("sv-expiry-") + QUuid::createUuid().toString(QUuid::WithoutBraces))},
                                      {QStringLiteral("disk_format"), QStringLiteral("raw")},
                                      {QStringLiteral("container_format"), QStringLiteral("bare")}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 201, r.describe().constData());
        m_imageId = r.json()[QStringLiteral("id")].toString();
        r = m_keystone.http().send("PUT", QUrl(glance + QStringLiteral("/v2/images/") + m_imageId + QStringLiteral("/file")),
                                   {{"Content-Type", "application/octet-stream"}}, data);
        QVERIFY2(r.status == 204, r.describe().constData());

        // StackVault's session at the short-lived Keystone; the first call signs in and reads the record.
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud, QStringLiteral("realcloud-short"), m_cloud.shortAuthUrl());
        auto session = openstack::Session::create(profile, demo.password);
        openstack::Connection connection(session);
        auto *show = new openstack::ShowImageJob(&connection, m_imageId);
        QSignalSpy shown(show, &openstack::ApiJob::finished);
        show->start();
        QVERIFY(shown.wait(30000));
        QVERIFY2(shown.first().first().value<openstack::Error>().isOk(), qPrintable(shown.first().first().value<openstack::Error>().message));
        const openstack::Image record = show->image();
        QCOMPARE(record.size, data.size());
        QCOMPARE(record.checksum.toLatin1(), QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
        QElapsedTimer sinceLogin;
        sinceLogin.start();

        // Glance through the relay, and a client that keeps believing in its token (no proactive refresh).
        real::HttpRelay relay(quint16(m_cloud.glanceUrl().port()));
        QVERIFY(relay.port() != 0);
        relay.dropFirstConnection(3 * 1024 * 1024,
                                  QDateTime::currentMSecsSinceEpoch() + qint64(m_cloud.shortTokenLifetime()) * 1000 + 1500);
        openstack::AuthState state = session->authState();
        const QByteArray firstToken = state.token;
        state.catalog = openstack::ServiceCatalog::fromJson(real::catalogThrough(m_keystone.catalog(), QStringLiteral("image"), relay.port()));
        state.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session->storeAuthState(state);

        QCryptographicHash md5(QCryptographicHash::Md5);
        QCryptographicHash sha512(QCryptographicHash::Sha512);
        qint64 received = 0;
        auto *download = new openstack::ImageDownloadJob(&connection, m_imageId, [&](const QByteArray &block) {
            md5.addData(block);
            sha512.addData(block);
            received += block.size();
            return true;
        });
        download->setAutoDelete(false);
        download->setImage(record);
        QSignalSpy finished(download, &openstack::ApiJob::finished);
        download->start();
        QVERIFY(finished.wait(120000));
        const openstack::Error error = finished.first().first().value<openstack::Error>();
        QVERIFY2(error.isOk(), qPrintable(error.message));
        qInfo("downloaded %lld bytes in %lld ms since login; relay connections %d; resumes %d", qlonglong(received),
              qlonglong(sinceLogin.elapsed()), relay.connections(), download->resumeCount());
        QVERIFY(relay.dropped());
        QVERIFY(sinceLogin.elapsed() > qint64(m_cloud.shortTokenLifetime()) * 1000); // the token really expired
        QVERIFY(download->resumeCount() >= 1);
        QVERIFY(session->authState().token != firstToken); // a 401 made it sign in again
        QCOMPARE(received, data.size());
        QCOMPARE(md5.result().toHex(), record.checksum.toLatin1());
        QCOMPARE(sha512.result().toHex(), record.osHashValue.toLatin1());
        QCOMPARE(download->md5(), record.checksum.toLatin1());
        delete download;
    }
};

QTEST_GUILESS_MAIN(TestDownloadExpiry)
#include "tst_downloadexpiry.moc"
