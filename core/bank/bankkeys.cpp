#include "bank/bankkeys.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstring>

namespace sv {

namespace {

constexpr char kMagic[BankKeys::MagicSize] = {'S', 'V', 'X', '1'};

struct CipherCtx
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    ~CipherCtx() { EVP_CIPHER_CTX_free(ctx); }
};

QByteArray hkdf(const QByteArray &master, const char *info)
{
    QByteArray out(32, Qt::Uninitialized);
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    static const char salt[] = "stackvault-bank-keys-v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>("SHA256"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(master.constData()),
                                          static_cast<size_t>(master.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt), sizeof(salt) - 1),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(info), std::strlen(info)),
        OSSL_PARAM_construct_end(),
    };
    const bool ok = ctx && EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), 32, params) == 1;
    EVP_KDF_CTX_free(ctx);
    if (!ok)
        qFatal("HKDF-SHA256 is not available from OpenSSL");
    return out;
}

QByteArray hmacHex(const QByteArray &key, const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), static_cast<size_t>(data.size()), digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

QByteArray sha256Hex(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
}

} // namespace

BankKeys::BankKeys() = default;

BankKeys::~BankKeys()
{
    wipe(m_master);
    wipe(m_encKey);
    wipe(m_idKey);
}

std::shared_ptr<const BankKeys> BankKeys::plain()
{
    static const std::shared_ptr<const BankKeys> keys = std::make_shared<const BankKeys>();
    return keys;
}

std::shared_ptr<const BankKeys> BankKeys::fromMasterKey(const QByteArray &master, const QString &bankId)
{
    if (master.size() != MasterKeySize)
        return {};
    auto keys = std::make_shared<BankKeys>();
    keys->m_encrypted = true;
    keys->m_bankId = bankId;
    keys->m_master = master;
    keys->m_master.detach();
    keys->m_encKey = hkdf(master, "stackvault aes-256-gcm");
    keys->m_idKey = hkdf(master, "stackvault hmac-sha256 ids");
    return keys;
}

QByteArray BankKeys::randomMasterKey()
{
    QByteArray key(MasterKeySize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), MasterKeySize) != 1)
        qFatal("OpenSSL's random generator failed");
    return key;
}

QByteArray BankKeys::chunkId(const QByteArray &raw) const
{
    return m_encrypted ? hmacHex(m_idKey, raw) : sha256Hex(raw);
}

QByteArray BankKeys::objectName(const QByteArray &material) const
{
    return m_encrypted ? hmacHex(m_idKey, QByteArrayLiteral("name\n") + material) : sha256Hex(material);
}

QByteArray BankKeys::seal(const QByteArray &plain, const QByteArray &associated) const
{
    if (!m_encrypted)
        return plain;
    return sealWith(m_encKey, plain, associated);
}

bool BankKeys::open(const QByteArray &sealed, const QByteArray &associated, QByteArray *plain, QString *why) const
{
    if (!m_encrypted) {
        *plain = sealed;
        return true;
    }
    return openWith(m_encKey, sealed, associated, plain, why);
}

namespace {

// AES-256-GCM of `size` bytes at `plain` into `cipher` (the same place is fine: GCM is a stream mode),
// "SVX1" and a fresh random nonce written at `prefix`, the tag at `tag`.
void gcmSeal(const QByteArray &key, unsigned char *prefix, const unsigned char *plain, int size, unsigned char *cipher,
             unsigned char *tag, const QByteArray &associated)
{
    Q_ASSERT(key.size() == 32);
    std::memcpy(prefix, kMagic, BankKeys::MagicSize);
    unsigned char *nonce = prefix + BankKeys::MagicSize;
    if (RAND_bytes(nonce, BankKeys::NonceSize) != 1)
        qFatal("OpenSSL's random generator failed");
    CipherCtx c;
    int n = 0;
    const bool ok = c.ctx
        && EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(key.constData()),
                              nonce) == 1
        && EVP_EncryptUpdate(c.ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(associated.constData()),
                             static_cast<int>(associated.size())) == 1
        && EVP_EncryptUpdate(c.ctx, cipher, &n, plain, size) == 1
        && EVP_EncryptFinal_ex(c.ctx, cipher + n, &n) == 1
        && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, BankKeys::TagSize, tag) == 1;
    if (!ok)
        qFatal("AES-256-GCM encryption failed in OpenSSL");
}

} // namespace

QByteArray BankKeys::sealWith(const QByteArray &key, const QByteArray &plain, const QByteArray &associated)
{
    QByteArray out(Overhead + plain.size(), Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    unsigned char *cipher = bytes + SealPrefix;
    gcmSeal(key, bytes, reinterpret_cast<const unsigned char *>(plain.constData()), static_cast<int>(plain.size()),
            cipher, cipher + plain.size(), associated);
    return out;
}

qsizetype BankKeys::sealInPlace(char *buffer, qsizetype plainSize, const QByteArray &associated) const
{
    if (!m_encrypted)
        return plainSize;
    auto *bytes = reinterpret_cast<unsigned char *>(buffer);
    unsigned char *text = bytes + SealPrefix;
    gcmSeal(m_encKey, bytes, text, static_cast<int>(plainSize), text, text + plainSize, associated);
    return Overhead + plainSize;
}

bool BankKeys::openWith(const QByteArray &key, const QByteArray &sealed, const QByteArray &associated,
                        QByteArray *plain, QString *why)
{
    if (sealed.size() < Overhead) {
        *why = QStringLiteral("it is truncated (%1 bytes; an encrypted object has at least %2)")
                   .arg(sealed.size())
                   .arg(Overhead);
        return false;
    }
    if (std::memcmp(sealed.constData(), kMagic, MagicSize) != 0) {
        *why = QStringLiteral("it is not an encrypted StackVault object (no SVX1 header)");
        return false;
    }
    const auto *bytes = reinterpret_cast<const unsigned char *>(sealed.constData());
    const unsigned char *nonce = bytes + MagicSize;
    const unsigned char *cipher = nonce + NonceSize;
    const int cipherSize = static_cast<int>(sealed.size() - Overhead);
    unsigned char tag[TagSize];
    std::memcpy(tag, cipher + cipherSize, TagSize);
    QByteArray out(cipherSize, Qt::Uninitialized);
    CipherCtx c;
    int n = 0;
    int m = 0;
    bool ok = c.ctx
        && EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(key.constData()),
                              nonce) == 1
        && EVP_DecryptUpdate(c.ctx, nullptr, &n, reinterpret_cast<const unsigned char *>(associated.constData()),
                             static_cast<int>(associated.size())) == 1
        && EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char *>(out.data()), &n, cipher, cipherSize) == 1
        && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, TagSize, tag) == 1;
    ok = ok && EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char *>(out.data()) + n, &m) == 1;
    if (!ok) {
        wipe(out);
        *why = QStringLiteral("it fails authentication (tampered with, truncated, or not written with this "
                              "storage's key)");
        return false;
    }
    *plain = std::move(out);
    return true;
}

} // namespace sv
