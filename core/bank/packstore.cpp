#include "bank/packstore.h"

#include "bank/banklog.h"
#include "bank/chunkcodec.h"
#include "util/crashpoint.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace sv {

namespace {

constexpr qsizetype kMagicSize = 8;
constexpr qsizetype kEntrySize = 32 + 4 + 4;
constexpr qsizetype kPackTailSize = 4 + 4; // sealed trailer length, end magic
constexpr qsizetype kPackSlack = 4 * 1024 * 1024 + 128 * 1024; // past the target: one more blob, the trailer

const QString kPacksPrefix = QStringLiteral("packs/");
const QString kIndexPrefix = QStringLiteral("index/");

void putU32(QByteArray *out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out->append(bytes, 4);
}

quint32 getU32(const char *in) { return qFromLittleEndian<quint32>(in); }

QByteArray rawOf(const QByteArray &hex) { return QByteArray::fromHex(hex); }

void appendEntries(QByteArray *out, const QList<PackStore::PackEntry> &entries)
{
    putU32(out, quint32(entries.size()));
    for (const PackStore::PackEntry &entry : entries) {
        out->append(entry.chunk);
        putU32(out, entry.offset);
        putU32(out, entry.length);
    }
}

// Reads `count` (u32) entries at `*pos` of `data`; checks bounds.
bool readEntries(const QByteArray &data, qsizetype *pos, QList<PackStore::PackEntry> *entries, QString *why)
{
    if (data.size() - *pos < 4) {
        *why = QStringLiteral("it ends inside an entry count");
        return false;
    }
    const quint32 count = getU32(data.constData() + *pos);
    *pos += 4;
    if (qint64(count) * kEntrySize > data.size() - *pos) {
        *why = QStringLiteral("it names %1 chunks but is too short for them").arg(count);
        return false;
    }
    entries->reserve(entries->size() + qsizetype(count));
    for (quint32 i = 0; i < count; ++i) {
        PackStore::PackEntry entry;
        entry.chunk = data.mid(*pos, 32);
        entry.offset = getU32(data.constData() + *pos + 32);
        entry.length = getU32(data.constData() + *pos + 36);
        *pos += kEntrySize;
        entries->append(entry);
    }
    return true;
}

bool isPackObjectName(const QString &name, QByteArray *hex)
{
    // packs/<2 hex>/<64 hex>
    if (name.size() != 6 + 3 + 64 || !name.startsWith(kPacksPrefix) || name.at(8) != QLatin1Char('/'))
        return false;
    *hex = name.mid(9).toLatin1();
    return ChunkCodec::isValidName(*hex) && name.mid(6, 2).toLatin1() == hex->left(2);
}

} // namespace

PackStore::Backend::~Backend() = default;

PackStore::Sealer PackStore::Sealer::identity()
{
    Sealer sealer;
    sealer.seal = [](const QByteArray &plain, const QByteArray &) { return plain; };
    sealer.open = [](const QByteArray &sealed, const QByteArray &, QByteArray *plain, QString *) {
        *plain = sealed;
        return true;
    };
    return sealer;
}

PackStore::Sealer PackStore::Sealer::withKeys(std::shared_ptr<const BankKeys> keys)
{
    Sealer sealer;
    sealer.seal = [keys](const QByteArray &plain, const QByteArray &associated) { return keys->seal(plain, associated); };
    sealer.open = [keys](const QByteArray &sealed, const QByteArray &associated, QByteArray *plain, QString *why) {
        return keys->open(sealed, associated, plain, why);
    };
    return sealer;
}

PackStore::PackStore(Backend *backend, Sealer sealer, const Options &options)
    : m_backend(backend)
    , m_sealer(std::move(sealer))
    , m_options(options)
{
    m_options.uploadsInFlight = std::max(1, m_options.uploadsInFlight);
}

PackStore::~PackStore()
{
    std::unique_lock lock(m_mutex);
    m_stopping = true;
    m_uploadDone.notify_all();
    m_workReady.notify_all();
    lock.unlock();
    for (std::thread &thread : m_threads)
        thread.join();
}

