#pragma once

// Two backups writing into one bank object at once (a plan run's jobs share it) that store the same
// new content: each chunk is stored once and counted as new by one writer only, and a writer that is
// cancelled or fails hands the chunks the other references over to it. Used by unit.localbank and the
// realcloud bank suite. No timing: hooks in the bank run each step at the moment it is due.

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/chunker.h"
#include "bank/imagewriter.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"

#include <QHash>
#include <QMetaType>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <utility>

namespace svtest {

// A bank of backend B that counts the chunks staged (waitForStaged: the moment every chunk of a writer
// is staged), runs `beforePublish` (once) when publishChunks is next called, and fails the next publish
// when `failNextPublish` is set.
template <class B>
class StagingHookBank : public B
{
public:
    using B::B;
    std::function<void()> beforePublish;
    bool failNextPublish = false;

    bool stageChunk(const QByteArray &name, const QByteArray &encoded, sv::Bank::StagedChunk *staged,
                    sv::BankError *error) override
    {
        const bool ok = B::stageChunk(name, encoded, staged, error);
        {
            std::lock_guard lock(m_mutex);
            m_staged += ok ? 1 : 0;
        }
        m_changed.notify_all();
        return ok;
    }
    bool publishChunks(const QList<sv::Bank::StagedChunk> &staged, sv::BankError *error) override
    {
        if (const auto hook = std::exchange(beforePublish, {}))
            hook();
        if (std::exchange(failNextPublish, false)) {
            *error = sv::BankError::make(sv::BankError::Code::Io, QStringLiteral("Publishing failed (test)."));
            return false;
        }
        return B::publishChunks(staged, error);
    }
    // False if fewer than `count` chunks were staged within a minute (a hang: the test fails).
    bool waitForStaged(int count)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::minutes(1), [&] { return m_staged >= count; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_staged = 0;
};

// The distinct chunks of `image` as the bank names them: name → uncompressed size.
inline QHash<QByteArray, qint64> distinctChunks(const sv::Bank &bank, const QByteArray &image)
{
    QHash<QByteArray, qint64> chunks;
    qsizetype offset = 0;
    for (const qsizetype length : sv::Chunker::split(image, sv::Chunker::Params{})) {
        chunks.insert(bank.keys().chunkId(image.mid(offset, length)), length);
        offset += length;
    }
    return chunks;
}

enum class FirstWriter {
    Finishes,       // both writers finish: the shared chunks are new for the first one
    IsCancelled,    // cancelled after the second referenced its staged chunks, before it published
    FailsPublishing // its publish fails at the same moment
};

// `bank` is open and empty. A first writer stages image A (shared part S, then its own X, unless it
// gives up: then A is S alone); once its chunks are staged, a second writer backs up B = S + U,
// referencing the chunks of S the first one staged. With FirstWriter::Finishes the first writer
// publishes after the second. The figures must be exact: the new bytes and chunks of each writer are
// those of the chunks it brought first, the stored bytes of all the writers' new chunks add up to what
// the bank holds, and every committed checkpoint verifies and reads back.
template <class B>
void concurrentWritersFigures(StagingHookBank<B> &bank, FirstWriter scenario)
{
    const bool firstFinishes = scenario == FirstWriter::Finishes;
    // B: random bytes (about eight chunks, none repeated), then a mix with zero runs and text. The shared
    // part S is B up to a cut point of B's near 6 MiB: every chunk of S is one of B's, the last included.
    QByteArray imageB;
    QRandomGenerator rng(91);
    appendRandom(&imageB, 8 * 1024 * 1024, rng);
    imageB += generateImage(3 * 1024 * 1024, 93); // all of A and B fit in one pack: staged until published
    qsizetype sharedSize = 0;
    for (const qsizetype length : sv::Chunker::split(imageB, sv::Chunker::Params{})) {
        if (sharedSize >= 6 * 1024 * 1024)
            break;
        sharedSize += length;
    }
    const QByteArray shared = imageB.left(sharedSize);
    const QByteArray imageA = firstFinishes ? shared + generateImage(3 * 1024 * 1024, 92) : shared;
    const QHash<QByteArray, qint64> chunksA = distinctChunks(bank, imageA);
    const QHash<QByteArray, qint64> chunksB = distinctChunks(bank, imageB);
    // What the first writer stages while it is fed: all but its last chunk, which finish() flushes. S
    // ends at a cut point: A = S is staged whole.
    const QList<qsizetype> lengthsA = sv::Chunker::split(imageA, sv::Chunker::Params{});
    const int stagedWhileFed = firstFinishes
        ? int(distinctChunks(bank, imageA.left(imageA.size() - lengthsA.last())).size())
        : int(chunksA.size());
    QSet<QByteArray> both;
    for (auto it = chunksB.cbegin(); it != chunksB.cend(); ++it) {
        if (chunksA.contains(it.key()))
            both.insert(it.key());
    }
    QVERIFY2(both.size() >= 4, "the images share too little for the test");
    QVERIFY(both.size() < chunksB.size());

    sv::BankError error;
    auto first = bank.beginCheckpoint(draftFor(QStringLiteral("a")), &error);
    QVERIFY2(first, qPrintable(error.message));
    auto second = bank.beginCheckpoint(draftFor(QStringLiteral("b")), &error);
    QVERIFY2(second, qPrintable(error.message));
    std::unique_ptr<sv::ImageWriter> firstWriter = first->createImageWriter();
    QVERIFY(feed(*firstWriter, imageA, 1 << 20));
    QVERIFY2(bank.waitForStaged(stagedWhileFed), "the first writer did not stage its chunks");

    std::unique_ptr<sv::ImageWriter> secondWriter = second->createImageWriter();
    QVERIFY(feed(*secondWriter, imageB, 1 << 20));
    sv::ImageRecord firstRecord;
    sv::BankError firstError;
    bool firstDone = false;
    if (!firstFinishes) {
        // When the second writer publishes, every chunk of it is stored or referenced: the first writer
        // gives up now, before its staged copies are published.
        bank.beforePublish = [&] {
            if (scenario == FirstWriter::IsCancelled)
                firstWriter->cancel();
            else
                bank.failNextPublish = true;
            firstDone = firstWriter->finish(&firstRecord, &firstError);
        };
    }
    sv::ImageRecord secondRecord;
    QVERIFY2(secondWriter->finish(&secondRecord, &error), qPrintable(error.message));
    if (firstFinishes) {
        QVERIFY2(firstWriter->finish(&firstRecord, &firstError), qPrintable(firstError.message));
    } else {
        QVERIFY(!bank.beforePublish); // it ran
        QVERIFY(!firstDone);
        QCOMPARE(firstError.code, scenario == FirstWriter::IsCancelled ? sv::BankError::Code::Cancelled
                                                                       : sv::BankError::Code::Io);
        QVERIFY(first->fail(firstError.message));
    }
    QCOMPARE(bank.staging().entryCount(), 0);

    // Stored sizes as the bank holds them.
    QHash<QByteArray, qint64> stored;
    QVERIFY2(bank.listChunks(
                 [&](const QByteArray &name, qint64 size) {
                     stored.insert(name, size);
                     return true;
                 },
                 &error),
             qPrintable(error.message));
    const auto sum = [&](const QHash<QByteArray, qint64> &chunks, const QSet<QByteArray> &skip, bool storedSize) {
        qint64 total = 0;
        for (auto it = chunks.cbegin(); it != chunks.cend(); ++it) {
            if (!skip.contains(it.key()))
                total += storedSize ? stored.value(it.key(), -(qint64(1) << 40)) : it.value();
        }
        return total;
    };
    qint64 bankBytes = 0;
    for (const qint64 size : std::as_const(stored))
        bankBytes += size;

    // The second writer's own new chunks: those of U, and those of S only if the first writer gave up.
    const QSet<QByteArray> referenced = firstFinishes ? both : QSet<QByteArray>{};
    QCOMPARE(secondRecord.newBytes, sum(chunksB, referenced, false));
    QCOMPARE(secondWriter->newChunks(), qint64(chunksB.size() - referenced.size()));
    QCOMPARE(secondRecord.newStoredBytes, sum(chunksB, referenced, true));
    QCOMPARE(secondRecord.storedBytes, sum(chunksB, {}, true));
    qint64 figures = secondRecord.newStoredBytes;
    if (firstFinishes) {
        QCOMPARE(firstRecord.newBytes, sum(chunksA, {}, false));
        QCOMPARE(firstWriter->newChunks(), qint64(chunksA.size()));
        QCOMPARE(firstRecord.newStoredBytes, sum(chunksA, {}, true));
        QCOMPARE(firstRecord.storedBytes, firstRecord.newStoredBytes);
        figures += firstRecord.newStoredBytes;
        QCOMPARE(stored.size(), chunksA.size() + chunksB.size() - both.size());
    } else {
        QCOMPARE(stored.size(), chunksB.size()); // the first writer's chunks were all S
    }
    QCOMPARE(figures, bankBytes); // what the bank holds is what the writers say they added

    struct Committed
    {
        QString id;
        QString imageId;
        QByteArray image;
    };
    QList<Committed> committed;
    second->resource(kImage, QStringLiteral("img-b"))->image = secondRecord;
    QVERIFY2(second->commit(&error), qPrintable(error.message));
    committed.append({second->id(), QStringLiteral("img-b"), imageB});
    if (firstFinishes) {
        first->resource(kImage, QStringLiteral("img-a"))->image = firstRecord;
        QVERIFY2(first->commit(&error), qPrintable(error.message));
        committed.append({first->id(), QStringLiteral("img-a"), imageA});
    }
    for (const Committed &checkpoint : std::as_const(committed)) {
        sv::VerifyReport report;
        QVERIFY2(bank.verifyCheckpoint(checkpoint.id, &report, &error), qPrintable(error.message));
        QVERIFY2(report.ok(), report.problems.isEmpty() ? "" : qPrintable(report.problems[0].error.message));
        QCOMPARE(readImage(bank, checkpoint.id, checkpoint.imageId, &error), checkpoint.image);
    }
    sv::CheckReport check;
    QVERIFY2(bank.check(&check, &error), qPrintable(error.message));
    QVERIFY(check.ok());
    QVERIFY(check.orphans.isEmpty()); // the given-up writer's chunks are all the second one's
}

} // namespace svtest

Q_DECLARE_METATYPE(svtest::FirstWriter)
