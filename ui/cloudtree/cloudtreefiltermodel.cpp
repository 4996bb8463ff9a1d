#include "cloudtree/cloudtreefiltermodel.h"

#include "cloudtree/cloudtreemodel.h"
#include "common/itemroles.h"

namespace sv::ui {

CloudTreeFilterModel::CloudTreeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void CloudTreeFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool CloudTreeFilterModel::hasChildren(const QModelIndex &parent) const
{
    if (!m_text.isEmpty() || !sourceModel())
        return QSortFilterProxyModel::hasChildren(parent);
    // The base class's answer without building a mapping: every source row is kept.
    const QModelIndex source = mapToSource(parent);
    if (parent.isValid() && !source.isValid())
        return false;
    if (!sourceModel()->hasChildren(source))
        return false;
    return sourceModel()->canFetchMore(source) || sourceModel()->rowCount(source) > 0;
}

bool CloudTreeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = CloudTreeModel::NodeKind(index.data(KindRole).toInt());
    switch (kind) {
    case CloudTreeModel::NodeKind::Cloud:
    case CloudTreeModel::NodeKind::Error:
    case CloudTreeModel::NodeKind::AllProjects:
        return true;
    case CloudTreeModel::NodeKind::Project:
        // By its name; a project whose server matches stays too (recursive filtering).
        return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
    case CloudTreeModel::NodeKind::Server:
        return serverMatches(index);
    case CloudTreeModel::NodeKind::Image:
        // A matching server keeps its disks; a matching disk keeps its server (recursive filtering).
        return serverMatches(sourceParent) || index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
    case CloudTreeModel::NodeKind::Volume:
        // By the volume's name (or id), not by its size or device ("db" is in "/dev/vdb").
        return serverMatches(sourceParent)
            || index.data(UnderlyingDataRole).toString().contains(m_text, Qt::CaseInsensitive);
    }
    return true;
}

bool CloudTreeFilterModel::serverMatches(const QModelIndex &server) const
{
    return server.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || server.data(IdRole).toString().startsWith(m_text, Qt::CaseInsensitive)
        || server.siblingAtColumn(1).data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool CloudTreeFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Only servers are sorted (by name); clouds, volumes and placeholders keep the source's order.
    const auto leftKind = CloudTreeModel::NodeKind(left.data(KindRole).toInt());
    const auto rightKind = CloudTreeModel::NodeKind(right.data(KindRole).toInt());
    if (leftKind == CloudTreeModel::NodeKind::Server && rightKind == CloudTreeModel::NodeKind::Server) {
        const int order = QString::compare(left.data(Qt::DisplayRole).toString(),
                                           right.data(Qt::DisplayRole).toString(), Qt::CaseInsensitive);
        if (order != 0)
            return order < 0;
    }
    return left.row() < right.row();
}

} // namespace sv::ui
