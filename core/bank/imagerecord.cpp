#include "bank/imagerecord.h"

#include "bank/chunkcodec.h"

#include <QJsonArray>

namespace sv {

qint64 ImageRecord::chunkCount() const
{
    if (!splitList)
        return chunks.size();
    qint64 count = 0;
    for (const ChunkListPart &part : listParts)
        count += part.chunks;
    return count;
}

QJsonObject ImageRecord::toJson() const
{
    QJsonObject json{
        {QStringLiteral("size"), size},
        {QStringLiteral("md5"), QString::fromLatin1(md5)},
        {QStringLiteral("sha512"), QString::fromLatin1(sha512)},
        {QStringLiteral("disk_format"), diskFormat},
        {QStringLiteral("container_format"), containerFormat},
        {QStringLiteral("new_bytes"), newBytes},
        {QStringLiteral("new_stored_bytes"), newStoredBytes},
        {QStringLiteral("stored_bytes"), storedBytes},
    };
    if (splitList) {
        QJsonArray partArray;
        for (const ChunkListPart &part : listParts)
            partArray.append(QJsonArray{QString::fromLatin1(part.name), part.chunks, part.bytes});
        json.insert(QStringLiteral("chunk_count"), chunkCount());
        json.insert(QStringLiteral("chunk_list"), partArray);
    } else {
        QJsonArray chunkArray;
        for (const ChunkRef &chunk : chunks)
            chunkArray.append(QJsonArray{QString::fromLatin1(chunk.sha256), chunk.size});
        json.insert(QStringLiteral("chunks"), chunkArray);
    }
    return json;
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
    qint64 total = 0;
    if (json.contains(QStringLiteral("chunk_list"))) {
        r.splitList = true;
        const QJsonArray partArray = json.value(QStringLiteral("chunk_list")).toArray();
        qint64 count = 0;
        for (qsizetype i = 0; i < partArray.size(); ++i) {
            const QJsonArray entry = partArray.at(i).toArray();
            ChunkListPart part;
            part.name = entry.at(0).toString().toLatin1();
            part.chunks = entry.at(1).toInteger(-1);
            part.bytes = entry.at(2).toInteger(-1);
            if (entry.size() != 3 || !ChunkCodec::isValidName(part.name)) {
                *why = QStringLiteral("chunk list part %1 has an invalid name \"%2\" (a part name is 64 lowercase "
                                      "hex characters; anything else could point outside the bank)")
                           .arg(i)
                           .arg(entry.at(0).toString().left(100));
                return false;
            }
            // A part holds at least one chunk of at least one byte, and no chunk is larger than 64 MiB.
            if (part.chunks <= 0 || part.chunks > MaxChunksPerPart || part.bytes < part.chunks
                || part.bytes > part.chunks * MaxChunkSize) {
                *why = QStringLiteral("chunk list part %1 has an invalid chunk count or size").arg(i);
                return false;
            }
            count += part.chunks;
            total += part.bytes;
            r.listParts.append(part);
        }
        if (json.value(QStringLiteral("chunk_count")).toInteger(-1) != count) {
            *why = QStringLiteral("the chunk list parts hold %1 chunks but the image says %2")
                       .arg(count)
                       .arg(json.value(QStringLiteral("chunk_count")).toInteger(-1));
            return false;
        }
    } else {
        const QJsonArray chunkArray = json.value(QStringLiteral("chunks")).toArray();
        r.chunks.reserve(chunkArray.size());
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
            if (chunk.size <= 0 || chunk.size > MaxChunkSize) {
                *why = QStringLiteral("chunk %1 has an invalid size").arg(i);
                return false;
            }
            total += chunk.size;
            r.chunks.append(chunk);
        }
    }
    if (total != r.size) {
        *why = QStringLiteral("chunk sizes add up to %1 bytes but the image size is %2").arg(total).arg(r.size);
        return false;
    }
    *record = std::move(r);
    return true;
}

} // namespace sv
