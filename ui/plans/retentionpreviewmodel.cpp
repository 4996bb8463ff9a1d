#include "plans/retentionpreviewmodel.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"

#include <QJsonArray>

#include <algorithm>

namespace sv::ui {

RetentionPreviewModel::RetentionPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int RetentionPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_decisions.size());
}

int RetentionPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RetentionPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision &decision = m_decisions.at(index.row());
    if (role == IdRole)
        return decision.checkpointId;
    switch (index.column()) {
    case ServerColumn:
        if (role == Qt::DisplayRole)
            return decision.server;
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return formatDateTime(decision.created);
        if (role == UnderlyingDataRole)
            return decision.created;
        break;
    case DecisionColumn:
        if (role == Qt::DisplayRole)
            return decision.keep ? tr("Keep") : tr("Remove");
        if (role == Qt::DecorationRole)
            return icon(decision.keep ? QStringLiteral("status-active") : QStringLiteral("delete"));
        if (role == UnderlyingDataRole)
            return decision.keep;
        break;
    case ReasonsColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            if (!decision.counted)
                return tr("not counted (status %1)").arg(decision.status);
            return decision.keep ? decision.reasons.join(QStringLiteral(", ")) : tr("no rule keeps it");
        }
        break;
    case CheckpointColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return decision.checkpointId;
        break;
    default:
        break;
    }
    return {};
}

QVariant RetentionPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case CreatedColumn:
        return tr("Backed up");
    case DecisionColumn:
        return tr("Decision");
    case ReasonsColumn:
        return tr("Why");
    case CheckpointColumn:
        return tr("Backup");
    default:
        return {};
    }
}

void RetentionPreviewModel::setResult(const QJsonObject &result)
{
    beginResetModel();
    m_decisions.clear();
    const QJsonArray decisions = result.value(QLatin1String("decisions")).toArray();
    for (const QJsonValue &value : decisions) {
        const QJsonObject object = value.toObject();
        Decision decision;
        decision.checkpointId = object.value(QLatin1String("checkpoint_id")).toString();
        decision.server = object.value(QLatin1String("server_name")).toString();
        if (decision.server.isEmpty())
            decision.server = object.value(QLatin1String("server_id")).toString();
        decision.created = QDateTime::fromString(object.value(QLatin1String("created")).toString(), Qt::ISODate);
        decision.status = object.value(QLatin1String("status")).toString();
        decision.keep = object.value(QLatin1String("keep")).toBool();
        decision.counted = object.value(QLatin1String("counted")).toBool(true);
        for (const QJsonValue &reason : object.value(QLatin1String("reasons")).toArray())
            decision.reasons.append(reason.toString());
        m_decisions.append(decision);
    }
    // By server, newest first: how restic lists a group.
    std::stable_sort(m_decisions.begin(), m_decisions.end(), [](const Decision &a, const Decision &b) {
        if (a.server != b.server)
            return a.server.localeAwareCompare(b.server) < 0;
        return a.created > b.created;
    });
    endResetModel();
}

int RetentionPreviewModel::keptCount() const
{
    return int(std::count_if(m_decisions.cbegin(), m_decisions.cend(), [](const Decision &d) { return d.keep; }));
}

int RetentionPreviewModel::removedCount() const
{
    return int(m_decisions.size()) - keptCount();
}

} // namespace sv::ui
