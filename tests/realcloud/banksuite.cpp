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
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

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
