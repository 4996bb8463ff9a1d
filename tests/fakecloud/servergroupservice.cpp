#include "servergroupservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>

namespace fake {

namespace {
QJsonObject groupJson(const ServerGroup &group)
{
    return QJsonObject{{QStringLiteral("id"), group.id},
                       {QStringLiteral("name"), group.name},
                       {QStringLiteral("policy"), group.policy},
                       {QStringLiteral("rules"), QJsonObject()},
                       {QStringLiteral("members"), QJsonArray::fromStringList(group.members)},
                       {QStringLiteral("project_id"), group.projectId},
                       {QStringLiteral("user_id"), group.userId}};
}
} // namespace

void handleServerGroups(CloudState &state, Exchange &ex, const Token &token, const QStringList &rest)
{
    const QString method = ex.method();
    if (rest.size() == 1 && (method == QLatin1String("GET") || method == QLatin1String("HEAD"))) {
        QJsonArray list;
        for (const ServerGroup &group : state.serverGroups) {
            if (group.projectId == token.projectId)
                list.append(groupJson(group));
        }
        return ex.json(200, QJsonObject{{QStringLiteral("server_groups"), list}});
    }
    if (rest.size() == 1 && method == QLatin1String("POST")) {
        QJsonObject request;
        QString error;
        if (!http::parseJsonObject(ex, &request, &error))
            return http::novaFault(ex, 400, error);
        const QJsonObject body = request.value(QStringLiteral("server_group")).toObject();
        ServerGroup group;
        group.id = CloudState::newUuid();
        group.name = body.value(QStringLiteral("name")).toString();
        group.policy = body.value(QStringLiteral("policy")).toString(QStringLiteral("anti-affinity"));
        group.projectId = token.projectId;
        group.userId = token.userId;
        if (group.name.isEmpty())
            return http::novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute name."));
        state.serverGroups.append(group);
        return ex.json(200, QJsonObject{{QStringLiteral("server_group"), groupJson(group)}});
    }
    if (rest.size() == 2) {
        for (qsizetype i = 0; i < state.serverGroups.size(); ++i) {
            const ServerGroup &group = state.serverGroups.at(i);
            if (group.id != rest.at(1) || group.projectId != token.projectId)
                continue;
            if (method == QLatin1String("DELETE")) {
                state.serverGroups.removeAt(i);
                return ex.empty(204);
            }
            return ex.json(200, QJsonObject{{QStringLiteral("server_group"), groupJson(group)}});
        }
        return http::novaFault(ex, 404, QStringLiteral("Instance group %1 could not be found.").arg(rest.at(1)));
    }
    http::novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
}

} // namespace fake
