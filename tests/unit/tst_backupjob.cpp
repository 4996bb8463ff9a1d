// The seed's claim end to end over real HTTP against the fake cloud: a backup with the server's data
// restores a disk holding what users wrote after boot; with the option off, only the original image.
#include "literals.h"
#include "bank/bank.h"
#include "bank/imagereader.h"
#include "protection/checkpointdetails.h"
#include "protection/resource.h"
#include "protectionfixture.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

using sv::JobOutcome;

using svtest::names;

class TestBackupJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;
    QString web1;

    sv::CheckpointIndex checkpoint(const QString &id)
    {
        sv::CheckpointIndex index;
        sv::BankError error;
        if (!f->bank->checkpoint(id, &index, &error))
            qWarning() << error.message;
        return index;
    }

    // The backup of web-1's root disk alone (the volume tests below cover the volumes).
    sv::BackupRequest rootOnly(const QString &server, bool withData)
    {
        sv::BackupRequest request = f->backupRequest(server, withData);
        request.volumes = sv::VolumeSelection::none();
        return request;
    }

    // SHA-256 (hex) of the bytes the bank holds for `record`, read back through the bank's ImageReader.
    QByteArray storedSha256(const sv::ImageRecord &record)
    {
        sv::ImageReader reader(f->bank.get(), record);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray block;
        while (reader.next(&block))
            hash.addData(block);
        if (reader.error().isError())
            qWarning() << reader.error().message;
        return reader.error().isError() ? QByteArray() : hash.result().toHex();
    }

    // What the backups made in the cloud and did not delete: images, volumes, Cinder snapshots.
    QStringList leftovers()
    {
        QStringList all;
        for (const QString &id : f->cloud.leftoverImageIds())
            all.append(QStringLiteral("image ") + id);
        for (const QString &id : f->cloud.leftoverVolumeIds())
            all.append(QStringLiteral("volume ") + id);
        for (const QString &id : f->cloud.leftoverSnapshotIds())
            all.append(QStringLiteral("snapshot ") + id);
        return all;
    }

    // Nothing the backup made is left: Cinder deletes a snapshot or a volume a moment after it accepted
    // the request, so what is still being deleted gets a few seconds.
    void noLeftovers()
    {
        QTRY_VERIFY2_WITH_TIMEOUT(leftovers().isEmpty(), qPrintable(leftovers().join(QStringLiteral(", "))), 5000);
    }

    QList<sv::JournalEntry> journal()
    {
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        if (!f->bank->journalEntries(&entries, &error))
            qWarning() << error.message;
        return entries;
    }

    // web-1 gets a second data volume, web-logs (1 GiB, some bytes written), after web-data.
    // `settings` are merged into the scenario's.
    void startWithTwoVolumes(const QJsonObject &settings = {})
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start([settings](QJsonObject &scenario) {
            QJsonObject merged = scenario.value(QLatin1String("settings")).toObject();
            for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
                merged.insert(it.key(), it.value());
            scenario.insert(QStringLiteral("settings"), merged);
            QJsonArray volumes = scenario.value(QLatin1String("volumes")).toArray();
            volumes.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("web-logs")},
                                       {QStringLiteral("project"), QStringLiteral("demo")},
                                       {QStringLiteral("user"), QStringLiteral("demo")},
                                       {QStringLiteral("size"), 1},
                                       {QStringLiteral("volume_type"), QStringLiteral("fast")},
                                       {QStringLiteral("writes"), QJsonArray{QJsonObject{{QStringLiteral("offset"), 0},
                                                                                         {QStringLiteral("text"), QStringLiteral("log line\n")}}}}});
            scenario.insert(QStringLiteral("volumes"), volumes);
            QJsonArray servers = scenario.value(QLatin1String("servers")).toArray();
            QJsonObject web = servers.at(0).toObject();
            web.insert(QStringLiteral("volumes"), QJsonArray{QStringLiteral("web-data"), QStringLiteral("web-logs")});
            servers.replace(0, web);
            scenario.insert(QStringLiteral("servers"), servers);
        }));
        web1 = f->cloud.serverIdByName(QStringLiteral("web-1"));
    }

    static const sv::ProtectedResource *resource(const sv::CheckpointIndex &index, const char *type, const QString &id)
    {
        for (const auto &r : index.resources) {
            if (r.type == QLatin1String(type) && (id.isEmpty() || r.id == id))
                return &r;
        }
        return nullptr;
    }

    QStringList availableCheckpoints()
    {
        QList<sv::CheckpointSummary> list;
        sv::BankError error;
        f->bank->listCheckpoints(&list, &error);
        QStringList ids;
        for (const auto &c : list) {
            if (c.status == QLatin1String("available"))
                ids.append(c.id);
        }
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start());
        web1 = f->cloud.serverIdByName(QStringLiteral("web-1"));
        QVERIFY(!web1.isEmpty());
    }
    void cleanup() { f.reset(); }

    void seedClaimRoundTrip_data()
    {
        QTest::addColumn<bool>("includeData");
        QTest::newRow("enable_server_snapshot on") << true;
        QTest::newRow("enable_server_snapshot off") << false;
    }
    void seedClaimRoundTrip()
    {
        QFETCH(bool, includeData);
        const QByteArray userData = "data the users of web-1 wrote after boot, " + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY(f->cloud.writeServerDisk(web1, 2 * 1024 * 1024 + 17, userData));
        const QByteArray currentDisk = f->cloud.serverDiskSha256(web1);
        const QByteArray originalImage = f->cloud.imageSha256(f->cloud.imageIdByName(QStringLiteral("ubuntu-22.04")));
        QVERIFY(currentDisk != originalImage);

        const sv::JobResult backup = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), includeData)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), "the temporary snapshot was left behind");
        const QString checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        QVERIFY(availableCheckpoints().contains(checkpointId));

        const sv::CheckpointIndex index = checkpoint(checkpointId);
        QCOMPARE(index.options.value(QLatin1String("include_data")).toBool(), includeData);
        // ubuntu has hw_qemu_guest_agent=yes: a snapshot asked Nova to freeze; no snapshot: the original image.
        QCOMPARE(index.consistency, includeData ? QStringLiteral("quiesce-requested") : QStringLiteral("original-image"));
        // What the front ends read back (CheckpointDetails): the cloud the wizard defaults to, and the
        // attached volume that is not in the backup (--volumes none), by name.
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        QCOMPARE(details.cloud, f->session->profile().name);
        QCOMPARE(details.includeData, includeData);
        QCOMPARE(details.consistency, includeData ? sv::Consistency::QuiesceRequested : sv::Consistency::OriginalImage);
        const QString webData = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");
        QCOMPARE(details.volumesNotIncluded, (QList<sv::VolumeNotIncluded>{{webData, QStringLiteral("web-data")}}));
        QVERIFY2(backup.message.contains(QStringLiteral("Attached volumes NOT included in this backup: web-data.")),
                 qPrintable(backup.message));
        QVERIFY(details.volumes.isEmpty());
        QCOMPARE(index.options.value(QLatin1String("volumes")).toString(), QStringLiteral("none"));
        QCOMPARE(backup.data.value(QStringLiteral("volumes_not_included")).toStringList(), QStringList{QStringLiteral("web-data")});
        if (includeData)
            QVERIFY2(backup.message.contains(QStringLiteral("quiesce requested")), qPrintable(backup.message));
        const sv::ProtectedResource *image = nullptr;
        for (const auto &resource : index.resources) {
            if (resource.image)
                image = &resource;
        }
        QVERIFY(image);
        QCOMPARE(image->extraInfo.value(QLatin1String("server_id")).toString(), web1);
        QCOMPARE(image->metadata.value(QLatin1String("from_server_snapshot")).toBool(), includeData);

        const sv::JobResult restore = f->run(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("web-1-back"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        const QString restored = restore.data.value(QStringLiteral("server_id")).toString();
        QVERIFY(!restored.isEmpty());
        const QByteArray restoredDisk = f->cloud.serverDiskSha256(restored);
        if (includeData) {
            QCOMPARE(restoredDisk, currentDisk); // user data present
            QCOMPARE(f->cloud.readServerDisk(restored, 2 * 1024 * 1024 + 17, userData.size()), userData);
        } else {
            QCOMPARE(restoredDisk, originalImage); // user data absent
        }
        QCOMPARE(f->cloud.leftoverServerIds(), QStringList{restored});
        QCOMPARE(f->cloud.leftoverImageIds(), QStringList{restore.data.value(QStringLiteral("image_id")).toString()});
    }

    // A server without attached volumes and without the guest agent (cirros): crash-consistent, nothing
    // said about volumes.
    void crashConsistentWithoutGuestAgent()
    {
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("db-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const sv::CheckpointIndex index = checkpoint(backup.data.value(QStringLiteral("checkpoint_id")).toString());
        QCOMPARE(index.consistency, QStringLiteral("crash-consistent"));
        QVERIFY(sv::CheckpointDetails::fromIndex(index).volumesNotIncluded.isEmpty());
        QVERIFY2(!backup.message.contains(QStringLiteral("NOT included")), qPrintable(backup.message));
        QVERIFY2(backup.message.contains(QStringLiteral("crash-consistent")), qPrintable(backup.message));
    }

    // The plan name (session 8 contract, item 1): recorded in the index and listed; empty by hand.
    void planNameOnTheCheckpoint_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::newRow("by hand") << QString();
        QTest::newRow("a plan's run") << QStringLiteral("nightly-prod");
    }

    void planNameOnTheCheckpoint()
    {
        QFETCH(QString, plan);
        auto *job = new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true));
        job->setPlanName(plan);
        QCOMPARE(job->planName(), plan);
        const sv::JobResult backup = f->run(job);
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const QString id = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        QCOMPARE(checkpoint(id).plan, plan);
        QList<sv::CheckpointSummary> list;
        sv::BankError error;
        QVERIFY2(f->bank->listCheckpoints(&list, &error), qPrintable(error.message));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.constFirst().id, id);
        QCOMPARE(list.constFirst().plan, plan);
    }

    // Cinder cannot show the volume: the backup goes on and names it by id.
    void attachedVolumeNamedByIdWhenCinderFails()
    {
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Unavailable; // 503 every time: more than the client's retries
        fault.method = QStringLiteral("GET");
        fault.path = QStringLiteral("/volumes/f0a1b2c3-0000-4000-8000-00000000c002$");
        fault.retryAfter = 0;
        fault.count = 10;
        f->cloud.injectFault(fault);
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), false)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const sv::CheckpointIndex index = checkpoint(backup.data.value(QStringLiteral("checkpoint_id")).toString());
        const QString webData = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002");
        QCOMPARE(sv::CheckpointDetails::fromIndex(index).volumesNotIncluded,
                 (QList<sv::VolumeNotIncluded>{{webData, QString()}}));
        QVERIFY2(backup.message.contains(webData), qPrintable(backup.message));
    }

    void twoServersSharingABaseImageAreTwoBackups()
    {
        const QString web2 = f->cloud.serverIdByName(QStringLiteral("web-2"));
        const sv::JobResult a = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
        const sv::JobResult b = f->run(new sv::BackupJob(f->backupRequest(web2, true)));
        QVERIFY2(a.outcome == JobOutcome::Succeeded, qPrintable(a.message));
        QVERIFY2(b.outcome == JobOutcome::Succeeded, qPrintable(b.message));
        QVERIFY(a.data.value(QStringLiteral("checkpoint_id")) != b.data.value(QStringLiteral("checkpoint_id")));
        const sv::JobResult ra = f->run(new sv::RestoreJob(
            f->restoreRequest(a.data.value(QStringLiteral("checkpoint_id")).toString(), QStringLiteral("a"))));
        const sv::JobResult rb = f->run(new sv::RestoreJob(
            f->restoreRequest(b.data.value(QStringLiteral("checkpoint_id")).toString(), QStringLiteral("b"))));
        QVERIFY2(ra.outcome == JobOutcome::Succeeded, qPrintable(ra.message));
        QVERIFY2(rb.outcome == JobOutcome::Succeeded, qPrintable(rb.message));
        const QByteArray diskA = f->cloud.serverDiskSha256(ra.data.value(QStringLiteral("server_id")).toString());
        const QByteArray diskB = f->cloud.serverDiskSha256(rb.data.value(QStringLiteral("server_id")).toString());
        QVERIFY(diskA != diskB);
        QCOMPARE(diskA, f->cloud.serverDiskSha256(web1));
        QCOMPARE(diskB, f->cloud.serverDiskSha256(web2));
    }

    void dedupAcrossBackups()
    {
        // A 128 MiB boot disk, so that ~1 MiB chunks and a 3 % change are meaningful.
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start([](QJsonObject &scenario) {
            QJsonArray images = scenario.value(QLatin1String("images")).toArray();
            QJsonObject ubuntu = images.at(0).toObject();
            ubuntu.insert(QStringLiteral("size"), QStringLiteral("128 MiB"));
            images.replace(0, ubuntu);
            scenario.insert(QStringLiteral("images"), images);
        }));
        web1 = f->cloud.serverIdByName(QStringLiteral("web-1"));
        const qint64 size = f->cloud.serverDiskSize(web1);
        QCOMPARE(size, qint64(128) << 20);
        const auto backup = [&] {
            const sv::JobResult result = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
            if (result.outcome != JobOutcome::Succeeded)
                qWarning() << result.message;
            return result.data.value(QStringLiteral("new_bytes")).toLongLong();
        };
        const qint64 first = backup();
        QVERIFY(first > size / 2);
        const qint64 unchanged = backup();
        // 3 % of the disk changes, in three places far apart.
        const qint64 changed = size * 3 / 100;
        for (int place = 0; place < 3; ++place) {
            QByteArray bytes(int(changed / 3), Qt::Uninitialized);
            for (auto &b : bytes)
                b = char(QRandomGenerator::global()->generate());
            QVERIFY(f->cloud.writeServerDisk(web1, size / 5 + place * (size / 4), bytes));
        }
        const qint64 afterChange = backup();
        const double unchangedPercent = 100.0 * double(unchanged) / double(size);
        const double changedPercent = 100.0 * double(afterChange) / double(size);
        qInfo("dedup: first backup %lld new bytes; unchanged server: %lld new bytes (%.2f %%); after 3 %% change: "
              "%lld new bytes (%.2f %%)",
              first, unchanged, unchangedPercent, afterChange, changedPercent);
        QVERIFY2(unchangedPercent < 1.0, qPrintable(QString::number(unchangedPercent)));
        QVERIFY2(changedPercent < 10.0, qPrintable(QString::number(changedPercent)));
    }

    void verifiesWhatGlanceGives_data()
    {
        QTest::addColumn<bool>("multihash");
        QTest::addColumn<bool>("corrupt");
        QTest::newRow("sha512 given: md5 skipped") << true << false;
        QTest::newRow("sha512 given, corrupted bytes") << true << true;
        QTest::newRow("md5 only (pre-Rocky Glance)") << false << false;
        QTest::newRow("md5 only, corrupted bytes") << false << true;
    }
    void verifiesWhatGlanceGives()
    {
        // Glance's sha512 os_hash_value is the check when present; md5 is computed only when Glance
        // gives nothing better, and a flipped byte fails the backup either way.
        QFETCH(bool, multihash);
        QFETCH(bool, corrupt);
        f->cloud.setImageMultihash(multihash);
        if (corrupt) {
            fake::FaultSpec spec;
            spec.kind = fake::Fault::Corrupt;
            spec.afterBytes = 1000;
            f->cloud.injectFault(spec);
        }
        const QByteArray disk = f->cloud.readServerDisk(web1, 0, f->cloud.serverDiskSize(web1));
        QVERIFY(!disk.isEmpty());
        const sv::JobResult backup = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), "the temporary snapshot was left behind");
        if (corrupt) {
            QCOMPARE(backup.outcome, JobOutcome::Failed);
            QVERIFY2(backup.message.contains(multihash ? QLatin1String("SHA-512") : QLatin1String("MD5")),
                     qPrintable(backup.message));
            QVERIFY(availableCheckpoints().isEmpty());
            return;
        }
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const QString checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        const sv::CheckpointIndex index = checkpoint(checkpointId);
        const sv::ImageRecord *record = nullptr;
        for (const auto &resource : index.resources) {
            if (resource.image)
                record = &*resource.image;
        }
        QVERIFY(record);
        QCOMPARE(record->sha512, QCryptographicHash::hash(disk, QCryptographicHash::Sha512).toHex());
        QCOMPARE(record->md5, multihash ? QByteArray() : QCryptographicHash::hash(disk, QCryptographicHash::Md5).toHex());

        // The restore compares Glance's figures with what the backup holds, md5 or not.
        const sv::JobResult restore = f->run(new sv::RestoreJob(f->restoreRequest(checkpointId, QStringLiteral("web-1-back"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        QCOMPARE(f->cloud.serverDiskSha256(restore.data.value(QStringLiteral("server_id")).toString()),
                 QCryptographicHash::hash(disk, QCryptographicHash::Sha256).toHex());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("includeData");
        QTest::addColumn<QString>("volumes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("server in ERROR") << "broken-1" << true << "all" << "status ERROR";
        // With server data off only an original image could be saved, and a volume has none.
        QTest::newRow("boot from volume, server data off")
            << "bfv-1" << false << "all" << "Server bfv-1 boots from a volume (f0a1b2c3-0000-4000-8000-00000000c001)";
        QTest::newRow("no such server") << "nope-1" << true << "all" << "no server named nope-1";
        QTest::newRow("unknown volume name")
            << "web-1" << true << "web-data,nope"
            << "Server web-1 has no attached volume nope; its attached volumes are: web-data.";
        QTest::newRow("volume named on a server without volumes")
            << "db-1" << true << "web-data" << "Server db-1 has no attached volume, so web-data cannot be backed up";
    }
    void refusals()
    {
        QFETCH(QString, server);
        QFETCH(bool, includeData);
        QFETCH(QString, volumes);
        QFETCH(QString, expected);
        sv::BackupRequest request = f->backupRequest(server, includeData);
        request.volumes = *sv::VolumeSelection::parse(volumes);
        const sv::JobResult result = f->run(new sv::BackupJob(request));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        QVERIFY(availableCheckpoints().isEmpty());
        noLeftovers();
        QVERIFY(journal().isEmpty());
    }

    void faults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("afterBytes");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("path"); // empty: the fault's default
        QTest::newRow("createImage 409") << int(fake::Fault::Conflict) << 1 << qint64(0) << false << "web-1" << "";
        QTest::newRow("snapshot killed") << int(fake::Fault::SnapshotKilled) << 1 << qint64(0) << false << "killed" << "";
        QTest::newRow("snapshot vanishes") << int(fake::Fault::SnapshotVanishes) << 1 << qint64(0) << false << "disappeared" << "";
        QTest::newRow("dropped download resumes") << int(fake::Fault::Drop) << 2 << qint64(1500000) << true << "" << "";
        QTest::newRow("token expired: 401 on the download") << int(fake::Fault::Unauthorized) << 1 << qint64(0) << true << ""
                                                   << "^/image/v2/images/[^/]+/file$";
        QTest::newRow("503 storm") << int(fake::Fault::Unavailable) << 3 << qint64(0) << true << "" << "";
    }
    void faults()
    {
        QFETCH(int, kind);
        QFETCH(int, count);
        QFETCH(qint64, afterBytes);
        QFETCH(bool, succeeds);
        QFETCH(QString, expected);
        QFETCH(QString, path);
        fake::FaultSpec spec;
        spec.path = path;
        spec.kind = fake::Fault::Kind(kind);
        spec.count = count;
        spec.afterBytes = afterBytes;
        f->cloud.injectFault(spec);
        const sv::JobResult result = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
        if (succeeds) {
            QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char(' ') + result.details));
            QCOMPARE(availableCheckpoints().size(), 1);
        } else {
            QCOMPARE(result.outcome, JobOutcome::Failed);
            QVERIFY2(result.message.contains(expected), qPrintable(result.message));
            QVERIFY(availableCheckpoints().isEmpty());
        }
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), qPrintable(f->cloud.leftoverImageIds().join(QLatin1Char(','))));
        QList<sv::JournalEntry> journal;
        sv::BankError error;
        QVERIFY(f->bank->journalEntries(&journal, &error));
        QVERIFY(journal.isEmpty());
    }

    void tokenExpiresMidDownload()
    {
        // The download is under way when every token dies; then the connection drops, so the resume
        // (a Range request) meets the 401, re-authenticates once and still ends with verified hashes.
        const QString file = QStringLiteral("^/image/v2/images/[^/]+/file$");
        fake::FaultSpec slow;
        slow.kind = fake::Fault::Slow;
        slow.path = file;
        slow.bytesPerSecond = 2 * 1024 * 1024;
        f->cloud.injectFault(slow);
        fake::FaultSpec drop;
        drop.kind = fake::Fault::Drop;
        drop.path = file;
        drop.afterBytes = 3 * 1024 * 1024;
        f->cloud.injectFault(drop);
        quint64 generationAtExpiry = 0;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager,
                         [&](int, const sv::JobProgress &progress) {
            if (generationAtExpiry == 0 && progress.stage == sv::JobStage::Downloading && progress.bytesDone > 0) {
                generationAtExpiry = f->session->authState().generation;
                f->cloud.expireTokens();
            }
        });
        const sv::JobResult result = f->run(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char(' ') + result.details));
        QVERIFY2(generationAtExpiry > 0, "the download never reported progress before it ended");
        QCOMPARE(f->cloud.pendingFaults(), 0); // the drop happened
        QVERIFY2(f->session->authState().generation > generationAtExpiry, "no re-authentication after the 401");
        // It was the Range resume that met the 401, and the same range was then answered 206.
        const QRegularExpression filePath(file);
        QByteArray refusedRange;
        bool resumed = false;
        for (const fake::RequestRecord &request : f->cloud.requestLog()) {
            if (request.method != QLatin1String("GET") || !filePath.match(request.path).hasMatch())
                continue;
            if (refusedRange.isEmpty() && request.status == 401 && !request.range.isEmpty())
                refusedRange = request.range;
            else if (!refusedRange.isEmpty() && request.status == 206 && request.range == refusedRange)
                resumed = true;
        }
        QVERIFY2(!refusedRange.isEmpty(), "no Range request on the image file was answered 401");
        QVERIFY2(resumed, qPrintable(QStringLiteral("the range %1 was not answered 206 after the 401").arg(QString::fromLatin1(refusedRange))));
        QCOMPARE(availableCheckpoints().size(), 1);
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
    }

    void cancelAtEveryStage_data()
    {
        QTest::addColumn<int>("stage");
        QTest::newRow("checking") << int(sv::JobStage::Checking);
        QTest::newRow("creating snapshot") << int(sv::JobStage::CreatingSnapshot);
        QTest::newRow("waiting for image") << int(sv::JobStage::WaitingForImage);
        QTest::newRow("downloading") << int(sv::JobStage::Downloading);
    }
    void cancelAtEveryStage()
    {
        QFETCH(int, stage);
        f->cloud.setSnapshotStepSeconds(0.3, 0.3, 0.3, 0.3);
        fake::FaultSpec slow;
        slow.kind = fake::Fault::Slow;
        slow.bytesPerSecond = 512 * 1024;
        f->cloud.injectFault(slow);
        QSignalSpy finished(&f->manager, &sv::JobManager::jobFinished);
        bool cancelled = false;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager,
                         [&](int id, const sv::JobProgress &progress) {
            if (!cancelled && int(progress.stage) == stage) {
                cancelled = true;
                f->manager.cancel(id);
            }
        });
        f->manager.enqueue(new sv::BackupJob(rootOnly(QStringLiteral("web-1"), true)));
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QCOMPARE(finished.constFirst().at(1).value<sv::JobResult>().outcome, JobOutcome::Cancelled);
        QVERIFY(availableCheckpoints().isEmpty());
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), "a cancelled backup left its snapshot behind");
    }

    void unwritableBankFailsClearly()
    {
        // A bank whose chunk folder (packs/ in a new bank) has become a file: writing fails even as root.
        QTemporaryDir dir;
        auto bank = std::make_shared<sv::LocalBank>(dir.filePath(QStringLiteral("bank")));
        sv::BankError error;
        QVERIFY(bank->open(&error));
        const QString blobs = bank->packStore() ? QStringLiteral("packs") : QStringLiteral("chunks");
        QDir(dir.filePath(QStringLiteral("bank/") + blobs)).removeRecursively();
        QFile blocker(dir.filePath(QStringLiteral("bank/") + blobs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        sv::BackupRequest request = f->backupRequest(QStringLiteral("web-1"), true);
        request.bank = bank;
        const sv::JobResult result = f->run(new sv::BackupJob(request));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(blobs), qPrintable(result.message));
        // The volume's snapshot, requested before the first download, is deleted too.
        noLeftovers();
        QList<sv::CheckpointSummary> list;
        QVERIFY(bank->listCheckpoints(&list, &error));
        for (const auto &c : list)
            QVERIFY(c.status != QLatin1String("available"));
    }
    // Issue #13: what users wrote after boot into the root disk and into each volume is in the bank,
    // byte for byte (read back through the bank's ImageReader), for each selection.
    void volumesIntoTheBank_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QStringList>("saved");       // in the index's order
        QTest::addColumn<QStringList>("notIncluded");
        QTest::newRow("all") << "all" << names({"web-data", "web-logs"}) << QStringList{};
        QTest::newRow("none") << "none" << QStringList{} << names({"web-data", "web-logs"});
        QTest::newRow("one by name") << "web-logs" << names({"web-logs"}) << names({"web-data"});
        QTest::newRow("one by id") << "f0a1b2c3-0000-4000-8000-00000000c002" << names({"web-data"})
                                   << names({"web-logs"});
    }
    void volumesIntoTheBank()
    {
        QFETCH(QString, selection);
        QFETCH(QStringList, saved);
        QFETCH(QStringList, notIncluded);
        startWithTwoVolumes();
        const QString webData = f->cloud.volumeIdByName(QStringLiteral("web-data"));
        const QString webLogs = f->cloud.volumeIdByName(QStringLiteral("web-logs"));
        const QByteArray tag = QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY(f->cloud.writeServerDisk(web1, 3 * 1024 * 1024, "root disk, after boot " + tag));
        QVERIFY(f->cloud.writeVolumeDisk(webData, 5 * 1024 * 1024 + 3, "database pages " + tag));
        QVERIFY(f->cloud.writeVolumeDisk(webLogs, 4096, "log lines " + tag));
        const QHash<QString, QByteArray> written{{QStringLiteral("web-data"), f->cloud.volumeDiskSha256(webData)},
                                                 {QStringLiteral("web-logs"), f->cloud.volumeDiskSha256(webLogs)}};
        const QByteArray rootDisk = f->cloud.serverDiskSha256(web1);

        sv::BackupRequest request = f->backupRequest(QStringLiteral("web-1"), true);
        request.volumes = *sv::VolumeSelection::parse(selection);
        QList<sv::JobProgress> progress;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager,
                         [&progress](int, const sv::JobProgress &p) { progress.append(p); });
        const sv::JobResult backup = f->run(new sv::BackupJob(request));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        noLeftovers();
        QVERIFY(journal().isEmpty());
        QCOMPARE(backup.data.value(QStringLiteral("volumes")).toStringList(), saved);
        QCOMPARE(backup.data.value(QStringLiteral("volumes_not_included")).toStringList(), notIncluded);
        if (!saved.isEmpty())
            QVERIFY2(backup.message.contains(QStringLiteral("Volumes included: %1.").arg(saved.join(QStringLiteral(", ")))),
                     qPrintable(backup.message));

        const sv::CheckpointIndex index = checkpoint(backup.data.value(QStringLiteral("checkpoint_id")).toString());
        QCOMPARE(index.options.value(QLatin1String("volumes")).toString(), request.volumes.toString());
        const sv::ProtectedResource *image = resource(index, sv::ImageResourceType, {});
        QVERIFY(image && image->image);
        QCOMPARE(storedSha256(*image->image), rootDisk);
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        QCOMPARE(details.savedVolumeLabels(), saved);
        QCOMPARE(details.volumesNotIncludedLabels(), notIncluded);
        QVERIFY(!details.bootFromVolume);
        qint64 total = image->image->size;
        for (const sv::SavedVolume &volume : details.volumes) {
            const sv::ProtectedResource *r = resource(index, sv::VolumeResourceType, volume.id);
            QVERIFY(r && r->image);
            QCOMPARE(storedSha256(*r->image), written.value(volume.name));
            QCOMPARE(r->parentId, web1);
            QCOMPARE(r->extraInfo.value(QLatin1String("server_id")).toString(), web1);
            QCOMPARE(r->extraInfo.value(QLatin1String("boot_index")).toInt(), -1);
            QCOMPARE(r->image->diskFormat, QStringLiteral("raw"));
            QCOMPARE(volume.device, volume.name == QLatin1String("web-data") ? QStringLiteral("/dev/vdb") : QStringLiteral("/dev/vdc"));
            QCOMPARE(volume.sizeGb, volume.name == QLatin1String("web-data") ? 2 : 1);
            QCOMPARE(volume.volumeType, volume.name == QLatin1String("web-data") ? QStringLiteral("__DEFAULT__") : QStringLiteral("fast"));
            QVERIFY(!r->metadata.value(QLatin1String("backed_up_snapshot_id")).toString().isEmpty());
            QCOMPARE(volume.bytes, r->image->size);
            total += r->image->size;
        }
        QCOMPARE(index.totalSize(), total);
        // Progress spans every resource: once the sizes are known the total stays, and what is done
        // never goes back, up to everything.
        qint64 lastDone = -1;
        qint64 knownTotal = -1;
        for (const sv::JobProgress &p : std::as_const(progress)) {
            if (p.stage == sv::JobStage::Done || p.bytesTotal < 0)
                continue;
            if (knownTotal < 0)
                knownTotal = p.bytesTotal;
            QVERIFY2(p.bytesDone >= lastDone, qPrintable(QStringLiteral("progress went back from %1 to %2 at %3")
                                                              .arg(lastDone).arg(p.bytesDone).arg(sv::stageName(p.stage))));
            lastDone = p.bytesDone;
        }
        QCOMPARE(lastDone, total);
        QVERIFY(knownTotal > 0);
    }

    // The volumes are made readable while the server's disk is waited for and downloaded, not before
    // (scripts/bench measures what that saves): with Cinder's steps slow (1 s each: snapshot, volume,
    // upload), the root disk is saved first and the job then waits for the volumes.
    void volumesArePreparedWhileTheDiskDownloads()
    {
        startWithTwoVolumes(QJsonObject{{QStringLiteral("volume_step_seconds"), 1.0},
                                        {QStringLiteral("volume_snapshot_seconds"), 1.0}});
        QList<sv::JobStage> stages;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&stages](int, const sv::JobProgress &p) {
            if (stages.isEmpty() || stages.constLast() != p.stage)
                stages.append(p.stage);
        });
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        QCOMPARE(backup.data.value(QStringLiteral("volumes")).toStringList(), names({"web-data", "web-logs"}));
        const qsizetype firstDownload = stages.indexOf(sv::JobStage::Downloading);
        QVERIFY(firstDownload >= 0);
        QVERIFY2(stages.indexOf(sv::JobStage::PreparingVolume, firstDownload) > firstDownload,
                 "the root disk was downloaded before the volumes were ready, then the job waited for them");
        noLeftovers();
        QVERIFY(journal().isEmpty());
    }

    // A volume's temporary volume and Cinder snapshot are deleted as soon as its image is active, while
    // the downloads run, not after its download: when the last volume's bytes are all in (its download
    // slowed to 1 MiB/s), the journal holds no temporary volume or snapshot any more, only images.
    void temporaryVolumesGoWhileTheDownloadsRun()
    {
        startWithTwoVolumes(QJsonObject{{QStringLiteral("volume_step_seconds"), 1.0},
                                        {QStringLiteral("volume_snapshot_seconds"), 1.0}});
        const QString webLogs = f->cloud.volumeIdByName(QStringLiteral("web-logs"));
        QByteArray bytes(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QVERIFY(f->cloud.writeVolumeDisk(webLogs, 0, bytes));
        int verified = 0;
        QList<QStringList> journalAtVerify; // the journal's kinds as each download ends
        sv::JobStage last = sv::JobStage::Queued;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&](int, const sv::JobProgress &p) {
            if (p.stage == last)
                return;
            last = p.stage;
            if (p.stage != sv::JobStage::Verifying)
                return;
            QStringList kinds;
            for (const sv::JournalEntry &entry : journal())
                kinds.append(entry.kind);
            kinds.sort();
            journalAtVerify.append(kinds);
            if (++verified == 2) { // the root disk and web-data are saved: web-logs' download next, slowed
                fake::FaultSpec slow;
                slow.kind = fake::Fault::Slow;
                slow.path = QStringLiteral("^/image/v2/images/[^/]+/file$");
                slow.bytesPerSecond = 1024 * 1024;
                f->cloud.injectFault(slow);
            }
        });
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        QCOMPARE(backup.data.value(QStringLiteral("volumes")).toStringList(), names({"web-data", "web-logs"}));
        QCOMPARE(journalAtVerify.size(), 3);
        // Left while web-logs' last bytes arrive: the server's snapshot (deleted after the commit) and
        // web-logs' image, just read; web-data's image went once web-data was saved.
        const QStringList images{sv::JournalEntry::TemporaryImage, sv::JournalEntry::TemporaryImage};
        QCOMPARE(journalAtVerify.constLast(), images);
        noLeftovers();
        QVERIFY(journal().isEmpty());
    }

    // A server booted from a volume: Nova's createImage snapshots its volumes and returns a 0-byte image
    // whose block_device_mapping names the snapshots; each is read back like any other volume.
    void bootFromVolume_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QStringList>("saved");
        QTest::newRow("all") << "all" << names({"bfv-root", "spare"});
        QTest::newRow("none: the boot volume is the server's disk") << "none" << names({"bfv-root"});
    }
    void bootFromVolume()
    {
        QFETCH(QString, selection);
        QFETCH(QStringList, saved);
        // bfv-1 also has the volume "spare" attached.
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start([](QJsonObject &scenario) {
            QJsonArray servers = scenario.value(QLatin1String("servers")).toArray();
            QJsonObject bfv = servers.at(3).toObject();
            QCOMPARE(bfv.value(QLatin1String("name")).toString(), QStringLiteral("bfv-1"));
            bfv.insert(QStringLiteral("volumes"), QJsonArray{QStringLiteral("spare")});
            servers.replace(3, bfv);
            scenario.insert(QStringLiteral("servers"), servers);
        }));
        const QString bfv = f->cloud.serverIdByName(QStringLiteral("bfv-1"));
        const QString root = f->cloud.volumeIdByName(QStringLiteral("bfv-root"));
        const QString spare = f->cloud.volumeIdByName(QStringLiteral("spare"));
        QVERIFY(f->cloud.writeServerDisk(bfv, 2 * 1024 * 1024, "written into the boot volume after boot"));
        QVERIFY(f->cloud.writeVolumeDisk(spare, 0, "spare data"));
        const QHash<QString, QByteArray> written{{QStringLiteral("bfv-root"), f->cloud.volumeDiskSha256(root)},
                                                 {QStringLiteral("spare"), f->cloud.volumeDiskSha256(spare)}};
        QCOMPARE(written.value(QStringLiteral("bfv-root")), f->cloud.serverDiskSha256(bfv));

        sv::BackupRequest request = f->backupRequest(QStringLiteral("bfv-1"), true);
        request.volumes = *sv::VolumeSelection::parse(selection);
        const sv::JobResult backup = f->run(new sv::BackupJob(request));
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        noLeftovers();
        QVERIFY(journal().isEmpty());
        QVERIFY(backup.data.value(QStringLiteral("boot_from_volume")).toBool());

        const sv::CheckpointIndex index = checkpoint(backup.data.value(QStringLiteral("checkpoint_id")).toString());
        QVERIFY2(!resource(index, sv::ImageResourceType, {}), "a boot-from-volume server has no image resource");
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        QVERIFY(details.bootFromVolume);
        QCOMPARE(details.savedVolumeLabels(), saved);
        QCOMPARE(details.volumes.constFirst().bootIndex, 0);
        QCOMPARE(details.volumes.constFirst().device, QStringLiteral("/dev/vda"));
        QVERIFY(details.volumes.constFirst().bootable);
        for (const sv::SavedVolume &volume : details.volumes) {
            const sv::ProtectedResource *r = resource(index, sv::VolumeResourceType, volume.id);
            QVERIFY(r && r->image);
            QCOMPARE(storedSha256(*r->image), written.value(volume.name));
        }
        const sv::ProtectedResource *rootResource = resource(index, sv::VolumeResourceType, root);
        QVERIFY(!rootResource->metadata.value(QLatin1String("volume_image_metadata")).toObject().isEmpty());
        QCOMPARE(details.volumesNotIncludedLabels(), saved.contains(QStringLiteral("spare")) ? QStringList() : names({"spare"}));
    }

    // A fault at each volume step: a message naming the volume (and the server), no checkpoint, and
    // nothing left in the cloud.
    void volumeFaults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("snapshot ends in error") << int(fake::Fault::VolumeSnapshotError) << "" << "" << "volume web-data of server web-1";
        QTest::newRow("upload fails") << int(fake::Fault::UploadFailed) << "" << "" << "volume web-data (server web-1)";
        QTest::newRow("503 on the snapshot request") << int(fake::Fault::Unavailable) << "POST" << "/snapshots$"
                                                     << "Cinder could not snapshot volume web-data of server web-1";
        QTest::newRow("503 on the temporary volume") << int(fake::Fault::Unavailable) << "POST" << "/volumes$"
                                                     << "temporary volume from the snapshot of volume web-data (server web-1)";
        QTest::newRow("503 on the upload request") << int(fake::Fault::Unavailable) << "POST" << "/volumes/[^/]+/action$"
                                                   << "copy volume web-data of server web-1 into a temporary image";
        QTest::newRow("503 storm on the volume's download") << int(fake::Fault::Unavailable) << "GET" << "^/image/v2/images/[^/]+/file$"
                                                            << "volume web-data of server web-1";
    }
    void volumeFaults()
    {
        QFETCH(int, kind);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        fake::FaultSpec spec;
        spec.kind = fake::Fault::Kind(kind);
        spec.method = method;
        spec.path = path;
        spec.retryAfter = 0;
        spec.count = path.contains(QLatin1String("/file")) ? 1000 : 1;
        sv::BackupRequest request = f->backupRequest(QStringLiteral("web-1"), true);
        if (path.contains(QLatin1String("/file"))) {
            // The root disk's download goes first: the storm starts once it is verified.
            auto injected = std::make_shared<bool>(false);
            QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [this, spec, injected](int, const sv::JobProgress &p) {
                if (!*injected && p.stage == sv::JobStage::Verifying) {
                    *injected = true;
                    f->cloud.injectFault(spec);
                }
            });
        } else {
            f->cloud.injectFault(spec);
        }
        const sv::JobResult result = f->run(new sv::BackupJob(request));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        QVERIFY(availableCheckpoints().isEmpty());
        noLeftovers();
        // A request whose answer was lost (503) may have made something: its intent stays for the sweep,
        // but nothing with an id (what is known to exist was deleted).
        for (const sv::JournalEntry &entry : journal())
            QVERIFY2(entry.isIntent(), qPrintable(entry.kind));
    }

    void cancelDuringTheVolumeSteps_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<bool>("volumeBytes"); // cancel once the volume's bytes are moving
        QTest::newRow("preparing the volume") << int(sv::JobStage::PreparingVolume) << false;
        QTest::newRow("downloading the volume") << int(sv::JobStage::Downloading) << true;
    }
    void cancelDuringTheVolumeSteps()
    {
        QFETCH(int, stage);
        QFETCH(bool, volumeBytes);
        const QString webData = f->cloud.volumeIdByName(QStringLiteral("web-data"));
        // 4 MiB more in the volume, read at 1 MiB/s: its download takes a while.
        QByteArray bytes(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QVERIFY(f->cloud.writeVolumeDisk(webData, 0, bytes));
        const qint64 rootSize = f->cloud.serverDiskSize(web1);
        QSignalSpy finished(&f->manager, &sv::JobManager::jobFinished);
        bool cancelled = false;
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [&](int id, const sv::JobProgress &p) {
            if (cancelled || int(p.stage) != stage || (volumeBytes && p.bytesDone <= rootSize))
                return;
            cancelled = true;
            f->manager.cancel(id);
        });
        auto slowed = std::make_shared<bool>(false);
        QObject::connect(&f->manager, &sv::JobManager::jobProgress, &f->manager, [this, slowed](int, const sv::JobProgress &p) {
            if (!*slowed && p.stage == sv::JobStage::Verifying) { // the root disk is saved: the volume's download next
                *slowed = true;
                fake::FaultSpec slow;
                slow.kind = fake::Fault::Slow;
                slow.bytesPerSecond = 1024 * 1024;
                f->cloud.injectFault(slow);
            }
        });
        f->manager.enqueue(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QCOMPARE(finished.constFirst().at(1).value<sv::JobResult>().outcome, JobOutcome::Cancelled);
        QVERIFY(availableCheckpoints().isEmpty());
        noLeftovers();
        QVERIFY(journal().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackupJob)
#include "tst_backupjob.moc"
