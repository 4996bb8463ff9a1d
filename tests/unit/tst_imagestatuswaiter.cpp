// Waiting for a Nova snapshot to become active: success, killed, vanished (404), timeout.
#include "openstacktestcloud.h"

#include "openstack/compute/createserverimagejob.h"
#include "openstack/image/imagestatuswaiter.h"

using namespace sv::openstack;

class TestImageStatusWaiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waits_data()
    {
        QTest::addColumn<int>("fault"); // -1: none
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("becomes active") << -1 << int(Error::Kind::None) << QString();
        QTest::newRow("killed") << int(fake::Fault::SnapshotKilled) << int(Error::Kind::WaitFailed) << "killed";
        QTest::newRow("vanishes") << int(fake::Fault::SnapshotVanishes) << int(Error::Kind::WaitFailed) << "disappeared";
    }
    void waits()
    {
        QFETCH(int, fault);
        QFETCH(int, expectedKind);
        QFETCH(QString, messagePart);
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        if (fault >= 0) {
            fake::FaultSpec spec;
            spec.kind = fake::Fault::Kind(fault);
            cloud->injectFault(spec);
        }
        auto *create = new CreateServerImageJob(connection.get(), testcloud::kDemoServerId, QStringLiteral("sv-wait"));
        QVERIFY(testcloud::run(create).isOk());
        auto *waiter = new ImageStatusWaiter(connection.get(), create->imageId(), std::chrono::seconds(20));
        waiter->setPollInterval(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
        QStringList statuses;
        connect(waiter, &ImageStatusWaiter::statusChanged, this, [&](const QString &status) { statuses.append(status); });
        const Error error = testcloud::run(waiter);
        QCOMPARE(int(error.kind), expectedKind);
        if (!messagePart.isEmpty())
            QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
        if (expectedKind == int(Error::Kind::None))
            QCOMPARE(statuses.constLast(), QStringLiteral("active"));
        delete create;
        delete waiter;
    }

    void times_out()
    {
        auto cloud = testcloud::startCloud();
        cloud->setSnapshotStepSeconds(5, 5, 5, 5);
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *create = new CreateServerImageJob(connection.get(), testcloud::kDemoServerId, QStringLiteral("sv-slow"));
        QVERIFY(testcloud::run(create).isOk());
        auto *waiter = new ImageStatusWaiter(connection.get(), create->imageId(), std::chrono::milliseconds(600));
        waiter->setPollInterval(std::chrono::milliseconds(100), std::chrono::milliseconds(200));
        const Error error = testcloud::run(waiter);
        QCOMPARE(error.kind, Error::Kind::WaitTimeout);
        QVERIFY(waiter->pollCount() >= 3);
        QVERIFY2(error.message.contains(QLatin1String("gave up")), qPrintable(error.message));
        delete create;
        delete waiter;
    }
};

QTEST_GUILESS_MAIN(TestImageStatusWaiter)
#include "tst_imagestatuswaiter.moc"
