#include "restorewizard/restoredetailspage.h"

#include "backend/checkpointentry.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restorewizard.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sv::ui {

namespace {
enum Column { NetworkColumn, AddressColumn, GroupsColumn };

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}
} // namespace

RestoreDetailsPage::RestoreDetailsPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("restoreDetailsPage"));
    setTitle(tr("Server details"));
    setSubTitle(tr("The restored server gets what the backup saved; change or clear anything here. The key pair and "
                   "the availability zone are on the previous page."));
    m_nics = new QTableWidget(0, 3, this);
    m_nics->setObjectName(QStringLiteral("nicsTable"));
    m_nics->setHorizontalHeaderLabels({tr("Network"), tr("Fixed IP"), tr("Security groups")});
    m_nics->horizontalHeader()->setStretchLastSection(true);
    m_nics->verticalHeader()->setVisible(false);
    m_nics->setMaximumHeight(120);
    m_nics->setToolTip(tr("One row per NIC, in order. A blank fixed IP lets the cloud choose; a taken one is "
                          "replaced by a new address, with a warning. Security groups: names separated by commas."));
    auto *removeNic = new QPushButton(tr("&Remove NIC"), this);
    removeNic->setObjectName(QStringLiteral("removeNicButton"));
    connect(removeNic, &QPushButton::clicked, this, [this] {
        if (m_nics->currentRow() >= 0)
            m_nics->removeRow(m_nics->currentRow());
    });
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("No tags"));
    m_metadata = new QPlainTextEdit(this);
    m_metadata->setObjectName(QStringLiteral("metadataEdit"));
    m_metadata->setPlaceholderText(tr("KEY=VALUE, one per line"));
    m_metadata->setMaximumHeight(80);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_serverGroup = new QLineEdit(this);
    m_serverGroup->setObjectName(QStringLiteral("serverGroupEdit"));
    m_serverGroup->setPlaceholderText(tr("No server group"));
    m_serverGroup->setToolTip(tr("A server group of this name in the target cloud; when there is none, the server is "
                                 "restored outside any group, with a warning."));
    m_configDrive = new QCheckBox(tr("&Config drive"), this);
    m_configDrive->setObjectName(QStringLiteral("configDriveCheck"));
    m_userData = new QCheckBox(tr("Pass the saved &user data"), this);
    m_userData->setObjectName(QStringLiteral("userDataCheck"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("detailsErrorLabel"));
    m_error->setWordWrap(true);

    auto *nicRow = new QHBoxLayout;
    nicRow->addWidget(m_nics, 1);
    nicRow->addWidget(removeNic, 0, Qt::AlignTop);
    auto *form = new QFormLayout;
    form->addRow(tr("&NICs:"), nicRow);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Metadata:"), m_metadata);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Server &group:"), m_serverGroup);
    form->addRow(QString(), m_configDrive);
    form->addRow(QString(), m_userData);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
}

bool RestoreDetailsPage::applies(const CheckpointEntry *checkpoint)
{
    return checkpoint && !checkpoint->userDataState.isEmpty();
}

void RestoreDetailsPage::addNic(const QString &networkId, const QString &networkName, const QString &ip, const QString &groups)
{
    const int row = m_nics->rowCount();
    m_nics->insertRow(row);
    auto *network = new QTableWidgetItem(networkName);
    network->setData(Qt::UserRole, networkId);
    network->setFlags(network->flags() & ~Qt::ItemIsEditable);
    m_nics->setItem(row, NetworkColumn, network);
    m_nics->setItem(row, AddressColumn, new QTableWidgetItem(ip));
    m_nics->setItem(row, GroupsColumn, new QTableWidgetItem(groups));
}

