// CloudSessions, the one way both front ends sign in: one shared session per saved cloud, the secret
// read from the real Secret Service only when a session is first asked for, Keystone asked only when a
// request needs a token; trySignIn() for "Test Connection". Real HTTP against two fake clouds.
#include "openstack/authstate.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "servicefixture.h"

#include <QSignalSpy>

class TestCloudSessions : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServiceFixture> f;

    struct Acquired
    {
        std::shared_ptr<sv::openstack::Session> session;
        QString error;
    };
    Acquired acquire(const QString &cloud)
    {
        std::optional<Acquired> got;
        f->sessions->acquire(cloud, this, [&got](std::shared_ptr<sv::openstack::Session> session, const QString &error) {
            got = Acquired{std::move(session), error};
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 15000); }();
        return got.value_or(Acquired{{}, QStringLiteral("timed out")});
    }
    sv::CloudSessions::SignInResult trySignIn(const sv::CloudProfile &profile, const QString &secret)
    {
        std::optional<sv::CloudSessions::SignInResult> got;
        f->sessions->trySignIn(profile, secret, this, [&got](const sv::CloudSessions::SignInResult &r) { got = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 15000); }();
        return got.value_or(sv::CloudSessions::SignInResult{QStringLiteral("timed out"), {}, 0, {}});
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ServiceFixture>();
        QVERIFY(f->start());
    }
    void cleanup() { f.reset(); }

    void oneSessionPerCloudByNameOrId()
    {
        QVERIFY(!f->sessions->cached(QStringLiteral("alpha")));
        const Acquired byName = acquire(QStringLiteral("alpha"));
        QVERIFY2(byName.session, qPrintable(byName.error));
        QCOMPARE(byName.session->profile().id, f->alpha.id);
        // Reading the secret signs in nowhere: Keystone is asked only when a request needs a token.
        QCOMPARE(ServiceFixture::requests(f->alphaCloud), 0);
        const Acquired byId = acquire(f->alpha.id);
        QCOMPARE(byId.session, byName.session);
        QCOMPARE(f->sessions->cached(f->alpha.id), byName.session);
        QVERIFY(!f->sessions->cached(QStringLiteral("beta")));
        QCOMPARE(f->sessions->find(QStringLiteral("beta"))->id, f->beta.id);

        // The shared session signs in for the first request, and only on its own cloud.
        sv::openstack::Connection connection(byName.session);
        std::optional<sv::openstack::Error> signedIn;
        connection.ensureAuthenticated(sv::openstack::ServiceType::Compute, this,
                                       [&signedIn](const sv::openstack::Error &error) { signedIn = error; });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 15000);
        QVERIFY2(!*signedIn, qPrintable(signedIn->message));
        QVERIFY(ServiceFixture::requests(f->alphaCloud) > 0);
        QCOMPARE(ServiceFixture::requests(f->betaCloud), 0);
    }

    void unknownCloudOrMissingSecretIsOneSentence_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not saved") << QStringLiteral("gamma") << QStringLiteral("There is no saved cloud named gamma");
        QTest::newRow("no secret") << QStringLiteral("nosecret") << QStringLiteral("Cloud nosecret: ");
    }
    void unknownCloudOrMissingSecretIsOneSentence()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, expected);
        sv::CloudProfile withoutSecret = ServiceFixture::profileFor(f->alphaCloud, QStringLiteral("nosecret"));
        QVERIFY(f->profiles->add(withoutSecret));
        const Acquired got = acquire(cloud);
        QVERIFY(!got.session);
        QVERIFY2(got.error.startsWith(expected), qPrintable(got.error));
        QCOMPARE(ServiceFixture::requests(f->alphaCloud), 0);
    }

    void editedProfileGetsANewSession()
    {
        const Acquired first = acquire(QStringLiteral("alpha"));
        QVERIFY(first.session);
        sv::CloudProfile edited = *f->profiles->findById(f->alpha.id);
        edited.regionName = QStringLiteral("RegionTwo");
        QVERIFY(f->profiles->update(edited));
        QVERIFY(!f->sessions->cached(f->alpha.id));
        const Acquired second = acquire(QStringLiteral("alpha"));
        QVERIFY(second.session && second.session != first.session);
        QCOMPARE(second.session->profile().regionName, QStringLiteral("RegionTwo"));
        f->sessions->forget(f->alpha.id);
        QVERIFY(!f->sessions->cached(f->alpha.id));
    }

    void trySignIn_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("ok");
        QTest::newRow("typed, right") << QStringLiteral("demo-password") << true;
        QTest::newRow("typed, wrong") << QStringLiteral("not-the-password") << false;
        QTest::newRow("saved") << QString() << true;
    }
    void trySignIn()
    {
        QFETCH(QString, secret);
        QFETCH(bool, ok);
        const sv::CloudSessions::SignInResult result = trySignIn(f->alpha, secret);
        QCOMPARE(result.error.isEmpty(), ok);
        if (ok) {
            QCOMPARE(result.projectName, QStringLiteral("demo"));
            QVERIFY(result.services >= 4);
            QVERIFY(result.session);
            QCOMPARE(result.session->authState().projectName, QStringLiteral("demo"));
        } else {
            QVERIFY(!result.error.contains(secret));
            QVERIFY(!result.session);
        }
        // A test never replaces (or makes) the shared session.
        QVERIFY(!f->sessions->cached(f->alpha.id));
        QVERIFY(ServiceFixture::requests(f->alphaCloud) > 0);
        QCOMPARE(ServiceFixture::requests(f->betaCloud), 0);
    }
};

QTEST_GUILESS_MAIN(TestCloudSessions)
#include "tst_cloudsessions.moc"
