// The bank test suite (round trip, dedup, delete + GC, verify, a damaged object detected, locking, lock
// objects that expire, listing in pages, ranged reads) that every bank backend passes with the same
// assertions: tst_swiftbank runs it on a local folder and the real Swift, tst_s3bank on the real Swift's
// S3 API (s3api + s3token). An executable derives from BankSuite and says which backends and how to
// make a fresh bank of each.
#include "banksuite.h"

#include "bank/checkpointwriter.h"
#include "bank/chunklist.h"
#include "bank/imagereader.h"
#include "bank/localbank.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"
#include "creationrace.h"
#include "reopenrace.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTest>

#include <mutex>
#include <thread>

using namespace sv;
using svtest::backup;
using svtest::chunksInBank;
using svtest::chunksOf;
using svtest::draftFor;
using svtest::kImage;

std::shared_ptr<Bank> BankSuite::makeBank(const QString &backend)
{
    if (backend == QLatin1String("local")) {
        auto dir = std::make_shared<QTemporaryDir>();
        m_dirs.append(dir);
        return std::make_shared<LocalBank>(dir->path());
    }
    auto bank = makeObjectStoreBank();
    return bank;
}

std::shared_ptr<ObjectStoreBank> BankSuite::makeObjectStoreBank()
{
    auto bank = newObjectStoreBank();
    m_objectStoreBanks.append(bank);
    return bank;
}

void BankSuite::deleteWhatTestsWrote()
{
    // Every object of every bucket or container the tests made (they stay, empty, in the throw-away
    // cloud; a bank has no container deletion).
    for (const auto &bank : std::as_const(m_objectStoreBanks)) {
        BankError error;
        real::deleteAllObjects(*bank, &error);
    }
    m_objectStoreBanks.clear();
}

void BankSuite::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : backends())
        QTest::newRow(qPrintable(backend)) << backend;
}

void BankSuite::roundTrip_data() { addBackendRows(); }
void BankSuite::roundTrip()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QVERIFY2(bank->open(&error), qPrintable(error.message)); // idempotent: container and bank.json exist
    const QByteArray image = svtest::generateImage(12 * 1024 * 1024 + 333, 2);
    ImageRecord written;
    QElapsedTimer timer;
    timer.start();
    const QString id = backup(*bank, QStringLiteral("s1"), image, &error, &written);
    QVERIFY2(!id.isEmpty(), qPrintable(error.message));
    const qint64 writeMs = std::max<qint64>(1, timer.elapsed());

    QList<CheckpointSummary> list;
    QVERIFY2(bank->listCheckpoints(&list, &error), qPrintable(error.message));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].id, id);
    QCOMPARE(list[0].status, QStringLiteral("available"));
    QCOMPARE(list[0].size, image.size());

    CheckpointIndex index;
    QVERIFY2(bank->checkpoint(id, &index, &error), qPrintable(error.message));
    const ProtectedResource &img = index.resources[1];
    QVERIFY(img.image.has_value());
    QCOMPARE(img.image->sha512, QCryptographicHash::hash(image, QCryptographicHash::Sha512).toHex());
    QCOMPARE(svtest::chunkRefs(*bank, *img.image).size(), svtest::chunkRefs(*bank, written).size());
    QCOMPARE(chunksInBank(*bank), chunksOf(*bank, id));

    timer.restart();
    ImageReader reader(bank.get(), *img.image);
    QByteArray out;
    QByteArray piece;
    while (reader.next(&piece))
        out.append(piece);
    QVERIFY2(!reader.error().isError(), qPrintable(reader.error().message));
    QCOMPARE(out, image);
    const qint64 readMs = std::max<qint64>(timer.elapsed(), 1);
    qInfo("%s: backup of %.1f MiB in %lld ms (%.1f MiB/s), read back in %lld ms (%.1f MiB/s)", qPrintable(backend),
          image.size() / 1048576.0, qlonglong(writeMs), image.size() / 1048576.0 / (writeMs / 1000.0),
          qlonglong(readMs), image.size() / 1048576.0 / (readMs / 1000.0));

    VerifyReport report;
    QVERIFY(bank->verifyCheckpoint(id, &report, &error));
    QVERIFY(report.ok());
    QCOMPARE(report.bytesChecked, image.size());
}

void BankSuite::dedup_data() { addBackendRows(); }
void BankSuite::dedup()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QByteArray image = svtest::generateImage(32 * 1024 * 1024, 31);
    ImageRecord first;
    ImageRecord second;
    ImageRecord third;
    QVERIFY2(!backup(*bank, QStringLiteral("s1"), image, &error, &first).isEmpty(), qPrintable(error.message));
    QVERIFY2(!backup(*bank, QStringLiteral("s1"), image, &error, &second).isEmpty(), qPrintable(error.message));
    const QByteArray changed = svtest::mutate(image, 0.03, 4, 5);
    QVERIFY2(!backup(*bank, QStringLiteral("s1"), changed, &error, &third).isEmpty(), qPrintable(error.message));
    qInfo("%s: first %lld new bytes; unchanged %lld new; 3 %% changed %lld new of %lld", qPrintable(backend),
          qlonglong(first.newBytes), qlonglong(second.newBytes), qlonglong(third.newBytes), qlonglong(third.size));
    QVERIFY(first.newBytes > 0);
    QCOMPARE(second.newBytes, qint64(0));
    // 4 scattered 3 % edits of a 32 MiB image touch a few average-size chunks around each edit.
    QVERIFY(third.newBytes < third.size / 4);
}

