#include "openstack/servicecatalog.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sv::openstack {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("sv::openstack::ServiceCatalog", text); }
} // namespace

ServiceCatalog ServiceCatalog::fromJson(const QJsonArray &catalog)
{
    ServiceCatalog result;
    for (const QJsonValue &serviceValue : catalog) {
        const QJsonObject serviceObject = serviceValue.toObject();
        Service service;
        service.type = serviceObject.value(QLatin1String("type")).toString();
        service.name = serviceObject.value(QLatin1String("name")).toString();
        const QJsonArray endpoints = serviceObject.value(QLatin1String("endpoints")).toArray();
        for (const QJsonValue &endpointValue : endpoints) {
            const QJsonObject endpointObject = endpointValue.toObject();
            Endpoint endpoint;
            endpoint.interface = normalizedInterface(endpointObject.value(QLatin1String("interface")).toString());
            endpoint.region = endpointObject.value(QLatin1String("region_id")).toString();
            if (endpoint.region.isEmpty())
                endpoint.region = endpointObject.value(QLatin1String("region")).toString();
            endpoint.url = QUrl(endpointObject.value(QLatin1String("url")).toString());
            if (endpoint.url.isValid() && !endpoint.url.isRelative())
                service.endpoints.append(endpoint);
        }
        if (!service.type.isEmpty())
            result.m_services.append(service);
    }
    return result;
}

QStringList ServiceCatalog::typeAliases(ServiceType type)
{
    switch (type) {
    case ServiceType::Identity:
        return {QStringLiteral("identity")};
    case ServiceType::Compute:
        return {QStringLiteral("compute")};
    case ServiceType::Image:
        return {QStringLiteral("image")};
    case ServiceType::BlockStorage:
        // service-types-authority order: the official name first, then the historical ones
        // (volumev2 still works for show/list; bare "volume" was v1 and is a last resort).
        return {QStringLiteral("block-storage"), QStringLiteral("volumev3"), QStringLiteral("volumev2"),
                QStringLiteral("volume")};
    case ServiceType::ObjectStore:
        return {QStringLiteral("object-store")};
    case ServiceType::Network:
        return {QStringLiteral("network")};
    }
    return {};
}

QString ServiceCatalog::typeName(ServiceType type) { return typeAliases(type).constFirst(); }

QString ServiceCatalog::normalizedInterface(const QString &interface)
{
    QString name = interface.trimmed().toLower();
    if (name.endsWith(QLatin1String("url"))) // keystone v2 / clouds.yaml "publicURL"
        name.chop(3);
    return name.isEmpty() ? QStringLiteral("public") : name;
}

QUrl ServiceCatalog::endpoint(ServiceType type, const QString &interface, const QString &region,
                              Error *error) const
{
    const QString wantedInterface = normalizedInterface(interface);
    QStringList offered;
    for (const QString &alias : typeAliases(type)) {
        for (const Service &service : m_services) {
            if (service.type != alias)
                continue;
            for (const Endpoint &endpoint : service.endpoints) {
                offered.append(QStringLiteral("%1/%2").arg(endpoint.interface,
                                                           endpoint.region.isEmpty() ? QStringLiteral("-")
                                                                                     : endpoint.region));
                if (endpoint.interface != wantedInterface)
                    continue;
                if (!region.isEmpty() && endpoint.region != region)
                    continue;
                return endpoint.url;
            }
        }
    }
    if (error) {
        *error = Error::make(Error::Kind::NoEndpoint, {});
        if (offered.isEmpty()) {
            error->message = tr("The cloud's catalog has no %1 service.").arg(typeName(type));
        } else {
            error->message = tr("The cloud's catalog has no %1 endpoint for interface \"%2\"%3; it offers %4.")
                                 .arg(typeName(type), wantedInterface,
                                      region.isEmpty() ? QString() : tr(" in region \"%1\"").arg(region),
                                      offered.join(QLatin1String(", ")));
        }
    }
    return {};
}

} // namespace sv::openstack
