#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volume.h"

namespace sv::openstack {

// GET /v3/{project}/volumes/detail (all pages, volumes_links).
class ListVolumesJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListVolumesJob(Connection *connection, QObject *parent = nullptr);
    const QList<Volume> &volumes() const { return m_volumes; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    void onPageParsed(const QList<Volume> &page, const QString &next);

    QList<Volume> m_volumes;
    QString m_lastLink;
};

} // namespace sv::openstack
