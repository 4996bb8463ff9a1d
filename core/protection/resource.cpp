#include "protection/resource.h"

#include <QJsonArray>

namespace sv {

QString Resource::serverIdOfImage() const
{
    return extraInfo.value(QLatin1String("server_id")).toString();
}

QJsonObject Resource::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), type}, {QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
    if (!extraInfo.isEmpty())
        json.insert(QStringLiteral("extra_info"), extraInfo);
    if (!children.isEmpty()) {
        QJsonArray array;
        for (const Resource &child : children)
            array.append(child.toJson());
        json.insert(QStringLiteral("children"), array);
    }
    return json;
}

Resource Resource::fromJson(const QJsonObject &json)
{
    Resource resource;
    resource.type = json.value(QLatin1String("type")).toString();
    resource.id = json.value(QLatin1String("id")).toString();
    resource.name = json.value(QLatin1String("name")).toString();
    resource.extraInfo = json.value(QLatin1String("extra_info")).toObject();
    const QJsonArray children = json.value(QLatin1String("children")).toArray();
    for (const QJsonValue &child : children)
        resource.children.append(fromJson(child.toObject()));
    return resource;
}

} // namespace sv
