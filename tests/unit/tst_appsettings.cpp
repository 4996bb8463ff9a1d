#include "util/appsettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sv::AppSettings;

namespace {
// A settings file with these contents in `dir`; empty when it could not be written.
QString writeSettingsFile(const QTemporaryDir &dir, const QByteArray &contents)
{
    const QString path = dir.filePath(QStringLiteral("stackvault.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}
} // namespace

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

    // [protection] back_up_volumes: the default volume selection of a backup.
    void backUpVolumes_data()
    {
        QTest::addColumn<QByteArray>("fileContents");
        QTest::addColumn<QString>("selection"); // VolumeSelection::toString()
        QTest::addColumn<bool>("problem");
        QTest::newRow("absent: all") << QByteArray() << "all" << false;
        QTest::newRow("none") << QByteArray("[protection]\nback_up_volumes=none\n") << "none" << false;
        QTest::newRow("NONE any case") << QByteArray("[protection]\nback_up_volumes=NONE\n") << "none" << false;
        QTest::newRow("one name") << QByteArray("[protection]\nback_up_volumes=db-data\n") << "db-data" << false;
        QTest::newRow("names: QSettings reads a list")
            << QByteArray("[protection]\nback_up_volumes=db-data, logs\n") << "db-data,logs" << false;
        QTest::newRow("quoted names") << QByteArray("[protection]\nback_up_volumes=\"db-data,logs\"\n") << "db-data,logs" << false;
        QTest::newRow("only commas: all, and said") << QByteArray("[protection]\nback_up_volumes=\" , \"\n") << "all" << true;
    }
    void backUpVolumes()
    {
        QFETCH(QByteArray, fileContents);
        QFETCH(QString, selection);
        QFETCH(bool, problem);
        QTemporaryDir dir;
        const QString path = writeSettingsFile(dir, fileContents);
        QVERIFY(!path.isEmpty());
        AppSettings settings(path);
        QString error;
        QCOMPARE(settings.backUpVolumes(&error).toString(), selection);
        QCOMPARE(!error.isEmpty(), problem);
        if (problem) {
            QVERIFY2(error.contains(path), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("back_up_volumes")), qPrintable(error));
        }
        // Written back as text that reads the same.
        settings.setBackUpVolumes(sv::VolumeSelection::named({QStringLiteral("a"), QStringLiteral("b")}));
        AppSettings reread(path);
        QCOMPARE(reread.backUpVolumes().toString(), QStringLiteral("a,b"));
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
        const QString path = writeSettingsFile(dir, fileContents);
        QVERIFY(!path.isEmpty());

        AppSettings settings(path);
        QCOMPARE(settings.enableServerSnapshot(), snapshot);
        QCOMPARE(settings.concurrentJobs(), jobs);
        QCOMPARE(settings.language(), language);
    }

    // [bank] repack_threshold: percent of garbage at which GC repacks a pack.
    void repackThreshold_data()
    {
        QTest::addColumn<QByteArray>("fileContents");
        QTest::addColumn<int>("percent");
        QTest::newRow("absent: 50") << QByteArray() << 50;
        QTest::newRow("set") << QByteArray("[bank]\nrepack_threshold=20\n") << 20;
        QTest::newRow("100") << QByteArray("[bank]\nrepack_threshold=100\n") << 100;
        QTest::newRow("0 falls back") << QByteArray("[bank]\nrepack_threshold=0\n") << 50;
        QTest::newRow("over 100 falls back") << QByteArray("[bank]\nrepack_threshold=150\n") << 50;
        QTest::newRow("garbage falls back") << QByteArray("[bank]\nrepack_threshold=half\n") << 50;
    }

    void repackThreshold()
    {
        QFETCH(QByteArray, fileContents);
        QFETCH(int, percent);
        QTemporaryDir dir;
        const QString path = writeSettingsFile(dir, fileContents);
        QVERIFY(!path.isEmpty());
        AppSettings settings(path);
        QCOMPARE(settings.repackThreshold(), percent);
        settings.setRepackThreshold(0);
        QCOMPARE(settings.repackThreshold(), 1);
        settings.setRepackThreshold(30);
        QCOMPARE(AppSettings(path).repackThreshold(), 30);
    }

    // enable_server_snapshot is read like oslo.config's BoolOpt (Karbor's option), from [protection] or
    // from Karbor's own section [image_backup_plugin]; [protection] wins when both set it.
    void enableServerSnapshotSpellings_data()
    {
        QTest::addColumn<QByteArray>("fileContents");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QString>("badValue"); // non-empty: an error naming file, key and this value

        const QList<QByteArray> yes{"true", "True", "TRUE", "yes", "Yes", "on", "ON", "1"};
        const QList<QByteArray> no{"false", "False", "no", "No", "NO", "off", "Off", "0"};
        for (const QByteArray &value : yes) {
            QTest::addRow("protection %s", value.constData())
                << QByteArray("[protection]\nenable_server_snapshot=" + value + "\n") << true << QString();
            QTest::addRow("karbor %s", value.constData())
                << QByteArray("[image_backup_plugin]\nenable_server_snapshot=" + value + "\n") << true << QString();
        }
        for (const QByteArray &value : no) {
            QTest::addRow("protection %s", value.constData())
                << QByteArray("[protection]\nenable_server_snapshot=" + value + "\n") << false << QString();
            QTest::addRow("karbor %s", value.constData())
                << QByteArray("[image_backup_plugin]\nenable_server_snapshot=" + value + "\n") << false << QString();
        }
        QTest::newRow("spaces around") << QByteArray("[protection]\nenable_server_snapshot = no \n") << false << QString();
        QTest::newRow("protection wins over karbor")
            << QByteArray("[image_backup_plugin]\nenable_server_snapshot=yes\n[protection]\nenable_server_snapshot=no\n")
            << false << QString();
        QTest::newRow("other karbor options ignored")
            << QByteArray("[image_backup_plugin]\npoll_interval=10\nbackup_image_object_size=655360\n") << true << QString();
        QTest::newRow("garbage") << QByteArray("[protection]\nenable_server_snapshot=maybe\n") << true
                                 << QStringLiteral("maybe");
        QTest::newRow("y is not oslo") << QByteArray("[protection]\nenable_server_snapshot=y\n") << true
                                       << QStringLiteral("y");
        QTest::newRow("empty") << QByteArray("[protection]\nenable_server_snapshot=\n") << true << QString();
        QTest::newRow("a list") << QByteArray("[image_backup_plugin]\nenable_server_snapshot=no, thanks\n") << true
                                << QStringLiteral("no, thanks");
    }

    void enableServerSnapshotSpellings()
    {
        QFETCH(QByteArray, fileContents);
        QFETCH(bool, expected);
        QFETCH(QString, badValue);

        QTemporaryDir dir;
        const QString path = writeSettingsFile(dir, fileContents);
        QVERIFY(!path.isEmpty());

        AppSettings settings(path);
        QString error;
        QCOMPARE(settings.enableServerSnapshot(&error), expected);
        const bool emptyValue = qstrcmp(QTest::currentDataTag(), "empty") == 0;
        if (badValue.isEmpty() && !emptyValue) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            return;
        }
        // One sentence with the file, the section and key, and the value as written.
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("enable_server_snapshot")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String(fileContents.startsWith("[protection]") ? "[protection]" : "[image_backup_plugin]")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1Char('"') + badValue + QLatin1Char('"')), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("true or false")), qPrintable(error));
    }

    // Preferences writes [protection], which then wins over a broken Karbor-section value.
    void writingReplacesAnUnreadableValue()
    {
        QTemporaryDir dir;
        const QString path = writeSettingsFile(dir, "[image_backup_plugin]\nenable_server_snapshot=perhaps\n");
        QVERIFY(!path.isEmpty());
        AppSettings settings(path);
        QString error;
        settings.enableServerSnapshot(&error);
        QVERIFY(!error.isEmpty());
        settings.setEnableServerSnapshot(false);
        error.clear();
        QCOMPARE(settings.enableServerSnapshot(&error), false);
        QVERIFY(error.isEmpty());
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

    // S3 profiles: saved and read back (never a secret in the file), replaced by name, removed; an
    // invalid one is refused with a sentence and a hand-broken one is left out.
    void s3Profiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stackvault.conf"));
        AppSettings settings(path);
        sv::S3Profile profile;
        profile.name = QStringLiteral("offsite");
        profile.endpoint = QUrl(QStringLiteral("https://s3.example.com:8443/base"));
        profile.region = QStringLiteral("eu-central-1");
        profile.virtualHostStyle = true;
        profile.accessKeyId = QStringLiteral("AKIAEXAMPLE");
        QString error;
        QVERIFY2(settings.setS3Profile(profile, &error), qPrintable(error));
        sv::S3Profile second = profile;
        second.name = QStringLiteral("local-minio");
        second.virtualHostStyle = false;
        QVERIFY2(settings.setS3Profile(second, &error), qPrintable(error));

        AppSettings reread(path);
        const QList<sv::S3Profile> profiles = reread.s3Profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles[0].name, QStringLiteral("local-minio"));
        QCOMPARE(profiles[0].virtualHostStyle, false);
        const sv::S3Profile back = profiles[1];
        QCOMPARE(back.name, profile.name);
        QCOMPARE(back.endpoint, profile.endpoint);
        QCOMPARE(back.region, profile.region);
        QCOMPARE(back.virtualHostStyle, true);
        QCOMPARE(back.accessKeyId, profile.accessKeyId);

        profile.region = QStringLiteral("us-west-2");
        QVERIFY(settings.setS3Profile(profile, &error));
        QCOMPARE(AppSettings(path).s3Profile(QStringLiteral("offsite"))->region, QStringLiteral("us-west-2"));
        settings.removeS3Profile(QStringLiteral("local-minio"));
        QVERIFY(!AppSettings(path).s3Profile(QStringLiteral("local-minio")));

        sv::S3Profile invalid = profile;
        invalid.endpoint = QUrl(QStringLiteral("ftp://s3.example.com"));
        QVERIFY(!settings.setS3Profile(invalid, &error));
        QVERIFY2(error.contains(QStringLiteral("http:// or https://")), qPrintable(error));
        invalid = profile;
        invalid.name = QStringLiteral("has space");
        QVERIFY(!settings.setS3Profile(invalid, &error));
        QVERIFY2(error.contains(QStringLiteral("has space")), qPrintable(error));

        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("s3_profiles/broken/endpoint"), QStringLiteral("not a url"));
        raw.sync();
        QCOMPARE(AppSettings(path).s3Profiles().size(), 1);
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
