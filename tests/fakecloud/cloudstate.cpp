#include "cloudstate.h"

#include "hasher.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcFake, "stackvault.fakecloud")

namespace fake {

void applyVolumeQuota(const QJsonObject &quota, Settings &settings)
{
    settings.quotaVolumes = quota.value(QStringLiteral("volumes")).toInt(settings.quotaVolumes);
    settings.quotaSnapshots = quota.value(QStringLiteral("snapshots")).toInt(settings.quotaSnapshots);
    settings.quotaGigabytes = quota.value(QStringLiteral("gigabytes")).toInt(settings.quotaGigabytes);
}

QJsonObject volumeQuotaJson(const Settings &settings)
{
    return QJsonObject{{QStringLiteral("volumes"), settings.quotaVolumes}, {QStringLiteral("snapshots"), settings.quotaSnapshots},
                       {QStringLiteral("gigabytes"), settings.quotaGigabytes}};
}

CloudState::CloudState() = default;

CloudState::~CloudState()
{
    joinWorkers();
}

void CloudState::clear()
{
    domains.clear();
    projects.clear();
    users.clear();
    appCredentials.clear();
    tokens.clear();
    flavors.clear();
    networks.clear();
    keyPairs.clear();
    securityGroups.clear();
    ports.clear();
    serverGroups.clear();
    images.clear();
    servers.clear();
    m_timedServers.clear();
    m_serversByProject.clear();
    volumes.clear();
    volumeSnapshots.clear();
    volumeTypes.clear();
    faults.clear();
    hashJobs.clear();
    remoteUploads.clear();
}

void CloudState::startWorker(std::function<void()> work)
{
    m_workers.emplace_back(std::move(work));
}

void CloudState::joinWorkers()
{
    for (auto &worker : m_workers) {
        if (worker.joinable())
            worker.join();
    }
    m_workers.clear();
}

QString CloudState::newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString CloudState::newHexId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString CloudState::isoTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString CloudState::isoTimeMicro(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

Token CloudState::issueToken(const QString &userId, const QString &projectId, const QStringList &methods,
                             const QString &appCredentialId)
{
    // Fernet tokens are ~180 url-safe characters; clients must not assume short ids.
    QByteArray random(132, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QByteArray auditRandom(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(auditRandom.data()), auditRandom.size() / 4);
    Token token;
    token.id = QStringLiteral("gAAAAAB")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    token.userId = userId;
    token.projectId = projectId;
    token.methods = methods;
    token.appCredentialId = appCredentialId;
    token.issuedAt = QDateTime::currentDateTimeUtc();
    token.expiresAt = token.issuedAt.addSecs(settings.tokenLifetimeSeconds);
    token.auditId = QString::fromLatin1(
        auditRandom.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).left(22));
    tokens.insert(token.id, token);
    return token;
}

const Token *CloudState::validToken(const QString &id)
{
    auto it = tokens.constFind(id);
    if (it == tokens.constEnd() || it->revoked || it->expiresAt <= QDateTime::currentDateTimeUtc())
        return nullptr;
    return &it.value();
}

const Project *CloudState::projectById(const QString &id) const
{
    auto it = projects.constFind(id);
    return it == projects.constEnd() ? nullptr : &it.value();
}

const Project *CloudState::projectByName(const QString &name, const QString &domainId) const
{
    for (const auto &project : projects) {
        if (project.name == name && project.domainId == domainId)
            return &project;
    }
    return nullptr;
}

const User *CloudState::userByName(const QString &name, const QString &domainId) const
{
    for (const auto &user : users) {
        if (user.name == name && user.domainId == domainId)
            return &user;
    }
    return nullptr;
}

QString CloudState::domainIdByName(const QString &name) const
{
    for (auto it = domains.constBegin(); it != domains.constEnd(); ++it) {
        if (it.value() == name)
            return it.key();
    }
    return {};
}

const Flavor *CloudState::flavor(const QString &id) const
{
    for (const auto &f : flavors) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

const Network *CloudState::network(const QString &idOrName) const
{
    for (const auto &n : networks) {
        if (n.id == idOrName)
            return &n;
    }
    for (const auto &n : networks) {
        if (n.name == idOrName)
            return &n;
    }
    return nullptr;
}

const SecurityGroup *CloudState::securityGroup(const QString &projectId, const QString &idOrName) const
{
    for (const auto &g : securityGroups) {
        if (g.projectId == projectId && (g.id == idOrName || g.name == idOrName))
            return &g;
    }
    return nullptr;
}

const KeyPair *CloudState::keyPair(const QString &userId, const QString &name) const
{
    for (const auto &k : keyPairs) {
        if (k.userId == userId && k.name == name)
            return &k;
    }
    return nullptr;
}

std::optional<Fault> CloudState::takeFault(Fault::Kind kind, const QString &method, const QString &path)
{
    for (int i = 0; i < faults.size(); ++i) {
        Fault &fault = faults[i];
        if (fault.kind != kind)
            continue;
        if (!fault.method.isEmpty() && fault.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (!fault.path.pattern().isEmpty() && !fault.path.match(path).hasMatch())
            continue;
        Fault taken = fault;
        ++fault.hits;
        if (--fault.remaining <= 0)
            faults.removeAt(i);
        qCInfo(lcFake) << "fault" << int(kind) << "fired on" << method << path;
        return taken;
    }
    return std::nullopt;
}

QString CloudState::newDataFilePath()
{
    return m_tempDir.filePath(QStringLiteral("image-%1.bin").arg(m_nextFile++));
}

std::shared_ptr<CloudState::HashJob> CloudState::startHashing(const VirtualDisk &disk)
{
    auto job = std::make_shared<HashJob>();
    job->disk = disk;
    // Real Glance hashes what it stores on the cloud's machines; the fake shares the client's cores.
    // Bytes it hashed already (an untouched copy of an image: a server's unwritten disk, a volume made
    // from an image) keep their digests, so that benchmarks measure the client, not the fake's hashing.
    for (const Image &image : std::as_const(images)) {
        if (image.data && image.data->disk.isUnwrittenCopyOf(disk)) {
            job->md5 = image.data->md5;
            job->sha512 = image.data->sha512;
            job->ready = true;
            return job;
        }
    }
    m_workers.emplace_back([job] {
        Hasher md5(Hasher::Md5);
        Hasher sha512(Hasher::Sha512);
        job->disk.stream(0, job->disk.size(), [&](const char *data, qint64 n) {
            md5.addData(data, n);
            sha512.addData(data, n);
            return true;
        });
        job->md5 = md5.hexResult();
        job->sha512 = sha512.hexResult();
        job->ready = true;
    });
    return job;
}

std::shared_ptr<ImageData> CloudState::imageData(const HashJob &job)
{
    auto data = std::make_shared<ImageData>();
    data->disk = job.disk;
    data->md5 = job.md5;
    data->sha512 = job.sha512;
    return data;
}

VirtualDisk *CloudState::rootDisk(Server &server)
{
    if (server.imageId.isEmpty() && !server.volumeIds.isEmpty()) {
        auto it = volumes.find(server.volumeIds.constFirst());
        if (it != volumes.end())
            return &it->disk;
    }
    return &server.disk;
}

QJsonObject CloudState::volumeImageMetadata(const Image &image)
{
    QJsonObject meta = image.properties;
    meta.insert(QStringLiteral("image_id"), image.id);
    meta.insert(QStringLiteral("image_name"), image.name);
    meta.insert(QStringLiteral("checksum"), QString::fromLatin1(image.data ? image.data->md5 : QByteArray()));
    meta.insert(QStringLiteral("container_format"), image.containerFormat);
    meta.insert(QStringLiteral("disk_format"), image.diskFormat);
    meta.insert(QStringLiteral("min_disk"), QString::number(image.minDisk));
    meta.insert(QStringLiteral("min_ram"), QString::number(image.minRam));
    meta.insert(QStringLiteral("size"), QString::number(image.data ? image.data->disk.size() : 0));
    return meta;
}

QJsonObject CloudState::imagePropertiesOf(const QJsonObject &volumeImageMetadata)
{
    static const QStringList glanceOwned{QStringLiteral("image_id"), QStringLiteral("image_name"), QStringLiteral("checksum"),
                                         QStringLiteral("container_format"), QStringLiteral("disk_format"), QStringLiteral("min_disk"),
                                         QStringLiteral("min_ram"), QStringLiteral("size")};
    QJsonObject properties = volumeImageMetadata;
    for (const QString &key : glanceOwned)
        properties.remove(key);
    return properties;
}

const VolumeType *CloudState::volumeType(const QString &nameOrId) const
{
    for (const VolumeType &type : volumeTypes) {
        if (type.id == nameOrId || type.name == nameOrId)
            return &type;
    }
    return nullptr;
}

Volume *CloudState::volume(const QString &projectId, const QString &id)
{
    auto it = volumes.find(id);
    return it == volumes.end() || it->projectId != projectId ? nullptr : &it.value();
}

VolumeSnapshot &CloudState::snapshotVolume(const Volume &volume, const QString &userId, const QString &name,
                                           const QString &description, const QJsonObject &metadata, bool endsInError)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    VolumeSnapshot snapshot;
    snapshot.id = newUuid();
    snapshot.name = name;
    snapshot.description = description;
    snapshot.volumeId = volume.id;
    snapshot.projectId = volume.projectId;
    snapshot.userId = userId;
    snapshot.sizeGiB = volume.sizeGiB;
    snapshot.metadata = metadata;
    snapshot.createdAt = now;
    snapshot.readyAt = now.addMSecs(qint64(settings.volumeSnapshotSeconds * 1000));
    snapshot.endsInError = endsInError;
    // A copy-on-write freeze of the volume's bytes (cheap), and what a volume made from it inherits.
    snapshot.disk = volume.disk;
    snapshot.bootable = volume.bootable;
    snapshot.volumeType = volume.volumeType;
    snapshot.imageMetadata = volume.imageMetadata;
    return *volumeSnapshots.insert(snapshot.id, snapshot);
}

bool CloudState::deviceFree(const Server &server, const QString &device) const
{
    if (device == server.rootDeviceName)
        return false;
    for (const QString &id : server.volumeIds) {
        for (const VolumeAttachment &a : volumes.value(id).attachments) {
            if (a.serverId == server.id && a.device == device)
                return false;
        }
    }
    return true;
}

QString CloudState::nextDeviceName(const Server &server) const
{
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        const QString device = QStringLiteral("/dev/vd") + QLatin1Char(letter);
        if (deviceFree(server, device))
            return device;
    }
    return QStringLiteral("/dev/vdzz");
}

void CloudState::startVolumeTransition(Volume &volume, const QString &status, const QString &next, const QDateTime &now)
{
    volume.status = status;
    volume.updatedAt = now;
    volume.nextStatus = next;
    volume.nextAt = now.addMSecs(qint64(settings.volumeStepSeconds * 1000));
}

std::shared_ptr<ImageData> CloudState::hashNow(const VirtualDisk &disk)
{
    auto data = std::make_shared<ImageData>();
    data->disk = disk;
    Hasher md5(Hasher::Md5);
    Hasher sha512(Hasher::Sha512);
    disk.stream(0, disk.size(), [&](const char *bytes, qint64 n) {
        md5.addData(bytes, n);
        sha512.addData(bytes, n);
        return true;
    });
    data->md5 = md5.hexResult();
    data->sha512 = sha512.hexResult();
    return data;
}

void CloudState::change(const QString &id, const QString &field, QString &value, QDateTime &updatedAt,
                        const QString &newValue, const QDateTime &at)
{
    if (value == newValue)
        return;
    value = newValue;
    updatedAt = at;
    stateLog.append(StateChange{id, field, newValue, at});
}

void CloudState::setTaskState(Server &server, const QString &taskState, const QDateTime &at)
{
    change(server.id, QStringLiteral("task_state"), server.taskState, server.updatedAt, taskState, at);
}

void CloudState::setImageStatus(Image &image, const QString &status, const QDateTime &at)
{
    change(image.id, QStringLiteral("status"), image.status, image.updatedAt, status, at);
}

Server &CloudState::addServer(Server server)
{
    const QString id = server.id;
    m_serversByProject[server.projectId].insert(id);
    if (server.status == QLatin1String("BUILD") || server.snapshot)
        m_timedServers.insert(id);
    return *servers.insert(id, std::move(server));
}

void CloudState::removeServer(const QString &id)
{
    const auto it = servers.constFind(id);
    if (it == servers.cend())
        return;
    auto project = m_serversByProject.find(it->projectId);
    if (project != m_serversByProject.end()) {
        project->remove(id);
        if (project->isEmpty())
            m_serversByProject.erase(project);
    }
    m_timedServers.remove(id);
    servers.erase(it);
}

void CloudState::advance()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto id = m_timedServers.begin(); id != m_timedServers.end();) {
        const auto server = servers.find(*id);
        if (server != servers.end())
            advanceServer(*server, now);
        if (server == servers.end() || (server->status != QLatin1String("BUILD") && !server->snapshot))
            id = m_timedServers.erase(id);
        else
            ++id;
    }
    for (auto it = volumeSnapshots.begin(); it != volumeSnapshots.end();) {
        if (it->goneAt.isValid() && now >= it->goneAt) {
            it = volumeSnapshots.erase(it);
            continue;
        }
        if (it->status == QLatin1String("creating") && now >= it->readyAt) {
            it->status = it->endsInError ? QStringLiteral("error") : QStringLiteral("available");
            it->updatedAt = it->readyAt;
        }
        ++it;
    }
    advanceVolumes(now);
}

