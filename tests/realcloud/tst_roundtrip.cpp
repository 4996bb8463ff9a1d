// The whole point of StackVault against the real services: a server's disk, with what its users wrote
// after boot, is backed up through a Nova snapshot and restored — with real Keystone (tokens, catalog),
// real Glance (snapshot, download, restore upload, checksums) and only Nova faked: the fake cloud in
// external mode (tests/fakecloud/README.md) validates tokens at the real Keystone, creates the snapshot
// in the real Glance with Nova's properties, uploads the server's disk into it, and boots the restored
// server from the real Glance image. Its compute endpoint is registered in the real catalog, so
// StackVault's engine (BackupJob, RestoreJob, the ProtectionFixture of the unit tests) sees one cloud.
// Finally the real `openstack` CLI reads the restored image and agrees on its checksums.
#include "bank/bank.h"
#include "protectionfixture.h"

#include "keystone.h"
#include "openstackcli.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

using sv::JobOutcome;

namespace {

QByteArray hex(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(data, algorithm).toHex();
}

QByteArray randomBytes(qsizetype size)
{
    QList<quint32> words(size / 4 + 1);
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
}

QString uniqueName(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_demo{m_cloud};
    real::Keystone m_admin{m_cloud};
    std::unique_ptr<ProtectionFixture> f;
    QString m_glance;
    QString m_serviceId;
    QString m_marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArray m_base;       // the boot image's bytes
    QString m_baseImageId;   // in the real Glance
    QString m_serverId;      // in the fake Nova
    QStringList m_imagesToDelete;
    // What the round trip produced, for the CLI check.
    sv::ImageRecord m_record;
    QByteArray m_md5; // of the backed-up disk (Glance's `checksum`)
    QString m_restoredImageId;

    QUrl glance(const QString &path) const { return QUrl(m_glance + path); }
    QUrl compute(const QString &path) const { return QUrl(f->cloud.baseUrl() + QStringLiteral("/compute/v2.1") + path); }

    QJsonObject glanceImage(const QString &id, int *status = nullptr)
    {
        const real::HttpResult r = m_demo.http().send("GET", glance(QStringLiteral("/v2/images/") + id));
        if (status)
            *status = r.status;
        return r.json().object();
    }

    // Every image of the demo project in the real Glance (one page is plenty for a test cloud).
    QList<QJsonObject> projectImages()
    {
        QList<QJsonObject> images;
        const real::HttpResult r = m_demo.http().send(
            "GET", glance(QStringLiteral("/v2/images?limit=1000&owner=") + m_demo.projectId()));
        for (const QJsonValue &v : r.json().object().value(QStringLiteral("images")).toArray())
            images.append(v.toObject());
        return images;
    }

    QString waitForServer(const QString &id, int timeoutMs = 60000)
    {
        QElapsedTimer timer;
        timer.start();
        QString status;
        while (timer.elapsed() < timeoutMs) {
            const real::HttpResult r = m_demo.http().send("GET", compute(QStringLiteral("/servers/") + id));
            status = r.json()[QStringLiteral("server")][QStringLiteral("status")].toString();
            if (status != QLatin1String("BUILD"))
                return status;
            QTest::qWait(50);
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QVERIFY2(m_demo.login(m_cloud.demo()), qPrintable(m_demo.error()));
        QVERIFY2(m_admin.login(m_cloud.admin()), qPrintable(m_admin.error()));
        m_glance = m_demo.endpoint(QStringLiteral("image")).toString();
        QVERIFY(!m_glance.isEmpty());

        // The fake Nova: the test scenario plus the real demo project (its default security group).
        f = std::make_unique<ProtectionFixture>();
        const QString projectId = m_demo.projectId();
        QVERIFY(f->start([&](QJsonObject &scenario) {
            QJsonArray projects = scenario.value(QLatin1String("projects")).toArray();
            projects.append(QJsonObject{{QStringLiteral("id"), projectId}, {QStringLiteral("name"), QStringLiteral("realcloud-demo")}});
            scenario.insert(QStringLiteral("projects"), projects);
        }));
        // Slow enough that Glance's `queued` is seen before the upload starts.
        f->cloud.setSnapshotStepSeconds(0.3, 0.3, 0.1, 0.1);
        const real::Credentials admin = m_cloud.admin();
        fake::ExternalServices external;
        external.authUrl = m_cloud.authUrl().toString();
        external.adminUser = admin.username;
        external.adminPassword = admin.password;
        external.adminProject = admin.projectName;
        external.userDomain = admin.userDomainName;
        external.projectDomain = admin.projectDomainName;
        external.region = m_cloud.regionName();
        f->cloud.setExternalServices(external);
        QVERIFY(f->cloud.isExternal());
        m_serviceId = m_admin.registerService(QStringLiteral("compute"), QStringLiteral("nova"),
                                              QUrl(f->cloud.baseUrl() + QStringLiteral("/compute/v2.1")));
        QVERIFY2(!m_serviceId.isEmpty(), qPrintable(m_admin.error()));

        // StackVault's session: the real Keystone, so the real catalog (now with the fake compute).
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud);
        f->session = sv::openstack::Session::create(profile, demo.password);

        // The boot image in the real Glance, with properties a restored server needs.
        m_base = randomBytes(3 * 1024 * 1024 + 123);
        real::HttpResult r = m_demo.http().send(
            "POST", glance(QStringLiteral("/v2/images")), {{"Content-Type", "application/json"}},
            QJsonDocument(QJsonObject{{QStringLiteral("name"), uniqueName("sv-roundtrip-base-")},
                                      {QStringLiteral("disk_format"), QStringLiteral("raw")},
                                      {QStringLiteral("container_format"), QStringLiteral("bare")},
                                      {QStringLiteral("min_disk"), 1},
                                      {QStringLiteral("min_ram"), 128},
                                      {QStringLiteral("hw_qemu_guest_agent"), QStringLiteral("yes")},
                                      {QStringLiteral("hw_disk_bus"), QStringLiteral("scsi")},
                                      {QStringLiteral("os_type"), QStringLiteral("linux")},
                                      {QStringLiteral("sv_roundtrip_marker"), m_marker}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 201, r.describe().constData());
        m_baseImageId = r.json()[QStringLiteral("id")].toString();
        m_imagesToDelete.append(m_baseImageId);
        r = m_demo.http().send("PUT", glance(QStringLiteral("/v2/images/%1/file").arg(m_baseImageId)),
                               {{"Content-Type", "application/octet-stream"}}, m_base);
        QVERIFY2(r.status == 204, r.describe().constData());

        // A server booted from it in the fake Nova: its disk is downloaded from the real Glance.
        r = m_demo.http().send(
            "POST", compute(QStringLiteral("/servers")),
            {{"Content-Type", "application/json"}, {"OpenStack-API-Version", "compute 2.37"}},
            QJsonDocument(QJsonObject{{QStringLiteral("server"),
                                       QJsonObject{{QStringLiteral("name"), uniqueName("sv-roundtrip-")},
                                                   {QStringLiteral("imageRef"), m_baseImageId},
                                                   {QStringLiteral("flavorRef"), QStringLiteral("1")},
                                                   {QStringLiteral("networks"), QStringLiteral("none")}}}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 202, r.describe().constData());
        m_serverId = r.json()[QStringLiteral("server")][QStringLiteral("id")].toString();
        QCOMPARE(waitForServer(m_serverId), QStringLiteral("ACTIVE"));
        QCOMPARE(f->cloud.serverDiskSize(m_serverId), m_base.size());
        QCOMPARE(f->cloud.serverDiskSha256(m_serverId), hex(m_base, QCryptographicHash::Sha256));
    }

    void tokensAreTheRealKeystones()
    {
        // The fake Nova has never issued a token: it asks the real Keystone.
        real::HttpResult r = m_demo.http().send("GET", compute(QStringLiteral("/servers/") + m_serverId));
        QVERIFY2(r.status == 200, r.describe().constData());
        QCOMPARE(r.json()[QStringLiteral("server")][QStringLiteral("tenant_id")].toString(), m_demo.projectId());
        r = m_demo.http().send("GET", compute(QStringLiteral("/servers/") + m_serverId), {{"X-Auth-Token", "gAAAAABnot-a-real-token"}});
        QCOMPARE(r.status, 401);
    }

    void snapshotLandsInRealGlance()
    {
        // createImage below 2.45: the id comes in a Location header that must point at the real Glance.
        const QByteArray disk = f->cloud.readServerDisk(m_serverId, 0, f->cloud.serverDiskSize(m_serverId));
        QCOMPARE(disk.size(), m_base.size());
        const QString probe = QUuid::createUuid().toString(QUuid::WithoutBraces);
        real::HttpResult r = m_demo.http().send(
            "POST", compute(QStringLiteral("/servers/%1/action").arg(m_serverId)),
            {{"Content-Type", "application/json"}, {"OpenStack-API-Version", "compute 2.44"}},
            QJsonDocument(QJsonObject{{QStringLiteral("createImage"),
                                       QJsonObject{{QStringLiteral("name"), uniqueName("sv-roundtrip-probe-")},
                                                   {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("sv_probe"), probe}}}}}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 202, r.describe().constData());
        const QString location = QString::fromUtf8(r.header("Location"));
        QVERIFY2(location.startsWith(m_glance + QStringLiteral("/images/")), qPrintable(location));
        const QString id = location.section(QLatin1Char('/'), -1);
        m_imagesToDelete.append(id);

        QStringList statuses;
        QJsonObject image;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            int status = 0;
            image = glanceImage(id, &status);
            QCOMPARE(status, 200);
            const QString s = image.value(QStringLiteral("status")).toString();
            if (statuses.isEmpty() || statuses.last() != s)
                statuses.append(s);
            if (s != QLatin1String("queued") && s != QLatin1String("saving"))
                break;
            QTest::qWait(30);
        }
        qInfo("snapshot statuses seen in the real Glance: %s (%lld ms)", qPrintable(statuses.join(QStringLiteral(" -> "))),
              timer.elapsed());
        QCOMPARE(statuses.first(), QStringLiteral("queued"));
        QCOMPARE(statuses.last(), QStringLiteral("active"));
        for (const QString &s : statuses)
            QVERIFY2(s == QLatin1String("queued") || s == QLatin1String("saving") || s == QLatin1String("active"), qPrintable(s));
        // Nova's properties, the request's metadata, the boot image's inherited ones; Glance's owner.
        const QString userId = m_demo.tokenBody()[QStringLiteral("user")][QStringLiteral("id")].toString();
        QCOMPARE(image.value(QStringLiteral("image_type")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(image.value(QStringLiteral("instance_uuid")).toString(), m_serverId);
        QCOMPARE(image.value(QStringLiteral("base_image_ref")).toString(), m_baseImageId);
        QCOMPARE(image.value(QStringLiteral("user_id")).toString(), userId);
        QCOMPARE(image.value(QStringLiteral("owner")).toString(), m_demo.projectId());
        QCOMPARE(image.value(QStringLiteral("owner_project_name")).toString(), m_cloud.demo().projectName);
        QCOMPARE(image.value(QStringLiteral("owner_user_name")).toString(), m_cloud.demo().username);
        QCOMPARE(image.value(QStringLiteral("visibility")).toString(), QStringLiteral("private"));
        QCOMPARE(image.value(QStringLiteral("sv_probe")).toString(), probe);
        QCOMPARE(image.value(QStringLiteral("sv_roundtrip_marker")).toString(), m_marker);
        QCOMPARE(image.value(QStringLiteral("hw_qemu_guest_agent")).toString(), QStringLiteral("yes"));
        QCOMPARE(image.value(QStringLiteral("disk_format")).toString(), QStringLiteral("raw"));
        QVERIFY(image.value(QStringLiteral("min_disk")).toInt() >= 1);
        QCOMPARE(image.value(QStringLiteral("size")).toInteger(), disk.size());
        QCOMPARE(image.value(QStringLiteral("checksum")).toString().toLatin1(), hex(disk, QCryptographicHash::Md5));
        QCOMPARE(image.value(QStringLiteral("os_hash_value")).toString().toLatin1(), hex(disk, QCryptographicHash::Sha512));
        // The server's task_state is back to none, as after a real snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.serverTaskState(m_serverId).isEmpty(), 10000);
        QCOMPARE(m_demo.http().send("DELETE", glance(QStringLiteral("/v2/images/") + id)).status, 204);
        m_imagesToDelete.removeAll(id);
    }

    void backupWithDataAndRestore()
    {
        // "Users" write after boot; the snapshot must carry it, the original image does not.
        const qint64 offset = 1024 * 1024 + 17;
        const QByteArray userData = "written by the users of the server after boot " + QUuid::createUuid().toByteArray();
        QVERIFY(f->cloud.writeServerDisk(m_serverId, offset, userData));
        const QByteArray disk = f->cloud.readServerDisk(m_serverId, 0, f->cloud.serverDiskSize(m_serverId));
        QVERIFY(hex(disk, QCryptographicHash::Sha512) != hex(m_base, QCryptographicHash::Sha512));

        QElapsedTimer total;
        total.start();
        const sv::JobResult backup = f->run(new sv::BackupJob(f->backupRequest(m_serverId, true)), 120000);
        const qint64 backupMs = total.elapsed();
        QVERIFY2(backup.outcome == JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char(' ') + backup.details));
        const QString checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
        sv::CheckpointIndex index;
        sv::BankError bankError;
        QVERIFY2(f->bank->checkpoint(checkpointId, &index, &bankError), qPrintable(bankError.message));
        QCOMPARE(index.status, QStringLiteral("available"));
        QCOMPARE(index.consistency, QStringLiteral("quiesce-requested")); // hw_qemu_guest_agent=yes, inherited by the snapshot
        const sv::ProtectedResource *image = nullptr;
        for (const auto &resource : index.resources) {
            if (resource.image)
                image = &resource;
        }
        QVERIFY(image);
        // The checkpoint holds the snapshot (with the user data), not the original image.
        const QString snapshotId = image->metadata.value(QLatin1String("backed_up_image_id")).toString();
        QCOMPARE(image->metadata.value(QLatin1String("original_image_id")).toString(), m_baseImageId);
        QVERIFY(!snapshotId.isEmpty() && snapshotId != m_baseImageId);
        QCOMPARE(image->metadata.value(QLatin1String("from_server_snapshot")).toBool(), true);
        m_record = *image->image;
        QCOMPARE(m_record.size, disk.size());
        // The bank keeps Glance's sha512 (md5 only when Glance gives no sha512), checked over the stream.
        QVERIFY(m_record.md5.isEmpty() || m_record.md5 == hex(disk, QCryptographicHash::Md5));
        m_md5 = hex(disk, QCryptographicHash::Md5);
        QCOMPARE(m_record.sha512, hex(disk, QCryptographicHash::Sha512));
        QCOMPARE(m_record.diskFormat, QStringLiteral("raw"));
        const QJsonObject saved = image->metadata.value(QLatin1String("properties")).toObject();
        QCOMPARE(saved.value(QLatin1String("sv_roundtrip_marker")).toString(), m_marker);
        QCOMPARE(saved.value(QLatin1String("hw_disk_bus")).toString(), QStringLiteral("scsi"));

        // The temporary snapshot is gone from the real Glance.
        int status = 0;
        glanceImage(snapshotId, &status);
        QCOMPARE(status, 404);
        for (const QJsonObject &leftover : projectImages()) {
            QVERIFY2(leftover.value(QStringLiteral("instance_uuid")).toString() != m_serverId,
                     qPrintable(QStringLiteral("snapshot %1 left behind").arg(leftover.value(QStringLiteral("id")).toString())));
            QVERIFY(leftover.value(QStringLiteral("stackvault_checkpoint")).toString() != checkpointId);
        }

        // Restore into the same real cloud: a new real Glance image and a new (fake) server from it.
        QElapsedTimer restoreTimer;
        restoreTimer.start();
        sv::RestoreRequest request = f->restoreRequest(checkpointId, uniqueName("sv-roundtrip-restored-"));
        request.networks = QStringList{QStringLiteral("none")}; // the fake Nova has no Neutron behind it here
        const sv::JobResult restore = f->run(new sv::RestoreJob(request), 120000);
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(restore.message + QLatin1Char(' ') + restore.details));
        m_restoredImageId = restore.data.value(QStringLiteral("image_id")).toString();
        const QString restoredServer = restore.data.value(QStringLiteral("server_id")).toString();
        QVERIFY(!m_restoredImageId.isEmpty() && !restoredServer.isEmpty());
        m_imagesToDelete.append(m_restoredImageId);
        qInfo("round trip: backup %lld ms, restore %lld ms, %lld bytes", backupMs, restoreTimer.elapsed(), qlonglong(disk.size()));

        // The real Glance's digests of the restored image are what the bank stored.
        const QJsonObject restored = glanceImage(m_restoredImageId, &status);
        QCOMPARE(status, 200);
        QCOMPARE(restored.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(restored.value(QStringLiteral("size")).toInteger(), m_record.size);
        QCOMPARE(restored.value(QStringLiteral("checksum")).toString().toLatin1(), m_md5);
        QCOMPARE(restored.value(QStringLiteral("os_hash_algo")).toString(), QStringLiteral("sha512"));
        QCOMPARE(restored.value(QStringLiteral("os_hash_value")).toString().toLatin1(), m_record.sha512);
        QCOMPARE(restored.value(QStringLiteral("disk_format")).toString(), m_record.diskFormat);
        QCOMPARE(restored.value(QStringLiteral("container_format")).toString(), m_record.containerFormat);
        // Every saved property is on the restored image; the snapshot's bookkeeping is not.
        for (auto it = saved.constBegin(); it != saved.constEnd(); ++it) {
            if (it.key() == QLatin1String("name"))
                continue;
            QVERIFY2(restored.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("property %1: saved %2, restored %3")
                                    .arg(it.key(), it.value().toVariant().toString(),
                                         restored.value(it.key()).toVariant().toString())));
        }
        QVERIFY(restored.value(QStringLiteral("min_disk")).toInt() >= 1);
        QCOMPARE(restored.value(QStringLiteral("min_ram")).toInt(), 128);
        QVERIFY(!restored.contains(QStringLiteral("instance_uuid")));
        QVERIFY(!restored.contains(QStringLiteral("stackvault_checkpoint")));

        // The restored server booted from that image: its disk, read back through the fake, holds the data.
        QCOMPARE(f->cloud.serverDiskSha256(restoredServer), hex(disk, QCryptographicHash::Sha256));
        QCOMPARE(f->cloud.readServerDisk(restoredServer, offset, userData.size()), userData);
        QVERIFY(f->cloud.serverDiskSha256(restoredServer) != hex(m_base, QCryptographicHash::Sha256));
    }

    void openstackCliAgreesOnTheRestoredImage()
    {
        QVERIFY2(!m_restoredImageId.isEmpty(), "the round trip did not restore an image");
        QVERIFY2(!real::openstackExecutable().isEmpty(), "no `openstack` CLI: tests/realcloud/install.sh installs it");
        real::CliResult cli = real::runOpenstack(m_cloud, {QStringLiteral("image"), QStringLiteral("show"), QStringLiteral("-f"),
                                                           QStringLiteral("json"), m_restoredImageId});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QJsonObject shown = QJsonDocument::fromJson(cli.out).object();
        QCOMPARE(shown.value(QStringLiteral("id")).toString(), m_restoredImageId);
        QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(shown.value(QStringLiteral("size")).toInteger(), m_record.size);
        QCOMPARE(shown.value(QStringLiteral("checksum")).toString().toLatin1(), m_md5);
        QString sha512 = shown.value(QStringLiteral("os_hash_value")).toString();
        if (sha512.isEmpty()) // openstackclient 6 lists it among "properties"
            sha512 = shown.value(QStringLiteral("properties")).toObject().value(QStringLiteral("os_hash_value")).toString();
        QCOMPARE(sha512.toLatin1(), m_record.sha512);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("restored.img"));
        cli = real::runOpenstack(m_cloud, {QStringLiteral("image"), QStringLiteral("save"), QStringLiteral("--file"), file,
                                           m_restoredImageId});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCryptographicHash md5(QCryptographicHash::Md5);
        QCryptographicHash sha(QCryptographicHash::Sha512);
        QVERIFY(md5.addData(&saved));
        saved.seek(0);
        QVERIFY(sha.addData(&saved));
        QCOMPARE(saved.size(), m_record.size);
        QCOMPARE(md5.result().toHex(), m_md5);
        QCOMPARE(sha.result().toHex(), m_record.sha512);
    }

    void cleanupTestCase()
    {
        if (!m_cloud.isAvailable())
            return;
        for (const QString &id : std::as_const(m_imagesToDelete)) {
            const int status = m_demo.http().send("DELETE", glance(QStringLiteral("/v2/images/") + id)).status;
            QVERIFY2(status == 204 || status == 404, qPrintable(QStringLiteral("DELETE image %1: %2").arg(id).arg(status)));
        }
        if (!m_serviceId.isEmpty())
            QVERIFY2(m_admin.removeService(m_serviceId), qPrintable(m_admin.error()));
        f.reset();
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