QByteArray PackStore::packObjectName(const QByteArray &packHex)
{
    return kPacksPrefix.toLatin1() + packHex.left(2) + '/' + packHex;
}

int PackStore::indexObjectCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_indexNames.size());
}

// ---- the cached index ----

bool PackStore::findLocked(const QByteArray &raw, Loc *loc) const
{
    const auto it = m_chunks.constFind(raw);
    if (it == m_chunks.constEnd())
        return false;
    *loc = *it;
    return true;
}

void PackStore::addLocked(const QString &indexName, const QList<Uploaded> &packs) const
{
    m_indexNames.insert(indexName);
    for (const Uploaded &pack : packs) {
        auto id = m_packIds.constFind(pack.packHex);
        if (id == m_packIds.constEnd()) {
            id = m_packIds.insert(pack.packHex, qint32(m_packNames.size()));
            m_packNames.append(pack.packHex);
        }
        for (const PackEntry &entry : pack.entries) {
            // A chunk stored twice (two writers at once) is read from the copy indexed first.
            if (!m_chunks.contains(entry.chunk))
                m_chunks.insert(entry.chunk, Loc{*id, entry.offset, entry.length});
        }
    }
}

bool PackStore::parseIndex(const QByteArray &object, const QString &name, QList<Uploaded> *packs, QString *why) const
{
    if (ChunkCodec::sha256Hex(object) != name.mid(kIndexPrefix.size()).toLatin1()) {
        *why = QStringLiteral("its content does not match its name (damaged or truncated)");
        return false;
    }
    if (object.size() < kMagicSize || std::memcmp(object.constData(), IndexMagic, kMagicSize) != 0) {
        *why = QStringLiteral("it does not start with the index magic");
        return false;
    }
    QByteArray plain;
    if (!m_sealer.open(object.mid(kMagicSize), QByteArray(IndexAssociated), &plain, why))
        return false;
    if (plain.size() < 4) {
        *why = QStringLiteral("it is too short");
        return false;
    }
    const quint32 packCount = getU32(plain.constData());
    qsizetype pos = 4;
    for (quint32 i = 0; i < packCount; ++i) {
        if (plain.size() - pos < 32) {
            *why = QStringLiteral("it ends inside pack %1 of %2").arg(i + 1).arg(packCount);
            return false;
        }
        Uploaded pack;
        pack.packHex = plain.mid(pos, 32).toHex();
        pos += 32;
        if (!readEntries(plain, &pos, &pack.entries, why))
            return false;
        packs->append(pack);
    }
    if (pos != plain.size()) {
        *why = QStringLiteral("it has %1 bytes after its last pack").arg(plain.size() - pos);
        return false;
    }
    return true;
}

QByteArray PackStore::buildIndex(const QList<Uploaded> &packs) const
{
    QByteArray plain;
    putU32(&plain, quint32(packs.size()));
    for (const Uploaded &pack : packs) {
        plain.append(rawOf(pack.packHex));
        appendEntries(&plain, pack.entries);
    }
    return QByteArray(IndexMagic, kMagicSize) + m_sealer.seal(plain, QByteArray(IndexAssociated));
}

bool PackStore::writeIndexObject(const QList<Uploaded> &packs, QString *name, BankError *error)
{
    const QByteArray object = buildIndex(packs);
    *name = kIndexPrefix + QString::fromLatin1(ChunkCodec::sha256Hex(object));
    return m_backend->putObject(*name, object, error);
}

