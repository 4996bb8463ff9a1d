#include "openstack/volume/listvolumetypesjob.h"

namespace sv::openstack {

ListVolumeTypesJob::ListVolumeTypesJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListVolumeTypesJob::run() { sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("types"))); }

void ListVolumeTypesJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonArray types = parseObject(body, &error).value(QLatin1String("volume_types")).toArray();
    for (const QJsonValue &value : types)
        m_types.append(VolumeType::fromJson(value.toObject()));
    finish(error);
}

} // namespace sv::openstack
