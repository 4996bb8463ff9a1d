#include "fakecloud.h"

#include "cloudstate.h"
#include "computeservice.h"
#include "controlapi.h"
#include "exchange.h"
#include "httphelpers.h"
#include "imageservice.h"
#include "keystoneservice.h"
#include "networkservice.h"
#include "ports.h"
#include "scenarioloader.h"
#include "volumeservice.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <httplib.h>

#include <arpa/inet.h>
#include <exception>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

namespace fake {

struct FakeCloud::Impl
{
    explicit Impl(FakeCloud &cloud)
        : keystone(state)
        , compute(state)
        , image(state)
        , volume(state)
        , network(state)
        , control(cloud)
    {
    }
    void dispatch(const httplib::Request &request, httplib::Response &response, const httplib::ContentReader *reader);
    bool applyWireFaults(Exchange &ex, const QString &service);
    void logRequest(const Exchange &ex);

    CloudState state;
    KeystoneService keystone;
    ComputeService compute;
    ImageService image;
    VolumeService volume;
    NetworkService network;
    ControlApi control;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic_bool stopping{false};
    std::atomic_bool listenerDone{true};
    std::atomic<quint16> port{0};
    mutable std::mutex lifecycle;
    std::string tlsCertificate;
    std::string tlsKey;
    std::atomic_bool tls{false};
};

namespace {

// httplib keeps an idle keep-alive connection's worker waiting for its full timeout, so stop() would
// block for seconds. Shutting down our accepted sockets (local end 127.0.0.1:port) wakes them at once.
// Client sockets in the same process have an ephemeral local port, so they are never touched.
void shutdownAcceptedSockets(quint16 port)
{
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : fds) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        struct stat info = {};
        if (!ok || ::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        sockaddr_in local = {};
        socklen_t length = sizeof(local);
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length) != 0 || local.sin_family != AF_INET)
            continue;
        if (ntohs(local.sin_port) != port || local.sin_addr.s_addr != htonl(INADDR_LOOPBACK))
            continue;
        sockaddr_in peer = {};
        length = sizeof(peer);
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0)
            ::shutdown(fd, SHUT_RDWR);
    }
}

void serviceError(Exchange &ex, const QString &service, int code, const QString &message)
{
    if (service == QLatin1String("identity"))
        http::keystoneError(ex, code, message);
    else if (service == QLatin1String("image"))
        http::glanceError(ex, code, message);
    else
        http::novaFault(ex, code, message);
}

} // namespace

bool FakeCloud::Impl::applyWireFaults(Exchange &ex, const QString &service)
{
    std::lock_guard lock(state.mutex);
    const QString method = ex.method();
    const QString path = ex.path();
    if (const auto fault = state.takeFault(Fault::Unavailable, method, path)) {
        ex.setHeader("Retry-After", QByteArray::number(fault->retryAfter));
        serviceError(ex, service, 503, QStringLiteral("The server is currently unavailable. Please try again at a later time."));
        return true;
    }
    const QString tokenId = QString::fromUtf8(ex.header("X-Auth-Token"));
    if (!tokenId.isEmpty() && state.validToken(tokenId) && state.takeFault(Fault::Unauthorized, method, path)) {
        // The token expires now, as if its lifetime had run out mid-job.
        state.tokens[tokenId].expiresAt = QDateTime::currentDateTimeUtc();
        http::unauthorized(ex);
        return true;
    }
    if (const auto fault = state.takeFault(Fault::Drop, method, path))
        ex.dropAfter(fault->afterBytes);
    if (const auto fault = state.takeFault(Fault::Slow, method, path))
        ex.limitRate(fault->bytesPerSecond);
    if (const auto fault = state.takeFault(Fault::Corrupt, method, path))
        ex.corruptAt(fault->afterBytes);
    return false;
}

