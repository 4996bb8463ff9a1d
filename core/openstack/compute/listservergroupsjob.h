#pragma once

#include "openstack/apijob.h"

#include <QList>
#include <QStringList>

namespace sv::openstack {

// GET /os-server-groups: the project's server groups (policy a string from 2.64, a list before).
class ListServerGroupsJob : public ApiJob
{
    Q_OBJECT
public:
    struct Group
    {
        QString id;
        QString name;
        QString policy;
        QStringList members;
    };
    explicit ListServerGroupsJob(Connection *connection, QObject *parent = nullptr);
    const QList<Group> &groups() const { return m_groups; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<Group> m_groups;
};

} // namespace sv::openstack
