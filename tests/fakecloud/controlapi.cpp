#include "controlapi.h"

#include "cloudstate.h"
#include "exchange.h"
#include "fakecloud.h"
#include "httphelpers.h"
#include "imageservice.h"

#include <QJsonArray>

namespace fake {

ControlApi::ControlApi(FakeCloud &cloud)
    : m_cloud(cloud)
{
}

void ControlApi::error(Exchange &ex, int code, const QString &message)
{
    ex.json(code, QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("code"), code}});
}

void ControlApi::handle(Exchange &ex, const QStringList &segments)
{
    const QString method = ex.method();
    const QString head = segments.value(0);
    if (head == QLatin1String("ping") && segments.size() == 1) {
        ex.json(200, QJsonObject{{QStringLiteral("ok"), true}});
    } else if (head == QLatin1String("faults")) {
        faults(ex, segments.mid(1));
    } else if ((head == QLatin1String("servers") || head == QLatin1String("volumes")) && segments.size() >= 3
               && segments.at(2) == QLatin1String("disk")) {
        disk(ex, head == QLatin1String("volumes") ? FakeCloud::DiskOwner::Volume : FakeCloud::DiskOwner::Server, segments.mid(1));
    } else if (head == QLatin1String("servers") && segments.size() == 3 && segments.at(2) == QLatin1String("console")) {
        // The text the server's console prints (os-getConsoleOutput); PUT replaces it.
        if (method == QLatin1String("PUT")) {
            QByteArray data;
            if (!ex.readBody(&data, 16 * 1024 * 1024))
                return error(ex, 413, QStringLiteral("at most 16 MiB of console text"));
            if (!m_cloud.setServerConsole(segments.at(1), QString::fromUtf8(data)))
                return error(ex, 404, QStringLiteral("no server %1").arg(segments.at(1)));
            ex.empty(204);
        } else if (method == QLatin1String("GET")) {
            if (m_cloud.serverStatus(segments.at(1)).isEmpty())
                return error(ex, 404, QStringLiteral("no server %1").arg(segments.at(1)));
            ex.json(200, QJsonObject{{QStringLiteral("console"), m_cloud.serverConsole(segments.at(1))}});
        } else {
            error(ex, 405, QStringLiteral("use GET or PUT"));
        }
    } else if (head == QLatin1String("images") && segments.size() == 3 && segments.at(2) == QLatin1String("sha256")) {
        if (method != QLatin1String("GET"))
            return error(ex, 405, QStringLiteral("use GET"));
        const QByteArray sha = m_cloud.imageSha256(segments.at(1));
        if (m_cloud.imageStatus(segments.at(1)).isEmpty())
            return error(ex, 404, QStringLiteral("no image %1").arg(segments.at(1)));
        ex.json(200, QJsonObject{{QStringLiteral("sha256"), sha.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(sha))}});
    } else if (head == QLatin1String("leftovers") && segments.size() == 1) {
        if (method != QLatin1String("GET"))
            return error(ex, 405, QStringLiteral("use GET"));
        CloudState &state = m_cloud.state();
        std::lock_guard lock(state.mutex);
        state.advance();
        QJsonArray images;
        for (const QString &id : m_cloud.leftoverImageIds()) {
            const Image image = state.images.value(id);
            images.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), image.name},
                                      {QStringLiteral("status"), image.status},
                                      {QStringLiteral("properties"), image.properties}});
        }
        QJsonArray servers;
        for (const QString &id : m_cloud.leftoverServerIds())
            servers.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), state.servers.value(id).name}});
        QJsonArray volumes;
        for (const QString &id : m_cloud.leftoverVolumeIds()) {
            const Volume volume = state.volumes.value(id);
            volumes.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), volume.name},
                                       {QStringLiteral("status"), volume.status}, {QStringLiteral("metadata"), volume.metadata}});
        }
        // Scenarios hold no Cinder snapshots: every one that exists was made since start.
        QJsonArray snapshots;
        for (const VolumeSnapshot &snapshot : std::as_const(state.volumeSnapshots))
            snapshots.append(QJsonObject{{QStringLiteral("id"), snapshot.id}, {QStringLiteral("name"), snapshot.name},
                                         {QStringLiteral("status"), snapshot.status}, {QStringLiteral("volume_id"), snapshot.volumeId},
                                         {QStringLiteral("metadata"), snapshot.metadata}});
        ex.json(200, QJsonObject{{QStringLiteral("images"), images}, {QStringLiteral("servers"), servers},
                                 {QStringLiteral("volumes"), volumes}, {QStringLiteral("snapshots"), snapshots}});
    } else if (head == QLatin1String("settings") && segments.size() == 1) {
        settings(ex);
    } else if (head == QLatin1String("tokens") && segments.size() == 2
               && (segments.at(1) == QLatin1String("expire") || segments.at(1) == QLatin1String("revoke"))) {
        if (method != QLatin1String("POST"))
            return error(ex, 405, QStringLiteral("use POST"));
        QJsonObject body;
        QString parseError;
        if (ex.hasBody() && !http::parseJsonObject(ex, &body, &parseError))
            return error(ex, 400, parseError);
        const QString token = body.value(QStringLiteral("token")).toString();
        if (!token.isEmpty()) {
            if (!m_cloud.expireToken(token))
                return error(ex, 404, QStringLiteral("no such token"));
        } else if (segments.at(1) == QLatin1String("expire")) {
            m_cloud.expireTokens();
        } else {
            m_cloud.revokeTokens();
        }
        ex.empty(204);
    } else {
        error(ex, 404, QStringLiteral("no such control route: %1").arg(ex.path()));
    }
}