bool PackStore::loadLocked(bool full, BankError *error) const
{
    QSet<QString> present;
    if (!m_backend->listObjects(
            kIndexPrefix,
            [&](const QString &name, qint64) {
                if (ChunkCodec::isValidName(name.mid(kIndexPrefix.size()).toLatin1()))
                    present.insert(name);
                return true;
            },
            error))
        return false;
    // Index objects never change; one that vanished was replaced by a consolidated one (GC): start over.
    bool vanished = false;
    for (const QString &name : std::as_const(m_indexNames)) {
        if (!present.contains(name)) {
            vanished = true;
            break;
        }
    }
    if (full || vanished || !m_loaded) {
        m_indexNames.clear();
        m_packNames.clear();
        m_packIds.clear();
        m_chunks.clear();
    }
    QStringList names(present.cbegin(), present.cend());
    std::sort(names.begin(), names.end()); // the same winner for a duplicated chunk in every process
    for (const QString &name : std::as_const(names)) {
        if (m_indexNames.contains(name))
            continue;
        QByteArray object;
        BankError readError;
        if (!m_backend->readObject(name, 0, -1, &object, &readError)) {
            if (readError.code == BankError::Code::NotFound)
                continue; // removed by a GC meanwhile: its consolidated successor is in the listing
            *error = readError;
            return false;
        }
        QList<Uploaded> packs;
        QString why;
        if (!parseIndex(object, name, &packs, &why)) {
            *error = BankError::make(BankError::Code::BadIndex,
                                     QStringLiteral("The pack index %1 is unreadable: %2. Run \"stackvault-cli "
                                                    "check\"; restore the file from a copy if you have one.")
                                         .arg(m_backend->describe(name), why),
                                     m_backend->describe(name));
            return false;
        }
        addLocked(name, packs);
    }
    m_loaded = true;
    return true;
}

bool PackStore::refresh(BankError *error) const
{
    std::lock_guard lock(m_mutex);
    return loadLocked(false, error);
}

bool PackStore::locate(const QByteArray &name, Location *location) const
{
    std::lock_guard lock(m_mutex);
    BankError ignored;
    if (!m_loaded && !loadLocked(false, &ignored))
        return false;
    Loc loc;
    if (!findLocked(rawOf(name), &loc))
        return false;
    *location = Location{m_packNames.at(loc.pack), loc.offset, loc.length};
    return true;
}

QString PackStore::describePackOf(const QByteArray &name) const
{
    Location where;
    if (!locate(name, &where))
        return {};
    return m_backend->describe(QString::fromLatin1(packObjectName(where.pack)));
}

bool PackStore::chunkInfo(const QByteArray &name, qint64 *storedSize) const
{
    std::lock_guard lock(m_mutex);
    if (!m_loaded) {
        BankError error;
        if (!loadLocked(false, &error)) {
            // Reads as "absent": the writer stores the chunk again, which is harmless.
            qCWarning(lcBank).noquote() << error.message;
            return false;
        }
    }
    Loc loc;
    if (!findLocked(rawOf(name), &loc))
        return false;
    *storedSize = loc.length;
    return true;
}

bool PackStore::getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const
{
    const QByteArray raw = rawOf(name);
    for (int attempt = 0; attempt < 2; ++attempt) {
        Loc loc;
        QByteArray pack;
        {
            std::lock_guard lock(m_mutex);
            // Not found, or its pack vanished: another process may have indexed or repacked it since.
            if ((!m_loaded || attempt > 0) && !loadLocked(attempt > 0, error))
                return false;
            if (!findLocked(raw, &loc)) {
                if (attempt == 0)
                    continue;
                *error = BankError::make(BankError::Code::NotFound,
                                         QStringLiteral("No pack index of %1 names chunk %2.")
                                             .arg(m_backend->describe(kIndexPrefix), QString::fromLatin1(name)),
                                         m_backend->describe(kIndexPrefix));
                return false;
            }
            pack = m_packNames.at(loc.pack);
        }
        const QString object = QString::fromLatin1(packObjectName(pack));
        BankError readError;
        if (m_backend->readObject(object, loc.offset, loc.length, encoded, &readError))
            return true;
        *error = readError;
        if (readError.code == BankError::Code::NotFound)
            error->message = QStringLiteral("Chunk %1: its pack %2 is missing.")
                                 .arg(QString::fromLatin1(name), m_backend->describe(object));
        else if (readError.code == BankError::Code::CorruptChunk)
            error->message = QStringLiteral("Chunk %1 is corrupted: %2").arg(QString::fromLatin1(name), readError.message);
        else
            return false;
    }
    return false;
}

