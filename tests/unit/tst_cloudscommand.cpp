// The `clouds` verb of the built stackvault-cli, run as a user would: a private XDG_CONFIG_HOME, the
// keyring of the test session (scripts/test runs ctest inside dbus-run-session with gnome-keyring), and
// a minimal Keystone on 127.0.0.1 for `clouds test`.
#include "clirunner.h"
#include "keyringprobe.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {
const QString demoPassword = QStringLiteral("Demo-Pässword-4711");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Answers POST /v3/auth/tokens: a token when the body carries the demo password, Keystone's 401 otherwise.
class MiniKeystone : public QObject
{
public:
    MiniKeystone()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString authUrl() const { return QStringLiteral("http://127.0.0.1:%1/v3").arg(m_server.serverPort()); }

private:
    static void answer(QTcpSocket *socket)
    {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : request.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = request.mid(headerEnd + 4, length);
        QByteArray status = "401 Unauthorized";
        QByteArray extra;
        QByteArray reply
            = R"({"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}})";
        if (request.startsWith("POST /v3/auth/tokens") && body.contains(demoPassword.toUtf8())) {
            status = "201 Created";
            extra = "X-Subject-Token: gAAAAAB-test-token\r\n";
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QJsonObject token { { QStringLiteral("issued_at"), now.toString(Qt::ISODateWithMs) },
                { QStringLiteral("expires_at"), now.addSecs(3600).toString(Qt::ISODateWithMs) },
                { QStringLiteral("project"),
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("p1") },
                        { QStringLiteral("name"), QStringLiteral("demo") } } },
                { QStringLiteral("user"), QJsonObject { { QStringLiteral("id"), QStringLiteral("u1") } } },
                { QStringLiteral("catalog"),
                    QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("compute") },
                                     { QStringLiteral("name"), QStringLiteral("nova") },
                                     { QStringLiteral("endpoints"), QJsonArray {} } },
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("image") },
                            { QStringLiteral("name"), QStringLiteral("glance") },
                            { QStringLiteral("endpoints"), QJsonArray {} } } } } };
            reply = QJsonDocument(QJsonObject { { QStringLiteral("token"), token } })
                        .toJson(QJsonDocument::Compact);
        }
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\n" + extra
            + "Content-Length: " + QByteArray::number(reply.size()) + "\r\nConnection: close\r\n\r\n"
            + reply);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
};
} // namespace

class TestCloudsCommand : public QObject
{
    Q_OBJECT

    // A new home (settings, clouds, working directory) for each test function: none sees another's clouds.
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<svtest::CliRunner> m_runner;
    MiniKeystone m_keystone;

    Run cli(const QStringList &arguments, const QByteArray &input = QByteArray(),
        const QStringList &extraEnvironment = {})
    {
        QHash<QString, QString> environment;
        for (const QString &assignment : extraEnvironment) {
            const qsizetype equals = assignment.indexOf(QLatin1Char('='));
            environment.insert(assignment.left(equals), assignment.mid(equals + 1));
        }
        // The mini Keystone lives on this thread: the runner keeps its event loop turning.
        const svtest::CliRun run = m_runner->run(arguments, input, environment, 30000);
        if (!run.finished)
            qWarning("stackvault-cli did not finish: %s", run.describe().constData());
        return Run { run.exitCode, QString::fromUtf8(run.out), QString::fromUtf8(run.err) };
    }