void FakeCloud::Impl::dispatch(const httplib::Request &request, httplib::Response &response,
                               const httplib::ContentReader *reader)
{
    Exchange ex(request, response, reader,
                tls ? QStringLiteral("https://127.0.0.1:%1").arg(port.load())
                    : QStringLiteral("http://127.0.0.1:%1").arg(port.load()),
                &stopping);
    try {
        const QStringList segments = ex.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const QString top = segments.value(0);
        const QStringList rest = segments.mid(1);
        static const QStringList services{QStringLiteral("identity"), QStringLiteral("compute"), QStringLiteral("image"),
                                          QStringLiteral("volume"), QStringLiteral("networking")};
        if (top == QLatin1String("_fake")) {
            control.handle(ex, rest);
        } else if (!services.contains(top)) {
            http::addRequestId(ex);
            ex.json(404, QJsonObject{{QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("code"), 404},
                                                  {QStringLiteral("title"), QStringLiteral("Not Found")},
                                                  {QStringLiteral("message"), QStringLiteral("The resource could not be found.")}}}});
        } else if (!applyWireFaults(ex, top)) {
            if (top == QLatin1String("identity"))
                keystone.handle(ex, rest);
            else if (top == QLatin1String("compute"))
                compute.handle(ex, rest);
            else if (top == QLatin1String("image"))
                image.handle(ex, rest);
            else if (top == QLatin1String("volume"))
                volume.handle(ex, rest);
            else
                network.handle(ex, rest);
        }
    } catch (const std::exception &e) {
        qCWarning(lcFake) << "internal error on" << ex.method() << ex.path() << e.what();
        ex.json(500, QJsonObject{{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
    ex.finish();
    if (!ex.path().startsWith(QLatin1String("/_fake")))
        logRequest(ex);
}

void FakeCloud::Impl::logRequest(const Exchange &ex)
{
    std::lock_guard lock(state.mutex);
    if (state.requestLog.size() >= CloudState::RequestLogLimit)
        state.requestLog.remove(0, CloudState::RequestLogLimit / 2); // amortised: drop the older half at once
    state.requestLog.append(RequestRecord{ex.method(), ex.path(), ex.header("Range"), ex.status()});
}

FakeCloud::FakeCloud()
    : d(std::make_unique<Impl>(*this))
{
}

FakeCloud::~FakeCloud()
{
    stop();
    d->state.joinWorkers();
}

CloudState &FakeCloud::state()
{
    return d->state;
}

bool FakeCloud::loadScenario(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)").arg(path, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    return loadScenario(doc.object(), error);
}

bool FakeCloud::loadScenario(const QJsonObject &scenario, QString *error)
{
    std::lock_guard lock(d->state.mutex);
    QString message;
    ScenarioLoader loader(d->state);
    if (!loader.load(scenario, &message)) {
        if (error)
            *error = message;
        return false;
    }
    return true;
}

bool FakeCloud::start(quint16 port)
{
    std::lock_guard lifecycle(d->lifecycle);
    if (d->server)
        return false;
    d->stopping = false;
    std::unique_ptr<httplib::Server> server;
    if (!d->tlsCertificate.empty()) {
        auto tlsServer = std::make_unique<httplib::SSLServer>(d->tlsCertificate.c_str(), d->tlsKey.c_str());
        if (!tlsServer->is_valid()) {
            qCWarning(lcFake) << "cannot load the TLS certificate" << QString::fromStdString(d->tlsCertificate);
            return false;
        }
        server = std::move(tlsServer);
    } else {
        server = std::make_unique<httplib::Server>();
    }
    d->tls = !d->tlsCertificate.empty();
    // Enough workers for several clients with keep-alive connections plus long downloads.
    server->new_task_queue = [] { return new httplib::ThreadPool(48); };
    server->set_keep_alive_max_count(1000);
    server->set_keep_alive_timeout(5);
    // httplib's default also sets SO_REUSEPORT, which would let a second cloud bind the same fixed port.
    server->set_socket_options([](int socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server->set_read_timeout(60);
    server->set_write_timeout(60);
    // httplib would cut streamed bodies to the Range itself; Glance's Range rules are applied by the
    // image service, so the parsed ranges are dropped before routing. OpenStack services do not compress
    // their responses, so Accept-Encoding is dropped too (httplib would gzip/brotli JSON bodies).
    server->set_pre_routing_handler([](const httplib::Request &request, httplib::Response &) {
        auto &mutableRequest = const_cast<httplib::Request &>(request);
        mutableRequest.ranges.clear();
        mutableRequest.headers.erase("Accept-Encoding");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    Impl *impl = d.get();
    auto plain = [impl](const httplib::Request &request, httplib::Response &response) {
        impl->dispatch(request, response, nullptr);
    };
    auto withBody = [impl](const httplib::Request &request, httplib::Response &response,
                           const httplib::ContentReader &reader) { impl->dispatch(request, response, &reader); };
    server->Get(".*", plain);
    server->Options(".*", plain);
    server->Post(".*", withBody);
    server->Put(".*", withBody);
    server->Patch(".*", withBody);
    server->Delete(".*", withBody);
    server->set_logger([](const httplib::Request &request, const httplib::Response &response) {
        qCDebug(lcFake).noquote() << QString::fromStdString(request.method) << QString::fromStdString(request.path)
                                  << response.status;
    });
    server->set_exception_handler([](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
        response.status = 500;
        response.set_content("{\"error\": \"internal error\"}", "application/json");
    });
    int bound = 0;
    if (port == 0) {
        bound = server->bind_to_any_port("127.0.0.1");
    } else if (server->bind_to_port("127.0.0.1", port)) {
        bound = port;
    }
    if (bound <= 0) {
        qCWarning(lcFake) << "cannot listen on 127.0.0.1 port" << port;
        return false;
    }
    d->port = static_cast<quint16>(bound);
    d->server = std::move(server);
    httplib::Server *raw = d->server.get();
    d->listenerDone = false;
    std::atomic_bool *done = &d->listenerDone;
    d->thread = std::thread([raw, done] {
        raw->listen_after_bind();
        *done = true;
    });
    // httplib's stop() does nothing until the accept loop runs, so don't return before it does.
    while (!raw->is_running() && !d->listenerDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    qCInfo(lcFake) << "listening on" << baseUrl();
    return true;
}

void FakeCloud::stop()
{
    std::lock_guard lifecycle(d->lifecycle);
    if (!d->server)
        return;
    d->stopping = true;
    d->server->stop();
    // Until the listener thread has joined its workers, keep waking those that wait on idle connections.
    while (!d->listenerDone) {
        d->server->stop();
        shutdownAcceptedSockets(d->port);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (d->thread.joinable())
        d->thread.join();
    // The thread pool's workers are joined when the server is destroyed.
    d->server.reset();
    d->port = 0;
}

bool FakeCloud::isRunning() const
{
    std::lock_guard lifecycle(d->lifecycle);
    return d->server != nullptr;
}

quint16 FakeCloud::port() const
{
    return d->port;
}

void FakeCloud::setTlsCertificate(const QString &certificateFile, const QString &privateKeyFile)
{
    std::lock_guard lifecycle(d->lifecycle);
    d->tlsCertificate = certificateFile.toStdString();
    d->tlsKey = privateKeyFile.toStdString();
}

bool FakeCloud::isTls() const
{
    return d->tls;
}

QString FakeCloud::baseUrl() const
{
    // The test CA's certificate names 127.0.0.1 (and localhost).
    if (d->tls)
        return QStringLiteral("https://127.0.0.1:%1").arg(d->port.load());
    return QStringLiteral("http://127.0.0.1:%1").arg(d->port.load());
}

QString FakeCloud::authUrl() const
{
    return baseUrl() + QStringLiteral("/identity/v3");
}

namespace {

VirtualDisk *findDisk(CloudState &state, FakeCloud::DiskOwner owner, const QString &id)
{
    state.advance();
    if (owner == FakeCloud::DiskOwner::Volume) {
        auto it = state.volumes.find(id);
        return it == state.volumes.end() ? nullptr : &it->disk;
    }
    auto it = state.servers.find(id);
    return it == state.servers.end() ? nullptr : state.rootDisk(*it);
}

// The status of the record with this id in one of the state's maps ("" when it does not exist), after
// the clock's transitions. Takes the state's lock.
template <typename Map>
QString statusIn(CloudState &state, const Map &map, const QString &id)
{
    std::lock_guard lock(state.mutex);
    state.advance();
    auto it = map.constFind(id);
    return it == map.constEnd() ? QString() : it->status;
}

template <typename Map>
QString idByName(CloudState &state, const Map &map, const QString &name)
{
    std::lock_guard lock(state.mutex);
    for (const auto &record : map) {
        if (record.name == name)
            return record.id;
    }
    return {};
}

} // namespace

bool FakeCloud::writeDisk(DiskOwner owner, const QString &id, qint64 offset, const QByteArray &data)
{
    std::lock_guard lock(d->state.mutex);
    VirtualDisk *disk = findDisk(d->state, owner, id);
    if (!disk || offset < 0)
        return false;
    disk->write(offset, data);
    return true;
}

std::optional<VirtualDisk> FakeCloud::diskCopy(DiskOwner owner, const QString &id) const
{
    std::lock_guard lock(d->state.mutex);
    const VirtualDisk *disk = findDisk(d->state, owner, id);
    return disk ? std::optional<VirtualDisk>(*disk) : std::nullopt;
}

QByteArray FakeCloud::readDisk(DiskOwner owner, const QString &id, qint64 offset, qint64 length) const
{
    const std::optional<VirtualDisk> disk = diskCopy(owner, id);
    if (!disk || offset < 0 || length < 0)
        return {};
    length = std::min(length, disk->size() - offset);
    if (length <= 0)
        return {};
    QByteArray bytes(length, Qt::Uninitialized);
    disk->read(offset, bytes.data(), length);
    return bytes;
}

QByteArray FakeCloud::diskSha256(DiskOwner owner, const QString &id) const
{
    const std::optional<VirtualDisk> disk = diskCopy(owner, id); // hashed without holding the lock
    return disk ? disk->sha256() : QByteArray();
}

qint64 FakeCloud::diskSize(DiskOwner owner, const QString &id) const
{
    std::lock_guard lock(d->state.mutex);
    const VirtualDisk *disk = findDisk(d->state, owner, id);
    return disk ? disk->size() : -1;
}

QString FakeCloud::volumeStatus(const QString &volumeId) const
{
    return statusIn(d->state, d->state.volumes, volumeId);
}

QString FakeCloud::snapshotStatus(const QString &snapshotId) const
{
    return statusIn(d->state, d->state.volumeSnapshots, snapshotId);
}

QString FakeCloud::volumeIdByName(const QString &name) const
{
    return idByName(d->state, d->state.volumes, name);
}

QByteArray FakeCloud::imageSha256(const QString &imageId) const
{
    std::shared_ptr<const ImageData> data;
    {
        std::lock_guard lock(d->state.mutex);
        d->state.advance();
        auto it = d->state.images.constFind(imageId);
        if (it == d->state.images.constEnd() || !it->data)
            return {};
        data = it->data;
    }
    return data->disk.sha256();
}

QString FakeCloud::imageStatus(const QString &imageId) const
{
    return statusIn(d->state, d->state.images, imageId);
}

QString FakeCloud::serverTaskState(const QString &serverId) const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    return d->state.servers.value(serverId).taskState;
}

QString FakeCloud::serverStatus(const QString &serverId) const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    return d->state.servers.value(serverId).status;
}

bool FakeCloud::setServerConsole(const QString &serverId, const QString &text)
{
    std::lock_guard lock(d->state.mutex);
    auto it = d->state.servers.find(serverId);
    if (it == d->state.servers.end())
        return false;
    it->console = text;
    return true;
}

QString FakeCloud::serverConsole(const QString &serverId) const
{
    std::lock_guard lock(d->state.mutex);
    return d->state.servers.value(serverId).console;
}

void FakeCloud::setBootConsole(const QString &text, double seconds)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.bootConsole = text;
    d->state.settings.bootConsoleSeconds = seconds;
}

QString FakeCloud::serverIdByName(const QString &name) const
{
    return idByName(d->state, d->state.servers, name);
}

QString FakeCloud::imageIdByName(const QString &name) const
{
    return idByName(d->state, d->state.images, name);
}

int FakeCloud::injectFault(const FaultSpec &spec)
{
    std::lock_guard lock(d->state.mutex);
    Fault fault;
    fault.id = d->state.nextFaultId++;
    fault.kind = spec.kind;
    fault.remaining = std::max(1, spec.count);
    fault.method = spec.method;
    fault.afterBytes = spec.afterBytes;
    fault.retryAfter = spec.retryAfter;
    fault.bytesPerSecond = std::max<qint64>(1, spec.bytesPerSecond);
    QString path = spec.path;
    if (path.isEmpty()) {
        switch (spec.kind) {
        case Fault::Drop:
        case Fault::Slow:
        case Fault::Corrupt:
            // By default they hit image downloads, where clients must resume or wait.
            path = QStringLiteral("^/image/v2/images/[^/]+/file$");
            if (fault.method.isEmpty())
                fault.method = QStringLiteral("GET");
            break;
        case Fault::Unavailable:
        case Fault::Unauthorized:
            path = QStringLiteral("^/(compute|image|volume|networking)/");
            break;
        default:
            break;
        }
    }
    fault.path = QRegularExpression(path);
    d->state.faults.append(fault);
    return fault.id;
}

void FakeCloud::clearFaults()
{
    std::lock_guard lock(d->state.mutex);
    d->state.faults.clear();
}

int FakeCloud::pendingFaults() const
{
    std::lock_guard lock(d->state.mutex);
    return static_cast<int>(d->state.faults.size());
}

QList<RequestRecord> FakeCloud::requestLog() const
{
    std::lock_guard lock(d->state.mutex);
    return d->state.requestLog;
}

QStringList FakeCloud::stateLog(const QString &id, const QString &field) const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    QStringList values;
    for (const StateChange &change : std::as_const(d->state.stateLog)) {
        if (change.id == id && change.field == field)
            values.append(change.value);
    }
    return values;
}

QStringList FakeCloud::leftoverImageIds() const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    QStringList ids;
    for (const Image &image : d->state.images) {
        if (!image.fromScenario)
            ids.append(image.id);
    }
    return ids;
}

QStringList FakeCloud::leftoverServerIds() const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    QStringList ids;
    for (const Server &server : d->state.servers) {
        if (!server.fromScenario)
            ids.append(server.id);
    }
    return ids;
}

QStringList FakeCloud::leftoverSnapshotIds() const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    return d->state.volumeSnapshots.keys();
}

QStringList FakeCloud::leftoverVolumeIds() const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    QStringList ids;
    for (const Volume &volume : d->state.volumes) {
        if (!volume.fromScenario)
            ids.append(volume.id);
    }
    return ids;
}