bool PackStore::listChunks(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const
{
    QList<QPair<QByteArray, qint64>> chunks;
    {
        std::lock_guard lock(m_mutex);
        if (!loadLocked(false, error))
            return false;
        chunks.reserve(m_chunks.size());
        for (auto it = m_chunks.cbegin(); it != m_chunks.cend(); ++it)
            chunks.append({it.key().toHex(), it->length});
    }
    for (const auto &chunk : std::as_const(chunks)) {
        if (!visit(chunk.first, chunk.second))
            break;
    }
    return true;
}

// ---- writing ----

bool PackStore::writePack(OpenPack &&pack, Uploaded *done, BankError *error)
{
    QByteArray plain;
    appendEntries(&plain, pack.entries);
    const QByteArray trailer = m_sealer.seal(plain, QByteArray(TrailerAssociated));
    pack.bytes.append(trailer);
    putU32(&pack.bytes, quint32(trailer.size()));
    pack.bytes.append(PackEndMagic, 4);
    // The pack's own bytes, past the alignment padding (a view: no copy; used only until putObject returns).
    const QByteArray bytes = pack.base == 0
        ? pack.bytes
        : QByteArray::fromRawData(pack.bytes.constData() + pack.base, pack.bytes.size() - pack.base);
    // Named by the SHA-256 of the pack's bytes outside its blobs (magic, sealed trailer, its length, end
    // magic; FORMAT.md): the trailer names every blob's chunk id, offset and length, and each blob is
    // checked against its id when read, so the name still commits to the whole pack without a second
    // pass over its 16 MiB (a whole-object SHA-256 cost ~0.25 CPU-s per GiB backed up).
    const qsizetype blobsEnd = bytes.size() - kPackTailSize - trailer.size();
    done->packHex = ChunkCodec::sha256Hex(bytes.left(kMagicSize) + bytes.mid(blobsEnd));
    done->entries = std::move(pack.entries);
    if (!m_backend->putObject(QString::fromLatin1(packObjectName(done->packHex)), bytes, error))
        return false;
    crashPoint("bank-pack-written"); // durable, named by no index yet
    return true;
}

void PackStore::uploadLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_workReady.wait(lock, [&] { return m_stopping || !m_toUpload.isEmpty(); });
        if (m_toUpload.isEmpty())
            return; // stopping
        OpenPack pack = m_toUpload.takeFirst();
        ++m_uploading;
        lock.unlock();
        QList<QByteArray> raws;
        for (const PackEntry &entry : std::as_const(pack.entries))
            raws.append(entry.chunk);
        Uploaded done;
        BankError error;
        const bool ok = writePack(std::move(pack), &done, &error);
        pack.bytes.resize(0); // keeps its memory (unless a backend still shares the bytes)
        lock.lock();
        --m_uploading;
        // The next pack is filled in this buffer: no allocation, no page faults, and the memory of
        // packs stays at the buffers in use instead of growing with freed ones left in malloc's arenas.
        if (m_spare.size() < m_options.uploadsInFlight)
            m_spare.append(std::move(pack.bytes));
        if (ok) {
            m_uploaded.append(done);
        } else {
            for (const QByteArray &raw : std::as_const(raws))
                m_staged.remove(raw); // never stored: a later writer must store them again
            if (!m_uploadFailed) {
                m_uploadFailed = true;
                m_uploadError = error;
            }
        }
        m_uploadDone.notify_all();
    }
}

void PackStore::queueOpenPackLocked(std::unique_lock<std::mutex> &lock)
{
    // Back-pressure: no more than `uploadsInFlight` finished packs waiting or being written.
    m_uploadDone.wait(lock, [&] {
        return m_stopping || m_toUpload.size() + m_uploading < m_options.uploadsInFlight;
    });
    if (m_open.entries.isEmpty())
        return; // another thread queued it meanwhile
    m_toUpload.append(std::exchange(m_open, OpenPack{}));
    if (int(m_threads.size()) < m_options.uploadsInFlight)
        m_threads.emplace_back([this] { uploadLoop(); });
    m_workReady.notify_one();
}