void ControlApi::faults(Exchange &ex, const QStringList &rest)
{
    const QString method = ex.method();
    CloudState &state = m_cloud.state();
    if (rest.isEmpty() && method == QLatin1String("GET")) {
        std::lock_guard lock(state.mutex);
        QJsonArray list;
        for (const Fault &f : state.faults) {
            list.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("kind"), FakeCloud::faultKindName(f.kind)},
                                    {QStringLiteral("remaining"), f.remaining}, {QStringLiteral("method"), f.method},
                                    {QStringLiteral("path"), f.path.pattern()}, {QStringLiteral("hits"), f.hits}});
        }
        ex.json(200, QJsonObject{{QStringLiteral("faults"), list}});
    } else if (rest.isEmpty() && method == QLatin1String("DELETE")) {
        m_cloud.clearFaults();
        ex.empty(204);
    } else if (rest.isEmpty() && method == QLatin1String("POST")) {
        QJsonObject body;
        QString parseError;
        if (!http::parseJsonObject(ex, &body, &parseError))
            return error(ex, 400, parseError);
        const auto kind = FakeCloud::faultKindFromName(body.value(QStringLiteral("kind")).toString());
        if (!kind)
            return error(ex, 400, QStringLiteral("unknown fault kind '%1'").arg(body.value(QStringLiteral("kind")).toString()));
        FaultSpec spec;
        spec.kind = *kind;
        spec.count = body.value(QStringLiteral("count")).toInt(1);
        spec.method = body.value(QStringLiteral("method")).toString();
        spec.path = body.value(QStringLiteral("path")).toString();
        spec.afterBytes = body.value(QStringLiteral("after_bytes")).toInteger(0);
        spec.retryAfter = body.value(QStringLiteral("retry_after")).toInt(1);
        spec.bytesPerSecond = body.value(QStringLiteral("bytes_per_second")).toInteger(64 * 1024);
        if (spec.count < 1 || spec.afterBytes < 0 || spec.bytesPerSecond <= 0 || spec.retryAfter < 0)
            return error(ex, 400, QStringLiteral("count, after_bytes, bytes_per_second and retry_after must be positive"));
        if (!spec.path.isEmpty() && !QRegularExpression(spec.path).isValid())
            return error(ex, 400, QStringLiteral("path is not a valid regular expression"));
        ex.json(201, QJsonObject{{QStringLiteral("id"), m_cloud.injectFault(spec)}});
    } else {
        error(ex, 405, QStringLiteral("use GET, POST or DELETE on /_fake/faults"));
    }
}

void ControlApi::disk(Exchange &ex, FakeCloud::DiskOwner owner, const QStringList &rest)
{
    const QString id = rest.at(0);
    const QString method = ex.method();
    const qint64 size = m_cloud.diskSize(owner, id);
    if (size < 0)
        return error(ex, 404, QStringLiteral("no %1 %2").arg(owner == FakeCloud::DiskOwner::Volume ? QStringLiteral("volume") : QStringLiteral("server"), id));
    if (rest.size() == 3 && rest.at(2) == QLatin1String("sha256")) {
        if (method != QLatin1String("GET"))
            return error(ex, 405, QStringLiteral("use GET"));
        const std::optional<VirtualDisk> disk = m_cloud.diskCopy(owner, id);
        if (!disk)
            return error(ex, 404, QStringLiteral("no such disk: %1").arg(id));
        ex.json(200, QJsonObject{{QStringLiteral("sha256"), QString::fromLatin1(disk->sha256())},
                                 {QStringLiteral("size"), double(disk->size())}});
        return;
    }
    if (rest.size() != 2)
        return error(ex, 404, QStringLiteral("no such control route: %1").arg(ex.path()));
    if (method == QLatin1String("PUT")) {
        // Raw bytes written at ?offset=N (default 0).
        bool ok = true;
        const qint64 offset = ex.hasQuery(QStringLiteral("offset")) ? ex.query(QStringLiteral("offset")).toLongLong(&ok) : 0;
        QByteArray data;
        if (!ok || offset < 0)
            return error(ex, 400, QStringLiteral("offset must be a non-negative integer"));
        if (!ex.readBody(&data, 256 * 1024 * 1024))
            return error(ex, 413, QStringLiteral("at most 256 MiB per write"));
        m_cloud.writeDisk(owner, id, offset, data);
        ex.json(200, QJsonObject{{QStringLiteral("size"), double(m_cloud.diskSize(owner, id))},
                                 {QStringLiteral("written"), double(data.size())}});
    } else if (method == QLatin1String("GET")) {
        const std::optional<VirtualDisk> disk = m_cloud.diskCopy(owner, id);
        if (!disk)
            return error(ex, 404, QStringLiteral("no such disk: %1").arg(id));
        const VirtualDisk frozen = *disk;
        ex.stream(200, frozen.size(), "application/octet-stream",
                  [frozen](qint64 offset, char *buffer, qint64 length) { return frozen.read(offset, buffer, length); });
    } else {
        error(ex, 405, QStringLiteral("use GET or PUT"));
    }
}

