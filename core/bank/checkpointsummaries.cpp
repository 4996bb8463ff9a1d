#include "bank/checkpointsummaries.h"

#include "bank/checkpointindex.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace sv::SummaryFormat {

bool isSettled(const QString &status)
{
    return status == QLatin1String("available") || status == QLatin1String("error");
}

QString objectName(const QByteArray &name)
{
    return QStringLiteral("summaries/") + QString::fromLatin1(name);
}

QByteArray associatedData(const QByteArray &name)
{
    return QByteArrayLiteral("stackvault summaries\n") + name;
}

QByteArray md5Hex(const QByteArray &storedIndex)
{
    return QCryptographicHash::hash(storedIndex, QCryptographicHash::Md5).toHex();
}

QByteArray encode(const QList<Entry> &entries)
{
    QJsonArray checkpoints;
    for (const Entry &entry : entries) {
        const CheckpointSummary &s = entry.summary;
        QJsonObject json{{QStringLiteral("id"), s.id},
                         {QStringLiteral("index_md5"), QString::fromLatin1(entry.indexMd5)},
                         {QStringLiteral("created_at"), s.created.toUTC().toString(Qt::ISODateWithMs)},
                         {QStringLiteral("status"), s.status},
                         {QStringLiteral("server_id"), s.serverId},
                         {QStringLiteral("server_name"), s.serverName},
                         {QStringLiteral("consistency"), s.consistency},
                         {QStringLiteral("size"), s.size},
                         {QStringLiteral("stored_bytes"), s.storedBytes},
                         {QStringLiteral("new_stored_bytes"), s.newStoredBytes}};
        if (!s.errorMessage.isEmpty())
            json.insert(QStringLiteral("error"), s.errorMessage);
        if (!s.plan.isEmpty())
            json.insert(QStringLiteral("plan"), s.plan);
        if (!s.restoreTest.isEmpty())
            json.insert(QStringLiteral("restore_test"), s.restoreTest.toJson());
        checkpoints.append(json);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("stackvault-summaries")},
                                     {QStringLiteral("version"), Version},
                                     {QStringLiteral("checkpoints"), checkpoints}})
        .toJson(QJsonDocument::Compact);
}

namespace {

bool isMd5Hex(const QString &text)
{
    if (text.size() != 32)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

} // namespace

bool decode(const QByteArray &plain, QList<Entry> *entries, int *version, QString *why)
{
    entries->clear();
    *version = 0;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(plain, &parseError);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String("stackvault-summaries")) {
        *why = QStringLiteral("not a summary object");
        return false;
    }
    *version = root.value(QStringLiteral("version")).toInt();
    if (*version != Version) {
        *why = QStringLiteral("summary object version %1, this version of StackVault reads %2").arg(*version).arg(Version);
        return false;
    }
    const QJsonArray checkpoints = root.value(QStringLiteral("checkpoints")).toArray();
    if (checkpoints.size() > MaxEntries) {
        *why = QStringLiteral("%1 entries, more than %2").arg(checkpoints.size()).arg(MaxEntries);
        return false;
    }
    for (const QJsonValue &value : checkpoints) {
        const QJsonObject json = value.toObject();
        Entry entry;
        CheckpointSummary &s = entry.summary;
        s.id = json.value(QStringLiteral("id")).toString();
        const QString md5 = json.value(QStringLiteral("index_md5")).toString();
        s.created = QDateTime::fromString(json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
        s.status = json.value(QStringLiteral("status")).toString();
        s.serverId = json.value(QStringLiteral("server_id")).toString();
        s.serverName = json.value(QStringLiteral("server_name")).toString();
        s.consistency = json.value(QStringLiteral("consistency")).toString();
        s.errorMessage = json.value(QStringLiteral("error")).toString();
        s.plan = json.value(QStringLiteral("plan")).toString();
        s.restoreTest = RestoreTestRecord::fromJson(json.value(QStringLiteral("restore_test")).toObject());
        s.size = json.value(QStringLiteral("size")).toInteger(-1);
        s.storedBytes = json.value(QStringLiteral("stored_bytes")).toInteger(-1);
        s.newStoredBytes = json.value(QStringLiteral("new_stored_bytes")).toInteger(-1);
        if (!CheckpointIndex::isValidId(s.id) || !isMd5Hex(md5) || !s.created.isValid() || !isSettled(s.status)
            || s.size < 0 || s.storedBytes < 0 || s.newStoredBytes < 0) {
            *why = QStringLiteral("entry %1 (checkpoint \"%2\") is incomplete or invalid")
                       .arg(entries->size() + 1)
                       .arg(s.id.left(100));
            entries->clear();
            return false;
        }
        entry.indexMd5 = md5.toLatin1();
        entries->append(std::move(entry));
    }
    return true;
}

} // namespace sv::SummaryFormat
