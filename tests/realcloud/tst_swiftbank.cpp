// SwiftBank against the REAL Swift: the shared bank suite (banksuite.cpp) on a local folder and on
// Swift containers with the same assertions, plus what only a Swift bank has (Keystone tokens).
#include "bank/swiftbank.h"
#include "bank/swiftobjectstore.h"
#include "openstack/authstate.h"
#include "openstack/session.h"

#include "bankfixtures.h"
#include "banksuite.h"
#include "checkpointfixtures.h"
#include "keystone.h"
#include "realcloud.h"

#include <QTest>
#include <QUuid>

using namespace sv;
using svtest::backup;

class TestSwiftBank : public BankSuite
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    std::shared_ptr<openstack::Session> m_session;

protected:
    QStringList backends() const override { return {QStringLiteral("local"), QStringLiteral("swift")}; }
    std::shared_ptr<ObjectStoreBank> newObjectStoreBank() override
    {
        return std::make_shared<SwiftBank>(m_session,
                                           QStringLiteral("sv-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
    std::unique_ptr<ObjectStore> storeLike(const ObjectStoreBank &bank) override
    {
        return std::make_unique<sv::SwiftObjectStore>(
            m_session, static_cast<const sv::SwiftObjectStore &>(bank.store()).container());
    }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud);
        m_session = openstack::Session::create(profile, demo.password);
    }

    void cleanupTestCase() { deleteWhatTestsWrote(); }

    // 401 -> re-authentication against the real Swift: a token from the short-lived Keystone really
    // expires while the client still believes it valid (its expiry is moved into the future here, so
    // that the proactive refresh does not hide the 401); the bank's next calls sign in again and work.
    void expiredTokenReauthenticates()
    {
        QVERIFY2(!m_cloud.shortAuthUrl().isEmpty(), "start.sh ran with REALCLOUD_SHORT_TOKEN_EXPIRATION=0");
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud, QStringLiteral("realcloud-short"), m_cloud.shortAuthUrl());
        auto session = openstack::Session::create(profile, demo.password);
        auto bank = std::make_shared<SwiftBank>(session, QStringLiteral("sv-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const QString id = backup(*bank, QStringLiteral("t"), svtest::generateImage(3 * 1024 * 1024, 70), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        openstack::AuthState state = session->authState();
        const QByteArray firstToken = state.token;
        QVERIFY(!firstToken.isEmpty());
        state.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session->storeAuthState(state);
        QTest::qWait(m_cloud.shortTokenLifetime() * 1000 + 1500);

        VerifyReport report;
        QVERIFY2(bank->verifyCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY(report.ok());
        QVERIFY(session->authState().token != firstToken); // it really signed in again
        QVERIFY2(!backup(*bank, QStringLiteral("t"), svtest::generateImage(2 * 1024 * 1024, 71), &error).isEmpty(),
                 qPrintable(error.message));
    }

    void specParsing()
    {
        QString cloud;
        QString container;
        QVERIFY(SwiftBank::parseSpec(QStringLiteral("swift:prod-fra1/backups"), &cloud, &container));
        QCOMPARE(cloud, QStringLiteral("prod-fra1"));
        QCOMPARE(container, QStringLiteral("backups"));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("swift:nocontainer"), &cloud, &container));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("swift:/c"), &cloud, &container));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("/home/me/bank"), &cloud, &container));
    }
};

QTEST_GUILESS_MAIN(TestSwiftBank)
#include "tst_swiftbank.moc"