void ControlApi::settings(Exchange &ex)
{
    CloudState &state = m_cloud.state();
    if (ex.method() == QLatin1String("PATCH") || ex.method() == QLatin1String("PUT")) {
        QJsonObject body;
        QString parseError;
        if (!http::parseJsonObject(ex, &body, &parseError))
            return error(ex, 400, parseError);
        std::lock_guard lock(state.mutex);
        Settings &s = state.settings;
        if (body.contains(QStringLiteral("token_lifetime_seconds")))
            s.tokenLifetimeSeconds = body.value(QStringLiteral("token_lifetime_seconds")).toInt(s.tokenLifetimeSeconds);
        if (body.contains(QStringLiteral("build_seconds")))
            s.buildSeconds = body.value(QStringLiteral("build_seconds")).toDouble(s.buildSeconds);
        if (body.contains(QStringLiteral("boot_console")))
            s.bootConsole = body.value(QStringLiteral("boot_console")).toString(s.bootConsole);
        if (body.contains(QStringLiteral("boot_console_seconds")))
            s.bootConsoleSeconds = body.value(QStringLiteral("boot_console_seconds")).toDouble(s.bootConsoleSeconds);
        if (body.contains(QStringLiteral("image_page_size")))
            s.imagePageSize = body.value(QStringLiteral("image_page_size")).toInt(s.imagePageSize);
        if (body.contains(QStringLiteral("image_multihash")))
            s.imageMultihash = body.value(QStringLiteral("image_multihash")).toBool(s.imageMultihash);
        if (body.contains(QStringLiteral("volume_step_seconds")))
            s.volumeStepSeconds = body.value(QStringLiteral("volume_step_seconds")).toDouble(s.volumeStepSeconds);
        if (body.contains(QStringLiteral("volume_snapshot_seconds")))
            s.volumeSnapshotSeconds = body.value(QStringLiteral("volume_snapshot_seconds")).toDouble(s.volumeSnapshotSeconds);
        if (body.contains(QStringLiteral("volume_quota")))
            applyVolumeQuota(body.value(QStringLiteral("volume_quota")).toObject(), s);
        if (body.contains(QStringLiteral("compute_max_microversion")))
            s.computeMaxMinor = body.value(QStringLiteral("compute_max_microversion")).toString().section(QLatin1Char('.'), 1).toInt();
        if (body.contains(QStringLiteral("snapshot_step_seconds"))) {
            const QJsonArray steps = body.value(QStringLiteral("snapshot_step_seconds")).toArray();
            if (steps.size() != 4)
                return error(ex, 400, QStringLiteral("snapshot_step_seconds needs 4 durations"));
            s.snapshotStepSeconds.clear();
            for (const QJsonValue &v : steps)
                s.snapshotStepSeconds.append(v.toDouble());
        }
    } else if (ex.method() != QLatin1String("GET")) {
        return error(ex, 405, QStringLiteral("use GET or PATCH"));
    }
    std::lock_guard lock(state.mutex);
    const Settings &s = state.settings;
    QJsonArray steps;
    for (double d : s.snapshotStepSeconds)
        steps.append(d);
    ex.json(200, QJsonObject{{QStringLiteral("token_lifetime_seconds"), s.tokenLifetimeSeconds},
                             {QStringLiteral("compute_min_microversion"), QStringLiteral("2.%1").arg(s.computeMinMinor)},
                             {QStringLiteral("compute_max_microversion"), QStringLiteral("2.%1").arg(s.computeMaxMinor)},
                             {QStringLiteral("snapshot_step_seconds"), steps},
                             {QStringLiteral("build_seconds"), s.buildSeconds},
                             {QStringLiteral("boot_console"), s.bootConsole},
                             {QStringLiteral("boot_console_seconds"), s.bootConsoleSeconds},
                             {QStringLiteral("volume_step_seconds"), s.volumeStepSeconds},
                             {QStringLiteral("volume_snapshot_seconds"), s.volumeSnapshotSeconds},
                             {QStringLiteral("volume_quota"), volumeQuotaJson(s)},
                             {QStringLiteral("image_page_size"), s.imagePageSize},
                             {QStringLiteral("image_multihash"), s.imageMultihash},
                             {QStringLiteral("regions"), QJsonArray::fromStringList(s.regions)}});
}

} // namespace fake
