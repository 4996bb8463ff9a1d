#include "profiles/profilestore.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sv::AuthType;
using sv::CloudProfile;
using sv::ProfileStore;

namespace {
CloudProfile passwordProfile(const QString &name)
{
    CloudProfile profile;
    profile.name = name;
    profile.authUrl = QUrl(QStringLiteral("https://keystone.example.com:5000/v3"));
    profile.userName = QStringLiteral("alice");
    profile.userDomainName = QStringLiteral("Default");
    profile.projectName = QStringLiteral("web");
    profile.projectDomainName = QStringLiteral("Default");
    profile.regionName = QStringLiteral("RegionOne");
    return profile;
}
} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultDirectoryIsAppConfig()
    {
        ProfileStore store;
        QCOMPARE(QFileInfo(store.filePath()).absolutePath(),
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation));
    }

    void missingFileIsEmpty()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("not/yet/there")));
        QString error;
        QVERIFY2(store.load(&error), qPrintable(error));
        QVERIFY(store.profiles().isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<CloudProfile>("profile");

        QTest::newRow("password by names") << passwordProfile(QStringLiteral("prod"));

        CloudProfile ids = passwordProfile(QStringLiteral("by-ids"));
        ids.userName.clear();
        ids.userId = QStringLiteral("u-123");
        ids.projectName.clear();
        ids.projectId = QStringLiteral("p-456");
        ids.userDomainName.clear();
        ids.projectDomainName.clear();
        ids.projectDomainId = QStringLiteral("default");
        ids.interface = QStringLiteral("internal");
        QTest::newRow("password by ids, internal interface") << ids;

        CloudProfile appCred;
        appCred.name = QStringLiteral("app cred");
        appCred.authUrl = QUrl(QStringLiteral("http://127.0.0.1:5000"));
        appCred.authType = AuthType::ApplicationCredential;
        appCred.applicationCredentialId = QStringLiteral("ac-789");
        appCred.caBundlePath = QStringLiteral("/etc/ssl/private-ca.pem");
        appCred.verifyTls = false;
        QTest::newRow("application credential, custom CA, no verify") << appCred;

        CloudProfile unicode = passwordProfile(QStringLiteral("Büro ☁ 東京"));
        unicode.projectName = QStringLiteral("Projekt \"Ä\"");
        QTest::newRow("unicode and quotes") << unicode;
    }

    void roundTrip()
    {
        QFETCH(CloudProfile, profile);
        QTemporaryDir dir;
        {
            ProfileStore store(dir.path());
            QVERIFY(store.load());
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QString error;
            QVERIFY2(store.add(profile, &error), qPrintable(error));
            QCOMPARE(changed.count(), 1);
            QVERIFY(!profile.id.isEmpty());
        }
        ProfileStore reread(dir.path());
        QVERIFY(reread.load());
        QCOMPARE(reread.profiles().size(), 1);
        const CloudProfile loaded = reread.profiles().constFirst();
        QCOMPARE(loaded.toJson(), profile.toJson());
        QCOMPARE(loaded.id, profile.id);
        QCOMPARE(loaded.name, profile.name);
        QCOMPARE(loaded.authUrl, profile.authUrl);
        QCOMPARE(loaded.authType, profile.authType);
        QCOMPARE(loaded.interface, profile.interface);
        QCOMPARE(loaded.verifyTls, profile.verifyTls);
        QVERIFY(reread.findByName(profile.name).has_value());
        QCOMPARE(reread.findById(profile.id)->name, profile.name);

        // Only the owner may read the file.
        QCOMPARE(
            QFileInfo(reread.filePath()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<CloudProfile>("profile");
        QTest::addColumn<QString>("errorPart");

        CloudProfile noName = passwordProfile(QString());
        QTest::newRow("no name") << noName << QStringLiteral("needs a name");
        CloudProfile spaces = passwordProfile(QStringLiteral(" prod "));
        QTest::newRow("spaces") << spaces << QStringLiteral("spaces");
        CloudProfile badUrl = passwordProfile(QStringLiteral("x"));
        badUrl.authUrl = QUrl(QStringLiteral("keystone.example.com"));
        QTest::newRow("url without scheme") << badUrl << QStringLiteral("http://");
        CloudProfile ftp = passwordProfile(QStringLiteral("x"));
        ftp.authUrl = QUrl(QStringLiteral("ftp://keystone.example.com/"));
        QTest::newRow("ftp url") << ftp << QStringLiteral("http://");
        CloudProfile noUser = passwordProfile(QStringLiteral("x"));
        noUser.userName.clear();
        QTest::newRow("password without user") << noUser << QStringLiteral("user name");
        CloudProfile appCred = passwordProfile(QStringLiteral("x"));
        appCred.authType = AuthType::ApplicationCredential;
        appCred.applicationCredentialName = QStringLiteral("backup");
        appCred.userName.clear();
        QTest::newRow("app cred name without user") << appCred << QStringLiteral("credential's id");
        CloudProfile iface = passwordProfile(QStringLiteral("x"));
        iface.interface = QStringLiteral("publicURL");
        QTest::newRow("bad interface") << iface << QStringLiteral("interface");
    }

    void rejectsInvalid()
    {
        QFETCH(CloudProfile, profile);
        QFETCH(QString, errorPart);
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QString error;
        QVERIFY(!store.add(profile, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void namesAreUnique()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        CloudProfile first = passwordProfile(QStringLiteral("prod"));
        CloudProfile second = passwordProfile(QStringLiteral("prod"));
        QVERIFY(store.add(first));
        QString error;
        QVERIFY(!store.add(second, &error));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));

        // Renaming onto another profile's name fails too; renaming to a free name works.
        second.name = QStringLiteral("staging");
        QVERIFY(store.add(second));
        CloudProfile renamed = second;
        renamed.name = QStringLiteral("prod");
        QVERIFY(!store.update(renamed, &error));
        renamed.name = QStringLiteral("stage");
        QVERIFY2(store.update(renamed, &error), qPrintable(error));
        QCOMPARE(store.findById(second.id)->name, QStringLiteral("stage"));
        QVERIFY(!store.findByName(QStringLiteral("staging")));
    }

    void updateAndRemove()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        CloudProfile a = passwordProfile(QStringLiteral("a"));
        CloudProfile b = passwordProfile(QStringLiteral("b"));
        QVERIFY(store.add(a));
        QVERIFY(store.add(b));
        a.regionName = QStringLiteral("RegionTwo");
        QVERIFY(store.update(a));

        QSignalSpy secretRemoved(&store, &ProfileStore::secretRemoved);
        QString error;
        QVERIFY2(store.remove(b.id, &error), qPrintable(error));
        QVERIFY(!store.remove(b.id, &error));
        QCOMPARE(secretRemoved.count(), 0); // no SecretStore set: nothing to delete

        ProfileStore reread(dir.path());
        QVERIFY(reread.load());
        QCOMPARE(reread.profiles().size(), 1);
        QCOMPARE(reread.profiles().constFirst().regionName, QStringLiteral("RegionTwo"));
        QVERIFY(!reread.findByName(QStringLiteral("b")));

        CloudProfile ghost = passwordProfile(QStringLiteral("ghost"));
        ghost.id = QStringLiteral("nope");
        QVERIFY(!reread.update(ghost, &error));
    }

    void damagedFileKeepsState_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("not json") << QByteArray("clouds: [") << QStringLiteral("damaged");
        QTest::newRow("array root") << QByteArray("[]") << QStringLiteral("damaged");
        QTest::newRow("newer version")
            << QByteArray(R"({"version": 99, "clouds": []})") << QStringLiteral("newer");
    }

    void damagedFileKeepsState()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, errorPart);
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        CloudProfile a = passwordProfile(QStringLiteral("a"));
        QVERIFY(store.add(a));
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(contents);
        file.close();
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY2(error.contains(errorPart) && error.contains(store.filePath()), qPrintable(error));
        QCOMPARE(store.profiles().size(), 1);
    }

    void duplicateEntriesInFileAreSkipped()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        // (No multi-line raw string here: moc 6.4 loses the class after one.)
        file.write("{\"version\": 1, \"clouds\": ["
                   "{\"id\": \"1\", \"name\": \"a\", \"auth_url\": \"https://k.example.com/v3\", "
                   "\"username\": \"u\"},"
                   "{\"id\": \"2\", \"name\": \"a\", \"auth_url\": \"https://k.example.com/v3\", "
                   "\"username\": \"u\"},"
                   "{\"id\": \"1\", \"name\": \"c\", \"auth_url\": \"https://k.example.com/v3\", "
                   "\"username\": \"u\"},"
                   "{\"name\": \"no id\", \"auth_url\": \"https://k.example.com/v3\", \"username\": \"u\"},"
                   "{\"id\": \"3\", \"name\": \"b\", \"auth_url\": \"https://k.example.com/v3\", "
                   "\"username\": \"u\"}]}");
        file.close();
        QVERIFY(store.load());
        QCOMPARE(store.profiles().size(), 2);
        QCOMPARE(store.findByName(QStringLiteral("a"))->id, QStringLiteral("1"));
        QCOMPARE(store.findByName(QStringLiteral("b"))->id, QStringLiteral("3"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
