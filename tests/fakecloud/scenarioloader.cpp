#include "scenarioloader.h"

#include "adminapi.h"
#include "cloudstate.h"
#include "generateddisksource.h"
#include "httphelpers.h"
#include "ports.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <thread>

namespace fake {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QByteArray writeBytes(const QJsonObject &write, bool *ok)
{
    *ok = true;
    if (write.contains(QStringLiteral("text")))
        return write.value(QStringLiteral("text")).toString().toUtf8();
    if (write.contains(QStringLiteral("hex")))
        return QByteArray::fromHex(write.value(QStringLiteral("hex")).toString().toLatin1());
    if (write.contains(QStringLiteral("base64")))
        return QByteArray::fromBase64(write.value(QStringLiteral("base64")).toString().toLatin1());
    if (write.contains(QStringLiteral("random"))) {
        // {"random": {"seed": 7, "length": "1 MiB"}}: deterministic incompressible bytes.
        const QJsonObject r = write.value(QStringLiteral("random")).toObject();
        const qint64 length = http::parseSize(r.value(QStringLiteral("length")), ok);
        if (!*ok || length <= 0 || length > 512 * 1024 * 1024) {
            *ok = false;
            return {};
        }
        GeneratedDiskSource source(static_cast<quint64>(r.value(QStringLiteral("seed")).toInteger(1)) * 7919 + 13, length);
        QByteArray bytes(length, Qt::Uninitialized);
        source.read(0, bytes.data(), length);
        return bytes;
    }
    *ok = false;
    return {};
}

// Applies a scenario's `writes` ("what users wrote") to a disk; false on a bad entry.
bool applyWrites(const QJsonValue &writes, VirtualDisk &disk)
{
    for (const QJsonValue &w : writes.toArray()) {
        bool ok = true;
        const QByteArray bytes = writeBytes(w.toObject(), &ok);
        const qint64 offset = http::parseSize(w[QStringLiteral("offset")], &ok);
        if (!ok || offset < 0)
            return false;
        disk.write(offset, bytes);
    }
    return true;
}

} // namespace

ScenarioLoader::ScenarioLoader(CloudState &state)
    : m_state(state)
{
}

bool ScenarioLoader::load(const QJsonObject &scenario, QString *error)
{
    m_state.clear();
    m_state.settings = Settings();
    return loadSettings(scenario.value(QStringLiteral("settings")).toObject(), error) && loadIdentity(scenario, error)
        && loadCompute(scenario, error) && loadImages(scenario, error) && loadVolumes(scenario, error)
        && loadServers(scenario, error)
        && generateProjects(scenario.value(QStringLiteral("generated_projects")).toObject(), m_state, error);
}

bool ScenarioLoader::loadSettings(const QJsonObject &s, QString *error)
{
    Settings &settings = m_state.settings;
    settings.tokenLifetimeSeconds = s.value(QStringLiteral("token_lifetime_seconds")).toInt(settings.tokenLifetimeSeconds);
    auto minorOf = [](const QJsonValue &v, int fallback) {
        const QString text = v.toString();
        return text.isEmpty() ? fallback : text.section(QLatin1Char('.'), 1).toInt();
    };
    settings.computeMaxMinor = minorOf(s.value(QStringLiteral("compute_max_microversion")), settings.computeMaxMinor);
    settings.computeMinMinor = minorOf(s.value(QStringLiteral("compute_min_microversion")), settings.computeMinMinor);
    settings.volumeMaxMinor = minorOf(s.value(QStringLiteral("volume_max_microversion")), settings.volumeMaxMinor);
    if (settings.computeMinMinor < 1 || settings.computeMaxMinor < settings.computeMinMinor) {
        *error = QStringLiteral("settings: bad compute microversion range");
        return false;
    }
    if (s.contains(QStringLiteral("snapshot_step_seconds"))) {
        settings.snapshotStepSeconds.clear();
        for (const QJsonValue &v : s.value(QStringLiteral("snapshot_step_seconds")).toArray())
            settings.snapshotStepSeconds.append(v.toDouble());
        if (settings.snapshotStepSeconds.size() != 4) {
            *error = QStringLiteral("settings: snapshot_step_seconds needs 4 durations");
            return false;
        }
    }
    settings.buildSeconds = s.value(QStringLiteral("build_seconds")).toDouble(settings.buildSeconds);
    settings.bootConsole = s.value(QStringLiteral("boot_console")).toString(settings.bootConsole);
    settings.bootConsoleSeconds = s.value(QStringLiteral("boot_console_seconds")).toDouble(settings.bootConsoleSeconds);
    settings.volumeStepSeconds = s.value(QStringLiteral("volume_step_seconds")).toDouble(settings.volumeStepSeconds);
    settings.volumeSnapshotSeconds = s.value(QStringLiteral("volume_snapshot_seconds")).toDouble(settings.volumeSnapshotSeconds);
    applyVolumeQuota(s.value(QStringLiteral("volume_quota")).toObject(), settings);
    settings.imagePageSize = s.value(QStringLiteral("image_page_size")).toInt(settings.imagePageSize);
    settings.imageMaxPageSize = s.value(QStringLiteral("image_max_page_size")).toInt(settings.imageMaxPageSize);
    settings.serverMaxPageSize = s.value(QStringLiteral("server_max_page_size")).toInt(settings.serverMaxPageSize);
    settings.imageMultihash = s.value(QStringLiteral("image_multihash")).toBool(settings.imageMultihash);
    if (s.contains(QStringLiteral("regions")))
        settings.regions = stringList(s.value(QStringLiteral("regions")));
    if (s.contains(QStringLiteral("availability_zones")))
        settings.availabilityZones = stringList(s.value(QStringLiteral("availability_zones")));
    return true;
}