void FakeCloud::setTokenLifetime(int seconds)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.tokenLifetimeSeconds = seconds;
}

void FakeCloud::expireTokens()
{
    std::lock_guard lock(d->state.mutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Token &token : d->state.tokens)
        token.expiresAt = std::min(token.expiresAt, now);
}

bool FakeCloud::expireToken(const QString &tokenId)
{
    std::lock_guard lock(d->state.mutex);
    auto it = d->state.tokens.find(tokenId);
    if (it == d->state.tokens.end())
        return false;
    it->expiresAt = std::min(it->expiresAt, QDateTime::currentDateTimeUtc());
    return true;
}

void FakeCloud::revokeTokens()
{
    std::lock_guard lock(d->state.mutex);
    for (Token &token : d->state.tokens)
        token.revoked = true;
}

void FakeCloud::setSnapshotStepSeconds(double pending, double snapshot, double pendingUpload, double uploading)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.snapshotStepSeconds = {pending, snapshot, pendingUpload, uploading};
}

void FakeCloud::setVolumeStepSeconds(double volumeStep, double volumeSnapshot)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.volumeStepSeconds = volumeStep;
    d->state.settings.volumeSnapshotSeconds = volumeSnapshot;
}

void FakeCloud::setComputeMicroversionRange(int minMinor, int maxMinor)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.computeMinMinor = minMinor;
    d->state.settings.computeMaxMinor = maxMinor;
}