void BankSuite::deleteAndGc_data() { addBackendRows(); }
void BankSuite::deleteAndGc()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QByteArray base = svtest::generateImage(12 * 1024 * 1024, 40);
    const QString a = backup(*bank, QStringLiteral("a"), base, &error);
    const QString b = backup(*bank, QStringLiteral("b"), svtest::mutate(base, 0.1, 2, 1), &error);
    const QString c = backup(*bank, QStringLiteral("c"), svtest::generateImage(4 * 1024 * 1024, 41), &error);
    QVERIFY2(!a.isEmpty() && !b.isEmpty() && !c.isEmpty(), qPrintable(error.message));
    const QSet<QByteArray> keep = chunksOf(*bank, a) | chunksOf(*bank, c);
    const QSet<QByteArray> onlyB = chunksOf(*bank, b) - keep;
    QVERIFY(!onlyB.isEmpty());
    QCOMPARE(chunksInBank(*bank), keep | chunksOf(*bank, b));

    GcReport gc;
    QVERIFY2(bank->deleteCheckpoint(b, &gc, &error), qPrintable(error.message));
    QVERIFY(gc.done);
    QCOMPARE(gc.chunksRemoved, qint64(onlyB.size()));
    QVERIFY(gc.bytesFreed > 0);
    QCOMPARE(chunksInBank(*bank), keep);
    CheckpointIndex index;
    QVERIFY(!bank->checkpoint(b, &index, &error));
    QCOMPARE(error.code, BankError::Code::NotFound);
    CheckReport check;
    QVERIFY2(bank->check(&check, &error), qPrintable(error.message));
    QVERIFY(check.ok());
    QVERIFY(check.orphans.isEmpty());
}

void BankSuite::corruptedChunkDetected_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("damage");
    for (const QString &backend : backends()) {
        QTest::addRow("%s, flipped byte", qPrintable(backend)) << backend << QStringLiteral("flip");
        QTest::addRow("%s, truncated", qPrintable(backend)) << backend << QStringLiteral("truncate");
        QTest::addRow("%s, deleted", qPrintable(backend)) << backend << QStringLiteral("delete");
    }
}
void BankSuite::corruptedChunkDetected()
{
    QFETCH(QString, backend);
    QFETCH(QString, damage);
    // A format-1 bank (one object per chunk, still read and written by this build), where the chunk
    // primitives below damage exactly one chunk; damage inside packs is tested by unit.localbank and
    // unit.packstore.
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message)); // makes the folder or container
    const QByteArray formatOne = R"({"format":"stackvault-bank","version":1,"chunking":"fastcdc-gear64-v1",)"
                                 R"("chunk_hash":"sha256","compression":"zstd"})";
    if (auto *objects = dynamic_cast<ObjectStoreBank *>(bank.get())) {
        QVERIFY2(objects->putObject(QStringLiteral("bank.json"), formatOne, &error), qPrintable(error.message));
    } else {
        QFile file(bank->location() + QStringLiteral("/bank.json"));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(formatOne) == formatOne.size());
    }
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QVERIFY(!bank->packStore());
    const QString good = backup(*bank, QStringLiteral("good"), svtest::generateImage(6 * 1024 * 1024, 50), &error);
    const QString bad = backup(*bank, QStringLiteral("bad"), svtest::generateImage(10 * 1024 * 1024, 51), &error);
    QVERIFY2(!good.isEmpty() && !bad.isEmpty(), qPrintable(error.message));
    CheckpointIndex index;
    QVERIFY(bank->checkpoint(bad, &index, &error));
    const QList<ChunkRef> chunks = svtest::chunkRefs(*bank, *index.resources[1].image);
    QVERIFY(chunks.size() >= 3);
    const qsizetype victim = chunks.size() / 2;
    const QByteArray name = chunks[victim].sha256;
    // Damage through the backend's own storage primitive: for an object store a new object under
    // the same name (consistent ETag), so only the bank's own SHA-256 can notice.
    QByteArray encoded;
    QVERIFY2(bank->getChunk(name, &encoded, &error), qPrintable(error.message));
    if (damage == QLatin1String("flip")) {
        encoded[encoded.size() / 2] = char(encoded[encoded.size() / 2] ^ 0x01);
        QVERIFY(bank->putChunk(name, encoded, &error));
    } else if (damage == QLatin1String("truncate")) {
        QVERIFY(bank->putChunk(name, encoded.left(encoded.size() / 3), &error));
    } else {
        qint64 freed = 0;
        QVERIFY(bank->removeChunk(name, &freed, &error));
        QVERIFY(freed > 0);
    }

    VerifyReport report;
    QVERIFY(bank->verifyCheckpoint(bad, &report, &error));
    QVERIFY(!report.ok());
    // The generated image repeats content, so the damaged chunk may be named several times.
    const qsizetype uses = std::count_if(chunks.begin(), chunks.end(), [&](const ChunkRef &c) { return c.sha256 == name; });
    QCOMPARE(report.problems.size(), uses);
    const ChunkProblem &problem = report.problems[0];
    qInfo() << problem.error.message;
    QCOMPARE(problem.chunkIndex, std::find_if(chunks.begin(), chunks.end(), [&](const ChunkRef &c) { return c.sha256 == name; }) - chunks.begin());
    QCOMPARE(problem.sha256, name);
    QCOMPARE(problem.error.code,
             damage == QLatin1String("delete") ? BankError::Code::MissingChunk : BankError::Code::CorruptChunk);
    VerifyReport goodReport;
    QVERIFY(bank->verifyCheckpoint(good, &goodReport, &error));
    // Only a checkpoint that shares the damaged chunk is affected.
    QCOMPARE(goodReport.ok(), !chunksOf(*bank, good).contains(name));
}

// The index is the last object written: while chunks are being stored, the checkpoint lists as
// `protecting` (a crash leaves it visibly unfinished), never `available`.
void BankSuite::halfWrittenCheckpointNeverLooksComplete_data() { addBackendRows(); }
void BankSuite::halfWrittenCheckpointNeverLooksComplete()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    auto checkpoint = bank->beginCheckpoint(draftFor(QStringLiteral("h")), &error);
    QVERIFY2(checkpoint, qPrintable(error.message));
    auto writer = checkpoint->createImageWriter();
    const QByteArray image = svtest::generateImage(4 * 1024 * 1024, 60);
    ImageRecord record;
    QVERIFY(svtest::feed(*writer, image, 1 << 20));
    QVERIFY2(writer->finish(&record, &error), qPrintable(error.message));
    QVERIFY(!chunksInBank(*bank).isEmpty()); // the chunks are there ...
    QList<CheckpointSummary> list;
    QVERIFY2(bank->listCheckpoints(&list, &error), qPrintable(error.message));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].status, QStringLiteral("protecting")); // ... but the checkpoint is not complete
    checkpoint->resource(kImage, QStringLiteral("img-h"))->image = record;
    QVERIFY2(checkpoint->commit(&error), qPrintable(error.message));
    QVERIFY2(bank->listCheckpoints(&list, &error), qPrintable(error.message));
    QCOMPARE(list[0].status, QStringLiteral("available"));
}

