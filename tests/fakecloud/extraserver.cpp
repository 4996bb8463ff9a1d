#include "extraserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace fake {

namespace {

void append(QJsonObject &scenario, const QString &key, const QJsonObject &record)
{
    QJsonArray list = scenario.value(key).toArray();
    list.append(record);
    scenario.insert(key, list);
}

} // namespace

QJsonObject scenarioWithServer(const QString &path, const ExtraServer &server, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    QJsonParseError parseError;
    QJsonObject scenario = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return {};
    }
    append(scenario, QStringLiteral("images"),
           QJsonObject{{QStringLiteral("id"), server.imageId},
                       {QStringLiteral("name"), server.imageName},
                       {QStringLiteral("size"), QStringLiteral("%1 MiB").arg(server.sizeMiB)},
                       {QStringLiteral("seed"), 256},
                       {QStringLiteral("disk_format"), QStringLiteral("raw")},
                       {QStringLiteral("container_format"), QStringLiteral("bare")},
                       {QStringLiteral("visibility"), QStringLiteral("private")},
                       {QStringLiteral("owner"), QStringLiteral("demo")}});
    append(scenario, QStringLiteral("servers"),
           QJsonObject{{QStringLiteral("id"), server.serverId},
                       {QStringLiteral("name"), server.serverName},
                       {QStringLiteral("project"), QStringLiteral("demo")},
                       {QStringLiteral("user"), QStringLiteral("demo")},
                       {QStringLiteral("flavor"), QStringLiteral("2")},
                       {QStringLiteral("image"), server.imageName},
                       {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                       {QStringLiteral("networks"), QJsonArray{QStringLiteral("private")}}});
    return scenario;
}

} // namespace fake