    // An http:// URL on 127.0.0.1 where nothing listens.
    static QString closedPortUrl()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        const quint16 port = server.serverPort();
        server.close();
        return QStringLiteral("http://127.0.0.1:%1/v3").arg(port);
    }

    QJsonArray listJson()
    {
        const Run run = cli({ QStringLiteral("clouds"), QStringLiteral("list"), QStringLiteral("--json") });
        if (run.exitCode != 0)
            qWarning().noquote() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    QStringList addDemo(const QString &name, const QString &authUrl = QString())
    {
        return { QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"),
            authUrl.isEmpty() ? m_keystone.authUrl() : authUrl, QStringLiteral("--user"), QStringLiteral("demo"),
            QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("--password-stdin") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(STACKVAULT_BINARY_DIR "/app/stackvault-cli")));
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "needs a D-Bus session with a Secret Service: run through scripts/test");
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_runner = std::make_unique<svtest::CliRunner>(m_home->path());
    }

    void helpAndEmptyList()
    {
        const Run help = cli({ QStringLiteral("clouds"), QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--password-stdin")));
        QVERIFY(help.out.contains(QLatin1String("--no-verify")));
        QVERIFY(help.out.contains(QLatin1String("--verbose")));
        QCOMPARE(listJson(), QJsonArray());
        const Run list = cli({ QStringLiteral("clouds"), QStringLiteral("list") });
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QLatin1String("No clouds are saved")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("errorPart");
        const QString url = QStringLiteral("https://k.example.com/v3");
        QTest::newRow("no action") << QStringList { QStringLiteral("clouds") }
                                   << QStringLiteral("which action");
        QTest::newRow("unknown action")
            << QStringList { QStringLiteral("clouds"), QStringLiteral("frobnicate") }
            << QStringLiteral("unknown action");
        QTest::newRow("password on the command line") << QStringList { QStringLiteral("clouds"),
            QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--auth-url"), url,
            QStringLiteral("--user"), QStringLiteral("u"), QStringLiteral("--password"),
            QStringLiteral("hunter2") } << QStringLiteral("never accepted on the command line");
        QTest::newRow("no --password-stdin") << QStringList { QStringLiteral("clouds"), QStringLiteral("add"),
            QStringLiteral("x"), QStringLiteral("--auth-url"), url, QStringLiteral("--user"),
            QStringLiteral("u") } << QStringLiteral("--password-stdin");
        QTest::newRow("no auth url") << QStringList { QStringLiteral("clouds"), QStringLiteral("add"),
            QStringLiteral("x"), QStringLiteral("--user"), QStringLiteral("u"),
            QStringLiteral("--password-stdin") }
                                     << QStringLiteral("--auth-url");
        QTest::newRow("bad interface") << QStringList { QStringLiteral("clouds"), QStringLiteral("add"),
            QStringLiteral("x"), QStringLiteral("--auth-url"), url, QStringLiteral("--user"),
            QStringLiteral("u"), QStringLiteral("--interface"), QStringLiteral("private"),
            QStringLiteral("--password-stdin") }
                                       << QStringLiteral("interface");
        QTest::newRow("missing CA file") << QStringList { QStringLiteral("clouds"), QStringLiteral("add"),
            QStringLiteral("x"), QStringLiteral("--auth-url"), url, QStringLiteral("--user"),
            QStringLiteral("u"), QStringLiteral("--cacert"), QStringLiteral("/nonexistent/ca.pem"),
            QStringLiteral("--password-stdin") }
                                         << QStringLiteral("/nonexistent/ca.pem");
        QTest::newRow("remove without name") << QStringList { QStringLiteral("clouds"),
            QStringLiteral("remove") } << QStringLiteral("one cloud name");
        QTest::newRow("list with argument") << QStringList { QStringLiteral("clouds"), QStringLiteral("list"),
            QStringLiteral("x") } << QStringLiteral("no arguments");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, errorPart);
        const Run run = cli(arguments, "pw\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(errorPart), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("hunter2")));
    }

    void addListTestRemove()
    {
        Run run = cli(addDemo(QStringLiteral("demo")), demoPassword.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("Saved cloud \"demo\"")));

        // A second cloud of the same name is refused.
        run = cli(addDemo(QStringLiteral("demo")), "other\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("already exists")), qPrintable(run.err));

        const QJsonArray clouds = listJson();
        QCOMPARE(clouds.size(), 1);
        const QJsonObject demo = clouds.at(0).toObject();
        QCOMPARE(demo.value(QLatin1String("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(demo.value(QLatin1String("username")).toString(), QStringLiteral("demo"));
        QCOMPARE(demo.value(QLatin1String("project_name")).toString(), QStringLiteral("demo"));
        QCOMPARE(demo.value(QLatin1String("auth_url")).toString(), m_keystone.authUrl());
        QVERIFY(!QJsonDocument(demo).toJson().contains(demoPassword.toUtf8()));

        // No file that StackVault wrote holds the password (it lives only in the keyring).
        int files = 0;
        QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray contents = file.readAll();
            QVERIFY2(!contents.contains(demoPassword.toUtf8()), qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY(files >= 1);

        run = cli({ QStringLiteral("clouds"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("demo")) && run.out.contains(m_keystone.authUrl()));

        // `test` reads the secret from the keyring and logs in.
        run = cli({ QStringLiteral("clouds"), QStringLiteral("test"), QStringLiteral("demo") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Logged in to \"demo\"")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("compute, image")));

        run = cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QStringLiteral("demo") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(listJson(), QJsonArray());
        run = cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QStringLiteral("demo") });
        QCOMPARE(run.exitCode, 1);
        run = cli({ QStringLiteral("clouds"), QStringLiteral("test"), QStringLiteral("demo") });
        QCOMPARE(run.exitCode, 1);
    }

    // `add` signs in first: a wrong password or an unreachable Keystone is said at once, and nothing is
    // saved — neither the profile nor the secret in the keyring.
    void addRefusesWhatCannotSignIn_data()
    {
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong password") << QString()
                                        << QStringLiteral("Wrong user name or password for cloud \"refused\".");
        QTest::newRow("unreachable") << closedPortUrl() << QStringLiteral("Cannot reach 127.0.0.1");
    }

    void addRefusesWhatCannotSignIn()
    {
        QFETCH(QString, authUrl);
        QFETCH(QString, reason);
        const QByteArray password = "refused-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const Run run = cli(addDemo(QStringLiteral("refused"), authUrl), password + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("cloud \"refused\" was not saved")), qPrintable(run.err));
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--no-verify")), qPrintable(run.err));
        // One sentence: no log lines of the core before it.
        QVERIFY2(run.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(listJson(), QJsonArray());
        const svtest::KeyringProbe probe = svtest::findSecretInKeyring(password);
        QVERIFY2(probe.ok, qPrintable(probe.error));
        QVERIFY2(!probe.found, "the refused cloud's password is in the keyring");
    }

    // The keyring probe above can see a saved secret (else "not found" would prove nothing).
    void keyringProbeFindsASavedSecret()
    {
        const Run run = cli(addDemo(QStringLiteral("probe")), demoPassword.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const svtest::KeyringProbe probe = svtest::findSecretInKeyring(demoPassword.toUtf8());
        QVERIFY2(probe.ok, qPrintable(probe.error));
        QVERIFY(probe.found);
        QCOMPARE(cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QStringLiteral("probe") }).exitCode, 0);
    }

    void addNoVerifySaves_data() { addRefusesWhatCannotSignIn_data(); }

    void addNoVerifySaves()
    {
        QFETCH(QString, authUrl);
        Run run = cli(addDemo(QStringLiteral("unchecked"), authUrl) << QStringLiteral("--no-verify"), "not-it\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Saved cloud \"unchecked\"")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("not checked (--no-verify)")), qPrintable(run.out));
        QCOMPARE(listJson().size(), 1);
        QCOMPARE(
            cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QStringLiteral("unchecked") }).exitCode, 0);
    }

    void testWithWrongPassword()
    {
        Run run = cli(addDemo(QStringLiteral("wrong")) << QStringLiteral("--no-verify"), "not-the-password\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ QStringLiteral("clouds"), QStringLiteral("test"), QStringLiteral("wrong") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("wrong")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("not-the-password")));
        QCOMPARE(
            cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QStringLiteral("wrong") }).exitCode, 0);
    }

    void importFileAndEnvironment()
    {
        const QString yaml = m_home->filePath(QStringLiteral("clouds.yaml"));
        QFile file(yaml);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("clouds:\n  lab:\n    auth:\n      auth_url: " + m_keystone.authUrl().toUtf8()
            + "\n      username: demo\n      project_name: demo\n      domain_name: Default\n"
              "    region_name: RegionOne\n  broken:\n    auth:\n      username: x\n");
        file.close();
        QFile secure(m_home->filePath(QStringLiteral("secure.yaml")));
        QVERIFY(secure.open(QIODevice::WriteOnly));
        secure.write("clouds:\n  lab:\n    auth:\n      password: " + demoPassword.toUtf8() + "\n");
        secure.close();

        // One good cloud, one broken: the good one is saved, the broken one named, the exit code says 1.
        Run run = cli({ QStringLiteral("clouds"), QStringLiteral("import"), QStringLiteral("--file"), yaml });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QLatin1String("line 9")) && run.err.contains(QLatin1String("auth.auth_url")),
            qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Imported cloud \"lab\"")), qPrintable(run.out));
        run = cli({ QStringLiteral("clouds"), QStringLiteral("test"), QStringLiteral("lab") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // Found in the current directory without --file; importing again updates in place.
        run = cli({ QStringLiteral("clouds"), QStringLiteral("import"), QStringLiteral("--cloud"),
            QStringLiteral("lab") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Updated cloud \"lab\"")), qPrintable(run.out));
        QCOMPARE(listJson().size(), 1);

        // An openrc environment.
        run = cli({ QStringLiteral("clouds"), QStringLiteral("import"), QStringLiteral("--env"),
                      QStringLiteral("--name"), QStringLiteral("from-env") },
            QByteArray(),
            { QStringLiteral("OS_AUTH_URL=") + m_keystone.authUrl(), QStringLiteral("OS_USERNAME=demo"),
                QStringLiteral("OS_PASSWORD=") + demoPassword, QStringLiteral("OS_PROJECT_NAME=demo"),
                QStringLiteral("OS_USER_DOMAIN_NAME=Default"),
                QStringLiteral("OS_PROJECT_DOMAIN_NAME=Default") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ QStringLiteral("clouds"), QStringLiteral("test"), QStringLiteral("from-env") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        for (const char *name : { "lab", "from-env" })
            QCOMPARE(
                cli({ QStringLiteral("clouds"), QStringLiteral("remove"), QLatin1String(name) }).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCloudsCommand)
#include "tst_cloudscommand.moc"