bool PackStore::stageChunk(const QByteArray &name, const QByteArray &encoded, BankError *error)
{
    if (encoded.size() > m_options.packTargetSize * 4) {
        *error = BankError::make(BankError::Code::Io,
                                 QStringLiteral("Chunk %1 is %2 bytes, too large for a pack.")
                                     .arg(QString::fromLatin1(name))
                                     .arg(encoded.size()));
        return false;
    }
    const QByteArray raw = rawOf(name);
    std::unique_lock lock(m_mutex);
    if (m_uploadFailed) {
        *error = m_uploadError;
        return false;
    }
    if (m_staged.contains(raw) || m_chunks.contains(raw))
        return true; // already on its way (another writer of this bank object) or stored
    if (m_open.bytes.isEmpty()) {
        // Room for the whole pack up front (its last blob may cross the target; a chunk blob is at most
        // ~4 MiB), so appending never reallocates and copies the pack, and the trailer fits as well.
        // The pack starts at the address alignment the backend prefers: a local bank then writes it
        // with O_DIRECT, without copying 16 MiB into the page cache (DurableFile::writeTemporary).
        if (!m_spare.isEmpty())
            m_open.bytes = m_spare.takeLast();
        const qsizetype align = std::max<qsizetype>(1, m_backend->preferredAlignment());
        m_open.bytes.reserve(m_options.packTargetSize + kPackSlack + align);
        const auto address = reinterpret_cast<quintptr>(m_open.bytes.constData());
        m_open.base = qsizetype((quintptr(align) - address % quintptr(align)) % quintptr(align));
        m_open.bytes.fill('\0', m_open.base);
        m_open.bytes.append(PackMagic, kMagicSize);
    }
    m_open.entries.append(PackEntry{raw, quint32(m_open.bytes.size() - m_open.base), quint32(encoded.size())});
    m_open.bytes.append(encoded);
    m_staged.insert(raw);
    crashPoint("bank-chunk-staged"); // in a pack being filled, in memory only
    if (m_open.bytes.size() - m_open.base >= m_options.packTargetSize)
        queueOpenPackLocked(lock);
    return true;
}

bool PackStore::publish(BankError *error)
{
    std::lock_guard publishing(m_publishMutex); // one index write at a time: a second publisher sees its result
    std::unique_lock lock(m_mutex);
    if (!m_open.entries.isEmpty())
        queueOpenPackLocked(lock);
    m_uploadDone.wait(lock, [&] { return m_toUpload.isEmpty() && m_uploading == 0; });
    if (m_uploadFailed) {
        *error = m_uploadError;
        m_uploadFailed = false; // reported once; the packs written are left to prune
        return false;
    }
    if (m_uploaded.isEmpty())
        return true;
    const QList<Uploaded> packs = std::exchange(m_uploaded, {});
    lock.unlock();
    QString name;
    const bool ok = writeIndexObject(packs, &name, error);
    lock.lock();
    if (ok) {
        addLocked(name, packs);
        crashPoint("bank-chunk-published"); // indexed: the chunks are visible and durable
    }
    for (const Uploaded &pack : packs) {
        for (const PackEntry &entry : pack.entries)
            m_staged.remove(entry.chunk);
    }
    return ok;
}

// ---- garbage collection ----

bool PackStore::removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error)
{
    QSet<QByteArray> keep;
    {
        std::lock_guard lock(m_mutex);
        if (!loadLocked(true, error))
            return false;
        for (auto it = m_chunks.cbegin(); it != m_chunks.cend(); ++it)
            keep.insert(it.key().toHex());
    }
    keep.remove(name);
    GcReport report;
    if (!collectGarbage(keep, 1.01, &report, error)) // 1.01: forget it, repack nothing
        return false;
    *freedBytes = report.bytesFreed;
    return true;
}

bool PackStore::removeUnindexedPacks(int *removed, BankError *error)
{
    std::lock_guard publishing(m_publishMutex);
    std::lock_guard lock(m_mutex);
    *removed = 0;
    if (!loadLocked(true, error))
        return false;
    QStringList strays;
    if (!m_backend->listObjects(
            kPacksPrefix,
            [&](const QString &name, qint64) {
                QByteArray hex;
                if (isPackObjectName(name, &hex) && !m_packIds.contains(hex))
                    strays.append(name);
                return true;
            },
            error))
        return false;
    for (const QString &name : std::as_const(strays)) {
        if (!m_backend->removeObject(name, error))
            return false;
        ++*removed;
    }
    if (*removed > 0)
        qCInfo(lcBank) << "removed" << *removed << "packs no index names (an interrupted backup's)";
    return true;
}