void FakeCloud::setVolumeQuota(int volumes, int snapshots, int gigabytes)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.quotaVolumes = volumes;
    d->state.settings.quotaSnapshots = snapshots;
    d->state.settings.quotaGigabytes = gigabytes;
}

void FakeCloud::setImageMultihash(bool on)
{
    std::lock_guard lock(d->state.mutex);
    d->state.settings.imageMultihash = on;
}

std::optional<Fault::Kind> FakeCloud::faultKindFromName(const QString &name)
{
    static const QHash<QString, Fault::Kind> kinds{
        {QStringLiteral("drop"), Fault::Drop},
        {QStringLiteral("unavailable"), Fault::Unavailable},
        {QStringLiteral("unauthorized"), Fault::Unauthorized},
        {QStringLiteral("conflict"), Fault::Conflict},
        {QStringLiteral("snapshot_killed"), Fault::SnapshotKilled},
        {QStringLiteral("snapshot_vanishes"), Fault::SnapshotVanishes},
        {QStringLiteral("too_large"), Fault::TooLarge},
        {QStringLiteral("slow"), Fault::Slow},
        {QStringLiteral("corrupt"), Fault::Corrupt},
        {QStringLiteral("volume_snapshot_error"), Fault::VolumeSnapshotError},
        {QStringLiteral("upload_stuck"), Fault::UploadStuck},
        {QStringLiteral("upload_failed"), Fault::UploadFailed},
        {QStringLiteral("build_error"), Fault::BuildError},
        {QStringLiteral("boot_hangs"), Fault::BootHangs}};
    auto it = kinds.constFind(name);
    return it == kinds.constEnd() ? std::nullopt : std::optional<Fault::Kind>(it.value());
}

