#include "restorewizard/restoreserverpage.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "restorewizard/restoredetailspage.h"
#include "restorewizard/restorewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sv::ui {

RestoreServerPage::RestoreServerPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("serverPage"));
    setTitle(tr("Server Options"));
    setSubTitle(tr("How should the restored server look? The values saved with the backup are suggested."));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("serverNameEdit"));
    m_flavor = new QComboBox(this);
    m_flavor->setObjectName(QStringLiteral("flavorCombo"));
    m_networks = new QListWidget(this);
    m_networks->setObjectName(QStringLiteral("networksList"));
    m_networks->setMaximumHeight(110);
    m_networks->setToolTip(tr("Check every network the server should have a port on (in this order). None "
                              "checked: no network."));
    m_availabilityZone = new QLineEdit(this);
    m_availabilityZone->setObjectName(QStringLiteral("availabilityZoneEdit"));
    m_availabilityZone->setPlaceholderText(tr("Let the cloud choose"));
    m_keyPair = new QComboBox(this);
    m_keyPair->setObjectName(QStringLiteral("keyPairCombo"));
    m_securityGroups = new QListWidget(this);
    m_securityGroups->setObjectName(QStringLiteral("securityGroupsList"));
    m_securityGroups->setMaximumHeight(110);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("serverOptionsStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Flavor:"), m_flavor);
    form->addRow(tr("Net&works:"), m_networks);
    form->addRow(tr("&Key pair:"), m_keyPair);
    form->addRow(tr("&Security groups:"), m_securityGroups);
    form->addRow(tr("&Availability zone:"), m_availabilityZone);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);

    registerField(QStringLiteral("serverName*"), m_name);
    registerField(QStringLiteral("flavorId"), m_flavor, "currentData", SIGNAL(currentIndexChanged(int)));
    registerField(QStringLiteral("networkIds"), this, "networkIds", SIGNAL(networksChanged()));
    registerField(QStringLiteral("availabilityZone"), m_availabilityZone);
    registerField(QStringLiteral("keyName"), m_keyPair, "currentData", SIGNAL(currentIndexChanged(int)));
    registerField(QStringLiteral("securityGroups"), this, "securityGroups", SIGNAL(securityGroupsChanged()));
    connect(m_securityGroups, &QListWidget::itemChanged, this, &RestoreServerPage::securityGroupsChanged);
    connect(m_networks, &QListWidget::itemChanged, this, &RestoreServerPage::networksChanged);
    connect(m_flavor, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);

    Backend *backend = wizard->backend();
    connect(backend, &Backend::targetOptionsReady, this, &RestoreServerPage::onOptionsReady);
    connect(backend, &Backend::targetOptionsFailed, this, &RestoreServerPage::onOptionsFailed);
}

void RestoreServerPage::initializePage()
{
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    if (cp && m_name->text().isEmpty())
        m_name->setText(tr("%1-restored").arg(cp->serverName));
    m_cloudId = field(QStringLiteral("targetCloudId")).toString();
    m_region = field(QStringLiteral("targetRegion")).toString().trimmed();
    // The zone saved with the backup exists in the backup's own cloud; another cloud's zones rarely
    // share its name, so there the cloud chooses unless the user names one.
    if (m_zoneDefaultedFor != m_cloudId) {
        m_zoneDefaultedFor = m_cloudId;
        const bool sameCloud = cp && cp->cloudId == m_cloudId;
        m_availabilityZone->setText(sameCloud ? cp->availabilityZone : QString());
        m_availabilityZone->setToolTip(cp && !cp->availabilityZone.isEmpty()
                                           ? tr("The backed-up server ran in zone %1.").arg(cp->availabilityZone)
                                           : QString());
    }
    m_loaded = false;
    m_flavor->clear();
    m_networks->clear();
    m_keyPair->clear();
    m_securityGroups->clear();
    m_status->setText(tr("Asking the target cloud for its flavors, networks and key pairs…"));
    Q_EMIT completeChanged();
    m_wizard->backend()->requestTargetOptions(m_cloudId, m_region);
}

