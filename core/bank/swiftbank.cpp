#include "bank/swiftbank.h"

#include "bank/banklog.h"
#include "bank/chunkcodec.h"
#include "bank/keyfile.h"
#include "openstack/connection.h"
#include "openstack/objectstore/createcontainerjob.h"
#include "openstack/objectstore/deleteobjectjob.h"
#include "openstack/objectstore/getobjectjob.h"
#include "openstack/objectstore/headobjectjob.h"
#include "openstack/objectstore/listobjectsjob.h"
#include "openstack/objectstore/putobjectjob.h"
#include "openstack/session.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <future>

#include <unistd.h>

namespace sv {

using openstack::ApiJob;
using openstack::Connection;

struct SwiftBank::Outcome
{
    openstack::Error error;
    QByteArray data;
    qint64 size = -1;
    bool existed = true;
    bool atEnd = true;
    QDateTime serverTime;
    QList<openstack::ListObjectsJob::Entry> entries;
};

// A lock object locks/<mode>-<uuid>, refreshed every ttl/4 by a timer on the bank's I/O thread (so a
// long backup keeps it alive without the worker's help) and deleted when released.
class SwiftLock : public BankLock
{
public:
    SwiftLock(const SwiftBank *bank, QString object, QByteArray body)
        : m_bank(bank)
        , m_object(std::move(object))
        , m_body(std::move(body))
    {
        const auto interval = std::chrono::milliseconds(m_bank->lockTtl()) / 4;
        QMetaObject::invokeMethod(
            m_bank->m_context,
            [this, interval] {
                m_timer = new QTimer(m_bank->m_context);
                m_timer->setInterval(std::max<std::chrono::milliseconds>(interval, std::chrono::milliseconds(1000)));
                QObject::connect(m_timer, &QTimer::timeout, m_bank->m_context, [this] {
                    // Re-PUT: the object's last_modified is what other processes age it by.
                    auto *job = new openstack::PutObjectJob(m_bank->m_connection, m_bank->m_container, m_object, m_body);
                    QObject::connect(job, &ApiJob::finished, m_bank->m_context, [object = m_object](const openstack::Error &e) {
                        if (!e.isOk())
                            qCWarning(lcBank).noquote() << "could not refresh bank lock" << object << e.toLogString();
                    });
                    job->start();
                });
                m_timer->start();
            },
            Qt::BlockingQueuedConnection);
    }
    ~SwiftLock() override
    {
        QMetaObject::invokeMethod(m_bank->m_context, [this] { delete m_timer; }, Qt::BlockingQueuedConnection);
        BankError error;
        bool existed = false;
        if (!m_bank->deleteObject(m_object, &existed, &error))
            qCWarning(lcBank).noquote() << "could not remove bank lock" << m_object << error.message
                                        << "(it expires by itself)";
    }

private:
    const SwiftBank *m_bank;
    QString m_object;
    QByteArray m_body;
    QTimer *m_timer = nullptr; // owned by the I/O thread's context
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

SwiftBank::SwiftBank(std::shared_ptr<openstack::Session> session, QString container)
    : m_session(std::move(session))
    , m_container(std::move(container))
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("swift-bank-io"));
    m_context->moveToThread(m_thread);
    m_thread->start();
    // The Connection (and its QNetworkAccessManager) must be created on the thread that uses it.
    QMetaObject::invokeMethod(
        m_context, [this] { m_connection = new Connection(m_session, m_context); }, Qt::BlockingQueuedConnection);
}

SwiftBank::~SwiftBank()
{
    // Deferred deletes still run after the event loop stopped (QThread::finished).
    m_context->deleteLater();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool SwiftBank::isSwiftSpec(const QString &spec) { return spec.startsWith(QLatin1String("swift:")); }

bool SwiftBank::parseSpec(const QString &spec, QString *cloudName, QString *container)
{
    if (!isSwiftSpec(spec))
        return false;
    const QString rest = spec.mid(6);
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == rest.size() - 1)
        return false;
    *cloudName = rest.left(slash);
    *container = rest.mid(slash + 1);
    return true;
}

QString SwiftBank::location() const
{
    return QStringLiteral("swift:") + m_session->profile().name + QLatin1Char('/') + m_container;
}

QString SwiftBank::chunkObject(const QByteArray &name)
{
    return QStringLiteral("chunks/") + QString::fromLatin1(name.left(2)) + QLatin1Char('/') + QString::fromLatin1(name);
}

QString SwiftBank::indexObject(const QString &checkpointId)
{
    return QStringLiteral("checkpoints/") + checkpointId + QStringLiteral(".json");
}

