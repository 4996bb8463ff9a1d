#include "computeservice.h"

#include "adminapi.h"
#include "cloudstate.h"
#include "exchange.h"
#include "filedisksource.h"
#include "httphelpers.h"
#include "imageservice.h"
#include "ports.h"
#include "remotecloud.h"
#include "servergroupservice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

#include <chrono>
#include <thread>

namespace fake {

using http::novaFault;

namespace {

QJsonArray linkPair(const QString &self, const QString &bookmark)
{
    return QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")}, {QStringLiteral("href"), self}},
                      QJsonObject{{QStringLiteral("rel"), QStringLiteral("bookmark")}, {QStringLiteral("href"), bookmark}}};
}

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString lastSegment(const QString &ref)
{
    const qsizetype slash = ref.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? ref : ref.mid(slash + 1);
}

const QStringList NonInheritable{QStringLiteral("cache_in_nova"), QStringLiteral("bittorrent"),
                                 QStringLiteral("img_signature"), QStringLiteral("img_signature_hash_method"),
                                 QStringLiteral("img_signature_key_type"),
                                 QStringLiteral("img_signature_certificate_uuid")};

bool isHexProjectId(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{32}$"));
    return re.match(s).hasMatch();
}

} // namespace

ComputeService::ComputeService(CloudState &state)
    : m_state(state)
{
}

void ComputeService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    ex.setHeader("x-compute-request-id", "req-" + CloudState::newUuid().toLatin1());
    const bool get = ex.method() == QLatin1String("GET") || ex.method() == QLatin1String("HEAD");
    if (segments.isEmpty()) {
        if (get)
            versions(ex);
        else
            novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    if (segments.at(0) != QLatin1String("v2.1")) {
        novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    QStringList rest = segments.mid(1);
    if (rest.isEmpty()) {
        if (get)
            version(ex);
        else
            novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL."));
        return;
    }
    std::shared_ptr<RemoteCloud> external;
    {
        std::lock_guard lock(m_state.mutex);
        external = m_state.external;
    }
    RemoteIdentity identity;
    if (external) {
        // keystonemiddleware: the real Keystone says who the caller is (outside the state lock).
        QString why;
        switch (external->validate(QString::fromUtf8(ex.header("X-Auth-Token")), &identity, &why)) {
        case RemoteCloud::Validation::Valid:
            break;
        case RemoteCloud::Validation::Invalid:
            http::unauthorized(ex);
            return;
        case RemoteCloud::Validation::Unavailable:
            qCWarning(lcFake) << "external mode:" << why;
            novaFault(ex, 503, QStringLiteral("The identity service could not validate the token: %1").arg(why));
            return;
        }
    }
    std::lock_guard lock(m_state.mutex);
    m_state.advance();
    const Token *token = external ? &identity.token : http::requireToken(ex, m_state);
    if (!token)
        return;
    if (token->projectId.isEmpty()) {
        novaFault(ex, 403, QStringLiteral("Policy doesn't allow this operation to be performed with an unscoped token."));
        return;
    }
    QString projectSegment;
    if (isHexProjectId(rest.at(0)) || m_state.projects.contains(rest.at(0))) {
        // Real Nova's legacy /v2.1/{project_id}/... form: the id must be the token's project.
        if (rest.at(0) != token->projectId) {
            novaFault(ex, 400, QStringLiteral("Malformed request URL: URL's project_id '%1' doesn't match Context's project_id '%2'")
                                   .arg(rest.at(0), token->projectId));
            return;
        }
        projectSegment = QLatin1Char('/') + rest.takeFirst();
    }
    // Microversion negotiation: OpenStack-API-Version: compute 2.X, or the legacy header.
    QString requested;
    const QString modern = QString::fromLatin1(ex.header("OpenStack-API-Version")).trimmed();
    for (const QString &part : modern.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList words = part.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() == 2 && words.at(0).compare(QLatin1String("compute"), Qt::CaseInsensitive) == 0)
            requested = words.at(1);
    }
    if (requested.isEmpty())
        requested = QString::fromLatin1(ex.header("X-OpenStack-Nova-API-Version")).trimmed();
    const int minMinor = m_state.settings.computeMinMinor;
    const int maxMinor = m_state.settings.computeMaxMinor;
    int minor = minMinor;
    if (requested.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0) {
        minor = maxMinor;
    } else if (!requested.isEmpty()) {
        static const QRegularExpression re(QStringLiteral("^([1-9][0-9]*)\\.(0|[1-9][0-9]*)$"));
        const auto match = re.match(requested);
        if (!match.hasMatch()) {
            novaFault(ex, 400, QStringLiteral("API Version String %1 is of invalid format. Must be of format "
                                              "MajorNum.MinorNum.").arg(requested));
            return;
        }
        const int major = match.captured(1).toInt();
        minor = match.captured(2).toInt();
        if (major != 2 || minor < minMinor || minor > maxMinor) {
            novaFault(ex, 406, QStringLiteral("Version %1 is not supported by the API. Minimum is 2.%2 and maximum is 2.%3.")
                                   .arg(requested).arg(minMinor).arg(maxMinor));
            return;
        }
    }
    const QByteArray versionText = "2." + QByteArray::number(minor);
    ex.setHeader("OpenStack-API-Version", "compute " + versionText);
    ex.setHeader("X-OpenStack-Nova-API-Version", versionText);
    ex.setHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    const User user = m_state.users.value(token->userId);
    Call call{ex, *token, minor, ex.baseUrl() + QStringLiteral("/compute/v2.1") + projectSegment,
              ex.baseUrl() + QStringLiteral("/compute") + projectSegment, user.roles.contains(QStringLiteral("admin"))};
    if (external) {
        call.admin = identity.roles.contains(QStringLiteral("admin"));
        call.userName = identity.userName;
        call.projectName = identity.projectName;
        call.roles = identity.roles;
    }
    route(call, rest);
}

void ComputeService::versions(Exchange &ex)
{
    const QString base = ex.baseUrl() + QStringLiteral("/compute");
    QJsonArray list{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("v2.0")},
                    {QStringLiteral("links"), QJsonArray{QJsonObject{{QStringLiteral("href"), QString(base + QStringLiteral("/v2/"))},
                                                                     {QStringLiteral("rel"), QStringLiteral("self")}}}},
                    {QStringLiteral("status"), QStringLiteral("DEPRECATED")},
                    {QStringLiteral("version"), QString()},
                    {QStringLiteral("min_version"), QString()},
                    {QStringLiteral("updated"), QStringLiteral("2025-07-04T12:00:00Z")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("v2.1")},
                    {QStringLiteral("links"), QJsonArray{QJsonObject{{QStringLiteral("href"), QString(base + QStringLiteral("/v2.1/"))},
                                                                     {QStringLiteral("rel"), QStringLiteral("self")}}}},
                    {QStringLiteral("status"), QStringLiteral("CURRENT")},
                    {QStringLiteral("version"), QStringLiteral("2.%1").arg(m_state.settings.computeMaxMinor)},
                    {QStringLiteral("min_version"), QStringLiteral("2.%1").arg(m_state.settings.computeMinMinor)},
                    {QStringLiteral("updated"), QStringLiteral("2013-07-23T11:33:21Z")}}};
    ex.json(200, QJsonObject{{QStringLiteral("versions"), list}});
}

void ComputeService::version(Exchange &ex)
{
    const QString base = ex.baseUrl() + QStringLiteral("/compute");
    QJsonObject v{
        {QStringLiteral("id"), QStringLiteral("v2.1")},
        {QStringLiteral("links"),
         QJsonArray{QJsonObject{{QStringLiteral("href"), QString(base + QStringLiteral("/v2.1/"))}, {QStringLiteral("rel"), QStringLiteral("self")}},
                    QJsonObject{{QStringLiteral("href"), QStringLiteral("http://docs.openstack.org/")},
                                {QStringLiteral("rel"), QStringLiteral("describedby")},
                                {QStringLiteral("type"), QStringLiteral("text/html")}}}},
        {QStringLiteral("media-types"),
         QJsonArray{QJsonObject{{QStringLiteral("base"), QStringLiteral("application/json")},
                                {QStringLiteral("type"), QStringLiteral("application/vnd.openstack.compute+json;version=2.1")}}}},
        {QStringLiteral("status"), QStringLiteral("CURRENT")},
        {QStringLiteral("version"), QStringLiteral("2.%1").arg(m_state.settings.computeMaxMinor)},
        {QStringLiteral("min_version"), QStringLiteral("2.%1").arg(m_state.settings.computeMinMinor)},
        {QStringLiteral("updated"), QStringLiteral("2013-07-23T11:33:21Z")}};
    ex.json(200, QJsonObject{{QStringLiteral("version"), v}});
}

