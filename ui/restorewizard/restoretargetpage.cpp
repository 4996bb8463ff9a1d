#include "restorewizard/restoretargetpage.h"

#include "backend/backend.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

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
    m_project = new QLabel(this);
    m_project->setObjectName(QStringLiteral("targetProjectLabel"));
    m_project->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_region = new QLabel(this);
    m_region->setObjectName(QStringLiteral("targetRegionLabel"));
    m_region->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Changing them would be refused (a session is bound to its cloud's project and region): say how
    // instead of offering a field that only fails later.
    auto *hint = new QLabel(tr("The project and region are those of the saved cloud. To restore into another "
                               "project or region, save a cloud for it under Manage Clouds and choose it here."),
                            this);
    hint->setObjectName(QStringLiteral("targetHintLabel"));
    hint->setWordWrap(true);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::Disabled, QPalette::WindowText));
    hint->setPalette(hintPalette);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Cloud:"), m_cloud);
    form->addRow(tr("Project:"), m_project);
    form->addRow(tr("Region:"), m_region);
    form->addRow(QString(), hint);
    registerField(QStringLiteral("targetCloudId"), m_cloud, "currentData", SIGNAL(currentIndexChanged(int)));
    // The profile's own values, as the request carries them (empty: the cloud's default).
    registerField(QStringLiteral("targetProject"), this, "targetProject");
    registerField(QStringLiteral("targetRegion"), this, "targetRegion");
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
    m_targetProject.clear();
    m_targetRegion.clear();
    for (const CloudEntry &cloud : clouds) {
        if (cloud.id == id) {
            m_targetProject = cloud.projectName;
            m_targetRegion = cloud.regionName;
        }
    }
    m_project->setText(m_targetProject.isEmpty() ? tr("(the cloud's default)") : m_targetProject);
    m_region->setText(m_targetRegion.isEmpty() ? tr("(the cloud's default)") : m_targetRegion);
}

bool RestoreTargetPage::isComplete() const
{
    return m_cloud->currentIndex() >= 0;
}

} // namespace sv::ui

namespace sv::ui {

int RestoreTargetPage::nextId() const
{
    // The volumes page only for a backup that holds volumes.
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    return cp && !cp->volumes.isEmpty() ? RestoreWizard::VolumesPageId : RestoreWizard::ServerPageId;
}

} // namespace sv::ui