SwiftBank::Outcome SwiftBank::call(const JobFactory &make, const Collector &collect) const
{
    Outcome refused;
    if (QThread::currentThread() == m_thread) {
        refused.error = openstack::Error::make(openstack::Error::Kind::InvalidArgument,
                                               QStringLiteral("Internal error: the Swift bank was called from its own "
                                                              "I/O thread."));
        return refused;
    }
    std::promise<Outcome> promise;
    std::future<Outcome> future = promise.get_future();
    QMetaObject::invokeMethod(
        m_context,
        [this, &make, &collect, &promise] {
            ApiJob *job = make(m_connection);
            QObject::connect(job, &ApiJob::finished, m_context, [job, &collect, &promise](const openstack::Error &error) {
                Outcome outcome;
                outcome.error = error;
                collect(job, outcome);
                promise.set_value(std::move(outcome));
            });
            job->start();
        },
        Qt::QueuedConnection);
    return future.get();
}

BankError SwiftBank::toBankError(const openstack::Error &error, const QString &object) const
{
    using Kind = openstack::Error::Kind;
    BankError::Code code = BankError::Code::Io;
    switch (error.kind) {
    case Kind::NotFound:
        code = BankError::Code::NotFound;
        break;
    case Kind::Forbidden:
    case Kind::Authentication:
        code = BankError::Code::NotWritable;
        break;
    case Kind::OverLimit:
        code = BankError::Code::DiskFull;
        break;
    case Kind::Checksum:
        code = BankError::Code::CorruptChunk;
        break;
    case Kind::Canceled:
        code = BankError::Code::Cancelled;
        break;
    default:
        break;
    }
    return BankError::make(code,
                           QStringLiteral("Backup storage %1, object %2: %3").arg(location(), object, error.message),
                           location() + QLatin1Char('/') + object);
}

bool SwiftBank::putObject(const QString &object, const QByteArray &data, BankError *error) const
{
    const Outcome outcome = call(
        [&](Connection *c) { return new openstack::PutObjectJob(c, m_container, object, data); },
        [](ApiJob *, Outcome &) {});
    if (!outcome.error.isOk()) {
        *error = toBankError(outcome.error, object);
        return false;
    }
    return true;
}

bool SwiftBank::getObject(const QString &object, QByteArray *data, BankError *error) const
{
    const Outcome outcome = call([&](Connection *c) { return new openstack::GetObjectJob(c, m_container, object); },
                                 [](ApiJob *job, Outcome &o) {
                                     o.data = static_cast<openstack::GetObjectJob *>(job)->data();
                                 });
    if (!outcome.error.isOk()) {
        *error = toBankError(outcome.error, object);
        return false;
    }
    *data = outcome.data;
    return true;
}

bool SwiftBank::deleteObject(const QString &object, bool *existed, BankError *error) const
{
    const Outcome outcome = call([&](Connection *c) { return new openstack::DeleteObjectJob(c, m_container, object); },
                                 [](ApiJob *job, Outcome &o) {
                                     o.existed = static_cast<openstack::DeleteObjectJob *>(job)->existed();
                                 });
    if (!outcome.error.isOk()) {
        *error = toBankError(outcome.error, object);
        return false;
    }
    *existed = outcome.existed;
    return true;
}

bool SwiftBank::headObject(const QString &object, qint64 *size, BankError *error) const
{
    const Outcome outcome = call([&](Connection *c) { return new openstack::HeadObjectJob(c, m_container, object); },
                                 [](ApiJob *job, Outcome &o) {
                                     o.size = static_cast<openstack::HeadObjectJob *>(job)->size();
                                 });
    if (!outcome.error.isOk()) {
        *error = toBankError(outcome.error, object);
        return false;
    }
    *size = outcome.size;
    return true;
}

bool SwiftBank::listObjects(const QString &prefix, const std::function<bool(const Listed &)> &visit, BankError *error,
                            QDateTime *serverTime) const
{
    QString marker;
    for (;;) {
        const Outcome outcome = call(
            [&](Connection *c) { return new openstack::ListObjectsJob(c, m_container, prefix, marker, ListPageSize); },
            [](ApiJob *job, Outcome &o) {
                auto *list = static_cast<openstack::ListObjectsJob *>(job);
                o.entries = list->entries();
                o.atEnd = list->atEnd();
                o.serverTime = list->serverTime();
            });
        if (!outcome.error.isOk()) {
            *error = toBankError(outcome.error, prefix + QLatin1Char('*'));
            return false;
        }
        if (serverTime)
            *serverTime = outcome.serverTime;
        for (const auto &entry : outcome.entries) {
            if (!visit(Listed{entry.name, entry.bytes, entry.lastModified}))
                return true;
        }
        if (outcome.atEnd || outcome.entries.isEmpty())
            return true;
        marker = outcome.entries.constLast().name;
    }
}

