#include "protection/bankservice.h"

#include "bank/bank.h"
#include "bank/localbank.h"
#include "bank/s3bank.h"
#include "bank/swiftbank.h"
#include "openstack/session.h"
#include "profiles/cloudsessions.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThreadPool>

namespace sv {

struct BankService::Attempt
{
    std::shared_ptr<Bank> bank;
    QString location;
    QPointer<QObject> guard;
    Callback callback;
    QByteArray passphrase;
    const char *passphraseVariable = PassphraseVariable;
    bool fromEnvironment = false;
    bool keychainTried = false;
    bool prompted = false;
};

BankService::BankService(CloudSessions *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
}

BankService::~BankService() = default;

QString BankService::locationError(const QString &location)
{
    if (location.trimmed().isEmpty())
        return tr("No backup storage is set: give a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET.");
    QString cloud;
    QString container;
    if (SwiftBank::isSwiftSpec(location) && !SwiftBank::parseSpec(location, &cloud, &container))
        return tr("Backup storage \"%1\": a Swift container is given as swift:CLOUD/CONTAINER (a saved cloud's name "
                  "and a container name).")
            .arg(location);
    QString profile;
    QString bucket;
    if (S3Bank::isS3Spec(location) && !S3Bank::parseSpec(location, &profile, &bucket))
        return tr("Backup storage \"%1\": an S3 bucket is given as s3:PROFILE/BUCKET (a saved S3 profile's name and "
                  "a bucket name).")
            .arg(location);
    return {};
}

std::shared_ptr<Bank> BankService::bankFor(const QString &location, const std::shared_ptr<openstack::Session> &session)
{
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    if (!m_swiftBank || m_swiftLocation != location || m_swiftSession != session) {
        m_swiftBank = std::make_shared<SwiftBank>(session, container);
        m_swiftLocation = location;
        m_swiftSession = session;
    }
    return m_swiftBank;
}

std::shared_ptr<Bank> BankService::bank(const QString &location, QString *error)
{
    if (const QString problem = locationError(location); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    if (S3Bank::isS3Spec(location)) {
        if (m_s3Bank && m_s3Location == location) {
            prepare(m_s3Bank, location);
            return m_s3Bank;
        }
        if (error)
            *error = tr("The S3 backup storage %1 is not open yet; wait for the backups list to load.").arg(location);
        return nullptr;
    }
    if (!SwiftBank::isSwiftSpec(location)) {
        auto local = std::make_shared<LocalBank>(location);
        prepare(local, location);
        return local;
    }
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    const std::shared_ptr<openstack::Session> session = m_sessions ? m_sessions->cached(cloud) : nullptr;
    if (!session) {
        if (error)
            *error = m_sessions && m_sessions->find(cloud)
                ? tr("StackVault has not signed in to the cloud %1 of the backup storage yet; wait for the backups "
                     "list to load.")
                      .arg(cloud)
                : tr("The backup storage is a Swift container of the cloud %1, which is not saved. Choose another "
                     "backup storage in Preferences (or --bank), or save the cloud.")
                      .arg(cloud);
        return nullptr;
    }
    auto swift = bankFor(location, session);
    prepare(swift, location);
    return swift;
}

void BankService::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
}

QString BankService::keychainKey(const QString &location)
{
    return QStringLiteral("bank-passphrase:") + location;
}

void BankService::prepare(const std::shared_ptr<Bank> &bank, const QString &location,
                          const char *passphraseVariable) const
{
    bank->setEncryptNewBank(m_encryptNewBanks);
    bank->setCreateIfMissing(true);
    bank->setRepackThreshold(AppSettings::instance()->repackThreshold() / 100.0);
    if (const auto keys = m_keys.value(location))
        bank->setKnownKeys(keys);
    else if (const QByteArray passphrase = qgetenv(passphraseVariable); !passphrase.isEmpty())
        bank->setPassphrase(passphrase); // a job may open the bank before any listing did
}

void BankService::openAttempt(std::shared_ptr<Attempt> attempt)
{
    attempt->bank->setPassphrase(attempt->passphrase);
    const QPointer<BankService> self(this);
    // Bank::open touches the disk (a folder) or Swift and may run the KDF: on the thread pool.
    QThreadPool::globalInstance()->start([self, attempt] {
        BankError error;
        const bool ok = attempt->bank->open(&error);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, attempt, ok, error] {
                if (self)
                    self->opened(attempt, ok, error);
            },
            Qt::QueuedConnection);
    });
}

