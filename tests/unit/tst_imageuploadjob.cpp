// Restore path: create an image record, stream bytes from a producer, PATCH properties, delete.
#include "openstacktestcloud.h"

#include "openstack/image/createimagejob.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imageuploadjob.h"
#include "openstack/image/producerdevice.h"
#include "openstack/image/showimagejob.h"
#include "openstack/image/updateimagejob.h"

#include <QCryptographicHash>

using namespace sv::openstack;

class TestImageUploadJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void create_upload_patch_delete()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));

        auto *create = new CreateImageJob(connection.get(),
                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("restored")},
                                                      {QStringLiteral("disk_format"), QStringLiteral("raw")},
                                                      {QStringLiteral("container_format"), QStringLiteral("bare")},
                                                      {QStringLiteral("hw_firmware_type"), QStringLiteral("uefi")}});
        QVERIFY(testcloud::run(create).isOk());
        const QString imageId = create->image().id;
        QCOMPARE(create->image().status, QStringLiteral("queued"));

        // 5 MiB + 3 bytes from a producer handing out 64 KiB blocks: never all in memory.
        const qint64 size = 5 * 1024 * 1024 + 3;
        qint64 produced = 0;
        QCryptographicHash md5(QCryptographicHash::Md5);
        ProducerDevice source(
            [&](QByteArray *block) {
                const qint64 n = std::min<qint64>(64 * 1024, size - produced);
                block->resize(n);
                for (qint64 i = 0; i < n; ++i)
                    (*block)[i] = char((produced + i) * 7 % 251);
                md5.addData(*block);
                produced += n;
                return true;
            },
            size);
        auto *upload = new ImageUploadJob(connection.get(), imageId, &source, size);
        qint64 lastProgress = 0;
        connect(upload, &ImageUploadJob::progress, this, [&](qint64 sent, qint64) { lastProgress = sent; });
        const Error uploaded = testcloud::run(upload);
        QVERIFY2(uploaded.isOk(), qPrintable(uploaded.message));
        QCOMPARE(produced, size);
        QCOMPARE(lastProgress, size);

        auto *show = new ShowImageJob(connection.get(), imageId);
        QVERIFY(testcloud::run(show).isOk());
        QCOMPARE(show->image().size, size);
        QCOMPARE(show->image().checksum.toLatin1(), md5.result().toHex());

        auto *patch = new UpdateImageJob(connection.get(), imageId);
        patch->setProperty(QStringLiteral("stackvault_restored_from"), QStringLiteral("checkpoint-1"));
        patch->setProperty(QStringLiteral("min_disk"), 2);
        const Error patched = testcloud::run(patch);
        QVERIFY2(patched.isOk(), qPrintable(patched.message));
        QCOMPARE(patch->image().raw.value(QLatin1String("stackvault_restored_from")).toString(), QStringLiteral("checkpoint-1"));
        QCOMPARE(patch->image().minDisk, 2);

        auto *remove = new DeleteImageJob(connection.get(), imageId);
        QVERIFY(testcloud::run(remove).isOk());
        auto *again = new DeleteImageJob(connection.get(), imageId);
        QVERIFY2(testcloud::run(again).isOk(), "deleting a gone image counts as done");
        QVERIFY(cloud->imageStatus(imageId).isEmpty() || cloud->imageStatus(imageId) == QLatin1String("deleted"));
        for (QObject *job : std::initializer_list<QObject *>{create, upload, show, patch, remove, again})
            delete job;
    }
};

QTEST_GUILESS_MAIN(TestImageUploadJob)
#include "tst_imageuploadjob.moc"