bool SwiftBank::open(BankError *error)
{
    const Outcome created = call([&](Connection *c) { return new openstack::CreateContainerJob(c, m_container); },
                                 [](ApiJob *, Outcome &) {});
    if (!created.error.isOk()) {
        *error = toBankError(created.error, QString());
        return false;
    }
    const QString formatObject = QStringLiteral("bank.json");
    QByteArray formatJson;
    BankError readError;
    if (getObject(formatObject, &formatJson, &readError)) {
        if (!acceptDescription(formatJson, location() + QLatin1Char('/') + formatObject, error))
            return false;
    } else if (readError.code == BankError::Code::NotFound) {
        // Writing bank.json also proves the container is writable for this user.
        if (!createDescription(&formatJson, error) || !putObject(formatObject, formatJson, error))
            return false;
    } else {
        *error = readError;
        return false;
    }
    return true;
}

bool SwiftBank::chunkInfo(const QByteArray &name, qint64 *storedSize) const
{
    if (!ChunkCodec::isValidName(name))
        return false;
    BankError error;
    qint64 size = -1;
    // Any failure reads as "absent": the writer then stores the chunk again, which is harmless.
    if (!headObject(chunkObject(name), &size, &error) || size < 0)
        return false;
    *storedSize = size;
    return true;
}

bool SwiftBank::stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged, BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    if (!putObject(chunkObject(name), encoded, error))
        return false;
    staged->name = name;
    staged->token.clear();
    return true;
}

bool SwiftBank::publishChunks(const QList<StagedChunk> &, BankError *)
{
    return true;
}

void SwiftBank::discardChunks(const QList<StagedChunk> &) {}

bool SwiftBank::getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    return getObject(chunkObject(name), encoded, error);
}

bool SwiftBank::removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    *freedBytes = 0;
    chunkInfo(name, freedBytes);
    bool existed = false;
    return deleteObject(chunkObject(name), &existed, error);
}

bool SwiftBank::listChunks(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
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

bool SwiftBank::syncChunks(const QList<QByteArray> &, BankError *)
{
    // Swift answers 201 to a PUT only once a quorum of replicas has the object on disk.
    return true;
}

bool SwiftBank::writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    // A PUT replaces the object atomically: readers see the old or the new index, never a mix.
    return putObject(indexObject(checkpointId), json, error);
}

bool SwiftBank::readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    return getObject(indexObject(checkpointId), json, error);
}

bool SwiftBank::removeIndex(const QString &checkpointId, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = invalidId(checkpointId);
        return false;
    }
    bool existed = false; // like unlink(ENOENT) in the local bank, an absent index counts as removed
    return deleteObject(indexObject(checkpointId), &existed, error);
}

bool SwiftBank::listIndexIds(QStringList *ids, BankError *error) const
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

std::unique_ptr<BankLock> SwiftBank::lock(BankLock::Mode mode, int timeoutMs, BankError *error) const
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
            return std::make_unique<SwiftLock>(this, object, body);
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

bool SwiftBank::removeStaleTemporaries(int *removed, BankError *)
{
    // A Swift PUT is atomic: an interrupted upload leaves no object behind, so there are no temporaries.
    *removed = 0;
    return true;
}

namespace {

BankError invalidKeyId(const QString &id)
{
    return BankError::make(BankError::Code::InvalidName,
                           QStringLiteral("Refusing key id \"%1\": a key id is 16 lowercase hex characters.")
                               .arg(id.left(100)));
}

} // namespace

bool SwiftBank::writeKeyFile(const QString &id, const QByteArray &data, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = invalidKeyId(id);
        return false;
    }
    return putObject(KeyFile::objectName(id), data, error);
}

bool SwiftBank::readKeyFile(const QString &id, QByteArray *data, BankError *error) const
{
    if (!KeyFile::isValidId(id)) {
        *error = invalidKeyId(id);
        return false;
    }
    return getObject(KeyFile::objectName(id), data, error);
}

bool SwiftBank::removeKeyFile(const QString &id, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = invalidKeyId(id);
        return false;
    }
    bool existed = false;
    return deleteObject(KeyFile::objectName(id), &existed, error);
}

bool SwiftBank::listKeyFileIds(QStringList *ids, BankError *error) const
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

bool SwiftBank::addJournalEntry(const JournalEntry &entry, BankError *error)
{
    return putObject(QStringLiteral("journal/") + journalKey(entry) + QStringLiteral(".json"), encodeJournalEntry(entry),
                     error);
}

bool SwiftBank::removeJournalEntry(const JournalEntry &entry, BankError *error)
{
    bool existed = false;
    return deleteObject(QStringLiteral("journal/") + journalKey(entry) + QStringLiteral(".json"), &existed, error);
}

bool SwiftBank::journalEntries(QList<JournalEntry> *entries, BankError *error) const
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
    std::sort(entries->begin(), entries->end(),
              [](const JournalEntry &a, const JournalEntry &b) { return a.created < b.created; });
    return true;
}

} // namespace sv
