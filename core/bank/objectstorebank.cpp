#include "bank/objectstorebank.h"

#include "bank/banklog.h"
#include "bank/chunkcodec.h"
#include "bank/chunklist.h"
#include "bank/packstore.h"
#include "bank/keyfile.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <unistd.h>

namespace sv {

// A lock object locks/<mode>-<uuid>, written again every ttl/4 by a thread of its own (so a long
// backup keeps it alive without the worker's help) and deleted when released.
class ObjectStoreLock : public BankLock
{
public:
    ObjectStoreLock(const ObjectStoreBank *bank, QString object, QByteArray body)
        : m_bank(bank)
        , m_object(std::move(object))
        , m_body(std::move(body))
    {
        const auto interval = std::max<std::chrono::milliseconds>(std::chrono::milliseconds(m_bank->lockTtl()) / 4,
                                                                  std::chrono::milliseconds(1000));
        m_refresher = std::thread([this, interval] {
            std::unique_lock<std::mutex> held(m_mutex);
            while (!m_released.wait_for(held, interval, [this] { return m_isReleased; })) {
                held.unlock();
                // Re-PUT: the object's last-modified time is what other processes age it by.
                BankError error;
                if (!m_bank->putObject(m_object, m_body, &error))
                    qCWarning(lcBank).noquote() << "could not refresh bank lock" << m_object << error.message;
                held.lock();
            }
        });
    }
    ~ObjectStoreLock() override
    {
        {
            const std::lock_guard<std::mutex> held(m_mutex);
            m_isReleased = true;
        }
        m_released.notify_all();
        m_refresher.join();
        BankError error;
        bool existed = false;
        if (!m_bank->deleteObject(m_object, &existed, &error))
            qCWarning(lcBank).noquote() << "could not remove bank lock" << m_object << error.message
                                        << "(it expires by itself)";
    }

private:
    const ObjectStoreBank *m_bank;
    QString m_object;
    QByteArray m_body;
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_isReleased = false;
    std::thread m_refresher;
};

namespace {

const QString kLockPrefix = QStringLiteral("locks/");
const QString kExclusivePrefix = QStringLiteral("locks/exclusive-");

BankError invalidChunkName(const QByteArray &name)
{
    return BankError::make(BankError::Code::InvalidName,
                           QStringLiteral("Refusing chunk name \"%1\": a chunk name is 64 lowercase hex "
                                          "characters.")
                               .arg(QString::fromLatin1(name.left(100))));
}

BankError invalidId(const QString &id)
{
    return BankError::make(BankError::Code::InvalidName,
                           QStringLiteral("\"%1\" is not a valid checkpoint id.").arg(id.left(100)));
}

} // namespace

// Packs and pack indexes as objects of the store (a PUT is atomic and durable once answered).
class ObjectStoreBank::PackObjects : public PackStore::Backend
{
public:
    explicit PackObjects(const ObjectStoreBank *bank)
        : m_bank(bank)
    {
    }
    bool putObject(const QString &name, const QByteArray &data, BankError *error) override
    {
        return m_bank->putObject(name, data, error);
    }
    bool readObject(const QString &name, qint64 offset, qint64 length, QByteArray *data,
                    BankError *error) const override
    {
        if (offset == 0 && length < 0)
            return m_bank->getObject(name, data, error);
        if (!m_bank->store().getObjectRange(name, offset, length, data, error))
            return false;
        if (data->size() == length)
            return true;
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("%1 is truncated: %2 bytes at offset %3 were expected, %4 found.")
                                     .arg(describe(name))
                                     .arg(length)
                                     .arg(offset)
                                     .arg(data->size()),
                                 describe(name));
        return false;
    }
    bool removeObject(const QString &name, BankError *error) override
    {
        bool existed = false;
        return m_bank->deleteObject(name, &existed, error);
    }
    bool listObjects(const QString &prefix, const std::function<bool(const QString &, qint64)> &visit,
                     BankError *error) const override
    {
        return m_bank->listObjects(prefix, [&](const Listed &entry) { return visit(entry.name, entry.bytes); }, error);
    }
    QString describe(const QString &name) const override { return m_bank->location() + QLatin1Char('/') + name; }

private:
    const ObjectStoreBank *m_bank;
};

ObjectStoreBank::ObjectStoreBank(std::unique_ptr<ObjectStore> store)
    : m_store(std::move(store))
{
}

ObjectStoreBank::~ObjectStoreBank()
{
    m_packs.reset(); // waits for its uploads, which use the store
}

QString ObjectStoreBank::location() const { return m_store->location(); }

QString ObjectStoreBank::chunkObject(const QByteArray &name)
{
    return QStringLiteral("chunks/") + QString::fromLatin1(name.left(2)) + QLatin1Char('/') + QString::fromLatin1(name);
}

