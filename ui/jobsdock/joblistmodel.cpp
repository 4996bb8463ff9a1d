#include "jobsdock/joblistmodel.h"

#include "common/formatting.h"
#include "common/itemroles.h"
#include "jobs/jobmanager.h"

#include <QColor>

#include <algorithm>

namespace sv::ui {

JobListModel::JobListModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &JobListModel::flush);
    connectManager(manager, {});
}

void JobListModel::addManager(JobManager *manager, const QString &titlePrefix)
{
    if (manager && !m_slots.contains(manager))
        connectManager(manager, titlePrefix);
}

void JobListModel::connectManager(JobManager *manager, const QString &titlePrefix)
{
    const int slot = m_nextSlot++;
    m_slots.insert(manager, slot);
    connect(manager, &JobManager::jobAdded, this, [this, slot, manager, titlePrefix](int jobId, const QString &title) {
        onJobAdded(slot, manager, jobId, titlePrefix + title);
    });
    connect(manager, &JobManager::jobProgress, this, [this, slot](int jobId, const JobProgress &progress) {
        onJobProgress(slot, jobId, progress);
    });
    connect(manager, &JobManager::jobFinished, this, [this, slot](int jobId, const JobResult &result) {
        onJobFinished(slot, jobId, result);
    });
    // A later manager at the same address is another one.
    connect(manager, &QObject::destroyed, this, [this, manager] { m_slots.remove(manager); });
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobListModel::statusText(const Row &row) const
{
    switch (row.result.outcome) {
    case JobOutcome::Running:
        return stageText(row.progress.stage);
    case JobOutcome::Succeeded:
        return row.result.message.isEmpty() ? tr("Finished") : row.result.message;
    case JobOutcome::Failed:
        return tr("Failed: %1").arg(row.result.message);
    case JobOutcome::Cancelled:
        return row.result.message.isEmpty() ? tr("Cancelled") : row.result.message;
    }
    return {};
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool running = row.result.outcome == JobOutcome::Running;
    switch (role) {
    case IdRole:
        return row.id;
    case OutcomeRole:
        return int(row.result.outcome);
    case MessageRole:
        return row.result.message;
    case DetailsRole:
        return row.result.details;
    default:
        break;
    }

    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.title;
        break;
    case ProgressColumn:
        // The delegate paints a bar from the raw percent (-1: unknown); the text is for accessibility.
        if (role == UnderlyingDataRole) {
            if (row.result.outcome == JobOutcome::Succeeded)
                return 100;
            return row.progress.percent();
        }
        if (role == Qt::DisplayRole) {
            const int percent = row.result.outcome == JobOutcome::Succeeded ? 100 : row.progress.percent();
            return percent < 0 ? QString() : tr("%1%").arg(percent);
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return statusText(row);
        if (role == UnderlyingDataRole)
            return int(row.progress.stage);
        if (role == Qt::ForegroundRole && row.result.outcome == JobOutcome::Failed)
            return QColor(Qt::red).darker(120);
        break;
    case RateColumn:
        if (role == UnderlyingDataRole)
            return running ? row.progress.bytesPerSecond : 0.0;
        if (role == Qt::DisplayRole)
            return running ? formatRate(row.progress.bytesPerSecond) : QString();
        break;
    case EtaColumn:
        if (role == UnderlyingDataRole)
            return running ? row.progress.etaSeconds : qint64(-1);
        if (role == Qt::DisplayRole)
            return running ? formatDuration(row.progress.etaSeconds) : QString();
        break;
    default:
        break;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RateColumn || index.column() == EtaColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Job");
    case ProgressColumn:
        return tr("Progress");
    case StatusColumn:
        return tr("Status");
    case RateColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time left");
    default:
        return {};
    }
}

int JobListModel::jobId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

JobManager *JobListModel::managerOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).manager.data() : nullptr;
}

int JobListModel::rowOfJob(int jobId) const
{
    return rowOf(0, jobId);
}

int JobListModel::rowOfJob(const JobManager *manager, int jobId) const
{
    const auto slot = m_slots.constFind(manager);
    return slot == m_slots.cend() ? -1 : rowOf(*slot, jobId);
}

void JobListModel::reindex()
{
    m_rowOfKey.clear();
    m_rowOfKey.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfKey.insert(key(m_rows.at(row).slot, m_rows.at(row).id), row);
}

bool JobListModel::isFinished(int row) const
{
    return outcome(row) != JobOutcome::Running;
}

JobOutcome JobListModel::outcome(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).result.outcome : JobOutcome::Running;
}

JobProgress JobListModel::progress(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).progress : JobProgress{};
}

JobResult JobListModel::result(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).result : JobResult{};
}

int JobListModel::finishedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.result.outcome != JobOutcome::Running; }));
}

void JobListModel::clearFinished()
{
    flush();
    // Remove contiguous runs from the bottom so that each removal is one signal pair.
    int last = int(m_rows.size()) - 1;
    while (last >= 0) {
        if (m_rows.at(last).result.outcome == JobOutcome::Running) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && m_rows.at(first - 1).result.outcome != JobOutcome::Running)
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    reindex();
}

void JobListModel::onJobAdded(int slot, JobManager *manager, int jobId, const QString &title)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(Row{jobId, slot, manager, title, {}, {}});
    m_rowOfKey.insert(key(slot, jobId), row);
    endInsertRows();
}

void JobListModel::onJobProgress(int slot, int jobId, const JobProgress &progress)
{
    const int row = rowOf(slot, jobId);
    if (row < 0 || m_rows.at(row).result.outcome != JobOutcome::Running)
        return;
    m_rows[row].progress = progress;
    m_dirtyFirst = m_dirtyFirst < 0 ? row : std::min(m_dirtyFirst, row);
    m_dirtyLast = std::max(m_dirtyLast, row);
    if (!m_flush.isActive())
        m_flush.start();
}

void JobListModel::onJobFinished(int slot, int jobId, const JobResult &result)
{
    const int row = rowOf(slot, jobId);
    if (row < 0)
        return;
    m_rows[row].result = result;
    flush();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (slot == 0)
        Q_EMIT jobFinished(jobId, result);
}

void JobListModel::flush()
{
    m_flush.stop();
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst;
    const int last = std::min(m_dirtyLast, int(m_rows.size()) - 1);
    m_dirtyFirst = m_dirtyLast = -1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace sv::ui
