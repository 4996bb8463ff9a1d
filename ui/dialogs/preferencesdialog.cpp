#include "dialogs/preferencesdialog.h"

#include "bank/s3bank.h"
#include "bank/swiftbank.h"
#include "common/languagemanager.h"
#include "util/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sv::ui {

PreferencesDialog::PreferencesDialog(AppSettings *settings, const QStringList &cloudNames, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    const QString location = settings->bankLocation();
    QString swiftCloud;
    QString swiftContainer;
    const bool swift = SwiftBank::parseSpec(location, &swiftCloud, &swiftContainer);
    QString s3ProfileName;
    QString s3Bucket;
    const bool s3 = S3Bank::parseSpec(location, &s3ProfileName, &s3Bucket);

    m_storageKind = new QComboBox(this);
    m_storageKind->setObjectName(QStringLiteral("storageKindCombo"));
    m_storageKind->addItem(tr("Local folder"));
    m_storageKind->addItem(tr("Swift container"));
    m_storageKind->addItem(tr("S3 bucket"));

    m_bankLocation = new QLineEdit(swift || s3 ? AppSettings::defaultBankLocation() : location, this);
    m_bankLocation->setObjectName(QStringLiteral("bankLocationEdit"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("bankLocationBrowse"));
    auto *folderPage = new QWidget(this);
    auto *bankRow = new QHBoxLayout(folderPage);
    bankRow->setContentsMargins(0, 0, 0, 0);
    bankRow->addWidget(m_bankLocation, 1);
    bankRow->addWidget(browse);

    // A container of one of the saved clouds: backups outgrow one disk there.
    m_swiftCloud = new QComboBox(this);
    m_swiftCloud->setObjectName(QStringLiteral("swiftCloudCombo"));
    m_swiftCloud->addItems(cloudNames);
    if (swift && !cloudNames.contains(swiftCloud))
        m_swiftCloud->addItem(swiftCloud); // a cloud removed since: still shown, so nothing changes silently
    if (swift)
        m_swiftCloud->setCurrentText(swiftCloud);
    m_swiftContainer = new QLineEdit(swift ? swiftContainer : QStringLiteral("stackvault-backups"), this);
    m_swiftContainer->setObjectName(QStringLiteral("swiftContainerEdit"));
    auto *swiftPage = new QWidget(this);
    auto *swiftForm = new QFormLayout(swiftPage);
    swiftForm->setContentsMargins(0, 0, 0, 0);
    swiftForm->addRow(tr("&Cloud:"), m_swiftCloud);
    swiftForm->addRow(tr("C&ontainer:"), m_swiftContainer);
    auto *swiftHelp = new QLabel(tr("The container is created if it does not exist yet."), swiftPage);
    swiftHelp->setWordWrap(true);
    swiftForm->addRow(QString(), swiftHelp);

    // A bucket of an S3 service (AWS, Ceph RGW, an OpenStack cloud's Swift with s3api): the profile is
    // saved in the settings, the secret key only in the keychain.
    const std::optional<S3Profile> saved = settings->s3Profile(s3 ? s3ProfileName : QString());
    const QList<S3Profile> profiles = settings->s3Profiles();
    const S3Profile shown = saved ? *saved : (profiles.isEmpty() ? S3Profile{} : profiles.constFirst());
    const auto makeEdit = [this](const QString &name, const QString &text) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(name);
        connect(edit, &QLineEdit::textChanged, this, &PreferencesDialog::updateControls);
        return edit;
    };
    m_s3Profile = makeEdit(QStringLiteral("s3ProfileEdit"), s3 ? s3ProfileName : shown.name);
    m_s3Endpoint = makeEdit(QStringLiteral("s3EndpointEdit"), shown.endpoint.toString());
    m_s3Endpoint->setPlaceholderText(tr("https://s3.example.com"));
    m_s3Region = makeEdit(QStringLiteral("s3RegionEdit"), shown.region);
    m_s3Addressing = new QComboBox(this);
    m_s3Addressing->setObjectName(QStringLiteral("s3AddressingCombo"));
    m_s3Addressing->addItem(tr("Path style (host/bucket)"));
    m_s3Addressing->addItem(tr("Virtual-host style (bucket.host)"));
    m_s3Addressing->setCurrentIndex(shown.virtualHostStyle ? 1 : 0);
    m_s3AccessKey = makeEdit(QStringLiteral("s3AccessKeyEdit"), shown.accessKeyId);
    m_s3Secret = makeEdit(QStringLiteral("s3SecretEdit"), QString());
    m_s3Secret->setEchoMode(QLineEdit::Password);
    m_s3Secret->setPlaceholderText(saved ? tr("Unchanged (kept in the keyring)") : tr("Kept in the keyring"));
    m_s3Bucket = makeEdit(QStringLiteral("s3BucketEdit"), s3 ? s3Bucket : QStringLiteral("stackvault-backups"));
    m_s3Problem = new QLabel(this);
    m_s3Problem->setObjectName(QStringLiteral("s3ProblemLabel"));
    m_s3Problem->setWordWrap(true);
    auto *s3Page = new QWidget(this);
    auto *s3Form = new QFormLayout(s3Page);
    s3Form->setContentsMargins(0, 0, 0, 0);
    s3Form->addRow(tr("&Profile:"), m_s3Profile);
    s3Form->addRow(tr("&Endpoint:"), m_s3Endpoint);
    s3Form->addRow(tr("&Region:"), m_s3Region);
    s3Form->addRow(tr("&Addressing:"), m_s3Addressing);
    s3Form->addRow(tr("Access &key ID:"), m_s3AccessKey);
    s3Form->addRow(tr("S&ecret key:"), m_s3Secret);
    s3Form->addRow(tr("&Bucket:"), m_s3Bucket);
    s3Form->addRow(QString(), m_s3Problem);

    m_storagePages = new QStackedWidget(this);
    m_storagePages->addWidget(folderPage);
    m_storagePages->addWidget(swiftPage);
    m_storagePages->addWidget(s3Page);
    m_storageKind->setCurrentIndex(s3 ? 2 : swift ? 1 : 0);
    connect(m_storageKind, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateControls);

    m_includeData = new QCheckBox(tr("Include server data by default"), this);
    m_includeData->setObjectName(QStringLiteral("includeDataDefaultCheck"));
    QString snapshotProblem;
    m_includeData->setChecked(settings->enableServerSnapshot(&snapshotProblem));
    auto *includeHelp = new QLabel(tr("Takes a snapshot first so that data written since boot is backed up; "
                                      "otherwise only the original image is saved."),
                                   this);
    includeHelp->setObjectName(QStringLiteral("includeDataDefaultHelp"));
    includeHelp->setWordWrap(true);
    // An unreadable value in the settings file: shown here, and replaced when the dialog is saved.
    if (!snapshotProblem.isEmpty())
        includeHelp->setText(includeHelp->text() + QLatin1Char('\n') + snapshotProblem + QLatin1Char(' ')
                             + tr("OK saves the choice above in its place."));

    // Which attached volumes are checked in the details pane at first (back_up_volumes).
    m_volumes = new QComboBox(this);
    m_volumes->setObjectName(QStringLiteral("backUpVolumesCombo"));
    m_volumes->addItem(tr("All attached volumes"), int(VolumeSelection::Mode::All));
    m_volumes->addItem(tr("No volume"), int(VolumeSelection::Mode::None));
    m_volumes->addItem(tr("Only the volumes named below"), int(VolumeSelection::Mode::Named));
    m_volumeNames = new QLineEdit(this);
    m_volumeNames->setObjectName(QStringLiteral("backUpVolumeNamesEdit"));
    m_volumeNames->setPlaceholderText(tr("Names or IDs, separated by commas"));
    QString volumesProblem;
    const VolumeSelection volumes = settings->backUpVolumes(&volumesProblem);
    m_volumes->setCurrentIndex(m_volumes->findData(int(volumes.mode)));
    m_volumeNames->setText(volumes.names.join(QLatin1String(", ")));
    m_volumesHelp = new QLabel(tr("Checked at first in the details pane when “Include server data” is on; each "
                                  "backup can change it."),
                               this);
    m_volumesHelp->setObjectName(QStringLiteral("backUpVolumesHelp"));
    m_volumesHelp->setWordWrap(true);
    if (!volumesProblem.isEmpty())
        m_volumesHelp->setText(m_volumesHelp->text() + QLatin1Char('\n') + volumesProblem + QLatin1Char(' ')
                               + tr("OK saves the choice above in its place."));
    m_volumesProblem = !volumesProblem.isEmpty();
    connect(m_volumes, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateControls);
    connect(m_volumeNames, &QLineEdit::textChanged, this, &PreferencesDialog::updateControls);

    m_concurrentJobs = new QSpinBox(this);
    m_concurrentJobs->setObjectName(QStringLiteral("concurrentJobsSpin"));
    m_concurrentJobs->setRange(1, AppSettings::MaxConcurrentJobs);
    m_concurrentJobs->setValue(settings->concurrentJobs());

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    const auto languages = LanguageManager::availableLanguages();
    for (const LanguageManager::Language &language : languages)
        m_language->addItem(language.nativeName, language.code);
    const int current = m_language->findData(settings->language());
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    auto *languageNote = new QLabel(tr("A new language is used after StackVault is restarted."), this);
    languageNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Backup &storage:"), m_storageKind);
    form->addRow(QString(), m_storagePages);
    form->addRow(QString(), m_includeData);
    form->addRow(QString(), includeHelp);
    form->addRow(tr("Back up &volumes:"), m_volumes);
    form->addRow(QString(), m_volumeNames);
    form->addRow(QString(), m_volumesHelp);
    form->addRow(tr("&Jobs at the same time:"), m_concurrentJobs);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browse);
    connect(m_swiftContainer, &QLineEdit::textChanged, this, &PreferencesDialog::updateControls);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    updateControls();
    resize(560, sizeHint().height());
}

