#pragma once

#include "bank/awssigv4.h"
#include "bank/objectstore.h"
#include "profiles/s3profile.h"
#include "util/iothread.h"

#include <QNetworkReply>

#include <atomic>
#include <chrono>
#include <utility>

class QNetworkAccessManager;

namespace sv {

// An S3 bucket as an ObjectStore: requests signed with AWS Signature V4 (AwsSigV4), path- or
// virtual-host-style addressing, multipart upload for objects above a threshold, retries with backoff
// on 5xx and dropped connections, Content-MD5 on every upload and the ETag checked on every whole
// download. The QNetworkAccessManager lives on an I/O thread of this store; each call is sent there
// while the calling worker thread waits. The secret key stays in memory only and is never logged.
class S3ObjectStore : public ObjectStore
{
public:
    static constexpr qint64 DefaultMultipartThreshold = 64LL * 1024 * 1024;
    static constexpr qint64 DefaultPartSize = 16LL * 1024 * 1024;
    static constexpr qint64 MinPartSize = 5LL * 1024 * 1024; // S3's limit for every part but the last
    // Parts of one multipart upload sent at once.
    static constexpr int PartsInFlight = 4;

    S3ObjectStore(S3Profile profile, QString secretAccessKey, QString bucket);
    ~S3ObjectStore() override;

    QString location() const override;
    QString containerNoun() const override;
    const QString &bucket() const { return m_bucket; }
    const S3Profile &profile() const { return m_profile; }

    // Objects larger than `threshold` go up in parts of `partSize` (at least MinPartSize).
    void setMultipart(qint64 threshold, qint64 partSize);
    void setRetries(int retries, std::chrono::milliseconds firstDelay);

    bool createContainer(BankError *error) const override;
    bool putObject(const QString &object, const QByteArray &data, BankError *error) const override;
    // PUT with If-None-Match: * (AWS S3 and Ceph RGW); Swift's s3api refuses conditional PUTs (501), and
    // then a HEAD is the check, just before an ordinary PUT. Objects up to the multipart threshold only.
    bool createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const override;
    bool getObject(const QString &object, QByteArray *data, BankError *error) const override;
    bool getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                        BankError *error) const override;
    bool headObject(const QString &object, qint64 *size, BankError *error) const override;
    bool deleteObject(const QString &object, bool *existed, BankError *error) const override;
    bool listPage(const QString &prefix, const QString &marker, int limit, Page *page,
                  BankError *error) const override;
    // The object's ETag as S3 reports it (unquoted): the hex MD5 of a plain upload, "<hex>-<parts>"
    // after a multipart upload.
    bool objectEtag(const QString &object, QByteArray *etag, BankError *error) const;
    // The most parts the last multipart upload had in flight at once (at most PartsInFlight).
    int lastPartsPeak() const { return m_lastPartsPeak; }

private:
    struct Call
    {
        QByteArray method = "GET";
        QString object; // empty: the bucket itself
        QList<std::pair<QString, QString>> query;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers; // signed with the request
    };
    struct Response
    {
        int status = 0; // 0: no HTTP answer (see networkError)
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString networkErrorText;
        QByteArray header(const QByteArray &name) const;
        bool ok() const { return status >= 200 && status < 300; }
    };

    // One signed request, retried on what is transient (dropped connection, timeout, 500/502/503/504).
    Response send(const Call &call) const;
    Response sendOnce(const Call &call) const;
    // "Backup storage s3:P/B, object O: <what S3 said and what to do>".
    BankError errorFor(const Response &response, const QString &object) const;
    BankError failure(BankError::Code code, const QString &object, const QString &sentence) const;
    bool putMultipart(const QString &object, const QByteArray &data, BankError *error) const;
    QUrl urlFor(const Call &call, QString *host, QString *path) const;

    S3Profile m_profile;
    QString m_secretAccessKey;
    QString m_bucket;
    qint64 m_multipartThreshold = DefaultMultipartThreshold;
    qint64 m_partSize = DefaultPartSize;
    int m_retries = 4;
    std::chrono::milliseconds m_firstRetryDelay{500};
    std::chrono::milliseconds m_inactivityTimeout{60000};
    mutable std::atomic<int> m_lastPartsPeak{0};
    IoThread m_io;
    QNetworkAccessManager *m_nam = nullptr; // lives on m_io
};

} // namespace sv