void BankSuite::splitChunkLists_data() { addBackendRows(); }
// A new bank keeps each image's chunk list in list parts (lists/…): written while the image streams,
// read part by part by restore and verify; a missing part is an error naming it; GC removes parts no
// index names.
void BankSuite::splitChunkLists()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QVERIFY(bank->splitsChunkLists());
    const QByteArray image = svtest::generateImage(8 * 1024 * 1024, 70);
    auto checkpoint = bank->beginCheckpoint(draftFor(QStringLiteral("p")), &error);
    QVERIFY2(checkpoint, qPrintable(error.message));
    ImageWriter::Options options;
    options.listParts.minChunks = 2; // tiny parts: several for a few MiB
    options.listParts.maxChunks = 3;
    auto writer = checkpoint->createImageWriter(options);
    ImageRecord record;
    QVERIFY(svtest::feed(*writer, image, 1 << 20));
    QVERIFY2(writer->finish(&record, &error), qPrintable(error.message));
    checkpoint->resource(kImage, QStringLiteral("img-p"))->image = record;
    QVERIFY2(checkpoint->commit(&error), qPrintable(error.message));
    const QString id = checkpoint->id();
    checkpoint.reset();
    QVERIFY(record.splitList);
    QVERIFY(record.listParts.size() >= 2);
    const auto partsInBank = [&bank] {
        QSet<QByteArray> parts;
        BankError listError;
        bank->listListParts([&parts](const QByteArray &name, qint64) { parts.insert(name); return true; }, &listError);
        return parts;
    };
    QSet<QByteArray> named;
    for (const ChunkListPart &part : std::as_const(record.listParts))
        named.insert(part.name);
    QCOMPARE(partsInBank(), named);

    CheckpointIndex index;
    QVERIFY2(bank->checkpoint(id, &index, &error), qPrintable(error.message));
    QCOMPARE(svtest::readBack(*bank, *index.resources[1].image, &error), image);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    // A missing part: restore and verify name it, GC refuses.
    const QByteArray victim = record.listParts.last().name;
    QVERIFY2(bank->removeListPart(victim, &error), qPrintable(error.message));
    QVERIFY(svtest::readBack(*bank, *index.resources[1].image, &error).isEmpty());
    QCOMPARE(error.code, BankError::Code::MissingChunk);
    QVERIFY2(error.message.contains(ChunkListFormat::objectName(victim)), qPrintable(error.message));
    VerifyReport verify;
    QVERIFY(bank->verifyCheckpoint(id, &verify, &error));
    QVERIFY(!verify.ok());
    GcReport gc;
    QVERIFY(!bank->collectGarbage(&gc, &error));
    QVERIFY(!chunksInBank(*bank).isEmpty());
    // Deleted: GC removes its chunks and its remaining parts.
    QVERIFY2(bank->deleteCheckpoint(id, &gc, &error), qPrintable(error.message));
    QVERIFY(gc.done);
    QCOMPARE(gc.listPartsRemoved, int(named.size()) - 1);
    QVERIFY(partsInBank().isEmpty());
    QVERIFY(chunksInBank(*bank).isEmpty());
}

void BankSuite::listingManyCheckpoints_data() { addBackendRows(); }
// Many checkpoints list whole and in order; an object store reads their indexes several at once (the
// time is printed, not asserted: scripts/bench --only checkpoints measures 1,000 against the goal).
void BankSuite::listingManyCheckpoints()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    ImageRecord record;
    const QString first = backup(*bank, QStringLiteral("m"), svtest::generateImage(2 * 1024 * 1024, 71), &error, &record);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    const int count = 200;
    std::vector<std::thread> writers;
    std::atomic_int failures{0};
    for (int t = 0; t < 8; ++t) {
        writers.emplace_back([&, t] {
            for (int i = t; i < count; i += 8) {
                CheckpointIndex index = model;
                index.id = QStringLiteral("many-%1").arg(i, 4, 10, QLatin1Char('0'));
                index.created = model.created.addSecs(i + 1);
                index.status = i % 10 == 0 ? QStringLiteral("error") : QStringLiteral("available");
                BankError e;
                if (!bank->storeIndex(index, &e))
                    ++failures;
            }
        });
    }
    for (auto &writer : writers)
        writer.join();
    QCOMPARE(failures.load(), 0);
    QElapsedTimer timer;
    timer.start();
    QList<CheckpointSummary> list;
    QVERIFY2(bank->listCheckpoints(&list, &error), qPrintable(error.message));
    qInfo("%s: listed %lld checkpoints in %lld ms (%d index reads in flight)", qPrintable(backend),
          qlonglong(list.size()), qlonglong(timer.elapsed()), bank->indexReadsInFlight());
    QCOMPARE(list.size(), count + 1);
    QCOMPARE(list.first().id, first);
    for (int i = 0; i < count; ++i) {
        const CheckpointSummary &s = list[i + 1];
        QCOMPARE(s.id, QStringLiteral("many-%1").arg(i, 4, 10, QLatin1Char('0')));
        QCOMPARE(s.status, i % 10 == 0 ? QStringLiteral("error") : QStringLiteral("available"));
        QCOMPARE(s.size, record.size);
        QCOMPARE(s.serverId, QStringLiteral("m"));
    }
}

