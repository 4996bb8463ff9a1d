#include "openstack/image/streamhasher.h"

#include <openssl/evp.h>

namespace sv::openstack {

struct StreamHasher::Context
{
    EVP_MD_CTX *ctx = nullptr;
    bool valid = false;
    ~Context() { EVP_MD_CTX_free(ctx); }
};

StreamHasher::StreamHasher(const QByteArray &algorithm)
    : m_context(std::make_unique<Context>())
{
    const EVP_MD *md = EVP_get_digestbyname(algorithm.toLower().constData());
    if (!md)
        return;
    m_context->ctx = EVP_MD_CTX_new();
    m_context->valid = m_context->ctx && EVP_DigestInit_ex(m_context->ctx, md, nullptr) == 1;
}

StreamHasher::~StreamHasher() = default;

bool StreamHasher::isValid() const { return m_context->valid; }

void StreamHasher::addData(const char *data, qsizetype size)
{
    if (m_context->valid && size > 0)
        EVP_DigestUpdate(m_context->ctx, data, size_t(size));
}

QByteArray StreamHasher::hexDigest()
{
    if (!m_context->valid)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    m_context->valid = false;
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

QByteArray StreamHasher::hexDigestOf(const QByteArray &algorithm, const QByteArray &data)
{
    StreamHasher hasher(algorithm);
    hasher.addData(data.constData(), data.size());
    return hasher.hexDigest();
}

} // namespace sv::openstack
