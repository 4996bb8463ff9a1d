#include "bank/localbank.h"

#include "bank/banklog.h"
#include "bank/chunkcodec.h"
#include "bank/chunklist.h"
#include "bank/durablefile.h"
#include "bank/packstore.h"
#include "bank/keyfile.h"
#include "util/crashpoint.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sv {

namespace {

// flock(2) on <bank>/lock. Each holder opens the file itself, so two holders in one process conflict
// exactly like two processes (flock locks belong to the open file description).
class FlockLock : public BankLock
{
public:
    explicit FlockLock(int fd)
        : m_fd(fd)
    {
    }
    ~FlockLock() override
    {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }

private:
    int m_fd;
};

BankError invalidChunkName(const QByteArray &name)
{
    return BankError::make(BankError::Code::InvalidName,
                           QStringLiteral("Refusing chunk name \"%1\": a chunk name is 64 lowercase hex "
                                          "characters; anything else could point outside the backup storage.")
                               .arg(QString::fromLatin1(name.left(100))));
}

} // namespace

// Pack and pack-index objects as files under the bank folder: written as a temporary, flushed, renamed
// into place and the folder flushed, so a name always holds a complete, durable object.
class LocalBank::Objects : public PackStore::Backend
{
public:
    explicit Objects(QString root)
        : m_root(std::move(root))
    {
    }

    bool putObject(const QString &name, const QByteArray &data, BankError *error) override
    {
        const QString path = describe(name);
        const QString dir = QFileInfo(path).absolutePath();
        if (!QFileInfo::exists(dir)) {
            if (!DurableFile::makeDirectory(dir, error)
                || !DurableFile::syncDirectory(QFileInfo(dir).absolutePath(), error))
                return false;
        }
        QString temp;
        if (!DurableFile::writeTemporary(path, data, &temp, error))
            return false;
        if (!DurableFile::syncFile(temp, error)) {
            BankError ignored;
            DurableFile::remove(temp, &ignored);
            return false;
        }
        crashPoint("bank-object-flushed"); // a complete temporary, not yet under its name
        if (!DurableFile::rename(temp, path, error)) {
            BankError ignored;
            DurableFile::remove(temp, &ignored);
            return false;
        }
        return DurableFile::syncDirectory(dir, error);
    }

    // Packs aligned so that DurableFile writes them with O_DIRECT (no copy into the page cache).
    qsizetype preferredAlignment() const override { return 4096; }

    bool readObject(const QString &name, qint64 offset, qint64 length, QByteArray *data,
                    BankError *error) const override
    {
        if (offset == 0 && length < 0)
            return DurableFile::readAll(describe(name), data, error);
        return DurableFile::readRange(describe(name), offset, length, data, error);
    }

    bool removeObject(const QString &name, BankError *error) override
    {
        const QString path = describe(name);
        return DurableFile::remove(path, error) && DurableFile::syncDirectory(QFileInfo(path).absolutePath(), error);
    }

    bool listObjects(const QString &prefix, const std::function<bool(const QString &, qint64)> &visit,
                     BankError *error) const override
    {
        const QString dir = describe(prefix);
        if (!QFileInfo(dir).isDir()) {
            *error = BankError::make(BankError::Code::NotFound,
                                     QStringLiteral("%1 is not a backup storage (no %2 folder).").arg(m_root, prefix),
                                     dir);
            return false;
        }
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (it.fileName().startsWith(DurableFile::tempPrefix()))
                continue;
            if (!visit(it.filePath().mid(m_root.size() + 1), it.fileInfo().size()))
                break;
        }
        return true;
    }

    QString describe(const QString &name) const override { return m_root + QLatin1Char('/') + name; }

private:
    QString m_root;
};

LocalBank::LocalBank(const QString &root)
    : m_root(QDir::cleanPath(QDir(root).absolutePath()))
{
}

LocalBank::~LocalBank() = default;

