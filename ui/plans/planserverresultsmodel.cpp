#include "plans/planserverresultsmodel.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "plans/planformat.h"

namespace sv::ui {

PlanServerResultsModel::PlanServerResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int PlanServerResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int PlanServerResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanServerResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanServerResult &server = m_results.at(index.row());
    const bool succeeded = server.result == PlanServerResult::Result::Succeeded;
    if (role == ServerIdRole)
        return server.serverId;
    switch (index.column()) {
    case ServerColumn:
        if (role == Qt::DisplayRole)
            return server.serverName.isEmpty() ? server.serverId : server.serverName;
        if (role == Qt::ToolTipRole)
            return server.serverId;
        break;
    case CloudColumn:
        if (role == Qt::DisplayRole)
            return server.cloud;
        break;
    case ResultColumn:
        if (role == Qt::DisplayRole)
            return PlanFormat::result(server.result);
        if (role == Qt::DecorationRole)
            return icon(succeeded ? QStringLiteral("status-active") : QStringLiteral("status-error"));
        if (role == UnderlyingDataRole)
            return int(server.result);
        break;
    case BytesColumn:
        if (role == Qt::DisplayRole)
            return succeeded ? formatBytes(server.bytes) : QString();
        if (role == UnderlyingDataRole)
            return server.bytes;
        break;
    case NewBytesColumn:
        if (role == Qt::DisplayRole)
            return succeeded ? formatBytes(server.newBytes) : QString();
        if (role == UnderlyingDataRole)
            return server.newBytes;
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return server.durationMs > 0 ? PlanFormat::duration(server.durationMs) : QString();
        if (role == UnderlyingDataRole)
            return server.durationMs;
        break;
    case CheckpointColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return server.checkpointId;
        break;
    case ErrorColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return server.error;
        break;
    default:
        break;
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == BytesColumn || index.column() == NewBytesColumn || index.column() == DurationColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PlanServerResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case CloudColumn:
        return tr("Cloud");
    case ResultColumn:
        return tr("Result");
    case BytesColumn:
        return tr("Size");
    case NewBytesColumn:
        return tr("New");
    case DurationColumn:
        return tr("Duration");
    case CheckpointColumn:
        return tr("Backup");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

void PlanServerResultsModel::setResults(const QList<PlanServerResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

} // namespace sv::ui
