#include "imageservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "filedisksource.h"
#include "hasher.h"
#include "httphelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace fake {

using http::glanceError;

namespace {

const QStringList ReadOnly{QStringLiteral("checksum"), QStringLiteral("created_at"), QStringLiteral("direct_url"),
                           QStringLiteral("file"), QStringLiteral("os_hash_algo"), QStringLiteral("os_hash_value"),
                           QStringLiteral("schema"), QStringLiteral("self"), QStringLiteral("size"),
                           QStringLiteral("status"), QStringLiteral("updated_at"), QStringLiteral("virtual_size"),
                           QStringLiteral("locations")};
const QStringList Reserved{QStringLiteral("deleted"), QStringLiteral("deleted_at"), QStringLiteral("location"),
                           QStringLiteral("owner")};

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// Applies one attribute of a create request or a patch; returns an HTTP status (0 = fine) and a message.
int applyAttribute(Image &image, const QString &key, const QJsonValue &value, bool creating, QString *message)
{
    if (ReadOnly.contains(key) || (key == QLatin1String("id") && !creating)) {
        *message = QStringLiteral("Attribute '%1' is read-only.").arg(key);
        return 403;
    }
    if (Reserved.contains(key) || key.startsWith(QLatin1String("os_glance"))) {
        *message = QStringLiteral("Attribute '%1' is reserved.").arg(key);
        return 403;
    }
    auto schemaError = [&](const QString &why) {
        *message = QStringLiteral("Provided object does not match schema 'image': %1").arg(why);
        return 400;
    };
    if (key == QLatin1String("id")) {
        static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
        if (!value.isString() || !uuid.match(value.toString()).hasMatch())
            return schemaError(QStringLiteral("'%1' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'")
                                   .arg(value.toVariant().toString()));
        image.id = value.toString().toLower();
    } else if (key == QLatin1String("name")) {
        if (!value.isString() && !value.isNull())
            return schemaError(QStringLiteral("%1 is not of type 'null', 'string'").arg(value.toVariant().toString()));
        if (value.toString().size() > 255)
            return schemaError(QStringLiteral("name is too long"));
        image.name = value.toString();
        image.nameIsNull = value.isNull();
    } else if (key == QLatin1String("disk_format") || key == QLatin1String("container_format")) {
        const bool disk = key == QLatin1String("disk_format");
        const QStringList &allowed = disk ? ImageService::diskFormats() : ImageService::containerFormats();
        if (!value.isNull() && (!value.isString() || !allowed.contains(value.toString())))
            return schemaError(QStringLiteral("'%1' is not one of %2").arg(value.toVariant().toString(), allowed.join(QStringLiteral(", "))));
        (disk ? image.diskFormat : image.containerFormat) = value.toString();
    } else if (key == QLatin1String("visibility")) {
        static const QStringList allowed{QStringLiteral("public"), QStringLiteral("private"), QStringLiteral("shared"),
                                         QStringLiteral("community")};
        if (!allowed.contains(value.toString()))
            return schemaError(QStringLiteral("'%1' is not one of ['community', 'public', 'private', 'shared']").arg(value.toVariant().toString()));
        if (value.toString() == QLatin1String("public")) {
            *message = QStringLiteral("You are not authorized to complete publicize_image action.");
            return 403;
        }
        image.visibility = value.toString();
    } else if (key == QLatin1String("min_disk") || key == QLatin1String("min_ram")) {
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() != double(value.toInt()))
            return schemaError(QStringLiteral("%1 is not of type 'integer'").arg(value.toVariant().toString()));
        (key == QLatin1String("min_disk") ? image.minDisk : image.minRam) = value.toInt();
    } else if (key == QLatin1String("protected") || key == QLatin1String("os_hidden")) {
        if (!value.isBool())
            return schemaError(QStringLiteral("%1 is not of type 'boolean'").arg(value.toVariant().toString()));
        (key == QLatin1String("protected") ? image.isProtected : image.hidden) = value.toBool();
    } else if (key == QLatin1String("tags")) {
        if (!value.isArray())
            return schemaError(QStringLiteral("%1 is not of type 'array'").arg(value.toVariant().toString()));
        QStringList tags;
        for (const QJsonValue &tag : value.toArray()) {
            if (!tag.isString())
                return schemaError(QStringLiteral("%1 is not of type 'string'").arg(tag.toVariant().toString()));
            if (!tags.contains(tag.toString()))
                tags.append(tag.toString());
        }
        image.tags = tags;
    } else {
        // Glance's schema: every other property is a string.
        if (!value.isString())
            return schemaError(QStringLiteral("%1 is not of type 'string'").arg(value.toVariant().toString()));
        if (key.size() > 255)
            return schemaError(QStringLiteral("property name is too long"));
        image.properties.insert(key, value);
    }
    return 0;
}

} // namespace

