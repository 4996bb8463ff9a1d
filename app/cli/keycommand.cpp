// The `key` verb: list, add, remove and change the passphrases (key files) of an encrypted bank.
#include "bank/bank.h"
#include "bank/keyfile.h"
#include "clicommand.h"
#include "clisupport.h"
#include "profiles/cloudsessions.h"
#include "profiles/secretstore.h"
#include "protection/bankservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace cli {
namespace {

const char *kUsage = R"(Usage: stackvault-cli key <action> [options]

Actions:
  list              the key files of the encrypted backup storage (each opens it with its own passphrase)
  add               a new passphrase for the same storage (asked on standard input, twice on a terminal)
  remove ID         remove a key file; the last one cannot be removed
  passwd            change the passphrase that opened the storage: adds a key with the new passphrase,
                    then removes the old key, and replaces the storage's passphrase in the keychain
                    when one is kept there

The current passphrase comes from $STACKVAULT_BANK_PASSPHRASE, the keychain, or standard input.
)";

QJsonObject keyJson(const sv::KeyFile &key, const QString &unlocked)
{
    return QJsonObject{{QStringLiteral("id"), key.id},
                       {QStringLiteral("created_at"), key.created.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("host"), key.host},
                       {QStringLiteral("kdf"), key.kdf},
                       {QStringLiteral("opslimit"), qint64(key.opsLimit)},
                       {QStringLiteral("memlimit_kib"), qint64(key.memLimitKib)},
                       {QStringLiteral("current"), key.id == unlocked}};
}

bool failed(bool ok, const sv::BankError &error)
{
    if (!ok) {
        err() << error.message << Qt::endl;
        CliCommand::finish(ExitFailure);
    }
    return !ok;
}

// After `key passwd`: the bank's keychain entry (the desktop app keeps the passphrase there, and the CLI
// reads it) may hold the old passphrase, which opens nothing now. It is replaced by the new one; none is
// created when there was none. Ends the process.
void replaceKeychainEntry(const QString &location, const QByteArray &passphrase)
{
    sv::CloudSessions *sessions = cloudSessions();
    sv::SecretStore *secrets = sessions ? sessions->secretStore() : nullptr;
    if (!secrets)
        return CliCommand::finish(ExitOk);
    const QString key = sv::BankService::keychainKey(location);
    secrets->read(key, QCoreApplication::instance(), [secrets, key, passphrase](const sv::SecretResult &found) {
        if (found.status == sv::SecretResult::Status::NotFound || found.status == sv::SecretResult::Status::NoKeyring)
            return CliCommand::finish(ExitOk); // nothing kept there
        if (!found.ok()) {
            err() << "Could not read the keychain entry " << key << ": " << keyringProblem(found)
                  << ". If it holds the old passphrase, it no longer opens the backup storage: unlock the keychain "
                     "and run key passwd again, or let the desktop app ask for the passphrase."
                  << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        secrets->write(key, QString::fromUtf8(passphrase), QCoreApplication::instance(),
                       [key](const sv::SecretResult &written) {
                           if (!written.ok()) {
                               err() << "Could not replace the keychain entry " << key << ": "
                                     << keyringProblem(written)
                                     << ". It may hold the old passphrase, which no longer opens the backup storage; "
                                        "the desktop app asks for the new one."
                                     << Qt::endl;
                               return CliCommand::finish(ExitFailure);
                           }
                           out() << "The keychain entry " << key << " now holds the new passphrase." << Qt::endl;
                           CliCommand::finish(ExitOk);
                       });
    });
}

void runKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manage the passphrases of an encrypted backup storage."));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, add, remove ID or passwd"));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("key"), arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool removing = action == QLatin1String("remove");
    if (!QStringList{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("passwd")}
             .contains(action)
        || positional.size() != (removing ? 2 : 1)) {
        err() << kUsage;
        return CliCommand::finish(ExitUsage);
    }
    const QString id = positional.value(1);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString location = bankLocation(parser);
    withBank(parser, [action, id, json, location](std::shared_ptr<sv::Bank> bank) {
        sv::BankError error;
        if (!bank->keys().encrypted()) {
            err() << "The backup storage " << bank->location() << " is not encrypted: it has no keys." << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        if (action == QLatin1String("list")) {
            QList<sv::KeyFile> keys;
            if (failed(bank->listKeys(&keys, &error), error))
                return;
            if (json) {
                QJsonArray array;
                for (const sv::KeyFile &key : std::as_const(keys))
                    array.append(keyJson(key, bank->unlockedKeyId()));
                printJson(array);
                return CliCommand::finish(ExitOk);
            }
            out() << QStringLiteral("%1  %2  %3  %4\n")
                         .arg(QStringLiteral("ID").leftJustified(16), QStringLiteral("CREATED (UTC)").leftJustified(19),
                              QStringLiteral("HOST").leftJustified(20), QStringLiteral("KDF"));
            for (const sv::KeyFile &key : std::as_const(keys)) {
                out() << QStringLiteral("%1  %2  %3  %4 (%5 MiB, %6 passes)%7\n")
                             .arg(key.id, key.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  key.host.left(20).leftJustified(20), key.kdf)
                             .arg(key.memLimitKib / 1024)
                             .arg(key.opsLimit)
                             .arg(key.id == bank->unlockedKeyId() ? QStringLiteral("  (this passphrase)") : QString());
            }
            return CliCommand::finish(ExitOk);
        }
        if (action == QLatin1String("remove")) {
            if (failed(bank->removeKey(id, &error), error))
                return;
            out() << "Removed key " << id << " of " << bank->location() << "." << Qt::endl;
            return CliCommand::finish(ExitOk);
        }
        const QByteArray passphrase = askNewPassphrase(bank->location());
        if (passphrase.isEmpty()) {
            err() << "No new passphrase was given; nothing was changed." << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        const QString old = bank->unlockedKeyId();
        if (action == QLatin1String("passwd") && old.isEmpty()) {
            err() << "Cannot tell which key the current passphrase opened; use key add and key remove." << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        sv::KeyFile added;
        if (failed(bank->addKey(passphrase, &added, &error), error))
            return;
        if (action == QLatin1String("add")) {
            out() << "Added key " << added.id << " to " << bank->location() << "." << Qt::endl;
            return CliCommand::finish(ExitOk);
        }
        // The new key is durable before the old one goes: a crash in between leaves both, never none.
        if (failed(bank->removeKey(old, &error), error))
            return;
        out() << "Changed the passphrase of " << bank->location() << ": key " << added.id << " replaces key " << old
              << "." << Qt::endl;
        if (!qEnvironmentVariableIsEmpty(sv::BankService::PassphraseVariable)) {
            out() << "$" << sv::BankService::PassphraseVariable
                  << " is set here: give it the new passphrase wherever it is defined (a crontab, a unit file)."
                  << Qt::endl;
        }
        replaceKeychainEntry(location, passphrase);
    });
}

const CliCommandRegistration keyVerb{
    {QStringLiteral("key"), QStringLiteral("list, add, remove or change the passphrases of an encrypted storage"),
     runKey}};

} // namespace
} // namespace cli