void LocalBank::useLayout(const QString &layout) const
{
    const std::shared_ptr<const BankKeys> keys = sharedKeys();
    std::lock_guard lock(m_layoutMutex);
    // open() again on a bank in use (every job of a plan run opens the one bank they share) keeps the
    // pack store: a new one would drop the chunks other writers staged and not yet published, and their
    // commits would then find them missing.
    if (m_layoutKnown && layout == m_storeLayout && keys == m_packKeys)
        return;
    m_packs.reset();
    m_objects.reset();
    if (layout == QLatin1String(PacksLayout)) {
        m_objects = std::make_unique<Objects>(m_root);
        m_packs = std::make_unique<PackStore>(m_objects.get(), PackStore::Sealer::withKeys(keys), PackStore::Options{});
    }
    m_storeLayout = layout;
    m_packKeys = keys;
    m_layoutKnown = true;
}

PackStore *LocalBank::packStore() const
{
    {
        std::lock_guard lock(m_layoutMutex);
        if (m_layoutKnown)
            return m_packs.get();
    }
    // Never opened (a reader of an existing bank): bank.json says; without it, nothing is stored yet.
    QByteArray formatJson;
    BankError ignored;
    const QJsonObject json = DurableFile::readAll(m_root + QStringLiteral("/bank.json"), &formatJson, &ignored)
        ? QJsonDocument::fromJson(formatJson).object()
        : QJsonObject{};
    const QString layout = layoutOf(json);
    useLayout(layout.isEmpty() ? QString::fromLatin1(ChunksLayout) : layout); // (open() refuses an unknown one)
    return packStore();
}

LocalBank::Objects *LocalBank::objects(BankError *error) const
{
    if (packStore()) {
        std::lock_guard lock(m_layoutMutex);
        return m_objects.get();
    }
    *error = BankError::make(BankError::Code::UnsupportedFormat,
                             QStringLiteral("The backup storage %1 (format 1) cannot hold chunk list parts.").arg(m_root));
    return nullptr;
}

bool LocalBank::putListPart(const QByteArray &name, const QByteArray &data, BankError *error)
{
    Objects *files = objects(error);
    return files && files->putObject(ChunkListFormat::objectName(name), data, error);
}

bool LocalBank::getListPart(const QByteArray &name, QByteArray *data, BankError *error) const
{
    Objects *files = objects(error);
    return files && files->readObject(ChunkListFormat::objectName(name), 0, -1, data, error);
}

bool LocalBank::removeListPart(const QByteArray &name, BankError *error)
{
    Objects *files = objects(error);
    return files && files->removeObject(ChunkListFormat::objectName(name), error);
}

bool LocalBank::listListParts(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
    if (!packStore() || !QFileInfo(m_root + QStringLiteral("/lists")).isDir())
        return true; // a format-1 bank, or one no split list was written to yet
    Objects *files = objects(error);
    return files
        && files->listObjects(QStringLiteral("lists"),
                              [&visit](const QString &name, qint64 size) {
                                  const QByteArray part = name.section(QLatin1Char('/'), -1).toLatin1();
                                  return !ChunkCodec::isValidName(part) || visit(part, size);
                              },
                              error);
}

QString LocalBank::chunkPath(const QByteArray &name) const
{
    return m_root + QStringLiteral("/chunks/") + QString::fromLatin1(name.left(2)) + QLatin1Char('/')
        + QString::fromLatin1(name);
}

QString LocalBank::indexPath(const QString &checkpointId) const
{
    return m_root + QStringLiteral("/checkpoints/") + checkpointId + QStringLiteral(".json");
}