bool PackStore::collectGarbage(const QSet<QByteArray> &referenced, double repackThreshold, GcReport *report,
                               BankError *error)
{
    std::lock_guard publishing(m_publishMutex);
    std::unique_lock lock(m_mutex);
    if (!loadLocked(true, error))
        return false;
    QHash<QByteArray, qint64> packSizes;
    if (!m_backend->listObjects(
            kPacksPrefix,
            [&](const QString &name, qint64 size) {
                QByteArray hex;
                if (isPackObjectName(name, &hex))
                    packSizes.insert(hex, size);
                return true;
            },
            error))
        return false;

    // Which chunks live on, and how many of each pack's bytes they use.
    QHash<qint32, QList<PackEntry>> live; // pack → its live chunks
    QHash<qint32, qint64> liveBytes;
    QSet<qint32> withGarbage; // packs holding at least one chunk no index names
    qint64 dropped = 0;
    for (auto it = m_chunks.cbegin(); it != m_chunks.cend(); ++it) {
        if (referenced.contains(it.key().toHex())) {
            live[it->pack].append(PackEntry{it.key(), it->offset, it->length});
            liveBytes[it->pack] += it->length;
        } else {
            ++dropped;
            withGarbage.insert(it->pack);
        }
    }
    QList<qint32> emptied;
    QList<qint32> repack;
    for (qint32 pack = 0; pack < qint32(m_packNames.size()); ++pack) {
        const qint64 size = packSizes.value(m_packNames.at(pack), -1);
        if (size < 0)
            continue; // missing: `check` reports its chunks; nothing to free
        const qint64 used = liveBytes.value(pack);
        // Only a pack with garbage chunks is repacked. One whose chunks all live but are small next to its
        // header and trailer would be rewritten into the same bytes: in a plain bank (no random nonce)
        // the same name, which step 3 would then remove with all its chunks.
        if (used == 0)
            emptied.append(pack);
        else if (withGarbage.contains(pack) && double(size - used) >= repackThreshold * double(size))
            repack.append(pack);
    }
    if (dropped == 0 && emptied.isEmpty() && repack.isEmpty() && m_indexNames.size() <= 1) {
        report->done = true;
        return true;
    }

    // 1. Copy the live chunks of the packs to repack into new packs (durable before any index names them).
    QList<Uploaded> index; // what the consolidated index names
    qint64 written = 0;
    OpenPack fresh;
    const auto flush = [&]() {
        if (fresh.entries.isEmpty())
            return true;
        Uploaded done;
        const qint64 size = fresh.bytes.size();
        if (!writePack(std::exchange(fresh, OpenPack{}), &done, error))
            return false;
        written += size + 8 + qint64(done.entries.size()) * kEntrySize;
        index.append(done);
        return true;
    };
    for (const qint32 pack : std::as_const(repack)) {
        const QString object = QString::fromLatin1(packObjectName(m_packNames.at(pack)));
        QByteArray bytes;
        if (!m_backend->readObject(object, 0, -1, &bytes, error))
            return false;
        for (const PackEntry &entry : live.value(pack)) {
            if (qint64(entry.offset) + entry.length > bytes.size()) {
                *error = BankError::make(BankError::Code::CorruptChunk,
                                         QStringLiteral("Garbage collection stopped, nothing was removed: the pack "
                                                        "%1 is shorter than its index says. Run \"stackvault-cli "
                                                        "check\".")
                                             .arg(m_backend->describe(object)),
                                         m_backend->describe(object));
                return false;
            }
            if (fresh.bytes.isEmpty())
                fresh.bytes = QByteArray(PackMagic, kMagicSize);
            fresh.entries.append(PackEntry{entry.chunk, quint32(fresh.bytes.size()), entry.length});
            fresh.bytes.append(bytes.constData() + entry.offset, entry.length);
            if (fresh.bytes.size() >= m_options.packTargetSize && !flush())
                return false;
        }
    }
    if (!flush())
        return false;
    crashPoint("bank-repack-written"); // new packs durable, the old indexes still name the old packs

    // 2. One consolidated index (in pieces of at most maxIndexEntries chunks) of everything that lives.
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (repack.contains(it.key()))
            continue;
        index.append(Uploaded{m_packNames.at(it.key()), it.value()});
    }
    std::sort(index.begin(), index.end(), [](const Uploaded &a, const Uploaded &b) { return a.packHex < b.packHex; });
    QSet<QString> newNames;
    QList<Uploaded> piece;
    qsizetype pieceEntries = 0;
    const auto writePiece = [&]() {
        if (piece.isEmpty())
            return true;
        QString name;
        if (!writeIndexObject(piece, &name, error))
            return false;
        newNames.insert(name);
        piece.clear();
        pieceEntries = 0;
        return true;
    };
    for (const Uploaded &pack : std::as_const(index)) {
        if (pieceEntries > 0 && pieceEntries + pack.entries.size() > m_options.maxIndexEntries && !writePiece())
            return false;
        piece.append(pack);
        pieceEntries += pack.entries.size();
    }
    if (!writePiece())
        return false;
    crashPoint("bank-repack-indexed"); // old and new indexes both present: every chunk still found

    // 3. The old indexes go; then nothing names the emptied and repacked packs, which go last.
    for (const QString &name : std::as_const(m_indexNames)) {
        if (newNames.contains(name))
            continue;
        if (!m_backend->removeObject(name, error))
            return false;
        crashPoint("bank-repack-index-removed");
    }
    QSet<QByteArray> indexed; // never remove a pack the new index names (same bytes, same name)
    for (const Uploaded &pack : std::as_const(index))
        indexed.insert(pack.packHex);
    qint64 freed = 0;
    for (const qint32 pack : emptied + repack) {
        const QByteArray hex = m_packNames.at(pack);
        if (indexed.contains(hex))
            continue;
        if (!m_backend->removeObject(QString::fromLatin1(packObjectName(hex)), error))
            return false;
        freed += packSizes.value(hex);
        crashPoint("bank-repack-pack-removed");
    }
    report->chunksRemoved += dropped;
    report->bytesFreed += std::max<qint64>(0, freed - written);
    report->packsRemoved += int(emptied.size());
    report->packsRepacked += int(repack.size());
    report->done = true;
    qCInfo(lcBank) << "packs: forgot" << dropped << "chunks, removed" << emptied.size() << "packs, repacked"
                   << repack.size() << "into" << (index.size() - live.size() + repack.size()) << "packs";
    return loadLocked(true, error);
}

