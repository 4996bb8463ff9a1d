// CheckpointDetails reads what the GUI and the CLI show from a checkpoint index written as the bank
// stores it (FORMAT.md), old checkpoints included.
#include "bank/bankreports.h"
#include "bank/checkpointindex.h"
#include "protection/checkpointdetails.h"

#include <QTest>

using sv::CheckpointDetails;
using sv::Consistency;

namespace {
// An index as BackupJob writes it, with `consistency` and the image's properties to fill in.
QByteArray indexJson(const QByteArray &consistency, const QByteArray &extraProperties = {})
{
    return R"({
  "format": "stackvault-checkpoint", "format_version": 1,
  "id": "5f0c1d2e-0000-4000-8000-000000000001", "created_at": "2026-11-25T16:00:00.000Z",
  "status": "available", "consistency": ")"
        + consistency + R"(",
  "options": {"include_data": true, "original_image_only": false},
  "resources": [
    {"type": "OS::Nova::Server", "id": "s-1", "name": "web-1", "status": "available", "extra_info": {},
     "metadata": {"id": "s-1", "name": "web-1", "cloud": "prod", "region": "RegionTwo",
                  "flavor": {"id": "f-2", "name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20},
                  "networks": [{"name": "private", "fixed_ips": ["10.0.0.5"]}, {"name": "backend", "fixed_ips": []}],
                  "key_name": "ops", "security_groups": ["default", {"name": "web"}],
                  "availability_zone": "az-2", "metadata": {"metadata": {"cloud": "not this one"}},
                  "volumes_not_included": [{"id": "v-1", "name": "db-data"}, {"id": "v-2", "name": ""}]}},
    {"type": "OS::Glance::Image", "id": "i-1", "name": "ubuntu-22.04", "status": "available",
     "parent": {"type": "OS::Nova::Server", "id": "s-1"}, "extra_info": {"server_id": "s-1"},
     "metadata": {"properties": {"min_disk": 20, "min_ram": 512, "hw_qemu_guest_agent": "yes")"
        + extraProperties + R"(}}}
  ]
})";
}
} // namespace

class TestCheckpointDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatTheBackupWrote()
    {
        sv::CheckpointIndex index;
        QString why;
        QVERIFY2(sv::CheckpointIndex::fromJson(indexJson("quiesce-requested"), &index, &why), qPrintable(why));
        const CheckpointDetails details = CheckpointDetails::fromIndex(index);
        QVERIFY(details.haveIndex);
        QCOMPARE(details.serverName, QStringLiteral("web-1"));
        // metadata.cloud, not metadata.metadata.cloud (the server's own Nova metadata).
        QCOMPARE(details.cloud, QStringLiteral("prod"));
        QCOMPARE(details.region, QStringLiteral("RegionTwo"));
        QCOMPARE(details.flavorId, QStringLiteral("f-2"));
        QCOMPARE(details.flavorName, QStringLiteral("m1.small"));
        QCOMPARE(details.keyName, QStringLiteral("ops"));
        QCOMPARE(details.availabilityZone, QStringLiteral("az-2"));
        QCOMPARE(details.networkNames, (QStringList{QStringLiteral("private"), QStringLiteral("backend")}));
        QCOMPARE(details.securityGroups, (QStringList{QStringLiteral("default"), QStringLiteral("web")}));
        QCOMPARE(details.imageName, QStringLiteral("ubuntu-22.04"));
        QCOMPARE(details.minDiskGiB, 20);
        QCOMPARE(details.minRamMiB, 512);
        QVERIFY(details.includeData);
        QCOMPARE(details.consistency, Consistency::QuiesceRequested);
        QVERIFY(!details.requiresQuiesce);
        QCOMPARE(details.volumesNotIncludedLabels(), (QStringList{QStringLiteral("db-data"), QStringLiteral("v-2")}));
        QCOMPARE(sv::volumesNotIncludedSentence(details.volumesNotIncludedLabels()),
                 QStringLiteral("Attached volumes NOT included in this backup: db-data, v-2."));
    }