void PreferencesDialog::updateControls()
{
    m_storagePages->setCurrentIndex(m_storageKind->currentIndex());
    // A Swift container needs a saved cloud; without any, say so instead of accepting nonsense.
    // "Only the volumes named" needs at least one name.
    const bool named = m_volumes->currentData().toInt() == int(VolumeSelection::Mode::Named);
    m_volumeNames->setEnabled(named);
    // An S3 bucket needs a valid profile, a bucket name and (for a profile not saved yet) a secret key.
    const bool s3 = m_storageKind->currentIndex() == 2;
    QString s3Problem;
    if (s3) {
        const S3Profile profile = s3ProfileFromPage();
        s3Problem = profile.validationError();
        const QString bucket = m_s3Bucket->text().trimmed();
        if (s3Problem.isEmpty() && (bucket.isEmpty() || bucket.contains(QLatin1Char('/'))))
            s3Problem = tr("Give a bucket name (without '/').");
        if (s3Problem.isEmpty() && m_s3Secret->text().isEmpty() && !m_settings->s3Profile(profile.name))
            s3Problem = tr("Give the secret key: it is kept in the keyring, never in the settings file.");
    }
    m_s3Problem->setText(s3Problem);
    m_s3Problem->setVisible(!s3Problem.isEmpty());
    auto *ok = findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    if (ok && ok->button(QDialogButtonBox::Ok)) {
        const bool swift = m_storageKind->currentIndex() == 1;
        ok->button(QDialogButtonBox::Ok)->setEnabled((!swift
                                                      || (m_swiftCloud->count() > 0
                                                          && !m_swiftContainer->text().trimmed().isEmpty()
                                                          && !m_swiftContainer->text().contains(QLatin1Char('/'))))
                                                     && (!s3 || s3Problem.isEmpty())
                                                     && (!named || volumeSelection().has_value()));
    }
}

