#include "backups/backupsview.h"

#include "backups/backupsmodel.h"
#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "common/messagebox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace sv::ui {

BackupsView::BackupsView(BackupsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("backupsPane"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(UnderlyingDataRole);
    m_proxy->setFilterRole(ServerIdRole);
    m_proxy->setDynamicSortFilter(true);

    m_serverFilter = new QComboBox(this);
    m_serverFilter->setObjectName(QStringLiteral("backupsServerFilter"));
    m_serverFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *filterLabel = new QLabel(tr("&Server:"), this);
    filterLabel->setBuddy(m_serverFilter);
    m_refreshButton = new QPushButton(icon(QStringLiteral("refresh")), tr("Re&fresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshBackupsButton"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("backupsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BackupsModel::DateColumn, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(BackupsModel::ServerColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    // The selected backup's volumes: what it saved (name, size, device) and what it did not.
    m_selectedVolumes = new QLabel(this);
    m_selectedVolumes->setObjectName(QStringLiteral("selectedBackupVolumesLabel"));
    m_selectedVolumes->setWordWrap(true);
    m_selectedVolumes->setTextFormat(Qt::PlainText);
    m_selectedVolumes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_selectedVolumes->hide();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupsStatusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_storage = new QLabel(this);
    m_storage->setObjectName(QStringLiteral("backupStorageLabel"));
    m_storage->setTextFormat(Qt::PlainText);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storage->setWordWrap(true);
    m_storage->hide();

    m_restoreButton = new QPushButton(icon(QStringLiteral("restore")), tr("&Restore…"), this);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_verifyButton = new QPushButton(icon(QStringLiteral("verify")), tr("&Verify"), this);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_exportButton = new QPushButton(icon(QStringLiteral("export")), tr("&Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportBackupButton"));
    m_exportButton->setToolTip(tr("Write the backup's disks into raw or qcow2 files"));
    m_testRestoreButton = new QPushButton(icon(QStringLiteral("verify")), tr("&Test Restore…"), this);
    m_testRestoreButton->setObjectName(QStringLiteral("testRestoreButton"));
    m_testRestoreButton->setToolTip(tr("Prove that the backup boots: restore it under a scratch name, wait until it "
                                       "runs, remove it again and record the result"));
    m_deleteButton = new QPushButton(icon(QStringLiteral("delete")), tr("&Delete…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteBackupButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_serverFilter);
    top->addStretch();
    top->addWidget(m_refreshButton);
    // The storage's location on its own line: a long path must not set the pane's width.
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_restoreButton);
    bottom->addWidget(m_exportButton);
    bottom->addWidget(m_testRestoreButton);
    bottom->addWidget(m_verifyButton);
    bottom->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_selectedVolumes);
    layout->addWidget(m_status);
    layout->addWidget(m_storage);
    layout->addLayout(bottom);

    connect(m_model, &QAbstractItemModel::modelReset, this, &BackupsView::rebuildServerFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BackupsView::updateButtons);
    connect(m_serverFilter, &QComboBox::currentIndexChanged, this, [this] {
        setServerFilter(m_serverFilter->currentData().toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BackupsView::updateButtons);
    connect(m_refreshButton, &QPushButton::clicked, this, &BackupsView::refreshRequested);
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        if (const CheckpointEntry *cp = selectedCheckpoint())
            Q_EMIT restoreRequested(*cp);
    });
    connect(m_verifyButton, &QPushButton::clicked, this, [this] {
        if (const CheckpointEntry *cp = selectedCheckpoint())
            Q_EMIT verifyRequested(*cp);
    });
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        if (const CheckpointEntry *cp = selectedCheckpoint())
            Q_EMIT exportRequested(*cp);
    });
    connect(m_testRestoreButton, &QPushButton::clicked, this, [this] {
        if (const CheckpointEntry *cp = selectedCheckpoint())
            Q_EMIT testRestoreRequested(*cp);
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &BackupsView::confirmDelete);
    connect(m_view, &QTreeView::doubleClicked, this, [this] {
        if (const CheckpointEntry *cp = selectedCheckpoint(); cp && cp->status == u"available")
            Q_EMIT restoreRequested(*cp);
    });
    rebuildServerFilter();
    updateButtons();
}

void BackupsView::rebuildServerFilter()
{
    const QString current = m_serverFilter->currentData().toString();
    QMap<QString, QString> servers; // name → id, sorted by name
    for (const CheckpointEntry &cp : m_model->checkpoints())
        servers.insert(cp.serverName.isEmpty() ? cp.serverId : cp.serverName, cp.serverId);
    const QSignalBlocker blocker(m_serverFilter);
    m_serverFilter->clear();
    m_serverFilter->addItem(tr("All servers"), QString());
    for (auto it = servers.cbegin(); it != servers.cend(); ++it)
        m_serverFilter->addItem(it.key(), it.value());
    const int index = m_serverFilter->findData(current);
    m_serverFilter->setCurrentIndex(index < 0 ? 0 : index);
    setServerFilter(m_serverFilter->currentData().toString());
}

void BackupsView::setServerFilter(const QString &serverId)
{
    if (serverId.isEmpty())
        m_proxy->setFilterRegularExpression(QRegularExpression());
    else
        m_proxy->setFilterRegularExpression(
            QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(serverId))));
    const int index = m_serverFilter->findData(serverId);
    if (index >= 0 && index != m_serverFilter->currentIndex()) {
        const QSignalBlocker blocker(m_serverFilter);
        m_serverFilter->setCurrentIndex(index);
    }
    updateButtons();
}

QString BackupsView::serverFilter() const
{
    return m_serverFilter->currentData().toString();
}

void BackupsView::setStorage(const QString &location, bool encrypted)
{
    m_storage->setText(encrypted ? tr("Backup storage: %1 — encrypted").arg(location)
                                 : tr("Backup storage: %1 — not encrypted").arg(location));
    m_storage->setToolTip(encrypted ? tr("Disks, indexes and the journal are encrypted with AES-256-GCM; the "
                                         "passphrase is in the keychain.")
                                    : tr("Made by an older version or without encryption: anyone who can read the "
                                         "storage can read the backed-up disks."));
    m_storage->show();
}

void BackupsView::setStatusText(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

const CheckpointEntry *BackupsView::selectedCheckpoint() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->checkpoint(m_proxy->mapToSource(rows.first()).row());
}

bool BackupsView::selectCheckpoint(const QString &checkpointId)
{
    const int row = m_model->rowOf(checkpointId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void BackupsView::updateButtons()
{
    const CheckpointEntry *cp = selectedCheckpoint();
    const bool available = cp && cp->status == u"available";
    m_restoreButton->setEnabled(available);
    m_verifyButton->setEnabled(available);
    m_exportButton->setEnabled(available);
    m_testRestoreButton->setEnabled(available);
    m_deleteButton->setEnabled(cp && cp->status != u"deleting" && cp->status != u"protecting");
    const QStringList volumes = cp ? BackupsModel::volumeLines(*cp) : QStringList();
    m_selectedVolumes->setText(volumes.join(QLatin1Char('\n')));
    m_selectedVolumes->setVisible(!volumes.isEmpty());
}

void BackupsView::confirmDelete()
{
    const CheckpointEntry *selected = selectedCheckpoint();
    if (!selected)
        return;
    const CheckpointEntry cp = *selected;
    MessageBox::question(this, tr("Delete Backup"),
                         tr("Delete the backup of “%1” from %2? This cannot be undone.")
                             .arg(cp.serverName, formatDateTime(cp.created)),
                         QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
                         [this, cp](QMessageBox::StandardButton answer) {
                             if (answer == QMessageBox::Yes)
                                 Q_EMIT deleteRequested(cp);
                         });
}

} // namespace sv::ui
