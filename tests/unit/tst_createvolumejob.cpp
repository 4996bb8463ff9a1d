// Cinder volumes through the API jobs: a volume from a snapshot, from an image or blank becomes
// available with the right bytes; the chain snapshot → volume → os-volume_upload_image → image that a
// backup reads a volume through keeps every byte; deletes are idempotent; refusals are named.
#include "openstacktestcloud.h"

#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagestatuswaiter.h"
#include "openstack/volume/createvolumejob.h"
#include "openstack/volume/createvolumesnapshotjob.h"
#include "openstack/volume/deletevolumejob.h"
#include "openstack/volume/deletevolumesnapshotjob.h"
#include "openstack/volume/listvolumetypesjob.h"
#include "openstack/volume/uploadvolumetoimagejob.h"
#include "openstack/volume/volumesnapshotstatuswaiter.h"
#include "openstack/volume/volumestatuswaiter.h"

using namespace sv::openstack;

namespace {
const QString kSpareVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"); // 1 GB, available
const QString kDataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");  // web-data, in-use

template<typename Waiter> Waiter *fast(Waiter *waiter)
{
    waiter->setPollInterval(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
    return waiter;
}

// Runs `job` and returns it (owned by the caller) after checking it succeeded.
template<typename Job> std::unique_ptr<Job> succeed(Job *job)
{
    std::unique_ptr<Job> owned(job);
    const Error error = testcloud::run(job);
    if (!error.isOk())
        qWarning() << "job failed:" << error.message;
    return error.isOk() ? std::move(owned) : nullptr;
}

QString snapshotOf(Connection *connection, const QString &volumeId, bool inUse)
{
    auto job = succeed(new CreateVolumeSnapshotJob(connection, volumeId, QStringLiteral("sv-test"), {}, inUse));
    if (!job)
        return {};
    if (!succeed(fast(new VolumeSnapshotStatusWaiter(connection, job->snapshot().id, std::chrono::seconds(20)))))
        return {};
    return job->snapshot().id;
}

QString availableVolume(Connection *connection, const VolumeCreateRequest &request)
{
    auto job = succeed(new CreateVolumeJob(connection, request));
    if (!job)
        return {};
    auto waiter = succeed(fast(new VolumeStatusWaiter(connection, job->volume().id, std::chrono::seconds(20))));
    return waiter && waiter->volume().status == QLatin1String("available") ? job->volume().id : QString();
}
} // namespace

class TestCreateVolumeJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void from_source_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("from a snapshot of an in-use volume") << QStringLiteral("snapshot");
        QTest::newRow("from an image") << QStringLiteral("image");
        QTest::newRow("blank") << QStringLiteral("blank");
    }
    void from_source()
    {
        QFETCH(QString, source);
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        VolumeCreateRequest request;
        request.name = QStringLiteral("sv-copy");
        request.sizeGb = 2;
        request.metadata = QJsonObject{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c1")}};
        QByteArray expectedSha;
        if (source == QLatin1String("snapshot")) {
            expectedSha = cloud->volumeDiskSha256(kDataVolume);
            request.snapshotId = snapshotOf(connection.get(), kDataVolume, true);
            QVERIFY(!request.snapshotId.isEmpty());
            // Written after the snapshot: the new volume must not see it.
            QVERIFY(cloud->writeVolumeDisk(kDataVolume, 4096, QByteArrayLiteral("after the snapshot")));
            QVERIFY(cloud->volumeDiskSha256(kDataVolume) != expectedSha);
        } else if (source == QLatin1String("image")) {
            request.imageId = testcloud::kCirrosImageId;
            expectedSha = cloud->imageSha256(testcloud::kCirrosImageId);
        }
        const QString id = availableVolume(connection.get(), request);
        QVERIFY(!id.isEmpty());
        if (!expectedSha.isEmpty())
            QCOMPARE(cloud->volumeDiskSha256(id), expectedSha);
        QVERIFY(cloud->leftoverVolumeIds().contains(id));

        auto remove = succeed(new DeleteVolumeJob(connection.get(), id));
        QVERIFY(remove);
        QTRY_VERIFY_WITH_TIMEOUT(cloud->volumeStatus(id).isEmpty(), 5000);
        QVERIFY2(succeed(new DeleteVolumeJob(connection.get(), id)), "a volume that is already gone counts as deleted");
        if (!request.snapshotId.isEmpty()) {
            QVERIFY(succeed(new DeleteVolumeSnapshotJob(connection.get(), request.snapshotId)));
            QTRY_VERIFY_WITH_TIMEOUT(cloud->leftoverSnapshotIds().isEmpty(), 5000);
        }
        QVERIFY(cloud->leftoverVolumeIds().isEmpty());
    }

    // What a backup does to read an attached volume: snapshot → temporary volume → image → bytes.
    void snapshot_volume_upload_chain_keeps_the_bytes()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        const QByteArray written = cloud->volumeDiskSha256(kDataVolume);
        VolumeCreateRequest request;
        request.name = QStringLiteral("sv-read");
        request.sizeGb = 2;
        request.snapshotId = snapshotOf(connection.get(), kDataVolume, true);
        QVERIFY(!request.snapshotId.isEmpty());
        const QString volume = availableVolume(connection.get(), request);
        QVERIFY(!volume.isEmpty());

        auto *upload = new UploadVolumeToImageJob(connection.get(), volume, QStringLiteral("stackvault-read"));
        upload->setVolumeName(QStringLiteral("web-data"));
        auto uploaded = succeed(upload);
        QVERIFY(uploaded);
        QVERIFY(!uploaded->imageId().isEmpty());
        QCOMPARE(uploaded->imageName(), QStringLiteral("stackvault-read"));
        auto image = succeed(fast(new ImageStatusWaiter(connection.get(), uploaded->imageId(), std::chrono::seconds(20))));
        QVERIFY(image);
        QCOMPARE(image->image().status, QStringLiteral("active"));
        QCOMPARE(image->image().diskFormat, QStringLiteral("raw"));
        QCOMPARE(cloud->imageSha256(uploaded->imageId()), written);
        // The volume is back to available once the upload finished, so it can be deleted.
        auto settled = succeed(fast(new VolumeStatusWaiter(connection.get(), volume, std::chrono::seconds(20))));
        QVERIFY(settled);

        QVERIFY(succeed(new DeleteImageJob(connection.get(), uploaded->imageId())));
        QVERIFY(succeed(new DeleteVolumeJob(connection.get(), volume)));
        QTRY_VERIFY_WITH_TIMEOUT(cloud->volumeStatus(volume).isEmpty(), 5000);
        QVERIFY(succeed(new DeleteVolumeSnapshotJob(connection.get(), request.snapshotId)));
        QTRY_VERIFY_WITH_TIMEOUT(cloud->leftoverSnapshotIds().isEmpty(), 5000);
        QVERIFY(cloud->leftoverVolumeIds().isEmpty());
        QVERIFY(cloud->leftoverImageIds().isEmpty());
    }

    void refusals_are_named()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        // Smaller than the snapshot's volume: Cinder answers 400.
        VolumeCreateRequest tooSmall;
        tooSmall.name = QStringLiteral("db-data");
        tooSmall.sizeGb = 1;
        tooSmall.snapshotId = snapshotOf(connection.get(), kDataVolume, true);
        QVERIFY(!tooSmall.snapshotId.isEmpty());
        std::unique_ptr<CreateVolumeJob> job(new CreateVolumeJob(connection.get(), tooSmall));
        const Error error = testcloud::run(job.get());
        QCOMPARE(error.kind, Error::Kind::BadRequest);
        QVERIFY2(error.message.startsWith(QLatin1String("The block storage service refused to create volume db-data: ")),
                 qPrintable(error.message));
        QCOMPARE(job->retryCount(), 0);
        QVERIFY(cloud->leftoverVolumeIds().isEmpty());

        // Waiting for a volume that does not exist fails at once, naming it.
        std::unique_ptr<VolumeStatusWaiter> waiter(
            fast(new VolumeStatusWaiter(connection.get(), QStringLiteral("00000000-0000-4000-8000-000000000000"), std::chrono::seconds(20))));
        waiter->setVolumeName(QStringLiteral("db-data"));
        const Error waited = testcloud::run(waiter.get());
        QCOMPARE(waited.kind, Error::Kind::WaitFailed);
        QCOMPARE(waited.message, QStringLiteral("Volume db-data disappeared while waiting for it to become available."));

        // An in-use volume cannot be uploaded without force (the reason backups upload a copy).
        std::unique_ptr<UploadVolumeToImageJob> upload(new UploadVolumeToImageJob(connection.get(), kDataVolume, QStringLiteral("x")));
        upload->setVolumeName(QStringLiteral("web-data"));
        const Error refused = testcloud::run(upload.get());
        QCOMPARE(refused.kind, Error::Kind::BadRequest);
        QVERIFY2(refused.message.startsWith(QLatin1String("The block storage service refused to copy volume web-data to an image: ")),
                 qPrintable(refused.message));
        QVERIFY(cloud->leftoverImageIds().isEmpty());
    }

    void volume_types()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto job = succeed(new ListVolumeTypesJob(connection.get()));
        QVERIFY(job);
        QStringList names;
        for (const VolumeType &type : job->types()) {
            QVERIFY(!type.id.isEmpty());
            names.append(type.name);
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("__DEFAULT__"), QStringLiteral("fast")}));
    }
};

QTEST_GUILESS_MAIN(TestCreateVolumeJob)
#include "tst_createvolumejob.moc"
