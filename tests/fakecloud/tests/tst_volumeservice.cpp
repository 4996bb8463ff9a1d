// Cinder v3 (volumes, snapshots), flavor extra specs and the read-only Neutron of the fake cloud over real HTTP, shapes against the samples.
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using fake::FakeCloud;
using fake::HttpTestClient;

namespace {

const QString Project = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
const QString BootVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c001");
const QString DataVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002"); // in-use
const QString SpareVolume = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"); // available
const QString UnknownVolume = QStringLiteral("00000000-0000-4000-8000-000000000000");

const QString CirrosImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002"); // 3 MiB, public
const QString WindowsImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000003"); // min_disk 2

QString snapshotsPath()
{
    return QStringLiteral("/volume/v3/") + Project + QStringLiteral("/snapshots");
}

QString volumesPath()
{
    return QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes");
}

QJsonObject sample(const QString &name)
{
    return fake::apiSample(QStringLiteral("cinder/") + name);
}

void compareKeys(const QJsonObject &expected, const QJsonObject &actual, const QStringList &ignore = {})
{
    fake::compareShape(expected, actual, QStringLiteral("volume"), ignore);
}

} // namespace

class TestVolumeService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fake::startTestScenario(m_cloud);
        QVERIFY(!QTest::currentTestFailed());
        m_client = fake::demoClient(m_cloud);
        QVERIFY(!m_client->token().isEmpty());
        m_control = std::make_unique<HttpTestClient>(m_cloud.baseUrl());
    }

    void createVolume_data()
    {
        QTest::addColumn<QJsonObject>("request"); // "snapshot_id": "SNAPSHOT" is replaced by a 2 GiB snapshot's id
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("bootable");
        QTest::addColumn<int>("size");
        const QString snap = QStringLiteral("SNAPSHOT");
        QTest::newRow("blank") << QJsonObject{{QStringLiteral("size"), 3}} << 202 << QStringLiteral("false") << 3;
        QTest::newRow("blank, size as string") << QJsonObject{{QStringLiteral("size"), QStringLiteral("2")}} << 202 << QStringLiteral("false") << 2;
        QTest::newRow("blank, no size") << QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}} << 400 << QString() << 0;
        QTest::newRow("blank, size 0") << QJsonObject{{QStringLiteral("size"), 0}} << 400 << QString() << 0;
        QTest::newRow("blank, type fast") << QJsonObject{{QStringLiteral("size"), 1}, {QStringLiteral("volume_type"), QStringLiteral("fast")}}
                                          << 202 << QStringLiteral("false") << 1;
        QTest::newRow("blank, unknown type") << QJsonObject{{QStringLiteral("size"), 1}, {QStringLiteral("volume_type"), QStringLiteral("gold")}}
                                             << 404 << QString() << 0;
        QTest::newRow("blank, metadata not strings") << QJsonObject{{QStringLiteral("size"), 1}, {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("n"), 1}}}}
                                                     << 400 << QString() << 0;
        QTest::newRow("snapshot, its size") << QJsonObject{{QStringLiteral("snapshot_id"), snap}} << 202 << QStringLiteral("false") << 2;
        QTest::newRow("snapshot, larger") << QJsonObject{{QStringLiteral("snapshot_id"), snap}, {QStringLiteral("size"), 5}} << 202
                                          << QStringLiteral("false") << 5;
        QTest::newRow("snapshot, smaller") << QJsonObject{{QStringLiteral("snapshot_id"), snap}, {QStringLiteral("size"), 1}} << 400 << QString() << 0;
        QTest::newRow("snapshot, unknown") << QJsonObject{{QStringLiteral("snapshot_id"), UnknownVolume}, {QStringLiteral("size"), 1}} << 404
                                           << QString() << 0;
        QTest::newRow("image") << QJsonObject{{QStringLiteral("imageRef"), CirrosImage}, {QStringLiteral("size"), 1}} << 202
                               << QStringLiteral("true") << 1;
        QTest::newRow("image, below min_disk") << QJsonObject{{QStringLiteral("imageRef"), WindowsImage}, {QStringLiteral("size"), 1}} << 400
                                               << QString() << 0;
        QTest::newRow("image, min_disk") << QJsonObject{{QStringLiteral("imageRef"), WindowsImage}, {QStringLiteral("size"), 2}} << 202
                                         << QStringLiteral("true") << 2;
        QTest::newRow("image, no size") << QJsonObject{{QStringLiteral("imageRef"), CirrosImage}} << 400 << QString() << 0;
        QTest::newRow("image, unknown") << QJsonObject{{QStringLiteral("imageRef"), UnknownVolume}, {QStringLiteral("size"), 1}} << 404
                                        << QString() << 0;
        QTest::newRow("image and snapshot") << QJsonObject{{QStringLiteral("imageRef"), CirrosImage}, {QStringLiteral("snapshot_id"), snap},
                                                           {QStringLiteral("size"), 4}} << 400 << QString() << 0;
    }

    void createVolume()
    {
        QFETCH(QJsonObject, request);
        QFETCH(int, status);
        QFETCH(QString, bootable);
        QFETCH(int, size);
        QString snapshot;
        if (request.value(QStringLiteral("snapshot_id")) == QStringLiteral("SNAPSHOT")) {
            snapshot = createSnapshot(DataVolume, true); // web-data: 2 GiB, in-use
            QVERIFY(!snapshot.isEmpty());
            request.insert(QStringLiteral("snapshot_id"), snapshot);
        }
        request.insert(QStringLiteral("metadata"), request.value(QStringLiteral("metadata")).isUndefined()
                                                       ? QJsonValue(QJsonObject{{QStringLiteral("stackvault_restore_job"), QStringLiteral("r1")}})
                                                       : request.value(QStringLiteral("metadata")));
        const auto reply = m_client->postJson(volumesPath(), QJsonObject{{QStringLiteral("volume"), request}},
                                              {{"OpenStack-API-Version", "volume 3.69"}});
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status != 202) {
            const QString fault = status == 404 ? QStringLiteral("itemNotFound") : QStringLiteral("badRequest");
            QVERIFY(!reply.json()[fault][QStringLiteral("message")].toString().isEmpty());
        } else {
            const QJsonObject volume = reply.json()[QStringLiteral("volume")].toObject();
            compareKeys(sample(QStringLiteral("v3.69-volume-create-response.json"))[QStringLiteral("volume")].toObject(), volume);
            QCOMPARE(volume[QStringLiteral("status")].toString(), QStringLiteral("creating"));
            QCOMPARE(volume[QStringLiteral("size")].toInt(), size);
            QCOMPARE(volume[QStringLiteral("bootable")].toString(), bootable);
            QCOMPARE(volume[QStringLiteral("metadata")][QStringLiteral("stackvault_restore_job")].toString(), QStringLiteral("r1"));
            QCOMPARE(volume[QStringLiteral("snapshot_id")].toString(), snapshot);
            const QString id = volume[QStringLiteral("id")].toString();
            QCOMPARE(m_cloud.volumeStatus(id), QStringLiteral("creating"));
            QVERIFY(waitForVolume(id, QStringLiteral("available")));
            const QJsonObject shown = m_client->get(volumesPath() + QLatin1Char('/') + id).json()[QStringLiteral("volume")].toObject();
            QCOMPARE(shown[QStringLiteral("metadata")][QStringLiteral("stackvault_restore_job")].toString(), QStringLiteral("r1"));
            QCOMPARE(shown[QStringLiteral("volume_type")].toString(),
                     request.value(QStringLiteral("volume_type")).toString(QStringLiteral("__DEFAULT__")));
            if (request.contains(QStringLiteral("imageRef"))) {
                QCOMPARE(shown[QStringLiteral("volume_image_metadata")][QStringLiteral("image_id")].toString(),
                         request.value(QStringLiteral("imageRef")).toString());
                QCOMPARE(controlSha256(QStringLiteral("/_fake/volumes/") + id + QStringLiteral("/disk/sha256")),
                         m_cloud.imageSha256(request.value(QStringLiteral("imageRef")).toString()));
            }
            if (!snapshot.isEmpty()) // web-data's bytes at the time of the snapshot
                QCOMPARE(m_cloud.volumeDiskSha256(id), m_cloud.volumeDiskSha256(DataVolume));
            QVERIFY(remove(volumesPath() + QLatin1Char('/') + id, QStringLiteral("volume")));
        }
        if (!snapshot.isEmpty())
            QVERIFY(remove(snapshotsPath() + QLatin1Char('/') + snapshot, QStringLiteral("snapshot")));
        QVERIFY(m_cloud.leftoverVolumeIds().isEmpty());
        QVERIFY(m_cloud.leftoverSnapshotIds().isEmpty());
    }

    // Bytes through the chain a backup uses: volume -> snapshot -> volume -> image -> volume.
    void bytesThroughSnapshotVolumeImage()
    {
        const QString source = createVolume(QJsonObject{{QStringLiteral("size"), 1}, {QStringLiteral("name"), QStringLiteral("source")}});
        QVERIFY(!source.isEmpty());
        QCOMPARE(m_cloud.diskSize(FakeCloud::DiskOwner::Volume, source), 0); // blank: no bytes yet
        const QByteArray first = QByteArray("database page 1\n").repeated(1000);
        QVERIFY(writeVolume(source, 4096, first));
        const QByteArray atSnapshot = controlSha256(QStringLiteral("/_fake/volumes/") + source + QStringLiteral("/disk/sha256"));
        QCOMPARE(atSnapshot, m_cloud.volumeDiskSha256(source));
        QCOMPARE(m_control->get(QStringLiteral("/_fake/volumes/") + source + QStringLiteral("/disk")).body,
                 QByteArray(4096, '\0') + first);
        const QString snapshot = createSnapshot(source);
        QVERIFY(!snapshot.isEmpty());
        QVERIFY(writeVolume(source, 0, "written after the snapshot")); // must not reach the snapshot
        QVERIFY(m_cloud.volumeDiskSha256(source) != atSnapshot);
        // A volume with snapshots cannot be deleted.
        const auto refused = m_client->request("DELETE", volumesPath() + QLatin1Char('/') + source);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.json()[QStringLiteral("badRequest")][QStringLiteral("message")].toString().contains(QLatin1String("have snapshots")));

        const QString copy = createVolume(QJsonObject{{QStringLiteral("snapshot_id"), snapshot}});
        QVERIFY(!copy.isEmpty());
        QCOMPARE(m_cloud.volumeDiskSha256(copy), atSnapshot);

        const QString image = upload(copy);
        QVERIFY(!image.isEmpty());
        QCOMPARE(m_cloud.imageSha256(image), atSnapshot);
        const QJsonObject shown = imageJson(image);
        QCOMPARE(shown[QStringLiteral("size")].toInteger(), 4096 + first.size());
        QCOMPARE(shown[QStringLiteral("disk_format")].toString(), QStringLiteral("raw"));
        QCOMPARE(shown[QStringLiteral("container_format")].toString(), QStringLiteral("bare"));
        QCOMPARE(shown[QStringLiteral("os_hash_algo")].toString(), QStringLiteral("sha512"));
        const QByteArray bytes = QByteArray(4096, '\0') + first;
        QCOMPARE(shown[QStringLiteral("checksum")].toString().toLatin1(), QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex());
        QCOMPARE(shown[QStringLiteral("os_hash_value")].toString().toLatin1(),
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex());
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images/") + image + QStringLiteral("/file")).body, bytes);
        QCOMPARE(m_cloud.stateLog(image, QStringLiteral("status")),
                 (QStringList{QStringLiteral("queued"), QStringLiteral("saving"), QStringLiteral("active")}));

        const QString restored = createVolume(QJsonObject{{QStringLiteral("imageRef"), image}, {QStringLiteral("size"), 1}});
        QVERIFY(!restored.isEmpty());
        QCOMPARE(m_cloud.volumeDiskSha256(restored), atSnapshot);

        const QJsonObject leftovers = m_control->get(QStringLiteral("/_fake/leftovers")).json();
        QCOMPARE(leftovers[QStringLiteral("volumes")].toArray().size(), 3);
        QCOMPARE(leftovers[QStringLiteral("snapshots")].toArray().size(), 1);
        QCOMPARE(leftovers[QStringLiteral("images")].toArray().size(), 1);
        for (const QString &id : {restored, copy})
            QVERIFY(remove(volumesPath() + QLatin1Char('/') + id, QStringLiteral("volume")));
        QVERIFY(remove(snapshotsPath() + QLatin1Char('/') + snapshot, QStringLiteral("snapshot")));
        QVERIFY(remove(volumesPath() + QLatin1Char('/') + source, QStringLiteral("volume")));
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + image).status, 204);
        const QJsonObject clean = m_control->get(QStringLiteral("/_fake/leftovers")).json();
        for (const QString &kind : {QStringLiteral("volumes"), QStringLiteral("snapshots"), QStringLiteral("images")})
            QVERIFY2(clean[kind].toArray().isEmpty(), qPrintable(kind));
    }

    void uploadToImage_data()
    {
        QTest::addColumn<QString>("volume");
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("statusAfter");
        const QJsonObject named{{QStringLiteral("image_name"), QStringLiteral("stackvault-x")}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = named;
            o.insert(key, value);
            return o;
        };
        QTest::newRow("available") << SpareVolume << named << 202 << QStringLiteral("available");
        QTest::newRow("available, qcow2, public, protected")
            << SpareVolume << QJsonObject{{QStringLiteral("image_name"), QStringLiteral("y")}, {QStringLiteral("disk_format"), QStringLiteral("qcow2")},
                                          {QStringLiteral("visibility"), QStringLiteral("public")}, {QStringLiteral("protected"), false}}
            << 202 << QStringLiteral("available");
        QTest::newRow("in-use, no force") << DataVolume << named << 400 << QString();
        QTest::newRow("in-use, force false") << DataVolume << with(QStringLiteral("force"), false) << 400 << QString();
        QTest::newRow("in-use, force true") << DataVolume << with(QStringLiteral("force"), true) << 202 << QStringLiteral("in-use");
        QTest::newRow("in-use, force \"True\"") << DataVolume << with(QStringLiteral("force"), QStringLiteral("True")) << 202
                                                << QStringLiteral("in-use");
        QTest::newRow("force not a boolean") << SpareVolume << with(QStringLiteral("force"), QStringLiteral("maybe")) << 400 << QString();
        QTest::newRow("no image_name") << SpareVolume << QJsonObject{{QStringLiteral("force"), true}} << 400 << QString();
        QTest::newRow("bad disk_format") << SpareVolume << with(QStringLiteral("disk_format"), QStringLiteral("iso")) << 400 << QString();
        QTest::newRow("unknown volume") << UnknownVolume << named << 404 << QString();
    }

    void uploadToImage()
    {
        QFETCH(QString, volume);
        QFETCH(QJsonObject, request);
        QFETCH(int, status);
        QFETCH(QString, statusAfter);
        const auto reply = m_client->postJson(volumesPath() + QLatin1Char('/') + volume + QStringLiteral("/action"),
                                              QJsonObject{{QStringLiteral("os-volume_upload_image"), request}});
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status != 202) {
            QVERIFY(m_cloud.leftoverImageIds().isEmpty());
            return;
        }
        const QJsonObject answer = reply.json()[QStringLiteral("os-volume_upload_image")].toObject();
        compareKeys(sample(QStringLiteral("volume-upload-to-image-response.json"))[QStringLiteral("os-volume_upload_image")].toObject(), answer);
        QCOMPARE(answer[QStringLiteral("status")].toString(), QStringLiteral("uploading"));
        QCOMPARE(answer[QStringLiteral("id")].toString(), volume);
        QCOMPARE(answer[QStringLiteral("image_name")].toString(), request.value(QStringLiteral("image_name")).toString());
        const QString image = answer[QStringLiteral("image_id")].toString();
        QCOMPARE(m_cloud.volumeStatus(volume), QStringLiteral("uploading"));
        QVERIFY(waitFor(QStringLiteral("/image/v2/images/") + image, QString(), QStringLiteral("active")));
        QVERIFY(waitForVolume(volume, statusAfter));
        const QJsonObject shown = imageJson(image);
        QCOMPARE(shown[QStringLiteral("name")].toString(), request.value(QStringLiteral("image_name")).toString());
        QCOMPARE(shown[QStringLiteral("disk_format")].toString(), request.value(QStringLiteral("disk_format")).toString(QStringLiteral("raw")));
        QCOMPARE(shown[QStringLiteral("visibility")].toString(), request.value(QStringLiteral("visibility")).toString(QStringLiteral("private")));
        QCOMPARE(m_cloud.imageSha256(image), m_cloud.volumeDiskSha256(volume));
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + image).status, 204);
    }

    void deleteRules()
    {
        // In use: refused with Cinder's message; creating: refused; unknown: 404.
        QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + DataVolume).status, 400);
        const auto created = m_client->postJson(volumesPath(), QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("size"), 1}}}});
        const QString id = created.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + id).status, 400);
        QVERIFY(waitForVolume(id, QStringLiteral("available")));
        QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + id).status, 202);
        QCOMPARE(m_cloud.volumeStatus(id), QStringLiteral("deleting"));
        QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + id).status, 400);
        QVERIFY(waitForVolume(id, QString()));
        QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + id).status, 404);
        QCOMPARE(m_cloud.volumeStatus(DataVolume), QStringLiteral("in-use"));
    }

    void metadataRoutes()
    {
        const QString path = volumesPath() + QLatin1Char('/') + DataVolume + QStringLiteral("/metadata");
        QCOMPARE(m_client->get(path).json()[QStringLiteral("metadata")].toObject(),
                 (QJsonObject{{QStringLiteral("purpose"), QStringLiteral("web content")}}));
        const auto merged = m_client->postJson(path, QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("a"), QStringLiteral("1")}}}});
        QCOMPARE(merged.status, 200);
        QCOMPARE(merged.json()[QStringLiteral("metadata")].toObject().size(), 2);
        const auto replaced = m_client->request("PUT", path, R"({"metadata": {"purpose": "web content"}})",
                                                {{"Content-Type", "application/json"}});
        QCOMPARE(replaced.status, 200);
        QCOMPARE(m_client->get(path).json()[QStringLiteral("metadata")].toObject().size(), 1);
        QCOMPARE(m_client->postJson(path, QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("n"), 2}}}}).status, 400);
        const QString snapshot = createSnapshot(SpareVolume);
        QVERIFY(!snapshot.isEmpty());
        const QString snapshotPath = snapshotsPath() + QLatin1Char('/') + snapshot + QStringLiteral("/metadata");
        QCOMPARE(m_client->postJson(snapshotPath, QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c1")}}}}).status, 200);
        QCOMPARE(m_client->get(snapshotsPath() + QLatin1Char('/') + snapshot).json()[QStringLiteral("snapshot")][QStringLiteral("metadata")]
                     [QStringLiteral("stackvault_checkpoint")].toString(), QStringLiteral("c1"));
        QVERIFY(remove(snapshotsPath() + QLatin1Char('/') + snapshot, QStringLiteral("snapshot")));
    }

    void volumeTypes()
    {
        const auto list = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/types"));
        QCOMPARE(list.status, 200);
        const QJsonArray types = list.json()[QStringLiteral("volume_types")].toArray();
        QCOMPARE(types.size(), 2);
        compareKeys(fake::apiSample(QStringLiteral("cinder/volume-types-list-response.json"))[QStringLiteral("volume_types")][0].toObject(),
                    types.at(0).toObject());
        QCOMPARE(types.at(0)[QStringLiteral("name")].toString(), QStringLiteral("__DEFAULT__"));
        QCOMPARE(types.at(1)[QStringLiteral("name")].toString(), QStringLiteral("fast"));
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/types/7e570000-0000-4000-8000-0000000000f1")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/types/") + UnknownVolume).status, 404);
    }

    void versions()
    {
        const auto reply = m_client->get(QStringLiteral("/volume"));
        QCOMPARE(reply.status, 300);
        compareKeys(sample(QStringLiteral("versions-response.json"))[QStringLiteral("versions")][0].toObject(),
                    reply.json()[QStringLiteral("versions")][0].toObject());
    }

    void listAndShow()
    {
        const auto list = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/detail"));
        QCOMPARE(list.status, 200);
        const QJsonArray volumes = list.json()[QStringLiteral("volumes")].toArray();
        QCOMPARE(volumes.size(), 3);
        // os-vol-host-attr:host and the migration status are admin-only; the member does not see them.
        const QStringList adminOnly{QStringLiteral("os-vol-host-attr:host"), QStringLiteral("os-vol-mig-status-attr:migstat"),
                                    QStringLiteral("os-vol-mig-status-attr:name_id")};
        compareKeys(sample(QStringLiteral("volumes-list-detailed-response.json"))[QStringLiteral("volumes")][0].toObject(),
                    volumes.at(0).toObject(), adminOnly);
        const auto show = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + BootVolume,
                                        {{"OpenStack-API-Version", "volume 3.69"}});
        QCOMPARE(show.status, 200);
        QCOMPARE(show.header("OpenStack-API-Version"), QByteArray("volume 3.69"));
        const QJsonObject volume = show.json()[QStringLiteral("volume")].toObject();
        // Fields of newer microversions that the fake does not model.
        compareKeys(sample(QStringLiteral("v3.69-volume-show-response.json"))[QStringLiteral("volume")].toObject(), volume,
                    {QStringLiteral("os-vol-host-attr:host"), QStringLiteral("os-vol-mig-status-attr:migstat"),
                     QStringLiteral("os-vol-mig-status-attr:name_id"), QStringLiteral("provider_id"), QStringLiteral("group_id"),
                     QStringLiteral("service_uuid"), QStringLiteral("shared_targets"), QStringLiteral("cluster_name"),
                     QStringLiteral("volume_type_id"), QStringLiteral("consumes_quota")});
        QCOMPARE(volume[QStringLiteral("bootable")].toString(), QStringLiteral("true"));
        QCOMPARE(volume[QStringLiteral("status")].toString(), QStringLiteral("in-use"));
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(),
                 QStringLiteral("5e7f0000-0000-4000-8000-000000000004"));
        QCOMPARE(volume[QStringLiteral("volume_image_metadata")][QStringLiteral("image_name")].toString(), QStringLiteral("cirros-0.6.2"));
        const QJsonObject data = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + DataVolume)
                                     .json()[QStringLiteral("volume")].toObject();
        QCOMPARE(data[QStringLiteral("bootable")].toString(), QStringLiteral("false"));
        QCOMPARE(data[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(),
                 QStringLiteral("5e7f0000-0000-4000-8000-000000000001"));
        QVERIFY(!data.contains(QStringLiteral("volume_image_metadata")));
    }

    void paginate()
    {
        QString next = QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes?limit=1");
        int pages = 0;
        int seen = 0;
        while (!next.isEmpty() && pages < 10) {
            const auto reply = m_client->get(next);
            QCOMPARE(reply.status, 200);
            seen += reply.json()[QStringLiteral("volumes")].toArray().size();
            next = reply.json()[QStringLiteral("volumes_links")][0][QStringLiteral("href")].toString();
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, 3);
    }

    void errors()
    {
        const auto missing = m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/00000000-0000-4000-8000-000000000000"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json()[QStringLiteral("itemNotFound")][QStringLiteral("code")].toInt(), 404);
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/0f9e8d7c6b5a49382716051423324150/volumes")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes"), {{"OpenStack-API-Version", "volume 3.99"}}).status, 406);
        QCOMPARE(m_client->request("PATCH", QStringLiteral("/volume/v3/") + Project + QStringLiteral("/volumes/") + DataVolume, "{}").status, 405);
    }

    void createSnapshot_data()
    {
        QTest::addColumn<QString>("volume");
        QTest::addColumn<QByteArray>("version"); // empty: no OpenStack-API-Version header (3.0)
        QTest::addColumn<QString>("force");      // "" : no force key
        QTest::addColumn<int>("status");
        QTest::newRow("available, 3.0, no flag") << SpareVolume << QByteArray() << QString() << 202;
        QTest::newRow("available, 3.65, force false") << SpareVolume << QByteArray("3.65") << QStringLiteral("false") << 202;
        QTest::newRow("in-use, 3.0, no flag") << DataVolume << QByteArray() << QString() << 400;
        QTest::newRow("in-use, 3.65, no flag") << DataVolume << QByteArray("3.65") << QString() << 400;
        QTest::newRow("in-use, 3.65, force false") << DataVolume << QByteArray("3.65") << QStringLiteral("false") << 400;
        QTest::newRow("in-use, 3.65, force true") << DataVolume << QByteArray("3.65") << QStringLiteral("true") << 202;
        QTest::newRow("in-use, 3.0, force \"true\" string") << DataVolume << QByteArray() << QStringLiteral("\"true\"") << 202;
        QTest::newRow("in-use, 3.66, no flag") << DataVolume << QByteArray("3.66") << QString() << 202;
        QTest::newRow("in-use, 3.66, force true") << DataVolume << QByteArray("3.66") << QStringLiteral("true") << 202;
        QTest::newRow("in-use, 3.66, force false") << DataVolume << QByteArray("3.66") << QStringLiteral("false") << 400;
        QTest::newRow("available, 3.66, force false") << SpareVolume << QByteArray("3.66") << QStringLiteral("false") << 400;
        QTest::newRow("in-use, latest, no flag") << DataVolume << QByteArray("latest") << QString() << 202;
        QTest::newRow("in-use, 3.66, force not a boolean") << DataVolume << QByteArray("3.66") << QStringLiteral("\"maybe\"") << 400;
        QTest::newRow("unknown volume, 3.66") << UnknownVolume << QByteArray("3.66") << QString() << 404;
        QTest::newRow("unknown volume, 3.0, force true") << UnknownVolume << QByteArray() << QStringLiteral("true") << 404;
    }

    void createSnapshot()
    {
        QFETCH(QString, volume);
        QFETCH(QByteArray, version);
        QFETCH(QString, force);
        QFETCH(int, status);
        QJsonObject request = sample(QStringLiteral("snapshot-create-request.json"))[QStringLiteral("snapshot")].toObject();
        request.insert(QStringLiteral("volume_id"), volume);
        request.remove(QStringLiteral("force"));
        if (!force.isEmpty())
            request.insert(QStringLiteral("force"), QJsonDocument::fromJson("[" + force.toUtf8() + "]").array().at(0));
        HttpTestClient::Headers headers;
        if (!version.isEmpty())
            headers.append({"OpenStack-API-Version", "volume " + version});
        const auto reply = m_client->postJson(snapshotsPath(), QJsonObject{{QStringLiteral("snapshot"), request}}, headers);
        QVERIFY2(reply.status == status, reply.body.constData());
        if (status != 202) {
            const QString fault = status == 404 ? QStringLiteral("itemNotFound") : QStringLiteral("badRequest");
            QCOMPARE(reply.json()[fault][QStringLiteral("code")].toInt(), status);
            QVERIFY(!reply.json()[fault][QStringLiteral("message")].toString().isEmpty());
            return;
        }
        const QJsonObject snapshot = reply.json()[QStringLiteral("snapshot")].toObject();
        compareKeys(sample(QStringLiteral("v3.65-snapshot-create-response.json"))[QStringLiteral("snapshot")].toObject(), snapshot);
        QCOMPARE(snapshot[QStringLiteral("status")].toString(), QStringLiteral("creating"));
        QCOMPARE(snapshot[QStringLiteral("volume_id")].toString(), volume);
        QCOMPARE(snapshot[QStringLiteral("name")].toString(), QStringLiteral("snap-001"));
        QCOMPARE(snapshot[QStringLiteral("metadata")][QStringLiteral("key")].toString(), QStringLiteral("v3"));
        // Clean up, so that every row starts from the scenario's state.
        const QString id = snapshot[QStringLiteral("id")].toString();
        QVERIFY(waitForStatus(id, QStringLiteral("available")));
        QCOMPARE(m_client->request("DELETE", snapshotsPath() + QLatin1Char('/') + id).status, 202);
        QVERIFY(waitForStatus(id, QString()));
    }

    void snapshotLifecycle()
    {
        const QString path = snapshotsPath();
        const auto created = m_client->postJson(path, QJsonObject{{QStringLiteral("snapshot"),
                                                                   QJsonObject{{QStringLiteral("volume_id"), SpareVolume},
                                                                               {QStringLiteral("name"), QStringLiteral("lifecycle")}}}});
        QCOMPARE(created.status, 202);
        const QString id = created.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        QVERIFY(!id.isEmpty());
        const auto show = m_client->get(path + QLatin1Char('/') + id);
        QCOMPARE(show.status, 200);
        const QJsonObject shown = show.json()[QStringLiteral("snapshot")].toObject();
        compareKeys(sample(QStringLiteral("v3.65-snapshot-show-response.json"))[QStringLiteral("snapshot")].toObject(), shown);
        QCOMPARE(shown[QStringLiteral("status")].toString(), QStringLiteral("creating"));
        QCOMPARE(shown[QStringLiteral("size")].toInt(), 1);
        // Deleting while creating is refused, as Cinder does.
        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 400);
        QVERIFY(waitForStatus(id, QStringLiteral("available")));

        const auto detail = m_client->get(path + QStringLiteral("/detail"));
        QCOMPARE(detail.status, 200);
        const QJsonArray detailed = detail.json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(detailed.size(), 1);
        compareKeys(sample(QStringLiteral("v3.65-snapshots-list-detailed-response.json"))[QStringLiteral("snapshots")][0].toObject(),
                    detailed.at(0).toObject());
        QCOMPARE(detailed.at(0)[QStringLiteral("os-extended-snapshot-attributes:progress")].toString(), QStringLiteral("100%"));
        const QJsonArray brief = m_client->get(path).json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(brief.size(), 1);
        QCOMPARE(brief.at(0)[QStringLiteral("id")].toString(), id);
        QVERIFY(!brief.at(0).toObject().contains(QStringLiteral("os-extended-snapshot-attributes:project_id")));

        HttpTestClient control(m_cloud.baseUrl());
        const QJsonArray leftovers = control.get(QStringLiteral("/_fake/leftovers")).json()[QStringLiteral("snapshots")].toArray();
        QCOMPARE(leftovers.size(), 1);
        QCOMPARE(leftovers.at(0)[QStringLiteral("id")].toString(), id);
        QCOMPARE(leftovers.at(0)[QStringLiteral("volume_id")].toString(), SpareVolume);

        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 202);
        QCOMPARE(m_client->get(path + QLatin1Char('/') + id).json()[QStringLiteral("snapshot")][QStringLiteral("status")].toString(),
                 QStringLiteral("deleting"));
        QVERIFY(waitForStatus(id, QString()));
        QCOMPARE(m_client->get(path + QLatin1Char('/') + id).status, 404);
        QCOMPARE(m_client->request("DELETE", path + QLatin1Char('/') + id).status, 404);
        QVERIFY(m_client->get(path).json()[QStringLiteral("snapshots")].toArray().isEmpty());
        QVERIFY(control.get(QStringLiteral("/_fake/leftovers")).json()[QStringLiteral("snapshots")].toArray().isEmpty());
    }

    void quotaShapes()
    {
        const QString base = QStringLiteral("/volume/v3/") + Project;
        const auto limits = m_client->get(base + QStringLiteral("/limits"));
        QCOMPARE(limits.status, 200);
        const QJsonObject absolute = limits.json()[QStringLiteral("limits")][QStringLiteral("absolute")].toObject();
        compareKeys(sample(QStringLiteral("limits-show-response.json"))[QStringLiteral("limits")][QStringLiteral("absolute")].toObject(), absolute);
        QCOMPARE(absolute[QStringLiteral("totalVolumesUsed")].toInt(), 3);
        QCOMPARE(absolute[QStringLiteral("totalGigabytesUsed")].toInt(), 4); // 1 + 2 + 1 GiB
        QCOMPARE(absolute[QStringLiteral("maxTotalVolumes")].toInt(), 10);
        const auto quota = m_client->get(base + QStringLiteral("/os-quota-sets/") + Project);
        QCOMPARE(quota.status, 200);
        compareKeys(sample(QStringLiteral("quotas-show-response.json"))[QStringLiteral("quota_set")].toObject(),
                    quota.json()[QStringLiteral("quota_set")].toObject());
        QCOMPARE(quota.json()[QStringLiteral("quota_set")][QStringLiteral("volumes_fast")].toInt(), -1);
        const auto usage = m_client->get(base + QStringLiteral("/os-quota-sets/") + Project + QStringLiteral("?usage=True"));
        QCOMPARE(usage.status, 200);
        const QJsonObject set = usage.json()[QStringLiteral("quota_set")].toObject();
        compareKeys(sample(QStringLiteral("quotas-show-usage-response.json"))[QStringLiteral("quota_set")].toObject(), set);
        QCOMPARE(set[QStringLiteral("gigabytes")][QStringLiteral("in_use")].toInt(), 4);
        QCOMPARE(set[QStringLiteral("gigabytes")][QStringLiteral("limit")].toInt(), 1000);
        // Another project's quotas are for admins only.
        QCOMPARE(m_client->get(base + QStringLiteral("/os-quota-sets/0f9e8d7c6b5a49382716051423324150")).status, 403);
    }

    void quotaExceeded_data()
    {
        QTest::addColumn<QJsonObject>("quota");
        QTest::addColumn<QString>("collection"); // volumes or snapshots
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QString>("message");
        const QJsonObject oneGiB{{QStringLiteral("size"), 1}};
        QTest::newRow("volumes") << QJsonObject{{QStringLiteral("volumes"), 3}} << QStringLiteral("volumes") << oneGiB
                                 << QStringLiteral("VolumeLimitExceeded: Maximum number of volumes allowed (3) exceeded for quota 'volumes'.");
        QTest::newRow("gigabytes") << QJsonObject{{QStringLiteral("gigabytes"), 5}} << QStringLiteral("volumes")
                                   << QJsonObject{{QStringLiteral("size"), 2}}
                                   << QStringLiteral("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes "
                                                     "quota. Requested 2G, quota is 5G and 4G has been consumed.");
        QTest::newRow("gigabytes of a snapshot") << QJsonObject{{QStringLiteral("gigabytes"), 5}} << QStringLiteral("snapshots")
                                                 << QJsonObject{{QStringLiteral("volume_id"), DataVolume}, {QStringLiteral("force"), true}}
                                                 << QStringLiteral("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds "
                                                                   "allowed gigabytes quota. Requested 2G, quota is 5G and 4G has been consumed.");
        QTest::newRow("snapshots") << QJsonObject{{QStringLiteral("snapshots"), 0}} << QStringLiteral("snapshots")
                                   << QJsonObject{{QStringLiteral("volume_id"), SpareVolume}}
                                   << QStringLiteral("SnapshotLimitExceeded: Maximum number of snapshots allowed (0) exceeded");
    }

    void quotaExceeded()
    {
        QFETCH(QJsonObject, quota);
        QFETCH(QString, collection);
        QFETCH(QJsonObject, request);
        QFETCH(QString, message);
        QCOMPARE(m_control->request("PATCH", QStringLiteral("/_fake/settings"),
                                    QJsonDocument(QJsonObject{{QStringLiteral("volume_quota"), quota}}).toJson()).status, 200);
        const QString key = collection == QLatin1String("volumes") ? QStringLiteral("volume") : QStringLiteral("snapshot");
        const auto reply = m_client->postJson(QStringLiteral("/volume/v3/") + Project + QLatin1Char('/') + collection,
                                              QJsonObject{{key, request}});
        m_cloud.setVolumeQuota(10, 10, 1000);
        QCOMPARE(reply.status, 413);
        QCOMPARE(reply.json()[QStringLiteral("overLimit")][QStringLiteral("code")].toInt(), 413);
        QCOMPARE(reply.json()[QStringLiteral("overLimit")][QStringLiteral("message")].toString(), message);
        QVERIFY(m_cloud.leftoverVolumeIds().isEmpty());
        QVERIFY(m_cloud.leftoverSnapshotIds().isEmpty());
        // The quota back at its default, the same request goes through.
        const auto again = m_client->postJson(QStringLiteral("/volume/v3/") + Project + QLatin1Char('/') + collection, QJsonObject{{key, request}});
        QCOMPARE(again.status, 202);
        const QString id = again.json()[key][QStringLiteral("id")].toString();
        QVERIFY(waitFor(QStringLiteral("/volume/v3/") + Project + QLatin1Char('/') + collection + QLatin1Char('/') + id, key, QStringLiteral("available")));
        QVERIFY(remove(QStringLiteral("/volume/v3/") + Project + QLatin1Char('/') + collection + QLatin1Char('/') + id, key));
    }

    void faultSnapshotError()
    {
        QCOMPARE(m_control->postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("volume_snapshot_error")}}).status, 201);
        const auto created = m_client->postJson(snapshotsPath(), QJsonObject{{QStringLiteral("snapshot"), QJsonObject{{QStringLiteral("volume_id"), SpareVolume}}}});
        QCOMPARE(created.status, 202);
        const QString id = created.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        QCOMPARE(m_cloud.snapshotStatus(id), QStringLiteral("creating"));
        QVERIFY(waitForStatus(id, QStringLiteral("error")));
        QCOMPARE(m_cloud.pendingFaults(), 0);
        // A volume cannot be made from it; it can be deleted; the next snapshot is fine.
        QCOMPARE(m_client->postJson(volumesPath(), QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("snapshot_id"), id}}}}).status, 400);
        QVERIFY(remove(snapshotsPath() + QLatin1Char('/') + id, QStringLiteral("snapshot")));
        const QString fine = createSnapshot(SpareVolume);
        QVERIFY(!fine.isEmpty());
        QVERIFY(remove(snapshotsPath() + QLatin1Char('/') + fine, QStringLiteral("snapshot")));
    }

    void faultUpload_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("upload_failed") << QStringLiteral("upload_failed");
        QTest::newRow("upload_stuck") << QStringLiteral("upload_stuck");
    }

    void faultUpload()
    {
        QFETCH(QString, kind);
        QCOMPARE(m_control->postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), kind}}).status, 201);
        const auto reply = m_client->postJson(volumesPath() + QLatin1Char('/') + DataVolume + QStringLiteral("/action"),
                                              QJsonObject{{QStringLiteral("os-volume_upload_image"),
                                                           QJsonObject{{QStringLiteral("image_name"), QStringLiteral("doomed")},
                                                                       {QStringLiteral("force"), true}}}});
        QCOMPARE(reply.status, 202);
        const QString image = reply.json()[QStringLiteral("os-volume_upload_image")][QStringLiteral("image_id")].toString();
        QCOMPARE(m_cloud.volumeStatus(DataVolume), QStringLiteral("uploading"));
        QCOMPARE(m_cloud.imageStatus(image), QStringLiteral("queued"));
        if (kind == QLatin1String("upload_failed")) {
            // Cinder deletes the image it could not fill; the volume goes back to in-use.
            QVERIFY(waitFor(QStringLiteral("/image/v2/images/") + image, QString(), QString()));
            QVERIFY(waitForVolume(DataVolume, QStringLiteral("in-use")));
            QCOMPARE(m_cloud.stateLog(image, QStringLiteral("status")), (QStringList{QStringLiteral("queued"), QStringLiteral("saving")}));
        } else {
            QTest::qWait(1000); // three times the step: still uploading, the image still saving
            QCOMPARE(m_cloud.volumeStatus(DataVolume), QStringLiteral("uploading"));
            QCOMPARE(m_cloud.imageStatus(image), QStringLiteral("saving"));
            QCOMPARE(m_client->request("DELETE", volumesPath() + QLatin1Char('/') + DataVolume).status, 400);
            // Deleting the image ends the upload, as when Cinder's copy fails.
            QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + image).status, 204);
            QCOMPARE(m_cloud.volumeStatus(DataVolume), QStringLiteral("in-use"));
        }
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void faultUnavailable_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::newRow("list volumes") << QByteArray("GET") << QStringLiteral("/volumes/detail");
        QTest::newRow("create snapshot") << QByteArray("POST") << QStringLiteral("/snapshots");
        QTest::newRow("upload") << QByteArray("POST") << QStringLiteral("/volumes/") + SpareVolume + QStringLiteral("/action");
        QTest::newRow("quotas") << QByteArray("GET") << QStringLiteral("/os-quota-sets/") + Project;
    }

    void faultUnavailable()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QCOMPARE(m_control->postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("unavailable")},
                                                                                  {QStringLiteral("path"), QStringLiteral("^/volume/")},
                                                                                  {QStringLiteral("retry_after"), 7}}).status, 201);
        const auto reply = m_client->request(verb, QStringLiteral("/volume/v3/") + Project + path, "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.header("Retry-After"), QByteArray("7"));
        QCOMPARE(reply.json()[QStringLiteral("serviceUnavailable")][QStringLiteral("code")].toInt(), 503);
        QCOMPARE(m_cloud.pendingFaults(), 0);
        QVERIFY(m_cloud.leftoverSnapshotIds().isEmpty());
        QCOMPARE(m_cloud.volumeStatus(SpareVolume), QStringLiteral("available"));
    }

    void flavorExtraSpecs_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonObject>("extraSpecs");
        QTest::newRow("none") << QStringLiteral("1") << 200 << QJsonObject();
        QTest::newRow("cpu policy") << QStringLiteral("3") << 200 << QJsonObject{{QStringLiteral("hw:cpu_policy"), QStringLiteral("shared")}};
        QTest::newRow("unknown flavor") << QStringLiteral("404") << 404 << QJsonObject();
    }

    void flavorExtraSpecs()
    {
        QFETCH(QString, flavor);
        QFETCH(int, status);
        QFETCH(QJsonObject, extraSpecs);
        const auto reply = m_client->get(QStringLiteral("/compute/v2.1/flavors/") + flavor + QStringLiteral("/os-extra_specs"));
        QCOMPARE(reply.status, status);
        if (status == 200) {
            QVERIFY(reply.json()[QStringLiteral("extra_specs")].isObject());
            QCOMPARE(reply.json()[QStringLiteral("extra_specs")].toObject(), extraSpecs);
        }
    }

    void networking()
    {
        const auto networks = m_client->get(QStringLiteral("/networking/v2.0/networks"));
        QCOMPARE(networks.status, 200);
        QStringList names;
        for (const QJsonValue &n : networks.json()[QStringLiteral("networks")].toArray())
            names.append(n[QStringLiteral("name")].toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("private"), QStringLiteral("public")}));
        const auto groups = m_client->get(QStringLiteral("/networking/v2.0/security-groups?name=web"));
        QCOMPARE(groups.json()[QStringLiteral("security_groups")].toArray().size(), 1);
        QCOMPARE(m_client->get(QStringLiteral("/networking/v2.0/networks/b7a1c2d3-0000-4000-8000-00000000a003")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/networking/v2.0/networks/b7a1c2d3-0000-4000-8000-00000000a001")).status, 200);
    }

    // Cinder's default policy across projects: a member finds only its own project's volumes (another
    // project's is a 404, and all_tenants is ignored); an admin shows and snapshots any project's volume by
    // id through its own project's URL, and lists every project's with all_tenants (project_id narrows);
    // the admin's snapshot belongs to the admin's project. Snapshots alike: by id and all_tenants for an admin.
    void otherProjectsVolumes()
    {
        const QString otherProject = QStringLiteral("0f9e8d7c6b5a49382716051423324150");
        HttpTestClient alice(m_cloud.baseUrl());
        QVERIFY(!alice.login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("other")).isEmpty());
        HttpTestClient admin(m_cloud.baseUrl());
        QVERIFY(!admin.login(QStringLiteral("admin"), QStringLiteral("admin-password"), QStringLiteral("demo")).isEmpty());
        const QString alicePath = QStringLiteral("/volume/v3/") + otherProject + QStringLiteral("/volumes");
        const auto created = alice.postJson(alicePath, QJsonObject{{QStringLiteral("volume"),
                                                                    QJsonObject{{QStringLiteral("size"), 1},
                                                                                {QStringLiteral("name"), QStringLiteral("alices")}}}});
        QCOMPARE(created.status, 202);
        const QString id = created.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(id), QStringLiteral("available"), 5000);
        const QString byId = volumesPath() + QLatin1Char('/') + id;
        auto idsOf = [](const HttpTestClient::Reply &reply) {
            QStringList ids;
            for (const QJsonValue &v : reply.json()[QStringLiteral("volumes")].toArray())
                ids.append(v[QStringLiteral("id")].toString());
            return ids;
        };
        const QJsonObject snapshotRequest{{QStringLiteral("snapshot"), QJsonObject{{QStringLiteral("volume_id"), id},
                                                                                   {QStringLiteral("force"), true}}}};

        // The member: 404 by id (show, snapshot, clone), and all_tenants lists its own project's only.
        QCOMPARE(m_client->get(byId).status, 404);
        QCOMPARE(m_client->postJson(snapshotsPath(), snapshotRequest).status, 404);
        QCOMPARE(m_client->postJson(volumesPath(), QJsonObject{{QStringLiteral("volume"), QJsonObject{{QStringLiteral("source_volid"), id}}}})
                     .status,
                 404);
        const QStringList memberAll = idsOf(m_client->get(volumesPath() + QStringLiteral("?all_tenants=1")));
        QVERIFY(!memberAll.contains(id));
        QCOMPARE(memberAll, idsOf(m_client->get(volumesPath())));
        QVERIFY(memberAll.contains(SpareVolume));

        // The admin (scoped to demo): shows it, with its project; lists it only with all_tenants.
        const auto shown = admin.get(byId);
        QCOMPARE(shown.status, 200);
        QCOMPARE(shown.json()[QStringLiteral("volume")][QStringLiteral("os-vol-tenant-attr:tenant_id")].toString(), otherProject);
        QVERIFY(!idsOf(admin.get(volumesPath())).contains(id));
        const QStringList adminAll = idsOf(admin.get(volumesPath() + QStringLiteral("/detail?all_tenants=1")));
        QVERIFY(adminAll.contains(id));
        QVERIFY(adminAll.contains(SpareVolume));
        QCOMPARE(idsOf(admin.get(volumesPath() + QStringLiteral("?all_tenants=true&project_id=") + otherProject)), QStringList{id});
        QVERIFY(!idsOf(admin.get(volumesPath() + QStringLiteral("?all_tenants=0"))).contains(id));

        // The admin's snapshot of it is the admin's project's: alice does not see it, the admin deletes it.
        const auto snapshot = admin.postJson(snapshotsPath(), snapshotRequest);
        QCOMPARE(snapshot.status, 202);
        const QString snapshotId = snapshot.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        const QString snapshotPath = snapshotsPath() + QLatin1Char('/') + snapshotId;
        const auto snapshotShown = admin.get(snapshotPath);
        QCOMPARE(snapshotShown.status, 200);
        QCOMPARE(snapshotShown.json()[QStringLiteral("snapshot")][QStringLiteral("os-extended-snapshot-attributes:project_id")].toString(),
                 Project);
        QCOMPARE(snapshotShown.json()[QStringLiteral("snapshot")][QStringLiteral("volume_id")].toString(), id);
        QCOMPARE(alice.get(QStringLiteral("/volume/v3/") + otherProject + QStringLiteral("/snapshots/") + snapshotId).status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(snapshotPath).json()[QStringLiteral("snapshot")][QStringLiteral("status")].toString(),
                                  QStringLiteral("available"), 5000);
        QCOMPARE(admin.request("DELETE", snapshotPath).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(admin.get(snapshotPath).status, 404, 5000);

        // Alice's own snapshot: hidden from the member demo, shown to the admin by id and with all_tenants
        // (project_id narrows), deleted by alice.
        const QString aliceSnapshots = QStringLiteral("/volume/v3/") + otherProject + QStringLiteral("/snapshots");
        const auto own = alice.postJson(aliceSnapshots, snapshotRequest);
        QCOMPARE(own.status, 202);
        const QString ownId = own.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        auto snapshotIdsOf = [](const HttpTestClient::Reply &reply) {
            QStringList ids;
            for (const QJsonValue &v : reply.json()[QStringLiteral("snapshots")].toArray())
                ids.append(v[QStringLiteral("id")].toString());
            return ids;
        };
        QCOMPARE(m_client->get(snapshotsPath() + QLatin1Char('/') + ownId).status, 404);
        QVERIFY(!snapshotIdsOf(m_client->get(snapshotsPath() + QStringLiteral("?all_tenants=1"))).contains(ownId));
        const auto ownShown = admin.get(snapshotsPath() + QLatin1Char('/') + ownId);
        QCOMPARE(ownShown.status, 200);
        QCOMPARE(ownShown.json()[QStringLiteral("snapshot")][QStringLiteral("os-extended-snapshot-attributes:project_id")].toString(),
                 otherProject);
        QVERIFY(!snapshotIdsOf(admin.get(snapshotsPath())).contains(ownId));
        QVERIFY(snapshotIdsOf(admin.get(snapshotsPath() + QStringLiteral("/detail?all_tenants=true"))).contains(ownId));
        QCOMPARE(snapshotIdsOf(admin.get(snapshotsPath() + QStringLiteral("?all_tenants=1&project_id=") + otherProject)),
                 QStringList{ownId});
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(ownId), QStringLiteral("available"), 5000);
        QCOMPARE(alice.request("DELETE", aliceSnapshots + QLatin1Char('/') + ownId).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 5000);

        QCOMPARE(alice.request("DELETE", alicePath + QLatin1Char('/') + id).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.volumeStatus(id).isEmpty(), 5000);
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    // Polls the snapshot until it has `status` ("" : until it is gone, a 404); false after 5 s.
    bool waitForStatus(const QString &id, const QString &status)
    {
        return waitFor(snapshotsPath() + QLatin1Char('/') + id, QStringLiteral("snapshot"), status);
    }
    bool waitForVolume(const QString &id, const QString &status)
    {
        return waitFor(volumesPath() + QLatin1Char('/') + id, QStringLiteral("volume"), status);
    }
    bool waitFor(const QString &path, const QString &key, const QString &status)
    {
        for (int i = 0; i < 100; ++i) {
            const auto reply = m_client->get(path);
            const QJsonObject object = key.isEmpty() ? reply.json() : reply.json()[key].toObject();
            if (status.isEmpty() ? reply.status == 404 : object[QStringLiteral("status")].toString() == status)
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    // Creates a volume and waits until it is available; its id ("" on failure, reported with QVERIFY2).
    QString createVolume(const QJsonObject &request)
    {
        const auto reply = m_client->postJson(volumesPath(), QJsonObject{{QStringLiteral("volume"), request}});
        const QString id = reply.json()[QStringLiteral("volume")][QStringLiteral("id")].toString();
        [&] { QVERIFY2(reply.status == 202, reply.body.constData()); }();
        return reply.status == 202 && waitForVolume(id, QStringLiteral("available")) ? id : QString();
    }
    QString createSnapshot(const QString &volumeId, bool force = false)
    {
        QJsonObject request{{QStringLiteral("volume_id"), volumeId}, {QStringLiteral("name"), QStringLiteral("test-snap")}};
        if (force)
            request.insert(QStringLiteral("force"), true);
        const auto reply = m_client->postJson(snapshotsPath(), QJsonObject{{QStringLiteral("snapshot"), request}});
        const QString id = reply.json()[QStringLiteral("snapshot")][QStringLiteral("id")].toString();
        [&] { QVERIFY2(reply.status == 202, reply.body.constData()); }();
        return reply.status == 202 && waitForStatus(id, QStringLiteral("available")) ? id : QString();
    }
    // Deletes the volume (or snapshot) and waits until it is gone.
    bool remove(const QString &path, const QString &key)
    {
        return m_client->request("DELETE", path).status == 202 && waitFor(path, key, QString());
    }
    QByteArray controlSha256(const QString &path)
    {
        return m_control->get(path).json()[QStringLiteral("sha256")].toString().toLatin1();
    }
    bool writeVolume(const QString &id, qint64 offset, const QByteArray &bytes)
    {
        return m_control->request("PUT", QStringLiteral("/_fake/volumes/%1/disk?offset=%2").arg(id).arg(offset), bytes).status == 200;
    }
    // Uploads the volume to a new image and waits until the image is active; the image id.
    QString upload(const QString &volumeId, const QJsonObject &extra = {})
    {
        QJsonObject request{{QStringLiteral("image_name"), QStringLiteral("stackvault-upload")}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            request.insert(it.key(), it.value());
        const auto reply = m_client->postJson(volumesPath() + QLatin1Char('/') + volumeId + QStringLiteral("/action"),
                                              QJsonObject{{QStringLiteral("os-volume_upload_image"), request}});
        [&] { QVERIFY2(reply.status == 202, reply.body.constData()); }();
        const QString imageId = reply.json()[QStringLiteral("os-volume_upload_image")][QStringLiteral("image_id")].toString();
        return reply.status == 202 && waitFor(QStringLiteral("/image/v2/images/") + imageId, QString(), QStringLiteral("active"))
            ? imageId : QString();
    }
    QJsonObject imageJson(const QString &id) { return m_client->get(QStringLiteral("/image/v2/images/") + id).json(); }

    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<HttpTestClient> m_control; // the control API: no token
};

QTEST_GUILESS_MAIN(TestVolumeService)
#include "tst_volumeservice.moc"
