#pragma once

#include "openstack/apijob.h"
#include "openstack/image/image.h"

namespace sv::openstack {

// PATCH /v2/images/{id} with a JSON patch (application/openstack-images-v2.1-json-patch).
class UpdateImageJob : public ApiJob
{
    Q_OBJECT
public:
    UpdateImageJob(Connection *connection, QString imageId, QObject *parent = nullptr);

    // Queue operations; "replace" on a property the image lacks fails in Glance, so setProperty()
    // uses "add", which Glance treats as add-or-replace for properties.
    void setProperty(const QString &name, const QJsonValue &value);
    void removeProperty(const QString &name);
    void addOperation(const QJsonObject &operation) { m_operations.append(operation); }

    const Image &image() const { return m_image; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_imageId;
    QJsonArray m_operations;
    Image m_image;
};

} // namespace sv::openstack