namespace {

// A store that counts the GETs a bank makes, by object-name prefix (what a listing really fetched).
class CountingStore : public ObjectStore
{
public:
    explicit CountingStore(std::unique_ptr<ObjectStore> inner)
        : m_inner(std::move(inner))
    {
    }
    int gets(const QString &prefix) const
    {
        std::lock_guard lock(m_mutex);
        return m_gets.value(prefix);
    }
    QString location() const override { return m_inner->location(); }
    QString containerNoun() const override { return m_inner->containerNoun(); }
    bool createContainer(BankError *error) const override { return m_inner->createContainer(error); }
    bool putObject(const QString &object, const QByteArray &data, BankError *error) const override
    {
        return m_inner->putObject(object, data, error);
    }
    bool createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const override
    {
        return m_inner->createObject(object, data, existed, error);
    }
    bool getObject(const QString &object, QByteArray *data, BankError *error) const override
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_gets[object.section(QLatin1Char('/'), 0, 0) + QLatin1Char('/')];
        }
        return m_inner->getObject(object, data, error);
    }
    bool getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                        BankError *error) const override
    {
        return m_inner->getObjectRange(object, offset, length, data, error);
    }
    bool headObject(const QString &object, qint64 *size, BankError *error) const override
    {
        return m_inner->headObject(object, size, error);
    }
    bool deleteObject(const QString &object, bool *existed, BankError *error) const override
    {
        return m_inner->deleteObject(object, existed, error);
    }
    bool listPage(const QString &prefix, const QString &marker, int limit, Page *page, BankError *error) const override
    {
        return m_inner->listPage(prefix, marker, limit, page, error);
    }

private:
    std::unique_ptr<ObjectStore> m_inner;
    mutable std::mutex m_mutex;
    mutable QHash<QString, int> m_gets;
};

// One line per checkpoint with everything a listing shows, sorted by id: two listings compare equal
// exactly when they say the same.
QStringList describe(QList<CheckpointSummary> list)
{
    std::sort(list.begin(), list.end(), [](const CheckpointSummary &a, const CheckpointSummary &b) { return a.id < b.id; });
    QStringList lines;
    for (const CheckpointSummary &s : std::as_const(list)) {
        lines.append(QStringLiteral("%1 %2 [%3] server %4 (%5) %6 %7 bytes, stored %8, new %9 %10 plan %11")
                         .arg(s.id, s.status, s.errorMessage, s.serverId, s.serverName, s.created.toString(Qt::ISODateWithMs))
                         .arg(s.size)
                         .arg(s.storedBytes)
                         .arg(s.newStoredBytes)
                         .arg(s.consistency, s.plan));
    }
    return lines;
}

// What a listing must say: every index read and summarized, one by one.
QStringList truthOf(const Bank &bank)
{
    QStringList ids;
    BankError error;
    if (!bank.listIndexIds(&ids, &error))
        return {QStringLiteral("cannot list: ") + error.message};
    QList<CheckpointSummary> truth;
    for (const QString &id : std::as_const(ids)) {
        CheckpointIndex index;
        if (!bank.checkpoint(id, &index, &error))
            return {QStringLiteral("cannot read: ") + error.message};
        truth.append(Bank::summarize(index));
    }
    return describe(truth);
}

QStringList listed(const Bank &bank)
{
    QList<CheckpointSummary> list;
    BankError error;
    if (!bank.listCheckpoints(&list, &error))
        return {QStringLiteral("cannot list: ") + error.message};
    return describe(list);
}

QList<QByteArray> summaryObjects(const Bank &bank)
{
    QList<QByteArray> names;
    BankError error;
    bank.listSummaryObjects([&names](const QByteArray &name, qint64) { names.append(name); return true; }, &error);
    return names;
}

// Settled checkpoints whose current index no readable summary entry matches (their summary was lost),
// and entries whose checkpoint or index state is gone (stale), as sentences.
void summaryCoverage(const Bank &bank, QStringList *uncovered, QStringList *stale)
{
    QList<Bank::ListedIndex> indexes;
    BankError error;
    QVERIFY2(bank.listIndexes(&indexes, &error), qPrintable(error.message));
    QSet<QString> entries; // id + md5
    for (const QByteArray &name : summaryObjects(bank)) {
        QList<SummaryFormat::Entry> read;
        int version = 0;
        QVERIFY2(bank.readSummaryObject(name, &read, &version, &error), qPrintable(error.message));
        for (const SummaryFormat::Entry &entry : std::as_const(read))
            entries.insert(entry.summary.id + QLatin1Char('/') + QString::fromLatin1(entry.indexMd5));
    }
    QSet<QString> current;
    for (const Bank::ListedIndex &index : std::as_const(indexes)) {
        QVERIFY(!index.md5.isEmpty()); // the store lists each index's MD5
        const QString key = index.id + QLatin1Char('/') + QString::fromLatin1(index.md5);
        current.insert(key);
        CheckpointIndex read;
        QVERIFY2(bank.checkpoint(index.id, &read, &error), qPrintable(error.message));
        if (SummaryFormat::isSettled(read.status) && !entries.contains(key))
            uncovered->append(index.id);
    }
    for (const QString &entry : std::as_const(entries)) {
        if (!current.contains(entry))
            stale->append(entry);
    }
}

// The model checkpoint `model` again as checkpoint `id`, as a backup writes it.
CheckpointIndex copyOf(const CheckpointIndex &model, const QString &id, int i)
{
    CheckpointIndex index = model;
    index.id = id;
    index.created = model.created.addSecs(i + 1);
    index.status = i % 7 == 3 ? QStringLiteral("error") : QStringLiteral("available");
    index.errorMessage = index.status == QLatin1String("error") ? QStringLiteral("failure %1").arg(i) : QString();
    index.resources[0].name = QStringLiteral("server-%1").arg(i % 3);
    index.plan = i % 2 == 0 ? QStringLiteral("nightly") : QString(); // made by a plan, or by hand
    return index;
}

} // namespace

void BankSuite::listingFollowsTheIndexes_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("encrypted");
    for (const QString &backend : backends()) {
        QTest::addRow("%s, plain", qPrintable(backend)) << backend << false;
        QTest::addRow("%s, encrypted", qPrintable(backend)) << backend << true;
    }
}

