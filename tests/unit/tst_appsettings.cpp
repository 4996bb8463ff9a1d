#include "util/appsettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sv::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("stackvault.conf")));
        QCOMPARE(settings.enableServerSnapshot(), true);
        QCOMPARE(settings.concurrentJobs(), 2);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.bankLocation(), AppSettings::defaultBankLocation());
        QVERIFY(settings.bankLocation().endsWith(QLatin1String("/bank")));
        QVERIFY(settings.bankLocation().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    // The seed's option must be stored exactly as `enable_server_snapshot` in section `protection`,
    // and a file written by hand (or by an older version) must be read back.
    void fileFormat_data()
    {
        QTest::addColumn<QByteArray>("fileContents");
        QTest::addColumn<bool>("snapshot");
        QTest::addColumn<int>("jobs");
        QTest::addColumn<QString>("language");

        QTest::newRow("empty file") << QByteArray() << true << 2 << QString();
        QTest::newRow("snapshot off")
            << QByteArray("[protection]\nenable_server_snapshot=false\n") << false << 2 << QString();
        QTest::newRow("snapshot on") << QByteArray("[protection]\nenable_server_snapshot=true\n") << true << 2
                                     << QString();
        QTest::newRow("jobs and language")
            << QByteArray("[jobs]\nconcurrent=4\n[ui]\nlanguage=de\n") << true << 4 << QStringLiteral("de");
        QTest::newRow("zero jobs falls back")
            << QByteArray("[jobs]\nconcurrent=0\n") << true << 2 << QString();
        QTest::newRow("garbage jobs falls back")
            << QByteArray("[jobs]\nconcurrent=many\n") << true << 2 << QString();
        QTest::newRow("too many jobs capped")
            << QByteArray("[jobs]\nconcurrent=1000\n") << true << AppSettings::MaxConcurrentJobs << QString();
    }

    void fileFormat()
    {
        QFETCH(QByteArray, fileContents);
        QFETCH(bool, snapshot);
        QFETCH(int, jobs);
        QFETCH(QString, language);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stackvault.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fileContents);
        file.close();

        AppSettings settings(path);
        QCOMPARE(settings.enableServerSnapshot(), snapshot);
        QCOMPARE(settings.concurrentJobs(), jobs);
        QCOMPARE(settings.language(), language);
    }

    void writeRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stackvault.conf"));
        {
            AppSettings settings(path);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setEnableServerSnapshot(false);
            settings.setConcurrentJobs(3);
            settings.setLanguage(QStringLiteral("zh_CN"));
            settings.setBankLocation(QStringLiteral("/srv/backups"));
            QCOMPARE(changed.count(), 4);
            QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("protection/enable_server_snapshot"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY2(written.contains("[protection]\nenable_server_snapshot=false"), written.constData());

        AppSettings reread(path);
        QCOMPARE(reread.enableServerSnapshot(), false);
        QCOMPARE(reread.concurrentJobs(), 3);
        QCOMPARE(reread.language(), QStringLiteral("zh_CN"));
        QCOMPARE(reread.bankLocation(), QStringLiteral("/srv/backups"));
    }

    void setConcurrentJobsClamps()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.conf")));
        settings.setConcurrentJobs(0);
        QCOMPARE(settings.concurrentJobs(), 1);
        settings.setConcurrentJobs(99);
        QCOMPARE(settings.concurrentJobs(), AppSettings::MaxConcurrentJobs);
    }

    void tempFileInstance()
    {
        AppSettings::createTempFileInstance();
        AppSettings *settings = AppSettings::instance();
        QVERIFY(settings->fileName() != AppSettings::defaultFilePath());
        settings->setEnableServerSnapshot(false);
        QCOMPARE(AppSettings::instance()->enableServerSnapshot(), false);
        AppSettings::createTempFileInstance(); // a fresh one starts from defaults again
        QCOMPARE(AppSettings::instance()->enableServerSnapshot(), true);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