QString FakeCloud::faultKindName(Fault::Kind kind)
{
    switch (kind) {
    case Fault::Drop: return QStringLiteral("drop");
    case Fault::Unavailable: return QStringLiteral("unavailable");
    case Fault::Unauthorized: return QStringLiteral("unauthorized");
    case Fault::Conflict: return QStringLiteral("conflict");
    case Fault::SnapshotKilled: return QStringLiteral("snapshot_killed");
    case Fault::SnapshotVanishes: return QStringLiteral("snapshot_vanishes");
    case Fault::TooLarge: return QStringLiteral("too_large");
    case Fault::Slow: return QStringLiteral("slow");
    case Fault::Corrupt: return QStringLiteral("corrupt");
    case Fault::VolumeSnapshotError: return QStringLiteral("volume_snapshot_error");
    case Fault::UploadStuck: return QStringLiteral("upload_stuck");
    case Fault::UploadFailed: return QStringLiteral("upload_failed");
    case Fault::BuildError: return QStringLiteral("build_error");
    case Fault::BootHangs: return QStringLiteral("boot_hangs");
    }
    return {};
}

void FakeCloud::setExternalServices(const ExternalServices &services)
{
    auto remote = std::make_shared<RemoteCloud>(services);
    std::lock_guard lock(d->state.mutex);
    d->state.external = std::move(remote);
}

