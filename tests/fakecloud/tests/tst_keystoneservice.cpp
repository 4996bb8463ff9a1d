// Keystone v3 of the fake cloud over real HTTP: version documents, both auth methods in all their
// request forms, the catalog, token validation, revocation and expiry, and Keystone's error bodies.
#include "fakecloud.h"
#include "httptestclient.h"

#include <QJsonArray>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

namespace {

QJsonObject authBody(const QJsonObject &identity, const QJsonObject &scope = {})
{
    QJsonObject auth{{QStringLiteral("identity"), identity}};
    if (!scope.isEmpty())
        auth.insert(QStringLiteral("scope"), scope);
    return QJsonObject{{QStringLiteral("auth"), auth}};
}

QJsonObject passwordIdentity(const QJsonObject &user)
{
    return QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                       {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}};
}

QJsonObject appCredIdentity(const QJsonObject &credential)
{
    return QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("application_credential")}},
                       {QStringLiteral("application_credential"), credential}};
}

const QString DemoUserId = QStringLiteral("5d1f0e2c3b4a49586776a5b4c3d2e1f0");
const QString DemoProjectId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
const QString AppCredId = QStringLiteral("7c2e5a0b9d8f4e3a8b1c6d5e4f3a2b10");

} // namespace

class TestKeystoneService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"), &error),
                 qPrintable(error));
        QVERIFY(m_cloud.start());
        QVERIFY(m_cloud.port() > 0);
        QCOMPARE(m_cloud.authUrl(), m_cloud.baseUrl() + QStringLiteral("/identity/v3"));
    }

    void versions()
    {
        HttpTestClient client(m_cloud.baseUrl());
        auto root = client.get(QStringLiteral("/identity"));
        QCOMPARE(root.status, 300);
        const QJsonArray values = root.json()[QStringLiteral("versions")][QStringLiteral("values")].toArray();
        QVERIFY(!values.isEmpty());
        QVERIFY(values.at(0)[QStringLiteral("id")].toString().startsWith(QLatin1String("v3.")));
        QCOMPARE(values.at(0)[QStringLiteral("links")][0][QStringLiteral("href")].toString(), m_cloud.authUrl() + QLatin1Char('/'));
        auto v3 = client.get(QStringLiteral("/identity/v3"));
        QCOMPARE(v3.status, 200);
        QCOMPARE(v3.json()[QStringLiteral("version")][QStringLiteral("status")].toString(), QStringLiteral("stable"));
    }

    void issueToken_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("method");
        const QJsonObject byNameDomainName{{QStringLiteral("name"), QStringLiteral("demo")},
                                           {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Default")}}},
                                           {QStringLiteral("password"), QStringLiteral("demo-password")}};
        const QJsonObject byNameDomainId{{QStringLiteral("name"), QStringLiteral("demo")},
                                         {QStringLiteral("domain"), QJsonObject{{QStringLiteral("id"), QStringLiteral("default")}}},
                                         {QStringLiteral("password"), QStringLiteral("demo-password")}};
        const QJsonObject byId{{QStringLiteral("id"), DemoUserId}, {QStringLiteral("password"), QStringLiteral("demo-password")}};
        const QJsonObject projectByName{{QStringLiteral("project"),
                                         QJsonObject{{QStringLiteral("name"), QStringLiteral("demo")},
                                                     {QStringLiteral("domain"), QJsonObject{{QStringLiteral("id"), QStringLiteral("default")}}}}}};
        const QJsonObject projectById{{QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), DemoProjectId}}}};
        QTest::newRow("password user name+domain name, project name") << authBody(passwordIdentity(byNameDomainName), projectByName)
                                                                      << QStringLiteral("password");
        QTest::newRow("password user name+domain id, project id") << authBody(passwordIdentity(byNameDomainId), projectById)
                                                                  << QStringLiteral("password");
        QTest::newRow("password user id, project id") << authBody(passwordIdentity(byId), projectById) << QStringLiteral("password");
        QTest::newRow("password without scope uses the default project") << authBody(passwordIdentity(byId))
                                                                         << QStringLiteral("password");
        QTest::newRow("application credential by id")
            << authBody(appCredIdentity(QJsonObject{{QStringLiteral("id"), AppCredId}, {QStringLiteral("secret"), QStringLiteral("app-cred-secret")}}))
            << QStringLiteral("application_credential");
        QTest::newRow("application credential by name + user id")
            << authBody(appCredIdentity(QJsonObject{{QStringLiteral("name"), QStringLiteral("stackvault-test")},
                                                    {QStringLiteral("secret"), QStringLiteral("app-cred-secret")},
                                                    {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), DemoUserId}}}}))
            << QStringLiteral("application_credential");
        QTest::newRow("application credential by name + user name")
            << authBody(appCredIdentity(QJsonObject{{QStringLiteral("name"), QStringLiteral("stackvault-test")},
                                                    {QStringLiteral("secret"), QStringLiteral("app-cred-secret")},
                                                    {QStringLiteral("user"),
                                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("demo")},
                                                                 {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Default")}}}}}}))
            << QStringLiteral("application_credential");
    }

    void issueToken()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, method);
        HttpTestClient client(m_cloud.baseUrl());
        const auto reply = client.postJson(QStringLiteral("/identity/v3/auth/tokens"), body);
        QCOMPARE(reply.status, 201);
        const QByteArray tokenId = reply.header("X-Subject-Token");
        QVERIFY(tokenId.size() > 100); // fernet-sized
        QCOMPARE(reply.header("Vary"), QByteArray("X-Auth-Token"));
        QVERIFY(reply.header("x-openstack-request-id").startsWith("req-"));
        const QJsonObject token = reply.json()[QStringLiteral("token")].toObject();
        QCOMPARE(token[QStringLiteral("methods")].toArray(), QJsonArray{method});
        QCOMPARE(token[QStringLiteral("project")][QStringLiteral("id")].toString(), DemoProjectId);
        QCOMPARE(token[QStringLiteral("project")][QStringLiteral("name")].toString(), QStringLiteral("demo"));
        QCOMPARE(token[QStringLiteral("project")][QStringLiteral("domain")][QStringLiteral("name")].toString(), QStringLiteral("Default"));
        QCOMPARE(token[QStringLiteral("user")][QStringLiteral("id")].toString(), DemoUserId);
        const QDateTime expires = QDateTime::fromString(token[QStringLiteral("expires_at")].toString(), Qt::ISODateWithMs);
        QVERIFY(expires.isValid());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 3600) < 60);
        if (method == QLatin1String("application_credential")) {
            QCOMPARE(token[QStringLiteral("application_credential")][QStringLiteral("id")].toString(), AppCredId);
            QCOMPARE(token[QStringLiteral("application_credential")][QStringLiteral("name")].toString(), QStringLiteral("stackvault-test"));
        }
        // The catalog points every service at this server.
        QStringList types;
        for (const QJsonValue &service : token[QStringLiteral("catalog")].toArray()) {
            types.append(service[QStringLiteral("type")].toString());
            const QJsonArray endpoints = service[QStringLiteral("endpoints")].toArray();
            QCOMPARE(endpoints.size(), 3);
            for (const QJsonValue &endpoint : endpoints) {
                QVERIFY(endpoint[QStringLiteral("url")].toString().startsWith(m_cloud.baseUrl() + QLatin1Char('/')));
                QCOMPARE(endpoint[QStringLiteral("region")].toString(), QStringLiteral("RegionOne"));
            }
        }
        for (const char *type : {"identity", "compute", "image", "block-storage", "volumev3", "network"})
            QVERIFY2(types.contains(QLatin1String(type)), type);
        // The token works on a service.
        client.setToken(QString::fromLatin1(tokenId));
        QCOMPARE(client.get(QStringLiteral("/compute/v2.1/servers")).status, 200);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("wrong password")
            << QByteArray(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"nope"}}}}})")
            << 401;
        QTest::newRow("unknown user")
            << QByteArray(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"ghost","domain":{"name":"Default"},"password":"x"}}}}})")
            << 401;
        QTest::newRow("project the user has no role on")
            << QByteArray(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"demo-password"}}},"scope":{"project":{"name":"other","domain":{"id":"default"}}}}})")
            << 401;
        QTest::newRow("wrong application credential secret")
            << QByteArray(R"({"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"7c2e5a0b9d8f4e3a8b1c6d5e4f3a2b10","secret":"bad"}}}})")
            << 401;
        QTest::newRow("application credential with a scope")
            << QByteArray(R"({"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"7c2e5a0b9d8f4e3a8b1c6d5e4f3a2b10","secret":"app-cred-secret"}},"scope":{"project":{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90"}}}})")
            << 401;
        QTest::newRow("malformed JSON") << QByteArray(R"({"auth": {"identity": )") << 400;
        QTest::newRow("no identity") << QByteArray(R"({"auth": {}})") << 400;
        QTest::newRow("JSON array") << QByteArray(R"([1,2,3])") << 400;
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        HttpTestClient client(m_cloud.baseUrl());
        const auto reply = client.request("POST", QStringLiteral("/identity/v3/auth/tokens"), body);
        QCOMPARE(reply.status, status);
        QVERIFY(reply.header("X-Subject-Token").isEmpty());
        const QJsonObject error = reply.json()[QStringLiteral("error")].toObject();
        QCOMPARE(error[QStringLiteral("code")].toInt(), status);
        QVERIFY(!error[QStringLiteral("title")].toString().isEmpty());
        QVERIFY(!error[QStringLiteral("message")].toString().isEmpty());
    }

    void validateAndRevoke()
    {
        HttpTestClient client(m_cloud.baseUrl());
        const QString token = client.login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo"));
        QVERIFY(!token.isEmpty());
        const auto check = client.get(QStringLiteral("/identity/v3/auth/tokens"), {{"X-Subject-Token", token.toLatin1()}});
        QCOMPARE(check.status, 200);
        QCOMPARE(check.json()[QStringLiteral("token")][QStringLiteral("user")][QStringLiteral("name")].toString(), QStringLiteral("demo"));
        QCOMPARE(client.request("HEAD", QStringLiteral("/identity/v3/auth/tokens"), {}, {{"X-Subject-Token", token.toLatin1()}}).status, 200);
        const auto catalog = client.get(QStringLiteral("/identity/v3/auth/catalog"));
        QCOMPARE(catalog.status, 200);
        QVERIFY(catalog.json()[QStringLiteral("catalog")].toArray().size() >= 4);
        const auto projects = client.get(QStringLiteral("/identity/v3/auth/projects"));
        QCOMPARE(projects.status, 200);
        QCOMPARE(projects.json()[QStringLiteral("projects")].toArray().size(), 1);
        QCOMPARE(client.request("DELETE", QStringLiteral("/identity/v3/auth/tokens"), {}, {{"X-Subject-Token", token.toLatin1()}}).status, 204);
        // Revoked: services answer 401 in keystonemiddleware's shape.
        const auto denied = client.get(QStringLiteral("/compute/v2.1/servers"));
        QCOMPARE(denied.status, 401);
        QCOMPARE(denied.json()[QStringLiteral("error")][QStringLiteral("code")].toInt(), 401);
        QVERIFY(denied.header("WWW-Authenticate").startsWith("Keystone uri="));
    }

    void lifetimeAndExpiry()
    {
        HttpTestClient client(m_cloud.baseUrl());
        m_cloud.setTokenLifetime(120);
        const QString token = client.login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("other"));
        m_cloud.setTokenLifetime(3600);
        QVERIFY(!token.isEmpty());
        const auto info = client.get(QStringLiteral("/identity/v3/auth/tokens"), {{"X-Subject-Token", token.toLatin1()}});
        const QDateTime expires = QDateTime::fromString(info.json()[QStringLiteral("token")][QStringLiteral("expires_at")].toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 120) < 10);
        QCOMPARE(client.get(QStringLiteral("/image/v2/images")).status, 200);
        QVERIFY(m_cloud.expireToken(token));
        QCOMPARE(client.get(QStringLiteral("/image/v2/images")).status, 401);
        QVERIFY(!client.login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("other")).isEmpty());
        QCOMPARE(client.get(QStringLiteral("/image/v2/images")).status, 200);
        m_cloud.expireTokens();
        QCOMPARE(client.get(QStringLiteral("/image/v2/images")).status, 401);
    }

    void wrongMethodAndRoute()
    {
        HttpTestClient client(m_cloud.baseUrl());
        QCOMPARE(client.request("PUT", QStringLiteral("/identity/v3/auth/tokens"), "{}").status, 405);
        const auto missing = client.get(QStringLiteral("/identity/v3/no-such-thing"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json()[QStringLiteral("error")][QStringLiteral("code")].toInt(), 404);
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
};

QTEST_GUILESS_MAIN(TestKeystoneService)
#include "tst_keystoneservice.moc"
