#include "details/serverdetailswidget.h"

#include "cloudtree/serverstatustext.h"
#include "common/formatting.h"
#include "common/icons.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sv::ui {

namespace {
QLabel *valueLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}
} // namespace

ServerDetailsWidget::ServerDetailsWidget(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("serverDetails"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // 0: nothing selected
    m_placeholder = new QLabel(tr("Select a server to see its details."), m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);

    // 1: a cloud
    auto *cloudPage = new QWidget(m_stack);
    auto *cloudForm = new QFormLayout(cloudPage);
    m_cloudName = valueLabel(cloudPage, "cloudNameLabel");
    m_cloudProject = valueLabel(cloudPage, "cloudProjectLabel");
    m_cloudRegion = valueLabel(cloudPage, "cloudRegionLabel");
    m_cloudServers = valueLabel(cloudPage, "cloudServersLabel");
    cloudForm->addRow(tr("Cloud:"), m_cloudName);
    cloudForm->addRow(tr("Project:"), m_cloudProject);
    cloudForm->addRow(tr("Region:"), m_cloudRegion);
    cloudForm->addRow(tr("Servers:"), m_cloudServers);
    m_stack->addWidget(cloudPage);

    // 2: a server
    auto *serverPage = new QWidget(m_stack);
    auto *serverLayout = new QVBoxLayout(serverPage);
    auto *form = new QFormLayout;
    m_name = valueLabel(serverPage, "serverNameLabel");
    m_status = valueLabel(serverPage, "serverStatusLabel");
    m_flavor = valueLabel(serverPage, "serverFlavorLabel");
    m_image = valueLabel(serverPage, "serverImageLabel");
    m_created = valueLabel(serverPage, "serverCreatedLabel");
    m_addresses = valueLabel(serverPage, "serverAddressesLabel");
    m_lastBackup = valueLabel(serverPage, "serverLastBackupLabel");
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Flavor:"), m_flavor);
    form->addRow(tr("Boot image:"), m_image);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Addresses:"), m_addresses);
    form->addRow(tr("Last backup:"), m_lastBackup);
    serverLayout->addLayout(form);
    serverLayout->addSpacing(12);

    m_includeData = new QCheckBox(tr("Include server data"), serverPage);
    m_includeData->setObjectName(QStringLiteral("includeDataCheck"));
    m_includeDataHelp = new QLabel(tr("Takes snapshots first so that data written since boot is backed up, on the "
                                      "root disk and on the chosen volumes; otherwise only the original image is "
                                      "saved."),
                                   serverPage);
    m_includeDataHelp->setObjectName(QStringLiteral("includeDataHelp"));
    m_includeDataHelp->setWordWrap(true);
    m_includeDataHelp->setIndent(24);
    QPalette helpPalette = m_includeDataHelp->palette();
    helpPalette.setColor(QPalette::WindowText, helpPalette.color(QPalette::Disabled, QPalette::WindowText));
    m_includeDataHelp->setPalette(helpPalette);
    m_includeData->setToolTip(m_includeDataHelp->text());
    serverLayout->addWidget(m_includeData);
    serverLayout->addWidget(m_includeDataHelp);

    // Exactly what the Back Up button saves: the root disk (unless the server boots from a volume) and
    // each attached volume, checked by default as the back_up_volumes setting says.
    m_contents = new QGroupBox(tr("The backup contains"), serverPage);
    m_contents->setObjectName(QStringLiteral("backupContentsBox"));
    m_rootDisk = valueLabel(m_contents, "rootDiskLabel");
    m_volumeList = new QListWidget(m_contents);
    m_volumeList->setObjectName(QStringLiteral("volumesList"));
    m_volumeList->setToolTip(tr("Check the volumes to back up with the server."));
    m_volumesNote = valueLabel(m_contents, "volumesNoteLabel");
    auto *contentsLayout = new QVBoxLayout(m_contents);
    contentsLayout->addWidget(m_rootDisk);
    contentsLayout->addWidget(m_volumeList);
    contentsLayout->addWidget(m_volumesNote);
    serverLayout->addWidget(m_contents);

    m_notBackupable = new QLabel(serverPage);
    m_notBackupable->setObjectName(QStringLiteral("notBackupableLabel"));
    m_notBackupable->setWordWrap(true);
    serverLayout->addWidget(m_notBackupable);

    m_backupButton = new QPushButton(icon(QStringLiteral("backup")), tr("&Back Up"), serverPage);
    m_backupButton->setObjectName(QStringLiteral("backupButton"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_backupButton);
    buttonRow->addStretch();
    serverLayout->addLayout(buttonRow);
    serverLayout->addStretch();
    m_stack->addWidget(serverPage);

    // 3: a cloud that could not be loaded
    auto *errorPage = new QWidget(m_stack);
    auto *errorLayout = new QVBoxLayout(errorPage);
    m_errorText = valueLabel(errorPage, "cloudErrorLabel");
    m_retryButton = new QPushButton(icon(QStringLiteral("refresh")), tr("&Retry"), errorPage);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retryButton);
    retryRow->addStretch();
    errorLayout->addWidget(m_errorText);
    errorLayout->addLayout(retryRow);
    errorLayout->addStretch();
    m_stack->addWidget(errorPage);

    connect(m_backupButton, &QPushButton::clicked, this, [this] {
        if (hasServer() && canBackUp())
            Q_EMIT backupRequested(m_cloudId, m_server, m_includeData->isChecked(), volumeSelection());
    });
    connect(m_includeData, &QCheckBox::toggled, this, &ServerDetailsWidget::updateContents);
    connect(m_retryButton, &QPushButton::clicked, this, &ServerDetailsWidget::retryRequested);
    showNothing();
}

void ServerDetailsWidget::showNothing()
{
    m_cloudId.clear();
    m_server = {};
    m_stack->setCurrentIndex(0);
}

void ServerDetailsWidget::showCloud(const QString &name, const QString &project, const QString &region,
                                    int serverCount)
{
    m_server = {};
    m_cloudName->setText(name);
    m_cloudProject->setText(project.isEmpty() ? tr("(default)") : project);
    m_cloudRegion->setText(region.isEmpty() ? tr("(default)") : region);
    m_cloudServers->setText(serverCount < 0 ? tr("Not loaded yet") : QString::number(serverCount));
    m_stack->setCurrentIndex(1);
}

void ServerDetailsWidget::showServer(const QString &cloudId, const ServerEntry &server)
{
    const bool sameServer = m_server.id == server.id && m_cloudId == cloudId;
    m_cloudId = cloudId;
    m_server = server;
    m_name->setText(server.name);
    m_status->setText(serverStatusText(server.status, server.taskState));
    m_flavor->setText(server.flavorName);
    if (server.bootsFromVolume())
        m_image->setText(tr("None (boots from a volume)"));
    else
        m_image->setText(server.imageName.isEmpty() ? server.imageId : server.imageName);
    m_created->setText(formatDateTime(server.created));
    m_addresses->setText(server.addresses.join(QLatin1Char('\n')));
    if (!sameServer) {
        const QSignalBlocker blocker(m_includeData);
        m_includeData->setChecked(m_includeDataDefault);
        m_lastBackup->setText(tr("Never"));
    }
    fillVolumes(sameServer);
    updateContents();
    m_stack->setCurrentIndex(2);
}

void ServerDetailsWidget::fillVolumes(bool keepChoices)
{
    // A refresh of the same server keeps what the user checked; new volumes get the default.
    QHash<QString, bool> checked;
    if (keepChoices) {
        for (int i = 0; i < m_volumeList->count(); ++i) {
            const QListWidgetItem *item = m_volumeList->item(i);
            checked.insert(item->data(Qt::UserRole).toString(), item->checkState() == Qt::Checked);
        }
    }
    m_volumeList->clear();
    for (const VolumeEntry &volume : std::as_const(m_server.volumes)) {
        auto *item = new QListWidgetItem(icon(QStringLiteral("volume")),
                                         formatVolume(volume.label(), volume.sizeGiB, volume.device, volume.boot),
                                         m_volumeList);
        item->setData(Qt::UserRole, volume.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool on = checked.contains(volume.id) ? checked.value(volume.id)
                                                    : m_volumesDefault.includes(volume.id, volume.name);
        item->setCheckState(volume.boot || on ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("ID: %1").arg(volume.id));
    }
    // As tall as its rows (up to five; more scroll), so one volume does not take a big empty box.
    if (m_volumeList->count() > 0) {
        const int rows = std::min(int(m_volumeList->count()), 5);
        m_volumeList->setFixedHeight(m_volumeList->sizeHintForRow(0) * rows + 2 * m_volumeList->frameWidth() + 2);
    }
}

void ServerDetailsWidget::updateContents()
{
    const bool withData = m_includeData->isChecked();
    const bool bootFromVolume = m_server.bootsFromVolume();
    const QString imageName = m_server.imageName.isEmpty() ? m_server.imageId : m_server.imageName;
    if (bootFromVolume)
        m_rootDisk->setText(withData ? tr("The server boots from a volume: its boot volume is saved with a snapshot, "
                                          "like the other volumes checked below.")
                                     : QString());
    else
        m_rootDisk->setText(withData ? tr("Root disk: a snapshot of the running server (data written since boot "
                                          "included).")
                                     : tr("Root disk: the original image %1 (data written since boot NOT included).")
                                           .arg(imageName));
    m_rootDisk->setVisible(!m_rootDisk->text().isEmpty());

    m_volumeList->setVisible(!m_server.volumes.isEmpty());
    for (int i = 0; i < m_volumeList->count(); ++i) {
        QListWidgetItem *item = m_volumeList->item(i);
        const bool boot = i < m_server.volumes.size() && m_server.volumes.at(i).boot;
        // The boot volume of a boot-from-volume server is its disk: always part of a backup with data.
        Qt::ItemFlags flags = Qt::ItemIsUserCheckable;
        if (withData && !boot)
            flags |= Qt::ItemIsEnabled;
        item->setFlags(flags);
    }
    QString note;
    if (!withData && bootFromVolume)
        note = tr("Without server data nothing of this server can be saved: it boots from a volume, and a volume "
                  "has no original image.");
    else if (!withData && !m_server.volumes.isEmpty())
        note = tr("With “Include server data” off, only the original image is saved; no volume is backed up.");
    else if (m_server.volumes.isEmpty())
        note = tr("No volume is attached.");
    m_volumesNote->setText(note);
    m_volumesNote->setVisible(!note.isEmpty());

    const QString reason = whyNotBackupable(m_server, withData);
    m_notBackupable->setText(reason);
    m_notBackupable->setVisible(!reason.isEmpty());
    m_backupButton->setEnabled(reason.isEmpty());
    Q_EMIT backupAvailabilityChanged(hasServer() && reason.isEmpty());
}

void ServerDetailsWidget::showError(const QString &cloudName, const QString &message)
{
    m_server = {};
    m_errorText->setText(tr("StackVault could not load the servers of the cloud “%1”:\n%2").arg(cloudName, message));
    m_stack->setCurrentIndex(3);
}

void ServerDetailsWidget::setLastBackup(const QString &text)
{
    m_lastBackup->setText(text.isEmpty() ? tr("Never") : text);
}

void ServerDetailsWidget::setIncludeDataDefault(bool includeData)
{
    m_includeDataDefault = includeData;
    m_includeData->setChecked(includeData);
}

bool ServerDetailsWidget::includeData() const
{
    return m_includeData->isChecked();
}

void ServerDetailsWidget::setIncludeData(bool includeData)
{
    m_includeData->setChecked(includeData);
}

void ServerDetailsWidget::setVolumesDefault(const VolumeSelection &volumes)
{
    m_volumesDefault = volumes;
    if (hasServer()) {
        fillVolumes(false);
        updateContents();
    }
}

VolumeSelection ServerDetailsWidget::volumeSelection() const
{
    VolumeSelection selection;
    selection.mode = VolumeSelection::Mode::None;
    if (!m_includeData->isChecked())
        return selection;
    for (int i = 0; i < m_volumeList->count(); ++i) {
        const QListWidgetItem *item = m_volumeList->item(i);
        if (item->checkState() == Qt::Checked)
            selection.names.append(item->data(Qt::UserRole).toString());
    }
    if (!selection.names.isEmpty())
        selection.mode = VolumeSelection::Mode::Named;
    return selection;
}

void ServerDetailsWidget::setVolumeChecked(const QString &volumeId, bool checked)
{
    for (int i = 0; i < m_volumeList->count(); ++i) {
        QListWidgetItem *item = m_volumeList->item(i);
        if (item->data(Qt::UserRole).toString() == volumeId && (item->flags() & Qt::ItemIsEnabled))
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

bool ServerDetailsWidget::canBackUp() const
{
    return hasServer() && whyNotBackupable(m_server, m_includeData->isChecked()).isEmpty();
}

QString ServerDetailsWidget::whyNotBackupable(const ServerEntry &server, bool includeData)
{
    if (server.bootsFromVolume() && !includeData)
        return tr("“%1” boots from a volume and cannot be backed up without its data: there is no original image "
                  "to save. Turn on “Include server data” to back it up from snapshots of its volumes.")
            .arg(server.name.isEmpty() ? server.id : server.name);
    if (!server.taskState.isEmpty())
        return tr("The server is busy (%1). Wait until it has finished, then try again.").arg(server.taskState);
    static const QStringList allowed = {QStringLiteral("ACTIVE"), QStringLiteral("SHUTOFF"), QStringLiteral("PAUSED"),
                                        QStringLiteral("SUSPENDED")};
    if (!allowed.contains(server.status))
        return tr("A server can be backed up when it is active, shut off, paused or suspended; this one is “%1”.")
            .arg(serverStatusText(server.status));
    return {};
}

} // namespace sv::ui
