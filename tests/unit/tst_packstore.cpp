// PackStore (core/bank/packstore.h) over an in-memory object store: the pack and index formats, what is
// visible when, another process's view, garbage collection with repacking, bounded parallel uploads.
#include "bank/chunkcodec.h"
#include "bank/packstore.h"

#include <QElapsedTimer>
#include <QMap>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>
#include <QThread>

#include <atomic>
#include <mutex>

using namespace sv;

namespace {

class MemoryObjects : public PackStore::Backend
{
public:
    bool putObject(const QString &name, const QByteArray &data, BankError *error) override
    {
        const int now = ++m_inFlight;
        int peak = m_peak.load();
        while (now > peak && !m_peak.compare_exchange_weak(peak, now)) {
        }
        if (m_putDelayMs > 0)
            QThread::msleep(m_putDelayMs);
        --m_inFlight;
        std::lock_guard lock(m_mutex);
        if (m_failPuts) {
            *error = BankError::make(BankError::Code::DiskFull, QStringLiteral("full: ") + name);
            return false;
        }
        if (m_alignment > 1) {
            // The bytes are a view of a reused buffer (preferredAlignment): keep a copy.
            ++m_puts;
            m_alignedPuts += reinterpret_cast<quintptr>(data.constData()) % quintptr(m_alignment) == 0 ? 1 : 0;
            m_objects.insert(name, QByteArray(data.constData(), data.size()));
            return true;
        }
        m_objects.insert(name, data);
        return true;
    }
    qsizetype preferredAlignment() const override { return m_alignment; }
    bool readObject(const QString &name, qint64 offset, qint64 length, QByteArray *data,
                    BankError *error) const override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_objects.constFind(name);
        if (it == m_objects.constEnd()) {
            *error = BankError::make(BankError::Code::NotFound, QStringLiteral("no ") + name, name);
            return false;
        }
        *data = length < 0 ? it->mid(offset) : it->mid(offset, length);
        if (length >= 0 && data->size() != length) {
            *error = BankError::make(BankError::Code::CorruptChunk, QStringLiteral("short ") + name, name);
            return false;
        }
        return true;
    }
    bool removeObject(const QString &name, BankError *) override
    {
        std::lock_guard lock(m_mutex);
        m_objects.remove(name);
        return true;
    }
    bool listObjects(const QString &prefix, const std::function<bool(const QString &, qint64)> &visit,
                     BankError *) const override
    {
        const QMap<QString, QByteArray> copy = objects();
        for (auto it = copy.cbegin(); it != copy.cend(); ++it) {
            if (it.key().startsWith(prefix) && !visit(it.key(), it->size()))
                break;
        }
        return true;
    }
    QString describe(const QString &name) const override { return QStringLiteral("mem:/") + name; }

    QMap<QString, QByteArray> objects() const
    {
        std::lock_guard lock(m_mutex);
        return m_objects;
    }
    QStringList names(const QString &prefix) const
    {
        QStringList found;
        const QMap<QString, QByteArray> copy = objects();
        for (auto it = copy.cbegin(); it != copy.cend(); ++it) {
            if (it.key().startsWith(prefix))
                found.append(it.key());
        }
        return found;
    }
    void set(const QString &name, const QByteArray &data)
    {
        std::lock_guard lock(m_mutex);
        m_objects.insert(name, data);
    }

    int m_putDelayMs = 0;
    bool m_failPuts = false;
    qsizetype m_alignment = 1;
    std::atomic_int m_puts{0};        // counted when m_alignment > 1
    std::atomic_int m_alignedPuts{0}; // of those, the ones whose bytes start at m_alignment
    std::atomic_int m_inFlight{0};
    std::atomic_int m_peak{0};

private:
    mutable std::mutex m_mutex;
    QMap<QString, QByteArray> m_objects;
};

// A blob as ChunkCodec would make it: opaque here, random so it does not compress.
QByteArray blob(int seed, int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(quint32(seed) + 1);
    for (char &c : data)
        c = char(random.bounded(256));
    return data;
}

QByteArray nameOf(const QByteArray &data) { return ChunkCodec::sha256Hex(data); }

