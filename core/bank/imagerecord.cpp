#include "bank/imagerecord.h"

#include "bank/chunkcodec.h"

#include <QJsonArray>

namespace sv {

QJsonObject ImageRecord::toJson() const
{
    QJsonArray chunkArray;
    for (const ChunkRef &chunk : chunks)
        chunkArray.append(QJsonArray{QString::fromLatin1(chunk.sha256), chunk.size});
    return QJsonObject{
        {QStringLiteral("size"), size},
        {QStringLiteral("md5"), QString::fromLatin1(md5)},
        {QStringLiteral("sha512"), QString::fromLatin1(sha512)},
        {QStringLiteral("disk_format"), diskFormat},
        {QStringLiteral("container_format"), containerFormat},
        {QStringLiteral("new_bytes"), newBytes},
        {QStringLiteral("new_stored_bytes"), newStoredBytes},
        {QStringLiteral("stored_bytes"), storedBytes},
        {QStringLiteral("chunks"), chunkArray},
    };
}

bool ImageRecord::fromJson(const QJsonObject &json, ImageRecord *record, QString *why)
{
    ImageRecord r;
    r.size = json.value(QStringLiteral("size")).toInteger(-1);
    r.md5 = json.value(QStringLiteral("md5")).toString().toLatin1();
    r.sha512 = json.value(QStringLiteral("sha512")).toString().toLatin1();
    r.diskFormat = json.value(QStringLiteral("disk_format")).toString();
    r.containerFormat = json.value(QStringLiteral("container_format")).toString();
    r.newBytes = json.value(QStringLiteral("new_bytes")).toInteger();
    r.newStoredBytes = json.value(QStringLiteral("new_stored_bytes")).toInteger();
    r.storedBytes = json.value(QStringLiteral("stored_bytes")).toInteger();
    if (r.size < 0) {
        *why = QStringLiteral("image size is missing or negative");
        return false;
    }
    if (r.sha512.size() != 128) {
        *why = QStringLiteral("image sha512 is missing or malformed");
        return false;
    }
    const QJsonArray chunkArray = json.value(QStringLiteral("chunks")).toArray();
    r.chunks.reserve(chunkArray.size());
    qint64 total = 0;
    for (qsizetype i = 0; i < chunkArray.size(); ++i) {
        const QJsonArray entry = chunkArray.at(i).toArray();
        ChunkRef chunk;
        chunk.sha256 = entry.at(0).toString().toLatin1();
        chunk.size = entry.at(1).toInteger(-1);
        if (entry.size() != 2 || !ChunkCodec::isValidName(chunk.sha256)) {
            *why = QStringLiteral("chunk %1 has an invalid name \"%2\" (a chunk name is 64 lowercase hex "
                                  "characters; anything else could point outside the bank)")
                       .arg(i)
                       .arg(entry.at(0).toString().left(100));
            return false;
        }
        if (chunk.size <= 0 || chunk.size > 64 * 1024 * 1024) {
            *why = QStringLiteral("chunk %1 has an invalid size").arg(i);
            return false;
        }
        total += chunk.size;
        r.chunks.append(chunk);
    }
    if (total != r.size) {
        *why = QStringLiteral("chunk sizes add up to %1 bytes but the image size is %2").arg(total).arg(r.size);
        return false;
    }
    *record = std::move(r);
    return true;
}

} // namespace sv
