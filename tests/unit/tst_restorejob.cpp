// Restores against the fake cloud: properties survive, a restore into another project works, the
// pre-checks refuse clearly, and every failure removes what it half-made. With saved volumes: each
// comes back byte for byte, attached in the saved device order, with its type mapped or defaulted; a
// boot-from-volume server boots from its restored root volume; volumes alone can be restored.
#include "bank/bank.h"
#include "cloudstate.h"
#include "openstack/connection.h"
#include "openstack/image/showimagejob.h"
#include "protectionfixture.h"
#include "volumecheckpoint.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTimer>

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

    // The saved volumes' types: "fast" exists in the fake cloud, "ceph-ssd" is mapped to "standard",
    // "gold" exists nowhere (the default type, with a warning).
    static void addVolumeTypes(QJsonObject &scenario)
    {
        QJsonArray types = scenario.value(QLatin1String("volume_types")).toArray();
        QSet<QString> names;
        for (const QJsonValue &type : std::as_const(types))
            names.insert(type[QLatin1String("name")].toString());
        for (const QString &name : {QStringLiteral("fast"), QStringLiteral("standard")}) {
            if (!names.contains(name))
                types.append(QJsonObject{{QStringLiteral("name"), name}});
        }
        scenario.insert(QStringLiteral("volume_types"), types);
    }

    // Two data volumes of web-1, listed out of their device order (the restore attaches /dev/vdb first).
    static QList<svtest::SavedVolume> dataVolumes()
    {
        svtest::SavedVolume c{QStringLiteral("0a0a0a0a-0000-4000-8000-0000000000dc"), QStringLiteral("data-c"),
                              QStringLiteral("/dev/vdc"), QStringLiteral("gold"), 2, -1,
                              svtest::generateImage(3 * 1024 * 1024 + 123, 31), {}};
        svtest::SavedVolume b{QStringLiteral("0a0a0a0a-0000-4000-8000-0000000000db"), QStringLiteral("data-b"),
                              QStringLiteral("/dev/vdb"), QStringLiteral("ceph-ssd"), 1, -1,
                              svtest::generateImage(2 * 1024 * 1024 + 7, 32), {}};
        return {c, b};
    }

    // web-1's root volume as if it had booted from a volume (of type "fast"), and one data volume.
    static QList<svtest::SavedVolume> bootVolumes()
    {
        svtest::SavedVolume root{QStringLiteral("0a0a0a0a-0000-4000-8000-0000000000da"), QStringLiteral("root-vol"),
                                 QStringLiteral("/dev/vda"), QStringLiteral("fast"), 1, 0,
                                 svtest::generateImage(4 * 1024 * 1024, 41),
                                 QJsonObject{{QStringLiteral("hw_disk_bus"), QStringLiteral("virtio")},
                                             {QStringLiteral("os_type"), QStringLiteral("linux")},
                                             {QStringLiteral("min_ram"), QStringLiteral("256")},
                                             {QStringLiteral("image_name"), QStringLiteral("cirros-0.6.2")}}};
        return {root, dataVolumes().constLast()};
    }

    // A checkpoint of web-1 (its server, and its image unless it booted from a volume) with `volumes`.
    QString volumeCheckpoint(const QList<svtest::SavedVolume> &volumes, bool bootFromVolume)
    {
        sv::CheckpointIndex base;
        sv::BankError error;
        if (!f->bank->checkpoint(checkpointId, &base, &error))
            return {};
        const QString id = svtest::writeVolumeCheckpoint(*f->bank, base, volumes, bootFromVolume, &error);
        if (id.isEmpty())
            qWarning() << error.message;
        return id;
    }

    static QByteArray sha256(const QByteArray &bytes)
    {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    }

    // The restored volumes of a result, by their saved name.
    static QHash<QString, QVariantMap> restoredVolumes(const sv::JobResult &result)
    {
        QHash<QString, QVariantMap> byName;
        for (const QVariant &volume : result.data.value(QStringLiteral("volumes")).toList())
            byName.insert(volume.toMap().value(QStringLiteral("name")).toString(), volume.toMap());
        return byName;
    }

    sv::RestoreRequest otherProjectRequest(const QString &checkpoint, const QString &name)
    {
        sv::RestoreRequest request = f->restoreRequest(checkpoint, name);
        request.session = f->makeSession(QStringLiteral("alice"), QStringLiteral("other"), QStringLiteral("alice-password"));
        request.networks = {QStringLiteral("other-net")};
        request.keyName = QStringLiteral("alice-key");
        request.securityGroups = {QStringLiteral("default")};
        return request;
    }

    // Nothing this restore made is left in the cloud, nor named in the bank's journal.
    void verifyNothingLeft()
    {
        QTRY_VERIFY2_WITH_TIMEOUT(f->cloud.leftoverVolumeIds().isEmpty(),
                                  qPrintable(f->cloud.leftoverVolumeIds().join(QLatin1Char(' '))), 10000);
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), qPrintable(f->cloud.leftoverImageIds().join(QLatin1Char(' '))));
        QVERIFY2(f->cloud.leftoverServerIds().isEmpty(), qPrintable(f->cloud.leftoverServerIds().join(QLatin1Char(' '))));
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        QVERIFY(f->bank->journalEntries(&entries, &error));
        QVERIFY2(entries.isEmpty(), qPrintable(entries.isEmpty() ? QString() : entries.constFirst().kind));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start(addVolumeTypes));
        // Without its volume: the tests below restore a checkpoint as they were before volumes.
        sv::BackupRequest request = f->backupRequest(QStringLiteral("web-1"), true);
        request.volumes = sv::VolumeSelection::none();
        const sv::JobResult backup = f->run(new sv::BackupJob(request));
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
        // Flip one byte in one stored chunk (in a new bank: in the middle of a pack, inside a blob).
        QDirIterator it(f->bank->location() + (f->bank->packStore() ? QStringLiteral("/packs") : QStringLiteral("/chunks")),
                        QDir::Files, QDirIterator::Subdirectories);
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

    // A root image and two data volumes into another project: every byte as saved, the device order
    // kept, one type mapped and one defaulted with a warning.
    void restoreWithVolumesIntoAnotherProject()
    {
        const QList<svtest::SavedVolume> saved = dataVolumes();
        const QString id = volumeCheckpoint(saved, false);
        QVERIFY(!id.isEmpty());
        sv::RestoreRequest request = otherProjectRequest(id, QStringLiteral("moved-with-volumes"));
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("standard"));
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        const QString serverId = restore.data.value(QStringLiteral("server_id")).toString();
        QCOMPARE(f->cloud.serverDiskSha256(serverId), f->cloud.serverDiskSha256(f->cloud.serverIdByName(QStringLiteral("web-1"))));

        const auto volumes = restoredVolumes(restore);
        QCOMPARE(volumes.size(), 2);
        const QVariantMap b = volumes.value(QStringLiteral("data-b"));
        const QVariantMap c = volumes.value(QStringLiteral("data-c"));
        QCOMPARE(f->cloud.volumeDiskSha256(b.value(QStringLiteral("id")).toString()), sha256(saved.at(1).bytes));
        QCOMPARE(f->cloud.volumeDiskSha256(c.value(QStringLiteral("id")).toString()), sha256(saved.at(0).bytes));
        // Attached in the saved device order: data-b (/dev/vdb) first.
        QCOMPARE(b.value(QStringLiteral("device")).toString(), QStringLiteral("/dev/vdb"));
        QCOMPARE(c.value(QStringLiteral("device")).toString(), QStringLiteral("/dev/vdc"));
        {
            std::lock_guard lock(f->cloud.state().mutex);
            const fake::Server server = f->cloud.state().servers.value(serverId);
            QCOMPARE(server.volumeIds, (QStringList{b.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("id")).toString()}));
            const fake::Volume volumeB = f->cloud.state().volumes.value(b.value(QStringLiteral("id")).toString());
            QCOMPARE(volumeB.status, QStringLiteral("in-use"));
            QCOMPARE(volumeB.projectId, server.projectId);
            QCOMPARE(volumeB.sizeGiB, 1);
            QCOMPARE(f->cloud.state().volumes.value(c.value(QStringLiteral("id")).toString()).sizeGiB, 2);
            QCOMPARE(volumeB.name, QStringLiteral("data-b"));
        }
        // ceph-ssd was mapped to standard; gold does not exist there: the default type, and a warning.
        QCOMPARE(b.value(QStringLiteral("volume_type")).toString(), QStringLiteral("standard"));
        QCOMPARE(c.value(QStringLiteral("volume_type")).toString(), QStringLiteral("__DEFAULT__"));
        const QStringList warnings = restore.data.value(QStringLiteral("warnings")).toStringList();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.constFirst().contains(QStringLiteral("data-c")) && warnings.constFirst().contains(QStringLiteral("gold"))
                     && warnings.constFirst().contains(QStringLiteral("__DEFAULT__")),
                 qPrintable(warnings.constFirst()));
        QVERIFY2(restore.message.contains(QStringLiteral("Warning: ") + warnings.constFirst()), qPrintable(restore.message));
        // What is left is what was restored; the temporary images are gone; the journal is empty.
        QCOMPARE(f->cloud.leftoverImageIds(), QStringList{restore.data.value(QStringLiteral("image_id")).toString()});
        QCOMPARE(f->cloud.leftoverServerIds(), QStringList{serverId});
        const QStringList leftoverVolumes = f->cloud.leftoverVolumeIds();
        QCOMPARE(QSet<QString>(leftoverVolumes.cbegin(), leftoverVolumes.cend()),
                 (QSet<QString>{b.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("id")).toString()}));
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        QVERIFY(f->bank->journalEntries(&entries, &error));
        QVERIFY(entries.isEmpty());
    }

    // The whole round trip through a real backup: data written after boot into web-1's root disk and
    // into its volume web-data comes back in another project, the volume attached where it was.
    void backupAndRestoreWithVolumeRoundTrip()
    {
        const QString web1 = f->cloud.serverIdByName(QStringLiteral("web-1"));
        const QString webData = f->cloud.volumeIdByName(QStringLiteral("web-data"));
        QVERIFY(f->cloud.writeServerDisk(web1, 2 * 1024 * 1024, QByteArrayLiteral("root disk, written after boot")));
        QVERIFY(f->cloud.writeVolumeDisk(webData, 512 * 1024, QByteArrayLiteral("a database page, written after boot")));
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const QString id = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        const sv::JobResult restore = f->run(new sv::RestoreJob(otherProjectRequest(id, QStringLiteral("web-1-moved"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        QCOMPARE(f->cloud.serverDiskSha256(restore.data.value(QStringLiteral("server_id")).toString()), f->cloud.serverDiskSha256(web1));
        const QVariantMap volume = restoredVolumes(restore).value(QStringLiteral("web-data"));
        QCOMPARE(f->cloud.volumeDiskSha256(volume.value(QStringLiteral("id")).toString()), f->cloud.volumeDiskSha256(webData));
        QCOMPARE(volume.value(QStringLiteral("device")).toString(), volume.value(QStringLiteral("saved_device")).toString());
        QCOMPARE(f->cloud.volumeStatus(volume.value(QStringLiteral("id")).toString()), QStringLiteral("in-use"));
    }

    // bfv-1 boots from the volume bfv-root: backed up and restored, the new server boots from a new
    // volume holding the same bytes.
    void backupAndRestoreBootFromVolumeRoundTrip()
    {
        const QString bfv1 = f->cloud.serverIdByName(QStringLiteral("bfv-1"));
        QVERIFY(f->cloud.writeServerDisk(bfv1, 1024 * 1024, QByteArrayLiteral("written to the boot volume after boot")));
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("bfv-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const QString id = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        const sv::JobResult restore = f->run(new sv::RestoreJob(f->restoreRequest(id, QStringLiteral("bfv-1-restored"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        const QString serverId = restore.data.value(QStringLiteral("server_id")).toString();
        QCOMPARE(f->cloud.serverDiskSha256(serverId), f->cloud.serverDiskSha256(bfv1));
        QVERIFY(!restore.data.contains(QStringLiteral("image_id")));
        std::lock_guard lock(f->cloud.state().mutex);
        const fake::Server server = f->cloud.state().servers.value(serverId);
        QVERIFY(server.imageId.isEmpty());
        QCOMPARE(server.volumeIds.size(), 1);
        QVERIFY(f->cloud.state().volumes.value(server.volumeIds.constFirst()).metadata.contains(QLatin1String("stackvault_restore_job")));
    }

    // A boot-from-volume server boots from its restored root volume (no image), then gets its data volume.
    void bootFromVolumeRestore()
    {
        const QList<svtest::SavedVolume> saved = bootVolumes();
        const QString id = volumeCheckpoint(saved, true);
        QVERIFY(!id.isEmpty());
        sv::RestoreRequest request = f->restoreRequest(id, QStringLiteral("bfv-restored"));
        request.flavor = QStringLiteral("m1.tiny"); // a 1 GiB root disk: not checked for a volume-booted server
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        QVERIFY(!restore.data.contains(QStringLiteral("image_id")));
        const QString serverId = restore.data.value(QStringLiteral("server_id")).toString();
        const auto volumes = restoredVolumes(restore);
        const QString rootId = volumes.value(QStringLiteral("root-vol")).value(QStringLiteral("id")).toString();
        const QString dataId = volumes.value(QStringLiteral("data-b")).value(QStringLiteral("id")).toString();
        QVERIFY2(restore.message.contains(rootId), qPrintable(restore.message));
        QCOMPARE(f->cloud.volumeDiskSha256(rootId), sha256(saved.at(0).bytes));
        QCOMPARE(f->cloud.serverDiskSha256(serverId), sha256(saved.at(0).bytes));
        QCOMPARE(f->cloud.volumeDiskSha256(dataId), sha256(saved.at(1).bytes));
        QCOMPARE(volumes.value(QStringLiteral("root-vol")).value(QStringLiteral("volume_type")).toString(), QStringLiteral("fast"));
        std::lock_guard lock(f->cloud.state().mutex);
        const fake::Server server = f->cloud.state().servers.value(serverId);
        QVERIFY(server.imageId.isEmpty());
        QCOMPARE(server.volumeIds, (QStringList{rootId, dataId}));
        const fake::Volume root = f->cloud.state().volumes.value(rootId);
        QVERIFY(root.bootable);
        // The saved volume_image_metadata came back through the temporary image.
        QCOMPARE(root.imageMetadata.value(QLatin1String("hw_disk_bus")).toString(), QStringLiteral("virtio"));
        QVERIFY(!server.deleteOnTermination.contains(rootId));
        // Only the restored server's volumes remain; no temporary image.
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
    }

    void volumesOnlyRestore()
    {
        const QList<svtest::SavedVolume> saved = dataVolumes();
        const QString id = volumeCheckpoint(saved, false);
        QVERIFY(!id.isEmpty());
        sv::RestoreRequest request = otherProjectRequest(id, {});
        request.restoreServer = false;
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("fast"));
        const sv::JobResult restore = f->run(new sv::RestoreJob(request));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        QVERIFY(!restore.data.contains(QStringLiteral("server_id")));
        QVERIFY(f->cloud.leftoverServerIds().isEmpty());
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        const auto volumes = restoredVolumes(restore);
        QCOMPARE(volumes.size(), 2);
        for (const svtest::SavedVolume &volume : saved) {
            const QString restoredId = volumes.value(volume.name).value(QStringLiteral("id")).toString();
            QCOMPARE(f->cloud.volumeDiskSha256(restoredId), sha256(volume.bytes));
            QCOMPARE(f->cloud.volumeStatus(restoredId), QStringLiteral("available"));
            QVERIFY(volumes.value(volume.name).value(QStringLiteral("device")).toString().isEmpty());
        }
        QCOMPARE(volumes.value(QStringLiteral("data-b")).value(QStringLiteral("volume_type")).toString(), QStringLiteral("fast"));
        QVERIFY2(restore.message.startsWith(QStringLiteral("Restored 2 volumes in cloud fake-other")), qPrintable(restore.message));
    }

    void volumePrechecksRefuse_data()
    {
        QTest::addColumn<bool>("restoreServer");
        QTest::addColumn<bool>("withVolumes");
        QTest::addColumn<QString>("savedType");
        QTest::addColumn<QString>("targetType");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mapped to a type the target lacks") << true << true << "ceph-ssd" << "platinum"
                                                            << "has no volume type platinum (chosen for volume data-b";
        QTest::newRow("mapping a type the backup lacks") << true << true << "silver" << "fast"
                                                          << "has no volume of type silver";
        QTest::newRow("volumes only, backup without volumes") << false << false << "" << "" << "holds no volumes to restore";
    }
    void volumePrechecksRefuse()
    {
        QFETCH(bool, restoreServer);
        QFETCH(bool, withVolumes);
        QFETCH(QString, savedType);
        QFETCH(QString, targetType);
        QFETCH(QString, expected);
        // checkpointId: web-1 backed up without its volume (init()).
        const QString id = withVolumes ? volumeCheckpoint(dataVolumes(), false) : checkpointId;
        QVERIFY(!id.isEmpty());
        sv::RestoreRequest request = f->restoreRequest(id, QStringLiteral("refused"));
        request.restoreServer = restoreServer;
        if (!savedType.isEmpty())
            request.volumeTypes.insert(savedType, targetType);
        const sv::JobResult result = f->run(new sv::RestoreJob(request));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        verifyNothingLeft();
    }

    // A fault at each volume step: the message names the volume, and nothing is left behind.
    void volumeFailureRemovesEverything_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        const QString volumes = QStringLiteral("^/volume/v3/[^/]+/volumes$");
        QTest::newRow("503 creating a volume") << int(fake::Fault::Unavailable) << "POST" << volumes << 20
                                               << "Volume data-b could not be restored (creating it)";
        QTest::newRow("upload of a volume's bytes refused") << int(fake::Fault::TooLarge) << "PUT" << "/file$" << 1
                                                            << "Volume data-b could not be restored";
        QTest::newRow("503 attaching") << int(fake::Fault::Unavailable) << "POST" << "/os-volume_attachments$" << 20
                                       << "Volume data-b could not be restored (attaching it to server with-volumes)";
    }
    void volumeFailureRemovesEverything()
    {
        QFETCH(int, kind);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, count);
        QFETCH(QString, expected);
        const QString id = volumeCheckpoint(dataVolumes(), false);
        QVERIFY(!id.isEmpty());
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Kind(kind);
        fault.method = method;
        fault.path = path;
        fault.count = count;
        fault.retryAfter = 0;
        f->cloud.injectFault(fault);
        sv::RestoreRequest request = f->restoreRequest(id, QStringLiteral("with-volumes"));
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("standard"));
        const sv::JobResult result = f->run(new sv::RestoreJob(request), 120000);
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message + QLatin1Char(' ') + result.details));
        f->cloud.clearFaults();
        verifyNothingLeft();
    }

    // Cinder gives up on a volume (status `error`, as when no back end has room): the message names it,
    // and the failed volume is deleted with everything else.
    void volumeEndingInErrorIsRemoved()
    {
        const QString id = volumeCheckpoint(dataVolumes(), false);
        QVERIFY(!id.isEmpty());
        // The fake cloud never fails a volume by itself: the first restored volume still `creating` is
        // turned to `error`.
        QString failed;
        QTimer breaker;
        QObject::connect(&breaker, &QTimer::timeout, &breaker, [&] {
            std::lock_guard lock(f->cloud.state().mutex);
            for (fake::Volume &volume : f->cloud.state().volumes) {
                if (failed.isEmpty() && volume.status == QLatin1String("creating")
                    && volume.metadata.contains(QLatin1String("stackvault_restore_job"))) {
                    volume.status = QStringLiteral("error");
                    volume.nextStatus.clear();
                    volume.nextAt = QDateTime();
                    failed = volume.name;
                }
            }
        });
        breaker.start(5);
        sv::RestoreRequest request = f->restoreRequest(id, QStringLiteral("with-volumes"));
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("standard"));
        const sv::JobResult result = f->run(new sv::RestoreJob(request));
        breaker.stop();
        QCOMPARE(failed, QStringLiteral("data-b"));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.startsWith(QStringLiteral("The restored volume data-b went into status error in cloud fake-demo; it was "
                                                          "removed.")),
                 qPrintable(result.message));
        verifyNothingLeft();
    }

    // The project "other" has no volumes; its quota fits data-b (1 GiB, first) but not data-c (2 GiB).
    // Read from Cinder's limits before anything is made; where they cannot be read, Cinder's 413 on the
    // create says it, and data-b is removed again.
    void quotaStopsTheRestore_data()
    {
        QTest::addColumn<int>("volumes");
        QTest::addColumn<int>("gigabytes");
        QTest::addColumn<bool>("limitsReadable");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gigabytes, checked first")
            << -1 << 2 << true
            << "Cloud fake-other has no room for volume data-c (2 GiB): the project's volume quota is 2 GiB, 0 GiB are "
               "in use, and this restore makes 1 GiB before it.";
        QTest::newRow("number of volumes, checked first")
            << 1 << -1 << true
            << "Cloud fake-other has no room for volume data-c: the project may have 1 volumes, it has 0, and this "
               "restore makes 1 before it.";
        QTest::newRow("gigabytes, Cinder's 413")
            << -1 << 2 << false
            << "Cloud fake-other refused to create volume data-c (2 GiB): the project is over its volume quota.";
    }
    void quotaStopsTheRestore()
    {
        QFETCH(int, volumes);
        QFETCH(int, gigabytes);
        QFETCH(bool, limitsReadable);
        QFETCH(QString, expected);
        const QString id = volumeCheckpoint(dataVolumes(), false);
        QVERIFY(!id.isEmpty());
        {
            std::lock_guard lock(f->cloud.state().mutex);
            f->cloud.state().settings.quotaVolumes = volumes;
            f->cloud.state().settings.quotaGigabytes = gigabytes;
        }
        if (!limitsReadable) {
            fake::FaultSpec fault;
            fault.kind = fake::Fault::Unavailable;
            fault.method = QStringLiteral("GET");
            fault.path = QStringLiteral("/limits$");
            fault.count = 20;
            fault.retryAfter = 0;
            f->cloud.injectFault(fault);
        }
        sv::RestoreRequest request = otherProjectRequest(id, QStringLiteral("over-quota"));
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("standard"));
        const QList<fake::RequestRecord> before = f->cloud.requestLog();
        const sv::JobResult result = f->run(new sv::RestoreJob(request));
        f->cloud.clearFaults();
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.startsWith(expected), qPrintable(result.message));
        if (limitsReadable) {
            // Refused before anything was made: no image, no volume was even asked for.
            const QList<fake::RequestRecord> log = f->cloud.requestLog();
            for (qsizetype i = before.size(); i < log.size(); ++i)
                QVERIFY2(log.at(i).method != QLatin1String("POST")
                             || (!log.at(i).path.contains(QLatin1String("/volume")) && !log.at(i).path.endsWith(QLatin1String("/images"))),
                         qPrintable(log.at(i).path));
        }
        verifyNothingLeft();
    }

    void cancelDuringVolumeStepsCleansUp_data()
    {
        QTest::addColumn<int>("stage");
        QTest::newRow("creating a volume") << int(sv::JobStage::CreatingVolume);
        QTest::newRow("attaching volumes") << int(sv::JobStage::AttachingVolumes);
    }
    void cancelDuringVolumeStepsCleansUp()
    {
        QFETCH(int, stage);
        const QString id = volumeCheckpoint(dataVolumes(), false);
        QVERIFY(!id.isEmpty());
        QSignalSpy finished(&f->manager, &sv::JobManager::jobFinished);
        bool cancelled = false;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&](int job, const sv::JobProgress &p) {
            if (!cancelled && int(p.stage) == stage) {
                cancelled = true;
                f->manager.cancel(job);
            }
        });
        sv::RestoreRequest request = f->restoreRequest(id, QStringLiteral("cancelled"));
        request.volumeTypes.insert(QStringLiteral("ceph-ssd"), QStringLiteral("standard"));
        f->manager.enqueue(new sv::RestoreJob(request));
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QCOMPARE(finished.constFirst().at(1).value<sv::JobResult>().outcome, JobOutcome::Cancelled);
        verifyNothingLeft();
    }
};

QTEST_GUILESS_MAIN(TestRestoreJob)
#include "tst_restorejob.moc"