void CloudState::advanceVolumes(const QDateTime &now)
{
    for (auto it = volumes.begin(); it != volumes.end();) {
        if (it->goneAt.isValid() && now >= it->goneAt) {
            it = volumes.erase(it);
            continue;
        }
        if (it->nextAt.isValid() && now >= it->nextAt) {
            it->status = it->nextStatus;
            it->updatedAt = it->nextAt;
            it->nextStatus.clear();
            it->nextAt = QDateTime();
        }
        if (it->upload)
            advanceUpload(*it, now);
        ++it;
    }
}

void CloudState::advanceUpload(Volume &volume, const QDateTime &now)
{
    const VolumeUpload &upload = *volume.upload;
    auto image = images.find(upload.imageId);
    const qint64 step = qint64(settings.volumeStepSeconds * 1000);
    // Cinder creates the image queued and starts writing it at once; Glance shows saving meanwhile.
    if (image != images.end() && image->status == QLatin1String("queued") && now >= upload.startedAt.addMSecs(step / 2))
        setImageStatus(*image, QStringLiteral("saving"), std::min(now, upload.startedAt.addMSecs(step / 2)));
    // A deleted image ends the upload (Cinder's copy fails and the volume goes back), stuck or not.
    if (image != images.end() && (upload.stuck || now < upload.doneAt))
        return;
    const auto hash = hashJobs.constFind(upload.imageId);
    if (!upload.fails && hash != hashJobs.constEnd() && !hash.value()->ready)
        return; // a big volume takes as long as its digests take
    if (image != images.end()) {
        if (upload.fails) {
            images.erase(image); // Cinder deletes an image it could not fill (queued or saving)
        } else if (hash != hashJobs.constEnd()) {
            image->data = imageData(*hash.value());
            image->virtualSize = image->data->disk.size();
            setImageStatus(*image, QStringLiteral("active"), now);
        }
    }
    hashJobs.remove(upload.imageId);
    volume.status = upload.previousStatus;
    volume.updatedAt = now;
    volume.upload.reset();
}

