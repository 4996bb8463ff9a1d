#pragma once

#include "bank/bankerror.h"
#include "bank/checkpointindex.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

// What list/show needs of a checkpoint without its chunk lists.
struct CheckpointSummary
{
    QString id;
    QString serverId;
    QString serverName;
    QDateTime created;
    QString status;
    QString errorMessage;
    QString consistency;
    QString plan;              // the plan whose run made it; empty when made by hand
    RestoreTestRecord restoreTest; // the last restore test; empty when never tested
    qint64 size = 0;           // bytes of all images
    qint64 storedBytes = 0;    // compressed size of the chunks it references (shared ones included)
    qint64 newStoredBytes = 0; // what this checkpoint added to the bank
};

// One bad chunk: which checkpoint and image name it, where it is in the image, and what is wrong.
struct ChunkProblem
{
    QString checkpointId;
    QString resourceId;
    qsizetype chunkIndex = -1;
    QByteArray sha256;
    BankError error;
};

struct VerifyReport
{
    QString checkpointId;
    qint64 chunksChecked = 0;
    qint64 bytesChecked = 0;
    QList<ChunkProblem> problems;
    QStringList imageMismatches; // whole-image digest differences, one sentence each
    bool ok() const { return problems.isEmpty() && imageMismatches.isEmpty(); }
};

struct GcReport
{
    bool done = false;        // false when the exclusive lock was not free (a backup runs): deferred
    QString deferredReason;
    qint64 chunksRemoved = 0;
    qint64 bytesFreed = 0;
    int packsRemoved = 0;  // packs with no live chunk left (pack banks)
    int packsRepacked = 0; // mostly-garbage packs whose live chunks were copied into new packs
    int listPartsRemoved = 0; // chunk list parts no index names (deleted or never completed checkpoints)
    int summaryObjectsRemoved = 0; // summary objects merged into fewer, or damaged (FORMAT.md, "Checkpoint summaries")
};

struct CheckReport
{
    int checkpoints = 0;
    qint64 chunksReferenced = 0; // distinct
    qint64 chunksPresent = 0;
    QList<ChunkProblem> problems;  // missing or corrupt referenced chunks
    QStringList unreadableIndexes; // one sentence each
    QList<QByteArray> orphans;     // chunks no index references
    qint64 orphanBytes = 0;
    int orphanListParts = 0;       // chunk list parts no index names (prune removes them)
    int summaryObjects = 0;        // summary objects read (object stores; FORMAT.md "Checkpoint summaries")
    QStringList damagedSummaries;  // one sentence each, naming the object (garbage collection removes it)
    bool ok() const { return problems.isEmpty() && unreadableIndexes.isEmpty() && damagedSummaries.isEmpty(); }
};

struct PruneReport
{
    GcReport gc;
    int interruptedMarkedError = 0; // `protecting` checkpoints whose writer is gone
    int unfinishedDeletesRemoved = 0;
    int temporariesRemoved = 0;
};

} // namespace sv
