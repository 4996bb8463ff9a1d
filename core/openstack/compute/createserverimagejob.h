#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// POST /servers/{id}/action {"createImage": ...}: Nova's snapshot of a server into a new Glance image.
// The new image id comes from the body at microversion >= 2.45 and from the Location header below.
// Never retried automatically (a second POST would make a second snapshot).
class CreateServerImageJob : public ApiJob
{
    Q_OBJECT
public:
    CreateServerImageJob(Connection *connection, QString serverId, QString imageName,
                         QJsonObject metadata = {}, QObject *parent = nullptr);
    // Used in messages ("Server web-1 is busy ..."); the id is used when not set.
    void setServerName(const QString &name) { m_serverName = name; }

    const QString &imageId() const { return m_imageId; }

    // The last path segment of a Location header (".../images/<id>").
    static QString imageIdFromLocation(const QByteArray &location);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
    QString m_imageName;
    QJsonObject m_metadata;
    QString m_serverName;
    QString m_imageId;
};

} // namespace sv::openstack