// A listing says what the indexes say, through backups, a running backup, state changes made with and
// without summaries, a delete (with garbage collection) and a delete left half done. In an object store
// a client that never saw the bank lists settled checkpoints from a few summary objects, reading only the
// indexes no summary matches.
void BankSuite::listingFollowsTheIndexes()
{
    QFETCH(QString, backend);
    QFETCH(bool, encrypted);
    auto bank = makeBank(backend);
    if (encrypted) {
        bank->setEncryptNewBank(true);
        bank->setPassphrase("listing test passphrase");
    }
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QCOMPARE(bank->keys().encrypted(), encrypted);
    const QString first = backup(*bank, QStringLiteral("f"), svtest::generateImage(2 * 1024 * 1024, 80), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    const int count = 40;
    for (int i = 0; i < count; ++i)
        QVERIFY2(bank->storeIndex(copyOf(model, QStringLiteral("s-%1").arg(i, 2, 10, QLatin1Char('0')), i), &error),
                 qPrintable(error.message));
    auto running = bank->beginCheckpoint(draftFor(QStringLiteral("r")), &error);
    QVERIFY2(running, qPrintable(error.message));
    QCOMPARE(listed(*bank), truthOf(*bank));
    QCOMPARE(listed(*bank).size(), count + 2);
    QVERIFY(listed(*bank).filter(QStringLiteral(" protecting ")).size() == 1);
    QCOMPARE(listed(*bank).filter(QStringLiteral(" plan nightly")).size(), count / 2);

    const auto coldClient = [&](CountingStore **counter) {
        auto store = std::make_unique<CountingStore>(storeLike(static_cast<const ObjectStoreBank &>(*bank)));
        *counter = store.get();
        auto cold = std::make_shared<ObjectStoreBank>(std::move(store));
        cold->setKnownKeys(bank->sharedKeys());
        BankError openError;
        return cold->open(&openError) ? cold : nullptr;
    };
    const bool objectStore = backend != QLatin1String("local");
    if (objectStore) {
        // Each backup left a small summary; writers merged them once there were more than 16.
        QVERIFY(!summaryObjects(*bank).isEmpty());
        QVERIFY(summaryObjects(*bank).size() <= SummaryFormat::SmallObjectsBeforeCompaction + 1);
        QStringList uncovered;
        QStringList stale;
        summaryCoverage(*bank, &uncovered, &stale);
        QCOMPARE(uncovered, QStringList());
        CountingStore *counter = nullptr;
        auto cold = coldClient(&counter);
        QVERIFY(cold);
        QCOMPARE(listed(*cold), truthOf(*bank));
        QCOMPARE(counter->gets(QStringLiteral("checkpoints/")), 1); // the running backup's
        QVERIFY(counter->gets(QStringLiteral("summaries/")) <= SummaryFormat::SmallObjectsBeforeCompaction + 1);
    }

    // The running backup completes; an older StackVault (no summaries) marks s-01 error; s-02 is deleted
    // (garbage collection merges the summaries and drops the stale ones); a delete of s-03 stopped after
    // marking it `deleting`.
    running->resource(kImage, QStringLiteral("img-r"))->status = QStringLiteral("available");
    QVERIFY2(running->commit(&error), qPrintable(error.message));
    running.reset();
    CheckpointIndex changed;
    QVERIFY2(bank->checkpoint(QStringLiteral("s-01"), &changed, &error), qPrintable(error.message));
    changed.status = QStringLiteral("error");
    changed.errorMessage = QStringLiteral("marked by an older version");
    QVERIFY2(bank->writeIndex(changed.id, bank->keys().seal(changed.toJson(), Bank::indexAssociatedData(changed.id)), &error),
             qPrintable(error.message));
    GcReport gc;
    QVERIFY2(bank->deleteCheckpoint(QStringLiteral("s-02"), &gc, &error), qPrintable(error.message));
    QVERIFY(gc.done);
    CheckpointIndex deleting;
    QVERIFY2(bank->checkpoint(QStringLiteral("s-03"), &deleting, &error), qPrintable(error.message));
    deleting.status = QStringLiteral("deleting");
    QVERIFY2(bank->storeIndex(deleting, &error), qPrintable(error.message));
    const QStringList truth = truthOf(*bank);
    QCOMPARE(truth.size(), count + 1);
    QVERIFY(truth.filter(QStringLiteral("marked by an older version")).size() == 1);
    QVERIFY(truth.filter(QStringLiteral(" deleting ")).size() == 1);
    QCOMPARE(listed(*bank), truth);
    if (objectStore) {
        QVERIFY(gc.summaryObjectsRemoved >= 1);
        QStringList uncovered;
        QStringList stale;
        summaryCoverage(*bank, &uncovered, &stale);
        QCOMPARE(uncovered, QStringList{QStringLiteral("s-01")}); // written without a summary
        QVERIFY2(stale.filter(QStringLiteral("s-02/")).isEmpty(), qPrintable(stale.join(QLatin1Char(' '))));
        CountingStore *counter = nullptr;
        auto cold = coldClient(&counter);
        QVERIFY(cold);
        QCOMPARE(listed(*cold), truth);
        QCOMPARE(counter->gets(QStringLiteral("checkpoints/")), 2); // s-01 and s-03: no summary matches them
        // Garbage collection leaves one summary object, with nothing stale in it.
        QVERIFY2(bank->collectGarbage(&gc, &error), qPrintable(error.message));
        QCOMPARE(summaryObjects(*bank).size(), 1);
        uncovered.clear();
        stale.clear();
        summaryCoverage(*bank, &uncovered, &stale);
        QCOMPARE(stale, QStringList());
        QCOMPARE(listed(*bank), truth);
    }
}

// Two writers (two clients of one bank, two threads each) store checkpoints at once; each merges the
// summaries when there are too many. No summary is lost: every settled index has its entry.
void BankSuite::twoWritersLoseNoSummary()
{
    auto bank = makeObjectStoreBank();
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QString first = backup(*bank, QStringLiteral("w"), svtest::generateImage(1024 * 1024, 81), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    auto other = std::make_shared<ObjectStoreBank>(storeLike(*bank));
    QVERIFY2(other->open(&error), qPrintable(error.message));
    const int perThread = 20;
    std::atomic_int failures{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
        writers.emplace_back([&, t] {
            Bank &writer = t % 2 == 0 ? static_cast<Bank &>(*bank) : static_cast<Bank &>(*other);
            for (int i = 0; i < perThread; ++i) {
                BankError e;
                if (!writer.storeIndex(copyOf(model, QStringLiteral("t%1-%2").arg(t).arg(i, 2, 10, QLatin1Char('0')), i), &e))
                    ++failures;
            }
        });
    }
    for (auto &writer : writers)
        writer.join();
    QCOMPARE(failures.load(), 0);
    QStringList uncovered;
    QStringList stale;
    summaryCoverage(*bank, &uncovered, &stale);
    QCOMPARE(uncovered, QStringList());
    QCOMPARE(listed(*bank), truthOf(*bank));
    QCOMPARE(listed(*bank).size(), 4 * perThread + 1);
    qInfo("two writers: %lld summary objects for %d checkpoints", qlonglong(summaryObjects(*bank).size()), 4 * perThread + 1);
}

void BankSuite::tamperedSummaryNeverListed_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("encrypted");
    for (const QString &backend : backends()) {
        if (backend == QLatin1String("local"))
            continue; // a local bank keeps no summaries
        QTest::addRow("%s, encrypted, flipped byte", qPrintable(backend)) << backend << QStringLiteral("flip") << true;
        QTest::addRow("%s, encrypted, truncated", qPrintable(backend)) << backend << QStringLiteral("truncate") << true;
        QTest::addRow("%s, encrypted, another object's bytes", qPrintable(backend)) << backend << QStringLiteral("swap") << true;
        QTest::addRow("%s, plain, edited entry", qPrintable(backend)) << backend << QStringLiteral("edit") << false;
    }
}

// A damaged or replaced summary object is never believed: reading it is an error naming the object,
// garbage collection removes it, and listings read the indexes it covered (and summarize them again).
void BankSuite::tamperedSummaryNeverListed()
{
    QFETCH(QString, backend);
    QFETCH(QString, damage);
    QFETCH(bool, encrypted);
    auto bank = makeObjectStoreBank();
    if (encrypted) {
        bank->setEncryptNewBank(true);
        bank->setPassphrase("tamper test passphrase");
    }
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QString first = backup(*bank, QStringLiteral("d"), svtest::generateImage(1024 * 1024, 82), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    for (int i = 0; i < 20; ++i)
        QVERIFY2(bank->storeIndex(copyOf(model, QStringLiteral("d-%1").arg(i, 2, 10, QLatin1Char('0')), i), &error),
                 qPrintable(error.message));
    GcReport gc;
    QVERIFY2(bank->collectGarbage(&gc, &error), qPrintable(error.message));
    QCOMPARE(summaryObjects(*bank).size(), 1);
    const QByteArray victim = summaryObjects(*bank).first();
    const QString object = SummaryFormat::objectName(victim);
    QByteArray stored;
    QVERIFY2(bank->getObject(object, &stored, &error), qPrintable(error.message));
    if (damage == QLatin1String("flip")) {
        stored[stored.size() / 2] = char(stored[stored.size() / 2] ^ 0x01);
    } else if (damage == QLatin1String("truncate")) {
        stored.chop(40);
    } else if (damage == QLatin1String("swap")) {
        // The summary of one more checkpoint, copied over the merged object.
        QVERIFY2(bank->storeIndex(copyOf(model, QStringLiteral("d-extra"), 30), &error), qPrintable(error.message));
        const QList<QByteArray> names = summaryObjects(*bank);
        QCOMPARE(names.size(), 2);
        QVERIFY2(bank->getObject(SummaryFormat::objectName(names.first() == victim ? names.last() : names.first()), &stored,
                                 &error),
                 qPrintable(error.message));
    } else {
        // A plain bank: an entry says another server name (its name, the SHA-256 of the old bytes, no
        // longer matches).
        QVERIFY(stored.contains("\"server_name\":\"server-1\""));
        stored.replace("\"server_name\":\"server-1\"", "\"server_name\":\"server-X\"");
    }
    QVERIFY2(bank->putObject(object, stored, &error), qPrintable(error.message));

    QList<SummaryFormat::Entry> entries;
    int version = 0;
    QVERIFY(!bank->readSummaryObject(victim, &entries, &version, &error));
    QCOMPARE(error.code, BankError::Code::BadIndex);
    QVERIFY2(error.message.contains(object), qPrintable(error.message));
    QVERIFY(entries.isEmpty());
    const QStringList truth = truthOf(*bank);
    QVERIFY(truth.filter(QStringLiteral("server-X")).isEmpty());
    const auto coldListing = [&](int *indexReads) {
        auto store = std::make_unique<CountingStore>(storeLike(*bank));
        CountingStore *counter = store.get();
        auto cold = std::make_shared<ObjectStoreBank>(std::move(store));
        cold->setKnownKeys(bank->sharedKeys());
        BankError openError;
        const QStringList list = cold->open(&openError) ? listed(*cold) : QStringList{openError.message};
        *indexReads = counter->gets(QStringLiteral("checkpoints/"));
        return list;
    };
    // Every checkpoint it summarized is read from its index, and that listing summarizes them again.
    int indexReads = 0;
    QCOMPARE(coldListing(&indexReads), truth);
    QCOMPARE(indexReads, 21);
    // Garbage collection removes a damaged object (here the same damage again: the new summary may have
    // the damaged one's name, its content being the same), keeping what else is current.
    QVERIFY2(bank->putObject(object, stored, &error), qPrintable(error.message));
    QVERIFY2(bank->collectGarbage(&gc, &error), qPrintable(error.message));
    QVERIFY(gc.summaryObjectsRemoved >= 1);
    // (The merged object may be named as the damaged one was: the same entries, content-addressed.)
    if (summaryObjects(*bank).contains(victim))
        QVERIFY2(bank->readSummaryObject(victim, &entries, &version, &error), qPrintable(error.message));
    QCOMPARE(coldListing(&indexReads), truth);
    QCOMPARE(coldListing(&indexReads), truth);
    QCOMPARE(indexReads, 0);
    QStringList uncovered;
    QStringList stale;
    summaryCoverage(*bank, &uncovered, &stale);
    QCOMPARE(uncovered, QStringList());
    QCOMPARE(stale, QStringList());
}

void BankSuite::checkReportsDamagedSummaries_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("encrypted");
    for (const QString &backend : backends()) {
        if (backend == QLatin1String("local"))
            continue; // a local bank keeps no summaries
        QTest::addRow("%s, encrypted, tampered", qPrintable(backend)) << backend << QStringLiteral("flip") << true;
        QTest::addRow("%s, encrypted, truncated", qPrintable(backend)) << backend << QStringLiteral("truncate") << true;
        QTest::addRow("%s, plain, truncated", qPrintable(backend)) << backend << QStringLiteral("truncate") << false;
    }
}

// Bank::check reads every summary object: a damaged one is a finding that names it (and makes the
// check fail), the intact one beside it is not, and once garbage collection removed it the check is clean.
void BankSuite::checkReportsDamagedSummaries()
{
    QFETCH(QString, backend);
    QFETCH(QString, damage);
    QFETCH(bool, encrypted);
    auto bank = makeObjectStoreBank();
    if (encrypted) {
        bank->setEncryptNewBank(true);
        bank->setPassphrase("check summaries passphrase");
    }
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QString first = backup(*bank, QStringLiteral("c"), svtest::generateImage(1024 * 1024, 83), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    QVERIFY2(bank->storeIndex(copyOf(model, QStringLiteral("c-extra"), 1), &error), qPrintable(error.message));
    const QList<QByteArray> names = summaryObjects(*bank);
    QCOMPARE(names.size(), 2); // one per settled index written
    CheckReport check;
    QVERIFY2(bank->check(&check, &error, false), qPrintable(error.message));
    QVERIFY(check.ok());
    QCOMPARE(check.summaryObjects, 2);
    QCOMPARE(check.damagedSummaries, QStringList());

    const QString object = SummaryFormat::objectName(names.first());
    const QString intact = SummaryFormat::objectName(names.last());
    QByteArray stored;
    QVERIFY2(bank->getObject(object, &stored, &error), qPrintable(error.message));
    if (damage == QLatin1String("flip"))
        stored[stored.size() / 2] = char(stored[stored.size() / 2] ^ 0x01);
    else
        stored.chop(stored.size() / 3);
    QVERIFY2(bank->putObject(object, stored, &error), qPrintable(error.message));

    QVERIFY2(bank->check(&check, &error, true), qPrintable(error.message));
    QVERIFY(!check.ok());
    QCOMPARE(check.summaryObjects, 2);
    QCOMPARE(check.damagedSummaries.size(), 1);
    const QString finding = check.damagedSummaries.first();
    QVERIFY2(finding.contains(object), qPrintable(finding));
    QVERIFY2(!finding.contains(intact), qPrintable(finding));
    QVERIFY2(finding.contains(QLatin1String("damaged")), qPrintable(finding));
    QCOMPARE(check.problems.size(), 0); // the chunks and indexes are fine
    QCOMPARE(check.unreadableIndexes, QStringList());

    GcReport gc;
    QVERIFY2(bank->collectGarbage(&gc, &error), qPrintable(error.message));
    QVERIFY(gc.summaryObjectsRemoved >= 1);
    QVERIFY2(bank->check(&check, &error, false), qPrintable(error.message));
    QVERIFY2(check.ok(), qPrintable(check.damagedSummaries.join(QLatin1Char(' '))));
    QVERIFY(check.summaryObjects >= 1);
}

void BankSuite::banksWithoutSummaries_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("format");
    for (const QString &backend : backends()) {
        if (backend == QLatin1String("local"))
            continue;
        QTest::addRow("%s, format 1", qPrintable(backend)) << backend << 1;
        QTest::addRow("%s, format 2", qPrintable(backend)) << backend << 2;
    }
}

// Checkpoints written without summaries (by a version before them, into a format-1 or format-2 bank)
// list from their indexes; that listing summarizes them, so the next client reads no index.
void BankSuite::banksWithoutSummaries()
{
    QFETCH(int, format);
    auto bank = makeObjectStoreBank();
    BankError error;
    if (format == 1) {
        QVERIFY2(bank->store().createContainer(&error), qPrintable(error.message));
        const QByteArray description = R"({"format":"stackvault-bank","version":1,"chunking":"fastcdc-gear64-v1",)"
                                       R"("chunk_hash":"sha256","compression":"zstd"})";
        QVERIFY2(bank->putObject(QStringLiteral("bank.json"), description, &error), qPrintable(error.message));
    }
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QCOMPARE(bank->splitsChunkLists(), format == 2);
    const QString first = backup(*bank, QStringLiteral("o"), svtest::generateImage(1024 * 1024, 83), &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error.message));
    CheckpointIndex model;
    QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
    QCOMPARE(model.formatVersion(), format);
    const int count = 24;
    for (int i = 0; i < count; ++i) {
        const CheckpointIndex index = copyOf(model, QStringLiteral("o-%1").arg(i, 2, 10, QLatin1Char('0')), i);
        QVERIFY2(bank->writeIndex(index.id, bank->keys().seal(index.toJson(), Bank::indexAssociatedData(index.id)), &error),
                 qPrintable(error.message));
    }
    const QStringList truth = truthOf(*bank);
    for (int pass = 0; pass < 2; ++pass) {
        auto store = std::make_unique<CountingStore>(storeLike(*bank));
        CountingStore *counter = store.get();
        auto cold = std::make_shared<ObjectStoreBank>(std::move(store));
        QVERIFY2(cold->open(&error), qPrintable(error.message));
        QCOMPARE(listed(*cold), truth);
        QCOMPARE(counter->gets(QStringLiteral("checkpoints/")), pass == 0 ? count : 0);
    }
}

