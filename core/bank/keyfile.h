#pragma once

#include "bank/bankerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sv {

// One key file `keys/<id>` of an encrypted bank (FORMAT.md, "Key files"): the bank's master key,
// sealed with AES-256-GCM under a key that Argon2id (libsodium crypto_pwhash, algorithm
// ARGON2ID13) derives from a passphrase. A bank may hold several key files (several passphrases for
// the same master key); each records its own KDF parameters and salt.
struct KeyFile
{
    static constexpr int SaltSize = 16; // crypto_pwhash_SALTBYTES
    static constexpr int Version = 1;
    // The defaults for new key files: 8 passes over 64 MiB (FORMAT.md, "Encryption", says why; key files
    // made before with 3 passes over 256 MiB keep those, as every file records its own).
    // STACKVAULT_KDF_OPSLIMIT and STACKVAULT_KDF_MEMLIMIT_KIB override them (tests use tiny values).
    static constexpr quint64 DefaultOpsLimit = 8;
    static constexpr quint64 DefaultMemLimitKib = 64 * 1024;
    // A key file asking for more than this is refused as damaged (it could make open() exhaust memory).
    static constexpr quint64 MaxMemLimitKib = 4 * 1024 * 1024;
    static constexpr quint64 MaxOpsLimit = 100;

    QString id; // 16 lowercase hex
    QString bankId;
    QDateTime created;
    QString host;   // informational: where the key was made
    QString kdf = QStringLiteral("argon2id");
    quint64 opsLimit = DefaultOpsLimit;
    quint64 memLimitKib = DefaultMemLimitKib;
    QByteArray salt;
    QByteArray sealedMasterKey; // BankKeys::sealWith(kdf output, master key, associatedData())

    // A new key file for `master`, wrapped under `passphrase` with the default (or knob) KDF parameters.
    static KeyFile create(const QByteArray &master, const QString &bankId, const QByteArray &passphrase);
    // Derives the wrapping key from `passphrase` and opens the master key. False with a reason when the
    // passphrase is wrong or the file was changed (the two cannot be told apart, by design of the AEAD).
    bool unwrap(const QByteArray &passphrase, QByteArray *master, QString *why) const;

    QByteArray toJson() const;
    static bool fromJson(const QByteArray &json, KeyFile *key, QString *why);
    static bool isValidId(const QString &id);
    // The refusal of an id that is not valid, for every bank backend.
    static BankError invalidIdError(const QString &id);
    static QString objectName(const QString &id) { return QStringLiteral("keys/") + id; }
    // What the sealed master key is bound to: "stackvault key\n<id>\n<bank id>".
    QByteArray associatedData() const;
};

} // namespace sv