ImageService::ImageService(CloudState &state)
    : m_state(state)
{
}

const QStringList &ImageService::diskFormats()
{
    static const QStringList formats{QStringLiteral("ami"), QStringLiteral("ari"), QStringLiteral("aki"),
                                     QStringLiteral("vhd"), QStringLiteral("vhdx"), QStringLiteral("vmdk"),
                                     QStringLiteral("raw"), QStringLiteral("qcow2"), QStringLiteral("vdi"),
                                     QStringLiteral("iso"), QStringLiteral("ploop")};
    return formats;
}

const QStringList &ImageService::containerFormats()
{
    static const QStringList formats{QStringLiteral("ami"), QStringLiteral("ari"), QStringLiteral("aki"),
                                     QStringLiteral("bare"), QStringLiteral("ovf"), QStringLiteral("ova"),
                                     QStringLiteral("docker"), QStringLiteral("compressed")};
    return formats;
}

bool ImageService::visibleTo(const Image &image, const QString &projectId)
{
    return image.visibility == QLatin1String("public") || image.visibility == QLatin1String("community")
        || image.ownerId == projectId;
}

QJsonObject ImageService::imageJson(const Image &image) const
{
    QJsonObject json = image.properties;
    const bool hasData = image.data != nullptr;
    const bool multihash = hasData && m_state.settings.imageMultihash;
    const bool emptyActive = !hasData && image.status == QLatin1String("active");
    json.insert(QStringLiteral("id"), image.id);
    json.insert(QStringLiteral("name"), image.nameIsNull ? QJsonValue(QJsonValue::Null) : QJsonValue(image.name));
    json.insert(QStringLiteral("status"), image.status);
    json.insert(QStringLiteral("visibility"), image.visibility);
    json.insert(QStringLiteral("protected"), image.isProtected);
    json.insert(QStringLiteral("os_hidden"), image.hidden);
    json.insert(QStringLiteral("checksum"), hasData ? QJsonValue(QString::fromLatin1(image.data->md5)) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("os_hash_algo"), multihash ? QJsonValue(QStringLiteral("sha512")) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("os_hash_value"), multihash ? QJsonValue(QString::fromLatin1(image.data->sha512)) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("size"), hasData ? QJsonValue(double(image.data->disk.size()))
                                        : emptyActive ? QJsonValue(0) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("virtual_size"), image.virtualSize >= 0 ? QJsonValue(double(image.virtualSize)) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("container_format"), nullable(image.containerFormat));
    json.insert(QStringLiteral("disk_format"), nullable(image.diskFormat));
    json.insert(QStringLiteral("min_disk"), image.minDisk);
    json.insert(QStringLiteral("min_ram"), image.minRam);
    json.insert(QStringLiteral("owner"), image.ownerId);
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(image.tags));
    json.insert(QStringLiteral("created_at"), CloudState::isoTime(image.createdAt));
    json.insert(QStringLiteral("updated_at"), CloudState::isoTime(image.updatedAt));
    json.insert(QStringLiteral("self"), QString(QStringLiteral("/v2/images/") + image.id));
    json.insert(QStringLiteral("file"), QString(QStringLiteral("/v2/images/") + image.id + QStringLiteral("/file")));
    json.insert(QStringLiteral("schema"), QStringLiteral("/v2/schemas/image"));
    return json;
}

