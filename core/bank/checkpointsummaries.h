#pragma once

#include "bank/bankreports.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sv {

// Summary objects (FORMAT.md, "Checkpoint summaries"): what a listing shows of each checkpoint, many
// checkpoints to one object, so that an object store lists 1,000 checkpoints with a LIST of the indexes,
// a LIST of summaries/ and a few GETs instead of 1,000 index GETs. Each entry names the MD5 of the exact
// index bytes it summarizes; a listing uses it only while the index the store lists has that MD5, so the
// indexes stay the truth (a deleted, rewritten or never-summarized checkpoint is read from its index).
namespace SummaryFormat {

// "version" of a summary object. A reader uses only objects of its own version (an older one may lack a
// field); garbage collection removes older ones and leaves newer ones alone.
constexpr int Version = 1;
// A summary object holds at most this many entries (compaction writes several above it).
constexpr int MaxEntries = 10000;
// A writer that finds more than this many small objects (below SmallBytes) under summaries/ after
// storing its own merges all of them: listings read a bounded number of objects.
constexpr int SmallObjectsBeforeCompaction = 16;
constexpr qint64 SmallBytes = 64 * 1024;
// A listing that read at least this many indexes without a summary writes one object summarizing them
// (banks made before summaries, checkpoints written by older versions).
constexpr int BackfillAtLeast = 16;

struct Entry
{
    CheckpointSummary summary;
    QByteArray indexMd5; // lowercase hex MD5 of the stored (sealed) index bytes summarized
};

// Only settled states are summarized: `protecting` and `deleting` change soon and are read from the index.
bool isSettled(const QString &status);
// "summaries/<name>".
QString objectName(const QByteArray &name);
QByteArray associatedData(const QByteArray &name);
QByteArray md5Hex(const QByteArray &storedIndex);

// The plain JSON of a summary object.
QByteArray encode(const QList<Entry> &entries);
// `version` is set whenever the JSON is a summary object (so that a caller can tell a newer version
// from damage); false with `why` when it is not one, or not of this Version.
bool decode(const QByteArray &plain, QList<Entry> *entries, int *version, QString *why);

} // namespace SummaryFormat

} // namespace sv