void RestoreDetailsPage::initializePage()
{
    const CheckpointEntry *cp = m_wizard->selectedCheckpoint();
    m_nics->setRowCount(0);
    m_error->clear();
    // The networks chosen on the server page, each with the saved NICs it had (address and groups).
    const auto *serverPage = qobject_cast<const RestoreServerPage *>(m_wizard->page(RestoreWizard::ServerPageId));
    const QStringList ids = serverPage ? serverPage->networkIds() : QStringList();
    const QStringList names = serverPage ? serverPage->networkNames() : QStringList();
    const QString serverGroups = field(QStringLiteral("securityGroups")).toStringList().join(QLatin1String(", "));
    QList<SavedNic> saved = cp ? cp->nics : QList<SavedNic>();
    if (ids == QStringList{QStringLiteral("none")}) {
        // No network: no NIC.
    } else if (ids.isEmpty() && cp) {
        // The target listed no networks: the saved NICs by name.
        for (const SavedNic &nic : std::as_const(saved))
            addNic(nic.networkName, nic.networkName, nic.fixedIps.value(0), nic.securityGroups.join(QLatin1String(", ")));
    } else {
        for (int i = 0; i < ids.size(); ++i) {
            const QString name = names.value(i);
            bool any = false;
            for (qsizetype n = 0; n < saved.size(); ++n) {
                if (saved.at(n).networkName != name)
                    continue;
                addNic(ids.at(i), name, saved.at(n).fixedIps.value(0), saved.at(n).securityGroups.join(QLatin1String(", ")));
                saved.removeAt(n--);
                any = true;
            }
            if (!any)
                addNic(ids.at(i), name, QString(), serverGroups);
        }
    }
    m_tags->setText(cp ? cp->tags.join(QLatin1String(", ")) : QString());
    QStringList lines;
    if (cp) {
        for (auto it = cp->serverMetadata.begin(); it != cp->serverMetadata.end(); ++it)
            lines.append(it.key() + QLatin1Char('=') + it.value().toString());
    }
    m_metadata->setPlainText(lines.join(QLatin1Char('\n')));
    m_description->setText(cp ? cp->description : QString());
    m_serverGroup->setText(cp ? cp->serverGroups.value(0) : QString());
    m_configDrive->setChecked(cp && cp->configDrive);
    const bool haveUserData = cp && cp->userDataState == QLatin1String("saved");
    m_userData->setEnabled(haveUserData);
    m_userData->setChecked(haveUserData);
    m_userData->setToolTip(haveUserData ? tr("The backup holds the server's user data (cloud-init); it is passed to the new "
                                             "server as it was.")
                           : cp && cp->userDataState == QLatin1String("not_visible")
                               ? tr("The cloud did not show the server's user data when it was backed up (only admins "
                                    "see it), so the backup has none.")
                               : tr("The server had no user data."));
}

bool RestoreDetailsPage::validatePage()
{
    for (int row = 0; row < m_nics->rowCount(); ++row) {
        const QString ip = m_nics->item(row, AddressColumn) ? m_nics->item(row, AddressColumn)->text().trimmed() : QString();
        if (!ip.isEmpty() && QHostAddress(ip).isNull()) {
            m_error->setText(tr("NIC %1: %2 is not an IP address. Correct it, or clear it to let the cloud choose.")
                                 .arg(row + 1)
                                 .arg(ip));
            return false;
        }
    }
    const QStringList lines = m_metadata->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0 || line.left(equals).trimmed().isEmpty()) {
            m_error->setText(tr("Metadata line \"%1\" is not KEY=VALUE.").arg(line.trimmed()));
            return false;
        }
    }
    m_error->clear();
    return true;
}

int RestoreDetailsPage::nextId() const
{
    return RestoreWizard::SummaryPageId;
}

QStringList RestoreDetailsPage::nicLines() const
{
    QStringList lines;
    for (int row = 0; row < m_nics->rowCount(); ++row) {
        auto text = [this, row](int column) {
            return m_nics->item(row, column) ? m_nics->item(row, column)->text().trimmed() : QString();
        };
        const QString ip = text(AddressColumn);
        const QStringList groups = splitList(text(GroupsColumn));
        lines << tr("%1, %2, %3")
                     .arg(text(NetworkColumn), ip.isEmpty() ? tr("the cloud chooses the address") : tr("fixed IP %1").arg(ip),
                          groups.isEmpty() ? tr("no security group") : tr("security groups %1").arg(groups.join(QLatin1String(", "))));
    }
    return lines;
}

RebuildChoices RestoreDetailsPage::choices() const
{
    RebuildChoices choices;
    choices.set = true;
    for (int row = 0; row < m_nics->rowCount(); ++row) {
        sv::RestoreRequest::Nic nic;
        nic.network = m_nics->item(row, NetworkColumn)->data(Qt::UserRole).toString();
        nic.fixedIp = m_nics->item(row, AddressColumn) ? m_nics->item(row, AddressColumn)->text().trimmed() : QString();
        nic.securityGroups = splitList(m_nics->item(row, GroupsColumn) ? m_nics->item(row, GroupsColumn)->text() : QString());
        choices.nics.append(nic);
    }
    choices.tags = splitList(m_tags->text());
    const QStringList lines = m_metadata->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            choices.metadata.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    choices.description = m_description->text().trimmed();
    choices.serverGroup = m_serverGroup->text().trimmed();
    choices.configDrive = m_configDrive->isChecked();
    choices.userData = m_userData->isChecked();
    return choices;
}

} // namespace sv::ui
