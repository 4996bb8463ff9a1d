#include "backups/backupsmodel.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"

namespace sv::ui {

BackupsModel::BackupsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int BackupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checkpoints.size());
}

int BackupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BackupsModel::statusText(const QString &status)
{
    if (status == u"available")
        return tr("Available");
    if (status == u"protecting")
        return tr("In progress");
    if (status == u"error")
        return tr("Failed");
    if (status == u"deleting")
        return tr("Deleting");
    if (status == u"deleted")
        return tr("Deleted");
    return status;
}

QString BackupsModel::consistencyText(CheckpointEntry::Consistency consistency, bool requiresQuiesce)
{
    // The core's label (shared with the CLI), capitalized for a table cell.
    QString text = ConsistencyText::labelWithNote(consistency, requiresQuiesce);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString BackupsModel::contentsText(bool withData)
{
    return withData ? tr("With data") : tr("Original image only");
}

QString BackupsModel::contentsText(const CheckpointEntry &checkpoint)
{
    if (checkpoint.volumes.isEmpty())
        return contentsText(checkpoint.withData);
    return tr("%1, %n volume(s)", nullptr, int(checkpoint.volumes.size())).arg(contentsText(checkpoint.withData));
}

QString BackupsModel::restoreTestText(const RestoreTestRecord &test)
{
    if (test.isEmpty())
        return tr("Not tested");
    const QString when = formatDateTime(test.testedAt.toLocalTime());
    return test.passed ? tr("Tested ✓ %1").arg(when) : tr("Test failed %1").arg(when);
}

QString BackupsModel::restoreTestToolTip(const RestoreTestRecord &test)
{
    if (test.isEmpty())
        return tr("This backup was never restored as a test. Test Restore… (or stackvault-cli test-restore) restores it "
                  "under a scratch name, checks that it boots and removes it again.");
    const QString when = formatDateTime(test.testedAt.toLocalTime());
    if (!test.passed)
        return tr("The restore test in cloud %1 on %2 failed: %3").arg(test.cloud, when, test.message);
    if (test.marker.isEmpty())
        return tr("Restored as a test in cloud %1 on %2: the server became ACTIVE.")
            .arg(test.cloud, when);
    return tr("Restored as a test in cloud %1 on %2: the server became ACTIVE and its console log showed \"%3\".")
        .arg(test.cloud, when, test.marker);
}

QStringList BackupsModel::volumeLines(const CheckpointEntry &checkpoint)
{
    QStringList lines;
    if (!checkpoint.volumes.isEmpty()) {
        lines << tr("Volumes saved:");
        for (const VolumeEntry &volume : checkpoint.volumes)
            lines << QStringLiteral("  • ") + formatVolume(volume.label(), volume.sizeGiB, volume.device, volume.boot);
    }
    if (!checkpoint.volumesNotIncluded.isEmpty())
        lines << volumesNotIncludedSentence(checkpoint.volumesNotIncluded);
    return lines;
}

QVariant BackupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckpointEntry &cp = m_checkpoints.at(index.row());
    switch (role) {
    case IdRole:
        return cp.id;
    case ServerIdRole:
        return cp.serverId;
    case CloudIdRole:
        return cp.cloudId;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case ServerColumn:
            return cp.serverName.isEmpty() ? cp.serverId : cp.serverName;
        case DateColumn:
            return formatDateTime(cp.created);
        case SizeColumn:
            return formatBytes(cp.size);
        case StoredSizeColumn:
            return formatBytes(cp.storedSize);
        case ConsistencyColumn:
            return consistencyText(cp.consistency, cp.requiresQuiesce);
        case ContentsColumn:
            return contentsText(cp);
        case StatusColumn:
            return statusText(cp.status);
        case RestoreTestColumn:
            return restoreTestText(cp.restoreTest);
        default:
            return {};
        }
    }
    if (role == UnderlyingDataRole) {
        switch (column) {
        case ServerColumn:
            return cp.serverName;
        case DateColumn:
            return cp.created;
        case SizeColumn:
            return cp.size;
        case StoredSizeColumn:
            return cp.storedSize;
        case ConsistencyColumn:
            return int(cp.consistency);
        case ContentsColumn:
            return cp.withData;
        case StatusColumn:
            return cp.status;
        case RestoreTestColumn:
            return cp.restoreTest.testedAt;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == ContentsColumn && (!cp.volumes.isEmpty() || !cp.volumesNotIncluded.isEmpty()))
        return icon(QStringLiteral("volume")); // the tooltip names the volumes saved and not included
    if (role == Qt::DecorationRole && column == RestoreTestColumn && !cp.restoreTest.isEmpty())
        return icon(cp.restoreTest.passed ? QStringLiteral("status-active") : QStringLiteral("status-error"));
    if (role == Qt::DecorationRole && column == StatusColumn) {
        if (cp.status == u"available")
            return icon(QStringLiteral("status-active"));
        if (cp.status == u"error")
            return icon(QStringLiteral("status-error"));
        return icon(QStringLiteral("status-busy"));
    }
    if (role == Qt::ToolTipRole) {
        if (column == StoredSizeColumn)
            return tr("Space this backup added to the backup storage; data shared with other backups is stored once.");
        if (column == ContentsColumn) {
            QString text = cp.withData ? tr("A snapshot was taken first: data written since boot is included.")
                                       : tr("Only the server's original image was saved.");
            const QStringList volumes = volumeLines(cp);
            if (!volumes.isEmpty())
                text += QLatin1Char('\n') + volumes.join(QLatin1Char('\n'));
            return text;
        }
        if (column == ConsistencyColumn)
            return ConsistencyText::explanation(cp.consistency, cp.requiresQuiesce);
        if (column == RestoreTestColumn)
            return restoreTestToolTip(cp.restoreTest);
        return tr("Backup %1").arg(cp.id);
    }
    if (role == Qt::TextAlignmentRole && (column == SizeColumn || column == StoredSizeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BackupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case DateColumn:
        return tr("Date");
    case SizeColumn:
        return tr("Size");
    case StoredSizeColumn:
        return tr("Stored");
    case ConsistencyColumn:
        return tr("Consistency");
    case ContentsColumn:
        return tr("Contents");
    case StatusColumn:
        return tr("Status");
    case RestoreTestColumn:
        return tr("Restore test");
    default:
        return {};
    }
}

void BackupsModel::setCheckpoints(const QList<CheckpointEntry> &checkpoints)
{
    beginResetModel();
    m_checkpoints = checkpoints;
    endResetModel();
}

const CheckpointEntry *BackupsModel::checkpoint(int row) const
{
    return row >= 0 && row < m_checkpoints.size() ? &m_checkpoints.at(row) : nullptr;
}

int BackupsModel::rowOf(const QString &checkpointId) const
{
    for (int row = 0; row < m_checkpoints.size(); ++row) {
        if (m_checkpoints.at(row).id == checkpointId)
            return row;
    }
    return -1;
}

const CheckpointEntry *BackupsModel::latestFor(const QString &serverId) const
{
    const CheckpointEntry *latest = nullptr;
    for (const CheckpointEntry &cp : m_checkpoints) {
        if (cp.serverId == serverId && cp.status == u"available" && (!latest || cp.created > latest->created))
            latest = &cp;
    }
    return latest;
}

} // namespace sv::ui
