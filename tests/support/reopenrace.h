#pragma once

// A bank opened again while backups write to it (every job of a plan run opens the bank object the jobs
// share, BackupJob::run): the writers' staged, not yet published chunks must survive, also those a
// second writer deduplicated against. Used by unit.localbank and the realcloud bank suite.

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/packstore.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"

#include <QTest>

#include <functional>
#include <utility>

namespace svtest {

// A bank of backend B whose next publishChunks() first runs `beforePublish`, once. ImageWriter::finish
// publishes when every chunk of its image is staged: the hook runs at that moment, with no timing.
template <class B>
class PublishHookBank : public B
{
public:
    using B::B;
    std::function<void()> beforePublish;
    bool publishChunks(const QList<sv::Bank::StagedChunk> &staged, sv::BankError *error) override
    {
        if (const auto hook = std::exchange(beforePublish, {}))
            hook();
        return B::publishChunks(staged, error);
    }
};

// `bank` is open. A first writer stages an image; then either (a) the bank is opened again before it
// publishes, or (b) a second writer backs up the same bytes (deduplicating against the first writer's
// staged chunks, storing none itself) and the bank is opened again before the second writer publishes.
// Both checkpoints must commit, verify and restore.
template <class B>
void reopenWhileWriting(PublishHookBank<B> &bank, bool secondWriterDedups)
{
    sv::BankError error;
    const QByteArray image = generateImage(8 * 1024 * 1024, 81); // less than a pack: staged until published
    auto first = bank.beginCheckpoint(draftFor(QStringLiteral("a")), &error);
    QVERIFY2(first, qPrintable(error.message));
    auto firstWriter = first->createImageWriter();
    QVERIFY(feed(*firstWriter, image, 1 << 20));

    bool reopened = false;
    sv::BankError reopenError;
    const auto reopen = [&] { reopened = bank.open(&reopenError); };
    QString secondId;
    sv::BankError secondError;
    if (secondWriterDedups) {
        bank.beforePublish = [&] {
            bank.beforePublish = reopen; // runs when the second writer publishes
            secondId = backup(bank, QStringLiteral("b"), image, &secondError);
        };
    } else {
        bank.beforePublish = reopen;
    }
    sv::ImageRecord record;
    QVERIFY2(firstWriter->finish(&record, &error), qPrintable(error.message));
    QVERIFY2(reopened, qPrintable(reopenError.message));
    QVERIFY(!bank.beforePublish);
    if (secondWriterDedups)
        QVERIFY2(!secondId.isEmpty(), qPrintable(secondError.message));
    first->resource(kImage, QStringLiteral("img-a"))->image = record;
    QVERIFY2(first->commit(&error), qPrintable(error.message));
    QStringList ids{first->id()};
    if (secondWriterDedups)
        ids.append(secondId);

    for (const QString &id : std::as_const(ids)) {
        sv::CheckpointIndex index;
        QVERIFY2(bank.checkpoint(id, &index, &error), qPrintable(error.message));
        QCOMPARE(index.status, QStringLiteral("available"));
        sv::VerifyReport report;
        QVERIFY2(bank.verifyCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY2(report.ok(), report.problems.isEmpty() ? "" : qPrintable(report.problems[0].error.message));
    }
    QCOMPARE(readImage(bank, first->id(), QStringLiteral("img-a"), &error), image);
    sv::CheckReport check;
    QVERIFY2(bank.check(&check, &error), qPrintable(error.message));
    QVERIFY(check.ok());
    QVERIFY(check.orphans.isEmpty());
    if (sv::PackStore *packs = bank.packStore()) {
        // One index object: the writer that published first indexed both writers' chunks.
        QVERIFY2(packs->refresh(&error), qPrintable(error.message));
        QCOMPARE(packs->indexObjectCount(), 1);
    }
}

} // namespace svtest