bool FakeCloud::isExternal() const
{
    std::lock_guard lock(d->state.mutex);
    return d->state.external != nullptr;
}

QStringList FakeCloud::leftoverPortIds() const
{
    std::lock_guard lock(d->state.mutex);
    QStringList ids;
    for (const Port &port : d->state.ports) {
        if (!port.fromScenario)
            ids.append(port.id);
    }
    return ids;
}

QJsonObject FakeCloud::serverRecord(const QString &serverId) const
{
    std::lock_guard lock(d->state.mutex);
    d->state.advance();
    auto it = d->state.servers.constFind(serverId);
    if (it == d->state.servers.constEnd())
        return {};
    const Server &server = it.value();
    QJsonArray groups;
    for (const ServerGroup &group : d->state.serverGroups) {
        if (group.members.contains(server.id))
            groups.append(group.name);
    }
    QJsonArray nics;
    for (const Port *port : ports::ofServer(d->state, server)) {
        const Network *network = d->state.network(port->networkId);
        QJsonArray groupNames;
        for (const QString &id : port->securityGroupIds) {
            const SecurityGroup *group = d->state.securityGroup(port->projectId, id);
            groupNames.append(group ? group->name : id);
        }
        nics.append(QJsonObject{{QStringLiteral("network"), network ? network->name : port->networkId},
                                {QStringLiteral("ip"), port->fixedIps.isEmpty() ? QString() : port->fixedIps.constFirst().ip},
                                {QStringLiteral("security_groups"), groupNames},
                                {QStringLiteral("port_id"), port->id}});
    }
    return QJsonObject{{QStringLiteral("name"), server.name},
                       {QStringLiteral("key_name"), server.keyName},
                       {QStringLiteral("availability_zone"), server.availabilityZone},
                       {QStringLiteral("metadata"), server.metadata},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(server.tags)},
                       {QStringLiteral("description"), server.descriptionIsNull ? QJsonValue(QJsonValue::Null) : QJsonValue(server.description)},
                       {QStringLiteral("config_drive"), server.configDrive},
                       {QStringLiteral("user_data"), server.userData.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(server.userData)},
                       {QStringLiteral("server_groups"), groups},
                       {QStringLiteral("nics"), nics}};
}

QString FakeCloud::takeAddress(const QString &projectName, const QString &networkRef, const QString &ip)
{
    std::lock_guard lock(d->state.mutex);
    const Project *project = nullptr;
    for (const Project &p : d->state.projects) {
        if (p.name == projectName)
            project = &p;
    }
    const Network *network = d->state.network(networkRef);
    if (!project || !network || ports::holding(d->state, network->id, ip))
        return {};
    return ports::create(d->state, *network, project->id, ip, {}, QStringLiteral("someone-else")).id;
}

QString FakeCloud::addServerGroup(const QString &projectName, const QString &name, const QString &policy)
{
    std::lock_guard lock(d->state.mutex);
    ServerGroup group;
    for (const Project &p : d->state.projects) {
        if (p.name == projectName)
            group.projectId = p.id;
    }
    group.id = CloudState::newUuid();
    group.name = name;
    group.policy = policy;
    d->state.serverGroups.append(group);
    return group.id;
}

void FakeCloud::joinServerGroup(const QString &serverId, const QString &groupId)
{
    std::lock_guard lock(d->state.mutex);
    for (ServerGroup &group : d->state.serverGroups) {
        if (group.id == groupId && !group.members.contains(serverId))
            group.members.append(serverId);
    }
}

} // namespace fake