void ComputeService::route(Call &call, const QStringList &rest)
{
    Exchange &ex = call.ex;
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    const bool post = method == QLatin1String("POST");
    const bool del = method == QLatin1String("DELETE");
    auto notAllowed = [&] { novaFault(ex, 405, QStringLiteral("The method is not allowed for the requested URL.")); };
    const QString head = rest.at(0);
    if (head == QLatin1String("servers")) {
        if (rest.size() == 1) {
            if (get)
                listServers(call, false);
            else if (post)
                createServer(call);
            else
                notAllowed();
        } else if (rest.size() == 2 && rest.at(1) == QLatin1String("detail")) {
            get ? listServers(call, true) : notAllowed();
        } else if (rest.size() == 2) {
            if (get)
                showServer(call, rest.at(1));
            else if (del)
                deleteServer(call, rest.at(1));
            else
                notAllowed();
        } else if (rest.size() == 3 && rest.at(2) == QLatin1String("action")) {
            post ? serverAction(call, rest.at(1)) : notAllowed();
        } else if (rest.size() == 3 && rest.at(2) == QLatin1String("os-volume_attachments")) {
            if (get)
                volumeAttachments(call, rest.at(1));
            else if (post)
                attachVolume(call, rest.at(1));
            else
                notAllowed();
        } else if (rest.size() == 4 && rest.at(2) == QLatin1String("os-volume_attachments")) {
            if (get)
                showVolumeAttachment(call, rest.at(1), rest.at(3));
            else if (del)
                detachVolume(call, rest.at(1), rest.at(3));
            else
                notAllowed();
        } else {
            novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        }
        return;
    }
    if (head == QLatin1String("flavors")) {
        if (rest.size() == 1)
            get ? listFlavors(call, false) : notAllowed();
        else if (rest.size() == 2 && rest.at(1) == QLatin1String("detail"))
            get ? listFlavors(call, true) : notAllowed();
        else if (rest.size() == 2)
            get ? showFlavor(call, rest.at(1)) : notAllowed();
        else if (rest.size() == 3 && rest.at(2) == QLatin1String("os-extra_specs"))
            get ? flavorExtraSpecs(call, rest.at(1)) : notAllowed();
        else
            novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    if (head == QLatin1String("os-keypairs")) {
        if (rest.size() == 1)
            get ? listKeyPairs(call) : notAllowed();
        else if (rest.size() == 2)
            get ? showKeyPair(call, rest.at(1)) : notAllowed();
        else
            novaFault(ex, 404, QStringLiteral("The resource could not be found."));
        return;
    }
    if (head == QLatin1String("os-server-groups") && rest.size() <= 2)
        return handleServerGroups(m_state, ex, call.token, rest);
    if (head == QLatin1String("os-availability-zone") && rest.size() == 1) {
        get ? availabilityZones(call) : notAllowed();
        return;
    }
    novaFault(ex, 404, QStringLiteral("The resource could not be found."));
}

Server *ComputeService::findServer(Call &call, const QString &id)
{
    auto it = m_state.servers.find(id);
    // An admin reaches every project's servers (Nova's default policy: admin or owner).
    if (it == m_state.servers.end() || (it->projectId != call.token.projectId && !call.admin)) {
        novaFault(call.ex, 404, QStringLiteral("Instance %1 could not be found.").arg(id));
        return nullptr;
    }
    return &it.value();
}

Server *ComputeService::findServerWithBody(Call &call, const QString &id, QJsonObject *request)
{
    QString error;
    if (!http::parseJsonObject(call.ex, request, &error)) {
        novaFault(call.ex, 400, error);
        return nullptr;
    }
    return findServer(call, id);
}

QJsonObject ComputeService::flavorJson(const Call &call, const QString &id, bool detail) const
{
    const Flavor *flavor = m_state.flavor(id);
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("links"), linkPair(call.prefix + QStringLiteral("/flavors/") + id,
                                                        call.bookmark + QStringLiteral("/flavors/") + id)}};
    if (!flavor)
        return json;
    json.insert(QStringLiteral("name"), flavor->name);
    if (call.minor >= 55)
        json.insert(QStringLiteral("description"), nullable(flavor->description));
    if (detail) {
        json.insert(QStringLiteral("vcpus"), flavor->vcpus);
        json.insert(QStringLiteral("ram"), flavor->ramMiB);
        json.insert(QStringLiteral("disk"), flavor->diskGiB);
        json.insert(QStringLiteral("swap"), call.minor >= 75 ? QJsonValue(flavor->swapMiB)
                                                             : (flavor->swapMiB ? QJsonValue(flavor->swapMiB) : QJsonValue(QString())));
        json.insert(QStringLiteral("OS-FLV-EXT-DATA:ephemeral"), flavor->ephemeralGiB);
        json.insert(QStringLiteral("OS-FLV-DISABLED:disabled"), false);
        json.insert(QStringLiteral("os-flavor-access:is_public"), true);
        json.insert(QStringLiteral("rxtx_factor"), 1.0);
        if (call.minor >= 61)
            json.insert(QStringLiteral("extra_specs"), flavor->extraSpecs);
    }
    return json;
}

QJsonObject ComputeService::serverJson(const Call &call, const Server &server, bool detail) const
{
    QJsonObject json{{QStringLiteral("id"), server.id},
                     {QStringLiteral("name"), server.name},
                     {QStringLiteral("links"), linkPair(call.prefix + QStringLiteral("/servers/") + server.id,
                                                        call.bookmark + QStringLiteral("/servers/") + server.id)}};
    if (!detail)
        return json;
    json.insert(QStringLiteral("status"), server.status);
    json.insert(QStringLiteral("tenant_id"), server.projectId);
    json.insert(QStringLiteral("user_id"), server.userId);
    json.insert(QStringLiteral("metadata"), server.metadata);
    json.insert(QStringLiteral("hostId"),
                QString::fromLatin1(QCryptographicHash::hash((server.projectId + QStringLiteral("fake-compute-1")).toUtf8(),
                                                             QCryptographicHash::Sha224).toHex()));
    if (server.imageId.isEmpty()) {
        json.insert(QStringLiteral("image"), QString()); // booted from volume: an empty string, not an object
    } else {
        json.insert(QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), server.imageId},
                                {QStringLiteral("links"),
                                 QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("bookmark")},
                                                        {QStringLiteral("href"), QString(call.bookmark + QStringLiteral("/images/") + server.imageId)}}}}});
    }
    if (call.minor >= 47) {
        const Flavor *flavor = m_state.flavor(server.flavorId);
        QJsonObject f;
        if (flavor) {
            f = QJsonObject{{QStringLiteral("vcpus"), flavor->vcpus},
                            {QStringLiteral("ram"), flavor->ramMiB},
                            {QStringLiteral("disk"), flavor->diskGiB},
                            {QStringLiteral("ephemeral"), flavor->ephemeralGiB},
                            {QStringLiteral("swap"), flavor->swapMiB},
                            {QStringLiteral("original_name"), flavor->name},
                            {QStringLiteral("extra_specs"), flavor->extraSpecs}};
        }
        json.insert(QStringLiteral("flavor"), f);
    } else {
        json.insert(QStringLiteral("flavor"),
                    QJsonObject{{QStringLiteral("id"), server.flavorId},
                                {QStringLiteral("links"),
                                 QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("bookmark")},
                                                        {QStringLiteral("href"), QString(call.bookmark + QStringLiteral("/flavors/") + server.flavorId)}}}}});
    }
    json.insert(QStringLiteral("created"), CloudState::isoTime(server.createdAt));
    json.insert(QStringLiteral("updated"), CloudState::isoTime(server.updatedAt));
    QJsonObject addresses;
    const QList<const Port *> nics = ports::ofServer(m_state, server);
    for (const Port *port : nics) {
        const Network *network = m_state.network(port->networkId);
        const QString key = network ? network->name : port->networkId;
        QJsonArray entries = addresses.value(key).toArray();
        for (const Port::FixedIp &fixed : port->fixedIps)
            entries.append(QJsonObject{{QStringLiteral("version"), 4},
                                       {QStringLiteral("addr"), fixed.ip},
                                       {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")},
                                       {QStringLiteral("OS-EXT-IPS-MAC:mac_addr"), port->macAddress}});
        addresses.insert(key, entries);
    }
    for (const QString &networkId : nics.isEmpty() && server.portIds.isEmpty() ? server.networkIds : QStringList()) {
        const Network *network = m_state.network(networkId);
        const QString ip = server.fixedIps.value(networkId);
        const QByteArray macSeed = QCryptographicHash::hash((server.id + networkId).toUtf8(), QCryptographicHash::Md5);
        const QString mac = QStringLiteral("fa:16:3e:%1:%2:%3")
                                .arg(quint8(macSeed.at(0)), 2, 16, QLatin1Char('0'))
                                .arg(quint8(macSeed.at(1)), 2, 16, QLatin1Char('0'))
                                .arg(quint8(macSeed.at(2)), 2, 16, QLatin1Char('0'));
        addresses.insert(network ? network->name : networkId,
                         QJsonArray{QJsonObject{{QStringLiteral("version"), 4},
                                                {QStringLiteral("addr"), ip},
                                                {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")},
                                                {QStringLiteral("OS-EXT-IPS-MAC:mac_addr"), mac}}});
    }
    json.insert(QStringLiteral("addresses"), addresses);
    json.insert(QStringLiteral("accessIPv4"), QString());
    json.insert(QStringLiteral("accessIPv6"), QString());
    json.insert(QStringLiteral("OS-DCF:diskConfig"), QStringLiteral("MANUAL"));
    json.insert(QStringLiteral("progress"), server.status == QLatin1String("BUILD") ? 0 : 0);
    json.insert(QStringLiteral("OS-EXT-AZ:availability_zone"), server.availabilityZone);
    json.insert(QStringLiteral("config_drive"), server.configDrive ? QStringLiteral("True") : QString());
    json.insert(QStringLiteral("key_name"), nullable(server.keyName));
    json.insert(QStringLiteral("OS-SRV-USG:launched_at"),
                server.launchedAt.isValid() ? QJsonValue(server.launchedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000")))
                                            : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("OS-SRV-USG:terminated_at"), QJsonValue::Null);
    json.insert(QStringLiteral("OS-EXT-STS:task_state"), nullable(server.taskState));
    json.insert(QStringLiteral("OS-EXT-STS:vm_state"), server.vmState);
    json.insert(QStringLiteral("OS-EXT-STS:power_state"), server.powerState);
    QJsonArray volumes;
    for (const QString &volumeId : server.volumeIds) {
        QJsonObject v{{QStringLiteral("id"), volumeId}};
        if (call.minor >= 3)
            v.insert(QStringLiteral("delete_on_termination"), server.deleteOnTermination.contains(volumeId));
        volumes.append(v);
    }
    json.insert(QStringLiteral("os-extended-volumes:volumes_attached"), volumes);
    if (server.status != QLatin1String("ERROR")) {
        QJsonArray groups;
        QStringList names = server.securityGroups;
        if (!nics.isEmpty() || !server.portIds.isEmpty()) {
            // Nova shows the groups of the server's ports.
            names.clear();
            for (const Port *port : nics) {
                for (const QString &id : port->securityGroupIds) {
                    const SecurityGroup *group = m_state.securityGroup(port->projectId, id);
                    if (group && !names.contains(group->name))
                        names.append(group->name);
                }
            }
        }
        for (const QString &group : std::as_const(names))
            groups.append(QJsonObject{{QStringLiteral("name"), group}});
        json.insert(QStringLiteral("security_groups"), groups);
    } else {
        json.insert(QStringLiteral("fault"),
                    QJsonObject{{QStringLiteral("code"), 500},
                                {QStringLiteral("created"), CloudState::isoTime(server.updatedAt)},
                                {QStringLiteral("message"), server.faultMessage.isEmpty()
                                     ? QStringLiteral("No valid host was found. There are not enough hosts available.")
                                     : server.faultMessage}});
    }
    if (call.admin) {
        json.insert(QStringLiteral("OS-EXT-SRV-ATTR:host"), QStringLiteral("fake-compute-1"));
        json.insert(QStringLiteral("OS-EXT-SRV-ATTR:hypervisor_hostname"), QStringLiteral("fake-compute-1"));
        json.insert(QStringLiteral("OS-EXT-SRV-ATTR:instance_name"),
                    QStringLiteral("instance-%1").arg(server.instanceNumber, 8, 16, QLatin1Char('0')));
        if (call.minor >= 3) {
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:hostname"), server.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:kernel_id"), QString());
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:ramdisk_id"), QString());
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:launch_index"), 0);
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:reservation_id"),
                        QString(QStringLiteral("r-") + http::stableHexId(server.id).left(8)));
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:root_device_name"), server.rootDeviceName);
            json.insert(QStringLiteral("OS-EXT-SRV-ATTR:user_data"), nullable(server.userData));
        }
        if (call.minor >= 16)
            json.insert(QStringLiteral("host_status"), QStringLiteral("UP"));
    }
    if (call.minor >= 9)
        json.insert(QStringLiteral("locked"), false);
    if (call.minor >= 19)
        json.insert(QStringLiteral("description"), server.descriptionIsNull ? QJsonValue(QJsonValue::Null) : QJsonValue(server.description));
    if (call.minor >= 26)
        json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(server.tags));
    if (call.minor >= 71) {
        QJsonArray groupIds;
        for (const ServerGroup &group : m_state.serverGroups) {
            if (group.members.contains(server.id))
                groupIds.append(group.id);
        }
        json.insert(QStringLiteral("server_groups"), groupIds);
    }
    if (call.minor >= 73)
        json.insert(QStringLiteral("locked_reason"), QJsonValue::Null);
    if (call.minor >= 90)
        json.insert(QStringLiteral("OS-EXT-SRV-ATTR:hostname"), server.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
    if (call.minor >= 96)
        json.insert(QStringLiteral("pinned_availability_zone"), QJsonValue::Null);
    return json;
}

