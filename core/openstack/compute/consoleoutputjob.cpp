#include "openstack/compute/consoleoutputjob.h"

namespace sv::openstack {

ConsoleOutputJob::ConsoleOutputJob(Connection *connection, QString serverId, int length, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
    , m_length(length)
{
}

void ConsoleOutputJob::run()
{
    QJsonObject arguments;
    if (m_length >= 0)
        arguments.insert(QStringLiteral("length"), m_length);
    Request request = makeJsonRequest(ServiceType::Compute, "POST", QStringLiteral("servers/%1/action").arg(m_serverId),
                                      QJsonObject{{QStringLiteral("os-getConsoleOutput"), arguments}});
    request.idempotent = true; // reads the log, changes nothing
    sendRequest(request);
}

void ConsoleOutputJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    const QJsonValue output = root.value(QLatin1String("output"));
    if (error.isOk() && !output.isString())
        error = Error::make(Error::Kind::Protocol,
                            tr("The compute service answered the console log request of server %1 without an output.")
                                .arg(m_serverName.isEmpty() ? m_serverId : m_serverName));
    m_output = output.toString();
    finish(error);
}

void ConsoleOutputJob::refineError(Error &error)
{
    const QString server = m_serverName.isEmpty() ? m_serverId : m_serverName;
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Server %1 does not exist (any more).").arg(server);
    else if (error.kind == Error::Kind::Conflict)
        error.message = tr("Server %1 has no console log yet: %2").arg(server, error.serviceMessage);
}

} // namespace sv::openstack
