// The `key` verb: list, add, remove and change the passphrases (key files) of an encrypted bank.
#include "bank/bank.h"
#include "bank/keyfile.h"
#include "clicommand.h"
#include "clisupport.h"

#include <QCommandLineParser>
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
                    then removes the old key

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
    withBank(parser, [action, id, json](std::shared_ptr<sv::Bank> bank) {
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
              << ". A passphrase kept in the keychain is asked for again and replaced by the desktop app." << Qt::endl;
        CliCommand::finish(ExitOk);
    });
}

const CliCommandRegistration keyVerb{
    {QStringLiteral("key"), QStringLiteral("list, add, remove or change the passphrases of an encrypted storage"),
     runKey}};

} // namespace
} // namespace cli
