// Secrets live only in the keychain. stackvault-cli saves two clouds (password and application
// credential) into the real keyring, backs up and restores a server with each, with debug logging on;
// then every file under the config, data and cache folders (profiles, settings, the bank with its
// indexes, journal and chunks) and everything the processes printed is searched for the password, the
// application-credential secret and every token the cloud issued: none may appear. The bank's files
// and folders are private to the user (0600/0700).
#include "clirunner.h"
#include "cloudstate.h"
#include "fakecloud.h"
#include "keyringprobe.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestSecretLeak : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud m_cloud;
    QTemporaryDir m_home;
    QByteArray m_output; // everything every process printed, stdout and stderr

    svtest::CliRunner m_runner = debugRunner(m_home.path());

    static svtest::CliRunner debugRunner(const QString &home)
    {
        svtest::CliRunner runner(home);
        // Every debug line of every category, as a user sending a log with a bug report would.
        runner.setEnvironment(QStringLiteral("STACKVAULT_DEBUG"), QStringLiteral("1"));
        runner.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;qt.*.debug=false"));
        return runner;
    }

    int cli(const QStringList &arguments, const QByteArray &input = {}, QByteArray *out = nullptr)
    {
        const svtest::CliRun run = m_runner.run(arguments, input);
        m_output += run.out + run.err;
        if (out)
            *out = run.out;
        if (run.exitCode != 0)
            qWarning("stackvault-cli %s failed:\n%s", qPrintable(arguments.join(QLatin1Char(' '))), run.err.constData());
        return run.exitCode;
    }

    // Backup then restore of web-1 through the saved cloud `name`.
    void backupAndRestore(const QString &name)
    {
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("--cloud"), name, QStringLiteral("--server"),
                      QStringLiteral("web-1"), QStringLiteral("--json")},
                     {}, &out),
                 0);
        const QString checkpoint = svtest::lastJsonLine(out).value(QLatin1String("checkpoint_id")).toString();
        QVERIFY(!checkpoint.isEmpty());
        QCOMPARE(cli({QStringLiteral("verify"), checkpoint}), 0);
        QCOMPARE(cli({QStringLiteral("restore"), checkpoint, QStringLiteral("--to-cloud"), name, QStringLiteral("--name"),
                      QStringLiteral("restored-by-") + name, QStringLiteral("--json")}),
                 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json")));
        QVERIFY(m_cloud.start());
    }

    void noSecretOutsideTheKeychain()
    {
        const QByteArray password = "demo-password";
        const QByteArray appSecret = "app-cred-secret";
        const QString pw = QStringLiteral("leak-pw-%1").arg(m_cloud.port());
        const QString ac = QStringLiteral("leak-ac-%1").arg(m_cloud.port());
        QCOMPARE(cli({QStringLiteral("clouds"), QStringLiteral("add"), pw, QStringLiteral("--auth-url"), m_cloud.authUrl(),
                      QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"), QStringLiteral("demo"),
                      QStringLiteral("--password-stdin")},
                     password + '\n'),
                 0);
        QCOMPARE(cli({QStringLiteral("clouds"), QStringLiteral("add"), ac, QStringLiteral("--auth-url"), m_cloud.authUrl(),
                      QStringLiteral("--auth-type"), QStringLiteral("v3applicationcredential"),
                      QStringLiteral("--application-credential-id"), QStringLiteral("7c2e5a0b9d8f4e3a8b1c6d5e4f3a2b10"),
                      QStringLiteral("--password-stdin")},
                     appSecret + '\n'),
                 0);
        QCOMPARE(cli({QStringLiteral("clouds"), QStringLiteral("test"), pw}), 0);
        QCOMPARE(cli({QStringLiteral("clouds"), QStringLiteral("test"), ac}), 0);
        QVERIFY(m_cloud.writeServerDisk(m_cloud.serverIdByName(QStringLiteral("web-1")), 4096, "user data"));
        backupAndRestore(pw);
        if (QTest::currentTestFailed())
            return;
        backupAndRestore(ac);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(cli({QStringLiteral("checkpoints"), QStringLiteral("--json")}), 0);
        QCOMPARE(cli({QStringLiteral("check")}), 0);
        QCOMPARE(cli({QStringLiteral("clouds"), QStringLiteral("list"), QStringLiteral("--json")}), 0);

        // The needles: both secrets and every token the cloud issued to these processes.
        QList<QByteArray> needles{password, appSecret};
        {
            std::lock_guard lock(m_cloud.state().mutex);
            for (const auto &token : std::as_const(m_cloud.state().tokens))
                needles.append(token.id.toUtf8());
        }
        QVERIFY2(needles.size() >= 4, "the runs logged in at least once per cloud");
        // Debug logging really was on: the output is not trivially clean because it is empty.
        QVERIFY2(m_output.contains("GET"), "debug logs of the HTTP requests were captured");

        int files = 0;
        QByteArray bankRoot;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &needle : std::as_const(needles))
                QVERIFY2(!content.contains(needle), qPrintable(QStringLiteral("%1 contains a secret").arg(path)));
        }
        // Profiles, settings, the bank's bank.json, key file, checkpoint index and packs at least.
        QVERIFY2(files > 5, qPrintable(QStringLiteral("only %1 files were searched").arg(files)));
        for (const QByteArray &needle : std::as_const(needles))
            QVERIFY2(!m_output.contains(needle), "the processes' output contains a secret");
        qInfo("searched %d files and %lld bytes of output for %lld secrets and tokens: none found", files,
              qlonglong(m_output.size()), qlonglong(needles.size()));
    }

    void bankIsPrivate()
    {
        // Wherever the default bank is: the folder under the data dir that holds bank.json.
        QString bank;
        QDirIterator find(m_home.path(), {QStringLiteral("bank.json")}, QDir::Files, QDirIterator::Subdirectories);
        if (find.hasNext())
            bank = QFileInfo(find.next()).absolutePath();
        QVERIFY2(!bank.isEmpty(), "a bank was created by the backups");
        int checked = 0;
        QDirIterator it(bank, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        QStringList entries{bank};
        while (it.hasNext())
            entries.append(it.next());
        for (const QString &path : std::as_const(entries)) {
            struct stat st {};
            QVERIFY(::lstat(QFile::encodeName(path).constData(), &st) == 0);
            const mode_t expected = S_ISDIR(st.st_mode) ? 0700 : 0600;
            QVERIFY2((st.st_mode & 0777) == expected,
                     qPrintable(QStringLiteral("%1 has mode %2").arg(path).arg(st.st_mode & 0777, 0, 8)));
            ++checked;
        }
        QVERIFY(checked > 5);
        // And the profiles file (no secret in it, but who can reach which cloud is private too).
        QDirIterator profiles(m_home.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        while (profiles.hasNext()) {
            const QString path = profiles.next();
            if (!path.endsWith(QLatin1String("clouds.json")) && !path.endsWith(QLatin1String("profiles.json")))
                continue;
            QVERIFY2(!(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)), qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