// A pack's name as FORMAT.md gives it: the SHA-256 of its 8-byte magic and of everything from its sealed
// trailer (T bytes, T the uint32 before the end magic) to its end.
QByteArray packNameBySpec(const QByteArray &pack)
{
    const quint32 sealed = qFromLittleEndian<quint32>(pack.constData() + pack.size() - 8);
    return ChunkCodec::sha256Hex(pack.left(8) + pack.mid(pack.size() - 8 - qsizetype(sealed)));
}

PackStore::Options smallPacks(qint64 target, int uploads = 1)
{
    PackStore::Options options;
    options.packTargetSize = target;
    options.uploadsInFlight = uploads;
    return options;
}

// Stores `count` blobs of `size` bytes starting at `seed`, publishes; returns their names.
QList<QByteArray> store(PackStore &packs, int seed, int count, int size)
{
    QList<QByteArray> names;
    for (int i = 0; i < count; ++i) {
        const QByteArray data = blob(seed + i, size);
        BankError error;
        if (!packs.stageChunk(nameOf(data), data, &error))
            return {};
        names.append(nameOf(data));
    }
    BankError error;
    if (!packs.publish(&error))
        return {};
    return names;
}

} // namespace

class TestPackStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void packsAndIndex_data()
    {
        QTest::addColumn<int>("chunks");
        QTest::addColumn<int>("chunkSize");
        QTest::addColumn<int>("packTarget");
        QTest::addColumn<int>("uploads");
        QTest::addColumn<int>("expectedPacks");
        QTest::newRow("one pack") << 10 << 1000 << 100000 << 1 << 1;
        QTest::newRow("a pack per 4 chunks") << 10 << 1000 << 4000 << 1 << 3;
        QTest::newRow("4 uploads at once") << 40 << 1000 << 4000 << 4 << 10;
        QTest::newRow("a chunk larger than a pack") << 3 << 5000 << 4000 << 2 << 3;
    }

    void packsAndIndex()
    {
        QFETCH(int, chunks);
        QFETCH(int, chunkSize);
        QFETCH(int, packTarget);
        QFETCH(int, uploads);
        QFETCH(int, expectedPacks);
        MemoryObjects objects;
        PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(packTarget, uploads));
        const QList<QByteArray> names = store(packs, 1, chunks, chunkSize);
        QCOMPARE(names.size(), chunks);
        // One index object for the whole publish, named by its content.
        const QStringList indexes = objects.names(QStringLiteral("index/"));
        QCOMPARE(indexes.size(), 1);
        QCOMPARE(QStringLiteral("index/") + QString::fromLatin1(nameOf(objects.objects().value(indexes[0]))), indexes[0]);
        const QStringList packNames = objects.names(QStringLiteral("packs/"));
        QCOMPARE(packNames.size(), expectedPacks);
        // Every pack: named by the SHA-256 of its bytes outside the blobs (not of the whole pack, which
        // would take a second pass over it), its trailer lists exactly its blobs where the index says.
        QSet<QByteArray> inTrailers;
        for (const QString &name : packNames) {
            const QByteArray bytes = objects.objects().value(name);
            QCOMPARE(QString::fromLatin1(PackStore::packObjectName(packNameBySpec(bytes))), name);
            QVERIFY(QString::fromLatin1(PackStore::packObjectName(nameOf(bytes))) != name);
            QList<PackStore::PackEntry> entries;
            QString why;
            QVERIFY2(PackStore::parsePackTrailer(bytes, PackStore::Sealer::identity(), &entries, &why), qPrintable(why));
            for (const PackStore::PackEntry &entry : std::as_const(entries)) {
                const QByteArray hex = entry.chunk.toHex();
                inTrailers.insert(hex);
                PackStore::Location where;
                QVERIFY(packs.locate(hex, &where));
                QCOMPARE(QString::fromLatin1(PackStore::packObjectName(where.pack)), name);
                QCOMPARE(where.offset, entry.offset);
                QCOMPARE(nameOf(bytes.mid(entry.offset, entry.length)), hex);
            }
        }
        QCOMPARE(inTrailers, QSet<QByteArray>(names.cbegin(), names.cend()));
        // Another process (a fresh store over the same objects) finds and reads every chunk.
        PackStore other(&objects, PackStore::Sealer::identity(), smallPacks(packTarget));
        for (int i = 0; i < chunks; ++i) {
            QByteArray out;
            BankError error;
            QVERIFY2(other.getChunk(names[i], &out, &error), qPrintable(error.message));
            QCOMPARE(out, blob(1 + i, chunkSize));
            qint64 size = 0;
            QVERIFY(other.chunkInfo(names[i], &size));
            QCOMPARE(size, qint64(chunkSize));
        }
        qint64 listed = 0;
        BankError error;
        QVERIFY(other.listChunks([&](const QByteArray &, qint64) { return ++listed > 0; }, &error));
        QCOMPARE(listed, qint64(chunks));
    }

    // A backend that prefers aligned bytes (a local bank: O_DIRECT) gets every pack starting at that
    // alignment, in buffers that are reused, and the packs are the same as without: the same names
    // (content-addressed), readable by a store that does not align.
    void packsAlignedForTheBackend_data()
    {
        QTest::addColumn<int>("alignment");
        QTest::addColumn<int>("uploads");
        QTest::newRow("4096, one upload") << 4096 << 1;
        QTest::newRow("4096, 3 uploads") << 4096 << 3;
        QTest::newRow("512, one upload") << 512 << 1;
    }

    void packsAlignedForTheBackend()
    {
        QFETCH(int, alignment);
        QFETCH(int, uploads);
        MemoryObjects aligned;
        aligned.m_alignment = alignment;
        MemoryObjects plain;
        const int chunks = 60;
        const int chunkSize = 3000 + alignment / 7; // blobs that do not add up to whole blocks
        {
            PackStore packs(&aligned, PackStore::Sealer::identity(), smallPacks(20000, uploads));
            QCOMPARE(store(packs, 7, chunks, chunkSize).size(), chunks);
        }
        {
            PackStore packs(&plain, PackStore::Sealer::identity(), smallPacks(20000, uploads));
            QCOMPARE(store(packs, 7, chunks, chunkSize).size(), chunks);
        }
        const QStringList packNames = aligned.names(QStringLiteral("packs/"));
        QVERIFY(packNames.size() >= 8); // several packs: buffers were reused
        QCOMPARE(aligned.m_puts.load(), packNames.size() + 1); // the packs and one index object
        // Every pack's bytes started at the alignment (the index object is not a pack).
        QCOMPARE(aligned.m_alignedPuts.load(), packNames.size());
        if (uploads == 1) // one pack at a time: the same packs in the same order, so the same objects
            QCOMPARE(aligned.objects(), plain.objects());
        PackStore reader(&aligned, PackStore::Sealer::identity(), smallPacks(20000));
        for (int i = 0; i < chunks; ++i) {
            const QByteArray data = blob(7 + i, chunkSize);
            QByteArray out;
            BankError error;
            QVERIFY2(reader.getChunk(nameOf(data), &out, &error), qPrintable(error.message));
            QCOMPARE(out, data);
        }
        for (const QString &name : packNames) {
            const QByteArray bytes = aligned.objects().value(name);
            QCOMPARE(bytes.left(8), QByteArray(PackStore::PackMagic, 8)); // no padding before the pack
            QCOMPARE(QString::fromLatin1(PackStore::packObjectName(packNameBySpec(bytes))), name);
        }
    }

    // Staged chunks are invisible until publish; packs a dead writer left unindexed are removed by prune.
    void visibilityAndStrayPacks()
    {
        MemoryObjects objects;
        QList<QByteArray> names;
        {
            PackStore writer(&objects, PackStore::Sealer::identity(), smallPacks(3000));
            for (int i = 0; i < 7; ++i) {
                const QByteArray data = blob(100 + i, 1000);
                BankError error;
                QVERIFY(writer.stageChunk(nameOf(data), data, &error));
                names.append(nameOf(data));
            }
            qint64 size = 0;
            QVERIFY(!writer.chunkInfo(names[0], &size));
            PackStore reader(&objects, PackStore::Sealer::identity(), smallPacks(3000));
            QByteArray out;
            BankError error;
            QVERIFY(!reader.getChunk(names[0], &out, &error));
            QCOMPARE(error.code, BankError::Code::NotFound);
            // The writer dies here: two full packs were written, the third never, no index.
        }
        QCOMPARE(objects.names(QStringLiteral("packs/")).size(), 2);
        QVERIFY(objects.names(QStringLiteral("index/")).isEmpty());
        PackStore pruner(&objects, PackStore::Sealer::identity(), smallPacks(3000));
        int removed = 0;
        BankError error;
        QVERIFY(pruner.removeUnindexedPacks(&removed, &error));
        QCOMPARE(removed, 2);
        QVERIFY(objects.names(QStringLiteral("packs/")).isEmpty());
        // Published packs are never strays.
        QCOMPARE(store(pruner, 200, 5, 1000).size(), 5);
        QVERIFY(pruner.removeUnindexedPacks(&removed, &error));
        QCOMPARE(removed, 0);
        QCOMPARE(objects.names(QStringLiteral("packs/")).size(), 2);
    }

    void repackThreshold_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("garbagePercent"); // of the first pack's chunks
        QTest::addColumn<bool>("repacked");
        QTest::newRow("60 % garbage, threshold 50 %") << 0.5 << 60 << true;
        QTest::newRow("30 % garbage, threshold 50 %") << 0.5 << 30 << false;
        QTest::newRow("30 % garbage, threshold 20 %") << 0.2 << 30 << true;
        QTest::newRow("90 % garbage, threshold 100 %: never") << 1.0 << 90 << false;
        QTest::newRow("all garbage: the pack goes, whatever the threshold") << 1.0 << 100 << false;
    }

    void repackThreshold()
    {
        QFETCH(double, threshold);
        QFETCH(int, garbagePercent);
        QFETCH(bool, repacked);
        MemoryObjects objects;
        PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        const QList<QByteArray> first = store(packs, 1, 10, 2000);   // pack A
        const QList<QByteArray> second = store(packs, 100, 4, 2000); // pack B, all live
        QCOMPARE(objects.names(QStringLiteral("packs/")).size(), 2);
        QCOMPARE(packs.indexObjectCount(), 2);
        const int garbage = garbagePercent / 10;
        QSet<QByteArray> referenced(second.cbegin(), second.cend());
        for (int i = garbage; i < first.size(); ++i)
            referenced.insert(first[i]);
        PackStore::Location before;
        QVERIFY(packs.locate(second[0], &before));

        GcReport report;
        BankError error;
        QVERIFY2(packs.collectGarbage(referenced, threshold, &report, &error), qPrintable(error.message));
        QVERIFY(report.done);
        QCOMPARE(report.chunksRemoved, qint64(garbage));
        QCOMPARE(report.packsRepacked, repacked ? 1 : 0);
        QCOMPARE(report.packsRemoved, garbage == 10 ? 1 : 0);
        QCOMPARE(report.bytesFreed > 0, repacked || garbage == 10);
        // One consolidated index; the untouched pack stays where it was.
        QCOMPARE(objects.names(QStringLiteral("index/")).size(), 1);
        QCOMPARE(objects.names(QStringLiteral("packs/")).size(), garbage == 10 ? 1 : 2);
        PackStore::Location after;
        QVERIFY(packs.locate(second[0], &after));
        QCOMPARE(after.pack, before.pack);
        // Every live chunk reads back, from a fresh store too; the garbage is forgotten.
        PackStore other(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        for (int i = 0; i < first.size(); ++i) {
            QByteArray out;
            BankError readError;
            qint64 size = 0;
            if (i < garbage) {
                QVERIFY(!other.chunkInfo(first[i], &size));
                continue;
            }
            QVERIFY2(other.getChunk(first[i], &out, &readError), qPrintable(readError.message));
            QCOMPARE(out, blob(1 + i, 2000));
        }
        // Nothing left to do: a second run changes nothing.
        const QMap<QString, QByteArray> settled = objects.objects();
        GcReport again;
        QVERIFY(other.collectGarbage(referenced, threshold, &again, &error));
        QCOMPARE(again.chunksRemoved, qint64(0));
        QCOMPARE(objects.objects().keys(), settled.keys());
    }

    // A reader whose cached index predates a repack by another process finds the chunks' new places.
    void readerAfterRepackElsewhere()
    {
        MemoryObjects objects;
        PackStore reader(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        const QList<QByteArray> names = store(reader, 1, 10, 1000);
        PackStore::Location old;
        QVERIFY(reader.locate(names[9], &old));
        PackStore gc(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        GcReport report;
        BankError error;
        QVERIFY(gc.collectGarbage({names[8], names[9]}, 0.5, &report, &error));
        QCOMPARE(report.packsRepacked, 1);
        QByteArray out;
        QVERIFY2(reader.getChunk(names[9], &out, &error), qPrintable(error.message));
        QCOMPARE(out, blob(10, 1000));
        PackStore::Location now;
        QVERIFY(reader.locate(names[9], &now));
        QVERIFY(now.pack != old.pack);
    }

    // Uploads overlap up to the limit and never beyond it; memory is bounded by it.
    void boundedParallelUploads_data()
    {
        QTest::addColumn<int>("uploads");
        QTest::newRow("1") << 1;
        QTest::newRow("4") << 4;
    }

    void boundedParallelUploads()
    {
        QFETCH(int, uploads);
        MemoryObjects objects;
        objects.m_putDelayMs = 30;
        PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(2000, uploads));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store(packs, 1, 32, 1000).size(), 32); // 16 packs
        qInfo("%d upload(s) in flight: 16 packs in %lld ms, peak %d", uploads, qlonglong(timer.elapsed()),
              objects.m_peak.load());
        QCOMPARE(objects.m_peak.load(), uploads);
    }

    void uploadFailureIsReported()
    {
        MemoryObjects objects;
        objects.m_failPuts = true;
        PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(2000));
        QByteArray data = blob(1, 3000);
        BankError error;
        QVERIFY(packs.stageChunk(nameOf(data), data, &error)); // queued; the upload fails behind it
        QVERIFY(!packs.publish(&error));
        QCOMPARE(error.code, BankError::Code::DiskFull);
        qint64 size = 0;
        QVERIFY(!packs.chunkInfo(nameOf(data), &size));
        // The failed chunk is not remembered as stored: staging it again stores it.
        objects.m_failPuts = false;
        QVERIFY(packs.stageChunk(nameOf(data), data, &error));
        QVERIFY2(packs.publish(&error), qPrintable(error.message));
        QVERIFY(packs.chunkInfo(nameOf(data), &size));
    }

    void damagedIndexIsNamed_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped byte") << QStringLiteral("flip");
        QTest::newRow("truncated") << QStringLiteral("truncate");
    }

    void damagedIndexIsNamed()
    {
        QFETCH(QString, damage);
        MemoryObjects objects;
        {
            PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
            QCOMPARE(store(packs, 1, 3, 1000).size(), 3);
        }
        const QString index = objects.names(QStringLiteral("index/")).value(0);
        QByteArray bytes = objects.objects().value(index);
        if (damage == QLatin1String("flip"))
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 1);
        else
            bytes.chop(7);
        objects.set(index, bytes);
        PackStore reader(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        BankError error;
        QVERIFY(!reader.refresh(&error));
        QCOMPARE(error.code, BankError::Code::BadIndex);
        QVERIFY2(error.message.contains(QStringLiteral("mem:/") + index), qPrintable(error.message));
        // GC refuses to guess.
        GcReport report;
        QVERIFY(!reader.collectGarbage({}, 0.5, &report, &error));
        QVERIFY(!report.done);
        QCOMPARE(objects.names(QStringLiteral("packs/")).size(), 1);
    }

    void truncatedPackTrailerIsRefused()
    {
        MemoryObjects objects;
        PackStore packs(&objects, PackStore::Sealer::identity(), smallPacks(1 << 20));
        QCOMPARE(store(packs, 1, 3, 1000).size(), 3);
        const QByteArray bytes = objects.objects().value(objects.names(QStringLiteral("packs/")).value(0));
        QList<PackStore::PackEntry> entries;
        QString why;
        QVERIFY(PackStore::parsePackTrailer(bytes, PackStore::Sealer::identity(), &entries, &why));
        QCOMPARE(entries.size(), 3);
        entries.clear();
        QVERIFY(!PackStore::parsePackTrailer(bytes.chopped(5), PackStore::Sealer::identity(), &entries, &why));
        QVERIFY(why.contains(QStringLiteral("truncated")));
    }
};

QTEST_GUILESS_MAIN(TestPackStore)
#include "tst_packstore.moc"
