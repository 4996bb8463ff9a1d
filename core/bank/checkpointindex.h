#pragma once

#include "bank/imagerecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sv {

// One node of a checkpoint's resource graph (Karbor's vocabulary): a server, its boot image (with
// extraInfo {"server_id": ...} and parentId = the server), later volumes.
struct ProtectedResource
{
    QString type; // "OS::Nova::Server", "OS::Glance::Image", ...
    QString id;
    QString name;
    QString parentType; // empty for a root of the graph
    QString parentId;
    QJsonObject extraInfo;
    QString status = QStringLiteral("protecting"); // protecting, available, error
    QJsonObject metadata; // opaque to the bank: image properties, server rebuild data, ...
    std::optional<ImageRecord> image; // the data manifest, for resources whose bytes are stored

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, ProtectedResource *resource, QString *why);
};

// The last restore test of a checkpoint (TestRestoreJob; FORMAT.md, "Checkpoint index",
// `restore_test`): restored in a cloud under a scratch name, ACTIVE, and the marker in the console log
// when one was asked for.
struct RestoreTestRecord
{
    QDateTime testedAt; // UTC, when the test ended; invalid: never tested
    bool passed = false;
    QString cloud;   // the saved cloud's name it was restored in
    QString marker;  // the console text waited for; "" when ACTIVE was enough
    QString message; // what failed ("" when it passed)

    bool isEmpty() const { return !testedAt.isValid(); }
    QJsonObject toJson() const;
    // An absent or malformed object reads as never tested.
    static RestoreTestRecord fromJson(const QJsonObject &json);
};

// The JSON index of one checkpoint (FORMAT.md, "Checkpoint index").
struct CheckpointIndex
{
    // The newest index format this build reads. 1: chunk lists inline; 2: chunk lists split out into
    // list parts (FORMAT.md, "Chunk lists"). toJson() writes 2 only when an image's list is split out,
    // so an index read from format 1 is written back as format 1 (e.g. when prune marks it `error`).
    static constexpr int FormatVersion = 2;
    static constexpr int InlineListsVersion = 1;

    QString id;
    QDateTime created; // UTC
    QString status = QStringLiteral("protecting"); // protecting → available | error; deleting → deleted
    QString errorMessage; // why a checkpoint ended in error
    QString consistency;  // "quiesced" or "crash-consistent"
    QString plan;         // the plan whose run made it; empty for a backup made by hand (and old indexes)
    QJsonObject options;  // e.g. {"include_data": true, "original_image_only": false}
    RestoreTestRecord restoreTest; // the last restore test; empty when never tested (and old indexes)
    QList<ProtectedResource> resources;

    // The first server in the graph (what lists show), if any.
    const ProtectedResource *server() const;
    qint64 totalSize() const;      // bytes of all images
    qint64 newStoredBytes() const; // what this checkpoint added to the bank (compressed)
    qint64 storedBytes() const;    // compressed size of everything it references

    int formatVersion() const; // what toJson() writes
    QByteArray toJson() const;
    static bool fromJson(const QByteArray &data, CheckpointIndex *index, QString *why);
    // Checkpoint ids become file names: letters, digits, '-', '_' and '.', not starting with '.'.
    static bool isValidId(const QString &id);
};

} // namespace sv
