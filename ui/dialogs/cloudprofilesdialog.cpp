#include "dialogs/cloudprofilesdialog.h"

#include "backend/backend.h"
#include "common/icons.h"
#include "common/messagebox.h"
#include "profiles/cloudconfigimporter.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaObject>
#include <QPushButton>
#include <QThreadPool>
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

CloudProfilesDialog::CloudProfilesDialog(ProfileStore *profiles, SecretStore *secrets, Backend *backend,
                                         QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_backend(backend)
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
    m_importFileButton = new QPushButton(tr("Import &clouds.yaml…"), this);
    m_importFileButton->setObjectName(QStringLiteral("importFileButton"));
    m_importFileButton->setToolTip(tr("Add the clouds of an OpenStack clouds.yaml file (a secure.yaml next to it is read too)"));
    m_importEnvButton = new QPushButton(tr("Import &OS_* Variables"), this);
    m_importEnvButton->setObjectName(QStringLiteral("importEnvironmentButton"));
    m_importEnvButton->setToolTip(tr("Add the cloud described by the OS_* variables StackVault was started with (an openrc file)"));
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    left->addWidget(m_importFileButton);
    left->addWidget(m_importEnvButton);

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
    m_caBundle = field(this, "caBundleEdit");
    m_caBundle->setPlaceholderText(tr("System certificates"));
    // Turning verification off is a per-cloud choice that must never look harmless.
    m_insecureWarning = new QLabel(tr("Warning: the server's identity is not checked for this cloud. Anyone on "
                                      "the network path can read the password and the backups. Use a CA bundle "
                                      "instead if the cloud has its own certificate authority."),
                                   this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureTlsWarning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_insecureWarning->setVisible(false);
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
    form->addRow(tr("CA &bundle:"), m_caBundle);
    form->addRow(QString(), m_verifyTls);
    form->addRow(QString(), m_insecureWarning);
    auto *saveButton = new QPushButton(tr("&Save"), this);
    saveButton->setObjectName(QStringLiteral("saveProfileButton"));
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status);
    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_testButton);
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
    connect(m_testButton, &QPushButton::clicked, this, &CloudProfilesDialog::testConnection);
    connect(m_backend, &Backend::connectionTested, this, [this](bool ok, const QString &message) {
        if (m_testing)
            finishTest(ok, message);
    });
    connect(m_importFileButton, &QPushButton::clicked, this, &CloudProfilesDialog::chooseImportFile);
    connect(m_importEnvButton, &QPushButton::clicked, this, [this] { importEnvironment(); });
    connect(m_authType, &QComboBox::currentIndexChanged, this, &CloudProfilesDialog::updateAuthFields);
    connect(m_verifyTls, &QCheckBox::toggled, this, [this](bool verify) { m_insecureWarning->setVisible(!verify); });
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
    m_caBundle->setText(profile.caBundlePath);
    m_verifyTls->setChecked(profile.verifyTls);
    m_insecureWarning->setVisible(!profile.verifyTls);
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
    profile.caBundlePath = m_caBundle->text().trimmed();
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

void CloudProfilesDialog::testConnection()
{
    const CloudProfile profile = formProfile();
    if (const QString why = profile.validationError(); !why.isEmpty()) {
        finishTest(false, why);
        return;
    }
    const QString typed = m_secret->text();
    if (typed.isEmpty() && profile.id.isEmpty()) {
        finishTest(false, tr("Enter the password or application credential secret."));
        return;
    }
    m_testButton->setEnabled(false);
    setStatus(tr("Connecting to %1…").arg(profile.authUrl.host()), false);
    m_testing = true;
    m_backend->testConnection(profile, typed);
}

void CloudProfilesDialog::finishTest(bool ok, const QString &message)
{
    m_testing = false;
    m_testButton->setEnabled(true);
    const QString text = ok ? message : tr("Could not connect: %1").arg(message);
    setStatus(text, !ok);
    Q_EMIT connectionTested(ok, text);
}

