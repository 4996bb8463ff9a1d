#pragma once

#include <QMetaType>
#include <QString>

namespace sv {

// The outcome of one keychain operation. `message` is a plain sentence for the user; `detail` is the
// backend's own text for logs and "details" panes. Neither ever contains the secret.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound, // the keyring works but holds no secret for this profile
        NoKeyring, // no Secret Service (or KWallet) reachable: nothing can be stored at all
        Locked, // a keyring exists but is locked or refused access
        Failed, // anything else
    };

    Status status = Status::Ok;
    QString secret; // only for a successful read
    QString message;
    QString detail;

    bool ok() const { return status == Status::Ok; }
};

} // namespace sv

Q_DECLARE_METATYPE(sv::SecretResult)
