#include "restorewizard/restoretargetpage.h"

#include "backend/backend.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace sv::ui {

RestoreTargetPage::RestoreTargetPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("targetPage"));
    setTitle(tr("Choose the Target"));
    setSubTitle(tr("Where should the server be restored? Any saved cloud can be the target."));
    m_cloud = new QComboBox(this);
    m_cloud->setObjectName(QStringLiteral("targetCloudCombo"));
    m_project = new QLineEdit(this);
    m_project->setObjectName(QStringLiteral("targetProjectEdit"));
    m_project->setPlaceholderText(tr("The cloud's default project"));
    m_region = new QLineEdit(this);
    m_region->setObjectName(QStringLiteral("targetRegionEdit"));
    m_region->setPlaceholderText(tr("The cloud's default region"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Cloud:"), m_cloud);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("&Region:"), m_region);
    registerField(QStringLiteral("targetCloudId"), m_cloud, "currentData", SIGNAL(currentIndexChanged(int)));
    registerField(QStringLiteral("targetProject"), m_project);
    registerField(QStringLiteral("targetRegion"), m_region);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &RestoreTargetPage::cloudChanged);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
}

void RestoreTargetPage::initializePage()
{
    const QString previous = m_cloud->currentData().toString();
    const QSignalBlocker blocker(m_cloud);
    m_cloud->clear();
    const auto clouds = m_wizard->backend()->clouds();
    for (const CloudEntry &cloud : clouds)
        m_cloud->addItem(cloud.name, cloud.id);
    // Default: where the backup came from, if that cloud is still saved.
    QString wanted = previous;
    if (wanted.isEmpty()) {
        if (const CheckpointEntry *cp = m_wizard->selectedCheckpoint())
            wanted = cp->cloudId;
    }
    const int index = m_cloud->findData(wanted);
    m_cloud->setCurrentIndex(index >= 0 ? index : (m_cloud->count() > 0 ? 0 : -1));
    cloudChanged();
}

void RestoreTargetPage::cloudChanged()
{
    const QString id = m_cloud->currentData().toString();
    const auto clouds = m_wizard->backend()->clouds();
    for (const CloudEntry &cloud : clouds) {
        if (cloud.id == id) {
            m_project->setText(cloud.projectName);
            m_region->setText(cloud.regionName);
        }
    }
}

bool RestoreTargetPage::isComplete() const
{
    return m_cloud->currentIndex() >= 0;
}

} // namespace sv::ui
