#pragma once

#include <QDockWidget>

class QPushButton;
class QTreeView;

namespace sv {
class JobManager;
}

namespace sv::ui {

class JobListModel;

// The bottom dock: every job with its progress; Cancel, Details (of a failure) and Clear finished.
class JobsDock : public QDockWidget
{
    Q_OBJECT
public:
    JobsDock(JobManager *manager, QWidget *parent = nullptr);

    JobListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    void cancelSelected();
    void showDetailsOfSelected();
    void clearFinished();

private:
    int selectedRow() const;
    void updateButtons();

    JobManager *m_manager;
    JobListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_cancelButton;
    QPushButton *m_detailsButton;
    QPushButton *m_clearButton;
};

} // namespace sv::ui
