#pragma once

#include "openstack/apijob.h"

class QIODevice;

namespace sv::openstack {

// PUT /v2/images/{id}/file from a QIODevice (a file, or a ProducerDevice over a bank reader) with a
// known size, streamed (Qt is told not to buffer the body). Retried only when the source can be
// rewound (a seekable file); a sequential source fails on the first transport error.
class ImageUploadJob : public ApiJob
{
    Q_OBJECT
public:
    ImageUploadJob(Connection *connection, QString imageId, QIODevice *source, qint64 size, QObject *parent = nullptr);

Q_SIGNALS:
    void progress(qint64 bytesSent, qint64 bytesTotal);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void onReplyCreated(QNetworkReply *reply) override;
    void refineError(Error &error) override;

private:
    QString m_imageId;
    QIODevice *m_source;
    qint64 m_size;
};

} // namespace sv::openstack
