// The bank tests (round trip, dedup, delete + GC, verify, corrupted object detected, locking) run
// against the local bank and a Swift bank on the REAL Swift, with the same assertions.
#include "bank/checkpointwriter.h"
#include "bank/imagereader.h"
#include "bank/localbank.h"
#include "bank/swiftbank.h"
#include "openstack/authstate.h"
#include "openstack/session.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"
#include "keystone.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace sv;
using svtest::backup;
using svtest::draftFor;
using svtest::kImage;
using svtest::kServer;

namespace {

QSet<QByteArray> chunksInBank(const Bank &bank)
{
    QSet<QByteArray> names;
    BankError error;
    bank.listChunks(
        [&](const QByteArray &name, qint64) {
            names.insert(name);
            return true;
        },
        &error);
    return names;
}

QSet<QByteArray> chunksOf(const Bank &bank, const QString &id)
{
    CheckpointIndex index;
    BankError error;
    QSet<QByteArray> names;
    if (!bank.checkpoint(id, &index, &error))
        return names;
    for (const ProtectedResource &r : std::as_const(index.resources)) {
        if (r.image) {
            for (const ChunkRef &c : r.image->chunks)
                names.insert(c.sha256);
        }
    }
    return names;
}

} // namespace

class TestSwiftBank : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    std::shared_ptr<openstack::Session> m_session;
    QList<std::shared_ptr<SwiftBank>> m_swiftBanks;
    QList<std::shared_ptr<QTemporaryDir>> m_dirs;

    // A fresh, empty bank of the backend under test.
    std::shared_ptr<Bank> makeBank(const QString &backend)
    {
        if (backend == QLatin1String("local")) {
            auto dir = std::make_shared<QTemporaryDir>();
            m_dirs.append(dir);
            return std::make_shared<LocalBank>(dir->path());
        }
        auto bank = std::make_shared<SwiftBank>(m_session, QStringLiteral("sv-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_swiftBanks.append(bank);
        return bank;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud);
        m_session = openstack::Session::create(profile, demo.password);
    }

    void cleanupTestCase()
    {
        // Delete what the tests created: every object of every container (the empty containers stay in
        // the throw-away cloud; the bank has no container deletion).
        for (const auto &bank : std::as_const(m_swiftBanks)) {
            BankError error;
            real::deleteAllObjects(*bank, &error);
        }
        m_swiftBanks.clear();
    }

    void backends_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("swift") << QStringLiteral("swift");
    }

    void roundTrip_data() { backends_data(); }
    void roundTrip()
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
        QCOMPARE(img.image->chunks.size(), written.chunks.size());
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

    void dedup_data() { backends_data(); }
    void dedup()
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

    void deleteAndGc_data() { backends_data(); }
    void deleteAndGc()
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

    void corruptedChunkDetected_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("damage");
        for (const QString &backend : {QStringLiteral("local"), QStringLiteral("swift")}) {
            QTest::addRow("%s, flipped byte", qPrintable(backend)) << backend << QStringLiteral("flip");
            QTest::addRow("%s, truncated", qPrintable(backend)) << backend << QStringLiteral("truncate");
            QTest::addRow("%s, deleted", qPrintable(backend)) << backend << QStringLiteral("delete");
        }
    }
    void corruptedChunkDetected()
    {
        QFETCH(QString, backend);
        QFETCH(QString, damage);
        auto bank = makeBank(backend);
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const QString good = backup(*bank, QStringLiteral("good"), svtest::generateImage(6 * 1024 * 1024, 50), &error);
        const QString bad = backup(*bank, QStringLiteral("bad"), svtest::generateImage(10 * 1024 * 1024, 51), &error);
        QVERIFY2(!good.isEmpty() && !bad.isEmpty(), qPrintable(error.message));
        CheckpointIndex index;
        QVERIFY(bank->checkpoint(bad, &index, &error));
        const QList<ChunkRef> chunks = index.resources[1].image->chunks;
        QVERIFY(chunks.size() >= 3);
        const qsizetype victim = chunks.size() / 2;
        const QByteArray name = chunks[victim].sha256;
        // Damage through the backend's own storage primitive: for Swift a new object under the same
        // name (consistent ETag), so only the bank's own SHA-256 can notice.
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
    void halfWrittenCheckpointNeverLooksComplete_data() { backends_data(); }
    void halfWrittenCheckpointNeverLooksComplete()
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

    // 401 -> re-authentication against the real Swift: a token from the short-lived Keystone really
    // expires while the client still believes it valid (its expiry is moved into the future here, so
    // that the proactive refresh does not hide the 401); the bank's next calls sign in again and work.
    void expiredTokenReauthenticates()
    {
        QVERIFY2(!m_cloud.shortAuthUrl().isEmpty(), "start.sh ran with REALCLOUD_SHORT_TOKEN_EXPIRATION=0");
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud, QStringLiteral("realcloud-short"), m_cloud.shortAuthUrl());
        auto session = openstack::Session::create(profile, demo.password);
        auto bank = std::make_shared<SwiftBank>(session, QStringLiteral("sv-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_swiftBanks.append(bank);
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const QString id = backup(*bank, QStringLiteral("t"), svtest::generateImage(3 * 1024 * 1024, 70), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        openstack::AuthState state = session->authState();
        const QByteArray firstToken = state.token;
        QVERIFY(!firstToken.isEmpty());
        state.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session->storeAuthState(state);
        QTest::qWait(m_cloud.shortTokenLifetime() * 1000 + 1500);

        VerifyReport report;
        QVERIFY2(bank->verifyCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY(report.ok());
        QVERIFY(session->authState().token != firstToken); // it really signed in again
        QVERIFY2(!backup(*bank, QStringLiteral("t"), svtest::generateImage(2 * 1024 * 1024, 71), &error).isEmpty(),
                 qPrintable(error.message));
    }

    void locking_data() { backends_data(); }
    void locking()
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
    void expiredSwiftLockIgnored()
    {
        auto bank = std::static_pointer_cast<SwiftBank>(makeBank(QStringLiteral("swift")));
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
    void listingPaginates()
    {
        auto bank = std::static_pointer_cast<SwiftBank>(makeBank(QStringLiteral("swift")));
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const int count = SwiftBank::ListPageSize + 7;
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
        QVERIFY2(bank->listObjects(QStringLiteral("many/"), [&](const SwiftBank::Listed &entry) {
            seen.append(entry.name);
            return true;
        }, &error), qPrintable(error.message));
        QCOMPARE(seen.size(), count);
        QCOMPARE(seen.first(), QStringLiteral("many/00000"));
        QCOMPARE(seen.last(), QStringLiteral("many/%1").arg(count - 1, 5, 10, QLatin1Char('0')));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), count);
    }

    // A ranged read returns exactly the requested bytes (fewer at the end of the object).
    void rangedRead()
    {
        auto bank = std::static_pointer_cast<SwiftBank>(makeBank(QStringLiteral("swift")));
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

    void specParsing()
    {
        QString cloud;
        QString container;
        QVERIFY(SwiftBank::parseSpec(QStringLiteral("swift:prod-fra1/backups"), &cloud, &container));
        QCOMPARE(cloud, QStringLiteral("prod-fra1"));
        QCOMPARE(container, QStringLiteral("backups"));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("swift:nocontainer"), &cloud, &container));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("swift:/c"), &cloud, &container));
        QVERIFY(!SwiftBank::parseSpec(QStringLiteral("/home/me/bank"), &cloud, &container));
    }
};

QTEST_GUILESS_MAIN(TestSwiftBank)
#include "tst_swiftbank.moc"
