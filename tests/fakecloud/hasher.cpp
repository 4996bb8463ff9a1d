#include "hasher.h"

#include <openssl/evp.h>

namespace fake {

struct Hasher::Context
{
    EVP_MD_CTX *ctx = nullptr;
};

Hasher::Hasher(Algorithm algorithm)
    : m_context(std::make_unique<Context>())
{
    m_context->ctx = EVP_MD_CTX_new();
    const EVP_MD *md = algorithm == Md5 ? EVP_md5() : algorithm == Sha256 ? EVP_sha256() : EVP_sha512();
    EVP_DigestInit_ex(m_context->ctx, md, nullptr);
}

Hasher::~Hasher()
{
    EVP_MD_CTX_free(m_context->ctx);
}

void Hasher::addData(const char *data, qint64 length)
{
    if (length > 0)
        EVP_DigestUpdate(m_context->ctx, data, static_cast<size_t>(length));
}

QByteArray Hasher::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

} // namespace fake