void ImageService::handle(Exchange &ex, const QStringList &segments)
{
    http::addRequestId(ex);
    const QString method = ex.method();
    const bool get = method == QLatin1String("GET") || method == QLatin1String("HEAD");
    auto notAllowed = [&] { glanceError(ex, 405, QStringLiteral("The method is not allowed for this resource.")); };
    auto notFound = [&] { glanceError(ex, 404, QStringLiteral("The resource could not be found.")); };
    if (segments.isEmpty() || (segments.size() == 1 && segments.at(0) == QLatin1String("versions"))) {
        get ? versions(ex) : notAllowed();
        return;
    }
    if (segments.at(0) != QLatin1String("v2") || segments.size() < 2) {
        if (segments.size() == 1 && segments.at(0) == QLatin1String("v2"))
            get ? versions(ex) : notAllowed();
        else
            notFound();
        return;
    }
    std::unique_lock lock(m_state.mutex);
    m_state.advance();
    const Token *tokenPtr = http::requireToken(ex, m_state);
    if (!tokenPtr)
        return;
    const Token token = *tokenPtr;
    const QStringList rest = segments.mid(1);
    if (rest.at(0) != QLatin1String("images")) {
        notFound();
        return;
    }
    if (rest.size() == 1) {
        if (get)
            listImages(ex, token);
        else if (method == QLatin1String("POST"))
            createImage(ex, token);
        else
            notAllowed();
    } else if (rest.size() == 2) {
        if (get)
            showImage(ex, token, rest.at(1));
        else if (method == QLatin1String("PATCH"))
            patchImage(ex, token, rest.at(1));
        else if (method == QLatin1String("DELETE"))
            deleteImage(ex, token, rest.at(1));
        else
            notAllowed();
    } else if (rest.size() == 3 && rest.at(2) == QLatin1String("file")) {
        if (get)
            download(ex, token, rest.at(1));
        else if (method == QLatin1String("PUT"))
            upload(ex, token, rest.at(1), lock);
        else
            notAllowed();
    } else {
        notFound();
    }
}

void ImageService::versions(Exchange &ex)
{
    QJsonArray list;
    const QString href = ex.baseUrl() + QStringLiteral("/image/v2/");
    for (int minor = 16; minor >= 0; --minor) {
        list.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("v2.%1").arg(minor)},
                                {QStringLiteral("status"), minor == 16 ? QStringLiteral("CURRENT") : QStringLiteral("SUPPORTED")},
                                {QStringLiteral("links"), QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                                                                 {QStringLiteral("href"), href}}}}});
    }
    // Glance answers its version list with 300 Multiple Choices.
    ex.json(300, QJsonObject{{QStringLiteral("versions"), list}});
}

Image *ImageService::findImage(Exchange &ex, const Token &token, const QString &id)
{
    auto it = m_state.images.find(id);
    if (it == m_state.images.end() || !visibleTo(it.value(), token.projectId)) {
        glanceError(ex, 404, QStringLiteral("No image found with ID %1").arg(id));
        return nullptr;
    }
    return &it.value();
}

