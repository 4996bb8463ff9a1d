// Nova os-volume_attachments through the API jobs: attach a spare volume to a server (attaching →
// in-use, listed on both sides), detach it (available again), and refusals that name both.
#include "openstacktestcloud.h"

#include "openstack/compute/attachvolumejob.h"
#include "openstack/compute/detachvolumejob.h"
#include "openstack/compute/listvolumeattachmentsjob.h"
#include "openstack/volume/volumestatuswaiter.h"

using namespace sv::openstack;

namespace {
const QString kSpareVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"); // available
const QString kDataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");  // in-use by web-1
const QString kWeb2 = QStringLiteral("5e7f0000-0000-4000-8000-000000000002");

Error waitFor(Connection *connection, const QString &volumeId, const QString &status)
{
    std::unique_ptr<VolumeStatusWaiter> waiter(new VolumeStatusWaiter(connection, volumeId, std::chrono::seconds(20)));
    waiter->setPollInterval(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
    waiter->setTargetStatus(status);
    return testcloud::run(waiter.get());
}

QStringList attachedTo(Connection *connection, const QString &serverId)
{
    std::unique_ptr<ListVolumeAttachmentsJob> list(new ListVolumeAttachmentsJob(connection, serverId));
    QStringList ids;
    if (testcloud::run(list.get()).isOk()) {
        for (const VolumeAttachment &attachment : list->attachments())
            ids.append(attachment.volumeId);
    }
    return ids;
}
} // namespace

class TestAttachVolumeJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attach_then_detach_data()
    {
        QTest::addColumn<QString>("device");
        QTest::newRow("device hint") << QStringLiteral("/dev/vdc");
        QTest::newRow("Nova chooses") << QString();
    }
    void attach_then_detach()
    {
        QFETCH(QString, device);
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        std::unique_ptr<AttachVolumeJob> attach(new AttachVolumeJob(connection.get(), kWeb2, kSpareVolume, device));
        const Error attached = testcloud::run(attach.get());
        QVERIFY2(attached.isOk(), qPrintable(attached.message));
        QCOMPARE(attach->attachment().volumeId, kSpareVolume);
        QCOMPARE(attach->attachment().serverId, kWeb2);
        QVERIFY(attach->attachment().device.startsWith(QLatin1String("/dev/")));
        if (!device.isEmpty())
            QCOMPARE(attach->attachment().device, device);
        QVERIFY(waitFor(connection.get(), kSpareVolume, QStringLiteral("in-use")).isOk());
        QVERIFY(attachedTo(connection.get(), kWeb2).contains(kSpareVolume));

        std::unique_ptr<DetachVolumeJob> detach(new DetachVolumeJob(connection.get(), kWeb2, kSpareVolume));
        QVERIFY(testcloud::run(detach.get()).isOk());
        QVERIFY(waitFor(connection.get(), kSpareVolume, QStringLiteral("available")).isOk());
        QVERIFY(!attachedTo(connection.get(), kWeb2).contains(kSpareVolume));
        std::unique_ptr<DetachVolumeJob> again(new DetachVolumeJob(connection.get(), kWeb2, kSpareVolume));
        QVERIFY2(testcloud::run(again.get()).isOk(), "a volume that is not attached counts as detached");
    }

    void refusals_name_volume_and_server()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        // web-data is in use by web-1 (not multiattach): Nova refuses a second attachment.
        std::unique_ptr<AttachVolumeJob> busy(new AttachVolumeJob(connection.get(), kWeb2, kDataVolume));
        busy->setNames(QStringLiteral("web-2"), QStringLiteral("web-data"));
        const Error refused = testcloud::run(busy.get());
        QVERIFY(!refused.isOk());
        QVERIFY2(refused.message.startsWith(QLatin1String("Volume web-data cannot be attached to server web-2")),
                 qPrintable(refused.message));
        QCOMPARE(busy->retryCount(), 0);

        std::unique_ptr<AttachVolumeJob> missing(
            new AttachVolumeJob(connection.get(), kWeb2, QStringLiteral("00000000-0000-4000-8000-000000000000")));
        missing->setNames(QStringLiteral("web-2"), QStringLiteral("db-data"));
        const Error notFound = testcloud::run(missing.get());
        QCOMPARE(notFound.kind, Error::Kind::NotFound);
        QCOMPARE(notFound.message,
                 QStringLiteral("Volume db-data cannot be attached to server web-2: one of them does not exist (any more)."));
    }
};

QTEST_GUILESS_MAIN(TestAttachVolumeJob)
#include "tst_attachvolumejob.moc"
