#include "restorewizard/restoretargetpage.h"

#include "backend/backend.h"
#include "restorewizard/restorewizard.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace sv::ui {

namespace {
void dimmed(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(palette);
}
} // namespace

RestoreTargetPage::RestoreTargetPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("targetPage"));
    setTitle(tr("Choose the Target"));
    setSubTitle(tr("Where should the backup be restored, and what should be made there? Any saved cloud can be the "
                   "target."));
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
    dimmed(hint);

    m_serverChoice = new QRadioButton(tr("Restore a &server (with the volumes saved in the backup)"), this);
    m_serverChoice->setObjectName(QStringLiteral("restoreServerChoice"));
    m_serverChoice->setChecked(true);
    m_imageChoice = new QRadioButton(tr("Restore &only the image, into the cloud's image service"), this);
    m_imageChoice->setObjectName(QStringLiteral("restoreImageOnlyChoice"));
    m_imageChoice->setToolTip(tr("Creates one image with the backup's disk and its saved properties (disk format, "
                                 "firmware, disk bus, …). No server is started and no volume is made."));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_serverChoice);
    choices->addButton(m_imageChoice);
    m_imageName = new QLineEdit(this);
    m_imageName->setObjectName(QStringLiteral("imageNameEdit"));
    m_choiceStatus = new QLabel(this);
    m_choiceStatus->setObjectName(QStringLiteral("targetChoiceStatusLabel"));
    m_choiceStatus->setWordWrap(true);
    m_choiceStatus->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Cloud:"), m_cloud);
    form->addRow(tr("Project:"), m_project);
    form->addRow(tr("Region:"), m_region);
    form->addRow(QString(), hint);
    auto *imageForm = new QFormLayout;
    imageForm->setContentsMargins(24, 0, 0, 0);
    imageForm->addRow(tr("Image &name:"), m_imageName);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("What to restore:"), this));
    layout->addWidget(m_serverChoice);
    layout->addWidget(m_imageChoice);
    layout->addLayout(imageForm);
    layout->addWidget(m_choiceStatus);
    layout->addStretch();

    registerField(QStringLiteral("targetCloudId"), m_cloud, "currentData", SIGNAL(currentIndexChanged(int)));
    // The profile's own values, as the request carries them (empty: the cloud's default).
    registerField(QStringLiteral("targetProject"), this, "targetProject");
    registerField(QStringLiteral("targetRegion"), this, "targetRegion");
    registerField(QStringLiteral("imageOnly"), this, "imageOnly");
    registerField(QStringLiteral("imageName"), this, "imageName");
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &RestoreTargetPage::cloudChanged);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    connect(m_imageChoice, &QRadioButton::toggled, this, &RestoreTargetPage::choiceChanged);
    connect(wizard->backend(), &Backend::cloudSessionReady, this, &RestoreTargetPage::onSessionReady);
}

void RestoreTargetPage::initializePage()
{
    const QString previous = m_cloud->currentData().toString();
    {
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
    }
    // A server that booted from a volume has no image of its own: only a server (or its volumes) can come back.
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    const bool hasImage = cp && !cp->bootFromVolume;
    m_imageChoice->setEnabled(hasImage);
    if (!hasImage)
        m_serverChoice->setChecked(true);
    // The default name follows the backup chosen on page 1 unless the user typed another one.
    const QString name = defaultImageName();
    m_imageName->setPlaceholderText(name);
    if (m_imageName->text().isEmpty() || m_imageName->text() == m_defaultImageName)
        m_imageName->setText(name);
    m_defaultImageName = name;
    cloudChanged();
}

QString RestoreTargetPage::defaultImageName() const
{
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    if (!cp)
        return {};
    return QStringLiteral("%1-restored-%2").arg(cp->serverName.isEmpty() ? cp->serverId : cp->serverName, cp->id.left(8));
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
    choiceChanged();
}

void RestoreTargetPage::choiceChanged()
{
    m_imageName->setEnabled(imageOnly());
    if (!imageOnly()) {
        const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
        m_choiceStatus->setText(cp && cp->bootFromVolume
                                    ? tr("This backup's server booted from a volume, so the backup holds no image of its "
                                         "own: restore the server, or only its volumes.")
                                    : QString());
        Q_EMIT completeChanged();
        return;
    }
    requestSession();
}

void RestoreTargetPage::requestSession()
{
    const QString id = m_cloud->currentData().toString();
    if (id.isEmpty())
        return;
    if (m_sessionCloudId == id && (m_sessionReady || m_sessionAsked)) {
        Q_EMIT completeChanged();
        return;
    }
    m_sessionCloudId = id;
    m_sessionReady = false;
    m_sessionAsked = true;
    m_choiceStatus->setText(tr("Signing in to %1…").arg(m_cloud->currentText()));
    Q_EMIT completeChanged();
    m_wizard->backend()->requestCloudSession(id);
}

void RestoreTargetPage::onSessionReady(const QString &cloudId, const QString &error)
{
    if (cloudId != m_sessionCloudId || !m_sessionAsked)
        return;
    m_sessionAsked = false;
    m_sessionReady = error.isEmpty();
    if (imageOnly() && cloudId == m_cloud->currentData().toString()) {
        m_choiceStatus->setText(m_sessionReady ? QString()
                                               : tr("StackVault cannot sign in to %1: %2").arg(m_cloud->currentText(), error));
    }
    Q_EMIT completeChanged();
}

bool RestoreTargetPage::imageOnly() const
{
    return m_imageChoice->isEnabled() && m_imageChoice->isChecked();
}

QString RestoreTargetPage::imageName() const
{
    const QString name = m_imageName->text().trimmed();
    return name.isEmpty() ? defaultImageName() : name;
}

bool RestoreTargetPage::isComplete() const
{
    if (m_cloud->currentIndex() < 0)
        return false;
    if (!imageOnly())
        return true;
    return m_sessionReady && m_sessionCloudId == m_cloud->currentData().toString();
}

int RestoreTargetPage::nextId() const
{
    // Only the image: no volumes and no server to choose for, straight to the summary.
    if (imageOnly())
        return RestoreWizard::SummaryPageId;
    // The volumes page only for a backup that holds volumes.
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    return cp && !cp->volumes.isEmpty() ? RestoreWizard::VolumesPageId : RestoreWizard::ServerPageId;
}

} // namespace sv::ui
