// stackvault-cli key list|add|remove|passwd as a user runs them against an encrypted folder bank: the
// passphrases on standard input (no $STACKVAULT_BANK_PASSPHRASE), the keychain a real Secret Service
// (scripts/test runs the suite inside dbus-run-session with gnome-keyring).
#include "clirunner.h"
#include "keyringprobe.h"
#include "profiles/secretstore.h"
#include "protection/bankservice.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using sv::SecretResult;
using sv::SecretStore;

class TestCliKeys : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir home;
    QTemporaryDir banks;
    svtest::CliRunner runner{home.path()};
    // The service the CLI uses: entries made here live in the test's private keyring only.
    SecretStore keychain{SecretStore::defaultService()};
    int bankCount = 0;

    svtest::CliRun key(const QString &bank, const QStringList &arguments, const QByteArray &input,
                       const QHash<QString, QString> &environment = {})
    {
        return runner.run(QStringList{QStringLiteral("key")} + arguments + QStringList{QStringLiteral("--bank"), bank},
                          input, environment);
    }

    // A new encrypted folder bank whose first key opens with `passphrase`.
    QString newBank(const QByteArray &passphrase)
    {
        const QString bank = banks.filePath(QStringLiteral("bank-%1").arg(++bankCount));
        const svtest::CliRun made = key(bank, {QStringLiteral("list")}, passphrase + '\n');
        if (made.exitCode != 0 || !QFile::exists(bank + QStringLiteral("/bank.json")))
            qWarning("could not make %s: %s", qPrintable(bank), made.describe().constData());
        return bank;
    }

    // `key list --json` opened with `passphrase`: the keys, or an empty array (and the run) on failure.
    QJsonArray keys(const QString &bank, const QByteArray &passphrase, svtest::CliRun *run = nullptr)
    {
        const svtest::CliRun list = key(bank, {QStringLiteral("list"), QStringLiteral("--json")}, passphrase + '\n');
        if (run)
            *run = list;
        return list.exitCode == 0 ? QJsonDocument::fromJson(list.out).array() : QJsonArray();
    }

    static QString currentKey(const QJsonArray &keys)
    {
        for (const QJsonValue &k : keys) {
            if (k[QLatin1String("current")].toBool())
                return k[QLatin1String("id")].toString();
        }
        return {};
    }

    static QString idIn(const QByteArray &out, const char *before)
    {
        const QRegularExpression re(QString::fromLatin1(before) + QStringLiteral(" ([0-9a-f]{16})"));
        return re.match(QString::fromUtf8(out)).captured(1);
    }

    SecretResult keychainCall(const std::function<void(SecretStore::Callback)> &call)
    {
        std::optional<SecretResult> result;
        call([&result](const SecretResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return SecretResult{SecretResult::Status::Failed, {}, QStringLiteral("keychain call timed out"), {}};
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        // Every passphrase comes from standard input or the keychain here.
        runner.setEnvironment(QString::fromLatin1(sv::BankService::PassphraseVariable), QString());
    }

    void addedKeyOpensTheSameBank()
    {
        const QString bank = newBank("first passphrase");
        const QJsonArray before = keys(bank, "first passphrase");
        QCOMPARE(before.size(), 1);
        const QString first = currentKey(before);
        QVERIFY(!first.isEmpty());

        // The current passphrase, then the new one (asked once when piped).
        const svtest::CliRun add = key(bank, {QStringLiteral("add")}, "first passphrase\nsecond passphrase\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        const QString second = idIn(add.out, "Added key");
        QVERIFY2(!second.isEmpty() && second != first, add.out.constData());
        QVERIFY2(add.out.contains(bank.toUtf8()), add.out.constData());

        // Either passphrase opens it; `current` names the key that opened.
        const QJsonArray withSecond = keys(bank, "second passphrase");
        QCOMPARE(withSecond.size(), 2);
        QCOMPARE(currentKey(withSecond), second);
        QCOMPARE(currentKey(keys(bank, "first passphrase")), first);
        // The table marks the key of the passphrase given.
        const svtest::CliRun table = key(bank, {QStringLiteral("list")}, "second passphrase\n");
        QVERIFY2(table.exitCode == 0, table.describe().constData());
        QVERIFY2(table.out.contains(QByteArray(second.toUtf8() + "  ")) && table.out.contains("(this passphrase)"), table.out.constData());
        QVERIFY2(!table.out.contains("second passphrase") && !table.err.contains("second passphrase"), table.out.constData());
    }

    void removeRefusesTheLastKey()
    {
        const QString bank = newBank("only passphrase");
        const QString only = currentKey(keys(bank, "only passphrase"));
        QVERIFY(!only.isEmpty());

        const svtest::CliRun last = key(bank, {QStringLiteral("remove"), only}, "only passphrase\n");
        QCOMPARE(last.exitCode, 1);
        QVERIFY2(last.err.contains(QStringLiteral("Key %1 is the last key of the backup storage %2").arg(only, bank).toUtf8()),
                 last.err.constData());
        QVERIFY2(last.err.contains("Add another key first."), last.err.constData());
        QCOMPARE(keys(bank, "only passphrase").size(), 1); // still there, still opens

        const svtest::CliRun unknown = key(bank, {QStringLiteral("remove"), QStringLiteral("0123456789abcdef")},
                                           "only passphrase\n");
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("has no key 0123456789abcdef"), unknown.err.constData());

        // With a second key, the first can go: its passphrase then opens nothing.
        const svtest::CliRun add = key(bank, {QStringLiteral("add")}, "only passphrase\nnext passphrase\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        const svtest::CliRun removed = key(bank, {QStringLiteral("remove"), only}, "next passphrase\n");
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QVERIFY2(removed.out.contains(QStringLiteral("Removed key %1").arg(only).toUtf8()), removed.out.constData());
        svtest::CliRun old;
        QCOMPARE(keys(bank, "only passphrase", &old).size(), 0);
        QCOMPARE(old.exitCode, 1);
        QCOMPARE(keys(bank, "next passphrase").size(), 1);
    }

    void passwdChangesWhatOpens()
    {
        const QString bank = newBank("old passphrase");
        const QString old = currentKey(keys(bank, "old passphrase"));
        const svtest::CliRun passwd = key(bank, {QStringLiteral("passwd")}, "old passphrase\nnew passphrase\n");
        QVERIFY2(passwd.exitCode == 0, passwd.describe().constData());
        QVERIFY2(passwd.out.contains(QStringLiteral("Changed the passphrase of %1").arg(bank).toUtf8()), passwd.out.constData());
        QVERIFY2(passwd.out.contains(QStringLiteral("replaces key %1").arg(old).toUtf8()), passwd.out.constData());
        // No keychain entry existed: none is made, and none is mentioned.
        QVERIFY2(!passwd.out.contains("keychain"), passwd.out.constData());
        const SecretResult entry = keychainCall([&](SecretStore::Callback cb) {
            keychain.read(sv::BankService::keychainKey(bank), this, std::move(cb));
        });
        QCOMPARE(entry.status, SecretResult::Status::NotFound);

        svtest::CliRun withOld;
        QCOMPARE(keys(bank, "old passphrase", &withOld).size(), 0);
        QCOMPARE(withOld.exitCode, 1);
        QVERIFY2(withOld.err.contains("The passphrase is wrong"), withOld.err.constData());
        const QJsonArray now = keys(bank, "new passphrase");
        QCOMPARE(now.size(), 1);
        QVERIFY(currentKey(now) != old);
    }

    void wrongPassphraseIsAClearError_data()
    {
        QTest::addColumn<bool>("fromEnvironment");
        QTest::newRow("standard input") << false;
        QTest::newRow("environment") << true;
    }

    void wrongPassphraseIsAClearError()
    {
        QFETCH(bool, fromEnvironment);
        const QString bank = newBank("right passphrase");
        const QString only = currentKey(keys(bank, "right passphrase"));
        QHash<QString, QString> environment;
        if (fromEnvironment)
            environment.insert(QString::fromLatin1(sv::BankService::PassphraseVariable), QStringLiteral("Wrong-Guess-42"));
        const svtest::CliRun wrong = key(bank, {QStringLiteral("list")}, fromEnvironment ? QByteArray() : "Wrong-Guess-42\n",
                                         environment);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("The passphrase is wrong for the backup storage %1: it opens none of "
                                                   "its keys (keys/%2).")
                                        .arg(bank, only)
                                        .toUtf8()),
                 wrong.err.constData());
        QVERIFY(!wrong.err.contains("Wrong-Guess-42") && !wrong.out.contains("Wrong-Guess-42"));
        QVERIFY(wrong.out.isEmpty());
    }

    // The passphrase came from the keychain (as the desktop app keeps it): passwd replaces that entry, so
    // the next run opens the bank with the new passphrase, without asking.
    void passwdReplacesTheKeychainEntry()
    {
        const QString bank = newBank("kept passphrase");
        const QString entry = sv::BankService::keychainKey(bank);
        const SecretResult saved = keychainCall([&](SecretStore::Callback cb) {
            keychain.write(entry, QStringLiteral("kept passphrase"), this, std::move(cb));
        });
        QVERIFY2(saved.ok(), qPrintable(saved.message + saved.detail));
        const auto cleanup = qScopeGuard([&] {
            keychainCall([&](SecretStore::Callback cb) { keychain.remove(entry, this, std::move(cb)); });
        });
        // Opened from the keychain: standard input holds only the new passphrase.
        const svtest::CliRun passwd = key(bank, {QStringLiteral("passwd")}, "changed passphrase\n");
        QVERIFY2(passwd.exitCode == 0, passwd.describe().constData());
        QVERIFY2(passwd.out.contains(QStringLiteral("The keychain entry %1 now holds the new passphrase.").arg(entry).toUtf8()),
                 passwd.out.constData());
        const SecretResult now = keychainCall([&](SecretStore::Callback cb) { keychain.read(entry, this, std::move(cb)); });
        QVERIFY2(now.ok(), qPrintable(now.message));
        QCOMPARE(now.secret, QStringLiteral("changed passphrase"));
        // Nothing on standard input: the keychain's passphrase opens it.
        const svtest::CliRun list = key(bank, {QStringLiteral("list"), QStringLiteral("--json")}, QByteArray());
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_clikeys.moc"
