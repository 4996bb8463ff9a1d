#include "dialogs/preferencesdialog.h"

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

    m_storageKind = new QComboBox(this);
    m_storageKind->setObjectName(QStringLiteral("storageKindCombo"));
    m_storageKind->addItem(tr("Local folder"));
    m_storageKind->addItem(tr("Swift container"));

    m_bankLocation = new QLineEdit(swift ? AppSettings::defaultBankLocation() : location, this);
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

    m_storagePages = new QStackedWidget(this);
    m_storagePages->addWidget(folderPage);
    m_storagePages->addWidget(swiftPage);
    m_storageKind->setCurrentIndex(swift ? 1 : 0);
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
    auto *ok = findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    if (ok && ok->button(QDialogButtonBox::Ok)) {
        const bool swift = m_storageKind->currentIndex() == 1;
        ok->button(QDialogButtonBox::Ok)->setEnabled((!swift
                                                      || (m_swiftCloud->count() > 0
                                                          && !m_swiftContainer->text().trimmed().isEmpty()
                                                          && !m_swiftContainer->text().contains(QLatin1Char('/'))))
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
