// A real token really expires: logged in at the short-lived Keystone (start.sh's keystone-short),
// the token works on Glance and Swift, then, once its lifetime is over, Glance, Swift and Keystone
// all refuse it, and a new login works again. This is what StackVault's re-authentication meets.

#include "httpclient.h"
#include "keystone.h"
#include "realcloud.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

class TestTokenExpiry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QVERIFY2(!m_cloud.shortAuthUrl().isEmpty(), "start.sh ran with REALCLOUD_SHORT_TOKEN_EXPIRATION=0");
        QVERIFY(m_cloud.shortTokenLifetime() > 0 && m_cloud.shortTokenLifetime() <= 60);
    }

    void shortTokenExpiresEverywhere()
    {
        real::Keystone keystone(m_cloud);
        QVERIFY2(keystone.login(m_cloud.demo(), m_cloud.shortAuthUrl()), qPrintable(keystone.error()));
        QElapsedTimer sinceLogin;
        sinceLogin.start();
        const QDateTime issued = QDateTime::fromString(
            keystone.tokenBody().value(QStringLiteral("issued_at")).toString(), Qt::ISODateWithMs);
        const QDateTime expires = QDateTime::fromString(
            keystone.tokenBody().value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(issued.isValid() && expires.isValid());
        QVERIFY2(qAbs(issued.secsTo(expires) - m_cloud.shortTokenLifetime()) <= 1,
                 qPrintable(issued.toString(Qt::ISODate) + QLatin1Char(' ') + expires.toString(Qt::ISODate)));

        // Same catalog as the main Keystone: only the token's lifetime differs.
        const QUrl images(keystone.endpoint(QStringLiteral("image")).toString() + QStringLiteral("/v2/images"));
        QCOMPARE(keystone.endpoint(QStringLiteral("image")), m_cloud.glanceUrl());
        const QUrl account = keystone.endpoint(QStringLiteral("object-store"));
        real::HttpClient &http = keystone.http();
        real::HttpResult r = http.send("GET", images);
        QVERIFY2(r.status == 200, r.describe().constData());
        r = http.send("HEAD", account); // 204, or 200 while Swift autocreates the account
        QVERIFY2(r.status == 204 || r.status == 200, r.describe().constData());

        // Glance and Swift cache a validated token (keystonemiddleware's token_cache_time), but
        // never past its expiry.
        const qint64 lifetimeMs = qint64(m_cloud.shortTokenLifetime()) * 1000;
        QTest::qWait(int(qMax<qint64>(0, lifetimeMs - sinceLogin.elapsed() + 1500)));
        r = http.send("GET", images);
        QVERIFY2(r.status == 401, r.describe().constData());
        r = http.send("HEAD", account);
        QVERIFY2(r.status == 401, r.describe().constData());
        r = http.send("GET", QUrl(m_cloud.authUrl().toString() + QStringLiteral("/auth/tokens")),
                      {{"X-Subject-Token", keystone.token()}});
        QVERIFY2(r.status == 401 || r.status == 404, r.describe().constData());

        // Re-authentication: a new token, accepted again.
        const QByteArray expired = keystone.token();
        QVERIFY2(keystone.login(m_cloud.demo(), m_cloud.shortAuthUrl()), qPrintable(keystone.error()));
        QVERIFY(keystone.token() != expired);
        r = http.send("GET", images);
        QVERIFY2(r.status == 200, r.describe().constData());
    }

private:
    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
};

QTEST_GUILESS_MAIN(TestTokenExpiry)
#include "tst_tokenexpiry.moc"