    // Volume resources (FORMAT.md): what the GUI's helper and `show` list; an old index has none.
    void readsSavedVolumes()
    {
        const QByteArray json = R"({
  "format": "stackvault-checkpoint", "format_version": 1,
  "id": "5f0c1d2e-0000-4000-8000-000000000002", "created_at": "2026-12-05T03:00:00.000Z",
  "status": "available", "consistency": "crash-consistent",
  "options": {"include_data": true, "original_image_only": false, "volumes": "all"},
  "resources": [
    {"type": "OS::Nova::Server", "id": "s-2", "name": "legacy-erp", "status": "available", "extra_info": {},
     "metadata": {"id": "s-2", "name": "legacy-erp", "boot_from_volume": true, "volumes_not_included": []}},
    {"type": "OS::Cinder::Volume", "id": "v-root", "name": "erp-root", "status": "available",
     "parent": {"type": "OS::Nova::Server", "id": "s-2"},
     "extra_info": {"server_id": "s-2", "device": "/dev/vda", "boot_index": 0},
     "metadata": {"size_gb": 20, "volume_type": "ceph-ssd", "bootable": true, "device": "/dev/vda", "boot_index": 0,
                  "availability_zone": "nova", "description": "root", "backed_up_snapshot_id": "snap-1"},
     "image_data": {"size": 0, "md5": "", "sha512": "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
                    "disk_format": "raw", "container_format": "bare", "new_bytes": 0, "new_stored_bytes": 0,
                    "stored_bytes": 0, "chunks": []}},
    {"type": "OS::Cinder::Volume", "id": "v-data", "name": "", "status": "available",
     "parent": {"type": "OS::Nova::Server", "id": "s-2"},
     "extra_info": {"server_id": "s-2", "device": "/dev/vdb", "boot_index": -1},
     "metadata": {"size_gb": 100, "volume_type": "", "bootable": false}}
  ]
})";
        sv::CheckpointIndex index;
        QString why;
        QVERIFY2(sv::CheckpointIndex::fromJson(json, &index, &why), qPrintable(why));
        const CheckpointDetails details = CheckpointDetails::fromIndex(index);
        QVERIFY(details.bootFromVolume);
        QCOMPARE(details.volumeSelection, QStringLiteral("all"));
        QCOMPARE(details.imageName, QString()); // no image resource
        QCOMPARE(details.volumes.size(), 2);
        const sv::SavedVolume &root = details.volumes.at(0);
        QCOMPARE(root.name, QStringLiteral("erp-root"));
        QCOMPARE(root.device, QStringLiteral("/dev/vda"));
        QCOMPARE(root.bootIndex, 0);
        QCOMPARE(root.sizeGb, 20);
        QCOMPARE(root.volumeType, QStringLiteral("ceph-ssd"));
        QVERIFY(root.bootable);
        QCOMPARE(root.description, QStringLiteral("root"));
        QCOMPARE(details.volumes.at(1).bootIndex, -1);
        QCOMPARE(details.savedVolumeLabels(), (QStringList{QStringLiteral("erp-root"), QStringLiteral("v-data")}));
        QVERIFY(details.volumesNotIncluded.isEmpty());

        // The index of an older version: no volume resources, no boot_from_volume, no selection.
        sv::CheckpointIndex old;
        QVERIFY(sv::CheckpointIndex::fromJson(indexJson("crash-consistent"), &old, &why));
        const CheckpointDetails oldDetails = CheckpointDetails::fromIndex(old);
        QVERIFY(oldDetails.volumes.isEmpty());
        QVERIFY(!oldDetails.bootFromVolume);
        QCOMPARE(oldDetails.volumeSelection, QString());
    }

    void consistencyLabels_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("extraProperties");
        QTest::addColumn<int>("consistency");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("explained");
        QTest::newRow("original image") << QByteArray("original-image") << QByteArray() << int(Consistency::OriginalImage)
                                        << "original image" << "No snapshot was taken";
        QTest::newRow("crash-consistent") << QByteArray("crash-consistent") << QByteArray()
                                          << int(Consistency::CrashConsistent) << "crash-consistent" << "power cut";
        QTest::newRow("quiesce requested") << QByteArray("quiesce-requested") << QByteArray()
                                           << int(Consistency::QuiesceRequested) << "quiesce requested"
                                           << "does not report whether the freeze happened";
        // Checkpoints written before these labels said "quiesced": read, never shown, as that claim.
        QTest::newRow("old quiesced") << QByteArray("quiesced") << QByteArray() << int(Consistency::QuiesceRequested)
                                      << "quiesce requested" << "Nova went on without it";
        QTest::newRow("os_require_quiesce") << QByteArray("quiesce-requested")
                                            << QByteArray(R"(, "os_require_quiesce": "yes")")
                                            << int(Consistency::QuiesceRequested)
                                            << "quiesce requested (os_require_quiesce=yes)"
                                            << "fails a live snapshot whose freeze fails";
        QTest::newRow("unknown") << QByteArray("something-new") << QByteArray() << int(Consistency::Unknown) << "unknown"
                                 << "does not record";
        QTest::newRow("empty") << QByteArray() << QByteArray() << int(Consistency::Unknown) << "unknown"
                               << "does not record";
    }
    void consistencyLabels()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, extraProperties);
        QFETCH(int, consistency);
        QFETCH(QString, label);
        QFETCH(QString, explained);
        sv::CheckpointIndex index;
        QString why;
        QVERIFY2(sv::CheckpointIndex::fromJson(indexJson(token, extraProperties), &index, &why), qPrintable(why));
        const CheckpointDetails details = CheckpointDetails::fromIndex(index);
        QCOMPARE(int(details.consistency), consistency);
        QCOMPARE(sv::ConsistencyText::labelWithNote(details.consistency, details.requiresQuiesce), label);
        const QString explanation = sv::ConsistencyText::explanation(details.consistency, details.requiresQuiesce);
        QVERIFY2(explanation.contains(explained), qPrintable(explanation));
        // --json prints the current token (the old "quiesced" becomes "quiesce-requested").
        if (details.consistency != Consistency::Unknown)
            QCOMPARE(sv::ConsistencyText::parse(sv::ConsistencyText::token(details.consistency)), details.consistency);
        QVERIFY(sv::ConsistencyText::token(details.consistency) != QLatin1String("quiesced"));
    }

    // An index that could not be read: the summary's fields only.
    void fromSummary()
    {
        sv::CheckpointSummary summary;
        summary.id = QStringLiteral("c-1");
        summary.serverName = QStringLiteral("db-1");
        summary.status = QStringLiteral("error");
        summary.consistency = QStringLiteral("crash-consistent");
        summary.size = 42;
        const CheckpointDetails details = CheckpointDetails::fromSummary(summary);
        QVERIFY(!details.haveIndex);
        QCOMPARE(details.serverName, QStringLiteral("db-1"));
        QCOMPARE(details.consistency, Consistency::CrashConsistent);
        QCOMPARE(details.size, 42);
        QVERIFY(details.cloud.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCheckpointDetails)
#include "tst_checkpointdetails.moc"
