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

    // Labels say only what is known: no snapshot → original image; a snapshot → quiesce requested when
    // the image has the guest agent (Nova's flexible boolean spellings), else crash-consistent.
    void consistency_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<bool>("snapshot");
        QTest::addColumn<QString>("token");
        QTest::newRow("agent yes") << "yes" << true << "quiesce-requested";
        QTest::newRow("agent True") << "True" << true << "quiesce-requested";
        QTest::newRow("agent 1") << "1" << true << "quiesce-requested";
        QTest::newRow("agent no") << "no" << true << "crash-consistent";
        QTest::newRow("agent false") << "false" << true << "crash-consistent";
        QTest::newRow("absent") << "" << true << "crash-consistent";
        QTest::newRow("no snapshot, agent yes") << "yes" << false << "original-image";
        QTest::newRow("no snapshot, no agent") << "" << false << "original-image";
    }
    void consistency()
    {
        QFETCH(QString, agent);
        QFETCH(bool, snapshot);
        QFETCH(QString, token);
        QJsonObject image;
        if (!agent.isEmpty())
            image.insert(QStringLiteral("hw_qemu_guest_agent"), agent);
        QCOMPARE(sv::ImageProperties::consistency(image, snapshot), token);
    }

    void requiresQuiesce_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("required");
        QTest::newRow("yes") << QJsonValue(QStringLiteral("yes")) << true;
        QTest::newRow("True") << QJsonValue(QStringLiteral("True")) << true;
        QTest::newRow("json true") << QJsonValue(true) << true;
        QTest::newRow("no") << QJsonValue(QStringLiteral("no")) << false;
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << false;
    }
    void requiresQuiesce()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, required);
        QJsonObject image{{QStringLiteral("hw_qemu_guest_agent"), QStringLiteral("yes")}};
        if (!value.isUndefined())
            image.insert(QStringLiteral("os_require_quiesce"), value);
        QCOMPARE(sv::ImageProperties::requiresQuiesce(image), required);
    }
};

QTEST_GUILESS_MAIN(TestImageProperties)
#include "tst_imageproperties.moc"