QString ObjectStoreBank::indexObject(const QString &checkpointId)
{
    return QStringLiteral("checkpoints/") + checkpointId + QStringLiteral(".json");
}

bool ObjectStoreBank::putObject(const QString &object, const QByteArray &data, BankError *error) const
{
    return m_store->putObject(object, data, error);
}

bool ObjectStoreBank::getObject(const QString &object, QByteArray *data, BankError *error) const
{
    return m_store->getObject(object, data, error);
}

bool ObjectStoreBank::deleteObject(const QString &object, bool *existed, BankError *error) const
{
    return m_store->deleteObject(object, existed, error);
}

bool ObjectStoreBank::headObject(const QString &object, qint64 *size, BankError *error) const
{
    return m_store->headObject(object, size, error);
}

bool ObjectStoreBank::listObjects(const QString &prefix, const std::function<bool(const Listed &)> &visit,
                                  BankError *error, QDateTime *serverTime) const
{
    QString marker;
    for (;;) {
        ObjectStore::Page page;
        if (!m_store->listPage(prefix, marker, ListPageSize, &page, error))
            return false;
        if (serverTime)
            *serverTime = page.serverTime;
        for (const Listed &entry : std::as_const(page.entries)) {
            if (!visit(entry))
                return true;
        }
        if (page.atEnd || page.entries.isEmpty())
            return true;
        marker = page.entries.constLast().name;
    }
}

bool ObjectStoreBank::open(BankError *error)
{
    // A bank that must exist is not made: its missing bank.json (or container) is then NotFound below.
    if (createIfMissing() && !m_store->createContainer(error))
        return false;
    const QString formatObject = QStringLiteral("bank.json");
    QByteArray formatJson;
    BankError readError;
    if (getObject(formatObject, &formatJson, &readError)) {
        if (!acceptDescription(formatJson, location() + QLatin1Char('/') + formatObject, error))
            return false;
    } else if (readError.code == BankError::Code::NotFound) {
        // Writing bank.json also proves the container is writable for this user. Two processes may make
        // the same new bank at once: bank.json is written only if none exists, so one master key wins
        // and the other process opens the winner's bank instead (FORMAT.md, "Creating a bank").
        bool existed = false;
        if (!createDescription(&formatJson, error) || !m_store->createObject(formatObject, formatJson, &existed, error))
            return false;
        if (existed) {
            const QString path = location() + QLatin1Char('/') + formatObject;
            if (!getObject(formatObject, &formatJson, error) || !adoptRivalDescription(formatJson, path, error))
                return false;
        } else {
            setPassphrase({});
        }
    } else {
        *error = readError;
        return false;
    }
    // open() again on a bank in use (every job of a plan run opens the one bank they share) keeps the
    // pack store: a new one would drop the chunks other writers staged and not yet published, and their
    // commits would then find them missing.
    const bool packs = acceptedLayout() == QLatin1String(PacksLayout);
    const std::shared_ptr<const BankKeys> keys = sharedKeys();
    if (packs && m_packs && keys == m_packKeys)
        return true;
    m_packs.reset();
    m_packObjects.reset();
    m_packKeys.reset();
    if (packs) {
        m_packObjects = std::make_unique<PackObjects>(this);
        PackStore::Options options;
        options.uploadsInFlight = PackUploadsInFlight;
        m_packs = std::make_unique<PackStore>(m_packObjects.get(), PackStore::Sealer::withKeys(keys), options);
        m_packKeys = keys;
    }
    return true;
}

bool ObjectStoreBank::chunkInfo(const QByteArray &name, qint64 *storedSize) const
{
    if (!ChunkCodec::isValidName(name))
        return false;
    if (m_packs)
        return m_packs->chunkInfo(name, storedSize);
    BankError error;
    qint64 size = -1;
    // Any failure reads as "absent": the writer then stores the chunk again, which is harmless.
    if (!headObject(chunkObject(name), &size, &error) || size < 0)
        return false;
    *storedSize = size;
    return true;
}

bool ObjectStoreBank::stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged, BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    staged->name = name;
    staged->token.clear();
    if (m_packs)
        return m_packs->stageChunk(name, encoded, error);
    return putObject(chunkObject(name), encoded, error);
}

bool ObjectStoreBank::publishChunks(const QList<StagedChunk> &staged, BankError *error)
{
    return !m_packs || staged.isEmpty() || m_packs->publish(error);
}

void ObjectStoreBank::discardChunks(const QList<StagedChunk> &) {}

bool ObjectStoreBank::getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    if (m_packs)
        return m_packs->getChunk(name, encoded, error);
    return getObject(chunkObject(name), encoded, error);
}

bool ObjectStoreBank::removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    *freedBytes = 0;
    if (m_packs)
        return m_packs->removeChunk(name, freedBytes, error);
    chunkInfo(name, freedBytes);
    bool existed = false;
    return deleteObject(chunkObject(name), &existed, error);
}