void CloudState::advanceServer(Server &server, const QDateTime &now)
{
    if (server.status == QLatin1String("BUILD") && now >= server.buildDoneAt && server.bootDownload) {
        // External mode: the server builds until its boot image has arrived from the real Glance.
        if (!server.bootDownload->done)
            return;
        if (!server.bootDownload->ok) {
            server.status = QStringLiteral("ERROR");
            server.vmState = QStringLiteral("error");
            setTaskState(server, QString(), now);
            server.faultMessage = server.bootDownload->error;
            server.updatedAt = now;
            server.bootDownload.reset();
            return;
        }
        server.disk = server.bootDownload->disk;
        server.bootDownload.reset();
    }
    if (server.status == QLatin1String("BUILD") && now >= server.buildDoneAt && server.buildFails) {
        server.status = QStringLiteral("ERROR");
        server.vmState = QStringLiteral("error");
        setTaskState(server, QString(), now);
        server.faultMessage = QStringLiteral("No valid host was found. There are not enough hosts available.");
        server.updatedAt = now;
    }
    if (server.status == QLatin1String("BUILD") && now >= server.buildDoneAt) {
        server.status = QStringLiteral("ACTIVE");
        server.vmState = QStringLiteral("active");
        server.powerState = 1;
        setTaskState(server, QString(), now);
        server.launchedAt = now;
        server.updatedAt = now;
    }
    if (!server.snapshot)
        return;
    SnapshotJob &job = *server.snapshot;
    const auto &steps = settings.snapshotStepSeconds;
    const double elapsed = static_cast<double>(job.startedAt.msecsTo(now)) / 1000.0;
    double bound = 0;
    static const char *const names[] = {"image_snapshot_pending", "image_snapshot", "image_pending_upload",
                                        "image_uploading"};
    double stepStarts[5] = {0, 0, 0, 0, 0}; // seconds after the request
    int step = 4;
    for (int i = 0; i < 4; ++i) {
        bound += i < steps.size() ? steps.at(i) : 0.0;
        stepStarts[i + 1] = bound;
        if (elapsed < bound) {
            step = i;
            break;
        }
    }
    auto imageIt = images.find(job.imageId);
    auto hashIt = hashJobs.constFind(job.imageId);
    const auto uploadIt = remoteUploads.constFind(job.imageId);
    const bool hashed = (hashIt == hashJobs.constEnd() || hashIt.value()->ready)
        && (uploadIt == remoteUploads.constEnd() || uploadIt.value()->done);
    if (step == 4 && !hashed)
        step = 3; // a big disk takes as long as its digests (the "upload") take
    // Every step passed since the last look, in order, each at the time it began.
    int passed = -1;
    for (int i = 0; i < 4; ++i) {
        if (server.taskState == QLatin1String(names[i]))
            passed = i;
    }
    for (int i = passed + 1; i <= step; ++i) {
        const QDateTime at = std::min(now, job.startedAt.addMSecs(qint64(stepStarts[i] * 1000)));
        if (imageIt != images.end() && i == 2)
            setImageStatus(*imageIt, QStringLiteral("saving"), at); // Glance: the upload begins
        if (i < 4)
            setTaskState(server, QString::fromLatin1(names[i]), at);
    }
    if (step < 4)
        return;
    // Done: the image turns active (or killed, or vanishes as Nova deletes a failed snapshot).
    if (imageIt != images.end()) {
        if (job.vanishes) {
            images.erase(imageIt);
        } else if (job.endsKilled) {
            setImageStatus(*imageIt, QStringLiteral("killed"), now);
        } else if (hashIt != hashJobs.constEnd()) {
            imageIt->data = imageData(*hashIt.value());
            setImageStatus(*imageIt, QStringLiteral("active"), now);
        }
    }
    hashJobs.remove(job.imageId);
    remoteUploads.remove(job.imageId);
    server.snapshot.reset();
    setTaskState(server, QString(), now);
}

} // namespace fake
