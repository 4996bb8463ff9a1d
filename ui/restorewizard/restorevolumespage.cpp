#include "restorewizard/restorevolumespage.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "common/icons.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QVBoxLayout>

namespace sv::ui {

RestoreVolumesPage::RestoreVolumesPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("volumesPage"));
    setTitle(tr("Volumes"));
    setSubTitle(tr("The backup holds these volumes. Restore them with the server, or only the volumes."));
    m_volumes = new QListWidget(this);
    m_volumes->setObjectName(QStringLiteral("savedVolumesList"));
    m_volumes->setMaximumHeight(110);
    m_volumes->setSelectionMode(QAbstractItemView::NoSelection);
    m_withServer = new QRadioButton(tr("Restore the server and its &volumes"), this);
    m_withServer->setObjectName(QStringLiteral("restoreServerRadio"));
    m_withServer->setChecked(true);
    m_volumesOnly = new QRadioButton(tr("Restore &only the volumes"), this);
    m_volumesOnly->setObjectName(QStringLiteral("restoreVolumesOnlyRadio"));
    m_volumesOnly->setToolTip(tr("Creates the volumes in the target, not attached to any server; no server is "
                                 "started."));

    m_typesBox = new QGroupBox(tr("Volume types"), this);
    m_typesBox->setObjectName(QStringLiteral("volumeTypesBox"));
    m_typesStatus = new QLabel(m_typesBox);
    m_typesStatus->setObjectName(QStringLiteral("volumeTypesStatus"));
    m_typesStatus->setWordWrap(true);
    m_typesForm = new QFormLayout;
    auto *typesLayout = new QVBoxLayout(m_typesBox);
    typesLayout->addWidget(m_typesStatus);
    typesLayout->addLayout(m_typesForm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_volumes);
    layout->addWidget(m_withServer);
    layout->addWidget(m_volumesOnly);
    layout->addWidget(m_typesBox);
    layout->addStretch();

    Backend *backend = wizard->backend();
    connect(backend, &Backend::volumeTypesReady, this, &RestoreVolumesPage::onTypesReady);
    connect(backend, &Backend::volumeTypesFailed, this, &RestoreVolumesPage::onTypesFailed);
}

void RestoreVolumesPage::initializePage()
{
    m_volumes->clear();
    if (const CheckpointEntry *cp = m_wizard->selectedCheckpoint()) {
        for (const VolumeEntry &volume : cp->volumes) {
            QString text = formatVolume(volume.label(), volume.sizeGiB, volume.device, volume.boot);
            if (!volume.volumeType.isEmpty())
                text = tr("%1, type %2").arg(text, volume.volumeType);
            new QListWidgetItem(icon(QStringLiteral("volume")), text, m_volumes);
        }
    }
    m_cloudId = field(QStringLiteral("targetCloudId")).toString();
    m_typesAnswered = false;
    m_missingTypes.clear();
    m_typeCombos.clear();
    while (m_typesForm->rowCount() > 0)
        m_typesForm->removeRow(0);
    m_typesStatus->setText(tr("Asking the target cloud for its volume types…"));
    Q_EMIT completeChanged();
    m_wizard->backend()->requestVolumeTypes(m_cloudId);
}

void RestoreVolumesPage::onTypesReady(const QString &cloudId, const QList<VolumeTypeEntry> &types)
{
    if (cloudId != m_cloudId || m_typesAnswered)
        return;
    m_typesAnswered = true;
    fillMapping(types);
    Q_EMIT completeChanged();
}

void RestoreVolumesPage::onTypesFailed(const QString &cloudId, const QString &message)
{
    if (cloudId != m_cloudId || m_typesAnswered)
        return;
    // Not fatal: the restore keeps a saved type where the target has it, else uses the default type.
    m_typesAnswered = true;
    m_typesStatus->setText(tr("The target's volume types could not be listed: %1\nEach volume gets its saved type "
                              "where the target has it, otherwise the target's default type.")
                               .arg(message));
    Q_EMIT completeChanged();
}

void RestoreVolumesPage::fillMapping(const QList<VolumeTypeEntry> &types)
{
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    QStringList targetNames;
    for (const VolumeTypeEntry &type : types)
        targetNames << type.name;
    if (cp) {
        for (const VolumeEntry &volume : cp->volumes) {
            if (!volume.volumeType.isEmpty() && !targetNames.contains(volume.volumeType)
                && !m_missingTypes.contains(volume.volumeType))
                m_missingTypes << volume.volumeType;
        }
    }
    if (m_missingTypes.isEmpty()) {
        m_typesStatus->setText(tr("The target has every saved volume type; each volume keeps its type."));
        return;
    }
    m_typesStatus->setText(tr("The target has no volume type %1. Volumes of a missing type get the target's default "
                              "type unless you choose another one here.")
                               .arg(m_missingTypes.join(QLatin1String(", "))));
    for (const QString &saved : std::as_const(m_missingTypes)) {
        auto *combo = new QComboBox(m_typesBox);
        combo->setObjectName(QStringLiteral("volumeTypeCombo-%1").arg(saved));
        combo->addItem(tr("The target's default type"), QString());
        for (const QString &name : std::as_const(targetNames))
            combo->addItem(name, name);
        m_typesForm->addRow(tr("%1 →").arg(saved), combo);
        m_typeCombos.insert(saved, combo);
    }
}

bool RestoreVolumesPage::isComplete() const
{
    return m_typesAnswered;
}

int RestoreVolumesPage::nextId() const
{
    return restoreServer() ? RestoreWizard::ServerPageId : RestoreWizard::SummaryPageId;
}

bool RestoreVolumesPage::restoreServer() const
{
    return !m_volumesOnly->isChecked();
}

QHash<QString, QString> RestoreVolumesPage::volumeTypes() const
{
    QHash<QString, QString> mapping;
    for (auto it = m_typeCombos.cbegin(); it != m_typeCombos.cend(); ++it) {
        const QString chosen = it.value()->currentData().toString();
        if (!chosen.isEmpty())
            mapping.insert(it.key(), chosen);
    }
    return mapping;
}

} // namespace sv::ui