QString ScenarioLoader::projectRef(const QString &ref) const
{
    if (m_state.projects.contains(ref))
        return ref;
    for (const Project &p : m_state.projects) {
        if (p.name == ref)
            return p.id;
    }
    return {};
}

QString ScenarioLoader::userRef(const QString &ref) const
{
    if (m_state.users.contains(ref))
        return ref;
    for (const User &u : m_state.users) {
        if (u.name == ref)
            return u.id;
    }
    return {};
}

QString ScenarioLoader::imageRef(const QString &ref) const
{
    if (m_state.images.contains(ref))
        return ref;
    for (const Image &i : m_state.images) {
        if (i.name == ref)
            return i.id;
    }
    return {};
}

bool ScenarioLoader::loadIdentity(const QJsonObject &scenario, QString *error)
{
    m_state.domains.insert(QStringLiteral("default"), QStringLiteral("Default"));
    for (const QJsonValue &v : scenario.value(QStringLiteral("domains")).toArray())
        m_state.domains.insert(v[QStringLiteral("id")].toString(), v[QStringLiteral("name")].toString());
    for (const QJsonValue &v : scenario.value(QStringLiteral("projects")).toArray()) {
        Project p;
        p.name = v[QStringLiteral("name")].toString();
        p.id = v[QStringLiteral("id")].toString(http::stableHexId(QStringLiteral("project:") + p.name));
        p.domainId = v[QStringLiteral("domain")].toString(QStringLiteral("default"));
        p.description = v[QStringLiteral("description")].toString();
        if (p.name.isEmpty() || !m_state.domains.contains(p.domainId)) {
            *error = QStringLiteral("project %1: needs a name and a known domain").arg(p.name);
            return false;
        }
        m_state.projects.insert(p.id, p);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("users")).toArray()) {
        User u;
        u.name = v[QStringLiteral("name")].toString();
        u.id = v[QStringLiteral("id")].toString(http::stableHexId(QStringLiteral("user:") + u.name));
        u.domainId = v[QStringLiteral("domain")].toString(QStringLiteral("default"));
        u.password = v[QStringLiteral("password")].toString();
        u.roles = v[QStringLiteral("roles")].isArray() ? stringList(v[QStringLiteral("roles")])
                                                       : QStringList{QStringLiteral("member"), QStringLiteral("reader")};
        for (const QString &ref : stringList(v[QStringLiteral("projects")])) {
            const QString id = projectRef(ref);
            if (id.isEmpty()) {
                *error = QStringLiteral("user %1: unknown project %2").arg(u.name, ref);
                return false;
            }
            u.projectIds.append(id);
        }
        u.defaultProjectId = projectRef(v[QStringLiteral("default_project")].toString());
        m_state.users.insert(u.id, u);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("application_credentials")).toArray()) {
        AppCredential c;
        c.name = v[QStringLiteral("name")].toString();
        c.secret = v[QStringLiteral("secret")].toString();
        c.userId = userRef(v[QStringLiteral("user")].toString());
        c.projectId = projectRef(v[QStringLiteral("project")].toString());
        c.id = v[QStringLiteral("id")].toString(http::stableHexId(QStringLiteral("appcred:") + c.name));
        c.unrestricted = v[QStringLiteral("unrestricted")].toBool();
        if (c.userId.isEmpty() || c.projectId.isEmpty() || c.secret.isEmpty()) {
            *error = QStringLiteral("application credential %1: needs user, project and secret").arg(c.name);
            return false;
        }
        m_state.appCredentials.insert(c.id, c);
    }
    return true;
}