bool ObjectStoreBank::listChunks(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
    if (m_packs)
        return m_packs->listChunks(visit, error);
    return listObjects(
        QStringLiteral("chunks/"),
        [&](const Listed &entry) {
            const QStringList parts = entry.name.split(QLatin1Char('/'));
            if (parts.size() != 3)
                return true;
            const QByteArray name = parts[2].toLatin1();
            if (!ChunkCodec::isValidName(name) || parts[1].toLatin1() != name.left(2))
                return true; // strangers are not chunks
            return visit(name, entry.bytes);
        },
        error);
}

bool ObjectStoreBank::syncChunks(const QList<QByteArray> &, BankError *)
{
    // Swift answers 201 to a PUT only once a quorum of replicas has the object on disk; S3 answers 200
    // only once the object is stored durably.
    return true;
}

bool ObjectStoreBank::putListPart(const QByteArray &name, const QByteArray &data, BankError *error)
{
    return putObject(ChunkListFormat::objectName(name), data, error);
}

bool ObjectStoreBank::getListPart(const QByteArray &name, QByteArray *data, BankError *error) const
{
    return getObject(ChunkListFormat::objectName(name), data, error);
}

bool ObjectStoreBank::removeListPart(const QByteArray &name, BankError *error)
{
    bool existed = false;
    return deleteObject(ChunkListFormat::objectName(name), &existed, error);
}

bool ObjectStoreBank::listListParts(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
    return listObjects(
        QStringLiteral("lists/"),
        [&visit](const Listed &entry) {
            const QByteArray part = entry.name.section(QLatin1Char('/'), -1).toLatin1();
            return !ChunkCodec::isValidName(part) || visit(part, entry.bytes);
        },
        error);
}

bool ObjectStoreBank::writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    // A PUT replaces the object atomically: readers see the old or the new index, never a mix.
    return putObject(indexObject(checkpointId), json, error);
}

bool ObjectStoreBank::readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    return getObject(indexObject(checkpointId), json, error);
}

bool ObjectStoreBank::removeIndex(const QString &checkpointId, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    bool existed = false; // like unlink(ENOENT) in the local bank, an absent index counts as removed
    return deleteObject(indexObject(checkpointId), &existed, error);
}

bool ObjectStoreBank::listIndexIds(QStringList *ids, BankError *error) const
{
    ids->clear();
    return listObjects(
        QStringLiteral("checkpoints/"),
        [&](const Listed &entry) {
            if (!entry.name.endsWith(QLatin1String(".json")))
                return true;
            const QString id = entry.name.mid(12).chopped(5);
            if (CheckpointIndex::isValidId(id))
                ids->append(id);
            return true;
        },
        error);
}

bool ObjectStoreBank::listIndexes(QList<ListedIndex> *indexes, BankError *error) const
{
    indexes->clear();
    return listObjects(
        QStringLiteral("checkpoints/"),
        [&](const Listed &entry) {
            if (!entry.name.endsWith(QLatin1String(".json")))
                return true;
            const QString id = entry.name.mid(12).chopped(5);
            if (CheckpointIndex::isValidId(id))
                indexes->append(ListedIndex{id, entry.md5});
            return true;
        },
        error);
}

bool ObjectStoreBank::putSummaryObject(const QByteArray &name, const QByteArray &data, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    return putObject(SummaryFormat::objectName(name), data, error);
}

bool ObjectStoreBank::getSummaryObject(const QByteArray &name, QByteArray *data, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    return getObject(SummaryFormat::objectName(name), data, error);
}

bool ObjectStoreBank::removeSummaryObject(const QByteArray &name, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    bool existed = false;
    return deleteObject(SummaryFormat::objectName(name), &existed, error);
}

bool ObjectStoreBank::listSummaryObjects(const std::function<bool(const QByteArray &, qint64)> &visit,
                                         BankError *error) const
{
    return listObjects(
        QStringLiteral("summaries/"),
        [&visit](const Listed &entry) {
            const QByteArray name = entry.name.mid(10).toLatin1();
            return !ChunkCodec::isValidName(name) || visit(name, entry.bytes); // strangers are not summaries
        },
        error);
}