bool LocalBank::open(BankError *error)
{
    if (!createIfMissing() && !QFileInfo::exists(m_root + QStringLiteral("/bank.json"))) {
        *error = missingBankError(m_root);
        return false;
    }
    const QStringList dirs{m_root, m_root + QStringLiteral("/checkpoints"), m_root + QStringLiteral("/journal"),
                           m_root + QStringLiteral("/keys")};
    for (const QString &dir : dirs) {
        if (!DurableFile::makeDirectory(dir, error))
            return false;
    }
    const QString formatPath = m_root + QStringLiteral("/bank.json");
    QByteArray formatJson;
    BankError readError;
    if (DurableFile::readAll(formatPath, &formatJson, &readError)) {
        if (!acceptDescription(formatJson, formatPath, error))
            return false;
    } else if (readError.code == BankError::Code::NotFound) {
        if (!createDescription(&formatJson, error))
            return false;
        // Two processes may make the same new bank at once (the app listing it while a job opens it):
        // link(2) publishes bank.json only if none exists, so one master key wins and the other process
        // opens the winner's bank instead of overwriting its description.
        QString temp;
        if (!DurableFile::writeTemporary(formatPath, formatJson, &temp, error) || !DurableFile::syncFile(temp, error))
            return false;
        const int linked = ::link(QFile::encodeName(temp).constData(), QFile::encodeName(formatPath).constData());
        const int linkErrno = errno;
        BankError ignored;
        DurableFile::remove(temp, &ignored);
        if (linked != 0 && linkErrno != EEXIST) {
            *error = BankError::fromErrno(linkErrno, QStringLiteral("Creating"), formatPath);
            return false;
        }
        if (linked != 0) {
            if (!DurableFile::readAll(formatPath, &formatJson, error)
                || !adoptRivalDescription(formatJson, formatPath, error))
                return false;
        } else if (!DurableFile::syncDirectory(m_root, error)) {
            return false;
        } else {
            setPassphrase({});
        }
    } else {
        *error = readError;
        return false;
    }
    const QString layout = acceptedLayout();
    const QStringList layoutDirs = layout == QLatin1String(PacksLayout)
        ? QStringList{m_root + QStringLiteral("/packs"), m_root + QStringLiteral("/index"), m_root + QStringLiteral("/lists")}
        : QStringList{m_root + QStringLiteral("/chunks")};
    for (const QString &dir : layoutDirs) {
        if (!DurableFile::makeDirectory(dir, error))
            return false;
    }
    useLayout(layout);
    // A probe write catches a read-only or foreign-owned bank now, not in the middle of a backup.
    if (!DurableFile::writeAtomically(m_root + QStringLiteral("/checkpoints/.probe"), QByteArray("ok"), error, false))
        return false;
    BankError ignored;
    DurableFile::remove(m_root + QStringLiteral("/checkpoints/.probe"), &ignored);
    return true;
}

bool LocalBank::chunkInfo(const QByteArray &name, qint64 *storedSize) const
{
    if (!ChunkCodec::isValidName(name))
        return false;
    if (PackStore *packs = packStore())
        return packs->chunkInfo(name, storedSize);
    struct stat st {};
    if (::stat(QFile::encodeName(chunkPath(name)).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    *storedSize = st.st_size;
    return true;
}

bool LocalBank::stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged,
                           BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    staged->name = name;
    if (PackStore *packs = packStore())
        return packs->stageChunk(name, encoded, error);
    const QString path = chunkPath(name);
    if (!DurableFile::makeDirectory(QFileInfo(path).absolutePath(), error))
        return false;
    QString temp;
    if (!DurableFile::writeTemporary(path, encoded, &temp, error))
        return false;
    crashPoint("bank-chunk-staged");
    staged->token = temp;
    return true;
}

bool LocalBank::publishChunks(const QList<StagedChunk> &staged, BankError *error)
{
    if (staged.isEmpty())
        return true;
    if (PackStore *packs = packStore())
        return packs->publish(error);
    // One flush of the file system for all of them (see Bank::stageChunk), then the renames.
    if (!DurableFile::syncFileSystem(m_root, error))
        return false;
    QSet<QByteArray> fanouts;
    for (const StagedChunk &chunk : staged) {
        if (!ChunkCodec::isValidName(chunk.name)
            || !chunk.token.startsWith(m_root + QStringLiteral("/chunks/"))) {
            *error = invalidChunkName(chunk.name);
            return false;
        }
        if (!DurableFile::rename(chunk.token, chunkPath(chunk.name), error))
            return false;
        crashPoint("bank-chunk-published"); // some chunks visible, the rest still temporaries
        fanouts.insert(chunk.name.left(2));
    }
    for (const QByteArray &fanout : std::as_const(fanouts)) {
        if (!DurableFile::syncDirectory(m_root + QStringLiteral("/chunks/") + QString::fromLatin1(fanout), error))
            return false;
    }
    return DurableFile::syncDirectory(m_root + QStringLiteral("/chunks"), error);
}

void LocalBank::discardChunks(const QList<StagedChunk> &staged)
{
    for (const StagedChunk &chunk : staged) {
        BankError ignored;
        if (chunk.token.startsWith(m_root + QStringLiteral("/chunks/")))
            DurableFile::remove(chunk.token, &ignored);
    }
}

bool LocalBank::getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    if (PackStore *packs = packStore())
        return packs->getChunk(name, encoded, error);
    return DurableFile::readAll(chunkPath(name), encoded, error);
}