bool ScenarioLoader::loadCompute(const QJsonObject &scenario, QString *error)
{
    for (const QJsonValue &v : scenario.value(QStringLiteral("flavors")).toArray()) {
        Flavor f;
        f.id = v[QStringLiteral("id")].toVariant().toString();
        f.name = v[QStringLiteral("name")].toString();
        f.vcpus = v[QStringLiteral("vcpus")].toInt(1);
        f.ramMiB = v[QStringLiteral("ram")].toInt(512);
        f.diskGiB = v[QStringLiteral("disk")].toInt(1);
        f.ephemeralGiB = v[QStringLiteral("ephemeral")].toInt(0);
        f.swapMiB = v[QStringLiteral("swap")].toInt(0);
        f.description = v[QStringLiteral("description")].toString();
        f.extraSpecs = v[QStringLiteral("extra_specs")].toObject();
        if (f.id.isEmpty() || f.name.isEmpty()) {
            *error = QStringLiteral("flavor: needs id and name");
            return false;
        }
        m_state.flavors.append(f);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("networks")).toArray()) {
        Network n;
        n.name = v[QStringLiteral("name")].toString();
        n.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("network:") + n.name));
        n.projectId = projectRef(v[QStringLiteral("project")].toString());
        n.cidr = v[QStringLiteral("cidr")].toString(QStringLiteral("10.0.0.0/24"));
        n.shared = v[QStringLiteral("shared")].toBool();
        n.external = v[QStringLiteral("external")].toBool();
        n.subnetId = http::stableUuid(QStringLiteral("subnet:") + n.id);
        m_state.networks.append(n);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("keypairs")).toArray()) {
        KeyPair k;
        k.name = v[QStringLiteral("name")].toString();
        k.userId = userRef(v[QStringLiteral("user")].toString());
        k.publicKey = v[QStringLiteral("public_key")].toString();
        k.type = v[QStringLiteral("type")].toString(QStringLiteral("ssh"));
        const QByteArray digest = QCryptographicHash::hash(k.publicKey.toUtf8(), QCryptographicHash::Md5).toHex();
        for (int i = 0; i < digest.size(); i += 2)
            k.fingerprint += (i ? QStringLiteral(":") : QString()) + QString::fromLatin1(digest.mid(i, 2));
        k.createdAt = QDateTime::currentDateTimeUtc();
        if (k.userId.isEmpty()) {
            *error = QStringLiteral("keypair %1: unknown user").arg(k.name);
            return false;
        }
        m_state.keyPairs.append(k);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("security_groups")).toArray()) {
        SecurityGroup g;
        g.name = v[QStringLiteral("name")].toString();
        g.projectId = projectRef(v[QStringLiteral("project")].toString());
        g.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("secgroup:") + g.projectId + g.name));
        g.description = v[QStringLiteral("description")].toString();
        m_state.securityGroups.append(g);
    }
    for (const QJsonValue &v : scenario.value(QStringLiteral("server_groups")).toArray()) {
        ServerGroup g;
        g.name = v[QStringLiteral("name")].toString();
        g.projectId = projectRef(v[QStringLiteral("project")].toString());
        g.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("servergroup:") + g.projectId + g.name));
        g.policy = v[QStringLiteral("policy")].toString(QStringLiteral("anti-affinity"));
        m_state.serverGroups.append(g);
    }
    // Every project has Neutron's "default" group.
    for (const Project &p : m_state.projects) {
        if (!m_state.securityGroup(p.id, QStringLiteral("default"))) {
            m_state.securityGroups.append(SecurityGroup{http::stableUuid(QStringLiteral("secgroup:") + p.id + QStringLiteral("default")),
                                                        QStringLiteral("default"), p.id, QStringLiteral("Default security group")});
        }
    }
    return true;
}