void ComputeService::listServers(Call &call, bool detail)
{
    Exchange &ex = call.ex;
    QList<const Server *> matches;
    const QString nameFilter = ex.query(QStringLiteral("name"));
    const QRegularExpression nameRe(nameFilter);
    const QString statusFilter = ex.query(QStringLiteral("status")).toUpper();
    const QString imageFilter = ex.query(QStringLiteral("image"));
    const QString flavorFilter = ex.query(QStringLiteral("flavor"));
    if (!nameFilter.isEmpty() && !nameRe.isValid()) {
        novaFault(ex, 400, QStringLiteral("Invalid regular expression in name filter: %1").arg(nameFilter));
        return;
    }
    // all_tenants (admins): every project's servers, or one project's (adminapi.h).
    const ServerListScope scope = serverListScope(ex, call.token, call.admin, detail);
    if (scope.status != 0) {
        novaFault(ex, scope.status, scope.error);
        return;
    }
    // One project (the usual case, and each project of an admin's tree): only its servers are looked at,
    // as Nova's database would by index; walking all 50,000 of an admin's cloud per page cost the fake
    // more than the client spent (issue 15's all-projects benchmark).
    QList<const Server *> candidates;
    if (!scope.allProjects || !scope.projectId.isEmpty()) {
        const QList<QString> ids = m_state.serverIdsOfProject(scope.projectId);
        candidates.reserve(ids.size());
        for (const QString &id : ids) {
            const auto it = m_state.servers.constFind(id);
            if (it != m_state.servers.cend())
                candidates.append(&it.value());
        }
    } else {
        candidates.reserve(m_state.servers.size());
        for (const Server &server : std::as_const(m_state.servers))
            candidates.append(&server);
    }
    for (const Server *candidate : std::as_const(candidates)) {
        const Server &server = *candidate;
        if (!scope.covers(server.projectId))
            continue;
        if (!nameFilter.isEmpty() && !nameRe.match(server.name).hasMatch())
            continue; // Nova matches the name filter as a regular expression
        if (!statusFilter.isEmpty() && server.status != statusFilter)
            continue;
        if (!imageFilter.isEmpty() && server.imageId != imageFilter)
            continue;
        if (!flavorFilter.isEmpty() && server.flavorId != flavorFilter)
            continue;
        matches.append(&server);
    }
    // Nova's default order: newest first (created_at desc, then id desc). The times are read once: an
    // admin's all_tenants listing sorts tens of thousands of servers for every page.
    {
        std::vector<std::pair<qint64, const Server *>> keyed;
        keyed.reserve(size_t(matches.size()));
        for (const Server *server : std::as_const(matches))
            keyed.emplace_back(server->createdAt.toMSecsSinceEpoch(), server);
        std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first > b.first;
            return a.second->id > b.second->id;
        });
        for (qsizetype i = 0; i < matches.size(); ++i)
            matches[i] = keyed[size_t(i)].second;
    }
    int limit = m_state.settings.serverMaxPageSize;
    if (ex.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ex.query(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0) {
            novaFault(ex, 400, QStringLiteral("Invalid input for query parameters limit. Value: %1. '%1' does not match '^[0-9]*$'")
                                   .arg(ex.query(QStringLiteral("limit"))));
            return;
        }
        limit = std::min(limit, m_state.settings.serverMaxPageSize);
    }
    qsizetype start = 0;
    if (ex.hasQuery(QStringLiteral("marker"))) {
        const QString marker = ex.query(QStringLiteral("marker"));
        start = http::indexAfterMarker(matches, marker);
        if (start < 0) {
            novaFault(ex, 400, QStringLiteral("marker [%1] not found").arg(marker));
            return;
        }
    }
    const QList<const Server *> page = matches.mid(start, limit);
    QJsonArray servers;
    for (const Server *server : page)
        servers.append(serverJson(call, *server, detail));
    QJsonObject body{{QStringLiteral("servers"), servers}};
    if (!page.isEmpty() && page.size() == limit) {
        // Nova adds a next link whenever a page is full, keeping the other query parameters.
        QUrlQuery query = http::queryWithoutMarker(ex);
        query.addQueryItem(QStringLiteral("marker"), page.last()->id);
        const QString href = call.prefix + (detail ? QStringLiteral("/servers/detail?") : QStringLiteral("/servers?"))
            + query.toString(QUrl::FullyEncoded);
        body.insert(QStringLiteral("servers_links"),
                    QJsonArray{QJsonObject{{QStringLiteral("href"), href}, {QStringLiteral("rel"), QStringLiteral("next")}}});
    }
    ex.json(200, body);
}

void ComputeService::showServer(Call &call, const QString &id)
{
    if (Server *server = findServer(call, id))
        call.ex.json(200, QJsonObject{{QStringLiteral("server"), serverJson(call, *server, true)}});
}

void ComputeService::deleteServer(Call &call, const QString &id)
{
    Server *server = findServer(call, id);
    if (!server)
        return;
    for (const QString &volumeId : server->volumeIds) {
        if (server->deleteOnTermination.contains(volumeId)) {
            m_state.volumes.remove(volumeId);
            continue;
        }
        auto it = m_state.volumes.find(volumeId);
        if (it != m_state.volumes.end()) {
            it->attachments.clear();
            it->status = QStringLiteral("available");
            it->nextAt = QDateTime();
            it->updatedAt = QDateTime::currentDateTimeUtc();
        }
    }
    if (server->snapshot) {
        // The upload dies with the instance and Nova removes the unfinished image.
        m_state.images.remove(server->snapshot->imageId);
        m_state.hashJobs.remove(server->snapshot->imageId);
    }
    ports::release(m_state, *server);
    for (ServerGroup &group : m_state.serverGroups)
        group.members.removeAll(id);
    m_state.removeServer(id);
    call.ex.empty(204);
}

