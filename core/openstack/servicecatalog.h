#pragma once

#include "openstack/error.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace sv::openstack {

enum class ServiceType { Identity, Compute, Image, BlockStorage, ObjectStore, Network };

// The Keystone v3 service catalog of a token, and endpoint selection from it: service type with its
// historical aliases, interface (public/internal/admin, also accepting "publicURL"), region.
class ServiceCatalog
{
public:
    struct Endpoint
    {
        QString interface;
        QString region; // region_id, falling back to the old "region" name
        QUrl url;
    };
    struct Service
    {
        QString type;
        QString name;
        QList<Endpoint> endpoints;
    };

    static ServiceCatalog fromJson(const QJsonArray &catalog);

    // Catalog type names accepted for a service, most preferred first (block-storage: volumev3, ...).
    static QStringList typeAliases(ServiceType type);
    static QString typeName(ServiceType type);
    static QString normalizedInterface(const QString &interface);

    // The catalog URL of `type` for `interface` ("public" when empty) and `region` (any when empty).
    // On failure returns an empty URL and fills `error` (Kind::NoEndpoint) with a sentence naming what
    // was missing and what the catalog offers instead.
    QUrl endpoint(ServiceType type, const QString &interface, const QString &region, Error *error) const;

    const QList<Service> &services() const { return m_services; }
    bool isEmpty() const { return m_services.isEmpty(); }

private:
    QList<Service> m_services;
};

} // namespace sv::openstack
