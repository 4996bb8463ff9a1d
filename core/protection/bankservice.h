#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace sv {

class Bank;
class CloudSessions;
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

    explicit BankService(CloudSessions *sessions, QObject *parent = nullptr);
    ~BankService() override;

    // A plain sentence when `location` is neither a folder nor a well-formed swift:CLOUD/CONTAINER or
    // s3:PROFILE/BUCKET (a usage error), else empty. Says nothing about whether the cloud is saved.
    static QString locationError(const QString &location);

    // Opens the bank at `location` (signing in to its cloud first for Swift) and calls `callback` on
    // this thread with the open bank or a sentence saying why not, unless `context` is gone by then.
    void open(const QString &location, QObject *context, Callback callback);

    // The bank at `location` without waiting (not opened here; jobs open it on their thread): a folder
    // at once, a Swift container once open() or CloudSessions signed in to its cloud, an S3 bucket once
    // open() read its profile's secret. Otherwise null and a sentence in *error.
    std::shared_ptr<Bank> bank(const QString &location, QString *error = nullptr);

private:
    std::shared_ptr<Bank> bankFor(const QString &location, const std::shared_ptr<openstack::Session> &session);

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
                const std::function<void(std::shared_ptr<Bank>)> &openOnPool);
};

} // namespace sv
