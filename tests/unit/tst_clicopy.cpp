// `stackvault-cli copy` as a user runs it: each storage's passphrase from its own variable, its own
// keychain entry or standard input; the report (--json too); errors that name the backup and the
// storage; and a copy killed at each stage (STACKVAULT_CRASH_AT) never leaves a target backup that looks
// complete — the next copy replaces it and verify passes. Needs the test session's keyring (scripts/test).
#include "bank/localbank.h"
#include "clirunner.h"
#include "keyringprobe.h"
#include "profiles/secretresult.h"
#include "profiles/secretstore.h"
#include "protection/bankservice.h"

#include "checkpointfixtures.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QString kSourcePassphrase = QStringLiteral("source passphrase");
const QString kTargetPassphrase = QStringLiteral("target passphrase");
const QString kSourceVariable = QStringLiteral("STACKVAULT_BANK_PASSPHRASE");
const QString kTargetVariable = QStringLiteral("STACKVAULT_TARGET_BANK_PASSPHRASE");

QHash<QString, QString> passphrases(const QString &source, const QString &target)
{
    return {{kSourceVariable, source}, {kTargetVariable, target}};
}

} // namespace

class TestCliCopy : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    svtest::CliRunner m_runner{m_home.path()};
    QByteArray m_image;
    QString m_source;
    QString m_id;
    int m_targets = 0;

    QString newTarget() { return m_home.filePath(QStringLiteral("target-%1").arg(++m_targets)); }

    svtest::CliRun copy(const QString &target, const QHash<QString, QString> &environment,
                        const QStringList &extra = {}, const QByteArray &input = {})
    {
        return m_runner.run(QStringList{QStringLiteral("copy"), m_id, QStringLiteral("--from"), m_source,
                                        QStringLiteral("--to"), target, QStringLiteral("--json")}
                                + extra,
                            input, environment);
    }
    static QString statusIn(const QString &root, const QByteArray &passphrase, const QString &id)
    {
        sv::LocalBank bank(root);
        bank.setPassphrase(passphrase);
        sv::BankError error;
        sv::CheckpointIndex index;
        if (!bank.open(&error))
            return QStringLiteral("(bank: %1)").arg(error.message);
        return bank.checkpoint(id, &index, &error) ? index.status : QStringLiteral("(none)");
    }
    void verifyWith(const QString &root, const QString &passphrase)
    {
        const svtest::CliRun verify = m_runner.run({QStringLiteral("verify"), m_id, QStringLiteral("--bank"), root},
                                                   {}, {{kSourceVariable, passphrase}});
        QVERIFY2(verify.exitCode == 0, verify.describe().constData());
        QVERIFY2(verify.out.contains("is intact"), verify.describe().constData());
    }
    // Stores `secret` in the session keyring as the CLI's passphrase entry of `location`.
    // With an empty `secret`, removes the entry.
    static void keychainSave(const QString &location, const QString &secret)
    {
        sv::SecretStore store;
        bool done = false;
        bool ok = false;
        const auto answered = [&](const sv::SecretResult &result) {
            done = true;
            ok = result.ok();
        };
        if (secret.isEmpty())
            store.remove(sv::BankService::keychainKey(location), &store, answered);
        else
            store.write(sv::BankService::keychainKey(location), secret, &store, answered);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        m_image = svtest::generateImage(6 * 1024 * 1024, 21);
        m_source = m_home.filePath(QStringLiteral("source"));
        sv::LocalBank source(m_source);
        source.setEncryptNewBank(true);
        source.setPassphrase(kSourcePassphrase.toUtf8());
        sv::BankError error;
        QVERIFY2(source.open(&error), qPrintable(error.message));
        m_id = svtest::backup(source, QStringLiteral("s1"), m_image, &error);
        QVERIFY2(!m_id.isEmpty(), qPrintable(error.message));
    }

    // Unattended: a variable for each storage. The report, then a second copy that moves nothing.
    void copiesWithAVariablePerStorage_data()
    {
        QTest::addColumn<bool>("plainTarget");
        QTest::newRow("new target encrypted (the default)") << false;
        QTest::newRow("new target --no-encryption") << true;
    }
    void copiesWithAVariablePerStorage()
    {
        QFETCH(bool, plainTarget);
        const QString target = newTarget();
        const svtest::CliRun run = copy(target, passphrases(kSourcePassphrase, kTargetPassphrase),
                                        plainTarget ? QStringList{QStringLiteral("--no-encryption")} : QStringList{});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(report.value(QStringLiteral("event")).toString(), QStringLiteral("finished"));
        QVERIFY(report.value(QStringLiteral("ok")).toBool());
        QVERIFY(report.value(QStringLiteral("copied")).toBool());
        QCOMPARE(report.value(QStringLiteral("checkpoint_id")).toString(), m_id);
        QCOMPARE(report.value(QStringLiteral("source")).toString(), m_source);
        QCOMPARE(report.value(QStringLiteral("target")).toString(), target);
        QCOMPARE(report.value(QStringLiteral("target_encrypted")).toBool(), !plainTarget);
        QCOMPARE(report.value(QStringLiteral("bytes_read")).toInteger(), m_image.size());
        QVERIFY(report.value(QStringLiteral("new_stored_bytes")).toInteger() > 0);
        QVERIFY(report.value(QStringLiteral("chunks_new")).toInteger() > 0);
        QVERIFY(report.contains(QStringLiteral("chunks_shared")));
        QVERIFY(report.value(QStringLiteral("duration_ms")).toInteger() >= 0);
        QVERIFY2(run.out.contains("\"stage\":\"copying\""), run.describe().constData());

        // The target opens with its own passphrase only, and its copy verifies.
        QCOMPARE(statusIn(target, plainTarget ? QByteArray() : kTargetPassphrase.toUtf8(), m_id), QStringLiteral("available"));
        if (!plainTarget)
            QVERIFY(statusIn(target, kSourcePassphrase.toUtf8(), m_id).contains(QLatin1String("passphrase")));
        verifyWith(target, kTargetPassphrase);
        const svtest::CliRun list = m_runner.run({QStringLiteral("checkpoints"), QStringLiteral("--bank"), target}, {},
                                                 {{kSourceVariable, kTargetPassphrase}});
        QVERIFY2(list.out.contains(plainTarget ? "not encrypted" : "encrypted (AES-256-GCM)"), list.describe().constData());

        const svtest::CliRun again = copy(target, passphrases(kSourcePassphrase, kTargetPassphrase));
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(!again.lastJson().value(QStringLiteral("copied")).toBool());
        QCOMPARE(again.lastJson().value(QStringLiteral("new_stored_bytes")).toInteger(), 0);
        // Without --json: one sentence.
        const svtest::CliRun text = m_runner.run({QStringLiteral("copy"), m_id, QStringLiteral("--from"), m_source,
                                                  QStringLiteral("--to"), target},
                                                 {}, passphrases(kSourcePassphrase, kTargetPassphrase));
        QVERIFY2(text.out.contains(QStringLiteral("Backup %1 is already in %2: nothing copied.").arg(m_id, target).toUtf8()),
                 text.describe().constData());
    }

    // No variables: the source's passphrase, then the new target's, one line each on standard input.
    void asksEachPassphraseOnStandardInput()
    {
        const QString target = newTarget();
        const svtest::CliRun run = copy(target, passphrases({}, {}), {},
                                        (kSourcePassphrase + u'\n' + kTargetPassphrase + u'\n').toUtf8());
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(statusIn(target, kTargetPassphrase.toUtf8(), m_id), QStringLiteral("available"));
    }

    // No variables and no input: each storage's own keychain entry.
    void takesEachPassphraseFromItsKeychainEntry()
    {
        const QString target = newTarget();
        // Make the target (encrypted with its passphrase) first, so that its keychain entry is what opens it.
        sv::LocalBank made(target);
        made.setEncryptNewBank(true);
        made.setPassphrase(kTargetPassphrase.toUtf8());
        sv::BankError error;
        QVERIFY(made.open(&error));
        keychainSave(m_source, kSourcePassphrase);
        keychainSave(target, kTargetPassphrase);
        const svtest::CliRun run = copy(target, passphrases({}, {}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.lastJson().value(QStringLiteral("copied")).toBool());
        QCOMPARE(statusIn(target, kTargetPassphrase.toUtf8(), m_id), QStringLiteral("available"));
        // The later tests' wrong passphrases must not be rescued by these entries.
        keychainSave(m_source, {});
        keychainSave(target, {});
    }

    void failsClearly_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong source passphrase") << QStringLiteral("source-passphrase") << 1
                                                 << QStringLiteral("The source backup storage %source cannot be opened");
        QTest::newRow("wrong target passphrase") << QStringLiteral("target-passphrase") << 1
                                                 << QStringLiteral("The target backup storage %target cannot be opened");
        QTest::newRow("unknown backup") << QStringLiteral("unknown") << 1
                                        << QStringLiteral("is not in the backup storage %source");
        QTest::newRow("no source storage") << QStringLiteral("no-source") << 1
                                           << QStringLiteral("There is no backup storage at");
        QTest::newRow("unreachable target") << QStringLiteral("unreachable") << 1
                                            << QStringLiteral("The target backup storage swift:");
        QTest::newRow("no --to") << QStringLiteral("no-to") << 2 << QStringLiteral("--to is required");
    }
    void failsClearly()
    {
        QFETCH(QString, problem);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QString source = m_source;
        QString target = newTarget();
        QString id = m_id;
        QHash<QString, QString> environment = passphrases(kSourcePassphrase, kTargetPassphrase);
        if (problem == QLatin1String("source-passphrase")) {
            environment.insert(kSourceVariable, QStringLiteral("wrong"));
        } else if (problem == QLatin1String("target-passphrase")) {
            sv::LocalBank made(target);
            made.setEncryptNewBank(true);
            made.setPassphrase(kTargetPassphrase.toUtf8());
            sv::BankError error;
            QVERIFY(made.open(&error));
            environment.insert(kTargetVariable, QStringLiteral("wrong"));
        } else if (problem == QLatin1String("unknown")) {
            id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
        } else if (problem == QLatin1String("no-source")) {
            source = m_home.filePath(QStringLiteral("no-such-storage"));
        } else if (problem == QLatin1String("unreachable")) {
            // A saved cloud whose Keystone does not answer (port 1 on the loopback).
            const svtest::CliRun add = m_runner.run(
                {QStringLiteral("clouds"), QStringLiteral("add"), QStringLiteral("gone"), QStringLiteral("--auth-url"),
                 QStringLiteral("http://127.0.0.1:1/identity/v3"), QStringLiteral("--user"), QStringLiteral("demo"),
                 QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("--password-stdin"),
                 QStringLiteral("--no-verify")},
                "demo-password\n");
            QVERIFY2(add.exitCode == 0, add.describe().constData());
            target = QStringLiteral("swift:gone/backups");
        }
        QStringList arguments{QStringLiteral("copy"), id, QStringLiteral("--from"), source};
        if (problem != QLatin1String("no-to"))
            arguments << QStringLiteral("--to") << target;
        const svtest::CliRun run = m_runner.run(arguments, {}, environment);
        QCOMPARE(run.exitCode, exitCode);
        expected.replace(QStringLiteral("%source"), source).replace(QStringLiteral("%target"), target);
        QVERIFY2(run.err.contains(expected.toUtf8()), run.describe().constData());
        if (problem == QLatin1String("unknown"))
            QVERIFY2(run.err.contains(id.toUtf8()), run.describe().constData());
        if (problem == QLatin1String("no-source"))
            QVERIFY(!QFileInfo::exists(source)); // nothing made where the source was expected
        if (problem != QLatin1String("target-passphrase") && problem != QLatin1String("unreachable"))
            QVERIFY(!QFileInfo::exists(target) || statusIn(target, kTargetPassphrase.toUtf8(), id) == QLatin1String("(none)"));
    }

    // Killed (SIGKILL, no cleanup) at each stage of a copy: the target's backup is never `available`
    // afterwards; the next copy replaces it, verify passes, and prune + check find the storage consistent.
    void killedCopyNeverLooksComplete_data()
    {
        QTest::addColumn<QString>("crashAt");
        QTest::newRow("protecting index flushed, not renamed") << QStringLiteral("bank-index-write:1");
        QTest::newRow("mid-image, third chunk") << QStringLiteral("copy-chunk-written:3");
        QTest::newRow("pack flushed, not renamed") << QStringLiteral("bank-object-flushed:1");
        QTest::newRow("chunks published, not committed") << QStringLiteral("bank-chunk-published");
        QTest::newRow("images checked, before commit") << QStringLiteral("copy-before-commit");
        QTest::newRow("available index flushed, not renamed") << QStringLiteral("bank-index-write:2");
    }
    void killedCopyNeverLooksComplete()
    {
        QFETCH(QString, crashAt);
        const QString target = newTarget();
        QHash<QString, QString> environment = passphrases(kSourcePassphrase, kTargetPassphrase);
        environment.insert(QStringLiteral("STACKVAULT_CRASH_AT"), crashAt);
        const svtest::CliRun killed = copy(target, environment);
        QVERIFY2(killed.crashed, killed.describe().constData());
        QVERIFY2(killed.err.contains("stackvault: crash point"), killed.describe().constData());
        QVERIFY(statusIn(target, kTargetPassphrase.toUtf8(), m_id) != QLatin1String("available"));

        const svtest::CliRun again = copy(target, passphrases(kSourcePassphrase, kTargetPassphrase));
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(again.lastJson().value(QStringLiteral("copied")).toBool());
        QCOMPARE(statusIn(target, kTargetPassphrase.toUtf8(), m_id), QStringLiteral("available"));
        verifyWith(target, kTargetPassphrase);
        for (const QString &verb : {QStringLiteral("prune"), QStringLiteral("check")}) {
            const svtest::CliRun tidy = m_runner.run({verb, QStringLiteral("--bank"), target}, {},
                                                     {{kSourceVariable, kTargetPassphrase}});
            QVERIFY2(tidy.exitCode == 0, tidy.describe().constData());
        }
    }

    // Ctrl-C (SIGINT) in the middle of a copy cancels it: exit code 1, the target's backup `error`, never
    // `available`; the next copy replaces it.
    void ctrlCCancelsTheCopy()
    {
        // Large enough that the copy is still running when the signal is handled (~1 s here).
        const QString source = m_home.filePath(QStringLiteral("big-source"));
        sv::LocalBank bank(source);
        sv::BankError error;
        QVERIFY(bank.open(&error)); // plain: the test's time goes into the copy, not the KDF
        const QString id = svtest::backup(bank, QStringLiteral("s9"), svtest::generateImage(192 * 1024 * 1024, 9), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString target = newTarget();
        m_runner.setEnvironment(kTargetVariable, kTargetPassphrase);
        QProcess *process = m_runner.start({QStringLiteral("copy"), id, QStringLiteral("--from"), source,
                                            QStringLiteral("--to"), target, QStringLiteral("--json")},
                                           this);
        m_runner.setEnvironment(kTargetVariable, {});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += process->readAllStandardOutput()).contains("\"stage\":\"copying\""), 60000);
        // Stopped while the signal is delivered, so that the copy cannot end before the CLI sees it.
        ::kill(pid_t(process->processId()), SIGSTOP);
        ::kill(pid_t(process->processId()), SIGINT);
        ::kill(pid_t(process->processId()), SIGCONT);
        QVERIFY(process->waitForFinished(60000));
        out += process->readAllStandardOutput();
        const QByteArray err = process->readAllStandardError();
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(err.contains("Cancelling"), err.constData());
        const QJsonObject result = svtest::lastJsonLine(out);
        QVERIFY2(result.value(QStringLiteral("message")).toString().contains(QLatin1String("cancelled")), out.constData());
        QCOMPARE(statusIn(target, kTargetPassphrase.toUtf8(), id), QStringLiteral("error"));

        const svtest::CliRun again = m_runner.run({QStringLiteral("copy"), id, QStringLiteral("--from"), source,
                                                   QStringLiteral("--to"), target, QStringLiteral("--json")},
                                                  {}, passphrases({}, kTargetPassphrase));
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(again.lastJson().value(QStringLiteral("replaced_status")).toString(), QStringLiteral("error"));
        QCOMPARE(statusIn(target, kTargetPassphrase.toUtf8(), id), QStringLiteral("available"));
    }

    void helpNamesTheOptionsAndVariables()
    {
        const svtest::CliRun help = m_runner.run({QStringLiteral("copy"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"stackvault-cli copy", "--from", "--to", "--no-encryption", "--json",
                                 "STACKVAULT_BANK_PASSPHRASE", "STACKVAULT_TARGET_BANK_PASSPHRASE"})
            QVERIFY2(help.out.contains(word), help.describe().constData());
        const svtest::CliRun usage = m_runner.run({QStringLiteral("--help")});
        QVERIFY(usage.out.contains("copy a backup into another backup storage"));
    }
};

QTEST_GUILESS_MAIN(TestCliCopy)
#include "tst_clicopy.moc"
