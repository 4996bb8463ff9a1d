#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// HEAD /{container}/{object}: whether it exists, its size and ETag.
class HeadObjectJob : public ApiJob
{
    Q_OBJECT
public:
    HeadObjectJob(Connection *connection, QString container, QString object, QObject *parent = nullptr);
    qint64 size() const { return m_size; }
    const QByteArray &etag() const { return m_etag; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_container;
    QString m_object;
    qint64 m_size = -1;
    QByteArray m_etag;
};

} // namespace sv::openstack
