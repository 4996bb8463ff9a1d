#include "openstack/compute/createserverimagejob.h"

#include "openstack/connection.h"
#include "openstack/session.h"

#include <QRegularExpression>
#include <QVersionNumber>

namespace sv::openstack {

CreateServerImageJob::CreateServerImageJob(Connection *connection, QString serverId, QString imageName,
                                           QJsonObject metadata, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
    , m_imageName(std::move(imageName))
    , m_metadata(std::move(metadata))
{
}

QString CreateServerImageJob::imageIdFromLocation(const QByteArray &location)
{
    const QUrl url(QString::fromUtf8(location.trimmed()));
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.isEmpty() ? QString() : parts.constLast();
}

void CreateServerImageJob::run()
{
    QJsonObject createImage{{QStringLiteral("name"), m_imageName}};
    if (!m_metadata.isEmpty())
        createImage.insert(QStringLiteral("metadata"), m_metadata);
    sendRequest(makeJsonRequest(ServiceType::Compute, "POST", QStringLiteral("servers/%1/action").arg(m_serverId),
                                QJsonObject{{QStringLiteral("createImage"), createImage}}));
}

void CreateServerImageJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    const bool bodyHasId = QVersionNumber::compare(connection()->session()->computeMicroversion(), QVersionNumber(2, 45)) >= 0;
    if (bodyHasId) {
        Error error;
        m_imageId = parseObject(body, &error).value(QLatin1String("image_id")).toString();
    }
    if (m_imageId.isEmpty()) // below 2.45, or a cloud that sends only the header
        m_imageId = imageIdFromLocation(reply->rawHeader("Location"));
    if (m_imageId.isEmpty()) {
        finish(Error::make(Error::Kind::Protocol,
                           tr("The compute service accepted the snapshot of server %1 but did not say which image it "
                              "creates.")
                               .arg(m_serverName.isEmpty() ? m_serverId : m_serverName)));
        return;
    }
    finish();
}

void CreateServerImageJob::refineError(Error &error)
{
    const QString server = m_serverName.isEmpty() ? m_serverId : m_serverName;
    if (error.kind == Error::Kind::Conflict) {
        // "Cannot 'createImage' instance <id> while it is in task_state image_snapshot"
        static const QRegularExpression taskState(QStringLiteral(R"(task_state\s+([A-Za-z_]+))"));
        static const QRegularExpression vmState(QStringLiteral(R"(vm_state\s+([A-Za-z_]+))"));
        const auto task = taskState.match(error.serviceMessage);
        const auto vm = vmState.match(error.serviceMessage);
        if (task.hasMatch())
            error.message = tr("Server %1 is busy (task_state %2); try again when it is idle.").arg(server, task.captured(1));
        else if (vm.hasMatch())
            error.message = tr("Server %1 cannot be snapshotted while it is in state %2.").arg(server, vm.captured(1));
        else
            error.message = tr("Server %1 is busy; try again when it is idle (%2).").arg(server, error.serviceMessage);
    } else if (error.kind == Error::Kind::NotFound) {
        error.message = tr("Server %1 does not exist (any more).").arg(server);
    } else if (error.kind == Error::Kind::OverLimit || error.kind == Error::Kind::Forbidden) {
        error.message = tr("The cloud refused to snapshot server %1: %2").arg(server, error.serviceMessage);
    }
}

} // namespace sv::openstack
