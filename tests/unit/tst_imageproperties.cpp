#include "protection/imageproperties.h"

#include <QJsonDocument>
#include <QTest>

class TestImageProperties : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readOnlyAndReserved_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("dropped");
        for (const char *key : {"id", "status", "checksum", "os_hash_algo", "os_hash_value", "size", "virtual_size",
                                "created_at", "updated_at", "file", "self", "schema", "locations", "direct_url",
                                "os_glance_importing_to_stores", "owner", "protected"})
            QTest::newRow(key) << QString::fromLatin1(key) << true;
        for (const char *key : {"name", "disk_format", "container_format", "min_disk", "min_ram", "hw_firmware_type",
                                "hw_disk_bus", "os_type", "os_distro", "hw_qemu_guest_agent", "architecture"})
            QTest::newRow(key) << QString::fromLatin1(key) << false;
    }
    void readOnlyAndReserved()
    {
        QFETCH(QString, key);
        QFETCH(bool, dropped);
        QCOMPARE(sv::ImageProperties::isReadOnlyOrReserved(key), dropped);
    }

    void settableKeepsBootCriticalProperties()
    {
        // Shaped like glance's api-ref image-show-response.json plus the properties Karbor lost.
        const QJsonObject image = QJsonDocument::fromJson(R"({
            "status": "active", "name": "cirros-0.6.2", "container_format": "bare", "disk_format": "qcow2",
            "min_ram": 512, "min_disk": 1, "checksum": "abc", "os_hash_algo": "sha512", "os_hash_value": "def",
            "size": 13287936, "virtual_size": null, "id": "1bea47ed", "created_at": "2016-06-29T16:13:07Z",
            "self": "/v2/images/1bea47ed", "file": "/v2/images/1bea47ed/file", "schema": "/v2/schemas/image",
            "hw_firmware_type": "uefi", "hw_disk_bus": "scsi", "os_type": "linux", "owner": "p1",
            "os_glance_failed_import": ""})").object();
        const QJsonObject kept = sv::ImageProperties::settable(image);
        QCOMPARE(kept.keys(), (QStringList{QStringLiteral("container_format"), QStringLiteral("disk_format"),
                                           QStringLiteral("hw_disk_bus"), QStringLiteral("hw_firmware_type"),
                                           QStringLiteral("min_disk"), QStringLiteral("min_ram"), QStringLiteral("name"),
                                           QStringLiteral("os_type")}));
    }

    void snapshotBookkeepingIsNotRestored()
    {
        const QJsonObject props{{QStringLiteral("image_type"), QStringLiteral("snapshot")},
                                {QStringLiteral("instance_uuid"), QStringLiteral("s1")},
                                {QStringLiteral("base_image_ref"), QStringLiteral("i1")},
                                {QStringLiteral("stackvault_checkpoint"), QStringLiteral("c1")},
                                {QStringLiteral("hw_firmware_type"), QStringLiteral("uefi")}};
        QCOMPARE(sv::ImageProperties::withoutSnapshotBookkeeping(props).keys(),
                 QStringList{QStringLiteral("hw_firmware_type")});
    }

    void consistency_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("label");
        QTest::newRow("agent yes") << "yes" << "quiesced";
        QTest::newRow("agent true") << "True" << "quiesced";
        QTest::newRow("agent no") << "no" << "crash-consistent";
        QTest::newRow("absent") << "" << "crash-consistent";
    }
    void consistency()
    {
        QFETCH(QString, agent);
        QFETCH(QString, label);
        QJsonObject image;
        if (!agent.isEmpty())
            image.insert(QStringLiteral("hw_qemu_guest_agent"), agent);
        QCOMPARE(sv::ImageProperties::consistency(image), label);
    }
};

QTEST_GUILESS_MAIN(TestImageProperties)
#include "tst_imageproperties.moc"
