// BankService: the backup storage opened from its location, the same way for the desktop app and the
// CLI — a folder at once (opened on the thread pool), swift:CLOUD/CONTAINER on the saved cloud's shared
// session. The fake cloud has no Swift, so a container there must fail with Swift's own sentence after
// signing in to that cloud and no other (the Swift bank itself is tested on real Swift, tests/realcloud).
// s3:PROFILE/BUCKET reads the saved S3 profile and its secret key from the keychain (the S3 bank itself
// is tested on the real Swift's s3api, tests/realcloud/tst_s3bank.cpp).
#include "bank/bank.h"
#include "bank/localbank.h"
#include "bank/swiftbank.h"
#include "protection/bankservice.h"
#include "util/appsettings.h"
#include "servicefixture.h"

#include <QDir>
#include <QFileInfo>

class TestBankService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<sv::BankService> banks;

    struct Opened
    {
        std::shared_ptr<sv::Bank> bank;
        QString error;
    };
    Opened open(const QString &location)
    {
        std::optional<Opened> got;
        banks->open(location, this, [&got](std::shared_ptr<sv::Bank> bank, const QString &error) {
            got = Opened{std::move(bank), error};
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 20000); }();
        return got.value_or(Opened{{}, QStringLiteral("timed out")});
    }

private Q_SLOTS:
    void initTestCase() { sv::AppSettings::createTempFileInstance(); }

    void init()
    {
        f = std::make_unique<ServiceFixture>();
        QVERIFY(f->start());
        banks = std::make_unique<sv::BankService>(f->sessions.get());
    }
    void cleanup()
    {
        banks.reset();
        f.reset();
    }

    void locationError_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<bool>("usable");
        QTest::newRow("folder") << QStringLiteral("/var/backups/stackvault") << true;
        QTest::newRow("relative folder") << QStringLiteral("bank") << true;
        QTest::newRow("swift") << QStringLiteral("swift:alpha/backups") << true;
        QTest::newRow("swift without container") << QStringLiteral("swift:alpha") << false;
        QTest::newRow("swift without cloud") << QStringLiteral("swift:/backups") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("s3") << QStringLiteral("s3:offsite/backups") << true;
        QTest::newRow("s3 without bucket") << QStringLiteral("s3:offsite") << false;
        QTest::newRow("s3 without profile") << QStringLiteral("s3:/backups") << false;
    }
    void locationError()
    {
        QFETCH(QString, location);
        QFETCH(bool, usable);
        const QString error = sv::BankService::locationError(location);
        QCOMPARE(error.isEmpty(), usable);
        QString viaBank;
        if (!usable) {
            QVERIFY(!banks->bank(location, &viaBank));
            QCOMPARE(viaBank, error);
        }
    }

    void folderOpensOnThePool()
    {
        const QString folder = f->dir.filePath(QStringLiteral("bank"));
        QVERIFY(!QFileInfo::exists(folder));
        const Opened opened = open(folder);
        QVERIFY2(opened.bank, qPrintable(opened.error));
        QCOMPARE(opened.bank->location(), folder);
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(dynamic_cast<sv::LocalBank *>(opened.bank.get()));
        // Without waiting: a folder needs no sign-in.
        QString error;
        const auto now = banks->bank(folder, &error);
        QVERIFY2(now, qPrintable(error));
        QCOMPARE(now->location(), folder);
        QCOMPARE(ServiceFixture::requests(f->alphaCloud) + ServiceFixture::requests(f->betaCloud), 0);
    }

    void folderThatCannotBeOpenedSaysWhy()
    {
        QFile file(f->dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Opened opened = open(file.fileName());
        QVERIFY(!opened.bank);
        QVERIFY2(opened.error.contains(file.fileName()), qPrintable(opened.error));
    }

    void swiftOfAnUnsavedCloud()
    {
        const Opened opened = open(QStringLiteral("swift:gamma/backups"));
        QVERIFY(!opened.bank);
        QVERIFY2(opened.error.contains(QStringLiteral("gamma")), qPrintable(opened.error));
        QString error;
        QVERIFY(!banks->bank(QStringLiteral("swift:gamma/backups"), &error));
        QVERIFY2(error.contains(QStringLiteral("not saved")), qPrintable(error));
    }

    void swiftSignsInToItsCloudOnly()
    {
        const QString location = QStringLiteral("swift:alpha/backups");
        QString error;
        QVERIFY(!banks->bank(location, &error));
        QVERIFY2(error.contains(QStringLiteral("not signed in")), qPrintable(error));
        const Opened opened = open(location);
        // The fake cloud's catalog has no object-store: Swift's own error, after signing in to alpha.
        QVERIFY(!opened.bank);
        QVERIFY2(!opened.error.isEmpty(), "no error");
        QVERIFY(ServiceFixture::requests(f->alphaCloud) > 0);
        QCOMPARE(ServiceFixture::requests(f->betaCloud), 0);
        // Signed in now: the same Swift bank object is handed out without waiting.
        const auto first = banks->bank(location, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(dynamic_cast<sv::SwiftBank *>(first.get()));
        QCOMPARE(banks->bank(location), first);
        QVERIFY(banks->bank(QStringLiteral("swift:alpha/other")) != first);
    }

    void s3OfAnUnsavedProfile()
    {
        const Opened opened = open(QStringLiteral("s3:nosuch/backups"));
        QVERIFY(!opened.bank);
        QVERIFY2(opened.error.contains(QStringLiteral("S3 profile nosuch, which is not saved")), qPrintable(opened.error));
    }

    // The profile is saved but its secret is not in the keychain: said so; with the secret, the bank is
    // made and opened (here against a port where nothing listens: the endpoint is named).
    void s3NeedsTheSecretFromTheKeychain()
    {
        sv::S3Profile profile;
        profile.name = QStringLiteral("offsite");
        profile.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));
        profile.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        QString error;
        QVERIFY2(sv::AppSettings::instance()->setS3Profile(profile, &error), qPrintable(error));
        const QString location = QStringLiteral("s3:offsite/backups");
        Opened opened = open(location);
        QVERIFY(!opened.bank);
        QVERIFY2(opened.error.contains(QStringLiteral("No secret key of S3 profile offsite")), qPrintable(opened.error));
        QVERIFY(!banks->bank(location, &error));
        QVERIFY2(error.contains(QStringLiteral("not open yet")), qPrintable(error));

        QVERIFY(f->writeSecret(profile.keychainKey(), QStringLiteral("secret-key")));
        opened = open(location);
        QVERIFY(!opened.bank);
        QVERIFY2(opened.error.contains(QStringLiteral("no answer from the S3 endpoint http://127.0.0.1:1")),
                 qPrintable(opened.error));
        QVERIFY(!opened.error.contains(QStringLiteral("secret-key")));
        // The S3 bank was made (and is kept) even though the endpoint does not answer.
        QVERIFY2(banks->bank(location, &error), qPrintable(error));
        sv::AppSettings::instance()->removeS3Profile(profile.name);
    }
};

QTEST_GUILESS_MAIN(TestBankService)
#include "tst_bankservice.moc"
