#include "remotecloud.h"

#include "cloudstate.h"
#include "virtualdisk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <httplib.h>

namespace fake {

namespace {

// scheme://host:port for httplib's client, and the URL's path without a trailing slash.
struct Target
{
    std::string origin;
    QString prefix;
};

Target target(const QString &url)
{
    const QUrl u(url);
    Target t;
    t.origin = QStringLiteral("%1://%2:%3")
                   .arg(u.scheme(), u.host())
                   .arg(u.port(u.scheme() == QLatin1String("https") ? 443 : 80))
                   .toStdString();
    t.prefix = u.path();
    while (t.prefix.endsWith(QLatin1Char('/')))
        t.prefix.chop(1);
    return t;
}

std::unique_ptr<httplib::Client> client(const Target &t)
{
    auto c = std::make_unique<httplib::Client>(t.origin);
    c->set_connection_timeout(10);
    c->set_read_timeout(120);
    c->set_write_timeout(120);
    c->set_keep_alive(false);
    return c;
}

std::string path(const Target &t, const QString &rest)
{
    return QString(t.prefix + rest).toStdString();
}

QString describe(const char *what, const httplib::Result &result)
{
    if (!result)
        return QStringLiteral("%1: no answer (%2)").arg(QLatin1String(what), QString::fromStdString(httplib::to_string(result.error())));
    return QStringLiteral("%1: HTTP %2: %3")
        .arg(QLatin1String(what))
        .arg(result->status)
        .arg(QString::fromStdString(result->body).left(300));
}

QDateTime keystoneTime(const QString &text)
{
    // 2026-12-03T21:11:42.000000Z: the fraction is not needed.
    QDateTime time = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

RemoteCloud::RemoteCloud(ExternalServices config)
    : m_config(std::move(config))
{
}

bool RemoteCloud::isCoreImageField(const QString &key)
{
    static const QStringList core{
        QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("visibility"),
        QStringLiteral("protected"), QStringLiteral("os_hidden"), QStringLiteral("checksum"), QStringLiteral("os_hash_algo"),
        QStringLiteral("os_hash_value"), QStringLiteral("owner"), QStringLiteral("size"), QStringLiteral("virtual_size"),
        QStringLiteral("min_disk"), QStringLiteral("min_ram"), QStringLiteral("disk_format"), QStringLiteral("container_format"),
        QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("tags"), QStringLiteral("self"),
        QStringLiteral("file"), QStringLiteral("schema"), QStringLiteral("locations"), QStringLiteral("direct_url"),
        QStringLiteral("stores")};
    return core.contains(key) || key.startsWith(QLatin1String("os_glance"));
}

QString RemoteCloud::adminToken(QString *error, bool renew)
{
    std::lock_guard lock(m_mutex);
    if (!renew && !m_adminToken.isEmpty() && m_adminExpires > QDateTime::currentDateTimeUtc().addSecs(60))
        return m_adminToken;
    const Target t = target(m_config.authUrl);
    const QJsonObject body{
        {QStringLiteral("auth"),
         QJsonObject{{QStringLiteral("identity"),
                      QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                                  {QStringLiteral("password"),
                                   QJsonObject{{QStringLiteral("user"),
                                                QJsonObject{{QStringLiteral("name"), m_config.adminUser},
                                                            {QStringLiteral("password"), m_config.adminPassword},
                                                            {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), m_config.userDomain}}}}}}}}},
                     {QStringLiteral("scope"),
                      QJsonObject{{QStringLiteral("project"),
                                   QJsonObject{{QStringLiteral("name"), m_config.adminProject},
                                               {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), m_config.projectDomain}}}}}}}}}};
    auto c = client(t);
    const auto result = c->Post(path(t, QStringLiteral("/auth/tokens")),
                                QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
    if (!result || result->status != 201) {
        *error = describe("Keystone login of the fake Nova's admin", result);
        return {};
    }
    m_adminToken = QString::fromStdString(result->get_header_value("X-Subject-Token"));
    const QJsonObject token = QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object().value(QStringLiteral("token")).toObject();
    m_adminExpires = keystoneTime(token.value(QStringLiteral("expires_at")).toString());
    if (m_imageEndpoint.isEmpty()) {
        m_imageEndpoint = m_config.imageUrl;
        for (const QJsonValue &service : token.value(QStringLiteral("catalog")).toArray()) {
            if (!m_imageEndpoint.isEmpty() || service[QStringLiteral("type")].toString() != QLatin1String("image"))
                continue;
            for (const QJsonValue &endpoint : service[QStringLiteral("endpoints")].toArray()) {
                if (endpoint[QStringLiteral("interface")].toString() == QLatin1String("public")
                    && (m_config.region.isEmpty() || endpoint[QStringLiteral("region_id")].toString() == m_config.region))
                    m_imageEndpoint = endpoint[QStringLiteral("url")].toString();
            }
        }
        while (m_imageEndpoint.endsWith(QLatin1Char('/')))
            m_imageEndpoint.chop(1);
    }
    return m_adminToken;
}