void ComputeService::createServer(Call &call)
{
    Exchange &ex = call.ex;
    QJsonObject request;
    QString error;
    if (!http::parseJsonObject(ex, &request, &error)) {
        novaFault(ex, 400, error);
        return;
    }
    const QJsonValue serverValue = request.value(QStringLiteral("server"));
    if (!serverValue.isObject()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute server. Value: %1. 'server' is a required property")
                               .arg(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))));
        return;
    }
    const QJsonObject body = serverValue.toObject();
    const QString name = body.value(QStringLiteral("name")).toString();
    if (!body.value(QStringLiteral("name")).isString() || name.trimmed().isEmpty() || name.size() > 255) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute name. Value: %1. 'name' is a required property")
                               .arg(name));
        return;
    }
    const QJsonValue flavorRef = body.value(QStringLiteral("flavorRef"));
    if (!flavorRef.isString() && !flavorRef.isDouble()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute server. 'flavorRef' is a required property"));
        return;
    }
    const QString flavorId = lastSegment(flavorRef.isString() ? flavorRef.toString() : QString::number(flavorRef.toInt()));
    const Flavor *flavor = m_state.flavor(flavorId);
    if (!flavor) {
        novaFault(ex, 400, QStringLiteral("Flavor %1 could not be found.").arg(flavorId));
        return;
    }
    // Networks: a list before and after 2.37; "auto"/"none" strings from 2.37, where the key is required.
    QStringList networkIds;
    // One entry per NIC, in order: an existing port, or a network (with a wanted fixed IP) for a port Nova makes.
    struct Nic
    {
        QString portId;
        QString networkId;
        QString fixedIp;
    };
    QList<Nic> nics;
    const QJsonValue networks = body.value(QStringLiteral("networks"));
    auto autoNetwork = [&] {
        for (const Network &n : m_state.networks) {
            if (!n.external && (n.projectId == call.token.projectId || n.shared))
                return n.id;
        }
        return QString();
    };
    if (networks.isUndefined()) {
        if (call.minor >= 37) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute server. Value: %1. 'networks' is a required property")
                                   .arg(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))));
            return;
        }
        const QString id = autoNetwork();
        if (!id.isEmpty())
            networkIds.append(id);
    } else if (networks.isString()) {
        const QString mode = networks.toString();
        if (call.minor < 37 || (mode != QLatin1String("auto") && mode != QLatin1String("none"))) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute networks. Value: %1. '%1' is not of type 'array'")
                                   .arg(mode));
            return;
        }
        if (mode == QLatin1String("auto")) {
            const QString id = autoNetwork();
            if (id.isEmpty()) {
                novaFault(ex, 400, QStringLiteral("Unable to automatically allocate a network for project %1").arg(call.token.projectId));
                return;
            }
            networkIds.append(id);
        }
    } else if (networks.isArray()) {
        for (const QJsonValue &entry : networks.toArray()) {
            const QJsonObject net = entry.toObject();
            if (net.contains(QStringLiteral("port"))) {
                const QString portId = net.value(QStringLiteral("port")).toString();
                auto port = m_state.ports.constFind(portId);
                if (port == m_state.ports.constEnd() || port->projectId != call.token.projectId) {
                    novaFault(ex, 400, QStringLiteral("Port %1 could not be found.").arg(portId));
                    return;
                }
                if (!port->deviceId.isEmpty()) {
                    novaFault(ex, 409, QStringLiteral("Port %1 is still in use.").arg(portId));
                    return;
                }
                nics.append(Nic{portId, port->networkId, {}});
                networkIds.append(port->networkId);
                continue;
            }
            const QString uuid = net.value(QStringLiteral("uuid")).toString();
            const Network *network = m_state.network(uuid);
            if (uuid.isEmpty() || !network || network->id != uuid
                || (network->projectId != call.token.projectId && !network->shared)) {
                novaFault(ex, 400, QStringLiteral("Network %1 could not be found.").arg(uuid));
                return;
            }
            const QString fixedIp = net.value(QStringLiteral("fixed_ip")).toString();
            if (!fixedIp.isEmpty() && (!ports::inSubnet(*network, fixedIp) || ports::holding(m_state, uuid, fixedIp))) {
                novaFault(ex, 400, QStringLiteral("Fixed IP address %1 is already in use on instance.").arg(fixedIp));
                return;
            }
            nics.append(Nic{{}, uuid, fixedIp});
            networkIds.append(uuid);
        }
    } else {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute networks."));
        return;
    }
    const QString keyName = body.value(QStringLiteral("key_name")).toString();
    if (!keyName.isEmpty() && !m_state.keyPair(call.token.userId, keyName)) {
        novaFault(ex, 400, QStringLiteral("Invalid key_name provided."));
        return;
    }
    QStringList groups;
    if (body.contains(QStringLiteral("security_groups"))) {
        for (const QJsonValue &g : body.value(QStringLiteral("security_groups")).toArray()) {
            const QString groupName = g.toObject().value(QStringLiteral("name")).toString();
            const SecurityGroup *group = m_state.securityGroup(call.token.projectId, groupName);
            if (!group) {
                novaFault(ex, 400, QStringLiteral("Security group %1 not found for project %2.").arg(groupName, call.token.projectId));
                return;
            }
            groups.append(group->name);
        }
    } else {
        groups.append(QStringLiteral("default"));
    }
    const QJsonValue metadataValue = body.value(QStringLiteral("metadata"));
    if (!metadataValue.isUndefined() && !metadataValue.isObject()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute metadata."));
        return;
    }
    for (const QJsonValue &v : metadataValue.toObject()) {
        if (!v.isString()) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute metadata. Metadata values must be strings."));
            return;
        }
    }
    ServerGroup *serverGroup = nullptr;
    const QString groupHint = request.value(QStringLiteral("os:scheduler_hints")).toObject().value(QStringLiteral("group")).toString();
    if (!groupHint.isEmpty()) {
        for (ServerGroup &group : m_state.serverGroups) {
            if (group.id == groupHint && group.projectId == call.token.projectId)
                serverGroup = &group;
        }
        if (!serverGroup) {
            novaFault(ex, 404, QStringLiteral("Instance group %1 could not be found.").arg(groupHint));
            return;
        }
    }
    const QJsonValue userData = body.value(QStringLiteral("user_data"));
    if (!userData.isUndefined() && !userData.isNull()
        && (!userData.isString() || QByteArray::fromBase64(userData.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors).isEmpty())) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute user_data. Value: %1. '%1' is not a 'base64'")
                               .arg(userData.toString()));
        return;
    }
    Server server;
    server.id = CloudState::newUuid();
    server.name = name;
    server.configDrive = body.value(QStringLiteral("config_drive")).toVariant().toBool();
    server.userData = userData.toString();
    server.projectId = call.token.projectId;
    server.userId = call.token.userId;
    server.flavorId = flavorId;
    server.status = QStringLiteral("BUILD");
    server.vmState = QStringLiteral("building");
    server.taskState = QStringLiteral("spawning");
    server.powerState = 0;
    server.networkIds = networkIds;
    server.keyName = keyName;
    server.securityGroups = groups;
    server.metadata = metadataValue.toObject();
    server.availabilityZone = body.value(QStringLiteral("availability_zone")).toString(QStringLiteral("nova"));
    // Nova's answer to a zone it does not have (and to "zone:host" forms it cannot place).
    if (!m_state.settings.availabilityZones.contains(server.availabilityZone)) {
        novaFault(ex, 400, QStringLiteral("The requested availability zone is not available"));
        return;
    }
    if (body.contains(QStringLiteral("description"))) {
        server.description = body.value(QStringLiteral("description")).toString();
        server.descriptionIsNull = body.value(QStringLiteral("description")).isNull();
    }
    for (const QJsonValue &tag : body.value(QStringLiteral("tags")).toArray())
        server.tags.append(tag.toString());
    server.createdAt = QDateTime::currentDateTimeUtc();
    server.updatedAt = server.createdAt;
    server.buildDoneAt = server.createdAt.addMSecs(static_cast<qint64>(m_state.settings.buildSeconds * 1000));
    server.instanceNumber = m_state.nextInstanceNumber++;

    auto checkImageFits = [&](const Image &image) {
        const qint64 flavorBytes = qint64(flavor->diskGiB) << 30;
        const qint64 imageBytes = image.data ? image.data->disk.size() : 0;
        if (flavor->diskGiB > 0 && imageBytes > flavorBytes) {
            novaFault(ex, 400, QStringLiteral("Flavor's disk is too small for requested image. Flavor disk is %1 bytes, image is %2 bytes.")
                                   .arg(flavorBytes).arg(imageBytes));
            return false;
        }
        if (flavor->diskGiB > 0 && image.minDisk > flavor->diskGiB) {
            novaFault(ex, 400, QStringLiteral("Flavor's disk is too small for requested image. Flavor disk is %1 bytes, minimum required by image is %2 bytes.")
                                   .arg(flavorBytes).arg(qint64(image.minDisk) << 30));
            return false;
        }
        if (image.minRam > flavor->ramMiB) {
            novaFault(ex, 400, QStringLiteral("Flavor's memory is too small for requested image."));
            return false;
        }
        return true;
    };
    auto usableImage = [&](const QString &imageId) -> const Image * {
        auto it = m_state.images.constFind(imageId);
        if (it == m_state.images.constEnd()
            || (it->visibility == QLatin1String("private") && it->ownerId != call.token.projectId)) {
            novaFault(ex, 400, QStringLiteral("Image %1 could not be found.").arg(imageId));
            return nullptr;
        }
        if (it->status != QLatin1String("active")) {
            novaFault(ex, 400, QStringLiteral("Image %1 is not active.").arg(imageId));
            return nullptr;
        }
        return &it.value();
    };
    auto inheritImage = [&](const Image &image) {
        server.bootImageProperties = image.properties;
        server.bootDiskFormat = image.diskFormat;
        server.bootContainerFormat = image.containerFormat;
        server.bootMinDisk = image.minDisk;
        server.bootMinRam = image.minRam;
    };

    const QString imageRef = lastSegment(body.value(QStringLiteral("imageRef")).toString());
    const QJsonArray bdms = body.value(QStringLiteral("block_device_mapping_v2")).toArray();
    QJsonObject bootBdm;
    for (const QJsonValue &bdm : bdms) {
        if (bdm.toObject().value(QStringLiteral("boot_index")).toVariant().toInt() == 0
            && !bdm.toObject().value(QStringLiteral("boot_index")).isNull()
            && bdm.toObject().contains(QStringLiteral("boot_index")))
            bootBdm = bdm.toObject();
    }
    const QString destination = bootBdm.value(QStringLiteral("destination_type")).toString(QStringLiteral("local"));
    if (!bootBdm.isEmpty() && destination == QLatin1String("volume")) {
        const QString source = bootBdm.value(QStringLiteral("source_type")).toString();
        const QString uuid = bootBdm.value(QStringLiteral("uuid")).toString();
        Volume volume;
        if (source == QLatin1String("image")) {
            const Image *image = usableImage(uuid);
            if (!image)
                return;
            const int size = bootBdm.value(QStringLiteral("volume_size")).toVariant().toInt();
            if (size <= 0) {
                novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: You specified more local devices than the limit allows"));
                return;
            }
            if (size < image->minDisk || (image->data && image->data->disk.size() > (qint64(size) << 30))) {
                novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: Volume is smaller than the minimum size specified in image metadata."));
                return;
            }
            if (image->minRam > flavor->ramMiB) {
                novaFault(ex, 400, QStringLiteral("Flavor's memory is too small for requested image."));
                return;
            }
            volume.id = CloudState::newUuid();
            volume.name = QString();
            volume.projectId = call.token.projectId;
            volume.userId = call.token.userId;
            volume.sizeGiB = size;
            volume.bootable = true;
            volume.status = QStringLiteral("in-use");
            volume.createdAt = server.createdAt;
            if (image->data)
                volume.disk = image->data->disk;
            volume.imageMetadata = CloudState::volumeImageMetadata(*image);
            inheritImage(*image);
            if (bootBdm.value(QStringLiteral("delete_on_termination")).toBool())
                server.deleteOnTermination.append(volume.id);
        } else if (source == QLatin1String("volume")) {
            auto it = m_state.volumes.find(uuid);
            if (it == m_state.volumes.end() || it->projectId != call.token.projectId) {
                novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(uuid));
                return;
            }
            if (it->status != QLatin1String("available")) {
                novaFault(ex, 400, QStringLiteral("Invalid volume: volume %1 status must be available, but current status is: %2.")
                                       .arg(uuid, it->status));
                return;
            }
            volume = it.value();
            volume.status = QStringLiteral("in-use");
            // Nova keeps the volume's image metadata as the instance's image properties.
            server.bootImageProperties = CloudState::imagePropertiesOf(volume.imageMetadata);
            if (bootBdm.value(QStringLiteral("delete_on_termination")).toBool())
                server.deleteOnTermination.append(volume.id);
        } else {
            novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: source_type '%1' is not supported by the fake cloud.").arg(source));
            return;
        }
        volume.attachments = {VolumeAttachment{server.id, CloudState::newUuid(), QStringLiteral("/dev/vda"), server.createdAt}};
        volume.nextAt = QDateTime();
        server.volumeIds.append(volume.id);
        m_state.volumes.insert(volume.id, volume);
    } else if (m_state.external) {
        if (imageRef.isEmpty()) {
            novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid."));
            return;
        }
        if (!bootFromRemoteImage(call, server, imageRef, flavor->diskGiB, flavor->ramMiB))
            return;
    } else {
        if (imageRef.isEmpty()) {
            novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid."));
            return;
        }
        const Image *image = usableImage(imageRef);
        if (!image || !checkImageFits(*image))
            return;
        server.imageId = image->id;
        inheritImage(*image);
        if (image->data)
            server.disk = image->data->disk; // the instance's disk starts as the image's bytes
    }
    // The other volumes of the mapping (existing volumes, boot_index none or -1) are attached in order.
    QList<Volume *> extraVolumes;
    for (const QJsonValue &value : bdms) {
        const QJsonObject bdm = value.toObject();
        if (bdm == bootBdm || bdm.value(QStringLiteral("destination_type")).toString() != QLatin1String("volume"))
            continue;
        const QString uuid = bdm.value(QStringLiteral("uuid")).toString();
        if (bdm.value(QStringLiteral("source_type")).toString() != QLatin1String("volume")) {
            novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: the fake cloud attaches only existing volumes besides the boot disk."));
            return;
        }
        Volume *extra = m_state.volume(call.token.projectId, uuid);
        if (!extra || extra->status != QLatin1String("available") || extraVolumes.contains(extra)) {
            novaFault(ex, 400, QStringLiteral("Block Device Mapping is Invalid: failed to get volume %1.").arg(uuid));
            return;
        }
        extraVolumes.append(extra);
    }
    for (qsizetype i = 0; i < bdms.size() && !extraVolumes.isEmpty(); ++i) {
        const QJsonObject bdm = bdms.at(i).toObject();
        Volume *extra = m_state.volume(call.token.projectId, bdm.value(QStringLiteral("uuid")).toString());
        if (bdm == bootBdm || !extraVolumes.contains(extra))
            continue;
        const QString device = bdm.value(QStringLiteral("device_name")).toString(m_state.nextDeviceName(server));
        extra->attachments = {VolumeAttachment{server.id, CloudState::newUuid(), device, server.createdAt}};
        extra->status = QStringLiteral("in-use");
        extra->nextAt = QDateTime();
        server.volumeIds.append(extra->id);
        if (bdm.value(QStringLiteral("delete_on_termination")).toBool())
            server.deleteOnTermination.append(extra->id);
    }
    // The NICs: ports given are bound; for a network Nova makes a port (deleted with the server) with the
    // server's security groups and the wanted or the next free address.
    if (nics.isEmpty()) {
        for (const QString &networkId : std::as_const(networkIds))
            nics.append(Nic{{}, networkId, {}});
    }
    QStringList groupIds;
    for (const QString &groupName : std::as_const(groups)) {
        if (const SecurityGroup *group = m_state.securityGroup(call.token.projectId, groupName))
            groupIds.append(group->id);
    }
    for (const Nic &nic : std::as_const(nics)) {
        QString portId = nic.portId;
        if (portId.isEmpty()) {
            const Network *network = m_state.network(nic.networkId);
            if (!network)
                continue;
            Port &made = ports::create(m_state, *network, call.token.projectId, nic.fixedIp, groupIds, QString());
            made.madeByNova = true;
            portId = made.id;
        }
        Port &port = m_state.ports[portId];
        port.deviceId = server.id;
        port.deviceOwner = QStringLiteral("compute:") + server.availabilityZone;
        server.portIds.append(portId);
        if (!port.fixedIps.isEmpty())
            server.fixedIps.insert(port.networkId, port.fixedIps.constFirst().ip);
    }
    if (serverGroup)
        serverGroup->members.append(server.id);
    int host = 10;
    for (const QString &networkId : server.portIds.isEmpty() ? networkIds : QStringList()) {
        const Network *network = m_state.network(networkId);
        QString cidr = network ? network->cidr : QStringLiteral("10.0.0.0/24");
        QStringList octets = cidr.section(QLatin1Char('/'), 0, 0).split(QLatin1Char('.'));
        if (octets.size() == 4)
            octets[3] = QString::number(host + server.instanceNumber % 200);
        server.fixedIps.insert(networkId, octets.join(QLatin1Char('.')));
        ++host;
    }
    server.buildFails = m_state.takeFault(Fault::BuildError, ex.method(), ex.path()).has_value();
    server.console = QString(m_state.settings.bootConsole).replace(QLatin1String("%1"), server.name);
    if (m_state.takeFault(Fault::BootHangs, ex.method(), ex.path())) {
        // The guest stops before it gets to a login prompt.
        QStringList lines = server.console.split(QLatin1Char('\n'));
        lines = lines.mid(0, std::max<qsizetype>(1, lines.size() / 2));
        lines.append(QStringLiteral("[    3.141592] Kernel panic - not syncing: VFS: Unable to mount root fs on "
                                    "unknown-block(0,0)"));
        server.console = lines.join(QLatin1Char('\n'));
    }
    m_state.addServer(server);
    QJsonArray groupArray;
    for (const QString &group : groups)
        groupArray.append(QJsonObject{{QStringLiteral("name"), group}});
    QByteArray password(9, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(password.data()), 2);
    const QString self = call.prefix + QStringLiteral("/servers/") + server.id;
    ex.setHeader("Location", self.toUtf8());
    ex.json(202, QJsonObject{{QStringLiteral("server"),
                              QJsonObject{{QStringLiteral("id"), server.id},
                                          {QStringLiteral("links"), linkPair(self, call.bookmark + QStringLiteral("/servers/") + server.id)},
                                          {QStringLiteral("OS-DCF:diskConfig"), QStringLiteral("MANUAL")},
                                          {QStringLiteral("adminPass"), QString::fromLatin1(password.left(8).toBase64().left(12))},
                                          {QStringLiteral("security_groups"), groupArray}}}});
}