void BankSuite::locking_data() { addBackendRows(); }
void BankSuite::locking()
{
    QFETCH(QString, backend);
    auto bank = makeBank(backend);
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    {
        auto shared1 = bank->lock(BankLock::Mode::Shared, 0, &error);
        QVERIFY2(shared1, qPrintable(error.message));
        auto shared2 = bank->lock(BankLock::Mode::Shared, 0, &error);
        QVERIFY2(shared2, qPrintable(error.message));
        auto exclusive = bank->lock(BankLock::Mode::Exclusive, 300, &error);
        QVERIFY(!exclusive);
        QCOMPARE(error.code, BankError::Code::Busy);
    }
    auto exclusive = bank->lock(BankLock::Mode::Exclusive, 2000, &error);
    QVERIFY2(exclusive, qPrintable(error.message));
    error = {};
    QVERIFY(!bank->lock(BankLock::Mode::Shared, 300, &error));
    QCOMPARE(error.code, BankError::Code::Busy);
    exclusive.reset();
    QVERIFY2(bank->lock(BankLock::Mode::Shared, 2000, &error), qPrintable(error.message));
}

// A lock object whose holder died (not refreshed for the TTL) no longer blocks, and is removed.
void BankSuite::expiredLockObjectIgnored()
{
    auto bank = makeObjectStoreBank();
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    QVERIFY(bank->putObject(QStringLiteral("locks/exclusive-dead"), QByteArray("{}"), &error));
    QVERIFY(!bank->lock(BankLock::Mode::Shared, 200, &error));
    bank->setLockTtl(std::chrono::seconds(2));
    QTest::qWait(3000);
    auto shared = bank->lock(BankLock::Mode::Shared, 0, &error);
    QVERIFY2(shared, qPrintable(error.message));
    qint64 size = 0;
    QVERIFY(!bank->headObject(QStringLiteral("locks/exclusive-dead"), &size, &error));
    QCOMPARE(error.code, BankError::Code::NotFound);
}

