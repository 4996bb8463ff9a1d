#pragma once

#include "profiles/secretresult.h"

#include <functional>
#include <QObject>
#include <QString>

namespace sv {

// Cloud secrets (password or application-credential secret) in the desktop keyring via QtKeychain:
// service "StackVault", key = profile id, never a plain-text fallback. Every call is asynchronous; the
// callback runs on `context`'s thread and is dropped if `context` is destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr);
    // Tests pass their own service name so they never meet the user's real entries.
    explicit SecretStore(const QString &service, QObject *parent = nullptr);

    static QString defaultService();
    QString service() const { return m_service; }

    void read(const QString &profileId, QObject *context, Callback callback);
    void write(const QString &profileId, const QString &secret, QObject *context, Callback callback);
    // Removing a secret that does not exist succeeds: the goal "no secret stored" is reached.
    void remove(const QString &profileId, QObject *context, Callback callback);

    // The sentences shown to the user; public so that the UI and CLI can reuse them.
    static QString noKeyringMessage();
    static QString notFoundMessage();
    static QString lockedMessage();

private:
    QString m_service;
};

} // namespace sv