void ComputeService::serverAction(Call &call, const QString &id)
{
    Exchange &ex = call.ex;
    QJsonObject request;
    Server *server = findServerWithBody(call, id, &request);
    if (!server)
        return;
    if (request.size() != 1) {
        novaFault(ex, 400, QStringLiteral("Malformed request body"));
        return;
    }
    const QString action = request.constBegin().key();
    if (action == QLatin1String("createImage")) {
        if (!request.value(action).isObject()) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute createImage. Value: %1. %1 is not of type 'object'")
                                   .arg(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))));
            return;
        }
        createImage(call, *server, request.value(action).toObject());
    } else if (action == QLatin1String("os-stop")) {
        stopStart(call, *server, true);
    } else if (action == QLatin1String("os-start")) {
        stopStart(call, *server, false);
    } else if (action == QLatin1String("os-getConsoleOutput")) {
        consoleOutput(call, *server, request.value(action));
    } else {
        novaFault(ex, 400, QStringLiteral("There is no such action: %1").arg(action));
    }
}

// Nova's get_console_output: the last `length` lines (all without one, or with -1); 409 while the
// instance has not booted (BUILD, ERROR).
void ComputeService::consoleOutput(Call &call, Server &server, const QJsonValue &body)
{
    Exchange &ex = call.ex;
    if (!body.isObject()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute os-getConsoleOutput. Value: %1. %1 is not of type 'object'")
                               .arg(body.toVariant().toString()));
        return;
    }
    const QJsonValue lengthValue = body.toObject().value(QStringLiteral("length"));
    qint64 length = -1;
    if (lengthValue.isDouble()) {
        length = lengthValue.toInteger(-2);
    } else if (lengthValue.isString()) {
        bool ok = false;
        length = lengthValue.toString().toLongLong(&ok);
        if (!ok)
            length = -2;
    } else if (!lengthValue.isUndefined() && !lengthValue.isNull()) {
        length = -2;
    }
    if (length < -1) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute length. Value: %1. %1 is less than the minimum of -1")
                               .arg(lengthValue.toVariant().toString()));
        return;
    }
    if (server.status == QLatin1String("BUILD") || server.status == QLatin1String("ERROR")) {
        novaFault(ex, 409, QStringLiteral("Instance %1 is not ready").arg(server.id));
        return;
    }
    QStringList lines = server.console.split(QLatin1Char('\n'));
    if (!server.fromScenario && server.launchedAt.isValid() && m_state.settings.bootConsoleSeconds > 0) {
        const double elapsed = double(server.launchedAt.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
        const double share = std::clamp(elapsed / m_state.settings.bootConsoleSeconds, 0.0, 1.0);
        lines = lines.mid(0, qsizetype(share * double(lines.size())));
    }
    if (length >= 0 && length < lines.size())
        lines = lines.mid(lines.size() - length);
    ex.json(200, QJsonObject{{QStringLiteral("output"), lines.join(QLatin1Char('\n'))}});
}

