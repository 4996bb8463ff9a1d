#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace sv {

// The keys of one bank (FORMAT.md, "Encryption"). A plain bank (format 1, or format 2 with
// "encryption": "none") has a BankKeys too: encrypted() is false, chunk ids are SHA-256 and seal/open
// are the identity. An encrypted bank's BankKeys is made from its 32-byte master key, from which
// HKDF-SHA256 derives an AES-256-GCM key (seal/open) and an HMAC-SHA256 key (chunk ids, object names).
//
// Immutable once made, so one BankKeys is shared by every thread that uses the bank.
class BankKeys
{
public:
    static constexpr int MasterKeySize = 32;
    static constexpr int NonceSize = 12;
    static constexpr int TagSize = 16;
    static constexpr int MagicSize = 4;
    // What seal() adds to the plaintext: magic "SVX1", nonce, tag.
    static constexpr int Overhead = MagicSize + NonceSize + TagSize;
    // The names recorded in bank.json.
    static inline const QString CipherName = QStringLiteral("aes-256-gcm");
    static inline const QString PlainName = QStringLiteral("none");
    static inline const QString KeyedIdName = QStringLiteral("hmac-sha256");
    static inline const QString PlainIdName = QStringLiteral("sha256");

    BankKeys(); // plain
    ~BankKeys();
    BankKeys(const BankKeys &) = delete;
    BankKeys &operator=(const BankKeys &) = delete;

    static std::shared_ptr<const BankKeys> plain();
    // `master` must be MasterKeySize bytes. `bankId` is bank.json's "bank_id" (checked on open).
    static std::shared_ptr<const BankKeys> fromMasterKey(const QByteArray &master, const QString &bankId);
    // MasterKeySize bytes from the system's CSPRNG.
    static QByteArray randomMasterKey();

    bool encrypted() const { return m_encrypted; }
    QString bankId() const { return m_bankId; }
    // The master key (for wrapping it under another passphrase: `key add`, `key passwd`).
    const QByteArray &masterKey() const { return m_master; }

    // 64 lowercase hex: HMAC-SHA256 with the id key when encrypted, SHA-256 when plain.
    QByteArray chunkId(const QByteArray &raw) const;
    // A name for other objects derived from a public `material` (journal entries): keyed like chunk ids
    // when encrypted, SHA-256 when plain. 64 lowercase hex.
    QByteArray objectName(const QByteArray &material) const;
    // AES-256-GCM with a random 96-bit nonce: "SVX1" | nonce | ciphertext | tag; the identity when plain.
    // `associated` is authenticated, not stored (it names what the object is, so objects cannot be swapped).
    QByteArray seal(const QByteArray &plain, const QByteArray &associated) const;
    // Checks and decrypts what seal() made with the same `associated`. False (and why, in words) when the
    // object is truncated, tampered with, sealed under another key or for another name; `plain` is then
    // untouched, so no unauthenticated byte ever leaves.
    bool open(const QByteArray &sealed, const QByteArray &associated, QByteArray *plain, QString *why) const;

    // seal() without a second buffer: `buffer` holds SealPrefix bytes (overwritten), then `plainSize`
    // bytes of plaintext, then room for TagSize more; afterwards its first Overhead + plainSize bytes are
    // exactly what seal() returns for that plaintext. Returns that size. Identity (returns `plainSize`,
    // the plaintext at offset SealPrefix untouched) when plain: callers check encrypted() first.
    static constexpr int SealPrefix = MagicSize + NonceSize;
    qsizetype sealInPlace(char *buffer, qsizetype plainSize, const QByteArray &associated) const;
    // Low-level AES-256-GCM with an explicit 32-byte key (key files wrap the master key with this).
    static QByteArray sealWith(const QByteArray &key, const QByteArray &plain, const QByteArray &associated);
    static bool openWith(const QByteArray &key, const QByteArray &sealed, const QByteArray &associated,
                         QByteArray *plain, QString *why);

private:
    bool m_encrypted = false;
    QString m_bankId;
    QByteArray m_master;
    QByteArray m_encKey; // AES-256-GCM
    QByteArray m_idKey;  // HMAC-SHA256 of chunk ids and object names
};

} // namespace sv