void ImageService::listImages(Exchange &ex, const Token &token)
{
    static const QStringList known{QStringLiteral("limit"), QStringLiteral("marker"), QStringLiteral("sort_key"),
                                   QStringLiteral("sort_dir"), QStringLiteral("sort"), QStringLiteral("name"),
                                   QStringLiteral("status"), QStringLiteral("visibility"), QStringLiteral("owner"),
                                   QStringLiteral("tag"), QStringLiteral("os_hidden"), QStringLiteral("member_status"),
                                   QStringLiteral("disk_format"), QStringLiteral("container_format"),
                                   QStringLiteral("size_min"), QStringLiteral("size_max"), QStringLiteral("protected"),
                                   QStringLiteral("id")};
    // Glance's "in:" operator (id, name, disk_format, container_format): `in:a,b` or `in:"a,1","b"`.
    const auto filterMatches = [](const QString &actual, const QString &filter) {
        if (!filter.startsWith(QLatin1String("in:")))
            return actual == filter;
        static const QRegularExpression item(QStringLiteral(R"re("([^"]*)"|([^,]+))re"));
        for (auto it = item.globalMatch(filter.mid(3)); it.hasNext();) {
            const auto match = it.next();
            if (actual == (match.hasCaptured(1) ? match.captured(1) : match.captured(2)))
                return true;
        }
        return false;
    };
    int limit = m_state.settings.imagePageSize;
    if (ex.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ex.query(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0) {
            glanceError(ex, 400, ok ? QStringLiteral("limit param must be positive") : QStringLiteral("limit param must be an integer"));
            return;
        }
    }
    limit = std::min(limit, m_state.settings.imageMaxPageSize);
    const QString sortKey = ex.query(QStringLiteral("sort_key"));
    const QString sortDir = ex.query(QStringLiteral("sort_dir"));
    static const QStringList sortKeys{QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("name"),
                                      QStringLiteral("id"), QStringLiteral("size"), QStringLiteral("status")};
    if (!sortKey.isEmpty() && !sortKeys.contains(sortKey)) {
        glanceError(ex, 400, QStringLiteral("Invalid sort key: %1. It must be one of the following: %2.")
                                 .arg(sortKey, sortKeys.join(QStringLiteral(", "))));
        return;
    }
    if (!sortDir.isEmpty() && sortDir != QLatin1String("asc") && sortDir != QLatin1String("desc")) {
        glanceError(ex, 400, QStringLiteral("Invalid sort direction: %1").arg(sortDir));
        return;
    }
    const QString visibility = ex.query(QStringLiteral("visibility"));
    const QString hidden = ex.query(QStringLiteral("os_hidden"));
    QList<const Image *> matches;
    for (const Image &image : m_state.images) {
        if (!visibleTo(image, token.projectId))
            continue;
        if (visibility.isEmpty()) {
            if (image.visibility == QLatin1String("community") && image.ownerId != token.projectId)
                continue;
        } else if (visibility != QLatin1String("all") && image.visibility != visibility) {
            continue;
        }
        if (image.hidden != (hidden == QLatin1String("true")))
            continue;
        bool ok = true;
        for (const auto &[key, value] : ex.queryItems()) {
            if (key == QLatin1String("id"))
                ok = ok && filterMatches(image.id, value);
            else if (key == QLatin1String("name"))
                ok = ok && filterMatches(image.name, value);
            else if (key == QLatin1String("status"))
                ok = ok && image.status == value;
            else if (key == QLatin1String("owner"))
                ok = ok && image.ownerId == value;
            else if (key == QLatin1String("tag"))
                ok = ok && image.tags.contains(value);
            else if (key == QLatin1String("disk_format"))
                ok = ok && filterMatches(image.diskFormat, value);
            else if (key == QLatin1String("container_format"))
                ok = ok && filterMatches(image.containerFormat, value);
            else if (key == QLatin1String("protected"))
                ok = ok && (image.isProtected ? QStringLiteral("true") : QStringLiteral("false")) == value;
            else if (key == QLatin1String("size_min"))
                ok = ok && image.data && image.data->disk.size() >= value.toLongLong();
            else if (key == QLatin1String("size_max"))
                ok = ok && image.data && image.data->disk.size() <= value.toLongLong();
            else if (!known.contains(key))
                ok = ok && image.properties.value(key).toString() == value; // any other key filters on a property
        }
        if (ok)
            matches.append(&image);
    }
    const QString key = sortKey.isEmpty() ? QStringLiteral("created_at") : sortKey;
    const bool ascending = sortDir == QLatin1String("asc");
    std::sort(matches.begin(), matches.end(), [&](const Image *a, const Image *b) {
        QString va;
        QString vb;
        if (key == QLatin1String("created_at")) {
            if (a->createdAt != b->createdAt)
                return ascending ? a->createdAt < b->createdAt : a->createdAt > b->createdAt;
        } else if (key == QLatin1String("updated_at")) {
            if (a->updatedAt != b->updatedAt)
                return ascending ? a->updatedAt < b->updatedAt : a->updatedAt > b->updatedAt;
        } else if (key == QLatin1String("size")) {
            const qint64 sa = a->data ? a->data->disk.size() : 0;
            const qint64 sb = b->data ? b->data->disk.size() : 0;
            if (sa != sb)
                return ascending ? sa < sb : sa > sb;
        } else {
            va = key == QLatin1String("name") ? a->name : key == QLatin1String("status") ? a->status : a->id;
            vb = key == QLatin1String("name") ? b->name : key == QLatin1String("status") ? b->status : b->id;
            if (va != vb)
                return ascending ? va < vb : va > vb;
        }
        return ascending ? a->id < b->id : a->id > b->id;
    });
    qsizetype start = 0;
    if (ex.hasQuery(QStringLiteral("marker"))) {
        const QString marker = ex.query(QStringLiteral("marker"));
        start = http::indexAfterMarker(matches, marker);
        if (start < 0) {
            glanceError(ex, 400, QStringLiteral("Invalid marker. Image %1 could not be found.").arg(marker));
            return;
        }
    }
    const QList<const Image *> page = matches.mid(start, limit);
    QJsonArray images;
    for (const Image *image : page)
        images.append(imageJson(*image));
    const QUrlQuery firstQuery = http::queryWithoutMarker(ex);
    const QString firstQueryText = firstQuery.toString(QUrl::FullyEncoded);
    QJsonObject body{{QStringLiteral("images"), images},
                     {QStringLiteral("schema"), QStringLiteral("/v2/schemas/images")},
                     {QStringLiteral("first"), firstQueryText.isEmpty() ? QStringLiteral("/v2/images")
                                                                        : QStringLiteral("/v2/images?") + firstQueryText}};
    if (!page.isEmpty() && page.size() == limit) {
        // Glance's next link is relative to the endpoint and keeps the request's other parameters.
        QUrlQuery next = firstQuery;
        next.addQueryItem(QStringLiteral("marker"), page.last()->id);
        body.insert(QStringLiteral("next"), QString(QStringLiteral("/v2/images?") + next.toString(QUrl::FullyEncoded)));
    }
    ex.json(200, body);
}

void ImageService::showImage(Exchange &ex, const Token &token, const QString &id)
{
    if (const Image *image = findImage(ex, token, id))
        ex.json(200, imageJson(*image));
}

void ImageService::createImage(Exchange &ex, const Token &token)
{
    QJsonObject body;
    QString error;
    if (!http::parseJsonObject(ex, &body, &error)) {
        glanceError(ex, 400, error);
        return;
    }
    if (m_state.takeFault(Fault::TooLarge, ex.method(), ex.path())) {
        glanceError(ex, 413, QStringLiteral("The request returned a 413 Request Entity Too Large. This generally means that rate limiting or a quota threshold was breached."));
        return;
    }
    Image image;
    image.id = CloudState::newUuid();
    image.ownerId = token.projectId;
    image.createdAt = QDateTime::currentDateTimeUtc();
    image.updatedAt = image.createdAt;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        QString message;
        if (const int code = applyAttribute(image, it.key(), it.value(), true, &message)) {
            glanceError(ex, code, message);
            return;
        }
    }
    if (m_state.images.contains(image.id)) {
        glanceError(ex, 409, QStringLiteral("Image with identifier %1 already exists!").arg(image.id));
        return;
    }
    m_state.images.insert(image.id, image);
    ex.setHeader("Location", (ex.baseUrl() + QStringLiteral("/image/v2/images/") + image.id).toUtf8());
    ex.json(201, imageJson(image));
}

void ImageService::patchImage(Exchange &ex, const Token &token, const QString &id)
{
    const QByteArray contentType = ex.header("Content-Type").split(';').value(0).trimmed();
    if (contentType != "application/openstack-images-v2.1-json-patch"
        && contentType != "application/openstack-images-v2.0-json-patch") {
        ex.setHeader("Accept-Patch", "application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch");
        glanceError(ex, 415, QStringLiteral("Unsupported Content-Type"));
        return;
    }
    QByteArray raw;
    if (!ex.readBody(&raw)) {
        glanceError(ex, 400, QStringLiteral("The request body could not be read."));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        glanceError(ex, 400, QStringLiteral("Request body must be a JSON array of operation objects."));
        return;
    }
    Image *image = findImage(ex, token, id);
    if (!image)
        return;
    if (image->ownerId != token.projectId) {
        glanceError(ex, 403, QStringLiteral("You are not permitted to modify image %1.").arg(id));
        return;
    }
    Image updated = *image;
    for (const QJsonValue &opValue : doc.array()) {
        const QJsonObject op = opValue.toObject();
        const QString name = op.value(QStringLiteral("op")).toString();
        QString path = op.value(QStringLiteral("path")).toString();
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2 || path.mid(1).contains(QLatin1Char('/'))) {
            glanceError(ex, 400, QStringLiteral("Invalid JSON pointer for this resource: '%1'").arg(path));
            return;
        }
        const QString key = path.mid(1).replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        static const QStringList core{QStringLiteral("name"), QStringLiteral("disk_format"), QStringLiteral("container_format"),
                                      QStringLiteral("visibility"), QStringLiteral("min_disk"), QStringLiteral("min_ram"),
                                      QStringLiteral("protected"), QStringLiteral("os_hidden"), QStringLiteral("tags")};
        QString message;
        if (name == QLatin1String("add") || name == QLatin1String("replace")) {
            if (!op.contains(QStringLiteral("value"))) {
                glanceError(ex, 400, QStringLiteral("Operation objects must contain exactly one member named \"value\"."));
                return;
            }
            if (name == QLatin1String("replace") && !core.contains(key) && !ReadOnly.contains(key) && !Reserved.contains(key)
                && !updated.properties.contains(key)) {
                glanceError(ex, 409, QStringLiteral("Property %1 does not exist.").arg(key));
                return;
            }
            if (const int code = applyAttribute(updated, key, op.value(QStringLiteral("value")), false, &message)) {
                glanceError(ex, code, message);
                return;
            }
        } else if (name == QLatin1String("remove")) {
            if (ReadOnly.contains(key) || core.contains(key)) {
                glanceError(ex, 403, QStringLiteral("Attribute '%1' is read-only.").arg(key));
                return;
            }
            if (!updated.properties.contains(key)) {
                glanceError(ex, 409, QStringLiteral("Property %1 does not exist.").arg(key));
                return;
            }
            updated.properties.remove(key);
        } else {
            glanceError(ex, 400, QStringLiteral("Unable to find '%1' in JSON Schema change").arg(name));
            return;
        }
    }
    updated.updatedAt = QDateTime::currentDateTimeUtc();
    *image = updated;
    ex.json(200, imageJson(updated));
}

void ImageService::deleteImage(Exchange &ex, const Token &token, const QString &id)
{
    Image *image = findImage(ex, token, id);
    if (!image)
        return;
    if (image->ownerId != token.projectId) {
        glanceError(ex, 403, QStringLiteral("You are not permitted to delete this image."));
        return;
    }
    if (image->isProtected) {
        glanceError(ex, 403, QStringLiteral("Image %1 is protected and cannot be deleted.").arg(id));
        return;
    }
    m_state.images.remove(id);
    ex.empty(204);
}

void ImageService::upload(Exchange &ex, const Token &token, const QString &id, std::unique_lock<std::recursive_mutex> &lock)
{
    const QByteArray contentType = ex.header("Content-Type").split(';').value(0).trimmed();
    if (contentType != "application/octet-stream") {
        glanceError(ex, 415, QStringLiteral("Unsupported Content-Type"));
        return;
    }
    Image *image = findImage(ex, token, id);
    if (!image)
        return;
    if (image->ownerId != token.projectId) {
        glanceError(ex, 403, QStringLiteral("You are not permitted to upload data to this image."));
        return;
    }
    if (image->status != QLatin1String("queued")) {
        glanceError(ex, 409, QStringLiteral("Image status transition from %1 to saving is not allowed").arg(image->status));
        return;
    }
    if (m_state.takeFault(Fault::TooLarge, ex.method(), ex.path())) {
        glanceError(ex, 413, QStringLiteral("Image exceeds the storage quota: The size of the data %1 will exceed the limit. 0 bytes remaining.")
                                 .arg(QString::fromLatin1(ex.header("Content-Length"))));
        return;
    }
    image->status = QStringLiteral("saving");
    image->uploading = true;
    image->updatedAt = QDateTime::currentDateTimeUtc();
    const QString path = m_state.newDataFilePath();
    // Stream the body to a file without holding the state lock: other requests (status polls) go on.
    lock.unlock();
    QFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    Hasher md5(Hasher::Md5);
    Hasher sha512(Hasher::Sha512);
    qint64 size = 0;
    if (ok) {
        ok = ex.streamBody([&](const char *data, qint64 n) {
            md5.addData(data, n);
            sha512.addData(data, n);
            size += n;
            return file.write(data, n) == n;
        });
        file.close();
    }
    lock.lock();
    auto it = m_state.images.find(id);
    if (it == m_state.images.end()) {
        QFile::remove(path);
        glanceError(ex, 410, QStringLiteral("Image %1 could not be found after upload. The image may have been deleted during the upload.").arg(id));
        return;
    }
    it->uploading = false;
    it->updatedAt = QDateTime::currentDateTimeUtc();
    if (!ok) {
        // Glance returns a failed upload's image to queued so that it can be retried.
        QFile::remove(path);
        it->status = QStringLiteral("queued");
        glanceError(ex, 400, QStringLiteral("Error in store configuration: the upload was interrupted."));
        return;
    }
    auto data = std::make_shared<ImageData>();
    data->disk = VirtualDisk(std::make_shared<FileDiskSource>(path, size));
    data->md5 = md5.hexResult();
    data->sha512 = sha512.hexResult();
    it->data = data;
    it->status = QStringLiteral("active");
    ex.empty(204);
}

void ImageService::download(Exchange &ex, const Token &token, const QString &id)
{
    Image *image = findImage(ex, token, id);
    if (!image)
        return;
    if (image->status == QLatin1String("deactivated")) {
        glanceError(ex, 403, QStringLiteral("The requested image has been deactivated. Image data download is forbidden."));
        return;
    }
    if (!image->data || image->status != QLatin1String("active")) {
        ex.empty(204); // no data: queued, or a volume-backed snapshot
        return;
    }
    std::shared_ptr<const ImageData> data = image->data;
    const qint64 size = data->disk.size();
    qint64 offset = 0;
    qint64 length = size;
    bool partial = false;
    const QByteArray rangeHeader = ex.header("Range").trimmed();
    if (!rangeHeader.isEmpty()) {
        if (rangeHeader.contains(',')) {
            glanceError(ex, 400, QStringLiteral("Requests with multiple ranges are not supported in Glance. You may make multiple single-range requests instead."));
            return;
        }
        static const QRegularExpression re(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
        const auto match = re.match(QString::fromLatin1(rangeHeader));
        bool valid = match.hasMatch() && !(match.captured(1).isEmpty() && match.captured(2).isEmpty());
        qint64 start = 0;
        qint64 end = -1; // exclusive, -1: to the end
        if (valid) {
            if (match.captured(1).isEmpty()) {
                const qint64 suffix = match.captured(2).toLongLong();
                valid = suffix > 0;
                start = suffix < size ? size - suffix : 0;
            } else {
                start = match.captured(1).toLongLong();
                if (!match.captured(2).isEmpty()) {
                    end = match.captured(2).toLongLong() + 1;
                    valid = end > start;
                }
            }
        }
        ex.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
        if (!valid) {
            glanceError(ex, 416, QStringLiteral("Invalid Range header."));
            return;
        }
        if (start >= size) {
            glanceError(ex, 416, QStringLiteral("Invalid start position in Range header. Start position MUST be in the inclusive range [0, %1].")
                                     .arg(size - 1));
            return;
        }
        offset = start;
        length = (end >= 0 && end < size) ? end - offset : size - offset;
        partial = true;
        ex.setHeader("Content-Range", "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1)
                                          + '/' + QByteArray::number(size));
    }
    // Glance sends the whole image's MD5 even for a range.
    ex.setHeader("Content-MD5", data->md5);
    ex.stream(partial ? 206 : 200, length, "application/octet-stream",
              [data, offset](qint64 pos, char *buffer, qint64 n) { return data->disk.read(offset + pos, buffer, n); });
}

} // namespace fake