bool ScenarioLoader::loadImages(const QJsonObject &scenario, QString *error)
{
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
    int index = 0;
    std::vector<std::thread> workers;
    std::vector<std::pair<QString, std::shared_ptr<ImageData>>> results;
    const QJsonArray images = scenario.value(QStringLiteral("images")).toArray();
    results.reserve(static_cast<size_t>(images.size()));
    for (const QJsonValue &v : images) {
        Image image;
        image.name = v[QStringLiteral("name")].toString();
        image.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("image:") + image.name));
        image.status = v[QStringLiteral("status")].toString(QStringLiteral("active"));
        image.diskFormat = v[QStringLiteral("disk_format")].toString(QStringLiteral("qcow2"));
        image.containerFormat = v[QStringLiteral("container_format")].toString(QStringLiteral("bare"));
        image.visibility = v[QStringLiteral("visibility")].toString(QStringLiteral("public"));
        image.ownerId = projectRef(v[QStringLiteral("owner")].toString());
        image.minDisk = v[QStringLiteral("min_disk")].toInt();
        image.minRam = v[QStringLiteral("min_ram")].toInt();
        image.isProtected = v[QStringLiteral("protected")].toBool();
        image.hidden = v[QStringLiteral("os_hidden")].toBool();
        image.tags = stringList(v[QStringLiteral("tags")]);
        image.properties = v[QStringLiteral("properties")].toObject();
        for (auto it = image.properties.begin(); it != image.properties.end(); ++it) {
            if (!it.value().isString()) {
                *error = QStringLiteral("image %1: property %2 must be a string").arg(image.name, it.key());
                return false;
            }
        }
        image.createdAt = base.addSecs(3600 * index++);
        image.updatedAt = image.createdAt;
        image.fromScenario = true;
        bool ok = true;
        const qint64 size = http::parseSize(v[QStringLiteral("size")], &ok);
        if (!ok || size < 0 || image.name.isEmpty()) {
            *error = QStringLiteral("image %1: needs a name and a size").arg(image.name);
            return false;
        }
        if (image.status == QLatin1String("active") && size > 0) {
            const quint64 seed = static_cast<quint64>(v[QStringLiteral("seed")].toInteger(qHash(image.id)));
            image.virtualSize = v[QStringLiteral("virtual_size")].isUndefined() ? -1
                : http::parseSize(v[QStringLiteral("virtual_size")], &ok);
            VirtualDisk disk(std::make_shared<GeneratedDiskSource>(seed, size));
            results.emplace_back(image.id, nullptr);
            auto *slot = &results.back().second;
            // Digests of big images take a while: compute them in parallel.
            workers.emplace_back([disk, slot] { *slot = CloudState::hashNow(disk); });
        }
        m_state.images.insert(image.id, image);
    }
    for (auto &worker : workers)
        worker.join();
    for (const auto &[id, data] : results)
        m_state.images[id].data = data;
    return true;
}

bool ScenarioLoader::loadVolumes(const QJsonObject &scenario, QString *error)
{
    // Cinder always has its default type; a scenario may add more (restores map types).
    m_state.volumeTypes.append(VolumeType{http::stableUuid(QStringLiteral("volume-type:__DEFAULT__")), QStringLiteral("__DEFAULT__"),
                                          QStringLiteral("Default Volume Type"), true, QJsonObject()});
    for (const QJsonValue &t : scenario.value(QStringLiteral("volume_types")).toArray()) {
        VolumeType type;
        type.name = t[QStringLiteral("name")].toString();
        type.id = t[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("volume-type:") + type.name));
        type.description = t[QStringLiteral("description")].toString();
        type.isPublic = t[QStringLiteral("is_public")].toBool(true);
        type.extraSpecs = t[QStringLiteral("extra_specs")].toObject();
        if (type.name.isEmpty() || m_state.volumeType(type.name)) {
            *error = QStringLiteral("volume type %1: needs a unique name").arg(type.name);
            return false;
        }
        m_state.volumeTypes.append(type);
    }
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-20);
    int index = 0;
    for (const QJsonValue &v : scenario.value(QStringLiteral("volumes")).toArray()) {
        Volume volume;
        volume.name = v[QStringLiteral("name")].toString();
        volume.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("volume:") + volume.name));
        volume.projectId = projectRef(v[QStringLiteral("project")].toString());
        volume.userId = userRef(v[QStringLiteral("user")].toString());
        volume.sizeGiB = v[QStringLiteral("size")].toInt(1);
        volume.description = v[QStringLiteral("description")].toString();
        volume.volumeType = v[QStringLiteral("volume_type")].toString(volume.volumeType);
        if (!m_state.volumeType(volume.volumeType)) {
            *error = QStringLiteral("volume %1: unknown volume type %2").arg(volume.name, volume.volumeType);
            return false;
        }
        volume.volumeType = m_state.volumeType(volume.volumeType)->name;
        volume.createdAt = base.addSecs(3600 * index++);
        volume.fromScenario = true;
        const QString image = v[QStringLiteral("image")].toString();
        if (!image.isEmpty()) {
            const QString imageId = imageRef(image);
            if (imageId.isEmpty()) {
                *error = QStringLiteral("volume %1: unknown image %2").arg(volume.name, image);
                return false;
            }
            const Image &img = m_state.images[imageId];
            volume.bootable = true;
            if (img.data)
                volume.disk = img.data->disk;
            volume.imageMetadata = CloudState::volumeImageMetadata(img);
        }
        if (volume.projectId.isEmpty()) {
            *error = QStringLiteral("volume %1: unknown project").arg(volume.name);
            return false;
        }
        volume.metadata = v[QStringLiteral("metadata")].toObject();
        if (!applyWrites(v[QStringLiteral("writes")], volume.disk)) {
            *error = QStringLiteral("volume %1: bad entry in writes").arg(volume.name);
            return false;
        }
        m_state.volumes.insert(volume.id, volume);
    }
    return true;
}

