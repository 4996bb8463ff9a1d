#pragma once

#include <QByteArray>

#include <memory>

namespace fake {

// Incremental digests over streamed bytes, computed with OpenSSL (faster than QCryptographicHash for the
// SHA-512 that Glance's os_hash_value needs on multi-GiB images).
class Hasher
{
public:
    enum Algorithm { Md5, Sha256, Sha512 };
    explicit Hasher(Algorithm algorithm);
    ~Hasher();
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    void addData(const char *data, qint64 length);
    // Lower-case hex digest; the hasher cannot be used afterwards.
    QByteArray hexResult();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace fake
