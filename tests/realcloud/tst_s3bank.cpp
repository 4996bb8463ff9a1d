// S3Bank against a REAL S3 implementation: Swift's s3api + s3token middleware with the demo user's
// Keystone EC2 credentials (tests/realcloud/start.sh). The shared bank suite (banksuite.cpp) with the
// same assertions as the local and Swift banks, then what only S3 has: multipart upload, Signature V4
// refused with a wrong secret, errors naming the bucket and object.
#include "bank/s3bank.h"
#include "bank/s3objectstore.h"

#include "bankfixtures.h"
#include "banksuite.h"
#include "checkpointfixtures.h"
#include "realcloud.h"

#include <QTest>
#include <QUuid>

using namespace sv;

namespace {

QString freshBucket()
{
    return QStringLiteral("sv-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestS3Bank : public BankSuite
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    S3Profile m_profile;
    QString m_secret;

protected:
    QStringList backends() const override { return {QStringLiteral("s3")}; }
    std::shared_ptr<ObjectStoreBank> newObjectStoreBank() override
    {
        return std::make_shared<S3Bank>(m_profile, m_secret, freshBucket());
    }
    std::unique_ptr<ObjectStore> storeLike(const ObjectStoreBank &bank) override
    {
        return std::make_unique<S3ObjectStore>(m_profile, m_secret,
                                               static_cast<const S3ObjectStore &>(bank.store()).bucket());
    }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        m_profile = real::s3Profile(m_cloud);
        m_secret = m_cloud.value(QStringLiteral("REALCLOUD_S3_SECRET_KEY"));
        QVERIFY2(m_profile.validationError().isEmpty(), qPrintable(m_profile.validationError()));
    }

    void cleanupTestCase() { deleteWhatTestsWrote(); }

    // Above the threshold an object goes up in parts (S3 reports "<md5 of md5s>-<parts>" as its ETag)
    // and comes back whole; ranged reads across a part boundary work.
    void multipartUpload_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("parts");
        QTest::newRow("below the threshold: one PUT") << qint64(8 * 1024 * 1024) << 0;
        QTest::newRow("three parts, the last short") << qint64(12 * 1024 * 1024 + 333) << 3;
        QTest::newRow("two full parts") << qint64(10 * 1024 * 1024) << 2;
        QTest::newRow("six parts, four in flight") << qint64(27 * 1024 * 1024 + 1) << 6;
    }
    void multipartUpload()
    {
        QFETCH(qint64, size);
        QFETCH(int, parts);
        auto bank = std::static_pointer_cast<S3Bank>(makeObjectStoreBank());
        bank->s3Store().setMultipart(8 * 1024 * 1024, S3ObjectStore::MinPartSize);
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const QByteArray data = svtest::generateImage(size, 90);
        QVERIFY2(bank->putObject(QStringLiteral("big/object"), data, &error), qPrintable(error.message));
        // Several parts go up at once, never more than PartsInFlight.
        if (parts > 2)
            QVERIFY2(bank->s3Store().lastPartsPeak() >= 2, qPrintable(QString::number(bank->s3Store().lastPartsPeak())));
        QVERIFY(bank->s3Store().lastPartsPeak() <= S3ObjectStore::PartsInFlight);
        QByteArray etag;
        QVERIFY2(bank->s3Store().objectEtag(QStringLiteral("big/object"), &etag, &error), qPrintable(error.message));
        const QByteArray partsSuffix = QByteArray("-") + QByteArray::number(parts);
        QCOMPARE(etag.endsWith(partsSuffix), parts > 0);
        QByteArray back;
        QVERIFY2(bank->getObject(QStringLiteral("big/object"), &back, &error), qPrintable(error.message));
        QCOMPARE(back.size(), data.size());
        QVERIFY(back == data);
        const qint64 boundary = S3ObjectStore::MinPartSize;
        QVERIFY2(bank->store().getObjectRange(QStringLiteral("big/object"), boundary - 100, 200, &back, &error),
                 qPrintable(error.message));
        QCOMPARE(back, data.mid(boundary - 100, 200));
        // The listing shows the one object, at its full size (no parts left over under its name).
        QList<ObjectStoreBank::Listed> listed;
        QVERIFY2(bank->listObjects(QStringLiteral("big/"),
                                   [&](const ObjectStoreBank::Listed &entry) {
                                       listed.append(entry);
                                       return true;
                                   },
                                   &error),
                 qPrintable(error.message));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].bytes, size);
    }

    // Signature V4 with a wrong secret is refused by Keystone's EC2 check; the error names the storage,
    // what S3 said and what to do, and never the secret.
    void wrongSecretSaysWhatToDo()
    {
        const QString wrongSecret = QStringLiteral("not-the-secret-") + m_secret.left(4);
        S3Bank bank(m_profile, wrongSecret, freshBucket());
        BankError error;
        QVERIFY(!bank.open(&error));
        qInfo() << error.message;
        QCOMPARE(error.code, BankError::Code::NotWritable);
        QVERIFY2(error.message.contains(QStringLiteral("s3:realcloud-s3/sv-test-")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("HTTP 403")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("access key id")), qPrintable(error.message));
        QVERIFY(!error.message.contains(wrongSecret));
        QVERIFY(!error.message.contains(m_secret));
    }

    // An object or bucket that is not there: NotFound, naming the bucket and the object.
    void missingObjectAndBucketNamed()
    {
        auto bank = makeObjectStoreBank();
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        QByteArray data;
        QVERIFY(!bank->getObject(QStringLiteral("checkpoints/absent.json"), &data, &error));
        QCOMPARE(error.code, BankError::Code::NotFound);
        QVERIFY2(error.message.contains(bank->location() + QStringLiteral(", object checkpoints/absent.json")),
                 qPrintable(error.message));

        S3ObjectStore missing(m_profile, m_secret, freshBucket());
        QVERIFY(!missing.getObject(QStringLiteral("bank.json"), &data, &error));
        QCOMPARE(error.code, BankError::Code::NotFound);
        QVERIFY2(error.message.contains(QStringLiteral("NoSuchBucket")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("The bucket %1 does not exist").arg(missing.bucket())),
                 qPrintable(error.message));
    }

    // A bank opened twice on the same bucket (a second process) sees the first one's checkpoints.
    void secondOpenSeesTheSameBank()
    {
        const QString bucket = freshBucket();
        auto first = std::make_shared<S3Bank>(m_profile, m_secret, bucket);
        BankError error;
        QVERIFY2(first->open(&error), qPrintable(error.message));
        const QString id = svtest::backup(*first, QStringLiteral("twice"), svtest::generateImage(2 * 1024 * 1024, 95),
                                          &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        S3Bank second(m_profile, m_secret, bucket);
        QVERIFY2(second.open(&error), qPrintable(error.message));
        QList<CheckpointSummary> list;
        QVERIFY2(second.listCheckpoints(&list, &error), qPrintable(error.message));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].id, id);
        BankError ignored;
        real::deleteAllObjects(*first, &ignored);
    }

    void specParsing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("bucket");
        QTest::newRow("profile and bucket") << QStringLiteral("s3:backup-eu/stackvault") << true
                                            << QStringLiteral("backup-eu") << QStringLiteral("stackvault");
        QTest::newRow("no bucket") << QStringLiteral("s3:backup-eu") << false << QString() << QString();
        QTest::newRow("empty bucket") << QStringLiteral("s3:backup-eu/") << false << QString() << QString();
        QTest::newRow("no profile") << QStringLiteral("s3:/bucket") << false << QString() << QString();
        QTest::newRow("a slash in the bucket") << QStringLiteral("s3:p/b/c") << false << QString() << QString();
        QTest::newRow("a folder") << QStringLiteral("/home/me/bank") << false << QString() << QString();
        QTest::newRow("swift") << QStringLiteral("swift:cloud/container") << false << QString() << QString();
    }
    void specParsing()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QFETCH(QString, profile);
        QFETCH(QString, bucket);
        QString parsedProfile;
        QString parsedBucket;
        QCOMPARE(S3Bank::parseSpec(spec, &parsedProfile, &parsedBucket), valid);
        if (valid) {
            QCOMPARE(parsedProfile, profile);
            QCOMPARE(parsedBucket, bucket);
        }
    }
};

QTEST_GUILESS_MAIN(TestS3Bank)
#include "tst_s3bank.moc"