void BankService::opened(std::shared_ptr<Attempt> attempt, bool ok, const BankError &error)
{
    if (!attempt->guard)
        return;
    if (ok) {
        m_keys.insert(attempt->location, attempt->bank->sharedKeys());
        if (attempt->prompted && m_remember && m_secrets && attempt->bank->keys().encrypted()) {
            m_secrets->write(keychainKey(attempt->location), QString::fromUtf8(attempt->passphrase), this,
                             [](const SecretResult &) {}); // not kept: it is asked again next time
        }
        attempt->passphrase.fill('\0');
        return attempt->callback(attempt->bank, QString());
    }
    const bool needsPassphrase = error.code == BankError::Code::PassphraseRequired
        || error.code == BankError::Code::NewPassphraseRequired || error.code == BankError::Code::WrongPassphrase;
    attempt->passphrase.fill('\0');
    if (!needsPassphrase)
        return attempt->callback(nullptr, error.message);
    const bool newBank = error.code == BankError::Code::NewPassphraseRequired;
    if (!attempt->keychainTried && m_secrets && !newBank) {
        attempt->keychainTried = true;
        const QPointer<BankService> self(this);
        m_secrets->read(keychainKey(attempt->location), this, [self, attempt, error](const SecretResult &result) {
            if (!self)
                return;
            if (result.ok() && !result.secret.isEmpty()) {
                attempt->passphrase = result.secret.toUtf8();
                return self->openAttempt(attempt);
            }
            self->opened(attempt, false, error);
        });
        return;
    }
    if (!m_prompt) {
        return attempt->callback(nullptr, tr("%1 Give it in %2 or run the command in a terminal.")
                                              .arg(error.message, QString::fromLatin1(attempt->passphraseVariable)));
    }
    if (const auto asking = m_prompting.find(attempt->location); asking != m_prompting.end()) {
        asking->append(attempt); // the user is being asked already: wait for that answer
        return;
    }
    m_prompting.insert(attempt->location, {});
    PassphraseRequest request;
    request.location = attempt->location;
    request.newBank = newBank;
    if (error.code == BankError::Code::WrongPassphrase && (attempt->prompted || attempt->fromEnvironment))
        request.problem = error.message;
    const QPointer<BankService> self(this);
    m_prompt(request, [self, attempt, message = error.message](bool given, const QByteArray &passphrase) {
        if (self)
            self->answered(attempt, given, passphrase, message);
    });
}

void BankService::answered(const std::shared_ptr<Attempt> &attempt, bool given, const QByteArray &passphrase,
                           const QString &declined)
{
    const QList<std::shared_ptr<Attempt>> waiting = m_prompting.take(attempt->location);
    for (const auto &each : QList<std::shared_ptr<Attempt>>{attempt} + waiting) {
        if (!each->guard)
            continue;
        if (!given || passphrase.isEmpty()) {
            each->callback(nullptr, declined);
            continue;
        }
        each->passphrase = passphrase;
        each->prompted = true;
        each->fromEnvironment = false;
        openAttempt(each);
    }
}

void BankService::open(const QString &location, QObject *context, Callback callback)
{
    open(location, context, std::move(callback), OpenOptions());
}

void BankService::open(const QString &location, QObject *context, Callback callback, const OpenOptions &options)
{
    const QPointer<QObject> guard(context);
    const auto openWithKeys = [this, guard, location, callback, options](std::shared_ptr<Bank> bank) {
        prepare(bank, location, options.passphraseVariable);
        bank->setCreateIfMissing(!options.mustExist);
        auto attempt = std::make_shared<Attempt>();
        attempt->bank = std::move(bank);
        attempt->location = location;
        attempt->guard = guard;
        attempt->callback = callback;
        attempt->passphraseVariable = options.passphraseVariable;
        attempt->passphrase = qgetenv(options.passphraseVariable);
        attempt->fromEnvironment = !attempt->passphrase.isEmpty();
        openAttempt(attempt);
    };
    if (const QString problem = locationError(location); !problem.isEmpty())
        return callback(nullptr, problem);
    if (S3Bank::isS3Spec(location))
        return openS3(location, context, callback, openWithKeys);
    if (!SwiftBank::isSwiftSpec(location))
        return openWithKeys(std::make_shared<LocalBank>(location));
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    if (!m_sessions)
        return callback(nullptr, tr("StackVault is shutting down."));
    m_sessions->acquire(cloud, this,
                        [this, guard, location, callback, openWithKeys](std::shared_ptr<openstack::Session> session,
                                                                        const QString &error) {
                            if (!guard)
                                return;
                            if (!session)
                                return callback(nullptr, error);
                            openWithKeys(bankFor(location, session));
                        });
}

void BankService::openS3(const QString &location, QObject *context, Callback callback,
                         const std::function<void(std::shared_ptr<Bank>)> &openWithKeys)
{
    QString name;
    QString bucket;
    S3Bank::parseSpec(location, &name, &bucket);
    const std::optional<S3Profile> profile = AppSettings::instance()->s3Profile(name);
    if (!profile)
        return callback(nullptr, tr("The backup storage %1 names the S3 profile %2, which is not saved. Add it in "
                                    "Preferences (or with stackvault-cli s3 add %2 ...).")
                                     .arg(location, name));
    SecretStore *secrets = m_sessions ? m_sessions->secretStore() : nullptr;
    if (!secrets)
        return callback(nullptr, tr("StackVault is shutting down."));
    const QPointer<QObject> guard(context);
    secrets->read(profile->keychainKey(), this,
                  [this, guard, location, bucket, profile = *profile, callback, openWithKeys](const SecretResult &result) {
                      if (!guard)
                          return;
                      if (!result.ok())
                          return callback(nullptr,
                                          result.status == SecretResult::Status::NotFound
                                              ? tr("No secret key of S3 profile %1 is in the keyring. Enter it "
                                                   "again in Preferences (or with stackvault-cli s3 add %1 ...).")
                                                    .arg(profile.name)
                                              : result.message);
                      m_s3Bank = std::make_shared<S3Bank>(profile, result.secret, bucket);
                      m_s3Location = location;
                      openWithKeys(m_s3Bank);
                  });
}

} // namespace sv
