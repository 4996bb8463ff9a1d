// Cinder snapshots through the block-storage microversion StackVault negotiates: `force` only where
// Cinder needs it (in-use volume below 3.66), never `force: false`; then wait, delete, delete again.
#include "openstacktestcloud.h"

#include "cloudstate.h"
#include "openstack/volume/createvolumesnapshotjob.h"
#include "openstack/volume/deletevolumesnapshotjob.h"
#include "openstack/volume/listvolumesnapshotsjob.h"
#include "openstack/volume/volumesnapshotstatuswaiter.h"

using namespace sv::openstack;

namespace {
const QString kDataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");  // web-data, in-use by web-1
const QString kSpareVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"); // available

void setVolumeMaxMinor(fake::FakeCloud &cloud, int minor)
{
    std::lock_guard lock(cloud.state().mutex);
    cloud.state().settings.volumeMaxMinor = minor;
}

bool snapshotExists(fake::FakeCloud &cloud, const QString &id)
{
    std::lock_guard lock(cloud.state().mutex);
    cloud.state().advance();
    return cloud.state().volumeSnapshots.contains(id);
}
} // namespace

class TestCreateVolumeSnapshotJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void force_per_microversion_data()
    {
        QTest::addColumn<int>("cloudMaxMinor");
        QTest::addColumn<QString>("volumeId");
        QTest::addColumn<bool>("inUse");
        QTest::addColumn<int>("expectedMinor");
        QTest::addColumn<bool>("expectForce");
        QTest::newRow("3.70 cloud, in-use: 3.66, no flag") << 70 << kDataVolume << true << 66 << false;
        QTest::newRow("3.66 cloud, in-use: no flag") << 66 << kDataVolume << true << 66 << false;
        QTest::newRow("3.65 cloud, in-use: force") << 65 << kDataVolume << true << 65 << true;
        QTest::newRow("3.0 cloud, in-use: force") << 0 << kDataVolume << true << 0 << true;
        QTest::newRow("3.65 cloud, available: no flag") << 65 << kSpareVolume << false << 65 << false;
    }
    void force_per_microversion()
    {
        QFETCH(int, cloudMaxMinor);
        QFETCH(QString, volumeId);
        QFETCH(bool, inUse);
        QFETCH(int, expectedMinor);
        QFETCH(bool, expectForce);
        auto cloud = testcloud::startCloud();
        setVolumeMaxMinor(*cloud, cloudMaxMinor);
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        const QJsonObject marker{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c1")}};
        auto *job = new CreateVolumeSnapshotJob(connection.get(), volumeId, QStringLiteral("sv-snap"), marker, inUse);
        const Error error = testcloud::run(job);
        // The fake refuses a missing force below 3.66 and force:false from 3.66, as Cinder does.
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(connection->session()->blockStorageMicroversion(), QVersionNumber(3, expectedMinor));
        QCOMPARE(job->sentForce(), expectForce);
        QCOMPARE(job->snapshot().volumeId, volumeId);
        QCOMPARE(job->snapshot().metadata, marker);
        const QString id = job->snapshot().id;
        QVERIFY(snapshotExists(*cloud, id));

        auto *waiter = new VolumeSnapshotStatusWaiter(connection.get(), id, std::chrono::seconds(20));
        waiter->setPollInterval(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
        const Error waited = testcloud::run(waiter);
        QVERIFY2(waited.isOk(), qPrintable(waited.message));
        QCOMPARE(waiter->snapshot().status, QStringLiteral("available"));

        auto *list = new ListVolumeSnapshotsJob(connection.get());
        QVERIFY(testcloud::run(list).isOk());
        QCOMPARE(list->snapshots().size(), 1);
        QCOMPARE(list->snapshots().constFirst().id, id);

        auto *remove = new DeleteVolumeSnapshotJob(connection.get(), id);
        QVERIFY(testcloud::run(remove).isOk());
        QTRY_VERIFY_WITH_TIMEOUT(!snapshotExists(*cloud, id), 5000);
        auto *again = new DeleteVolumeSnapshotJob(connection.get(), id);
        const Error second = testcloud::run(again);
        QVERIFY2(second.isOk(), "a snapshot that is already gone counts as deleted");
        delete job;
        delete waiter;
        delete list;
        delete remove;
        delete again;
    }

    void unknown_volume_is_named()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new CreateVolumeSnapshotJob(connection.get(), QStringLiteral("00000000-0000-4000-8000-000000000000"),
                                                QStringLiteral("sv-snap"), {}, false);
        job->setVolumeName(QStringLiteral("db-data"));
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::NotFound);
        QCOMPARE(error.message, QStringLiteral("Volume db-data does not exist (any more)."));
        QCOMPARE(job->retryCount(), 0);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestCreateVolumeSnapshotJob)
#include "tst_createvolumesnapshotjob.moc"
