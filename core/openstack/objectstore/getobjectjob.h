#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// GET /{container}/{object} into memory; checks the bytes against the ETag (md5) Swift sends, so a
// bit flipped on disk (Swift quarantines it only after serving it) or on the way is caught here.
class GetObjectJob : public ApiJob
{
    Q_OBJECT
public:
    GetObjectJob(Connection *connection, QString container, QString object, QObject *parent = nullptr);
    // Only `length` (> 0) bytes from `offset` (an HTTP Range request); call before start(). The ETag then
    // names the whole object, so the bytes are not checked against it.
    void setRange(qint64 offset, qint64 length);
    const QByteArray &data() const { return m_data; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_container;
    QString m_object;
    QByteArray m_data;
    qint64 m_rangeOffset = -1;
    qint64 m_rangeLength = 0;
};

} // namespace sv::openstack
