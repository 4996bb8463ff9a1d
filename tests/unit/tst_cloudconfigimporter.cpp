#include "profiles/cloudconfigimporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sv::CloudConfigImporter;
using sv::CloudImportResult;

namespace {
using Fields = QMap<QString, QString>; // CloudProfile::toJson() keys (plus "secret") → expected text

QByteArray lines(std::initializer_list<const char *> text)
{
    QByteArray joined;
    for (const char *line : text)
        joined += QByteArray(line) + '\n';
    return joined;
}

QString actual(const sv::ImportedCloud &cloud, const QString &key)
{
    if (key == QLatin1String("secret"))
        return cloud.secret;
    return cloud.profile.toJson().value(key).toVariant().toString();
}

void compareFields(const sv::ImportedCloud &cloud, const Fields &expected)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QString got = actual(cloud, it.key());
        if (got != it.value())
            QFAIL(
                qPrintable(QStringLiteral("%1: got \"%2\", expected \"%3\"").arg(it.key(), got, it.value())));
    }
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

QProcessEnvironment environmentOf(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}
} // namespace

class TestCloudConfigImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Real-world clouds.yaml / secure.yaml shapes (devstack, Horizon downloads, hand-written files).
    void parseVariants_data()
    {
        QTest::addColumn<QByteArray>("clouds");
        QTest::addColumn<QByteArray>("secure");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<int>("count");
        QTest::addColumn<Fields>("expected");
        QTest::addColumn<QString>("notePart");

        QTest::newRow("devstack") << lines(
            { "clouds:", "  devstack:", "    auth:", "      auth_url: http://192.168.1.10/identity",
                "      username: demo", "      password: secretpw", "      project_name: demo",
                "      user_domain_id: default", "      project_domain_id: default",
                "    region_name: RegionOne", "    identity_api_version: 3", "    interface: public",
                "  devstack-admin:", "    auth:", "      auth_url: http://192.168.1.10/identity",
                "      username: admin", "      project_name: admin" })
                                  << QByteArray() << QStringLiteral("devstack") << 1
                                  << Fields { { QStringLiteral("name"), QStringLiteral("devstack") },
                                         { QStringLiteral("auth_url"),
                                             QStringLiteral("http://192.168.1.10/identity") },
                                         { QStringLiteral("auth_type"), QStringLiteral("password") },
                                         { QStringLiteral("username"), QStringLiteral("demo") },
                                         { QStringLiteral("project_name"), QStringLiteral("demo") },
                                         { QStringLiteral("user_domain_id"), QStringLiteral("default") },
                                         { QStringLiteral("project_domain_id"), QStringLiteral("default") },
                                         { QStringLiteral("region_name"), QStringLiteral("RegionOne") },
                                         { QStringLiteral("interface"), QStringLiteral("public") },
                                         { QStringLiteral("verify"), QStringLiteral("true") },
                                         { QStringLiteral("secret"), QStringLiteral("secretpw") } }
                                  << QString();

        QTest::newRow("all clouds") << lines({ "clouds:", "  a:",
            "    auth: {auth_url: 'https://a.example.com/v3', "
            "username: u, password: p}",
            "  b:", "    auth: {auth_url: 'https://b.example.com/v3', username: u}" })
                                    << QByteArray() << QString() << 2
                                    << Fields { { QStringLiteral("name"), QStringLiteral("a") } }
                                    << QString();

        QTest::newRow("password in secure.yaml")
            << lines({ "clouds:", "  prod:", "    auth:",
                   "      auth_url: https://keystone.example.com:5000/v3", "      username: alice",
                   "      project_name: web", "    region_name: fra1" })
            << lines({ "clouds:", "  prod:", "    auth:", "      password: from-secure" }) << QString() << 1
            << Fields { { QStringLiteral("username"), QStringLiteral("alice") },
                   { QStringLiteral("project_name"), QStringLiteral("web") },
                   { QStringLiteral("region_name"), QStringLiteral("fra1") },
                   { QStringLiteral("secret"), QStringLiteral("from-secure") } }
            << QString();

        QTest::newRow("secure.yaml overrides nested and top-level keys")
            << lines({ "clouds:", "  prod:", "    auth:", "      auth_url: https://old.example.com/v3",
                   "      username: alice", "      password: old", "    region_name: old-region" })
            << lines({ "clouds:", "  prod:", "    auth:", "      password: new",
                   "    region_name: new-region" })
            << QString() << 1
            << Fields { { QStringLiteral("auth_url"), QStringLiteral("https://old.example.com/v3") },
                   { QStringLiteral("username"), QStringLiteral("alice") },
                   { QStringLiteral("region_name"), QStringLiteral("new-region") },
                   { QStringLiteral("secret"), QStringLiteral("new") } }
            << QString();

        QTest::newRow("domain_name shorthand")
            << lines({ "clouds:", "  c:", "    auth:", "      auth_url: https://k.example.com",
                   "      username: u", "      project_name: p", "      domain_name: Default" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("user_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("project_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("user_domain_id"), QString() } }
            << QString();

        QTest::newRow("domain_id shorthand, specific user domain wins")
            << lines({ "clouds:", "  c:", "    auth:", "      auth_url: https://k.example.com",
                   "      username: u", "      project_name: p", "      domain_id: d-1",
                   "      user_domain_name: Users" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("user_domain_name"), QStringLiteral("Users") },
                   { QStringLiteral("user_domain_id"), QString() },
                   { QStringLiteral("project_domain_id"), QStringLiteral("d-1") },
                   { QStringLiteral("project_domain_name"), QString() } }
            << QString();

        QTest::newRow("tenant aliases")
            << lines({ "clouds:", "  old:", "    auth:", "      auth_url: https://k.example.com/v3",
                   "      username: u", "      tenant_name: legacy", "      tenant_id: t-1" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("project_name"), QStringLiteral("legacy") },
                   { QStringLiteral("project_id"), QStringLiteral("t-1") } }
            << QString();

        QTest::newRow("regions as names, first taken")
            << lines({ "clouds:", "  multi:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}",
                   "    regions:", "      - RegionOne", "      - RegionTwo" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("region_name"), QStringLiteral("RegionOne") } }
            << QStringLiteral("RegionOne, RegionTwo");

        QTest::newRow("regions as dicts, region_name picks")
            << lines({ "clouds:", "  multi:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}",
                   "    region_name: sto2", "    regions:", "      - name: fra1",
                   "        values:", "          interface: internal", "      - name: sto2" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("region_name"), QStringLiteral("sto2") } } << QString();

        QTest::newRow("Horizon application credential")
            << lines({ "# This is a clouds.yaml file, which can be used by OpenStack tools", "clouds:",
                   "  openstack:", "    auth:", "      auth_url: https://keystone.example.com:5000",
                   "      application_credential_id: \"4a1b2c\"",
                   "      application_credential_secret: \"ac-secret\"", "    region_name: \"RegionOne\"",
                   "    interface: \"public\"", "    identity_api_version: 3",
                   "    auth_type: \"v3applicationcredential\"" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("auth_type"), QStringLiteral("v3applicationcredential") },
                   { QStringLiteral("application_credential_id"), QStringLiteral("4a1b2c") },
                   { QStringLiteral("username"), QString() },
                   { QStringLiteral("secret"), QStringLiteral("ac-secret") } }
            << QString();

        QTest::newRow("application credential by name, type inferred")
            << lines({ "clouds:", "  ac:", "    auth:", "      auth_url: https://k.example.com/v3",
                   "      username: backup-bot", "      user_domain_name: Default",
                   "      application_credential_name: nightly", "      application_credential_secret: s3",
                   "      project_name: ignored" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("auth_type"), QStringLiteral("v3applicationcredential") },
                   { QStringLiteral("username"), QStringLiteral("backup-bot") },
                   { QStringLiteral("user_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("application_credential_name"), QStringLiteral("nightly") },
                   { QStringLiteral("project_name"), QString() },
                   { QStringLiteral("secret"), QStringLiteral("s3") } }
            << QStringLiteral("project is ignored");

        QTest::newRow("cacert and verify false")
            << lines({ "clouds:", "  lab:", "    auth: {auth_url: 'https://lab.local:5000/v3', username: u}",
                   "    cacert: /etc/ssl/lab-ca.pem", "    verify: false" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("cacert"), QStringLiteral("/etc/ssl/lab-ca.pem") },
                   { QStringLiteral("verify"), QStringLiteral("false") } }
            << QString();

        QTest::newRow("YAML 1.1 'no' and insecure")
            << lines({ "clouds:", "  lab:", "    auth: {auth_url: 'https://lab.local/v3', username: u}",
                   "    verify: yes", "    insecure: True" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("verify"), QStringLiteral("false") } } << QString();

        QTest::newRow("endpoint_type internalURL")
            << lines({ "clouds:", "  c:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}",
                   "    endpoint_type: internalURL" })
            << QByteArray() << QString() << 1
            << Fields { { QStringLiteral("interface"), QStringLiteral("internal") } } << QString();

        QTest::newRow("clouds.json") << QByteArray(
            R"({"clouds": {"j": {"auth": {"auth_url": "https://k.example.com/v3", )"
            R"("username": "u", "password": "pw"}, "interface": "admin"}}})")
                                     << QByteArray() << QString() << 1
                                     << Fields { { QStringLiteral("interface"), QStringLiteral("admin") },
                                            { QStringLiteral("secret"), QStringLiteral("pw") } }
                                     << QString();

        QTest::newRow("anchors and merge keys")
            << lines({ "base: &base", "  auth: &auth", "    auth_url: https://k.example.com/v3",
                   "    user_domain_name: Default", "  interface: internal",
                   "clouds:", "  one:", "    <<: *base", "    auth:", "      <<: *auth",
                   "      username: one", "    interface: public", "  two:", "    <<: *base",
                   "    auth:", "      <<: *auth", "      username: two" })
            << QByteArray() << QStringLiteral("two") << 1
            << Fields { { QStringLiteral("username"), QStringLiteral("two") },
                   { QStringLiteral("auth_url"), QStringLiteral("https://k.example.com/v3") },
                   { QStringLiteral("user_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("interface"), QStringLiteral("internal") } }
            << QString();

        QTest::newRow("unused keys noted")
            << lines({ "clouds:", "  c:", "    auth:", "      auth_url: https://k.example.com/v3",
                   "      username: u", "      system_scope: all", "    key: /home/u/client.key" })
            << QByteArray() << QString() << 1 << Fields {} << QStringLiteral("auth.system_scope");

        QTest::newRow("empty secure.yaml")
            << lines({ "clouds:", "  c:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}" })
            << QByteArray("# nothing yet\n") << QString() << 1
            << Fields { { QStringLiteral("secret"), QString() } } << QString();
    }

    void parseVariants()
    {
        QFETCH(QByteArray, clouds);
        QFETCH(QByteArray, secure);
        QFETCH(QString, cloud);
        QFETCH(int, count);
        QFETCH(Fields, expected);
        QFETCH(QString, notePart);

        const CloudImportResult result = CloudConfigImporter::parse(clouds, QStringLiteral("clouds.yaml"),
            secure, secure.isNull() ? QString() : QStringLiteral("secure.yaml"), cloud);
        QVERIFY2(result.ok(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.clouds.size(), count);
        compareFields(result.clouds.constFirst(), expected);
        QVERIFY(result.clouds.constFirst().profile.validationError().isEmpty());
        if (!notePart.isEmpty()) {
            const QString notes = result.clouds.constFirst().notes.join(QLatin1Char('\n'));
            QVERIFY2(notes.contains(notePart), qPrintable(notes));
        }
        // Messages never carry a secret.
        const QString allText = result.clouds.constFirst().notes.join(QLatin1Char('\n'));
        if (!result.clouds.constFirst().secret.isEmpty())
            QVERIFY(!allText.contains(result.clouds.constFirst().secret));
    }

    // Bad files: the message names the file, the line and the key.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("clouds");
        QTest::addColumn<QByteArray>("secure");
        QTest::addColumn<QStringList>("errorParts");

        QTest::newRow("syntax error")
            << lines({ "clouds:", "  prod:", "    auth:", "      auth_url: https://k.example.com/v3",
                   "      username: [alice", "    region_name: r" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line"), QStringLiteral("not valid YAML") };
        QTest::newRow("bad indentation")
            << lines({ "clouds:", "  prod:", "    auth:", "      auth_url: https://k.example.com/v3",
                   "     username: alice" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 5"), QStringLiteral("username"),
                   QStringLiteral("not valid YAML") };
        QTest::newRow("missing auth_url")
            << lines({ "clouds:", "  ok:", "    auth: {auth_url: 'https://k.example.com', username: u}",
                   "  prod:", "    auth:", "      username: alice" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 4"), QStringLiteral("\"prod\""),
                   QStringLiteral("auth.auth_url") };
        QTest::newRow("vendor profile")
            << lines({ "clouds:", "  v:", "    profile: vexxhost", "    auth:", "      username: u" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 2"), QStringLiteral("auth.auth_url"),
                   QStringLiteral("vexxhost") };
        QTest::newRow("auth is text")
            << lines({ "clouds:", "  prod:", "    auth: alice" }) << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 3"), QStringLiteral("clouds.prod.auth") };
        QTest::newRow("verify not a boolean")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}",
                   "    verify: maybe" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 4"), QStringLiteral("clouds.prod.verify"),
                   QStringLiteral("maybe") };
        QTest::newRow("unsupported auth_type")
            << lines({ "clouds:", "  prod:", "    auth_type: v3oidcpassword",
                   "    auth: {auth_url: 'https://k.example.com', username: u}" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 3"), QStringLiteral("clouds.prod.auth_type"),
                   QStringLiteral("v3oidcpassword") };
        QTest::newRow("region not listed")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}",
                   "    regions: [a, b]", "    region_name: c" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 5"),
                   QStringLiteral("clouds.prod.region_name") };
        QTest::newRow("region dict without name")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}",
                   "    regions:", "      - values: {interface: internal}" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 5"), QStringLiteral("clouds.prod.regions") };
        QTest::newRow("bad interface")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}",
                   "    interface: private" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 4"), QStringLiteral("clouds.prod.interface") };
        QTest::newRow("keystone v2") << lines(
            { "clouds:", "  old:", "    auth: {auth_url: 'https://k.example.com/v2.0', username: u}",
                "    identity_api_version: 2" })
                                     << QByteArray()
                                     << QStringList { QStringLiteral("clouds.yaml, line 4"),
                                            QStringLiteral("identity_api_version"), QStringLiteral("v2") };
        QTest::newRow("auth_url not a URL")
            << lines({ "clouds:", "  prod:", "    auth:", "      auth_url: keystone.example.com:5000",
                   "      username: u" })
            << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 4"),
                   QStringLiteral("clouds.prod.auth.auth_url") };
        QTest::newRow("no clouds key")
            << lines({ "cloud:", "  prod: {}" }) << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml"), QStringLiteral("clouds") };
        QTest::newRow("clouds is a list")
            << lines({ "clouds:", "  - prod" }) << QByteArray()
            << QStringList { QStringLiteral("clouds.yaml, line 2"), QStringLiteral("key clouds") };
        QTest::newRow("secure.yaml syntax error")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}" })
            << lines({ "clouds:", "  prod:", "    auth:", "      password: [unterminated" })
            << QStringList { QStringLiteral("secure.yaml, line"), QStringLiteral("not valid YAML") };
        QTest::newRow("secure.yaml wrong type")
            << lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com', username: u}" })
            << lines({ "clouds:", "  prod:", "    auth:", "      password: [a, b]" })
            << QStringList { QStringLiteral("secure.yaml, line 4"),
                   QStringLiteral("clouds.prod.auth.password") };
    }

    void malformed()
    {
        QFETCH(QByteArray, clouds);
        QFETCH(QByteArray, secure);
        QFETCH(QStringList, errorParts);
        const CloudImportResult result = CloudConfigImporter::parse(clouds, QStringLiteral("clouds.yaml"),
            secure, secure.isNull() ? QString() : QStringLiteral("secure.yaml"));
        QVERIFY(!result.ok());
        const QString errors = result.errors.join(QLatin1Char('\n'));
        for (const QString &part : errorParts)
            QVERIFY2(
                errors.contains(part), qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(part, errors)));
        // A secret in a bad file is not echoed back.
        qInfo().noquote() << errors;
    }

    void selectMissingCloud()
    {
        const CloudImportResult result = CloudConfigImporter::parse(
            lines({ "clouds:", "  a:", "    auth: {auth_url: 'https://k.example.com', username: u}" }),
            QStringLiteral("clouds.yaml"), QByteArray(), QString(), QStringLiteral("b"));
        QVERIFY(!result.ok());
        QVERIFY2(result.errors.constFirst().contains(QLatin1String("\"b\""))
                && result.errors.constFirst().contains(QLatin1String("found: a")),
            qPrintable(result.errors.constFirst()));
    }

    // openstacksdk's order: OS_CLIENT_CONFIG_FILE, current dir, XDG config home, ~/.config, /etc.
    void searchOrder_data()
    {
        QTest::addColumn<QStringList>("present"); // files created, relative to the temporary root
        QTest::addColumn<bool>("useEnvironmentFile");
        QTest::addColumn<QString>("expected");
        const QString cwdFile = QStringLiteral("cwd/clouds.yaml");
        const QString xdgFile = QStringLiteral("xdg/openstack/clouds.yaml");
        const QString homeFile = QStringLiteral("home/.config/openstack/clouds.yml");
        const QString siteFile = QStringLiteral("site/openstack/clouds.json");
        const QString envFile = QStringLiteral("elsewhere/my-clouds.yaml");
        QTest::newRow("env var first") << QStringList { envFile, cwdFile, homeFile } << true << envFile;
        QTest::newRow("current dir before home")
            << QStringList { cwdFile, xdgFile, homeFile } << false << cwdFile;
        QTest::newRow("XDG_CONFIG_HOME before ~/.config")
            << QStringList { xdgFile, homeFile } << false << xdgFile;
        QTest::newRow("~/.config, .yml") << QStringList { homeFile, siteFile } << false << homeFile;
        QTest::newRow("site config, .json") << QStringList { siteFile } << false << siteFile;
        QTest::newRow("env var pointing nowhere") << QStringList { homeFile } << true << homeFile;
    }

    void searchOrder()
    {
        QFETCH(QStringList, present);
        QFETCH(bool, useEnvironmentFile);
        QFETCH(QString, expected);
        QTemporaryDir root;
        for (const QString &file : present)
            writeFile(root.filePath(file), "clouds: {}\n");
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("xdg")));
        environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("site")));
        if (useEnvironmentFile)
            environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"),
                root.filePath(QStringLiteral("elsewhere/my-clouds.yaml")));
        const QString cwd = root.filePath(QStringLiteral("cwd"));
        QCOMPARE(CloudConfigImporter::findCloudsFile(environment, cwd), root.filePath(expected));
        QVERIFY(CloudConfigImporter::searchDirectories(environment, cwd)
                    .endsWith(QStringLiteral("/etc/openstack")));
    }

    void importDefaultReadsSecureFile()
    {
        QTemporaryDir root;
        writeFile(root.filePath(QStringLiteral("home/.config/openstack/clouds.yaml")),
            lines({ "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}" }));
        writeFile(root.filePath(QStringLiteral("home/.config/openstack/secure.yaml")),
            lines({ "clouds:", "  prod:", "    auth: {password: pw-from-secure}" }));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("none")));
        const CloudImportResult result
            = CloudConfigImporter::importDefault(environment, root.filePath(QStringLiteral("cwd")));
        QVERIFY2(result.ok(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.secureFile, root.filePath(QStringLiteral("home/.config/openstack/secure.yaml")));
        QCOMPARE(result.clouds.constFirst().secret, QStringLiteral("pw-from-secure"));

        // A file that cannot be read is named.
        const CloudImportResult missing
            = CloudConfigImporter::importFiles(root.filePath(QStringLiteral("nope.yaml")), QString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.errors.constFirst().contains(root.filePath(QStringLiteral("nope.yaml"))));
    }

    // openrc files and OS_CLOUD.
    void environment_data()
    {
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QByteArray>("cloudsYaml"); // written and named by OS_CLIENT_CONFIG_FILE when set
        QTest::addColumn<Fields>("expected");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("openrc v3")
            << QStringList { QStringLiteral("OS_AUTH_URL=https://keystone.example.com:5000/v3"),
                   QStringLiteral("OS_USERNAME=alice"), QStringLiteral("OS_PASSWORD=pw"),
                   QStringLiteral("OS_PROJECT_NAME=web"), QStringLiteral("OS_USER_DOMAIN_NAME=Default"),
                   QStringLiteral("OS_PROJECT_DOMAIN_NAME=Default"), QStringLiteral("OS_REGION_NAME=fra1"),
                   QStringLiteral("OS_INTERFACE=public"), QStringLiteral("OS_IDENTITY_API_VERSION=3") }
            << QByteArray()
            << Fields { { QStringLiteral("name"), QStringLiteral("envvars") },
                   { QStringLiteral("auth_url"), QStringLiteral("https://keystone.example.com:5000/v3") },
                   { QStringLiteral("username"), QStringLiteral("alice") },
                   { QStringLiteral("project_name"), QStringLiteral("web") },
                   { QStringLiteral("user_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("project_domain_name"), QStringLiteral("Default") },
                   { QStringLiteral("region_name"), QStringLiteral("fra1") },
                   { QStringLiteral("secret"), QStringLiteral("pw") } }
            << QString();
        QTest::newRow("old openrc with tenant and endpoint type")
            << QStringList { QStringLiteral("OS_AUTH_URL=http://k.example.com:5000/v3"),
                   QStringLiteral("OS_USERNAME=bob"), QStringLiteral("OS_TENANT_NAME=legacy"),
                   QStringLiteral("OS_ENDPOINT_TYPE=internalURL"), QStringLiteral("OS_CACERT=/etc/ca.pem"),
                   QStringLiteral("OS_CLOUD_NAME=legacy-cloud") }
            << QByteArray()
            << Fields { { QStringLiteral("name"), QStringLiteral("legacy-cloud") },
                   { QStringLiteral("project_name"), QStringLiteral("legacy") },
                   { QStringLiteral("interface"), QStringLiteral("internal") },
                   { QStringLiteral("cacert"), QStringLiteral("/etc/ca.pem") },
                   { QStringLiteral("secret"), QString() } }
            << QString();
        QTest::newRow("application credential openrc")
            << QStringList { QStringLiteral("OS_AUTH_TYPE=v3applicationcredential"),
                   QStringLiteral("OS_AUTH_URL=https://k.example.com:5000"),
                   QStringLiteral("OS_APPLICATION_CREDENTIAL_ID=ac-1"),
                   QStringLiteral("OS_APPLICATION_CREDENTIAL_SECRET=ac-secret"),
                   QStringLiteral("OS_REGION_NAME=RegionOne"), QStringLiteral("OS_INSECURE=true") }
            << QByteArray()
            << Fields { { QStringLiteral("auth_type"), QStringLiteral("v3applicationcredential") },
                   { QStringLiteral("application_credential_id"), QStringLiteral("ac-1") },
                   { QStringLiteral("verify"), QStringLiteral("false") },
                   { QStringLiteral("secret"), QStringLiteral("ac-secret") } }
            << QString();
        QTest::newRow("OS_CLOUD with OS_PASSWORD laid over")
            << QStringList { QStringLiteral("OS_CLOUD=prod"), QStringLiteral("OS_PASSWORD=from-env"),
                   QStringLiteral("OS_REGION_NAME=sto2") }
            << lines({ "clouds:", "  prod:",
                   "    auth: {auth_url: 'https://k.example.com/v3', username: u, tenant_name: t}",
                   "    regions: [fra1, sto2]" })
            << Fields { { QStringLiteral("name"), QStringLiteral("prod") },
                   { QStringLiteral("username"), QStringLiteral("u") },
                   { QStringLiteral("project_name"), QStringLiteral("t") },
                   { QStringLiteral("region_name"), QStringLiteral("sto2") },
                   { QStringLiteral("secret"), QStringLiteral("from-env") } }
            << QString();
        QTest::newRow("OS_CLOUD names a missing cloud")
            << QStringList { QStringLiteral("OS_CLOUD=staging") }
            << lines(
                   { "clouds:", "  prod:", "    auth: {auth_url: 'https://k.example.com/v3', username: u}" })
            << Fields {} << QStringLiteral("OS_CLOUD");
        QTest::newRow("nothing set") << QStringList { QStringLiteral("HOME=/nonexistent") } << QByteArray()
                                     << Fields {} << QStringLiteral("OS_AUTH_URL");
        QTest::newRow("bad OS_INTERFACE")
            << QStringList { QStringLiteral("OS_AUTH_URL=https://k.example.com/v3"),
                   QStringLiteral("OS_USERNAME=u"), QStringLiteral("OS_INTERFACE=private") }
            << QByteArray() << Fields {} << QStringLiteral("environment variable OS_INTERFACE");
        QTest::newRow("OS_AUTH_URL without scheme")
            << QStringList { QStringLiteral("OS_AUTH_URL=keystone:5000"), QStringLiteral("OS_USERNAME=u") }
            << QByteArray() << Fields {} << QStringLiteral("OS_AUTH_URL");
    }

    void environment()
    {
        QFETCH(QStringList, variables);
        QFETCH(QByteArray, cloudsYaml);
        QFETCH(Fields, expected);
        QFETCH(QString, errorPart);

        QTemporaryDir root;
        QProcessEnvironment environment = environmentOf(variables);
        environment.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("site")));
        if (!cloudsYaml.isNull()) {
            writeFile(root.filePath(QStringLiteral("clouds.yaml")), cloudsYaml);
            environment.insert(
                QStringLiteral("OS_CLIENT_CONFIG_FILE"), root.filePath(QStringLiteral("clouds.yaml")));
        }
        const CloudImportResult result
            = CloudConfigImporter::importEnvironment(environment, root.filePath(QStringLiteral("cwd")));
        if (!errorPart.isEmpty()) {
            QVERIFY(!result.ok());
            QVERIFY2(result.errors.join(QLatin1Char('\n')).contains(errorPart),
                qPrintable(result.errors.join(QLatin1Char('\n'))));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.clouds.size(), 1);
        compareFields(result.clouds.constFirst(), expected);
    }
};

QTEST_GUILESS_MAIN(TestCloudConfigImporter)
#include "tst_cloudconfigimporter.moc"
