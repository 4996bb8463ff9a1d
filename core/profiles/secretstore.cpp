#include "profiles/secretstore.h"

#include "profiles/profileslog.h"
#include "util/appinfo.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace sv {

namespace {

SecretResult resultOf(const QKeychain::Job *job)
{
    SecretResult result;
    result.detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        result.detail.clear();
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.message = SecretStore::notFoundMessage();
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::Locked;
        result.message = SecretStore::lockedMessage();
        break;
    // qtkeychain 0.13 has no isAvailable(): a missing D-Bus session or Secret Service surfaces as
    // NoBackendAvailable, or as OtherError carrying the D-Bus error text (libsecret backend).
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        result.status = SecretResult::Status::NoKeyring;
        result.message = SecretStore::noKeyringMessage();
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = SecretResult::Status::Failed;
        result.message = QCoreApplication::translate(
            "sv::SecretStore", "The keyring could not delete the stored secret.");
        break;
    }
    return result;
}

template <typename JobType>
void startJob(JobType *job, const QString &profileId, QObject *context, SecretStore::Callback callback,
    const char *operation)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    QObject::connect(job, &QKeychain::Job::finished, context,
        [callback = std::move(callback), operation, profileId](QKeychain::Job *finished) {
            SecretResult result = resultOf(finished);
            if (result.ok()) {
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    result.secret = read->textData();
            } else {
                qCDebug(lcProfiles) << operation << "secret of profile" << profileId
                                   << "failed:" << finished->error() << result.detail;
            }
            callback(result);
        });
    job->start();
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(defaultService(), parent)
{ }

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

QString SecretStore::defaultService()
{
    return applicationName();
}

void SecretStore::read(const QString &profileId, QObject *context, Callback callback)
{
    startJob(new QKeychain::ReadPasswordJob(m_service), profileId, context, std::move(callback), "reading");
}

void SecretStore::write(const QString &profileId, const QString &secret, QObject *context, Callback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    startJob(job, profileId, context, std::move(callback), "writing");
}

void SecretStore::remove(const QString &profileId, QObject *context, Callback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    startJob(
        job, profileId, context,
        [callback = std::move(callback)](const SecretResult &result) {
            // Deleting what is not there leaves the keyring as the caller wants it.
            if (result.status == SecretResult::Status::NotFound)
                callback(SecretResult {});
            else
                callback(result);
        },
        "deleting");
}

QString SecretStore::noKeyringMessage()
{
    return QCoreApplication::translate("sv::SecretStore",
        "No keyring is available, so the password cannot be kept. StackVault stores passwords only in the "
        "desktop keyring (a Secret Service provider): install and start GNOME Keyring (package "
        "gnome-keyring) or KWallet (package kwalletmanager), log in to the desktop session again, and "
        "retry.");
}

QString SecretStore::notFoundMessage()
{
    return QCoreApplication::translate("sv::SecretStore",
        "No password is stored in the keyring for this cloud. Enter the password (or application "
        "credential secret) again.");
}

QString SecretStore::lockedMessage()
{
    return QCoreApplication::translate(
        "sv::SecretStore", "The keyring is locked or refused access. Unlock it and try again.");
}

} // namespace sv
