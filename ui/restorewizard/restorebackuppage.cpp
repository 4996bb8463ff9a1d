#include "restorewizard/restorebackuppage.h"

#include "backups/backupsmodel.h"
#include "common/formatting.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sv::ui {

RestoreBackupPage::RestoreBackupPage(RestoreWizard *wizard, const QString &selectedCheckpointId)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("backupPage"));
    setTitle(tr("Choose the Backup"));
    setSubTitle(tr("Which backup should be restored?"));
    m_backups = new QComboBox(this);
    m_backups->setObjectName(QStringLiteral("backupCombo"));
    int selected = 0;
    const auto &checkpoints = wizard->checkpoints();
    for (int i = 0; i < checkpoints.size(); ++i) {
        const CheckpointEntry &cp = checkpoints.at(i);
        m_backups->addItem(tr("%1 — %2 (%3)").arg(cp.serverName, formatDateTime(cp.created),
                                                  BackupsModel::contentsText(cp.withData)),
                           i);
        if (cp.id == selectedCheckpointId)
            selected = i;
    }
    m_backups->setCurrentIndex(checkpoints.isEmpty() ? -1 : selected);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("backupDetailsLabel"));
    m_details->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Backup:"), m_backups);
    layout->addLayout(form);
    layout->addWidget(m_details);
    layout->addStretch();
    registerField(QStringLiteral("checkpointIndex"), m_backups, "currentIndex", SIGNAL(currentIndexChanged(int)));
    connect(m_backups, &QComboBox::currentIndexChanged, this, &RestoreBackupPage::showDetails);
    connect(m_backups, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    showDetails();
}

bool RestoreBackupPage::isComplete() const
{
    return m_backups->currentIndex() >= 0;
}

void RestoreBackupPage::showDetails()
{
    const int index = m_backups->currentIndex();
    if (index < 0) {
        m_details->setText(tr("There is no backup to restore yet."));
        return;
    }
    const CheckpointEntry &cp = m_wizard->checkpoints().at(index);
    QStringList lines;
    lines << tr("Server: %1").arg(cp.serverName);
    lines << tr("Taken: %1").arg(formatDateTime(cp.created));
    lines << tr("Size: %1").arg(formatBytes(cp.size));
    lines << tr("Contents: %1").arg(BackupsModel::contentsText(cp));
    lines << tr("Consistency: %1").arg(BackupsModel::consistencyText(cp.consistency, cp.requiresQuiesce));
    lines << ConsistencyText::explanation(cp.consistency, cp.requiresQuiesce);
    lines << BackupsModel::volumeLines(cp);
    if (!cp.flavorName.isEmpty())
        lines << tr("Flavor when backed up: %1").arg(cp.flavorName);
    m_details->setText(lines.join(QLatin1Char('\n')));
}

} // namespace sv::ui
