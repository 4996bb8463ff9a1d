// real::Keystone, the helper later tests use to put the fake cloud's compute endpoint into the real
// Keystone catalog: what admin registers, a user's next token carries; demo may not register.

#include "keystone.h"
#include "realcloud.h"

#include <QTest>
#include <QUuid>

class TestKeystone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QVERIFY2(m_admin.login(m_cloud.admin()), qPrintable(m_admin.error()));
        QVERIFY(hasRole(m_admin, QStringLiteral("admin")));
    }

    void registeredServiceIsInTheNextToken()
    {
        // A type of this test's own, so that tests running in parallel never see it; a fixture
        // registering `compute` takes the CTest RESOURCE_LOCK realcloud_catalog instead.
        const QString type = QStringLiteral("x-stackvault-test-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QUrl first(QStringLiteral("http://127.0.0.1:1/v2.1"));
        const QString id = m_admin.registerService(type, QStringLiteral("fake"), first);
        QVERIFY2(!id.isEmpty(), qPrintable(m_admin.error()));

        real::Keystone demo(m_cloud);
        QVERIFY2(demo.login(m_cloud.demo()), qPrintable(demo.error()));
        QCOMPARE(demo.endpoint(type), first);
        QCOMPARE(demo.endpoint(type, QStringLiteral("internal")), first);
        QCOMPARE(demo.endpoint(type, QStringLiteral("admin")), first);

        // Registering again (a new run's port) replaces the endpoints of the same service.
        const QUrl second(QStringLiteral("http://127.0.0.1:2/v2.1"));
        QCOMPARE(m_admin.registerService(type, QStringLiteral("fake"), second), id);
        QVERIFY2(demo.login(m_cloud.demo()), qPrintable(demo.error()));
        QCOMPARE(demo.endpoint(type), second);
        int endpoints = 0;
        const QJsonArray catalog = demo.catalog();
        for (const QJsonValue &service : catalog) {
            if (service[QStringLiteral("type")].toString() == type)
                endpoints += int(service[QStringLiteral("endpoints")].toArray().size());
        }
        QCOMPARE(endpoints, 3);

        QVERIFY2(m_admin.removeService(id), qPrintable(m_admin.error()));
        QVERIFY2(demo.login(m_cloud.demo()), qPrintable(demo.error()));
        QVERIFY(demo.endpoint(type).isEmpty());
        // The real services are untouched.
        QCOMPARE(demo.endpoint(QStringLiteral("image")), m_cloud.glanceUrl());
    }

    // How the fake compute (external mode) will check StackVault's token: ask Keystone as admin.
    void adminValidatesAUsersToken()
    {
        real::Keystone demo(m_cloud);
        QVERIFY2(demo.login(m_cloud.demo()), qPrintable(demo.error()));
        const QUrl tokens(m_cloud.authUrl().toString() + QStringLiteral("/auth/tokens"));
        real::HttpResult r = m_admin.http().send("GET", tokens, {{"X-Subject-Token", demo.token()}});
        QVERIFY2(r.status == 200, r.describe().constData());
        const QJsonObject token = r.json()[QStringLiteral("token")].toObject();
        QCOMPARE(token[QStringLiteral("project")][QStringLiteral("id")].toString(), demo.projectId());
        QCOMPARE(token[QStringLiteral("user")][QStringLiteral("name")].toString(), m_cloud.demo().username);
        QVERIFY(!token[QStringLiteral("expires_at")].toString().isEmpty());
        r = m_admin.http().send("GET", tokens, {{"X-Subject-Token", "gAAAAAB-not-a-token"}});
        QCOMPARE(r.status, 404);
    }

    void memberMayNotChangeTheCatalog()
    {
        real::Keystone demo(m_cloud);
        QVERIFY2(demo.login(m_cloud.demo()), qPrintable(demo.error()));
        QVERIFY(demo.registerService(QStringLiteral("x-stackvault-denied"), QStringLiteral("fake"),
                                     QUrl(QStringLiteral("http://127.0.0.1:3/")))
                    .isEmpty());
        QVERIFY2(demo.error().contains(QLatin1String("HTTP 403")), qPrintable(demo.error()));
    }

private:
    static bool hasRole(const real::Keystone &keystone, const QString &role)
    {
        const QJsonArray roles = keystone.tokenBody().value(QStringLiteral("roles")).toArray();
        for (const QJsonValue &r : roles) {
            if (r[QStringLiteral("name")].toString() == role)
                return true;
        }
        return false;
    }

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_admin{m_cloud};
};

QTEST_GUILESS_MAIN(TestKeystone)
#include "tst_keystone.moc"