void ComputeService::stopStart(Call &call, Server &server, bool stop)
{
    const QString wanted = stop ? QStringLiteral("active") : QStringLiteral("stopped");
    const QString verb = stop ? QStringLiteral("stop") : QStringLiteral("start");
    if (!server.taskState.isEmpty()) {
        novaFault(call.ex, 409, QStringLiteral("Cannot '%1' instance %2 while it is in task_state %3").arg(verb, server.id, server.taskState));
        return;
    }
    if (server.vmState != wanted) {
        novaFault(call.ex, 409, QStringLiteral("Cannot '%1' instance %2 while it is in vm_state %3").arg(verb, server.id, server.vmState));
        return;
    }
    server.status = stop ? QStringLiteral("SHUTOFF") : QStringLiteral("ACTIVE");
    server.vmState = stop ? QStringLiteral("stopped") : QStringLiteral("active");
    server.powerState = stop ? 4 : 1;
    server.updatedAt = QDateTime::currentDateTimeUtc();
    call.ex.empty(202);
}

void ComputeService::createImage(Call &call, Server &server, const QJsonObject &body)
{
    Exchange &ex = call.ex;
    const QJsonValue nameValue = body.value(QStringLiteral("name"));
    if (!nameValue.isString() || nameValue.toString().trimmed().isEmpty() || nameValue.toString().size() > 255) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute name. Value: %1. 'name' is a required property")
                               .arg(nameValue.toString()));
        return;
    }
    const QJsonValue metadataValue = body.value(QStringLiteral("metadata"));
    if (!metadataValue.isUndefined() && !metadataValue.isObject()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute metadata. Value: %1. %1 is not of type 'object'")
                               .arg(metadataValue.toVariant().toString()));
        return;
    }
    const QJsonObject metadataObject = metadataValue.toObject();
    for (auto it = metadataObject.constBegin(); it != metadataObject.constEnd(); ++it) {
        if (!it.value().isString()) {
            novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute metadata. Value: %1. %1 is not of type 'string'").arg(it.key()));
            return;
        }
    }
    const bool forcedConflict = m_state.takeFault(Fault::Conflict, ex.method(), ex.path()).has_value();
    if (forcedConflict || !server.taskState.isEmpty()) {
        const QString state = server.taskState.isEmpty() ? QStringLiteral("image_snapshot") : server.taskState;
        novaFault(ex, 409, QStringLiteral("Cannot 'createImage' instance %1 while it is in task_state %2").arg(server.id, state));
        return;
    }
    static const QStringList allowed{QStringLiteral("active"), QStringLiteral("stopped"), QStringLiteral("paused"),
                                     QStringLiteral("suspended")};
    if (!allowed.contains(server.vmState)) {
        novaFault(ex, 409, QStringLiteral("Cannot 'createImage' instance %1 while it is in vm_state %2").arg(server.id, server.vmState));
        return;
    }
    if (m_state.external) {
        createRemoteSnapshot(call, server, nameValue.toString(), metadataObject);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const User user = m_state.users.value(server.userId);
    const Project project = m_state.projects.value(server.projectId);
    const Flavor *flavor = m_state.flavor(server.flavorId);
    Image image;
    image.id = CloudState::newUuid();
    image.name = nameValue.toString();
    // Nova (compute/utils.py initialize_instance_snapshot_metadata): the snapshot belongs to the caller's
    // project; an admin's snapshot of another project's server is "shared" with the server's project.
    image.ownerId = call.token.projectId;
    image.visibility = server.projectId == call.token.projectId ? QStringLiteral("private") : QStringLiteral("shared");
    image.diskFormat = server.bootDiskFormat;
    image.containerFormat = server.bootContainerFormat;
    image.minRam = server.bootMinRam;
    image.minDisk = std::max(server.bootMinDisk, flavor ? flavor->diskGiB : 0);
    image.createdAt = now;
    image.updatedAt = now;
    QJsonObject properties = server.bootImageProperties;
    for (const QString &key : NonInheritable)
        properties.remove(key);
    for (const QString &key : properties.keys()) {
        if (key.startsWith(QLatin1String("os_glance")))
            properties.remove(key);
    }
    const QJsonObject extra = metadataValue.toObject();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        properties.insert(it.key(), it.value());
    properties.insert(QStringLiteral("instance_uuid"), server.id);
    properties.insert(QStringLiteral("user_id"), server.userId);
    properties.insert(QStringLiteral("image_type"), QStringLiteral("snapshot"));
    properties.insert(QStringLiteral("base_image_ref"), server.imageId);
    properties.insert(QStringLiteral("owner_project_name"), project.name);
    properties.insert(QStringLiteral("owner_user_name"), user.name);
    properties.insert(QStringLiteral("boot_roles"), user.roles.join(QLatin1Char(',')));
    if (server.projectId != call.token.projectId)
        properties.insert(QStringLiteral("instance_owner"), server.projectId);
    if (server.imageId.isEmpty()) {
        // Volume-backed (nova.compute.api.API.snapshot_volume_backed): Nova snapshots every volume of
        // the instance in Cinder (forced, named "snapshot for <image name>", described as the volume)
        // and registers a 0-byte image whose block_device_mapping lists the snapshots (fields as
        // nova.block_device.snapshot_from_bdm + get_image_mapping); it has no data (download 204).
        // Nova asks Cinder with the caller's token, so the snapshots are the caller's project's, as the
        // image is: an admin's snapshot of another project's server leaves nothing in that project.
        const bool snapshotError = m_state.takeFault(Fault::VolumeSnapshotError, ex.method(), ex.path()).has_value();
        QJsonArray mappings;
        for (int i = 0; i < server.volumeIds.size(); ++i) {
            const Volume volume = m_state.volumes.value(server.volumeIds.at(i));
            QString device = server.rootDeviceName;
            for (const VolumeAttachment &a : volume.attachments) {
                if (a.serverId == server.id)
                    device = a.device;
            }
            const VolumeSnapshot &snapshot = m_state.snapshotVolume(volume, call.token.projectId, call.token.userId,
                                                                    QStringLiteral("snapshot for %1").arg(image.name),
                                                                    volume.description, QJsonObject(), snapshotError && i == 0);
            mappings.append(QJsonObject{{QStringLiteral("boot_index"), i == 0 ? QJsonValue(0) : QJsonValue(QJsonValue::Null)},
                                        {QStringLiteral("guest_format"), QJsonValue::Null},
                                        {QStringLiteral("no_device"), QJsonValue::Null},
                                        {QStringLiteral("image_id"), QJsonValue::Null},
                                        {QStringLiteral("volume_id"), QJsonValue::Null},
                                        {QStringLiteral("device_name"), device},
                                        {QStringLiteral("disk_bus"), QStringLiteral("virtio")},
                                        {QStringLiteral("volume_size"), volume.sizeGiB},
                                        {QStringLiteral("source_type"), QStringLiteral("snapshot")},
                                        {QStringLiteral("destination_type"), QStringLiteral("volume")},
                                        {QStringLiteral("delete_on_termination"), server.deleteOnTermination.contains(volume.id)},
                                        {QStringLiteral("tag"), QJsonValue::Null},
                                        {QStringLiteral("snapshot_id"), snapshot.id},
                                        {QStringLiteral("volume_type"), QJsonValue::Null},
                                        {QStringLiteral("device_type"), QStringLiteral("disk")}});
        }
        properties.insert(QStringLiteral("block_device_mapping"),
                          QString::fromUtf8(QJsonDocument(mappings).toJson(QJsonDocument::Compact)));
        properties.insert(QStringLiteral("bdm_v2"), QStringLiteral("True"));
        properties.insert(QStringLiteral("root_device_name"), server.rootDeviceName);
        image.status = QStringLiteral("active");
        image.properties = properties;
        image.virtualSize = -1;
        m_state.images.insert(image.id, image);
    } else {
        image.properties = properties;
        SnapshotJob job;
        job.imageId = image.id;
        job.startedAt = now;
        job.endsKilled = m_state.takeFault(Fault::SnapshotKilled, ex.method(), ex.path()).has_value();
        job.vanishes = m_state.takeFault(Fault::SnapshotVanishes, ex.method(), ex.path()).has_value();
        // The snapshot holds the disk as it is now: base image plus everything written since boot.
        m_state.hashJobs.insert(image.id, m_state.startHashing(server.disk));
        server.snapshot = job;
        m_state.watchServer(server.id);
        m_state.setTaskState(server, QStringLiteral("image_snapshot_pending"), now);
        m_state.images.insert(image.id, image);
        m_state.stateLog.append(StateChange{image.id, QStringLiteral("status"), image.status, now});
    }
    if (call.minor >= 45) {
        ex.json(202, QJsonObject{{QStringLiteral("image_id"), image.id}});
    } else {
        // Before 2.45 the id is only in the Location header, which Nova builds from Glance's URL.
        ex.setHeader("Location", (ex.baseUrl() + QStringLiteral("/image/images/") + image.id).toUtf8());
        ex.empty(202);
    }
}

