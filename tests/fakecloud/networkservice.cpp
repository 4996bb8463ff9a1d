#include "networkservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"

#include <QJsonArray>

namespace fake {

NetworkService::NetworkService(CloudState &state)
    : m_state(state)
    , m_ports(state)
{
}

void NetworkService::error(Exchange &ex, int code, const QString &type, const QString &message)
{
    ex.json(code, QJsonObject{{QStringLiteral("NeutronError"),
                               QJsonObject{{QStringLiteral("type"), type},
                                           {QStringLiteral("message"), message},
                                           {QStringLiteral("detail"), QString()}}}});
}

void NetworkService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    const bool get = ex.method() == QLatin1String("GET") || ex.method() == QLatin1String("HEAD");
    if (segments.size() >= 2 && segments.size() <= 3 && segments.at(0) == QLatin1String("v2.0")
        && segments.at(1) == QLatin1String("ports"))
        return m_ports.handle(ex, segments);
    if (!get) {
        error(ex, 405, QStringLiteral("HTTPMethodNotAllowed"), QStringLiteral("The fake Neutron is read-only."));
        return;
    }
    if (segments.isEmpty()) {
        ex.json(200, QJsonObject{{QStringLiteral("versions"),
                                  QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("v2.0")},
                                                         {QStringLiteral("status"), QStringLiteral("CURRENT")},
                                                         {QStringLiteral("links"),
                                                          QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                                                                 {QStringLiteral("href"), QString(ex.baseUrl() + QStringLiteral("/networking/v2.0/"))}}}}}}}});
        return;
    }
    if (segments.at(0) != QLatin1String("v2.0") || segments.size() < 2 || segments.size() > 3) {
        error(ex, 404, QStringLiteral("HTTPNotFound"), QStringLiteral("The resource could not be found."));
        return;
    }
    std::lock_guard lock(m_state.mutex);
    const Token *token = http::requireToken(ex, m_state);
    if (!token)
        return;
    const QString project = token->projectId;
    QString collection = segments.at(1);
    QJsonArray items;
    QString singular;
    if (collection == QLatin1String("networks") || collection == QLatin1String("subnets")) {
        const bool networks = collection == QLatin1String("networks");
        singular = networks ? QStringLiteral("network") : QStringLiteral("subnet");
        for (const Network &n : m_state.networks) {
            if (n.projectId != project && !n.shared && !n.external)
                continue;
            if (ex.hasQuery(QStringLiteral("name")) && ex.query(QStringLiteral("name")) != n.name)
                continue;
            if (networks) {
                items.append(QJsonObject{{QStringLiteral("id"), n.id},
                                         {QStringLiteral("name"), n.name},
                                         {QStringLiteral("tenant_id"), n.projectId},
                                         {QStringLiteral("project_id"), n.projectId},
                                         {QStringLiteral("status"), QStringLiteral("ACTIVE")},
                                         {QStringLiteral("admin_state_up"), true},
                                         {QStringLiteral("shared"), n.shared},
                                         {QStringLiteral("router:external"), n.external},
                                         {QStringLiteral("subnets"), QJsonArray{n.subnetId}},
                                         {QStringLiteral("mtu"), 1450}});
            } else {
                items.append(QJsonObject{{QStringLiteral("id"), n.subnetId},
                                         {QStringLiteral("name"), QString(n.name + QStringLiteral("-subnet"))},
                                         {QStringLiteral("network_id"), n.id},
                                         {QStringLiteral("tenant_id"), n.projectId},
                                         {QStringLiteral("project_id"), n.projectId},
                                         {QStringLiteral("cidr"), n.cidr},
                                         {QStringLiteral("ip_version"), 4},
                                         {QStringLiteral("enable_dhcp"), true}});
            }
        }
    } else if (collection == QLatin1String("security-groups")) {
        singular = QStringLiteral("security_group");
        collection = QStringLiteral("security_groups");
        for (const SecurityGroup &g : m_state.securityGroups) {
            if (g.projectId != project)
                continue;
            if (ex.hasQuery(QStringLiteral("name")) && ex.query(QStringLiteral("name")) != g.name)
                continue;
            items.append(QJsonObject{{QStringLiteral("id"), g.id},
                                     {QStringLiteral("name"), g.name},
                                     {QStringLiteral("description"), g.description},
                                     {QStringLiteral("tenant_id"), g.projectId},
                                     {QStringLiteral("project_id"), g.projectId},
                                     {QStringLiteral("security_group_rules"), QJsonArray()}});
        }
    } else {
        error(ex, 404, QStringLiteral("HTTPNotFound"), QStringLiteral("The resource could not be found."));
        return;
    }
    if (segments.size() == 3) {
        for (const QJsonValue &item : items) {
            if (item[QStringLiteral("id")].toString() == segments.at(2)) {
                ex.json(200, QJsonObject{{singular, item}});
                return;
            }
        }
        QString type = singular;
        type[0] = type[0].toUpper();
        error(ex, 404, type.remove(QLatin1Char('_')) + QStringLiteral("NotFound"),
              QStringLiteral("%1 %2 could not be found.").arg(singular, segments.at(2)));
        return;
    }
    ex.json(200, QJsonObject{{collection, items}});
}

} // namespace fake
