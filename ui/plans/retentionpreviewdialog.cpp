#include "plans/retentionpreviewdialog.h"

#include "plans/plan.h"
#include "plans/plansservice.h"
#include "plans/retentionpreviewmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sv::ui {

RetentionPreviewDialog::RetentionPreviewDialog(PlansService *service, const QString &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_model(new RetentionPreviewModel(this))
{
    setObjectName(QStringLiteral("retentionPreviewDialog"));
    setWindowTitle(tr("Retention of Plan “%1”").arg(plan));
    setWindowModality(Qt::WindowModal);
    m_summary = new QLabel(tr("Reading the backups of plan %1…").arg(plan), this);
    m_summary->setObjectName(QStringLiteral("retentionPreviewSummary"));
    m_summary->setWordWrap(true);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("retentionPreviewTable"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(820, 480);

    connect(service, &PlansService::retentionPreviewReady, this, [this](const QString &name, const QJsonObject &result) {
        if (name != m_plan)
            return;
        m_model->setResult(result);
        const QString policy = Plan::describeRetention(result.value(QLatin1String("policy")).toObject());
        m_summary->setText(m_model->rowCount() == 0
                               ? tr("Plan %1 has no backups in its backup storage yet: nothing to keep or remove.").arg(m_plan)
                               : tr("Applied now, the policy (%1) would keep %2 of plan %3's backups and remove %4. "
                                    "This preview removes nothing; the policy is applied after each run.")
                                     .arg(policy)
                                     .arg(m_model->keptCount())
                                     .arg(m_plan)
                                     .arg(m_model->removedCount()));
        for (int column = 0; column < m_model->columnCount() - 1; ++column)
            m_view->resizeColumnToContents(column);
        Q_EMIT previewShown(true);
    });
    connect(service, &PlansService::retentionPreviewFailed, this, [this](const QString &name, const QString &message) {
        if (name != m_plan)
            return;
        m_summary->setText(message);
        Q_EMIT previewShown(false);
    });
    service->previewRetention(plan);
}

QString RetentionPreviewDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace sv::ui
