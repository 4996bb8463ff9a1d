#pragma once

#include "backend/checkpointentry.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace sv::ui {

class BackupsModel;

// The Backups pane: the storage's backups, filterable by server; Restore…, Export…, Test Restore…, Verify and
// Delete (after a confirmation). It only emits requests; the main window turns them into jobs.
class BackupsView : public QWidget
{
    Q_OBJECT
public:
    explicit BackupsView(BackupsModel *model, QWidget *parent = nullptr);

    BackupsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // Shows only the backups of this server ("" shows all).
    void setServerFilter(const QString &serverId);
    QString serverFilter() const;
    void setStatusText(const QString &text);
    // "Backup storage: LOCATION — encrypted" or "— not encrypted".
    void setStorage(const QString &location, bool encrypted);
    // The selected backup, or nullptr.
    const CheckpointEntry *selectedCheckpoint() const;
    bool selectCheckpoint(const QString &checkpointId);

Q_SIGNALS:
    void restoreRequested(const sv::ui::CheckpointEntry &checkpoint);
    void verifyRequested(const sv::ui::CheckpointEntry &checkpoint);
    void exportRequested(const sv::ui::CheckpointEntry &checkpoint);
    void testRestoreRequested(const sv::ui::CheckpointEntry &checkpoint);
    void deleteRequested(const sv::ui::CheckpointEntry &checkpoint); // already confirmed
    void refreshRequested();

private:
    void rebuildServerFilter();
    void updateButtons();
    void confirmDelete();

    BackupsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_serverFilter;
    QTreeView *m_view;
    QLabel *m_selectedVolumes;
    QLabel *m_status;
    QLabel *m_storage;
    QPushButton *m_restoreButton;
    QPushButton *m_verifyButton;
    QPushButton *m_exportButton;
    QPushButton *m_testRestoreButton;
    QPushButton *m_deleteButton;
    QPushButton *m_refreshButton;
};

} // namespace sv::ui
