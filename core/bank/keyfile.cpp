#include "bank/keyfile.h"

#include "bank/bankkeys.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sodium.h>

namespace sv {

namespace {

quint64 knob(const char *name, quint64 fallback)
{
    bool ok = false;
    const quint64 value = qEnvironmentVariable(name).toULongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

bool deriveKey(const KeyFile &key, const QByteArray &passphrase, QByteArray *out)
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        return false;
    out->resize(32);
    return crypto_pwhash(reinterpret_cast<unsigned char *>(out->data()), 32, passphrase.constData(),
                         static_cast<unsigned long long>(passphrase.size()),
                         reinterpret_cast<const unsigned char *>(key.salt.constData()), key.opsLimit,
                         static_cast<size_t>(key.memLimitKib * 1024), crypto_pwhash_ALG_ARGON2ID13)
        == 0;
}

} // namespace

KeyFile KeyFile::create(const QByteArray &master, const QString &bankId, const QByteArray &passphrase)
{
    KeyFile key;
    QByteArray id(8, Qt::Uninitialized);
    key.salt.resize(SaltSize);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(id.data()), 8) != 1
        || RAND_bytes(reinterpret_cast<unsigned char *>(key.salt.data()), SaltSize) != 1)
        qFatal("OpenSSL's random generator failed");
    key.id = QString::fromLatin1(id.toHex());
    key.bankId = bankId;
    key.created = QDateTime::currentDateTimeUtc();
    key.host = QHostInfo::localHostName();
    key.opsLimit = std::clamp<quint64>(knob("STACKVAULT_KDF_OPSLIMIT", DefaultOpsLimit),
                                       crypto_pwhash_argon2id_OPSLIMIT_MIN, MaxOpsLimit);
    key.memLimitKib = std::clamp<quint64>(knob("STACKVAULT_KDF_MEMLIMIT_KIB", DefaultMemLimitKib),
                                          crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024, MaxMemLimitKib);
    QByteArray wrapping;
    if (!deriveKey(key, passphrase, &wrapping))
        qFatal("Argon2id failed (out of memory?)");
    key.sealedMasterKey = BankKeys::sealWith(wrapping, master, key.associatedData());
    OPENSSL_cleanse(wrapping.data(), static_cast<size_t>(wrapping.size()));
    return key;
}

bool KeyFile::unwrap(const QByteArray &passphrase, QByteArray *master, QString *why) const
{
    QByteArray wrapping;
    if (!deriveKey(*this, passphrase, &wrapping)) {
        *why = QStringLiteral("Argon2id could not run with %1 MiB of memory").arg(memLimitKib / 1024);
        return false;
    }
    QByteArray plain;
    QString ignored;
    const bool ok = BankKeys::openWith(wrapping, sealedMasterKey, associatedData(), &plain, &ignored);
    OPENSSL_cleanse(wrapping.data(), static_cast<size_t>(wrapping.size()));
    if (!ok || plain.size() != BankKeys::MasterKeySize) {
        *why = QStringLiteral("the passphrase does not open key %1").arg(id);
        return false;
    }
    *master = std::move(plain);
    return true;
}

QByteArray KeyFile::associatedData() const
{
    return QByteArrayLiteral("stackvault key\n") + id.toLatin1() + '\n' + bankId.toUtf8();
}

BankError KeyFile::invalidIdError(const QString &id)
{
    return BankError::make(BankError::Code::InvalidName,
                           QStringLiteral("Refusing key id \"%1\": a key id is 16 lowercase hex characters.")
                               .arg(id.left(100)));
}

bool KeyFile::isValidId(const QString &id)
{
    if (id.size() != 16)
        return false;
    for (const QChar c : id) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QByteArray KeyFile::toJson() const
{
    const QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("stackvault-key")},
        {QStringLiteral("version"), Version},
        {QStringLiteral("id"), id},
        {QStringLiteral("bank_id"), bankId},
        {QStringLiteral("created_at"), created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("host"), host},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("algorithm"), kdf},
                     {QStringLiteral("opslimit"), static_cast<qint64>(opsLimit)},
                     {QStringLiteral("memlimit_kib"), static_cast<qint64>(memLimitKib)},
                     {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())}}},
        {QStringLiteral("cipher"), BankKeys::CipherName},
        {QStringLiteral("master_key"), QString::fromLatin1(sealedMasterKey.toBase64())},
    };
    return QJsonDocument(json).toJson();
}

bool KeyFile::fromJson(const QByteArray &data, KeyFile *key, QString *why)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    const QJsonObject json = doc.object();
    if (!doc.isObject() || json.value(QStringLiteral("format")).toString() != QLatin1String("stackvault-key")) {
        *why = QStringLiteral("not a StackVault key file");
        return false;
    }
    if (json.value(QStringLiteral("version")).toInt() != Version) {
        *why = QStringLiteral("key file version %1 is not supported; upgrade StackVault")
                   .arg(json.value(QStringLiteral("version")).toInt());
        return false;
    }
    KeyFile k;
    k.id = json.value(QStringLiteral("id")).toString();
    k.bankId = json.value(QStringLiteral("bank_id")).toString();
    k.created = QDateTime::fromString(json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    k.host = json.value(QStringLiteral("host")).toString();
    const QJsonObject kdf = json.value(QStringLiteral("kdf")).toObject();
    k.kdf = kdf.value(QStringLiteral("algorithm")).toString();
    const qint64 ops = kdf.value(QStringLiteral("opslimit")).toInteger(-1);
    const qint64 mem = kdf.value(QStringLiteral("memlimit_kib")).toInteger(-1);
    k.salt = QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
    k.sealedMasterKey = QByteArray::fromBase64(json.value(QStringLiteral("master_key")).toString().toLatin1());
    if (!isValidId(k.id)) {
        *why = QStringLiteral("its id is not 16 lowercase hex characters");
        return false;
    }
    if (k.kdf != QLatin1String("argon2id") || json.value(QStringLiteral("cipher")).toString() != BankKeys::CipherName) {
        *why = QStringLiteral("unknown KDF \"%1\" or cipher").arg(k.kdf);
        return false;
    }
    if (ops < qint64(crypto_pwhash_argon2id_OPSLIMIT_MIN) || ops > qint64(MaxOpsLimit)
        || mem < qint64(crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024) || mem > qint64(MaxMemLimitKib)
        || k.salt.size() != SaltSize) {
        *why = QStringLiteral("implausible KDF parameters (opslimit %1, memlimit %2 KiB, salt of %3 bytes)")
                   .arg(ops)
                   .arg(mem)
                   .arg(k.salt.size());
        return false;
    }
    k.opsLimit = static_cast<quint64>(ops);
    k.memLimitKib = static_cast<quint64>(mem);
    if (k.sealedMasterKey.size() != BankKeys::Overhead + BankKeys::MasterKeySize) {
        *why = QStringLiteral("its sealed master key has %1 bytes, not %2")
                   .arg(k.sealedMasterKey.size())
                   .arg(BankKeys::Overhead + BankKeys::MasterKeySize);
        return false;
    }
    *key = k;
    return true;
}

} // namespace sv