std::unique_ptr<BankLock> ObjectStoreBank::lock(BankLock::Mode mode, int timeoutMs, BankError *error) const
{
    const bool exclusive = mode == BankLock::Mode::Exclusive;
    const QString object = (exclusive ? kExclusivePrefix : QStringLiteral("locks/shared-"))
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("host"), QHostInfo::localHostName()},
                                                      {QStringLiteral("pid"), qint64(::getpid())},
                                                      {QStringLiteral("mode"), exclusive ? QStringLiteral("exclusive")
                                                                                         : QStringLiteral("shared")}})
                                .toJson(QJsonDocument::Compact);
    QElapsedTimer timer;
    timer.start();
    int delayMs = 20;
    for (;;) {
        // Announce first, then look: of two processes that race, at least one sees the other.
        if (!putObject(object, body, error))
            return {};
        QDateTime now;
        QStringList conflicts;
        QStringList stale;
        if (!listObjects(
                kLockPrefix,
                [&](const Listed &entry) {
                    if (entry.name == object)
                        return true;
                    (entry.lastModified.secsTo(now.isValid() ? now : QDateTime::currentDateTimeUtc())
                             >= m_lockTtl.count()
                         ? stale
                         : conflicts)
                        .append(entry.name);
                    return true;
                },
                error, &now)) {
            bool existed = false;
            BankError ignored;
            deleteObject(object, &existed, &ignored);
            return {};
        }
        for (const QString &old : std::as_const(stale)) {
            qCInfo(lcBank).noquote() << "removing expired bank lock" << old << "in" << location();
            bool existed = false;
            BankError ignored;
            deleteObject(old, &existed, &ignored);
        }
        if (!exclusive) {
            conflicts.erase(std::remove_if(conflicts.begin(), conflicts.end(),
                                           [](const QString &name) { return !name.startsWith(kExclusivePrefix); }),
                            conflicts.end());
        }
        if (conflicts.isEmpty())
            return std::make_unique<ObjectStoreLock>(this, object, body);
        // Step back so the other side can proceed (two exclusive claimants both step back, then
        // retry after random delays: one of them wins).
        bool existed = false;
        BankError ignored;
        deleteObject(object, &existed, &ignored);
        if (timer.elapsed() >= timeoutMs) {
            *error = BankError::make(
                BankError::Code::Busy,
                exclusive ? QStringLiteral("The backup storage %1 is in use by a running backup (another window or a "
                                           "scheduled command); try again when it has finished.")
                                .arg(location())
                          : QStringLiteral("The backup storage %1 is being cleaned up (garbage collection) by another "
                                           "StackVault process; try again in a moment.")
                                .arg(location()),
                location());
            return {};
        }
        QThread::msleep(static_cast<unsigned long>(delayMs + QRandomGenerator::global()->bounded(delayMs)));
        delayMs = std::min(delayMs * 2, 1000);
    }
}

bool ObjectStoreBank::removeStaleTemporaries(int *removed, BankError *)
{
    // An object PUT is atomic: an interrupted upload leaves no object behind, so there are no temporaries.
    *removed = 0;
    return true;
}

bool ObjectStoreBank::writeKeyFile(const QString &id, const QByteArray &data, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    return putObject(KeyFile::objectName(id), data, error);
}

bool ObjectStoreBank::readKeyFile(const QString &id, QByteArray *data, BankError *error) const
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    return getObject(KeyFile::objectName(id), data, error);
}

bool ObjectStoreBank::removeKeyFile(const QString &id, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    bool existed = false;
    return deleteObject(KeyFile::objectName(id), &existed, error);
}

bool ObjectStoreBank::listKeyFileIds(QStringList *ids, BankError *error) const
{
    ids->clear();
    return listObjects(
        QStringLiteral("keys/"),
        [&](const Listed &entry) {
            const QString id = entry.name.mid(5);
            if (KeyFile::isValidId(id))
                ids->append(id);
            return true;
        },
        error);
}

bool ObjectStoreBank::addJournalEntry(const JournalEntry &entry, BankError *error)
{
    return putObject(QStringLiteral("journal/") + journalKey(entry) + QStringLiteral(".json"), encodeJournalEntry(entry),
                     error);
}

bool ObjectStoreBank::removeJournalEntry(const JournalEntry &entry, BankError *error)
{
    bool existed = false;
    return deleteObject(QStringLiteral("journal/") + journalKey(entry) + QStringLiteral(".json"), &existed, error);
}

bool ObjectStoreBank::journalEntries(QList<JournalEntry> *entries, BankError *error) const
{
    entries->clear();
    QStringList names;
    if (!listObjects(
            QStringLiteral("journal/"),
            [&](const Listed &entry) {
                if (entry.name.endsWith(QLatin1String(".json")))
                    names.append(entry.name);
                return true;
            },
            error))
        return false;
    for (const QString &name : std::as_const(names)) {
        QByteArray data;
        BankError readError;
        if (!getObject(name, &data, &readError)) {
            if (readError.code == BankError::Code::NotFound)
                continue; // removed meanwhile
            *error = readError;
            return false;
        }
        JournalEntry entry;
        if (!decodeJournalEntry(name.mid(8).chopped(5), data, &entry, error))
            return false;
        entries->append(entry);
    }
    JournalEntry::sortByCreation(entries);
    return true;
}

} // namespace sv
