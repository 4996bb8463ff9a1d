#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /{container}/{object}; an object that is already gone counts as deleted.
class DeleteObjectJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteObjectJob(Connection *connection, QString container, QString object, QObject *parent = nullptr);
    bool existed() const { return m_existed; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_container;
    QString m_object;
    bool m_existed = true;
};

} // namespace sv::openstack
