#include "fuzzentries.h"

#include "bank/checkpointindex.h"
#include "bank/chunkcodec.h"
#include "bank/journalentry.h"
#include "openstack/compute/flavor.h"
#include "openstack/compute/keypair.h"
#include "openstack/compute/server.h"
#include "openstack/compute/volumeattachment.h"
#include "openstack/endpointurls.h"
#include "openstack/error.h"
#include "openstack/image/image.h"
#include "openstack/servicecatalog.h"
#include "profiles/cloudconfigimporter.h"
#include "profiles/cloudprofile.h"
#include "protection/checkpointdetails.h"
#include "protection/imageproperties.h"
#include "protection/serverprotectable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fuzz {

namespace {
QJsonObject object(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

// Touch every field so that a lazily failing parse cannot hide (and the compiler cannot drop it).
volatile qsizetype g_sink = 0;
void sink(const QString &text) { g_sink = g_sink + text.size(); }
} // namespace

void keystoneToken(const QByteArray &data)
{
    const QJsonObject token = object(data).value(QLatin1String("token")).toObject();
    const auto catalog = sv::openstack::ServiceCatalog::fromJson(token.value(QLatin1String("catalog")).toArray());
    using sv::openstack::ServiceType;
    for (const ServiceType type : {ServiceType::Identity, ServiceType::Compute, ServiceType::Image,
                                   ServiceType::BlockStorage, ServiceType::ObjectStore, ServiceType::Network}) {
        for (const char *interface : {"public", "internal", "admin", "publicURL"}) {
            sv::openstack::Error error;
            const QUrl url = catalog.endpoint(type, QLatin1String(interface), QString(), &error);
            sink(error.message);
            if (!url.isValid())
                continue;
            sink(sv::openstack::endpointurls::computeBase(url).toString());
            sink(sv::openstack::endpointurls::computeVersionUrl(url).toString());
            sink(sv::openstack::endpointurls::imageBase(url).toString());
            sink(sv::openstack::endpointurls::volumeBase(url, QStringLiteral("p")).toString());
            sink(sv::openstack::endpointurls::networkBase(url).toString());
            sink(sv::openstack::endpointurls::identityBase(url).toString());
        }
    }
    sink(token.value(QLatin1String("expires_at")).toString());
}

void novaServers(const QByteArray &data)
{
    const QJsonObject root = object(data);
    QJsonArray servers = root.value(QLatin1String("servers")).toArray();
    if (root.contains(QLatin1String("server")))
        servers.append(root.value(QLatin1String("server")));
    for (const QJsonValue &value : std::as_const(servers)) {
        const QJsonObject raw = value.toObject();
        const auto server = sv::openstack::Server::fromJson(raw);
        sink(server.name + server.status + server.imageId);
        sink(sv::ServerProtectable::precheckError(raw));
        sink(sv::ServerProtectable::bootImageId(raw));
        const auto graph = sv::ServerProtectable::resourceGraph(raw);
        sink(graph.id);
        const QJsonObject metadata = sv::ServerProtectable::rebuildMetadata(raw, raw.value(QLatin1String("flavor")).toObject());
        g_sink = g_sink + metadata.size();
    }
    QJsonArray flavors = root.value(QLatin1String("flavors")).toArray();
    if (root.contains(QLatin1String("flavor")))
        flavors.append(root.value(QLatin1String("flavor")));
    for (const QJsonValue &value : std::as_const(flavors))
        sink(sv::openstack::Flavor::fromJson(value.toObject()).name);
    for (const QJsonValue &value : root.value(QLatin1String("keypairs")).toArray())
        sink(sv::openstack::KeyPair::fromJson(value.toObject()).name);
    for (const QJsonValue &value : root.value(QLatin1String("volumeAttachments")).toArray())
        sink(sv::openstack::VolumeAttachment::fromJson(value.toObject()).volumeId);
}

void glanceImages(const QByteArray &data)
{
    const QJsonObject root = object(data);
    QJsonArray images = root.value(QLatin1String("images")).toArray();
    if (root.contains(QLatin1String("id")))
        images.append(root);
    for (const QJsonValue &value : std::as_const(images)) {
        const auto image = sv::openstack::Image::fromJson(value.toObject());
        sink(image.id + image.status + image.checksum);
        const QJsonObject properties = sv::ImageProperties::settable(value.toObject());
        g_sink = g_sink + sv::ImageProperties::withoutSnapshotBookkeeping(properties).size();
        sink(sv::ImageProperties::consistency(value.toObject(), true));
    }
    const QString next = root.value(QLatin1String("next")).toString();
    sink(sv::openstack::endpointurls::rebaseImageLink(QUrl(QStringLiteral("http://127.0.0.1:9292/image")), next).toString());
    sink(sv::openstack::endpointurls::withQueryOf(QUrl(QStringLiteral("http://127.0.0.1/compute/v2.1/servers/detail")), next)
             .toString());
}

void faultBody(const QByteArray &data)
{
    sink(sv::openstack::Error::parseServiceMessage(data));
}

void cloudsYaml(const QByteArray &data)
{
    static const QByteArray separator = "\n---secure---\n";
    const qsizetype at = data.indexOf(separator);
    const QByteArray clouds = at < 0 ? data : data.left(at);
    const QByteArray secure = at < 0 ? QByteArray() : data.mid(at + separator.size());
    const auto result = sv::CloudConfigImporter::parse(clouds, QStringLiteral("clouds.yaml"), secure,
                                                       QStringLiteral("secure.yaml"));
    for (const auto &cloud : result.clouds)
        sink(cloud.profile.name + cloud.profile.validationError());
    for (const QString &problem : result.errors)
        sink(problem);
}

void bankIndex(const QByteArray &data)
{
    sv::CheckpointIndex index;
    QString why;
    if (sv::CheckpointIndex::fromJson(data, &index, &why)) {
        sink(index.id);
        g_sink = g_sink + index.totalSize();
        // What the GUI and the CLI read from an index (any metadata shape).
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        sink(details.cloud + details.volumesNotIncludedLabels().join(QLatin1Char(',')));
        // What the bank writes back must read again.
        sv::CheckpointIndex again;
        if (!sv::CheckpointIndex::fromJson(index.toJson(), &again, &why))
            __builtin_trap();
    }
    sink(why);
    const auto entry = sv::JournalEntry::fromJson(object(data));
    sink(entry.key());
    const auto profile = sv::CloudProfile::fromJson(object(data));
    sink(profile.validationError());
}

void chunkHeader(const QByteArray &data)
{
    QByteArray raw;
    QString why;
    if (sv::ChunkCodec::decode(data, &raw, &why)) {
        // A chunk that decodes must encode and decode to the same bytes.
        QByteArray back;
        if (!sv::ChunkCodec::decode(sv::ChunkCodec::encode(raw, 1), &back, &why) || back != raw)
            __builtin_trap();
    }
    sink(why);
    sink(QString::fromLatin1(sv::ChunkCodec::sha256Hex(data)));
}

const QList<Target> &targets()
{
    static const QList<Target> all{
        {"keystone_token", keystoneToken}, {"nova_servers", novaServers}, {"glance_images", glanceImages},
        {"fault_body", faultBody},         {"clouds_yaml", cloudsYaml},   {"bank_index", bankIndex},
        {"chunk_header", chunkHeader},
    };
    return all;
}

} // namespace fuzz