QString RemoteCloud::imageEndpoint(QString *error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_imageEndpoint.isEmpty())
            return m_imageEndpoint;
    }
    if (adminToken(error).isEmpty())
        return {};
    std::lock_guard lock(m_mutex);
    if (m_imageEndpoint.isEmpty())
        *error = QStringLiteral("the real catalog has no public image endpoint in %1").arg(m_config.region);
    return m_imageEndpoint;
}

RemoteCloud::Validation RemoteCloud::validate(const QString &token, RemoteIdentity *identity, QString *error)
{
    if (token.isEmpty())
        return Validation::Invalid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.constFind(token);
        if (it != m_cache.constEnd()) {
            if (m_cacheUntil.value(token) > now && it->token.expiresAt > now) {
                *identity = it.value();
                return Validation::Valid;
            }
            m_cacheUntil.remove(token);
            m_cache.remove(token);
        }
    }
    const Target t = target(m_config.authUrl);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QString admin = adminToken(error, attempt > 0);
        if (admin.isEmpty())
            return Validation::Unavailable;
        auto c = client(t);
        const httplib::Headers headers{{"X-Auth-Token", admin.toStdString()}, {"X-Subject-Token", token.toStdString()}};
        const auto result = c->Get(path(t, QStringLiteral("/auth/tokens")), headers);
        if (result && result->status == 401 && attempt == 0)
            continue; // our own token expired or was revoked: log in again
        if (result && result->status == 404)
            return Validation::Invalid;
        if (!result || result->status != 200) {
            *error = describe("Keystone token validation", result);
            return Validation::Unavailable;
        }
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object().value(QStringLiteral("token")).toObject();
        RemoteIdentity id;
        id.token.id = token;
        id.token.userId = body[QStringLiteral("user")][QStringLiteral("id")].toString();
        id.userName = body[QStringLiteral("user")][QStringLiteral("name")].toString();
        id.token.projectId = body[QStringLiteral("project")][QStringLiteral("id")].toString();
        id.projectName = body[QStringLiteral("project")][QStringLiteral("name")].toString();
        for (const QJsonValue &method : body[QStringLiteral("methods")].toArray())
            id.token.methods.append(method.toString());
        for (const QJsonValue &role : body[QStringLiteral("roles")].toArray())
            id.roles.append(role[QStringLiteral("name")].toString());
        id.token.issuedAt = keystoneTime(body[QStringLiteral("issued_at")].toString());
        id.token.expiresAt = keystoneTime(body[QStringLiteral("expires_at")].toString());
        id.token.auditId = body[QStringLiteral("audit_ids")].toArray().first().toString();
        if (id.token.expiresAt <= now)
            return Validation::Invalid;
        std::lock_guard lock(m_mutex);
        m_cache.insert(token, id);
        m_cacheUntil.insert(token, now.addSecs(m_config.tokenCacheSeconds));
        *identity = id;
        return Validation::Valid;
    }
    return Validation::Unavailable;
}