bool LocalBank::removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error)
{
    if (!ChunkCodec::isValidName(name)) {
        *error = invalidChunkName(name);
        return false;
    }
    *freedBytes = 0;
    if (PackStore *packs = packStore())
        return packs->removeChunk(name, freedBytes, error);
    chunkInfo(name, freedBytes);
    return DurableFile::remove(chunkPath(name), error);
}

bool LocalBank::listChunks(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
    if (PackStore *packs = packStore())
        return packs->listChunks(visit, error);
    const QString chunksDir = m_root + QStringLiteral("/chunks");
    if (!QFileInfo(chunksDir).isDir()) {
        *error = BankError::make(BankError::Code::NotFound,
                                 QStringLiteral("%1 is not a backup storage (no chunks folder).").arg(m_root),
                                 chunksDir);
        return false;
    }
    QDirIterator fanouts(chunksDir, QDir::Dirs | QDir::NoDotAndDotDot);
    while (fanouts.hasNext()) {
        fanouts.next();
        QDirIterator files(fanouts.filePath(), QDir::Files | QDir::Hidden);
        while (files.hasNext()) {
            files.next();
            const QByteArray name = files.fileName().toLatin1();
            if (!ChunkCodec::isValidName(name) || fanouts.fileName().toLatin1() != name.left(2))
                continue; // temporaries and strangers are not chunks
            if (!visit(name, files.fileInfo().size()))
                return true;
        }
    }
    return true;
}

bool LocalBank::syncChunks(const QList<QByteArray> &names, BankError *error)
{
    if (packStore())
        return true; // an index names only packs that were flushed before it was written
    QSet<QByteArray> fanouts;
    for (const QByteArray &name : names)
        fanouts.insert(name.left(2));
    for (const QByteArray &fanout : std::as_const(fanouts)) {
        if (!DurableFile::syncDirectory(m_root + QStringLiteral("/chunks/") + QString::fromLatin1(fanout), error))
            return false;
    }
    return DurableFile::syncDirectory(m_root + QStringLiteral("/chunks"), error);
}

bool LocalBank::writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("\"%1\" is not a valid checkpoint id.").arg(checkpointId.left(100)));
        return false;
    }
    // As DurableFile::writeAtomically, with a crash point between the flushed temporary and the rename.
    const QString path = indexPath(checkpointId);
    QString temp;
    if (!DurableFile::writeTemporary(path, json, &temp, error))
        return false;
    if (!DurableFile::syncFile(temp, error)) {
        BankError ignored;
        DurableFile::remove(temp, &ignored);
        return false;
    }
    crashPoint("bank-index-write");
    if (!DurableFile::rename(temp, path, error)) {
        BankError ignored;
        DurableFile::remove(temp, &ignored);
        return false;
    }
    return DurableFile::syncDirectory(m_root + QStringLiteral("/checkpoints"), error);
}

bool LocalBank::readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("\"%1\" is not a valid checkpoint id.").arg(checkpointId.left(100)));
        return false;
    }
    return DurableFile::readAll(indexPath(checkpointId), json, error);
}

bool LocalBank::removeIndex(const QString &checkpointId, BankError *error)
{
    if (!CheckpointIndex::isValidId(checkpointId)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("\"%1\" is not a valid checkpoint id.").arg(checkpointId.left(100)));
        return false;
    }
    return DurableFile::remove(indexPath(checkpointId), error)
        && DurableFile::syncDirectory(m_root + QStringLiteral("/checkpoints"), error);
}

bool LocalBank::listIndexIds(QStringList *ids, BankError *error) const
{
    const QString dirPath = m_root + QStringLiteral("/checkpoints");
    const QDir dir(dirPath);
    if (!dir.exists()) {
        *error = BankError::make(BankError::Code::NotFound,
                                 QStringLiteral("%1 is not a backup storage (no checkpoints folder).").arg(m_root),
                                 dirPath);
        return false;
    }
    ids->clear();
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : files) {
        const QString id = file.chopped(5);
        if (CheckpointIndex::isValidId(id))
            ids->append(id);
    }
    return true;
}