// Listing pages through `limit`/`marker`: more objects than one page, each seen once, in order.
void BankSuite::listingPaginates()
{
    auto bank = makeObjectStoreBank();
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const int count = ObjectStoreBank::ListPageSize + 7;
    std::vector<std::thread> threads;
    std::atomic_int failures{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < count; i += 4) {
                BankError e;
                if (!bank->putObject(QStringLiteral("many/%1").arg(i, 5, 10, QLatin1Char('0')), QByteArray::number(i), &e))
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QStringList seen;
    QVERIFY2(bank->listObjects(QStringLiteral("many/"), [&](const ObjectStoreBank::Listed &entry) {
        seen.append(entry.name);
        return true;
    }, &error), qPrintable(error.message));
    QCOMPARE(seen.size(), count);
    QCOMPARE(seen.first(), QStringLiteral("many/00000"));
    QCOMPARE(seen.last(), QStringLiteral("many/%1").arg(count - 1, 5, 10, QLatin1Char('0')));
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), count);
}

// A ranged read returns exactly the requested bytes (fewer at the end of the object).
void BankSuite::rangedRead()
{
    auto bank = makeObjectStoreBank();
    BankError error;
    QVERIFY2(bank->open(&error), qPrintable(error.message));
    const QByteArray data = svtest::generateImage(100000, 80);
    QVERIFY2(bank->putObject(QStringLiteral("ranged"), data, &error), qPrintable(error.message));
    QByteArray piece;
    QVERIFY2(bank->store().getObjectRange(QStringLiteral("ranged"), 1000, 5000, &piece, &error),
             qPrintable(error.message));
    QCOMPARE(piece, data.mid(1000, 5000));
    QVERIFY2(bank->store().getObjectRange(QStringLiteral("ranged"), 99000, 5000, &piece, &error),
             qPrintable(error.message));
    QCOMPARE(piece, data.mid(99000));
    QVERIFY(!bank->store().getObjectRange(QStringLiteral("absent"), 0, 10, &piece, &error));
    QCOMPARE(error.code, BankError::Code::NotFound);
}

