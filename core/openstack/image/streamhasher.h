#pragma once

#include <QByteArray>

#include <memory>

namespace sv::openstack {

// Incremental digest over a stream with OpenSSL's EVP (several times faster than QCryptographicHash
// for sha512, which matters at hundreds of MB/s). Any algorithm OpenSSL knows by name: Glance's
// os_hash_algo ("sha512"), "md5" for `checksum`.
class StreamHasher
{
public:
    explicit StreamHasher(const QByteArray &algorithm);
    ~StreamHasher();
    StreamHasher(const StreamHasher &) = delete;
    StreamHasher &operator=(const StreamHasher &) = delete;

    bool isValid() const; // false for an algorithm OpenSSL does not know
    void addData(const char *data, qsizetype size);
    QByteArray hexDigest(); // finalizes; call once

    // One-shot hex digest of `data` (OpenSSL: SHA-NI, assembler MD5), for object bodies of many MiB.
    static QByteArray hexDigestOf(const QByteArray &algorithm, const QByteArray &data);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace sv::openstack
