#include "dialogs/cloudprofilesdialog.h"

#include "common/icons.h"
#include "common/messagebox.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sv::ui {

namespace {
QLineEdit *field(QWidget *parent, const char *name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    return edit;
}
} // namespace

CloudProfilesDialog::CloudProfilesDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("cloudProfilesDialog"));
    setWindowTitle(tr("Manage Clouds"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profilesList"));
    auto *addButton = new QPushButton(icon(QStringLiteral("add")), tr("&Add"), this);
    addButton->setObjectName(QStringLiteral("addProfileButton"));
    m_removeButton = new QPushButton(icon(QStringLiteral("remove")), tr("&Remove…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    m_name = field(this, "profileNameEdit");
    m_authUrl = field(this, "authUrlEdit");
    m_authUrl->setPlaceholderText(QStringLiteral("https://keystone.example.com:5000/v3"));
    m_authType = new QComboBox(this);
    m_authType->setObjectName(QStringLiteral("authTypeCombo"));
    m_authType->addItem(tr("Password"), int(AuthType::Password));
    m_authType->addItem(tr("Application credential"), int(AuthType::ApplicationCredential));
    m_userName = field(this, "userNameEdit");
    m_userDomain = field(this, "userDomainEdit");
    m_userDomain->setPlaceholderText(QStringLiteral("Default"));
    m_projectName = field(this, "projectNameEdit");
    m_projectDomain = field(this, "projectDomainEdit");
    m_projectDomain->setPlaceholderText(QStringLiteral("Default"));
    m_credentialId = field(this, "credentialIdEdit");
    m_region = field(this, "regionEdit");
    m_secret = field(this, "secretEdit");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Unchanged when left empty"));
    m_verifyTls = new QCheckBox(tr("Verify the server's certificate"), this);
    m_verifyTls->setObjectName(QStringLiteral("verifyTlsCheck"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("profileStatusLabel"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Auth URL:"), m_authUrl);
    form->addRow(tr("Sign in &with:"), m_authType);
    form->addRow(tr("&User:"), m_userName);
    form->addRow(tr("User &domain:"), m_userDomain);
    form->addRow(tr("&Project:"), m_projectName);
    form->addRow(tr("Project d&omain:"), m_projectDomain);
    form->addRow(tr("&Credential ID:"), m_credentialId);
    form->addRow(tr("Re&gion:"), m_region);
    form->addRow(tr("Pass&word or secret:"), m_secret);
    form->addRow(QString(), m_verifyTls);
    auto *saveButton = new QPushButton(tr("&Save"), this);
    saveButton->setObjectName(QStringLiteral("saveProfileButton"));
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(saveButton);
    right->addLayout(saveRow);
    right->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    connect(addButton, &QPushButton::clicked, this, &CloudProfilesDialog::addNew);
    connect(m_removeButton, &QPushButton::clicked, this, &CloudProfilesDialog::removeSelected);
    connect(saveButton, &QPushButton::clicked, this, &CloudProfilesDialog::save);
    connect(m_authType, &QComboBox::currentIndexChanged, this, &CloudProfilesDialog::updateAuthFields);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        if (const auto profile = m_profiles->findById(m_list->item(row)->data(Qt::UserRole).toString()))
            showProfile(*profile);
    });
    reloadList();
    if (m_list->count() == 0)
        addNew();
    resize(760, 480);
}

void CloudProfilesDialog::reloadList(const QString &selectId)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const auto profiles = m_profiles->profiles();
    for (const CloudProfile &profile : profiles) {
        auto *item = new QListWidgetItem(icon(QStringLiteral("cloud")), profile.name, m_list);
        item->setData(Qt::UserRole, profile.id);
        if (profile.id == selectId)
            m_list->setCurrentItem(item);
    }
    m_removeButton->setEnabled(m_list->count() > 0);
    if (m_list->currentRow() < 0 && m_list->count() > 0 && selectId.isEmpty()) {
        m_list->setCurrentRow(0);
        if (const auto profile = m_profiles->findById(m_list->item(0)->data(Qt::UserRole).toString()))
            showProfile(*profile);
    }
}

void CloudProfilesDialog::showProfile(const CloudProfile &profile)
{
    m_currentId = profile.id;
    m_name->setText(profile.name);
    m_authUrl->setText(profile.authUrl.toString());
    m_authType->setCurrentIndex(m_authType->findData(int(profile.authType)));
    m_userName->setText(profile.userName);
    m_userDomain->setText(profile.userDomainName);
    m_projectName->setText(profile.projectName);
    m_projectDomain->setText(profile.projectDomainName);
    m_credentialId->setText(profile.applicationCredentialId);
    m_region->setText(profile.regionName);
    m_secret->clear();
    m_verifyTls->setChecked(profile.verifyTls);
    updateAuthFields();
    setStatus({}, false);
}

void CloudProfilesDialog::addNew()
{
    CloudProfile fresh;
    showProfile(fresh);
    m_list->clearSelection();
    m_name->setFocus();
    setStatus(tr("Fill in the new cloud and click Save."), false);
}

CloudProfile CloudProfilesDialog::formProfile() const
{
    CloudProfile profile;
    if (!m_currentId.isEmpty()) {
        if (const auto existing = m_profiles->findById(m_currentId))
            profile = *existing;
    }
    profile.id = m_currentId;
    profile.name = m_name->text();
    profile.authUrl = QUrl(m_authUrl->text().trimmed());
    profile.authType = AuthType(m_authType->currentData().toInt());
    profile.userName = m_userName->text().trimmed();
    profile.userDomainName = m_userDomain->text().trimmed();
    profile.projectName = m_projectName->text().trimmed();
    profile.projectDomainName = m_projectDomain->text().trimmed();
    profile.applicationCredentialId = m_credentialId->text().trimmed();
    profile.regionName = m_region->text().trimmed();
    profile.verifyTls = m_verifyTls->isChecked();
    return profile;
}

void CloudProfilesDialog::save()
{
    CloudProfile profile = formProfile();
    if (const QString why = profile.validationError(); !why.isEmpty()) {
        setStatus(why, true);
        return;
    }
    QString error;
    const bool isNew = profile.id.isEmpty();
    if (isNew && m_secret->text().isEmpty()) {
        setStatus(tr("Enter the password or application credential secret."), true);
        return;
    }
    if (!(isNew ? m_profiles->add(profile, &error) : m_profiles->update(profile, &error))) {
        setStatus(error, true);
        return;
    }
    m_currentId = profile.id;
    reloadList(profile.id);
    const QString secret = m_secret->text();
    m_secret->clear();
    if (secret.isEmpty()) {
        setStatus(tr("Saved."), false);
        return;
    }
    setStatus(tr("Saving the password in the keyring…"), false);
    const QString id = profile.id;
    m_secrets->write(id, secret, this, [this, id](const SecretResult &result) {
        if (result.ok())
            setStatus(tr("Saved. The password is in the desktop keyring."), false);
        else
            setStatus(tr("The cloud was saved, but its password was not: %1").arg(result.message), true);
        Q_EMIT secretSaved(id, result.ok());
    });
}

void CloudProfilesDialog::removeSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    MessageBox::question(this, tr("Remove Cloud"),
                         tr("Remove the cloud “%1” and its password from this computer? Backups are kept.").arg(item->text()),
                         QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
                         [this, id](QMessageBox::StandardButton answer) {
                             if (answer != QMessageBox::Yes)
                                 return;
                             QString error;
                             if (!m_profiles->remove(id, &error)) {
                                 setStatus(error, true);
                                 return;
                             }
                             reloadList();
                             if (m_list->count() == 0)
                                 addNew();
                             else
                                 setStatus(tr("Removed."), false);
                         });
}

void CloudProfilesDialog::updateAuthFields()
{
    const bool password = AuthType(m_authType->currentData().toInt()) == AuthType::Password;
    m_credentialId->setEnabled(!password);
    m_projectName->setEnabled(password);
    m_projectDomain->setEnabled(password);
}

void CloudProfilesDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

QString CloudProfilesDialog::statusText() const
{
    return m_status->text();
}

} // namespace sv::ui
