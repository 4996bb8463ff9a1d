// Nova createImage: the image id from the body (>= 2.45) or the Location header (below), and the
// busy-server sentence on 409.
#include "openstacktestcloud.h"

#include "openstack/compute/createserverimagejob.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagestatuswaiter.h"

using namespace sv::openstack;

class TestCreateServerImageJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void image_id_per_microversion_data()
    {
        QTest::addColumn<int>("cloudMaxMinor");
        QTest::addColumn<int>("expectedMinor");
        QTest::newRow("2.96 cloud: body at 2.79") << 96 << 79;
        QTest::newRow("2.45 cloud: body") << 45 << 45;
        QTest::newRow("2.44 cloud: Location header") << 44 << 44;
        QTest::newRow("2.1 cloud: Location header") << 1 << 1;
    }
    void image_id_per_microversion()
    {
        QFETCH(int, cloudMaxMinor);
        QFETCH(int, expectedMinor);
        auto cloud = testcloud::startCloud();
        cloud->setComputeMicroversionRange(1, cloudMaxMinor);
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new CreateServerImageJob(connection.get(), testcloud::kDemoServerId, QStringLiteral("sv-test-snap"),
                                             QJsonObject{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c1")}});
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(connection->session()->computeMicroversion(), QVersionNumber(2, expectedMinor));
        QVERIFY(!job->imageId().isEmpty());
        QVERIFY2(!cloud->imageStatus(job->imageId()).isEmpty(), "the id must name the snapshot Glance holds");

        // The snapshot becomes active; then clean up.
        auto *waiter = new ImageStatusWaiter(connection.get(), job->imageId(), std::chrono::seconds(20));
        waiter->setPollInterval(std::chrono::milliseconds(100), std::chrono::milliseconds(300));
        const Error waited = testcloud::run(waiter);
        QVERIFY2(waited.isOk(), qPrintable(waited.message));
        QCOMPARE(waiter->image().status, QStringLiteral("active"));
        auto *remove = new DeleteImageJob(connection.get(), job->imageId());
        QVERIFY(testcloud::run(remove).isOk());
        QVERIFY(!cloud->leftoverImageIds().contains(job->imageId()));
        delete job;
        delete waiter;
        delete remove;
    }

    void location_header_parsing()
    {
        QCOMPARE(CreateServerImageJob::imageIdFromLocation("http://h/image/images/abc-123"), QStringLiteral("abc-123"));
        QCOMPARE(CreateServerImageJob::imageIdFromLocation("https://glance:9292/v2/images/abc-123/ "), QStringLiteral("abc-123"));
        QCOMPARE(CreateServerImageJob::imageIdFromLocation(""), QString());
    }

    void busy_server_sentence()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Conflict;
        cloud->injectFault(fault);
        auto *job = new CreateServerImageJob(connection.get(), testcloud::kDemoServerId, QStringLiteral("sv-busy"));
        job->setServerName(QStringLiteral("web-1"));
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Conflict);
        QCOMPARE(error.httpStatus, 409);
        QCOMPARE(error.message,
                 QStringLiteral("Server web-1 is busy (task_state image_snapshot); try again when it is idle."));
        QVERIFY(error.serviceMessage.contains(QLatin1String("createImage")));
        QCOMPARE(job->retryCount(), 0); // a POST is never repeated
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestCreateServerImageJob)
#include "tst_createserverimagejob.moc"
