#pragma once

#include "openstack/apijob.h"
#include "openstack/image/image.h"

#include <functional>
#include <memory>

namespace sv::openstack {

class StreamHasher;

// GET /v2/images/{id}/file streamed into a consumer: blocks are handed over as they arrive (never
// the whole image in memory), md5 (`checksum`) and `os_hash_value` (sha512) are computed over the
// stream and checked at the end, and a dropped or stalled connection is resumed from the last byte
// with a Range request (Glance answers 206), a bounded number of times. The consumer always sees
// one gap-free stream from byte 0.
class ImageDownloadJob : public ApiJob
{
    Q_OBJECT
public:
    // Receives each block in order; the QByteArray may be kept (implicitly shared, no copy). Return
    // false to stop the download (finished() then reports Kind::Canceled).
    using Consumer = std::function<bool(const QByteArray &block)>;

    ImageDownloadJob(Connection *connection, QString imageId, Consumer consumer, QObject *parent = nullptr);
    ~ImageDownloadJob() override;

    // The image record with size/checksum/os_hash_*; without it the job reads the record first.
    void setImage(const Image &image);
    void setMaxResumes(int maxResumes) { m_maxResumes = maxResumes; }
    // Off when the consumer verifies the same digests itself (saves a core at high rates).
    void setVerifyChecksums(bool verify) { m_verify = verify; }
    // Backpressure: a slow consumer pauses; Qt then stops reading the socket once its bounded
    // buffer is full, and the inactivity clock stops.
    void pause() { pauseReading(); }
    void resume() { resumeReading(); }

    const Image &image() const { return m_image; }
    qint64 bytesReceived() const { return m_received; }
    int resumeCount() const { return m_resumes; }
    const QByteArray &md5() const { return m_md5; }        // hex, after success
    const QByteArray &osHash() const { return m_osHash; }  // hex of image().osHashAlgo, after success

Q_SIGNALS:
    void progress(qint64 bytesReceived, qint64 bytesTotal); // total -1 when unknown

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void onHeaders(QNetworkReply *reply) override;
    void onData(QNetworkReply *reply) override;
    bool prepareRetry(Request &request, const Error &error, int retriesSoFar) override;
    void refineError(Error &error) override;

private:
    enum class Step { Record, Data };
    void requestData();
    void verifyAndFinish();

    QString m_imageId;
    Consumer m_consumer;
    Image m_image;
    bool m_haveImage = false;
    Step m_step = Step::Record;
    std::unique_ptr<StreamHasher> m_md5Hasher;
    std::unique_ptr<StreamHasher> m_osHasher;
    QByteArray m_md5;
    QByteArray m_osHash;
    QByteArray m_contentMd5; // Content-MD5 header (hex), a fallback when the record has no checksum
    qint64 m_received = 0;
    qint64 m_skip = 0;       // bytes to drop when a server ignored our Range and sent from byte 0
    int m_resumes = 0;
    int m_maxResumes = 10;
    bool m_verify = true;
};

} // namespace sv::openstack