std::unique_ptr<BankLock> LocalBank::lock(BankLock::Mode mode, int timeoutMs, BankError *error) const
{
    const QString path = m_root + QStringLiteral("/lock");
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening the lock file"), path);
        return {};
    }
    const int operation = (mode == BankLock::Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    QElapsedTimer timer;
    timer.start();
    int delayMs = 5;
    for (;;) {
        if (::flock(fd, operation) == 0)
            return std::make_unique<FlockLock>(fd);
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *error = BankError::fromErrno(errno, QStringLiteral("Locking"), path);
            ::close(fd);
            return {};
        }
        if (timer.elapsed() >= timeoutMs) {
            ::close(fd);
            *error = BankError::make(
                BankError::Code::Busy,
                mode == BankLock::Mode::Exclusive
                    ? QStringLiteral("The backup storage %1 is in use by a running backup (another window or a "
                                     "scheduled command); try again when it has finished.")
                          .arg(m_root)
                    : QStringLiteral("The backup storage %1 is being cleaned up (garbage collection) by another "
                                     "StackVault process; try again in a moment.")
                          .arg(m_root),
                path);
            return {};
        }
        QThread::msleep(static_cast<unsigned long>(delayMs));
        delayMs = std::min(delayMs * 2, 200);
    }
}

bool LocalBank::removeStaleTemporaries(int *removed, BankError *error)
{
    *removed = 0;
    QDirIterator it(m_root, {DurableFile::tempPrefix() + QLatin1Char('*')}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!DurableFile::remove(it.filePath(), error))
            return false;
        ++*removed;
    }
    return true;
}

QString LocalBank::keyPath(const QString &id) const
{
    return m_root + QStringLiteral("/keys/") + id;
}

bool LocalBank::writeKeyFile(const QString &id, const QByteArray &data, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    return DurableFile::makeDirectory(m_root + QStringLiteral("/keys"), error)
        && DurableFile::writeAtomically(keyPath(id), data, error);
}

bool LocalBank::readKeyFile(const QString &id, QByteArray *data, BankError *error) const
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    return DurableFile::readAll(keyPath(id), data, error);
}

bool LocalBank::removeKeyFile(const QString &id, BankError *error)
{
    if (!KeyFile::isValidId(id)) {
        *error = KeyFile::invalidIdError(id);
        return false;
    }
    return DurableFile::remove(keyPath(id), error) && DurableFile::syncDirectory(m_root + QStringLiteral("/keys"), error);
}

bool LocalBank::listKeyFileIds(QStringList *ids, BankError *error) const
{
    ids->clear();
    const QDir dir(m_root + QStringLiteral("/keys"));
    if (!dir.exists()) {
        *error = BankError::make(BankError::Code::NotFound, QStringLiteral("%1 has no keys folder.").arg(m_root),
                                 dir.path());
        return false;
    }
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString &file : files) {
        if (KeyFile::isValidId(file))
            ids->append(file);
    }
    return true;
}

bool LocalBank::addJournalEntry(const JournalEntry &entry, BankError *error)
{
    const QString path = m_root + QStringLiteral("/journal/") + journalKey(entry) + QStringLiteral(".json");
    return DurableFile::writeAtomically(path, encodeJournalEntry(entry), error);
}

bool LocalBank::removeJournalEntry(const JournalEntry &entry, BankError *error)
{
    const QString path = m_root + QStringLiteral("/journal/") + journalKey(entry) + QStringLiteral(".json");
    return DurableFile::remove(path, error) && DurableFile::syncDirectory(m_root + QStringLiteral("/journal"), error);
}

bool LocalBank::journalEntries(QList<JournalEntry> *entries, BankError *error) const
{
    entries->clear();
    const QDir dir(m_root + QStringLiteral("/journal"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : files) {
        QByteArray data;
        if (!DurableFile::readAll(dir.filePath(file), &data, error)) {
            // Another process (a running backup or restore) may forget an entry between the listing
            // and the read: it is no longer pending, so that is not an error.
            if (!QFileInfo::exists(dir.filePath(file)))
                continue;
            return false;
        }
        JournalEntry entry;
        if (!decodeJournalEntry(file.chopped(5), data, &entry, error)) {
            error->path = dir.filePath(file);
            return false;
        }
        entries->append(entry);
    }
    JournalEntry::sortByCreation(entries);
    return true;
}

} // namespace sv
