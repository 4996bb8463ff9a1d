#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// PUT /{container}/{object} with the whole body in memory. Sends the md5 as ETag, so Swift refuses
// (422) bytes damaged on the way, and checks the ETag Swift answers with. Idempotent: retried on 503.
class PutObjectJob : public ApiJob
{
    Q_OBJECT
public:
    PutObjectJob(Connection *connection, QString container, QString object, QByteArray data,
                 QObject *parent = nullptr);

    // Sends If-None-Match: * so that Swift writes the object only if it does not exist; when it does,
    // the job fails with HTTP 412 (Error::httpStatus).
    void setOnlyIfAbsent(bool onlyIfAbsent) { m_onlyIfAbsent = onlyIfAbsent; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_container;
    QString m_object;
    QByteArray m_data;
    QByteArray m_md5;
    bool m_onlyIfAbsent = false;
};

} // namespace sv::openstack
