#include "dialogs/preferencesdialog.h"

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
#include <QVBoxLayout>

namespace sv::ui {

PreferencesDialog::PreferencesDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_bankLocation = new QLineEdit(settings->bankLocation(), this);
    m_bankLocation->setObjectName(QStringLiteral("bankLocationEdit"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("bankLocationBrowse"));
    auto *bankRow = new QHBoxLayout;
    bankRow->addWidget(m_bankLocation, 1);
    bankRow->addWidget(browse);

    m_includeData = new QCheckBox(tr("Include server data by default"), this);
    m_includeData->setObjectName(QStringLiteral("includeDataDefaultCheck"));
    m_includeData->setChecked(settings->enableServerSnapshot());
    auto *includeHelp = new QLabel(tr("Takes a snapshot first so that data written since boot is backed up; "
                                      "otherwise only the original image is saved."),
                                   this);
    includeHelp->setWordWrap(true);

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
    form->addRow(tr("Backup &storage folder:"), bankRow);
    form->addRow(QString(), m_includeData);
    form->addRow(QString(), includeHelp);
    form->addRow(tr("&Jobs at the same time:"), m_concurrentJobs);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
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
    const QString location = m_bankLocation->text().trimmed();
    if (location != m_settings->bankLocation())
        m_settings->setBankLocation(location.isEmpty() ? AppSettings::defaultBankLocation() : location);
    if (m_includeData->isChecked() != m_settings->enableServerSnapshot())
        m_settings->setEnableServerSnapshot(m_includeData->isChecked());
    if (m_concurrentJobs->value() != m_settings->concurrentJobs())
        m_settings->setConcurrentJobs(m_concurrentJobs->value());
    const QString language = m_language->currentData().toString();
    if (language != m_settings->language())
        m_settings->setLanguage(language);
    m_settings->sync();
    QDialog::accept();
}

} // namespace sv::ui