bool RemoteCloud::createImage(const QString &token, const QJsonObject &body, QString *imageId, QString *error)
{
    const QString endpoint = imageEndpoint(error);
    if (endpoint.isEmpty())
        return false;
    const Target t = target(endpoint);
    auto c = client(t);
    const httplib::Headers headers{{"X-Auth-Token", token.toStdString()}};
    const auto result = c->Post(path(t, QStringLiteral("/v2/images")), headers,
                                QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
    if (!result || result->status != 201) {
        *error = describe("Glance image create", result);
        return false;
    }
    *imageId = QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object().value(QStringLiteral("id")).toString();
    return !imageId->isEmpty();
}

bool RemoteCloud::showImage(const QString &token, const QString &imageId, RemoteImage *image, int *httpStatus, QString *error)
{
    *httpStatus = 0;
    const QString endpoint = imageEndpoint(error);
    if (endpoint.isEmpty())
        return false;
    const Target t = target(endpoint);
    auto c = client(t);
    const httplib::Headers headers{{"X-Auth-Token", token.toStdString()}};
    const auto result = c->Get(path(t, QStringLiteral("/v2/images/") + QString::fromLatin1(QUrl::toPercentEncoding(imageId))), headers);
    if (result)
        *httpStatus = result->status;
    if (!result || result->status != 200) {
        *error = describe("Glance image show", result);
        return false;
    }
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object();
    image->id = json.value(QStringLiteral("id")).toString();
    image->name = json.value(QStringLiteral("name")).toString();
    image->status = json.value(QStringLiteral("status")).toString();
    image->diskFormat = json.value(QStringLiteral("disk_format")).toString();
    image->containerFormat = json.value(QStringLiteral("container_format")).toString();
    image->ownerId = json.value(QStringLiteral("owner")).toString();
    image->visibility = json.value(QStringLiteral("visibility")).toString();
    image->minDisk = json.value(QStringLiteral("min_disk")).toInt();
    image->minRam = json.value(QStringLiteral("min_ram")).toInt();
    image->size = json.value(QStringLiteral("size")).isDouble() ? json.value(QStringLiteral("size")).toInteger() : -1;
    image->properties = QJsonObject();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!isCoreImageField(it.key()) && it.value().isString())
            image->properties.insert(it.key(), it.value());
    }
    return true;
}

bool RemoteCloud::uploadImage(const QString &token, const QString &imageId, const VirtualDisk &disk, QString *error)
{
    const QString endpoint = imageEndpoint(error);
    if (endpoint.isEmpty())
        return false;
    const Target t = target(endpoint);
    auto c = client(t);
    const httplib::Headers headers{{"X-Auth-Token", token.toStdString()}};
    constexpr qint64 Piece = 1 << 20;
    std::vector<char> buffer(static_cast<size_t>(Piece));
    bool readFailed = false;
    const auto result = c->Put(
        path(t, QStringLiteral("/v2/images/%1/file").arg(imageId)), headers, static_cast<size_t>(disk.size()),
        [&](size_t offset, size_t length, httplib::DataSink &sink) {
            const qint64 n = std::min<qint64>(Piece, static_cast<qint64>(length));
            if (!disk.read(static_cast<qint64>(offset), buffer.data(), n)) {
                readFailed = true;
                return false;
            }
            return sink.write(buffer.data(), static_cast<size_t>(n));
        },
        "application/octet-stream");
    if (readFailed) {
        *error = QStringLiteral("Glance image upload: the server's disk could not be read");
        return false;
    }
    if (!result || (result->status != 204 && result->status != 200)) {
        *error = describe("Glance image upload", result);
        return false;
    }
    return true;
}

bool RemoteCloud::downloadImage(const QString &token, const QString &imageId, const QString &filePath, qint64 *size, QString *error)
{
    const QString endpoint = imageEndpoint(error);
    if (endpoint.isEmpty())
        return false;
    QFile file(filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    const Target t = target(endpoint);
    auto c = client(t);
    const httplib::Headers headers{{"X-Auth-Token", token.toStdString()}};
    int status = 0;
    bool writeFailed = false;
    *size = 0;
    const auto result = c->Get(
        path(t, QStringLiteral("/v2/images/%1/file").arg(imageId)), headers,
        [&](const httplib::Response &response) {
            status = response.status;
            return status == 200;
        },
        [&](const char *data, size_t length) {
            if (file.write(data, static_cast<qint64>(length)) != static_cast<qint64>(length)) {
                writeFailed = true;
                return false;
            }
            *size += static_cast<qint64>(length);
            return true;
        });
    file.close();
    if (writeFailed) {
        *error = QStringLiteral("cannot write %1").arg(filePath);
        return false;
    }
    if (!result || status != 200) {
        *error = status ? QStringLiteral("Glance image download: HTTP %1").arg(status) : describe("Glance image download", result);
        return false;
    }
    return true;
}

bool RemoteCloud::deleteImage(const QString &token, const QString &imageId, QString *error)
{
    const QString endpoint = imageEndpoint(error);
    if (endpoint.isEmpty())
        return false;
    const Target t = target(endpoint);
    auto c = client(t);
    const httplib::Headers headers{{"X-Auth-Token", token.toStdString()}};
    const auto result = c->Delete(path(t, QStringLiteral("/v2/images/%1").arg(imageId)), headers);
    if (!result || (result->status != 204 && result->status != 404)) {
        *error = describe("Glance image delete", result);
        return false;
    }
    return true;
}

} // namespace fake
