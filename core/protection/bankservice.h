#pragma once

#include "bank/bankerror.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace sv {

class Bank;
class BankKeys;
class CloudSessions;
class SecretStore;
namespace openstack {
class Session;
}

// Opens the backup storage from its location, the same way for the desktop app and the CLI: a local
// folder (a LocalBank), `swift:CLOUD/CONTAINER` (a SwiftBank in a saved cloud's container, on that
// cloud's shared session from CloudSessions; the container is created if missing) or
// `s3:PROFILE/BUCKET` (an S3Bank in a bucket of a saved S3 profile, AppSettings::s3Profile, with the
// profile's secret key from the keychain; the bucket is created if missing). Lives on the GUI
// (or CLI main) thread; Bank::open() (disk or network) runs on the thread pool. One Bank object per
// location and session is kept: a Swift bank owns an I/O thread and its token.
class BankService : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(std::shared_ptr<Bank> bank, const QString &error)>;

    // An encrypted bank's passphrase, asked of the user (a dialog in the desktop app, standard input in the
    // CLI). `newBank`: the passphrase of a bank about to be made (ask it twice). `problem`: why it is asked
    // again (a wrong passphrase), empty the first time.
    struct PassphraseRequest
    {
        QString location;
        bool newBank = false;
        QString problem;
    };
    // Called with the passphrase, or `given` false when the user declined.
    using PassphraseAnswer = std::function<void(bool given, const QByteArray &passphrase)>;
    using PassphrasePrompt = std::function<void(const PassphraseRequest &request, PassphraseAnswer answer)>;
    // The environment variable a passphrase is taken from first (unattended runs; README says the risk).
    static inline const char *PassphraseVariable = "STACKVAULT_BANK_PASSPHRASE";

    explicit BankService(CloudSessions *sessions, QObject *parent = nullptr);
    ~BankService() override;

    // A plain sentence when `location` is neither a folder nor a well-formed swift:CLOUD/CONTAINER or
    // s3:PROFILE/BUCKET (a usage error), else empty. Says nothing about whether the cloud is saved.
    static QString locationError(const QString &location);

    // How one open() finds and treats its bank. The defaults are every command's; a copy opens its source
    // with `mustExist` and its target with its own passphrase variable.
    struct OpenOptions
    {
        // The environment variable the passphrase is taken from first.
        const char *passphraseVariable = PassphraseVariable;
        // Fail (Bank::missingBankError) instead of making a bank that does not exist yet.
        bool mustExist = false;
    };

    // Opens the bank at `location` (signing in to its cloud first for Swift) and calls `callback` on
    // this thread with the open bank or a sentence saying why not, unless `context` is gone by then.
    void open(const QString &location, QObject *context, Callback callback);
    void open(const QString &location, QObject *context, Callback callback, const OpenOptions &options);

    // The bank at `location` without waiting (not opened here; jobs open it on their thread): a folder
    // at once, a Swift container once open() or CloudSessions signed in to its cloud, an S3 bucket once
    // open() read its profile's secret. Otherwise null and a sentence in *error.
    std::shared_ptr<Bank> bank(const QString &location, QString *error = nullptr);

    // Where an encrypted bank's passphrase comes from, in this order: $STACKVAULT_BANK_PASSPHRASE, the
    // keychain entry of the bank (`secrets`, key keychainKey(location)), then `prompt`. A passphrase that
    // the prompt gave and that opened the bank is saved in the keychain when `remember` is set.
    // One prompt per location at a time: opens of the same bank that need a passphrase while it is asked
    // wait for that answer and use it (declined: they fail too), so the user sees one dialog, not two.
    void setSecretStore(SecretStore *secrets);
    void setPassphrasePrompt(PassphrasePrompt prompt) { m_prompt = std::move(prompt); }
    void setRememberPassphrases(bool remember) { m_remember = remember; }
    // Whether a bank that does not exist yet is made encrypted (default true; `--no-encryption`).
    void setEncryptNewBanks(bool encrypt) { m_encryptNewBanks = encrypt; }
    static QString keychainKey(const QString &location);

private:
    struct Attempt;
    std::shared_ptr<Bank> bankFor(const QString &location, const std::shared_ptr<openstack::Session> &session);
    void prepare(const std::shared_ptr<Bank> &bank, const QString &location,
                 const char *passphraseVariable = PassphraseVariable) const;
    void openAttempt(std::shared_ptr<Attempt> attempt);
    void opened(std::shared_ptr<Attempt> attempt, bool ok, const BankError &error);

    QPointer<SecretStore> m_secrets;
    PassphrasePrompt m_prompt;
    bool m_remember = false;
    bool m_encryptNewBanks = true;
    // The keys of each bank opened so far (by location): later Bank objects of the same bank reuse them.
    QHash<QString, std::shared_ptr<const BankKeys>> m_keys;
    // Locations whose passphrase is being asked, with the attempts waiting for that answer.
    QHash<QString, QList<std::shared_ptr<Attempt>>> m_prompting;
    void answered(const std::shared_ptr<Attempt> &attempt, bool given, const QByteArray &passphrase,
                  const QString &declined);

    QPointer<CloudSessions> m_sessions;
    // The kept Swift bank, rebuilt when the location or the cloud's session changes.
    std::shared_ptr<Bank> m_swiftBank;
    QString m_swiftLocation;
    std::shared_ptr<openstack::Session> m_swiftSession;
    // The kept S3 bank (it holds the secret key read from the keychain), rebuilt when the location or
    // its profile changes.
    std::shared_ptr<Bank> m_s3Bank;
    QString m_s3Location;

    void openS3(const QString &location, QObject *context, Callback callback,
                const std::function<void(std::shared_ptr<Bank>)> &openWithKeys);
};

} // namespace sv