bool PackStore::parsePackTrailer(const QByteArray &pack, const Sealer &sealer, QList<PackEntry> *entries, QString *why)
{
    if (pack.size() < kMagicSize + kPackTailSize || std::memcmp(pack.constData(), PackMagic, kMagicSize) != 0
        || std::memcmp(pack.constData() + pack.size() - 4, PackEndMagic, 4) != 0) {
        *why = QStringLiteral("it does not start and end with the pack magics (truncated?)");
        return false;
    }
    const quint32 sealedSize = getU32(pack.constData() + pack.size() - kPackTailSize);
    if (qint64(sealedSize) > pack.size() - kMagicSize - kPackTailSize) {
        *why = QStringLiteral("its trailer length is larger than the pack");
        return false;
    }
    const qsizetype trailerStart = pack.size() - kPackTailSize - sealedSize;
    QByteArray plain;
    if (!sealer.open(pack.mid(trailerStart, sealedSize), QByteArray(TrailerAssociated), &plain, why))
        return false;
    qsizetype pos = 0;
    if (!readEntries(plain, &pos, entries, why))
        return false;
    for (const PackEntry &entry : std::as_const(*entries)) {
        if (entry.offset < kMagicSize || qint64(entry.offset) + entry.length > trailerStart) {
            *why = QStringLiteral("an entry points outside the pack's blobs");
            return false;
        }
    }
    return true;
}

} // namespace sv