bool ScenarioLoader::loadServers(const QJsonObject &scenario, QString *error)
{
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-10);
    int index = 0;
    for (const QJsonValue &v : scenario.value(QStringLiteral("servers")).toArray()) {
        Server s;
        s.name = v[QStringLiteral("name")].toString();
        s.id = v[QStringLiteral("id")].toString(http::stableUuid(QStringLiteral("server:") + s.name));
        s.projectId = projectRef(v[QStringLiteral("project")].toString());
        s.userId = userRef(v[QStringLiteral("user")].toString());
        s.flavorId = v[QStringLiteral("flavor")].toVariant().toString();
        if (!m_state.flavor(s.flavorId)) {
            for (const Flavor &f : m_state.flavors) {
                if (f.name == s.flavorId)
                    s.flavorId = f.id;
            }
        }
        if (s.name.isEmpty() || s.projectId.isEmpty() || s.userId.isEmpty() || !m_state.flavor(s.flavorId)) {
            *error = QStringLiteral("server %1: needs name, project, user and a known flavor").arg(s.name);
            return false;
        }
        s.status = v[QStringLiteral("status")].toString(QStringLiteral("ACTIVE"));
        if (s.status == QLatin1String("ACTIVE")) {
            s.vmState = QStringLiteral("active");
            s.powerState = 1;
        } else if (s.status == QLatin1String("SHUTOFF")) {
            s.vmState = QStringLiteral("stopped");
            s.powerState = 4;
        } else if (s.status == QLatin1String("ERROR")) {
            s.vmState = QStringLiteral("error");
            s.powerState = 0;
            s.faultMessage = v[QStringLiteral("fault")].toString();
        } else if (s.status == QLatin1String("PAUSED")) {
            s.vmState = QStringLiteral("paused");
            s.powerState = 3;
        } else if (s.status == QLatin1String("SUSPENDED")) {
            s.vmState = QStringLiteral("suspended");
            s.powerState = 4;
        } else {
            *error = QStringLiteral("server %1: unsupported status %2").arg(s.name, s.status);
            return false;
        }
        s.keyName = v[QStringLiteral("key_name")].toString();
        s.securityGroups = v[QStringLiteral("security_groups")].isArray() ? stringList(v[QStringLiteral("security_groups")])
                                                                           : QStringList{QStringLiteral("default")};
        s.availabilityZone = v[QStringLiteral("availability_zone")].toString(QStringLiteral("nova"));
        s.metadata = v[QStringLiteral("metadata")].toObject();
        s.tags = stringList(v[QStringLiteral("tags")]);
        s.console = v[QStringLiteral("console")].toString();
        s.configDrive = v[QStringLiteral("config_drive")].toBool();
        s.userData = v[QStringLiteral("user_data")].toString(); // base64, as Nova keeps it
        if (v[QStringLiteral("description")].isString()) {
            s.description = v[QStringLiteral("description")].toString();
            s.descriptionIsNull = false;
        }
        s.createdAt = base.addSecs(3600 * index);
        s.updatedAt = s.createdAt;
        s.launchedAt = s.status == QLatin1String("ERROR") ? QDateTime() : s.createdAt.addSecs(30);
        s.instanceNumber = m_state.nextInstanceNumber++;
        s.fromScenario = true;
        int host = 0;
        for (const QString &ref : stringList(v[QStringLiteral("networks")])) {
            const Network *network = m_state.network(ref);
            if (!network) {
                *error = QStringLiteral("server %1: unknown network %2").arg(s.name, ref);
                return false;
            }
            s.networkIds.append(network->id);
            QStringList octets = network->cidr.section(QLatin1Char('/'), 0, 0).split(QLatin1Char('.'));
            if (octets.size() == 4)
                octets[3] = QString::number(10 + index + host++);
            s.fixedIps.insert(network->id, octets.join(QLatin1Char('.')));
        }
        // Each NIC is a Neutron port (ports.h) with the server's groups, as Nova would have made it.
        QStringList groupIds;
        for (const QString &groupName : std::as_const(s.securityGroups)) {
            if (const SecurityGroup *group = m_state.securityGroup(s.projectId, groupName))
                groupIds.append(group->id);
        }
        for (const QString &networkId : std::as_const(s.networkIds)) {
            const Network *network = m_state.network(networkId);
            QString ip = s.fixedIps.value(networkId);
            if (ports::holding(m_state, networkId, ip) || !ports::inSubnet(*network, ip)) {
                ip = ports::freeIp(m_state, *network);
                s.fixedIps.insert(networkId, ip);
            }
            Port &port = ports::create(m_state, *network, s.projectId, ip, groupIds, QString());
            port.deviceId = s.id;
            port.deviceOwner = QStringLiteral("compute:") + s.availabilityZone;
            port.madeByNova = true;
            port.fromScenario = true;
            s.portIds.append(port.id);
        }
        auto inherit = [&s](const Image &image) {
            s.bootImageProperties = image.properties;
            s.bootDiskFormat = image.diskFormat;
            s.bootContainerFormat = image.containerFormat;
            s.bootMinDisk = image.minDisk;
            s.bootMinRam = image.minRam;
        };
        const QString image = v[QStringLiteral("image")].toString();
        const QString bootVolume = v[QStringLiteral("boot_volume")].toString();
        if (!bootVolume.isEmpty()) {
            QString volumeId;
            for (const Volume &vol : m_state.volumes) {
                if (vol.id == bootVolume || vol.name == bootVolume)
                    volumeId = vol.id;
            }
            if (volumeId.isEmpty()) {
                *error = QStringLiteral("server %1: unknown boot volume %2").arg(s.name, bootVolume);
                return false;
            }
            Volume &vol = m_state.volumes[volumeId];
            s.volumeIds.append(volumeId);
            const QString imageId = vol.imageMetadata.value(QStringLiteral("image_id")).toString();
            if (m_state.images.contains(imageId))
                inherit(m_state.images[imageId]);
        } else {
            const QString imageId = imageRef(image);
            if (imageId.isEmpty()) {
                *error = QStringLiteral("server %1: unknown image %2").arg(s.name, image);
                return false;
            }
            const Image &img = m_state.images[imageId];
            s.imageId = imageId;
            inherit(img);
            if (img.data)
                s.disk = img.data->disk;
        }
        for (const QString &ref : stringList(v[QStringLiteral("volumes")])) {
            QString volumeId;
            for (const Volume &vol : m_state.volumes) {
                if (vol.id == ref || vol.name == ref)
                    volumeId = vol.id;
            }
            if (volumeId.isEmpty()) {
                *error = QStringLiteral("server %1: unknown volume %2").arg(s.name, ref);
                return false;
            }
            s.volumeIds.append(volumeId);
        }
        for (int i = 0; i < s.volumeIds.size(); ++i) {
            Volume &vol = m_state.volumes[s.volumeIds.at(i)];
            vol.status = QStringLiteral("in-use");
            vol.attachments = {VolumeAttachment{s.id, http::stableUuid(QStringLiteral("attachment:") + s.id + vol.id),
                                                QStringLiteral("/dev/vd%1").arg(QChar(u'a' + i + (s.imageId.isEmpty() ? 0 : 1))),
                                                s.createdAt}};
        }
        // Booted from a volume, the root disk is the volume: what users wrote lands there.
        if (!applyWrites(v[QStringLiteral("writes")], *m_state.rootDisk(s))) {
            *error = QStringLiteral("server %1: bad entry in writes").arg(s.name);
            return false;
        }
        m_state.addServer(s);
        ++index;
    }
    return true;
}

} // namespace fake