void CloudProfilesDialog::chooseImportFile()
{
    // Not the static getOpenFileName(): that would run a nested event loop.
    auto *chooser = new QFileDialog(this, tr("Import clouds.yaml"));
    chooser->setObjectName(QStringLiteral("importFileChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setNameFilters({tr("OpenStack configuration (clouds.yaml clouds.yml clouds.json)"),
                             tr("YAML or JSON files (*.yaml *.yml *.json)")});
    chooser->setDirectory(QDir::home().filePath(QStringLiteral(".config/openstack")));
    connect(chooser, &QFileDialog::fileSelected, this, &CloudProfilesDialog::importFile);
    chooser->open();
}

void CloudProfilesDialog::importFile(const QString &cloudsFile)
{
    setStatus(tr("Reading %1…").arg(QDir::toNativeSeparators(cloudsFile)), false);
    ++m_importsPending;
    const QPointer<CloudProfilesDialog> self(this);
    // Reading and parsing files stays off the GUI thread.
    QThreadPool::globalInstance()->start([self, cloudsFile] {
        const QDir dir = QFileInfo(cloudsFile).absoluteDir();
        QString secureFile;
        for (const char *name : {"secure.yaml", "secure.yml", "secure.json"}) {
            if (QFileInfo::exists(dir.filePath(QLatin1String(name)))) {
                secureFile = dir.filePath(QLatin1String(name));
                break;
            }
        }
        const CloudImportResult result = CloudConfigImporter::importFiles(cloudsFile, secureFile);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, result] {
            if (self)
                self->addImported(result);
        }, Qt::QueuedConnection);
    });
}

void CloudProfilesDialog::importEnvironment(const QProcessEnvironment &environment)
{
    setStatus(tr("Reading the OS_* variables…"), false);
    ++m_importsPending;
    const QPointer<CloudProfilesDialog> self(this);
    const QString current = QDir::currentPath();
    // OS_CLOUD reads clouds.yaml: off the GUI thread too.
    QThreadPool::globalInstance()->start([self, environment, current] {
        const CloudImportResult result = CloudConfigImporter::importEnvironment(environment, current);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, result] {
            if (self)
                self->addImported(result);
        }, Qt::QueuedConnection);
    });
}

void CloudProfilesDialog::addImported(const CloudImportResult &result)
{
    --m_importsPending;
    struct Outcome
    {
        int added = 0;
        int secretsPending = 0;
        QStringList errors;
        QStringList notes;
    };
    auto outcome = std::make_shared<Outcome>();
    outcome->errors = result.errors;
    QString lastId;
    struct PendingSecret
    {
        QString id;
        QString name;
        QString secret;
    };
    QList<PendingSecret> secrets;
    for (const ImportedCloud &cloud : result.clouds) {
        CloudProfile profile = cloud.profile;
        QString error;
        if (!m_profiles->add(profile, &error)) {
            outcome->errors << tr("“%1” was not imported: %2").arg(profile.name, error);
            continue;
        }
        ++outcome->added;
        outcome->notes << cloud.notes;
        lastId = profile.id;
        if (!cloud.secret.isEmpty())
            secrets.append(PendingSecret{profile.id, profile.name, cloud.secret});
    }
    outcome->secretsPending = int(secrets.size());
    if (result.clouds.isEmpty() && outcome->errors.isEmpty())
        outcome->errors << tr("No cloud was found there.");
    reloadList(lastId);
    if (!lastId.isEmpty()) {
        if (const auto profile = m_profiles->findById(lastId))
            showProfile(*profile);
    }
    auto report = [this, outcome] {
        QStringList lines;
        if (outcome->added > 0)
            lines << tr("Imported %n cloud(s).", nullptr, outcome->added);
        lines << outcome->errors << outcome->notes;
        setStatus(lines.join(QLatin1Char('\n')), !outcome->errors.isEmpty());
        Q_EMIT importFinished(outcome->added, outcome->errors);
    };
    if (outcome->secretsPending == 0) {
        report();
        return;
    }
    // Secrets go to the keychain, never into the profiles file; report once every write answered.
    for (const PendingSecret &pending : std::as_const(secrets)) {
        m_secrets->write(pending.id, pending.secret, this, [outcome, report, name = pending.name](const SecretResult &written) {
            if (!written.ok())
                outcome->errors << tr("“%1” was imported, but its password was not saved: %2").arg(name, written.message);
            if (--outcome->secretsPending == 0)
                report();
        });
    }
}

} // namespace sv::ui