QJsonObject ComputeService::volumeAttachmentJson(const Call &call, const Server &server, const QString &volumeId, bool attachAnswer) const
{
    // From 2.89 list and show have attachment_id and bdm_uuid instead of id; the attach answer keeps id.
    const bool newShape = call.minor >= 89 && !attachAnswer;
    VolumeAttachment attachment;
    for (const VolumeAttachment &a : m_state.volumes.value(volumeId).attachments) {
        if (a.serverId == server.id)
            attachment = a;
    }
    QJsonObject json{{QStringLiteral("device"), attachment.device},
                     {QStringLiteral("serverId"), server.id},
                     {QStringLiteral("volumeId"), volumeId}};
    if (!newShape)
        json.insert(QStringLiteral("id"), volumeId);
    if (call.minor >= 70)
        json.insert(QStringLiteral("tag"), QJsonValue::Null);
    if (call.minor >= 79)
        json.insert(QStringLiteral("delete_on_termination"), server.deleteOnTermination.contains(volumeId));
    if (newShape) {
        json.insert(QStringLiteral("attachment_id"), attachment.attachmentId);
        json.insert(QStringLiteral("bdm_uuid"), http::stableUuid(server.id + volumeId));
    }
    return json;
}

void ComputeService::volumeAttachments(Call &call, const QString &id)
{
    Server *server = findServer(call, id);
    if (!server)
        return;
    QJsonArray list;
    for (const QString &volumeId : server->volumeIds)
        list.append(volumeAttachmentJson(call, *server, volumeId));
    call.ex.json(200, QJsonObject{{QStringLiteral("volumeAttachments"), list}});
}

void ComputeService::showVolumeAttachment(Call &call, const QString &id, const QString &volumeId)
{
    Server *server = findServer(call, id);
    if (!server)
        return;
    if (!server->volumeIds.contains(volumeId)) {
        novaFault(call.ex, 404, QStringLiteral("Instance %1 is not attached.").arg(volumeId));
        return;
    }
    call.ex.json(200, QJsonObject{{QStringLiteral("volumeAttachment"), volumeAttachmentJson(call, *server, volumeId)}});
}

void ComputeService::attachVolume(Call &call, const QString &id)
{
    Exchange &ex = call.ex;
    QJsonObject request;
    Server *server = findServerWithBody(call, id, &request);
    if (!server)
        return;
    const QJsonObject body = request.value(QStringLiteral("volumeAttachment")).toObject();
    const QString volumeId = body.value(QStringLiteral("volumeId")).toString();
    if (volumeId.isEmpty()) {
        novaFault(ex, 400, QStringLiteral("Invalid input for field/attribute volumeAttachment. 'volumeId' is a required property"));
        return;
    }
    static const QStringList attachable{QStringLiteral("active"), QStringLiteral("stopped"), QStringLiteral("paused"),
                                        QStringLiteral("suspended")};
    if (!attachable.contains(server->vmState) || !server->taskState.isEmpty()) {
        novaFault(ex, 409, QStringLiteral("Cannot 'attach_volume' instance %1 while it is in vm_state %2").arg(server->id, server->vmState));
        return;
    }
    Volume *volume = m_state.volume(call.token.projectId, volumeId);
    if (!volume) {
        novaFault(ex, 404, QStringLiteral("Volume %1 could not be found.").arg(volumeId));
        return;
    }
    if (volume->status != QLatin1String("available")) {
        novaFault(ex, 400, QStringLiteral("Invalid volume: volume '%1' status must be 'available'. Currently in '%2'")
                               .arg(volumeId, volume->status));
        return;
    }
    // libvirt picks the device itself; a requested name is used when it is free.
    QString device = body.value(QStringLiteral("device")).toString();
    if (!device.startsWith(QLatin1String("/dev/")) || !m_state.deviceFree(*server, device))
        device = m_state.nextDeviceName(*server);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    volume->attachments = {VolumeAttachment{server->id, CloudState::newUuid(), device, now}};
    m_state.startVolumeTransition(*volume, QStringLiteral("attaching"), QStringLiteral("in-use"), now);
    server->volumeIds.append(volumeId);
    if (call.minor >= 79 && body.value(QStringLiteral("delete_on_termination")).toBool())
        server->deleteOnTermination.append(volumeId);
    server->updatedAt = now;
    if (call.minor >= 101) {
        ex.empty(202);
        return;
    }
    ex.json(200, QJsonObject{{QStringLiteral("volumeAttachment"), volumeAttachmentJson(call, *server, volumeId, true)}});
}

