#include "details/serverdetailswidget.h"

#include "cloudtree/serverstatustext.h"
#include "common/formatting.h"
#include "common/icons.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

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
    m_volumes = valueLabel(serverPage, "serverVolumesLabel");
    m_lastBackup = valueLabel(serverPage, "serverLastBackupLabel");
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Flavor:"), m_flavor);
    form->addRow(tr("Boot image:"), m_image);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Addresses:"), m_addresses);
    form->addRow(tr("Volumes:"), m_volumes);
    form->addRow(tr("Last backup:"), m_lastBackup);
    serverLayout->addLayout(form);
    serverLayout->addSpacing(12);

    m_includeData = new QCheckBox(tr("Include server data"), serverPage);
    m_includeData->setObjectName(QStringLiteral("includeDataCheck"));
    m_includeDataHelp = new QLabel(tr("Takes a snapshot first so that data written since boot is backed up; "
                                      "otherwise only the original image is saved."),
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

    // Volumes are not backed up yet: say so where the backup is started, by name.
    m_volumesNotIncluded = new QLabel(serverPage);
    m_volumesNotIncluded->setObjectName(QStringLiteral("volumesNotIncludedLabel"));
    m_volumesNotIncluded->setWordWrap(true);
    m_volumesNotIncluded->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverLayout->addWidget(m_volumesNotIncluded);

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
        if (hasServer())
            Q_EMIT backupRequested(m_cloudId, m_server, m_includeData->isChecked());
    });
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
    QStringList volumes;
    for (const VolumeEntry &volume : server.volumes)
        volumes.append(volume.name.isEmpty() ? volume.id : tr("%1 (%2)").arg(volume.name, volume.id));
    m_volumes->setText(volumes.isEmpty() ? tr("None") : volumes.join(QLatin1Char('\n')));
    const QString notIncluded = volumesNotIncluded(server);
    m_volumesNotIncluded->setText(notIncluded);
    m_volumesNotIncluded->setVisible(!notIncluded.isEmpty());
    if (!sameServer) {
        m_includeData->setChecked(m_includeDataDefault);
        m_lastBackup->setText(tr("Never"));
    }

    const QString reason = whyNotBackupable(server);
    m_notBackupable->setText(reason);
    m_notBackupable->setVisible(!reason.isEmpty());
    m_backupButton->setEnabled(reason.isEmpty());
    m_includeData->setEnabled(!server.bootsFromVolume());
    m_stack->setCurrentIndex(2);
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

QString ServerDetailsWidget::volumesNotIncluded(const ServerEntry &server)
{
    // A volume-booted server cannot be backed up at all (whyNotBackupable says so).
    if (server.bootsFromVolume() || server.volumes.isEmpty())
        return {};
    QStringList labels;
    for (const VolumeEntry &volume : server.volumes)
        labels.append(volume.name.isEmpty() ? volume.id : volume.name);
    return tr("Backups do NOT include the attached volumes: %1. StackVault does not back up volumes yet; only "
              "the server's boot disk is saved.")
        .arg(labels.join(QLatin1String(", ")));
}

QString ServerDetailsWidget::whyNotBackupable(const ServerEntry &server)
{
    if (server.bootsFromVolume())
        return tr("This server boots from a volume. StackVault cannot back up volume-backed servers yet; "
                  "only servers started from an image can be backed up.");
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
