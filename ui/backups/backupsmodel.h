#pragma once

#include "backend/checkpointentry.h"

#include <QAbstractTableModel>
#include <QList>

namespace sv::ui {

// The backups (bank checkpoints) as a table. Replaced as a whole when the storage is listed again.
class BackupsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ServerColumn,
        DateColumn,
        SizeColumn,
        StoredSizeColumn,
        ConsistencyColumn,
        ContentsColumn,
        StatusColumn,
        RestoreTestColumn, // "Tested ✓ <date>", "Test failed <date>" or "Not tested"
        ColumnCount
    };

    explicit BackupsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCheckpoints(const QList<CheckpointEntry> &checkpoints);
    const QList<CheckpointEntry> &checkpoints() const { return m_checkpoints; }
    const CheckpointEntry *checkpoint(int row) const;
    int rowOf(const QString &checkpointId) const;
    // The newest available backup of a server, or nullptr.
    const CheckpointEntry *latestFor(const QString &serverId) const;

    static QString statusText(const QString &status);
    // The core's consistency label (as the CLI prints it), capitalized; with the os_require_quiesce note.
    static QString consistencyText(CheckpointEntry::Consistency consistency, bool requiresQuiesce = false);
    static QString contentsText(bool withData);
    static QString restoreTestText(const RestoreTestRecord &test);
    static QString restoreTestToolTip(const RestoreTestRecord &test);
    // "With data, 2 volume(s)": the Contents column.
    static QString contentsText(const CheckpointEntry &checkpoint);
    // The saved volumes (name, size, device) and the attached ones not included, one per line.
    static QStringList volumeLines(const CheckpointEntry &checkpoint);

private:
    QList<CheckpointEntry> m_checkpoints;
};

} // namespace sv::ui
