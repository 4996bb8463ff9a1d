// Restores against the fake cloud: properties survive, a restore into another project works, the
// pre-checks refuse clearly, and every failure removes what it half-made.
#include "bank/bank.h"
#include "cloudstate.h"
#include "openstack/connection.h"
#include "openstack/image/showimagejob.h"
#include "protectionfixture.h"

#include <QDirIterator>
#include <QFile>

#include <mutex>

using sv::JobOutcome;

class TestRestoreJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;
    QString checkpointId;

    // Shows an image with the client on this thread.
    sv::openstack::Image showImage(const std::shared_ptr<sv::openstack::Session> &session, const QString &id)
    {
        sv::openstack::Connection connection(session);
        auto *job = new sv::openstack::ShowImageJob(&connection, id);
        job->setAutoDelete(false);
        QSignalSpy done(job, &sv::openstack::ApiJob::finished);
        job->start();
        if (!done.wait(10000))
            return {};
        const auto image = job->image();
        delete job;
        return image;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start());
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message));
        checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
    }
    void cleanup() { f.reset(); }

    void bootCriticalPropertiesSurvive()
    {
        const sv::JobResult restore = f->run(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("r1"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        const auto image = showImage(f->session, restore.data.value(QStringLiteral("image_id")).toString());
        QCOMPARE(image.raw.value(QLatin1String("hw_firmware_type")).toString(), QStringLiteral("uefi"));
        QCOMPARE(image.raw.value(QLatin1String("hw_disk_bus")).toString(), QStringLiteral("scsi"));
        QCOMPARE(image.raw.value(QLatin1String("os_type")).toString(), QStringLiteral("linux"));
        // Nova sets a snapshot's min_disk to the flavor's root disk (m1.small: 20 GiB); it survives too.
        QCOMPARE(image.minDisk, 20);
        QCOMPARE(image.minRam, 512);
        QCOMPARE(image.diskFormat, QStringLiteral("qcow2"));
        // Nova's snapshot bookkeeping is not carried onto the restored image.
        QVERIFY(!image.raw.contains(QLatin1String("instance_uuid")));
    }

    // The zone and every chosen network reach Nova's create-server request (the fake records them).
    void availabilityZoneAndSeveralNetworksAreSent_data()
    {
        QTest::addColumn<QStringList>("networks");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QStringList>("expectedNetworks");
        QTest::addColumn<QString>("expectedZone");
        const QString privateNet = QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a001");
        const QString publicNet = QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a002");
        QTest::newRow("two networks by name, zone az-2")
            << QStringList{QStringLiteral("private"), QStringLiteral("public")} << QStringLiteral("az-2")
            << QStringList{privateNet, publicNet} << QStringLiteral("az-2");
        QTest::newRow("two networks by id, reversed")
            << QStringList{publicNet, privateNet} << QString() << QStringList{publicNet, privateNet} << QStringLiteral("nova");
        QTest::newRow("saved networks, no zone") << QStringList() << QString() << QStringList{privateNet} << QStringLiteral("nova");
        QTest::newRow("none") << QStringList{QStringLiteral("none")} << QStringLiteral("az-2") << QStringList()
                              << QStringLiteral("az-2");
    }
    void availabilityZoneAndSeveralNetworksAreSent()
    {
        QFETCH(QStringList, networks);
        QFETCH(QString, zone);
        QFETCH(QStringList, expectedNetworks);
        QFETCH(QString, expectedZone);
        sv::RestoreRequest request = f->restoreRequest(checkpointId, QStringLiteral("r-zone"));
        request.networks = networks;
        request.availabilityZone = zone;
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        const QString serverId = restore.data.value(QStringLiteral("server_id")).toString();
        std::lock_guard lock(f->cloud.state().mutex);
        const fake::Server server = f->cloud.state().servers.value(serverId);
        QCOMPARE(server.availabilityZone, expectedZone);
        QCOMPARE(server.networkIds, expectedNetworks);
    }

    // A zone the target does not have: Nova's refusal reaches the user, nothing is left behind.
    void unknownAvailabilityZoneIsRefused()
    {
        sv::RestoreRequest request = f->restoreRequest(checkpointId, QStringLiteral("r-nozone"));
        request.availabilityZone = QStringLiteral("az-9");
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QCOMPARE(restore.outcome, JobOutcome::Failed);
        const QString said = restore.message + QLatin1Char(' ') + restore.details;
        QVERIFY2(said.contains(QStringLiteral("The requested availability zone is not available")), qPrintable(said));
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
    }

    void restoreIntoAnotherProject()
    {
        // Another user and project stand in for "another cloud": only the session differs.
        sv::RestoreRequest request = f->restoreRequest(checkpointId, QStringLiteral("moved"));
        request.session = f->makeSession(QStringLiteral("alice"), QStringLiteral("other"), QStringLiteral("alice-password"));
        request.networks = {QStringLiteral("other-net")};
        request.keyName = QStringLiteral("alice-key");
        request.securityGroups = {QStringLiteral("default")};
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        QCOMPARE(f->cloud.serverDiskSha256(restore.data.value(QStringLiteral("server_id")).toString()),
                 f->cloud.serverDiskSha256(f->cloud.serverIdByName(QStringLiteral("web-1"))));
    }

    void prechecksRefuse_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("expected");
        QTest::newRow("flavor too small for min_ram") << "m1.micro" << "" << "" << "min_ram";
        QTest::newRow("unknown flavor") << "m9.huge" << "" << "" << "no flavor m9.huge";
        QTest::newRow("missing key pair") << "" << "nokey" << "" << "no key pair nokey";
        QTest::newRow("missing network") << "" << "" << "nonet" << "no network named nonet";
    }
    void prechecksRefuse()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, key);
        QFETCH(QString, network);
        QFETCH(QString, expected);
        sv::RestoreRequest request = f->restoreRequest(checkpointId, QStringLiteral("refused"));
        request.flavor = flavor;
        request.keyName = key;
        if (!network.isEmpty())
            request.networks = {network};
        const sv::JobResult result = f->run(new sv::RestoreJob(request));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
    }

    void uploadRefusedRemovesTheImage()
    {
        fake::FaultSpec tooLarge;
        tooLarge.kind = fake::Fault::TooLarge;
        tooLarge.method = QStringLiteral("PUT");
        f->cloud.injectFault(tooLarge);
        const sv::JobResult result = f->run(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("big"))));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY(!result.message.isEmpty());
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), "a failed restore left its image behind");
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
    }

    void damagedBackupStopsTheRestore()
    {
        // Flip one byte in one stored chunk.
        QDirIterator it(f->bank->location() + QStringLiteral("/chunks"), QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(it.hasNext());
        QFile chunk(it.next());
        QVERIFY(chunk.open(QIODevice::ReadWrite));
        chunk.seek(chunk.size() / 2);
        char byte = 0;
        chunk.getChar(&byte);
        chunk.seek(chunk.size() / 2);
        chunk.putChar(char(byte ^ 0x5a));
        chunk.close();
        const sv::JobResult result = f->run(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("bad"))));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(checkpointId) || result.details.contains(checkpointId), qPrintable(result.message));
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
    }

    void cancelDuringUploadCleansUp()
    {
        QSignalSpy finished(&f->manager, &sv::JobManager::jobFinished);
        bool cancelled = false;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&](int id, const sv::JobProgress &p) {
            if (!cancelled && (p.stage == sv::JobStage::Uploading || p.stage == sv::JobStage::WaitingForServer)) {
                cancelled = true;
                f->manager.cancel(id);
            }
        });
        f->manager.enqueue(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("cancelled"))));
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QCOMPARE(finished.constFirst().at(1).value<sv::JobResult>().outcome, JobOutcome::Cancelled);
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestoreJob)
#include "tst_restorejob.moc"