void ComputeService::detachVolume(Call &call, const QString &id, const QString &volumeId)
{
    Exchange &ex = call.ex;
    Server *server = findServer(call, id);
    if (!server)
        return;
    if (!server->volumeIds.contains(volumeId)) {
        novaFault(ex, 404, QStringLiteral("Volume %1 is not attached to the instance %2.").arg(volumeId, server->id));
        return;
    }
    if (server->imageId.isEmpty() && server->volumeIds.constFirst() == volumeId) {
        novaFault(ex, 400, QStringLiteral("Cannot detach a root device volume"));
        return;
    }
    Volume *volume = m_state.volume(call.token.projectId, volumeId);
    if (volume && volume->status != QLatin1String("in-use")) {
        novaFault(ex, 400, QStringLiteral("Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status "
                                          "must be 'attached' to detach. Currently: status '%1'").arg(volume->status));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    server->volumeIds.removeAll(volumeId);
    server->deleteOnTermination.removeAll(volumeId);
    server->updatedAt = now;
    if (volume) {
        volume->attachments.clear();
        m_state.startVolumeTransition(*volume, QStringLiteral("detaching"), QStringLiteral("available"), now);
    }
    ex.empty(202);
}

void ComputeService::listFlavors(Call &call, bool detail)
{
    QJsonArray list;
    for (const Flavor &flavor : m_state.flavors)
        list.append(flavorJson(call, flavor.id, detail));
    call.ex.json(200, QJsonObject{{QStringLiteral("flavors"), list}});
}

void ComputeService::showFlavor(Call &call, const QString &id)
{
    if (!m_state.flavor(id)) {
        novaFault(call.ex, 404, QStringLiteral("Flavor %1 could not be found.").arg(id));
        return;
    }
    call.ex.json(200, QJsonObject{{QStringLiteral("flavor"), flavorJson(call, id, true)}});
}

void ComputeService::flavorExtraSpecs(Call &call, const QString &id)
{
    const Flavor *flavor = m_state.flavor(id);
    if (!flavor) {
        novaFault(call.ex, 404, QStringLiteral("Flavor %1 could not be found.").arg(id));
        return;
    }
    call.ex.json(200, QJsonObject{{QStringLiteral("extra_specs"), flavor->extraSpecs}});
}

void ComputeService::listKeyPairs(Call &call)
{
    QJsonArray list;
    for (const KeyPair &key : m_state.keyPairs) {
        if (key.userId != call.token.userId)
            continue;
        QJsonObject k{{QStringLiteral("name"), key.name},
                      {QStringLiteral("public_key"), key.publicKey},
                      {QStringLiteral("fingerprint"), key.fingerprint}};
        if (call.minor >= 2)
            k.insert(QStringLiteral("type"), key.type);
        list.append(QJsonObject{{QStringLiteral("keypair"), k}});
    }
    call.ex.json(200, QJsonObject{{QStringLiteral("keypairs"), list}});
}

void ComputeService::showKeyPair(Call &call, const QString &name)
{
    const KeyPair *key = m_state.keyPair(call.token.userId, name);
    if (!key) {
        novaFault(call.ex, 404, QStringLiteral("Keypair %1 not found for user %2").arg(name, call.token.userId));
        return;
    }
    QJsonObject k{{QStringLiteral("name"), key->name},
                  {QStringLiteral("public_key"), key->publicKey},
                  {QStringLiteral("fingerprint"), key->fingerprint},
                  {QStringLiteral("user_id"), key->userId},
                  {QStringLiteral("created_at"), key->createdAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))},
                  {QStringLiteral("deleted"), false},
                  {QStringLiteral("deleted_at"), QJsonValue::Null},
                  {QStringLiteral("updated_at"), QJsonValue::Null},
                  {QStringLiteral("id"), 1}};
    if (call.minor >= 2)
        k.insert(QStringLiteral("type"), key->type);
    call.ex.json(200, QJsonObject{{QStringLiteral("keypair"), k}});
}

void ComputeService::availabilityZones(Call &call)
{
    QJsonArray zones;
    for (const QString &zone : std::as_const(m_state.settings.availabilityZones))
        zones.append(QJsonObject{{QStringLiteral("zoneName"), zone},
                                 {QStringLiteral("zoneState"), QJsonObject{{QStringLiteral("available"), true}}},
                                 {QStringLiteral("hosts"), QJsonValue::Null}});
    call.ex.json(200, QJsonObject{{QStringLiteral("availabilityZoneInfo"), zones}});
}

void ComputeService::createRemoteSnapshot(Call &call, Server &server, const QString &name, const QJsonObject &metadata)
{
    Exchange &ex = call.ex;
    if (server.imageId.isEmpty()) {
        novaFault(ex, 400, QStringLiteral("The fake cloud's external mode cannot snapshot volume-backed server %1.").arg(server.id));
        return;
    }
    const Flavor *flavor = m_state.flavor(server.flavorId);
    // What Nova puts on a snapshot: the boot image's inheritable metadata, the request's metadata, and
    // the instance's own properties; Glance adds owner (from the caller's token), checksum and hashes.
    QJsonObject properties = server.bootImageProperties;
    for (const QString &key : NonInheritable)
        properties.remove(key);
    for (const QString &key : properties.keys()) {
        if (key.startsWith(QLatin1String("os_glance")))
            properties.remove(key);
    }
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
        properties.insert(it.key(), it.value());
    properties.insert(QStringLiteral("instance_uuid"), server.id);
    properties.insert(QStringLiteral("user_id"), server.userId);
    properties.insert(QStringLiteral("image_type"), QStringLiteral("snapshot"));
    properties.insert(QStringLiteral("base_image_ref"), server.imageId);
    properties.insert(QStringLiteral("owner_project_name"), call.projectName);
    properties.insert(QStringLiteral("owner_user_name"), call.userName);
    properties.insert(QStringLiteral("boot_roles"), call.roles.join(QLatin1Char(',')));
    QJsonObject body = properties;
    body.insert(QStringLiteral("name"), name);
    body.insert(QStringLiteral("disk_format"), server.bootDiskFormat);
    body.insert(QStringLiteral("container_format"), server.bootContainerFormat);
    body.insert(QStringLiteral("visibility"), QStringLiteral("private"));
    body.insert(QStringLiteral("min_disk"), std::max(server.bootMinDisk, flavor ? flavor->diskGiB : 0));
    body.insert(QStringLiteral("min_ram"), server.bootMinRam);
    const std::shared_ptr<RemoteCloud> external = m_state.external;
    QString imageId;
    QString error;
    if (!external->createImage(call.token.id, body, &imageId, &error)) {
        qCWarning(lcFake) << "external mode: createImage of" << server.id << "failed:" << error;
        novaFault(ex, 500, QStringLiteral("Unexpected API Error: the snapshot image could not be created: %1").arg(error));
        return;
    }
    const QString endpoint = external->imageEndpoint(&error);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SnapshotJob job;
    job.imageId = imageId;
    job.startedAt = now;
    auto upload = std::make_shared<RemoteTransfer>();
    m_state.remoteUploads.insert(imageId, upload);
    server.snapshot = job;
    m_state.watchServer(server.id);
    m_state.setTaskState(server, QStringLiteral("image_snapshot_pending"), now);
    // Nova uploads once the hypervisor has written the snapshot (image_snapshot_pending + image_snapshot:
    // Glance shows queued); the PUT makes Glance show saving, then active.
    const auto &steps = m_state.settings.snapshotStepSeconds;
    const double delay = steps.value(0) + steps.value(1);
    const VirtualDisk disk = server.disk; // the disk as it is now, frozen
    const QString token = call.token.id;
    m_state.startWorker([external, upload, disk, token, imageId, delay] {
        std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<qint64>(delay * 1000)));
        QString why;
        const bool ok = external->uploadImage(token, imageId, disk, &why);
        if (!ok) {
            qCWarning(lcFake) << "external mode: upload of snapshot" << imageId << "failed:" << why;
            QString ignored;
            external->deleteImage(token, imageId, &ignored); // Nova deletes a failed snapshot
        }
        upload->ok = ok;
        upload->error = why;
        upload->done = true;
    });
    if (call.minor >= 45) {
        ex.json(202, QJsonObject{{QStringLiteral("image_id"), imageId}});
    } else {
        // Nova builds the Location from Glance's URL: <glance endpoint>/images/<id>.
        ex.setHeader("Location", (endpoint + QStringLiteral("/images/") + imageId).toUtf8());
        ex.empty(202);
    }
}

bool ComputeService::bootFromRemoteImage(Call &call, Server &server, const QString &imageId, int flavorDiskGiB, int flavorRamMiB)
{
    Exchange &ex = call.ex;
    const std::shared_ptr<RemoteCloud> external = m_state.external;
    RemoteImage image;
    int status = 0;
    QString error;
    if (!external->showImage(call.token.id, imageId, &image, &status, &error)) {
        if (status == 404 || status == 403)
            novaFault(ex, 400, QStringLiteral("Image %1 could not be found.").arg(imageId));
        else
            novaFault(ex, 500, QStringLiteral("Unexpected API Error: %1").arg(error));
        return false;
    }
    if (image.status != QLatin1String("active")) {
        novaFault(ex, 400, QStringLiteral("Image %1 is not active.").arg(imageId));
        return false;
    }
    const qint64 flavorBytes = qint64(flavorDiskGiB) << 30;
    if (flavorDiskGiB > 0 && image.size > flavorBytes) {
        novaFault(ex, 400, QStringLiteral("Flavor's disk is too small for requested image. Flavor disk is %1 bytes, image is %2 bytes.")
                               .arg(flavorBytes).arg(image.size));
        return false;
    }
    if (flavorDiskGiB > 0 && image.minDisk > flavorDiskGiB) {
        novaFault(ex, 400, QStringLiteral("Flavor's disk is too small for requested image. Flavor disk is %1 bytes, minimum required by image is %2 bytes.")
                               .arg(flavorBytes).arg(qint64(image.minDisk) << 30));
        return false;
    }
    if (image.minRam > flavorRamMiB) {
        novaFault(ex, 400, QStringLiteral("Flavor's memory is too small for requested image."));
        return false;
    }
    server.imageId = image.id;
    server.bootImageProperties = image.properties;
    server.bootDiskFormat = image.diskFormat;
    server.bootContainerFormat = image.containerFormat;
    server.bootMinDisk = image.minDisk;
    server.bootMinRam = image.minRam;
    // Nova's compute host downloads the image while the server builds; it turns ACTIVE (or ERROR)
    // once the bytes are there.
    auto download = std::make_shared<RemoteTransfer>();
    server.bootDownload = download;
    const QString path = m_state.newDataFilePath();
    const QString token = call.token.id;
    const QString id = image.id;
    m_state.startWorker([external, download, token, id, path] {
        QString why;
        qint64 size = 0;
        const bool ok = external->downloadImage(token, id, path, &size, &why);
        if (ok && size > 0)
            download->disk = VirtualDisk(std::make_shared<FileDiskSource>(path, size));
        else
            QFile::remove(path);
        if (!ok)
            qCWarning(lcFake) << "external mode: download of image" << id << "failed:" << why;
        download->ok = ok;
        download->error = ok ? QString() : QStringLiteral("Build of instance aborted: %1").arg(why);
        download->done = true;
    });
    return true;
}

} // namespace fake
