// TLS against the fake cloud served over HTTPS with a CA made for this test: verification is on by
// default (an unknown CA fails with a sentence naming the host and the reason), a profile's CA bundle
// is honoured, and only the profile's explicit "insecure" choice skips verification.
#include "openstacktestcloud.h"
#include "testca.h"

#include "openstack/compute/listserversjob.h"
#include "openstack/image/imagedownloadjob.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace sv::openstack;

class TestTls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testca::Files m_ca;
    std::unique_ptr<fake::FakeCloud> m_cloud;

    sv::CloudProfile profile() const { return testcloud::passwordProfile(*m_cloud); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = testca::make(m_dir);
        QVERIFY2(m_ca.error.isEmpty(), qPrintable(m_ca.error));
        m_cloud = std::make_unique<fake::FakeCloud>();
        QString error;
        QVERIFY2(m_cloud->loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"), &error),
                 qPrintable(error));
        m_cloud->setTlsCertificate(m_ca.serverCertificate, m_ca.serverKey);
        QVERIFY(m_cloud->start());
        QVERIFY(m_cloud->isTls());
        QVERIFY(m_cloud->authUrl().startsWith(QLatin1String("https://127.0.0.1:")));
    }
    void cleanupTestCase() { m_cloud.reset(); }

    void verification_is_on_by_default()
    {
        sv::CloudProfile p = profile();
        QVERIFY(p.verifyTls);
        QVERIFY(p.caBundlePath.isEmpty());
        auto connection = testcloud::connect(p);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Tls);
        // Which host, which cloud, and why (OpenSSL's reason as Qt words it), and what to do.
        QVERIFY2(error.message.contains(QLatin1String("127.0.0.1")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("\"fake\"")), qPrintable(error.message));
        QVERIFY2(error.serviceMessage.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
                 qPrintable(error.serviceMessage));
        QVERIFY2(error.message.contains(error.serviceMessage), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("CA bundle")), qPrintable(error.message));
        QCOMPARE(error.host, QStringLiteral("127.0.0.1"));
        delete job;
    }

    void ca_bundle_is_honoured()
    {
        sv::CloudProfile p = profile();
        p.caBundlePath = m_ca.caCertificate;
        auto connection = testcloud::connect(p);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QVERIFY(job->servers().size() >= 4);
        delete job;

        // A whole image streamed over TLS, digests checked.
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        auto *download = new ImageDownloadJob(connection.get(), testcloud::kUbuntuImageId, [&](const QByteArray &block) {
            sha256.addData(block);
            return true;
        });
        const Error downloadError = testcloud::run(download);
        QVERIFY2(downloadError.isOk(), qPrintable(downloadError.toLogString()));
        QCOMPARE(sha256.result().toHex(), m_cloud->imageSha256(testcloud::kUbuntuImageId));
        delete download;
    }

    void wrong_ca_bundle_fails()
    {
        sv::CloudProfile p = profile();
        p.caBundlePath = m_ca.otherCaCertificate;
        auto connection = testcloud::connect(p);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Tls);
        QVERIFY2(error.message.contains(QLatin1String("127.0.0.1")), qPrintable(error.message));
        delete job;
    }

    void missing_ca_bundle_is_named()
    {
        sv::CloudProfile p = profile();
        p.caBundlePath = m_dir.path() + QStringLiteral("/no-such-ca.pem");
        auto connection = testcloud::connect(p);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Tls);
        QVERIFY2(error.message.contains(p.caBundlePath), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("does not exist")), qPrintable(error.message));
        delete job;
    }

    void insecure_profile_skips_verification()
    {
        sv::CloudProfile p = profile();
        p.verifyTls = false;
        auto connection = testcloud::connect(p);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QVERIFY(job->servers().size() >= 4);
        delete job;
    }

    void plain_http_client_to_tls_server_fails_cleanly()
    {
        sv::CloudProfile p = profile();
        QUrl url = p.authUrl;
        url.setScheme(QStringLiteral("http"));
        p.authUrl = url;
        auto connection = testcloud::connect(p);
        connection->setInactivityTimeout(std::chrono::seconds(2));
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY(!error.isOk());
        QVERIFY2(!error.message.isEmpty(), qPrintable(error.toLogString()));
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
