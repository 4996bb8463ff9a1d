#pragma once

#include <Qt>

namespace sv::ui {

// Roles shared by the UI's models. UnderlyingDataRole carries the raw value behind a cell (a percent,
// a byte count, a QDateTime) for delegates and sorting; DisplayRole carries the formatted text.
enum ItemRole {
    UnderlyingDataRole = Qt::UserRole + 1,
    IdRole,       // the row's stable id (job id, server id, checkpoint id)
    KindRole,     // what a tree row is (CloudTreeModel::NodeKind)
    MessageRole,  // a job's result message
    DetailsRole,  // a job's technical details
    OutcomeRole,  // sv::JobOutcome as int
    CloudIdRole,  // the cloud a row belongs to
    ServerIdRole, // the server a backup belongs to
};

} // namespace sv::ui