void RestoreServerPage::onOptionsReady(const QString &cloudId, const QString &region, const TargetOptions &options)
{
    if (cloudId != m_cloudId || region != m_region || m_loaded)
        return;
    m_options = options;
    m_loaded = true;
    fill();
    Q_EMIT completeChanged();
}

void RestoreServerPage::onOptionsFailed(const QString &cloudId, const QString &region, const QString &message)
{
    if (cloudId != m_cloudId || region != m_region)
        return;
    m_status->setText(tr("The target cloud could not be asked: %1\nGo back to choose another target, or try again.")
                          .arg(message));
}

void RestoreServerPage::fill()
{
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    const qint64 minDisk = cp ? cp->minDiskGiB : 0;
    const qint64 minRam = cp ? cp->minRamMiB : 0;
    QList<FlavorEntry> flavors = m_options.flavors;
    std::sort(flavors.begin(), flavors.end(), [](const FlavorEntry &a, const FlavorEntry &b) {
        return std::tie(a.ramMiB, a.vcpus, a.diskGiB, a.name) < std::tie(b.ramMiB, b.vcpus, b.diskGiB, b.name);
    });
    int hidden = 0;
    for (const FlavorEntry &flavor : std::as_const(flavors)) {
        // A flavor with disk 0 takes the image's size; otherwise it must hold the image.
        if ((flavor.diskGiB != 0 && flavor.diskGiB < minDisk) || flavor.ramMiB < minRam) {
            ++hidden;
            continue;
        }
        m_flavor->addItem(tr("%1 (%2 vCPU, %3 RAM, %4 GB disk)")
                              .arg(flavor.name)
                              .arg(flavor.vcpus)
                              .arg(formatBytes(flavor.ramMiB * 1024 * 1024))
                              .arg(flavor.diskGiB),
                          flavor.id);
        if (cp && flavor.name == cp->flavorName)
            m_flavor->setCurrentIndex(m_flavor->count() - 1);
    }

    QStringList missing; // saved with the backup, absent in the target
    if (m_options.networks.isEmpty()) {
        // The target did not list networks (no Neutron, or not allowed): the restore uses the saved ones.
        auto *item = new QListWidgetItem(cp && !cp->networkNames.isEmpty()
                                             ? tr("As saved with the backup: %1").arg(cp->networkNames.join(QLatin1String(", ")))
                                             : tr("As saved with the backup"),
                                         m_networks);
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    } else {
        for (const TargetOptions::Network &network : std::as_const(m_options.networks)) {
            auto *item = new QListWidgetItem(network.name, m_networks);
            item->setData(Qt::UserRole, network.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(cp && cp->networkNames.contains(network.name) ? Qt::Checked : Qt::Unchecked);
        }
        if (cp) {
            for (const QString &saved : cp->networkNames) {
                if (std::none_of(m_options.networks.cbegin(), m_options.networks.cend(),
                                 [&](const TargetOptions::Network &n) { return n.name == saved; }))
                    missing << saved;
            }
        }
    }
    Q_EMIT networksChanged();
    m_keyPair->addItem(tr("(no key pair)"), QString());
    for (const QString &name : std::as_const(m_options.keyPairs)) {
        m_keyPair->addItem(name, name);
        if (cp && name == cp->keyName)
            m_keyPair->setCurrentIndex(m_keyPair->count() - 1);
    }
    for (const QString &group : std::as_const(m_options.securityGroups)) {
        auto *item = new QListWidgetItem(group, m_securityGroups);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(cp && (cp->securityGroups.contains(group)) ? Qt::Checked : Qt::Unchecked);
    }
    if (cp && !m_options.securityGroups.isEmpty()) {
        for (const QString &saved : cp->securityGroups) {
            if (!m_options.securityGroups.contains(saved))
                missing << saved;
        }
    }
    Q_EMIT securityGroupsChanged();
    QStringList notes;
    if (!missing.isEmpty())
        notes << tr("Saved with the backup but not found in the target, so not chosen: %1.")
                     .arg(missing.join(QLatin1String(", ")));
    if (hidden > 0)
        notes << tr("%n flavor(s) hidden: too small for the image (needs %1 GB disk, %2 MiB RAM).", nullptr, hidden)
                     .arg(minDisk)
                     .arg(minRam);
    if (m_flavor->count() == 0)
        notes << tr("The target offers no flavor big enough for this backup.");
    m_status->setText(notes.join(QLatin1Char('\n')));
}

int RestoreServerPage::nextId() const
{
    return RestoreDetailsPage::applies(m_wizard->selectedCheckpoint()) ? RestoreWizard::DetailsPageId
                                                                         : RestoreWizard::SummaryPageId;
}

QStringList RestoreServerPage::networkIds() const
{
    if (m_options.networks.isEmpty())
        return {};
    QStringList ids;
    for (int i = 0; i < m_networks->count(); ++i) {
        if (m_networks->item(i)->checkState() == Qt::Checked)
            ids << m_networks->item(i)->data(Qt::UserRole).toString();
    }
    // Nova's "none": a server without a network port (microversion 2.37 and later).
    return ids.isEmpty() ? QStringList{QStringLiteral("none")} : ids;
}

QStringList RestoreServerPage::networkNames() const
{
    QStringList names;
    for (int i = 0; i < m_networks->count(); ++i) {
        if (m_networks->item(i)->checkState() == Qt::Checked)
            names << m_networks->item(i)->text();
    }
    return names;
}

QStringList RestoreServerPage::securityGroups() const
{
    QStringList groups;
    for (int i = 0; i < m_securityGroups->count(); ++i) {
        if (m_securityGroups->item(i)->checkState() == Qt::Checked)
            groups << m_securityGroups->item(i)->text();
    }
    return groups;
}

bool RestoreServerPage::isComplete() const
{
    return m_loaded && m_flavor->currentIndex() >= 0 && QWizardPage::isComplete();
}

bool RestoreServerPage::validatePage()
{
    // Checked against what the target offered (loaded asynchronously when the page opened): no
    // waiting here, and nothing is created before the summary.
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_status->setText(tr("The new server needs a name."));
        return false;
    }
    const QString flavorId = m_flavor->currentData().toString();
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    const auto flavor = std::find_if(m_options.flavors.cbegin(), m_options.flavors.cend(),
                                     [&](const FlavorEntry &f) { return f.id == flavorId; });
    if (flavor == m_options.flavors.cend()) {
        m_status->setText(tr("The chosen flavor does not exist in the target."));
        return false;
    }
    if (cp && flavor->diskGiB != 0 && flavor->diskGiB < cp->minDiskGiB) {
        m_status->setText(tr("The flavor's disk (%1 GB) is smaller than the image needs (%2 GB).")
                              .arg(flavor->diskGiB)
                              .arg(cp->minDiskGiB));
        return false;
    }
    const QStringList networks = networkIds();
    for (const QString &networkId : networks) {
        if (networkId != u"none"
            && std::none_of(m_options.networks.cbegin(), m_options.networks.cend(),
                            [&](const TargetOptions::Network &n) { return n.id == networkId; })) {
            m_status->setText(tr("The chosen network does not exist in the target."));
            return false;
        }
    }
    const QStringList groups = securityGroups();
    for (const QString &group : groups) {
        if (!m_options.securityGroups.contains(group)) {
            m_status->setText(tr("The security group “%1” does not exist in the target.").arg(group));
            return false;
        }
    }
    const QString key = m_keyPair->currentData().toString();
    if (!key.isEmpty() && !m_options.keyPairs.contains(key)) {
        m_status->setText(tr("The key pair “%1” does not exist in the target.").arg(key));
        return false;
    }
    return true;
}

} // namespace sv::ui
