#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTreeView;

namespace sv::ui {

class PlansService;
class RetentionPreviewModel;

// "Preview retention": what the plan's retention policy would keep and remove if it were applied now, each
// of the plan's backups with the reason it is kept (a ForgetJob dry run on the plan's backup storage).
// Nothing is deleted.
class RetentionPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    RetentionPreviewDialog(PlansService *service, const QString &plan, QWidget *parent = nullptr);

    RetentionPreviewModel *model() const { return m_model; }
    QString summaryText() const;

Q_SIGNALS:
    // The preview is shown (`ok`) or its failure is.
    void previewShown(bool ok);

private:
    QString m_plan;
    RetentionPreviewModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace sv::ui
