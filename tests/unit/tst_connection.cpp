// Authentication, token refresh, retries and microversion negotiation over real HTTP against the
// in-process fake cloud (the Connection is where auth is applied; Session holds the shared state).
#include "openstacktestcloud.h"

#include "openstack/compute/listserversjob.h"
#include "openstack/compute/showserverjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/volume/listvolumesjob.h"

#include <QElapsedTimer>
#include <QTcpServer>

using namespace sv::openstack;

class TestConnection : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<fake::FakeCloud> m_cloud;

private Q_SLOTS:
    void init()
    {
        m_cloud = testcloud::startCloud();
    }
    void cleanup() { m_cloud.reset(); }

    void authenticates_data()
    {
        QTest::addColumn<int>("authType");
        QTest::addColumn<QString>("variant");
        QTest::newRow("password, project by name") << int(sv::AuthType::Password) << "name";
        QTest::newRow("password, project by id") << int(sv::AuthType::Password) << "id";
        QTest::newRow("application credential by id") << int(sv::AuthType::ApplicationCredential) << "id";
        QTest::newRow("application credential by name + user") << int(sv::AuthType::ApplicationCredential) << "name";
    }
    void authenticates()
    {
        QFETCH(int, authType);
        QFETCH(QString, variant);
        sv::CloudProfile profile;
        QString secret;
        if (sv::AuthType(authType) == sv::AuthType::Password) {
            profile = testcloud::passwordProfile(*m_cloud);
            secret = QStringLiteral("demo-password");
            if (variant == QLatin1String("id")) {
                profile.projectName.clear();
                profile.projectId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
            }
        } else {
            profile = testcloud::appCredentialProfile(*m_cloud);
            secret = QStringLiteral("app-cred-secret");
            if (variant == QLatin1String("name")) {
                profile.applicationCredentialId.clear();
                profile.applicationCredentialName = QStringLiteral("stackvault-test");
            }
        }
        auto connection = testcloud::connect(profile, secret);
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QVERIFY(job->servers().size() >= 4);
        const AuthState state = connection->session()->authState();
        QCOMPARE(state.projectId, QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
        QVERIFY(!state.catalog.isEmpty());
        // The fake offers up to 2.96; we speak at most 2.79.
        QCOMPARE(connection->session()->computeMicroversion(), QVersionNumber(2, 79));
        delete job;
    }

    void wrong_password_gives_user_sentence()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud), QStringLiteral("not-the-password"));
        auto *job = new ListServersJob(connection.get());
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Authentication);
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.message, QStringLiteral("Wrong user name or password for cloud \"fake\"."));
        QVERIFY(!error.toLogString().contains(QLatin1String("not-the-password")));
        delete job;
    }

    void wrong_application_credential_secret()
    {
        auto connection = testcloud::connect(testcloud::appCredentialProfile(*m_cloud), QStringLiteral("nope"));
        auto *job = new ShowImageJob(connection.get(), testcloud::kUbuntuImageId);
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Authentication);
        QVERIFY2(error.message.contains(QLatin1String("application credential")), qPrintable(error.message));
        delete job;
    }

    void token_expired_mid_listing_reauthenticates()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        auto *job = new ListServersJob(connection.get());
        job->setPageSize(1);
        int pages = 0;
        quint64 firstGeneration = 0;
        connect(job, &ListServersJob::pageReceived, this, [&] {
            if (++pages == 2) {
                // From now on the token we hold answers 401, as if it had expired mid-job.
                firstGeneration = connection->session()->authState().generation;
                m_cloud->expireTokens();
            }
        });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QVERIFY(job->pageCount() >= 4);
        QVERIFY(connection->session()->authState().generation > firstGeneration);
        delete job;
    }

    void unauthorized_fault_then_retry()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Unauthorized;
        m_cloud->injectFault(fault);
        auto *job = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(job->server().name, QStringLiteral("web-1"));
        QCOMPARE(m_cloud->pendingFaults(), 0);
        delete job;
    }

    void short_lived_token_is_refreshed_before_use()
    {
        m_cloud->setTokenLifetime(2);
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        auto *first = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        QVERIFY(testcloud::run(first).isOk());
        const quint64 generation = connection->session()->authState().generation;
        QTest::qWait(1200); // past half the lifetime: refreshed before the next request, no 401 needed
        auto *second = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        QVERIFY(testcloud::run(second).isOk());
        QVERIFY(connection->session()->authState().generation > generation);
        QCOMPARE(second->retryCount(), 0);
        delete first;
        delete second;
    }

    void service_unavailable_with_retry_after_then_success()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        auto *warmup = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        QVERIFY(testcloud::run(warmup).isOk());
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Unavailable;
        fault.retryAfter = 1;
        fault.count = 2;
        m_cloud->injectFault(fault);
        auto *job = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        QElapsedTimer timer;
        timer.start();
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(job->retryCount(), 2);
        QVERIFY2(timer.elapsed() >= 1900, "Retry-After: 1 must be honoured on each retry");
        delete warmup;
        delete job;
    }

    void unavailable_too_long_gives_up()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        RetryPolicy policy = connection->retryPolicy();
        policy.maxRetries = 1;
        policy.maxRetryAfter = std::chrono::milliseconds(100);
        connection->setRetryPolicy(policy);
        auto *warmup = new ShowServerJob(connection.get(), testcloud::kDemoServerId); // auth + version document
        QVERIFY(testcloud::run(warmup).isOk());
        delete warmup;
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Unavailable;
        fault.count = 5;
        m_cloud->injectFault(fault);
        auto *job = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Unavailable);
        QCOMPARE(error.httpStatus, 503);
        QCOMPARE(job->retryCount(), 1);
        delete job;
    }

    void lower_cloud_microversion_is_used()
    {
        m_cloud->setComputeMicroversionRange(1, 40);
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        auto *job = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        QVERIFY(testcloud::run(job).isOk());
        QCOMPARE(connection->session()->computeMicroversion(), QVersionNumber(2, 40));
        // Below 2.47 the flavor is a reference, not embedded.
        QCOMPARE(job->server().flavorId, QStringLiteral("2"));
        QVERIFY(job->server().flavorName.isEmpty());
        delete job;
    }

    void connection_refused_is_a_network_error()
    {
        auto profile = testcloud::passwordProfile(*m_cloud);
        quint16 port = 0;
        {
            QTcpServer probe; // a port that was free a moment ago and has nobody listening now
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        profile.authUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/identity/v3").arg(port));
        auto connection = testcloud::connect(profile);
        RetryPolicy policy = connection->retryPolicy();
        policy.maxRetries = 1;
        connection->setRetryPolicy(policy);
        auto *job = new ShowServerJob(connection.get(), testcloud::kDemoServerId);
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Network);
        QCOMPARE(error.host, QStringLiteral("127.0.0.1"));
        QVERIFY(error.message.contains(QLatin1String("127.0.0.1")));
        delete job;
    }

    void block_storage_endpoint_includes_project()
    {
        auto connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
        auto *job = new ListVolumesJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QVERIFY(job->volumes().size() >= 3);
        delete job;
    }

    void missing_region_names_what_exists()
    {
        auto profile = testcloud::passwordProfile(*m_cloud);
        profile.regionName = QStringLiteral("RegionNine");
        auto connection = testcloud::connect(profile);
        auto *job = new ShowImageJob(connection.get(), testcloud::kUbuntuImageId);
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::NoEndpoint);
        QVERIFY2(error.message.contains(QLatin1String("RegionOne")), qPrintable(error.message));
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
