// `stackvault-cli copy` between real object stores: a backup in an encrypted local folder is copied into
// a real Swift container (another key), from there into a real S3 bucket (Swift's s3api, another key),
// and from there back into a new plain local folder; verify passes at every stop, and the final copy
// restores the original bytes. A second copy moves nothing, an incremental one only the changed chunks.
// REALCLOUD_COPY_MIB sets the image size (default 32 MiB); the copies' times are printed.
#include "bank/localbank.h"
#include "bank/s3bank.h"
#include "bank/swiftbank.h"
#include "keyringprobe.h"
#include "openstack/session.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"
#include "clirunner.h"
#include "realcloud.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sv;

namespace {

const QString kLocalPassphrase = QStringLiteral("local passphrase");
const QString kSwiftPassphrase = QStringLiteral("swift passphrase");
const QString kS3Passphrase = QStringLiteral("s3 passphrase");
const QString kSourceVariable = QStringLiteral("STACKVAULT_BANK_PASSPHRASE");
const QString kTargetVariable = QStringLiteral("STACKVAULT_TARGET_BANK_PASSPHRASE");

QString shortId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

} // namespace

class TestCopy : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    QTemporaryDir m_home;
    svtest::CliRunner m_runner{m_home.path()};
    QString m_cloudName;
    QString m_s3Name;
    QString m_container;
    QString m_bucket;
    std::shared_ptr<SwiftBank> m_swift; // for cleaning up
    std::shared_ptr<S3Bank> m_s3;
    QByteArray m_image;

    QString local() const { return m_home.filePath(QStringLiteral("local")); }
    QString back() const { return m_home.filePath(QStringLiteral("back")); }
    QString swift() const { return QStringLiteral("swift:%1/%2").arg(m_cloudName, m_container); }
    QString s3() const { return QStringLiteral("s3:%1/%2").arg(m_s3Name, m_bucket); }

    // One copy; its --json report, or an empty object after a failed assertion.
    QJsonObject copy(const QString &id, const QString &from, const QString &fromPassphrase, const QString &to,
                     const QString &toPassphrase, const QStringList &extra = {})
    {
        const svtest::CliRun run = m_runner.run(QStringList{QStringLiteral("copy"), id, QStringLiteral("--from"), from,
                                                            QStringLiteral("--to"), to, QStringLiteral("--json")}
                                                    + extra,
                                                {}, {{kSourceVariable, fromPassphrase}, {kTargetVariable, toPassphrase}},
                                                30 * 60 * 1000);
        if (run.exitCode != 0) {
            qWarning("%s", run.describe().constData());
            return {};
        }
        const QJsonObject report = run.lastJson();
        qInfo("copy %s -> %s: %lld bytes read, %lld new bytes (%lld stored), %lld chunks new, %lld shared, %.2f s",
              qPrintable(from), qPrintable(to), report.value(QStringLiteral("bytes_read")).toInteger(),
              report.value(QStringLiteral("new_bytes")).toInteger(),
              report.value(QStringLiteral("new_stored_bytes")).toInteger(),
              report.value(QStringLiteral("chunks_new")).toInteger(),
              report.value(QStringLiteral("chunks_shared")).toInteger(),
              double(report.value(QStringLiteral("duration_ms")).toInteger()) / 1000.0);
        return report;
    }
    void verify(const QString &id, const QString &bank, const QString &passphrase)
    {
        const svtest::CliRun run = m_runner.run({QStringLiteral("verify"), id, QStringLiteral("--bank"), bank}, {},
                                                {{kSourceVariable, passphrase}}, 30 * 60 * 1000);
        QVERIFY2(run.exitCode == 0 && run.out.contains("is intact"), run.describe().constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_home.isValid());
        m_runner.setEnvironment(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1,localhost"));
        const int mib = qEnvironmentVariableIsSet("REALCLOUD_COPY_MIB") ? qEnvironmentVariableIntValue("REALCLOUD_COPY_MIB") : 32;
        m_image = svtest::generateImage(qint64(mib) * 1024 * 1024, 77);

        m_cloudName = QStringLiteral("copy-") + shortId();
        m_container = QStringLiteral("sv-copy-") + shortId();
        const real::Credentials demo = m_cloud.demo();
        const svtest::CliRun add = m_runner.run(
            {QStringLiteral("clouds"), QStringLiteral("add"), m_cloudName, QStringLiteral("--auth-url"),
             m_cloud.authUrl().toString(), QStringLiteral("--user"), demo.username, QStringLiteral("--project"),
             demo.projectName, QStringLiteral("--region"), m_cloud.regionName(), QStringLiteral("--password-stdin")},
            demo.password.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        m_swift = std::make_shared<SwiftBank>(openstack::Session::create(real::demoProfile(m_cloud, m_cloudName), demo.password),
                                              m_container);

        m_s3Name = QStringLiteral("copy-s3-") + shortId();
        m_bucket = QStringLiteral("sv-copy-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const S3Profile profile = real::s3Profile(m_cloud, m_s3Name);
        const QString secret = m_cloud.value(QStringLiteral("REALCLOUD_S3_SECRET_KEY"));
        const svtest::CliRun s3add = m_runner.run(
            {QStringLiteral("s3"), QStringLiteral("add"), m_s3Name, QStringLiteral("--endpoint"),
             profile.endpoint.toString(), QStringLiteral("--region"), profile.region, QStringLiteral("--access-key-id"),
             profile.accessKeyId, QStringLiteral("--secret-stdin")},
            secret.toUtf8());
        QVERIFY2(s3add.exitCode == 0, s3add.describe().constData());
        m_s3 = std::make_shared<S3Bank>(profile, secret, m_bucket);
    }

    void cleanupTestCase()
    {
        BankError error;
        if (m_swift)
            real::deleteAllObjects(*m_swift, &error);
        if (m_s3)
            real::deleteAllObjects(*m_s3, &error);
        m_runner.run({QStringLiteral("clouds"), QStringLiteral("remove"), m_cloudName});
        m_runner.run({QStringLiteral("s3"), QStringLiteral("remove"), m_s3Name});
    }

    void localToSwiftToS3AndBack()
    {
        // The original: an encrypted local folder with two backups of one server, 2 % changed between them.
        LocalBank origin(local());
        origin.setEncryptNewBank(true);
        origin.setPassphrase(kLocalPassphrase.toUtf8());
        BankError error;
        QVERIFY2(origin.open(&error), qPrintable(error.message));
        const QString first = svtest::backup(origin, QStringLiteral("s1"), m_image, &error);
        QVERIFY2(!first.isEmpty(), qPrintable(error.message));
        const QByteArray changed = svtest::mutate(m_image, 0.02, 4, 78);
        ImageRecord secondRecord;
        const QString second = svtest::backup(origin, QStringLiteral("s1"), changed, &error, &secondRecord);
        QVERIFY2(!second.isEmpty(), qPrintable(error.message));

        // local → Swift (a new container: made encrypted with its own passphrase)
        QJsonObject report = copy(first, local(), kLocalPassphrase, swift(), kSwiftPassphrase);
        QVERIFY(report.value(QStringLiteral("copied")).toBool());
        QVERIFY(report.value(QStringLiteral("target_encrypted")).toBool());
        QCOMPARE(report.value(QStringLiteral("bytes_read")).toInteger(), m_image.size());
        verify(first, swift(), kSwiftPassphrase);
        // Again: nothing to do, nothing moved.
        report = copy(first, local(), kLocalPassphrase, swift(), kSwiftPassphrase);
        QVERIFY(!report.isEmpty());
        QVERIFY(!report.value(QStringLiteral("copied")).toBool());
        QCOMPARE(report.value(QStringLiteral("new_stored_bytes")).toInteger(), 0);
        // The second backup: only what changed goes up (what its own backup added to the local folder).
        report = copy(second, local(), kLocalPassphrase, swift(), kSwiftPassphrase);
        QVERIFY(report.value(QStringLiteral("copied")).toBool());
        QCOMPARE(report.value(QStringLiteral("new_bytes")).toInteger(), secondRecord.newBytes);
        QVERIFY(report.value(QStringLiteral("chunks_shared")).toInteger() > report.value(QStringLiteral("chunks_new")).toInteger());

        // Swift → S3 (a new bucket, another key), both backups
        for (const QString &id : {first, second}) {
            report = copy(id, swift(), kSwiftPassphrase, s3(), kS3Passphrase);
            QVERIFY(report.value(QStringLiteral("copied")).toBool());
            verify(id, s3(), kS3Passphrase);
        }
        // S3 → a new plain local folder
        report = copy(second, s3(), kS3Passphrase, back(), QString(), {QStringLiteral("--no-encryption")});
        QVERIFY(report.value(QStringLiteral("copied")).toBool());
        QVERIFY(!report.value(QStringLiteral("target_encrypted")).toBool());
        verify(second, back(), QString());

        // Restored from the last copy: the original bytes, and the same index.
        LocalBank last(back());
        QVERIFY2(last.open(&error), qPrintable(error.message));
        QVERIFY(!last.keys().encrypted());
        QVERIFY(svtest::readImage(last, second, QStringLiteral("img-s1"), &error) == changed);
        CheckpointIndex original;
        CheckpointIndex copied;
        QVERIFY(origin.checkpoint(second, &original, &error));
        QVERIFY(last.checkpoint(second, &copied, &error));
        QCOMPARE(copied.created, original.created);
        QCOMPARE(copied.resources.size(), original.resources.size());
        QCOMPARE(copied.resources.at(0).metadata, original.resources.at(0).metadata);
        QCOMPARE(copied.options.value(QStringLiteral("copied_from")).toObject().value(QStringLiteral("location")).toString(),
                 s3());
    }
};

QTEST_GUILESS_MAIN(TestCopy)
#include "tst_copy.moc"