std::optional<VolumeSelection> PreferencesDialog::volumeSelection() const
{
    switch (VolumeSelection::Mode(m_volumes->currentData().toInt())) {
    case VolumeSelection::Mode::All:
        return VolumeSelection::all();
    case VolumeSelection::Mode::None:
        return VolumeSelection::none();
    case VolumeSelection::Mode::Named:
        break;
    }
    // The CLI's --volumes syntax; "all" or "none" typed here mean just that.
    const std::optional<VolumeSelection> parsed = VolumeSelection::parse(m_volumeNames->text());
    if (!parsed || (parsed->mode == VolumeSelection::Mode::Named && parsed->names.isEmpty()))
        return std::nullopt;
    return parsed;
}

S3Profile PreferencesDialog::s3ProfileFromPage() const
{
    S3Profile profile;
    profile.name = m_s3Profile->text().trimmed();
    profile.endpoint = QUrl(m_s3Endpoint->text().trimmed(), QUrl::StrictMode);
    profile.region = m_s3Region->text().trimmed();
    profile.virtualHostStyle = m_s3Addressing->currentIndex() == 1;
    profile.accessKeyId = m_s3AccessKey->text().trimmed();
    return profile;
}

void PreferencesDialog::browse()
{
    // open() rather than a static getExistingDirectory(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Backup Storage Folder"), m_bankLocation->text());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { m_bankLocation->setText(path); });
    dialog->open();
}

void PreferencesDialog::accept()
{
    QString location = m_bankLocation->text().trimmed();
    if (location.isEmpty())
        location = AppSettings::defaultBankLocation();
    if (m_storageKind->currentIndex() == 1)
        location = QStringLiteral("swift:") + m_swiftCloud->currentText() + QLatin1Char('/')
            + m_swiftContainer->text().trimmed();
    if (m_storageKind->currentIndex() == 2) {
        const S3Profile profile = s3ProfileFromPage();
        if (!m_settings->setS3Profile(profile))
            return; // OK is disabled while the profile is not valid
        if (!m_s3Secret->text().isEmpty())
            Q_EMIT s3SecretEntered(profile.keychainKey(), m_s3Secret->text());
        location = QStringLiteral("s3:") + profile.name + QLatin1Char('/') + m_s3Bucket->text().trimmed();
    }
    if (location != m_settings->bankLocation())
        m_settings->setBankLocation(location);
    QString snapshotProblem;
    if (m_includeData->isChecked() != m_settings->enableServerSnapshot(&snapshotProblem) || !snapshotProblem.isEmpty())
        m_settings->setEnableServerSnapshot(m_includeData->isChecked());
    if (const std::optional<VolumeSelection> volumes = volumeSelection();
        volumes && (m_volumesProblem || !(*volumes == m_settings->backUpVolumes())))
        m_settings->setBackUpVolumes(*volumes);
    if (m_concurrentJobs->value() != m_settings->concurrentJobs())
        m_settings->setConcurrentJobs(m_concurrentJobs->value());
    const QString language = m_language->currentData().toString();
    if (language != m_settings->language())
        m_settings->setLanguage(language);
    m_settings->sync();
    QDialog::accept();
}

} // namespace sv::ui
