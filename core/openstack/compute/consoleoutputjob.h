#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// POST /servers/{id}/action {"os-getConsoleOutput": {"length": N}}: the last N lines of the server's
// serial console log (all of it with N < 0). Only reads, so it is retried like a GET. Nova answers 409
// while the server has not booted (BUILD, ERROR); the error then says so.
class ConsoleOutputJob : public ApiJob
{
    Q_OBJECT
public:
    ConsoleOutputJob(Connection *connection, QString serverId, int length = -1, QObject *parent = nullptr);
    void setServerName(const QString &name) { m_serverName = name; }
    const QString &output() const { return m_output; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
    QString m_serverName;
    int m_length;
    QString m_output;
};

} // namespace sv::openstack