void BankSuite::creationRace_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("samePassphrase");
    for (const QString &backend : backends()) {
        QTest::addRow("%s, same passphrase", qPrintable(backend)) << backend << true;
        QTest::addRow("%s, another passphrase", qPrintable(backend)) << backend << false;
    }
}

// Two creators of one new encrypted bank: one master key wins, the other creator opens that bank and
// removes its own key file (svtest::creationRace; FORMAT.md, "Creating a bank").
void BankSuite::creationRace()
{
    QFETCH(QString, backend);
    QFETCH(bool, samePassphrase);
    qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
    qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
    if (backend == QLatin1String("local")) {
        QTemporaryDir dir;
        svtest::RacingBank<LocalBank> loser(dir.path());
        LocalBank winner(dir.path());
        svtest::creationRace(loser, loser.afterFirstKey, winner, samePassphrase);
        return;
    }
    auto winner = makeObjectStoreBank();
    svtest::RacingBank<ObjectStoreBank> loser(storeLike(*winner));
    svtest::creationRace(loser, loser.afterFirstKey, *winner, samePassphrase);
}

void BankSuite::reopenWhileWriting_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("secondWriterDedups");
    for (const QString &backend : backends()) {
        if (backend == QLatin1String("local"))
            continue; // unit.localbank
        QTest::addRow("%s, own staged chunks", qPrintable(backend)) << backend << false;
        QTest::addRow("%s, chunks another writer deduplicated", qPrintable(backend)) << backend << true;
    }
}

// The bank opened again while writers have chunks staged (reopenrace.h), in an object store.
void BankSuite::reopenWhileWriting()
{
    QFETCH(bool, secondWriterDedups);
    auto made = makeObjectStoreBank(); // a fresh container or bucket, emptied by cleanupTestCase()
    svtest::PublishHookBank<ObjectStoreBank> bank(storeLike(*made));
    BankError error;
    QVERIFY2(bank.open(&error), qPrintable(error.message));
    svtest::reopenWhileWriting(bank, secondWriterDedups);
}
