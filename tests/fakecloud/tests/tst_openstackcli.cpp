// The real `openstack` CLI (python3-openstackclient) against the fake cloud: what users type on a real
// cloud works on the fake one too — flavors, a server created and waited for, a volume, a forced
// snapshot of it while attached, a volume from that snapshot, an image from that volume, attach and
// detach — and the bytes follow (volume -> snapshot -> volume -> image).
// Without the CLI the test skips; under CI=true it fails instead (tests/realcloud/install.sh installs it).
#include "fakecloud.h"
#include "openstackcli.h"
#include "realcloud.h"
#include "servicetestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using fake::FakeCloud;

class TestOpenstackCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (real::openstackExecutable().isEmpty()) {
            if (real::RealCloud::isRequired())
                QFAIL("no `openstack` CLI (python3-openstackclient), required under CI=true: tests/realcloud/install.sh installs it");
            QSKIP("openstack CLI: SKIPPED, python3-openstackclient is not installed (tests/realcloud/install.sh installs it)");
        }
        fake::startTestScenario(m_cloud);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(m_tmp.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : m_env.keys()) {
            if (name.startsWith(QLatin1String("OS_")) || name.endsWith(QLatin1String("_proxy"), Qt::CaseInsensitive))
                m_env.remove(name);
        }
        const QList<QPair<QString, QString>> values{
            {QStringLiteral("OS_AUTH_URL"), m_cloud.authUrl()},
            {QStringLiteral("OS_IDENTITY_API_VERSION"), QStringLiteral("3")},
            {QStringLiteral("OS_USERNAME"), QStringLiteral("demo")},
            {QStringLiteral("OS_PASSWORD"), QStringLiteral("demo-password")},
            {QStringLiteral("OS_PROJECT_NAME"), QStringLiteral("demo")},
            {QStringLiteral("OS_USER_DOMAIN_NAME"), QStringLiteral("Default")},
            {QStringLiteral("OS_PROJECT_DOMAIN_NAME"), QStringLiteral("Default")},
            {QStringLiteral("OS_REGION_NAME"), QStringLiteral("RegionOne")},
            {QStringLiteral("OS_INTERFACE"), QStringLiteral("public")}};
        for (const auto &[name, value] : values)
            m_env.insert(name, value);
    }

    void flavorList()
    {
        const QJsonArray flavors = json({QStringLiteral("flavor"), QStringLiteral("list")}).array();
        QStringList names;
        for (const QJsonValue &f : flavors)
            names.append(f[QStringLiteral("Name")].toString());
        QVERIFY2(names.contains(QStringLiteral("m1.tiny")) && names.contains(QStringLiteral("m1.small")), qPrintable(names.join(u',')));
        // `flavor show` reads os-extra_specs.
        const QJsonObject medium = json({QStringLiteral("flavor"), QStringLiteral("show"), QStringLiteral("m1.medium")}).object();
        QCOMPARE(medium[QStringLiteral("properties")][QStringLiteral("hw:cpu_policy")].toString(), QStringLiteral("shared"));
    }

    void serverCreateWait()
    {
        const QJsonObject server = json({QStringLiteral("server"), QStringLiteral("create"), QStringLiteral("--flavor"), QStringLiteral("m1.tiny"),
                                         QStringLiteral("--image"), QStringLiteral("cirros-0.6.2"), QStringLiteral("--network"),
                                         QStringLiteral("private"), QStringLiteral("--wait"), QStringLiteral("cli-server")}).object();
        QCOMPARE(server[QStringLiteral("status")].toString(), QStringLiteral("ACTIVE"));
        m_server = server[QStringLiteral("id")].toString();
        QCOMPARE(m_cloud.serverIdByName(QStringLiteral("cli-server")), m_server);
    }

    void volumeCreate()
    {
        const QJsonObject volume = json({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("--size"), QStringLiteral("1"),
                                         QStringLiteral("--property"), QStringLiteral("owner=cli"), QStringLiteral("cli-vol")}).object();
        QCOMPARE(volume[QStringLiteral("status")].toString(), QStringLiteral("creating"));
        QCOMPARE(volume[QStringLiteral("size")].toInt(), 1);
        m_volume = volume[QStringLiteral("id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(m_volume), QStringLiteral("available"), 10000);
        QVERIFY(m_cloud.writeVolumeDisk(m_volume, 512, QByteArray("written through the control API\n").repeated(100)));
    }

    void serverAddVolume()
    {
        run({QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("volume"), QStringLiteral("cli-server"), QStringLiteral("cli-vol")});
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(m_volume), QStringLiteral("in-use"), 10000);
        const QJsonObject volume = json({QStringLiteral("volume"), QStringLiteral("show"), QStringLiteral("cli-vol")}).object();
        QCOMPARE(volume[QStringLiteral("attachments")][0][QStringLiteral("server_id")].toString(), m_server);
    }

    void volumeSnapshotCreateForce()
    {
        // Attached: refused without --force, as Cinder does below 3.66.
        const real::CliResult refused = real::runOpenstack(m_env, {QStringLiteral("volume"), QStringLiteral("snapshot"), QStringLiteral("create"),
                                                                   QStringLiteral("--volume"), QStringLiteral("cli-vol"), QStringLiteral("refused")},
                                                           60000);
        QVERIFY2(refused.exitCode != 0, refused.out.constData());
        QVERIFY2(refused.err.contains("in-use"), refused.err.constData());
        m_atSnapshot = m_cloud.volumeDiskSha256(m_volume);
        const QJsonObject snapshot = json({QStringLiteral("volume"), QStringLiteral("snapshot"), QStringLiteral("create"), QStringLiteral("--volume"),
                                           QStringLiteral("cli-vol"), QStringLiteral("--force"), QStringLiteral("cli-snap")}).object();
        m_snapshot = snapshot[QStringLiteral("id")].toString();
        QCOMPARE(snapshot[QStringLiteral("volume_id")].toString(), m_volume);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.snapshotStatus(m_snapshot), QStringLiteral("available"), 10000);
        QVERIFY(m_cloud.writeVolumeDisk(m_volume, 0, "after the snapshot"));
    }

    void volumeCreateFromSnapshot()
    {
        const QJsonObject volume = json({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("--snapshot"), QStringLiteral("cli-snap"),
                                         QStringLiteral("cli-vol2")}).object();
        m_copy = volume[QStringLiteral("id")].toString();
        QCOMPARE(volume[QStringLiteral("snapshot_id")].toString(), m_snapshot);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(m_copy), QStringLiteral("available"), 10000);
        QCOMPARE(m_cloud.volumeDiskSha256(m_copy), m_atSnapshot);
    }

    void imageCreateFromVolume()
    {
        const QJsonObject upload = json({QStringLiteral("image"), QStringLiteral("create"), QStringLiteral("--volume"), QStringLiteral("cli-vol2"),
                                         QStringLiteral("cli-image")}).object();
        m_image = upload[QStringLiteral("image_id")].toString();
        QVERIFY2(!m_image.isEmpty(), QJsonDocument(upload).toJson().constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.imageStatus(m_image), QStringLiteral("active"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(m_copy), QStringLiteral("available"), 10000);
        QCOMPARE(m_cloud.imageSha256(m_image), m_atSnapshot);
        const QString file = m_tmp.filePath(QStringLiteral("cli-image.raw"));
        run({QStringLiteral("image"), QStringLiteral("save"), QStringLiteral("--file"), file, QStringLiteral("cli-image")});
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(saved.readAll(), QCryptographicHash::Sha256).toHex(), m_atSnapshot);
    }

    void serverRemoveVolume()
    {
        run({QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("volume"), QStringLiteral("cli-server"), QStringLiteral("cli-vol")});
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(m_volume), QStringLiteral("available"), 10000);
        const QJsonObject server = json({QStringLiteral("server"), QStringLiteral("show"), QStringLiteral("cli-server")}).object();
        QVERIFY(server[QStringLiteral("volumes_attached")].toArray().isEmpty());
    }

    void cleanUp()
    {
        run({QStringLiteral("server"), QStringLiteral("delete"), QStringLiteral("--wait"), QStringLiteral("cli-server")});
        run({QStringLiteral("image"), QStringLiteral("delete"), QStringLiteral("cli-image")});
        run({QStringLiteral("volume"), QStringLiteral("delete"), QStringLiteral("cli-vol2")});
        run({QStringLiteral("volume"), QStringLiteral("snapshot"), QStringLiteral("delete"), QStringLiteral("cli-snap")});
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 10000);
        run({QStringLiteral("volume"), QStringLiteral("delete"), QStringLiteral("cli-vol")});
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverVolumeIds().isEmpty(), 10000);
        QVERIFY(m_cloud.leftoverServerIds().isEmpty());
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    // Runs `openstack ARGUMENTS`; a failure fails the test with the CLI's stderr.
    QByteArray run(const QStringList &arguments)
    {
        const real::CliResult cli = real::runOpenstack(m_env, arguments, 60000);
        [&] { QVERIFY2(cli.exitCode == 0, qPrintable(QStringLiteral("openstack %1: %2").arg(arguments.join(u' '), QString::fromUtf8(cli.err)))); }();
        return cli.out;
    }
    QJsonDocument json(QStringList arguments)
    {
        arguments << QStringLiteral("-f") << QStringLiteral("json");
        return QJsonDocument::fromJson(run(arguments));
    }

    FakeCloud m_cloud;
    QProcessEnvironment m_env;
    QTemporaryDir m_tmp;
    QString m_server;
    QString m_volume;
    QString m_snapshot;
    QString m_copy;
    QString m_image;
    QByteArray m_atSnapshot;
};

QTEST_GUILESS_MAIN(TestOpenstackCli)
#include "tst_openstackcli.moc"
