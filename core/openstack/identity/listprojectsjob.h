#pragma once

#include "openstack/apijob.h"

#include <QList>
#include <QString>

namespace sv::openstack {

// A Keystone project as an admin's listing shows it.
struct Project
{
    QString id;
    QString name;
    QString domainId;
    bool enabled = true;
};

// GET /v3/projects at the profile's Keystone (every project of the cloud; Keystone allows it to admins,
// a 403 otherwise), following links.next when a deployment pages it. The cloud tree's "All projects" node
// and plan runs over all projects name projects with it.
class ListProjectsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListProjectsJob(Connection *connection, QObject *parent = nullptr);
    const QList<Project> &projects() const { return m_projects; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<Project> m_projects;
    QString m_lastLink;
};

} // namespace sv::openstack
