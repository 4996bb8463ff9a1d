#include "restorewizard/restoresummarypage.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "restorewizard/restoredetailspage.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace sv::ui {

RestoreSummaryPage::RestoreSummaryPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the choices, then click Restore."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Restore"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch();
}

void RestoreSummaryPage::initializePage()
{
    const RestoreRequest request = m_wizard->request();
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    QString cloudName = request.targetCloudId;
    const auto clouds = m_wizard->backend()->clouds();
    for (const CloudEntry &cloud : clouds) {
        if (cloud.id == request.targetCloudId)
            cloudName = cloud.name;
    }
    auto comboText = [this](const char *name) {
        auto *combo = m_wizard->findChild<QComboBox *>(QLatin1String(name));
        return combo ? combo->currentText() : QString();
    };
    QStringList lines;
    if (cp)
        lines << tr("Backup: %1 from %2 (%3)").arg(cp->serverName, formatDateTime(cp->created),
                                                   cp->withData ? tr("with data") : tr("original image only"));
    lines << tr("Target: cloud %1, project %2, region %3")
                 .arg(cloudName, request.projectName.isEmpty() ? tr("(default)") : request.projectName,
                      request.region.isEmpty() ? tr("(default)") : request.region);
    if (request.imageOnly) {
        lines << tr("New image: %1").arg(request.serverName);
        lines << tr("Only the image is restored, into the cloud's image service, with the disk format and properties "
                    "saved in the backup. No server is started and no volume is made.");
        if (cp && !cp->volumes.isEmpty())
            lines << tr("The %n volume(s) saved in the backup are not restored.", nullptr, int(cp->volumes.size()));
        lines << QString();
        lines << tr("StackVault uploads the image from the backup, checks every byte against the saved checksums and "
                    "compares the image service's checksum with the saved one. The backed-up server is not changed.");
        m_summary->setText(lines.join(QLatin1Char('\n')));
        return;
    }
    if (request.restoreServer) {
        lines << tr("New server: %1").arg(request.serverName);
        lines << tr("Flavor: %1").arg(comboText("flavorCombo"));
        const RebuildChoices &rebuild = request.rebuild;
        const auto *detailsPage = qobject_cast<const RestoreDetailsPage *>(m_wizard->page(RestoreWizard::DetailsPageId));
        if (rebuild.set && detailsPage) {
            // The details page's NICs replace the server page's networks and security groups.
            const QStringList nics = detailsPage->nicLines();
            if (nics.isEmpty())
                lines << tr("NICs: (no network)");
            else
                lines << tr("NICs:");
            for (const QString &nic : nics)
                lines << QStringLiteral("  • ") + nic;
        } else {
            const auto *serverPage = qobject_cast<const RestoreServerPage *>(m_wizard->page(RestoreWizard::ServerPageId));
            const QStringList networks = serverPage ? serverPage->networkNames() : QStringList();
            lines << tr("Networks: %1")
                         .arg(request.networkIds.isEmpty() ? tr("as saved with the backup")
                                  : networks.isEmpty()     ? tr("(no network)")
                                                           : networks.join(QStringLiteral(", ")));
        }
        lines << tr("Key pair: %1").arg(comboText("keyPairCombo"));
        if (!rebuild.set)
            lines << tr("Security groups: %1")
                         .arg(request.securityGroups.isEmpty() ? tr("(none)")
                                                               : request.securityGroups.join(QStringLiteral(", ")));
        lines << tr("Availability zone: %1")
                     .arg(request.availabilityZone.isEmpty() ? tr("(the cloud chooses)") : request.availabilityZone);
        if (rebuild.set) {
            QStringList metadata;
            for (auto it = rebuild.metadata.begin(); it != rebuild.metadata.end(); ++it)
                metadata << it.key() + QLatin1Char('=') + it.value().toString();
            lines << tr("Tags: %1").arg(rebuild.tags.isEmpty() ? tr("(none)") : rebuild.tags.join(QStringLiteral(", ")));
            lines << tr("Metadata: %1").arg(metadata.isEmpty() ? tr("(none)") : metadata.join(QStringLiteral(", ")));
            lines << tr("Description: %1").arg(rebuild.description.isEmpty() ? tr("(none)") : rebuild.description);
            lines << tr("Server group: %1").arg(rebuild.serverGroup.isEmpty() ? tr("(none)") : rebuild.serverGroup);
            lines << tr("Config drive: %1").arg(rebuild.configDrive ? tr("yes") : tr("no"));
            if (cp && cp->userDataState == QLatin1String("saved"))
                lines << tr("User data: %1").arg(rebuild.userData ? tr("passed as saved") : tr("not passed"));
        }
    } else {
        lines << tr("Only the volumes are restored; no server is started.");
    }
    if (cp && !cp->volumes.isEmpty()) {
        lines << tr("Volumes:");
        for (const VolumeEntry &volume : cp->volumes) {
            QString text = formatVolume(volume.label(), volume.sizeGiB, volume.device, volume.boot);
            if (request.volumeTypes.contains(volume.volumeType))
                text = tr("%1, type %2 → %3").arg(text, volume.volumeType, request.volumeTypes.value(volume.volumeType));
            else if (!volume.volumeType.isEmpty())
                text = tr("%1, type %2").arg(text, volume.volumeType);
            lines << QStringLiteral("  • ") + text;
        }
    }
    lines << QString();
    if (!request.restoreServer)
        lines << tr("StackVault creates a new volume from each saved one and checks every byte against the saved "
                    "checksums. The backed-up server and its volumes are not changed.");
    else if (cp && !cp->volumes.isEmpty())
        lines << tr("StackVault restores the server's disk and a new volume from each saved one, checks every byte "
                    "against the saved checksums, and starts the new server with the volumes in their saved order. "
                    "The backed-up server and its volumes are not changed.");
    else
        lines << tr("StackVault creates a new image from the backup, checks every byte against the saved checksums, "
                    "and starts the new server from it. The backed-up server is not changed.");
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

} // namespace sv::ui
