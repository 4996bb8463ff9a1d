// An independent client agrees with what we wrote: python3-openstackclient (the `openstack` CLI that
// our users know) reads an image written over plain HTTP and reports the same checksums and bytes.

#include "httpclient.h"
#include "keystone.h"
#include "openstackcli.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestOpenstackCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        m_openstack = real::openstackExecutable();
        QVERIFY2(!m_openstack.isEmpty(), "no `openstack` CLI: tests/realcloud/install.sh installs it");
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_keystone.login(m_cloud.demo()), qPrintable(m_keystone.error()));

        QList<quint32> words(3 * 1024 * 1024 / 4 + 5);
        QRandomGenerator::global()->fillRange(words.data(), words.size());
        m_data = QByteArray(reinterpret_cast<const char *>(words.constData()),
                            words.size() * qsizetype(sizeof(quint32)));

        const QUrl glance = m_keystone.endpoint(QStringLiteral("image"));
        real::HttpResult r = m_keystone.http().send(
            "POST", QUrl(glance.toString() + QStringLiteral("/v2/images")), {{"Content-Type", "application/json"}},
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("realcloud-cli-")
                                                                           + QUuid::createUuid().toString(QUuid::WithoutBraces))},
                                      {QStringLiteral("disk_format"), QStringLiteral("qcow2")},
                                      {QStringLiteral("container_format"), QStringLiteral("bare")}})
                .toJson(QJsonDocument::Compact));
        QVERIFY2(r.status == 201, r.describe().constData());
        m_imageId = r.json()[QStringLiteral("id")].toString();
        m_imageUrl = QUrl(glance.toString() + QStringLiteral("/v2/images/") + m_imageId);
        r = m_keystone.http().send("PUT", QUrl(m_imageUrl.toString() + QStringLiteral("/file")),
                                   {{"Content-Type", "application/octet-stream"}}, m_data);
        QVERIFY2(r.status == 204, r.describe().constData());
    }

    void imageShowAgreesOnChecksums()
    {
        const real::CliResult cli = run({QStringLiteral("image"), QStringLiteral("show"), QStringLiteral("-f"),
                                   QStringLiteral("json"), m_imageId});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QJsonObject image = QJsonDocument::fromJson(cli.out).object();
        QCOMPARE(image.value(QStringLiteral("id")).toString(), m_imageId);
        QCOMPARE(image.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(image.value(QStringLiteral("disk_format")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(image.value(QStringLiteral("size")).toInteger(), m_data.size());
        QCOMPARE(image.value(QStringLiteral("checksum")).toString().toLatin1(),
                 QCryptographicHash::hash(m_data, QCryptographicHash::Md5).toHex());
        // openstackclient 6 lists os_hash_value among "properties"; keep working if it moves up.
        QString sha512 = image.value(QStringLiteral("os_hash_value")).toString();
        if (sha512.isEmpty())
            sha512 = image.value(QStringLiteral("properties")).toObject().value(QStringLiteral("os_hash_value")).toString();
        QCOMPARE(sha512.toLatin1(), QCryptographicHash::hash(m_data, QCryptographicHash::Sha512).toHex());
    }

    void imageSaveReturnsTheBytes()
    {
        const QString file = m_tmp.filePath(QStringLiteral("saved.img"));
        const real::CliResult cli = run({QStringLiteral("image"), QStringLiteral("save"), QStringLiteral("--file"), file,
                                   m_imageId});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.size(), m_data.size());
        QVERIFY(saved.readAll() == m_data);
    }

    void cleanupTestCase()
    {
        if (!m_imageId.isEmpty())
            QCOMPARE(m_keystone.http().send("DELETE", m_imageUrl).status, 204);
    }

private:
    real::CliResult run(const QStringList &arguments) { return real::runOpenstack(m_cloud, arguments); }

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_keystone{m_cloud};
    QTemporaryDir m_tmp;
    QString m_openstack;
    QByteArray m_data;
    QString m_imageId;
    QUrl m_imageUrl;
};

QTEST_GUILESS_MAIN(TestOpenstackCli)
#include "tst_openstackcli.moc"
