#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// PUT /{container}: creates the container if missing (201) and leaves an existing one alone (202).
class CreateContainerJob : public ApiJob
{
    Q_OBJECT
public:
    CreateContainerJob(Connection *connection, QString container, QObject *parent = nullptr);
    bool created() const { return m_created; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_container;
    bool m_created = false;
};

} // namespace sv::openstack
