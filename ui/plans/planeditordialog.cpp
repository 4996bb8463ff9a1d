#include "plans/planeditordialog.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "plans/planformat.h"
#include "protection/bankservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace sv::ui {

namespace {
const char *const KeepKeys[] = {"keep_last", "keep_hourly", "keep_daily", "keep_weekly", "keep_monthly", "keep_yearly"};
constexpr int PreviewShown = 200; // rows of the preview list; the count says how many match in all
} // namespace

QList<std::pair<QString, QJsonObject>> PlanEditorDialog::retentionPresets()
{
    return {
        {tr("Keep everything"), {}},
        {tr("7 daily, 4 weekly, 6 monthly"),
         {{QStringLiteral("keep_daily"), 7}, {QStringLiteral("keep_weekly"), 4}, {QStringLiteral("keep_monthly"), 6}}},
        {tr("24 hourly, 7 daily, 4 weekly"),
         {{QStringLiteral("keep_hourly"), 24}, {QStringLiteral("keep_daily"), 7}, {QStringLiteral("keep_weekly"), 4}}},
        {tr("14 daily, 8 weekly, 12 monthly, 3 yearly"),
         {{QStringLiteral("keep_daily"), 14},
          {QStringLiteral("keep_weekly"), 8},
          {QStringLiteral("keep_monthly"), 12},
          {QStringLiteral("keep_yearly"), 3}}},
        {tr("The last 10 backups"), {{QStringLiteral("keep_last"), 10}}},
        {tr("Custom"), {}},
    };
}

PlanEditorDialog::PlanEditorDialog(PlansService *service, const std::optional<Plan> &plan, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("planEditorDialog"));
    if (plan) {
        m_original = *plan;
        m_previousName = plan->name;
        setWindowTitle(tr("Edit Plan “%1”").arg(plan->name));
    } else {
        m_original.bank = service->defaultBank();
        m_original.schedule = PlanSchedule{PlanSchedule::Kind::Daily, 0, 2, 1, {}};
        m_original.retention = retentionPresets().at(1).second;
        setWindowTitle(tr("New Plan"));
    }

    auto *content = new QWidget;
    m_sections = new QVBoxLayout(content);
    // One section per group of options; a new group is one more line here.
    m_sections->addWidget(createGeneralSection());
    m_sections->addWidget(createServersSection());
    m_sections->addWidget(createBackupSection());
    m_sections->addWidget(createScheduleSection());
    m_sections->addWidget(createRetentionSection());
    m_sections->addWidget(createRunSection());
    m_sections->addWidget(createRestoreTestSection());
    m_sections->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("planEditorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_validationLabel = new QLabel(this);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setTextFormat(Qt::PlainText);
    auto *validationIcon = new QLabel(this);
    validationIcon->setObjectName(QStringLiteral("validationIcon"));
    validationIcon->setPixmap(icon(QStringLiteral("status-error")).pixmap(style()->pixelMetric(QStyle::PM_SmallIconSize)));
    auto *validationRow = new QHBoxLayout;
    validationRow->addWidget(validationIcon, 0, Qt::AlignTop);
    validationRow->addWidget(m_validationLabel, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("planEditorButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save Plan"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("savePlanButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PlanEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PlanEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(validationRow);
    layout->addWidget(m_buttons);

    loadGeneral(m_original);
    loadServers(m_original);
    loadBackup(m_original);
    loadSchedule(m_original);
    loadRetention(m_original);
    loadRun(m_original);
    loadRestoreTest(m_original);

    connect(m_service, &PlansService::serversReady, this, &PlanEditorDialog::onServersReady);
    connect(m_service, &PlansService::serversFailed, this, &PlanEditorDialog::onServersFailed);
    connect(m_service, &PlansService::nextRunsReady, this, [this](int requestId, const QList<QDateTime> &runs, const QString &why) {
        if (requestId != m_nextRunsRequest)
            return; // an older schedule's answer
        QStringList times;
        for (const QDateTime &run : runs)
            times.append(formatDateTime(run));
        const QString text = runs.isEmpty() ? why : tr("Next runs: %1").arg(times.join(QStringLiteral("; ")));
        m_nextRunsLabel->setText(text);
        Q_EMIT nextRunsShown(text);
    });
    validate();
    onCloudChosen();
    requestNextRuns();
    resize(720, 760);
}

// ---- General ---------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createGeneralSection()
{
    auto *box = new QGroupBox(tr("Plan"));
    box->setObjectName(QStringLiteral("generalSection"));
    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(QStringLiteral("planNameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. nightly-prod"));
    m_enabledCheck = new QCheckBox(tr("&Enabled (scheduled runs back up; a disabled plan's scheduled runs do nothing)"), box);
    m_enabledCheck->setObjectName(QStringLiteral("enabledCheck"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(QString(), m_enabledCheck);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &PlanEditorDialog::validate);
    connect(m_enabledCheck, &QCheckBox::toggled, this, &PlanEditorDialog::validate);
    return box;
}

void PlanEditorDialog::loadGeneral(const Plan &plan)
{
    m_nameEdit->setText(plan.name);
    m_enabledCheck->setChecked(plan.enabled);
}

void PlanEditorDialog::storeGeneral(Plan &plan) const
{
    plan.name = m_nameEdit->text().trimmed();
    plan.enabled = m_enabledCheck->isChecked();
}

// ---- Servers ---------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createServersSection()
{
    auto *box = new QGroupBox(tr("Servers"));
    box->setObjectName(QStringLiteral("serversSection"));
    m_sourcesList = new QListWidget(box);
    m_sourcesList->setObjectName(QStringLiteral("sourcesList"));
    m_sourcesList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sourcesList->setMaximumHeight(110);
    m_removeSourceButton = new QPushButton(icon(QStringLiteral("remove")), tr("Re&move"), box);
    m_removeSourceButton->setObjectName(QStringLiteral("removeSourceButton"));

    m_cloudCombo = new QComboBox(box);
    m_cloudCombo->setObjectName(QStringLiteral("cloudCombo"));
    m_cloudCombo->addItems(m_service->cloudNames());
    m_explicitRadio = new QRadioButton(tr("C&hosen servers"), box);
    m_explicitRadio->setObjectName(QStringLiteral("explicitRadio"));
    m_selectorRadio = new QRadioButton(tr("Servers matching a &selector (evaluated at every run: new servers are "
                                          "picked up)"),
                                       box);
    m_selectorRadio->setObjectName(QStringLiteral("selectorRadio"));
    m_selectorRadio->setChecked(true);

    // Chosen servers: a checklist of the cloud's servers now.
    auto *explicitPage = new QWidget(box);
    m_serverPickList = new QListWidget(explicitPage);
    m_serverPickList->setObjectName(QStringLiteral("serverPickList"));
    m_serverPickList->setUniformItemSizes(true);
    m_addServersButton = new QPushButton(icon(QStringLiteral("add")), tr("&Add Checked Servers"), explicitPage);
    m_addServersButton->setObjectName(QStringLiteral("addServersButton"));
    auto *explicitLayout = new QVBoxLayout(explicitPage);
    explicitLayout->setContentsMargins(0, 0, 0, 0);
    explicitLayout->addWidget(m_serverPickList);
    explicitLayout->addWidget(m_addServersButton, 0, Qt::AlignRight);

    // A selector: tag and name pattern, with the servers it matches now.
    auto *selectorPage = new QWidget(box);
    m_tagEdit = new QLineEdit(selectorPage);
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    m_tagEdit->setPlaceholderText(tr("any tag"));
    m_patternEdit = new QLineEdit(selectorPage);
    m_patternEdit->setObjectName(QStringLiteral("namePatternEdit"));
    m_patternEdit->setPlaceholderText(tr("any name (wildcards: * ? [abc])"));
    m_allProjectsCheck = new QCheckBox(tr("In &all projects (the cloud's admin credentials; listed at each run)"), selectorPage);
    m_allProjectsCheck->setObjectName(QStringLiteral("allProjectsCheck"));
    m_previewLabel = new QLabel(selectorPage);
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setWordWrap(true);
    m_previewList = new QListWidget(selectorPage);
    m_previewList->setObjectName(QStringLiteral("previewList"));
    m_previewList->setUniformItemSizes(true);
    m_previewList->setSelectionMode(QAbstractItemView::NoSelection);
    m_addSelectorButton = new QPushButton(icon(QStringLiteral("add")), tr("Add Se&lector"), selectorPage);
    m_addSelectorButton->setObjectName(QStringLiteral("addSelectorButton"));
    auto *selectorForm = new QFormLayout;
    selectorForm->addRow(tr("With &tag:"), m_tagEdit);
    selectorForm->addRow(tr("Named &like:"), m_patternEdit);
    selectorForm->addRow(QString(), m_allProjectsCheck);
    auto *selectorLayout = new QVBoxLayout(selectorPage);
    selectorLayout->setContentsMargins(0, 0, 0, 0);
    selectorLayout->addLayout(selectorForm);
    selectorLayout->addWidget(m_previewLabel);
    selectorLayout->addWidget(m_previewList);
    selectorLayout->addWidget(m_addSelectorButton, 0, Qt::AlignRight);

    m_addStack = new QStackedWidget(box);
    m_addStack->addWidget(explicitPage);
    m_addStack->addWidget(selectorPage);
    m_addStack->setCurrentIndex(1);
    m_serversStatus = new QLabel(box);
    m_serversStatus->setObjectName(QStringLiteral("serversStatusLabel"));
    m_serversStatus->setWordWrap(true);

    auto *sourcesRow = new QHBoxLayout;
    sourcesRow->addWidget(m_sourcesList, 1);
    sourcesRow->addWidget(m_removeSourceButton, 0, Qt::AlignTop);
    auto *cloudRow = new QHBoxLayout;
    cloudRow->addWidget(new QLabel(tr("Add from cloud:"), box));
    cloudRow->addWidget(m_cloudCombo, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(new QLabel(tr("This plan backs up:"), box));
    layout->addLayout(sourcesRow);
    layout->addLayout(cloudRow);
    layout->addWidget(m_explicitRadio);
    layout->addWidget(m_selectorRadio);
    layout->addWidget(m_addStack);
    layout->addWidget(m_serversStatus);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(250); // typing a pattern updates the preview once it pauses
    connect(&m_previewTimer, &QTimer::timeout, this, &PlanEditorDialog::updatePreview);
    connect(m_tagEdit, &QLineEdit::textChanged, this, [this] { m_previewTimer.start(); });
    connect(m_patternEdit, &QLineEdit::textChanged, this, [this] { m_previewTimer.start(); });
    connect(m_allProjectsCheck, &QCheckBox::toggled, this, [this] { m_previewTimer.start(); });
    connect(m_cloudCombo, &QComboBox::currentTextChanged, this, &PlanEditorDialog::onCloudChosen);
    connect(m_selectorRadio, &QRadioButton::toggled, this, [this](bool selector) {
        m_addStack->setCurrentIndex(selector ? 1 : 0);
    });
    connect(m_addServersButton, &QPushButton::clicked, this, &PlanEditorDialog::addCheckedServers);
    connect(m_addSelectorButton, &QPushButton::clicked, this, &PlanEditorDialog::addSelector);
    connect(m_removeSourceButton, &QPushButton::clicked, this, &PlanEditorDialog::removeSelectedSources);
    connect(m_sourcesList, &QListWidget::itemSelectionChanged, this, [this] {
        m_removeSourceButton->setEnabled(!m_sourcesList->selectedItems().isEmpty());
    });
    return box;
}

void PlanEditorDialog::loadServers(const Plan &plan)
{
    m_sources = plan.sources;
    refreshSourcesList();
    if (!plan.sources.isEmpty() && m_cloudCombo->findText(plan.sources.constFirst().cloud) >= 0)
        m_cloudCombo->setCurrentText(plan.sources.constFirst().cloud);
}

void PlanEditorDialog::storeServers(Plan &plan) const
{
    plan.sources = m_sources;
}

void PlanEditorDialog::refreshSourcesList()
{
    m_sourcesList->clear();
    for (const PlanSource &source : std::as_const(m_sources)) {
        auto *item = new QListWidgetItem(icon(source.isSelector() ? QStringLiteral("cloud") : QStringLiteral("server")),
                                         source.describe(), m_sourcesList);
        item->setToolTip(source.isSelector() ? tr("A selector: evaluated at every run.") : tr("One server, by name or id."));
    }
    m_removeSourceButton->setEnabled(false);
    validate();
}

void PlanEditorDialog::onCloudChosen()
{
    const QString cloud = m_cloudCombo->currentText();
    if (cloud.isEmpty()) {
        m_serversStatus->setText(tr("No cloud is saved: add one under Cloud → Manage Clouds first."));
        m_addServersButton->setEnabled(false);
        m_addSelectorButton->setEnabled(false);
        return;
    }
    m_addSelectorButton->setEnabled(true);
    const auto it = m_cloudServers.constFind(cloud);
    if (it == m_cloudServers.cend()) {
        m_cloudServers.insert(cloud, {});
        m_serversStatus->setText(tr("Listing the servers of %1…").arg(cloud));
        m_service->requestServers(cloud); // answered by onServersReady / onServersFailed
    } else if (it->loaded) {
        m_serversStatus->setText(it->error.isEmpty() ? tr("%n server(s) in %1 now.", nullptr, int(it->servers.size())).arg(cloud)
                                                     : tr("The servers of %1 could not be listed: %2").arg(cloud, it->error));
    }
    fillServerPickList();
    updatePreview();
}

void PlanEditorDialog::onServersReady(const QString &cloud, const QList<PlanServerChoice> &servers, bool tagsShown)
{
    CloudServers &entry = m_cloudServers[cloud];
    entry.loaded = true;
    entry.tagsShown = tagsShown;
    entry.error.clear();
    entry.servers = servers;
    if (cloud != m_cloudCombo->currentText())
        return;
    m_serversStatus->setText(tr("%n server(s) in %1 now.", nullptr, int(servers.size())).arg(cloud));
    fillServerPickList();
    updatePreview();
}

void PlanEditorDialog::onServersFailed(const QString &cloud, const QString &message)
{
    CloudServers &entry = m_cloudServers[cloud];
    entry.loaded = true;
    entry.error = message;
    entry.servers.clear();
    if (cloud != m_cloudCombo->currentText())
        return;
    m_serversStatus->setText(tr("The servers of %1 could not be listed: %2").arg(cloud, message));
    fillServerPickList();
    updatePreview();
}

void PlanEditorDialog::fillServerPickList()
{
    m_serverPickList->clear();
    const CloudServers entry = m_cloudServers.value(m_cloudCombo->currentText());
    for (const PlanServerChoice &server : entry.servers) {
        auto *item = new QListWidgetItem(serverStatusIcon(server.status, {}), server.name, m_serverPickList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, server.id);
        item->setToolTip(server.tags.isEmpty() ? server.id : tr("%1 — tags: %2").arg(server.id, server.tags.join(QStringLiteral(", "))));
    }
    m_addServersButton->setEnabled(!entry.servers.isEmpty());
}

void PlanEditorDialog::updatePreview()
{
    const QString cloud = m_cloudCombo->currentText();
    const int generation = ++m_previewGeneration;
    m_previewList->clear();
    m_previewNames.clear();
    const PlanSource source{cloud, {}, m_tagEdit->text(), m_patternEdit->text(), m_allProjectsCheck->isChecked()};
    const CloudServers entry = m_cloudServers.value(cloud);
    if (source.allProjects && !cloud.isEmpty() && source.validationError().isEmpty()) {
        // The preview lists the profile's own project only; other projects are listed when the plan runs.
        const QString note = tr("No preview for all projects: the servers of every project of %1 are listed when "
                                "the plan runs (its credentials need the admin role).")
                                 .arg(cloud);
        m_previewLabel->setText(note);
        Q_EMIT previewUpdated({}, note);
        return;
    }
    QString problem = cloud.isEmpty() ? tr("Choose a cloud.") : source.validationError();
    if (problem.isEmpty() && entry.loaded && !entry.error.isEmpty())
        problem = tr("No preview: the servers of %1 could not be listed.").arg(cloud);
    if (problem.isEmpty() && entry.loaded && !source.tag.isEmpty() && !entry.tagsShown)
        problem = tr("Cloud %1 does not show servers' tags (its compute API is older than 2.26): a selector with a "
                     "tag would choose none of its servers.")
                      .arg(cloud);
    if (!problem.isEmpty()) {
        m_previewLabel->setText(problem);
        Q_EMIT previewUpdated({}, problem);
        return;
    }
    if (!entry.loaded) {
        m_previewLabel->setText(tr("Listing the servers of %1…").arg(cloud));
        return; // onServersReady() calls again
    }
    m_previewLabel->setText(tr("Working out which servers match…"));
    PlansService::selectServers(entry.servers, source, this, [this, generation, source](const QList<PlanServerChoice> &matched) {
        if (generation != m_previewGeneration)
            return; // the selector changed since
        QStringList names;
        names.reserve(matched.size());
        for (const PlanServerChoice &server : matched)
            names.append(server.name);
        m_previewNames = names;
        for (qsizetype i = 0; i < matched.size() && i < PreviewShown; ++i)
            new QListWidgetItem(serverStatusIcon(matched.at(i).status, {}), matched.at(i).name, m_previewList);
        m_previewLabel->setText(matched.isEmpty()
                                    ? tr("No server of %1 matches %2 now (new ones that match will be picked up).")
                                          .arg(source.cloud, source.describe())
                                    : tr("%n server(s) match now:", nullptr, int(matched.size())));
        Q_EMIT previewUpdated(names, {});
    });
}

void PlanEditorDialog::addCheckedServers()
{
    const QString cloud = m_cloudCombo->currentText();
    const CloudServers entry = m_cloudServers.value(cloud);
    for (int row = 0; row < m_serverPickList->count(); ++row) {
        QListWidgetItem *item = m_serverPickList->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        // By name when the name is unique in the cloud (readable, and still found after a rebuild); else by id.
        const QString name = item->text();
        const auto sameName = std::count_if(entry.servers.cbegin(), entry.servers.cend(),
                                            [&](const PlanServerChoice &server) { return server.name == name; });
        const PlanSource source{cloud, sameName == 1 ? name : item->data(Qt::UserRole).toString(), {}, {}};
        if (!m_sources.contains(source))
            m_sources.append(source);
        item->setCheckState(Qt::Unchecked);
    }
    refreshSourcesList();
}

void PlanEditorDialog::addSelector()
{
    const PlanSource source{m_cloudCombo->currentText(), {}, m_tagEdit->text(), m_patternEdit->text(),
                            m_allProjectsCheck->isChecked()};
    if (!m_sources.contains(source))
        m_sources.append(source);
    refreshSourcesList();
}

void PlanEditorDialog::removeSelectedSources()
{
    QList<int> rows;
    for (QListWidgetItem *item : m_sourcesList->selectedItems())
        rows.append(m_sourcesList->row(item));
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_sources.removeAt(row);
    refreshSourcesList();
}

// ---- Backup ----------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createBackupSection()
{
    auto *box = new QGroupBox(tr("Backup"));
    box->setObjectName(QStringLiteral("backupSection"));
    m_includeDataCheck = new QCheckBox(tr("Include server &data (snapshot each server first)"), box);
    m_includeDataCheck->setObjectName(QStringLiteral("planIncludeDataCheck"));
    m_volumesCombo = new QComboBox(box);
    m_volumesCombo->setObjectName(QStringLiteral("volumesCombo"));
    m_volumesCombo->addItem(tr("Every attached volume"), int(VolumeSelection::Mode::All));
    m_volumesCombo->addItem(tr("No volume"), int(VolumeSelection::Mode::None));
    m_volumesCombo->addItem(tr("The volumes named below"), int(VolumeSelection::Mode::Named));
    m_volumeNamesEdit = new QLineEdit(box);
    m_volumeNamesEdit->setObjectName(QStringLiteral("volumeNamesEdit"));
    m_volumeNamesEdit->setPlaceholderText(tr("names or ids, separated by commas"));
    m_bankEdit = new QLineEdit(box);
    m_bankEdit->setObjectName(QStringLiteral("bankEdit"));
    m_bankEdit->setPlaceholderText(tr("a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET"));
    auto *form = new QFormLayout(box);
    form->addRow(QString(), m_includeDataCheck);
    form->addRow(tr("&Volumes:"), m_volumesCombo);
    form->addRow(QString(), m_volumeNamesEdit);
    form->addRow(tr("Backup &storage:"), m_bankEdit);
    connect(m_includeDataCheck, &QCheckBox::toggled, this, &PlanEditorDialog::validate);
    connect(m_volumesCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_volumeNamesEdit->setEnabled(m_volumesCombo->currentData().toInt() == int(VolumeSelection::Mode::Named));
        validate();
    });
    connect(m_volumeNamesEdit, &QLineEdit::textChanged, this, &PlanEditorDialog::validate);
    connect(m_bankEdit, &QLineEdit::textChanged, this, &PlanEditorDialog::validate);
    return box;
}

void PlanEditorDialog::loadBackup(const Plan &plan)
{
    m_includeDataCheck->setChecked(plan.includeData);
    m_volumesCombo->setCurrentIndex(m_volumesCombo->findData(int(plan.volumes.mode)));
    m_volumeNamesEdit->setText(plan.volumes.names.join(QStringLiteral(",")));
    m_volumeNamesEdit->setEnabled(plan.volumes.mode == VolumeSelection::Mode::Named);
    m_bankEdit->setText(plan.bank);
}

void PlanEditorDialog::storeBackup(Plan &plan) const
{
    plan.includeData = m_includeDataCheck->isChecked();
    switch (VolumeSelection::Mode(m_volumesCombo->currentData().toInt())) {
    case VolumeSelection::Mode::All:
        plan.volumes = VolumeSelection::all();
        break;
    case VolumeSelection::Mode::None:
        plan.volumes = VolumeSelection::none();
        break;
    case VolumeSelection::Mode::Named: {
        QStringList names;
        for (const QString &name : m_volumeNamesEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            names.append(name.trimmed());
        plan.volumes = VolumeSelection::named(names);
        break;
    }
    }
    plan.bank = m_bankEdit->text().trimmed();
}

// ---- Schedule --------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createScheduleSection()
{
    auto *box = new QGroupBox(tr("Schedule"));
    box->setObjectName(QStringLiteral("scheduleSection"));
    m_scheduleCombo = new QComboBox(box);
    m_scheduleCombo->setObjectName(QStringLiteral("scheduleCombo"));
    m_scheduleCombo->addItem(tr("By hand only"), int(PlanSchedule::Kind::None));
    m_scheduleCombo->addItem(tr("Hourly"), int(PlanSchedule::Kind::Hourly));
    m_scheduleCombo->addItem(tr("Daily"), int(PlanSchedule::Kind::Daily));
    m_scheduleCombo->addItem(tr("Weekly"), int(PlanSchedule::Kind::Weekly));
    m_scheduleCombo->addItem(tr("Calendar expression (systemd)"), int(PlanSchedule::Kind::Calendar));
    m_minuteSpin = new QSpinBox(box);
    m_minuteSpin->setObjectName(QStringLiteral("minuteSpin"));
    m_minuteSpin->setRange(0, 59);
    m_minuteSpin->setPrefix(tr("at minute "));
    m_timeEdit = new QTimeEdit(box);
    m_timeEdit->setObjectName(QStringLiteral("timeEdit"));
    m_timeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_weekdayCombo = new QComboBox(box);
    m_weekdayCombo->setObjectName(QStringLiteral("weekdayCombo"));
    for (int day = 1; day <= 7; ++day)
        m_weekdayCombo->addItem(PlanFormat::weekday(day), day);
    m_calendarEdit = new QLineEdit(box);
    m_calendarEdit->setObjectName(QStringLiteral("calendarEdit"));
    m_calendarEdit->setPlaceholderText(tr("e.g. Mon..Fri *-*-* 02:00"));
    m_nextRunsLabel = new QLabel(box);
    m_nextRunsLabel->setObjectName(QStringLiteral("nextRunsLabel"));
    m_nextRunsLabel->setWordWrap(true);
    m_nextRunsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(m_scheduleCombo);
    row->addWidget(m_minuteSpin);
    row->addWidget(m_weekdayCombo);
    row->addWidget(m_timeEdit);
    row->addWidget(m_calendarEdit, 1);
    row->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_nextRunsLabel);
    layout->addWidget(new QLabel(tr("Times are local. Unattended runs need the schedule installed: Install Schedule "
                                    "in the Plans view, or `stackvault-cli plans schedule install NAME`."),
                                 box));

    m_nextRunsTimer.setSingleShot(true);
    m_nextRunsTimer.setInterval(300);
    connect(&m_nextRunsTimer, &QTimer::timeout, this, &PlanEditorDialog::requestNextRuns);
    const auto changed = [this] {
        updateScheduleControls();
        validate();
        m_nextRunsTimer.start();
    };
    connect(m_scheduleCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_minuteSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_timeEdit, &QTimeEdit::timeChanged, this, changed);
    connect(m_weekdayCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_calendarEdit, &QLineEdit::textChanged, this, changed);
    return box;
}

void PlanEditorDialog::loadSchedule(const Plan &plan)
{
    const PlanSchedule &schedule = plan.schedule;
    m_scheduleCombo->setCurrentIndex(m_scheduleCombo->findData(int(schedule.kind)));
    m_minuteSpin->setValue(schedule.minute);
    m_timeEdit->setTime(QTime(schedule.hour, schedule.minute));
    m_weekdayCombo->setCurrentIndex(m_weekdayCombo->findData(schedule.weekday));
    m_calendarEdit->setText(schedule.calendar);
    updateScheduleControls();
}

void PlanEditorDialog::storeSchedule(Plan &plan) const
{
    PlanSchedule schedule;
    schedule.kind = PlanSchedule::Kind(m_scheduleCombo->currentData().toInt());
    switch (schedule.kind) {
    case PlanSchedule::Kind::None:
        break;
    case PlanSchedule::Kind::Hourly:
        schedule.minute = m_minuteSpin->value();
        break;
    case PlanSchedule::Kind::Weekly:
        schedule.weekday = m_weekdayCombo->currentData().toInt();
        [[fallthrough]];
    case PlanSchedule::Kind::Daily:
        schedule.hour = m_timeEdit->time().hour();
        schedule.minute = m_timeEdit->time().minute();
        break;
    case PlanSchedule::Kind::Calendar:
        schedule.calendar = m_calendarEdit->text().trimmed();
        break;
    }
    plan.schedule = schedule;
}

void PlanEditorDialog::updateScheduleControls()
{
    const auto kind = PlanSchedule::Kind(m_scheduleCombo->currentData().toInt());
    m_minuteSpin->setVisible(kind == PlanSchedule::Kind::Hourly);
    m_timeEdit->setVisible(kind == PlanSchedule::Kind::Daily || kind == PlanSchedule::Kind::Weekly);
    m_weekdayCombo->setVisible(kind == PlanSchedule::Kind::Weekly);
    m_calendarEdit->setVisible(kind == PlanSchedule::Kind::Calendar);
}

void PlanEditorDialog::requestNextRuns()
{
    Plan plan;
    storeSchedule(plan);
    // The text goes through the same parser as plans.json and the CLI (a calendar expression that would
    // break a unit file is refused here; systemd judges the rest).
    QString why;
    const auto parsed = PlanSchedule::parse(plan.schedule.toString(), &why);
    ++m_nextRunsRequest;
    if (!parsed) {
        m_nextRunsLabel->setText(why);
        Q_EMIT nextRunsShown(why);
        return;
    }
    m_nextRunsLabel->setText(plan.schedule.isNone() ? tr("Runs only when started with Run Now (or `stackvault-cli plans run`).")
                                                    : tr("Working out the next runs…"));
    if (plan.schedule.isNone()) {
        Q_EMIT nextRunsShown(m_nextRunsLabel->text());
        return;
    }
    m_service->requestNextRuns(m_nextRunsRequest, *parsed, 3);
}

// ---- Retention -------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createRetentionSection()
{
    auto *box = new QGroupBox(tr("Retention (applied after every run, to this plan's backups only)"));
    box->setObjectName(QStringLiteral("retentionSection"));
    m_presetCombo = new QComboBox(box);
    m_presetCombo->setObjectName(QStringLiteral("retentionPresetCombo"));
    for (const auto &preset : retentionPresets())
        m_presetCombo->addItem(preset.first);
    const QStringList labels{tr("Last"), tr("Hourly"), tr("Daily"), tr("Weekly"), tr("Monthly"), tr("Yearly")};
    const QStringList names{QStringLiteral("keepLastSpin"),    QStringLiteral("keepHourlySpin"),
                            QStringLiteral("keepDailySpin"),   QStringLiteral("keepWeeklySpin"),
                            QStringLiteral("keepMonthlySpin"), QStringLiteral("keepYearlySpin")};
    auto *grid = new QHBoxLayout;
    for (int i = 0; i < 6; ++i) {
        auto *spin = new QSpinBox(box);
        spin->setObjectName(names.at(i));
        spin->setRange(0, 9999);
        spin->setSpecialValueText(tr("–"));
        auto *column = new QVBoxLayout;
        auto *label = new QLabel(labels.at(i), box);
        label->setBuddy(spin);
        column->addWidget(label);
        column->addWidget(spin);
        grid->addLayout(column);
        m_keepSpins.append(spin);
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            matchRetentionPreset();
            validate();
        });
    }
    m_keepWithinEdit = new QLineEdit(box);
    m_keepWithinEdit->setObjectName(QStringLiteral("keepWithinEdit"));
    m_keepWithinEdit->setPlaceholderText(tr("e.g. 30d or 1y6m"));
    auto *within = new QVBoxLayout;
    auto *withinLabel = new QLabel(tr("All within"), box);
    withinLabel->setBuddy(m_keepWithinEdit);
    within->addWidget(withinLabel);
    within->addWidget(m_keepWithinEdit);
    grid->addLayout(within);
    m_retentionSummary = new QLabel(box);
    m_retentionSummary->setObjectName(QStringLiteral("retentionSummaryLabel"));
    m_retentionSummary->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Preset:"), m_presetCombo);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addLayout(grid);
    layout->addWidget(m_retentionSummary);
    connect(m_presetCombo, &QComboBox::activated, this, &PlanEditorDialog::applyRetentionPreset);
    connect(m_keepWithinEdit, &QLineEdit::textChanged, this, [this] {
        matchRetentionPreset();
        validate();
    });
    return box;
}

void PlanEditorDialog::loadRetention(const Plan &plan)
{
    m_applyingPreset = true;
    for (int i = 0; i < 6; ++i)
        m_keepSpins.at(i)->setValue(plan.retention.value(QLatin1String(KeepKeys[i])).toInt());
    m_keepWithinEdit->setText(plan.retention.value(QLatin1String("keep_within")).toString());
    m_applyingPreset = false;
    matchRetentionPreset();
}

void PlanEditorDialog::storeRetention(Plan &plan) const
{
    QJsonObject retention;
    for (int i = 0; i < 6; ++i) {
        if (m_keepSpins.at(i)->value() > 0)
            retention.insert(QLatin1String(KeepKeys[i]), m_keepSpins.at(i)->value());
    }
    if (!m_keepWithinEdit->text().trimmed().isEmpty())
        retention.insert(QStringLiteral("keep_within"), m_keepWithinEdit->text().trimmed());
    plan.retention = retention;
}

void PlanEditorDialog::applyRetentionPreset(int index)
{
    const auto presets = retentionPresets();
    if (index < 0 || index >= presets.size() - 1)
        return; // "Custom": the numbers stay as they are
    m_applyingPreset = true;
    const QJsonObject &values = presets.at(index).second;
    for (int i = 0; i < 6; ++i)
        m_keepSpins.at(i)->setValue(values.value(QLatin1String(KeepKeys[i])).toInt());
    m_keepWithinEdit->clear();
    m_applyingPreset = false;
    matchRetentionPreset();
    validate();
}

void PlanEditorDialog::matchRetentionPreset()
{
    if (m_applyingPreset)
        return;
    Plan plan;
    storeRetention(plan);
    const auto presets = retentionPresets();
    int match = int(presets.size()) - 1;
    for (int i = 0; i < presets.size() - 1; ++i) {
        if (presets.at(i).second == plan.retention) {
            match = i;
            break;
        }
    }
    m_presetCombo->setCurrentIndex(match);
    m_retentionSummary->setText(plan.retention.isEmpty()
                                    ? tr("Every backup of this plan is kept; nothing is ever removed.")
                                    : tr("Each server's backups: %1. The newest backup is never removed.")
                                          .arg(Plan::describeRetention(plan.retention)));
}

// ---- Run -------------------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createRunSection()
{
    auto *box = new QGroupBox(tr("Run"));
    box->setObjectName(QStringLiteral("runSection"));
    m_parallelismSpin = new QSpinBox(box);
    m_parallelismSpin->setObjectName(QStringLiteral("parallelismSpin"));
    m_parallelismSpin->setRange(1, Plan::MaxParallelism);
    m_parallelismSpin->setSuffix(tr(" at once"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Back up &servers:"), m_parallelismSpin);
    connect(m_parallelismSpin, &QSpinBox::valueChanged, this, &PlanEditorDialog::validate);
    return box;
}

void PlanEditorDialog::loadRun(const Plan &plan)
{
    m_parallelismSpin->setValue(plan.parallelism);
}

void PlanEditorDialog::storeRun(Plan &plan) const
{
    plan.parallelism = m_parallelismSpin->value();
}

// ---- Restore test ----------------------------------------------------------------------------------------

QGroupBox *PlanEditorDialog::createRestoreTestSection()
{
    m_restoreTestBox = new QGroupBox(tr("&Test a restore after each run"));
    m_restoreTestBox->setObjectName(QStringLiteral("restoreTestSection"));
    m_restoreTestBox->setCheckable(true);
    auto *explanation = new QLabel(tr("One backup the run made is restored under a scratch name, waited for until "
                                      "it boots, and removed again; the result is recorded on the backup. A failed "
                                      "test makes the run fail."),
                                   m_restoreTestBox);
    explanation->setWordWrap(true);
    m_testCloudCombo = new QComboBox(m_restoreTestBox);
    m_testCloudCombo->setObjectName(QStringLiteral("testCloudCombo"));
    m_testCloudCombo->addItem(tr("The server's own cloud"), QString());
    for (const QString &cloud : m_service->cloudNames())
        m_testCloudCombo->addItem(cloud, cloud);
    m_testMarkerEdit = new QLineEdit(m_restoreTestBox);
    m_testMarkerEdit->setObjectName(QStringLiteral("testMarkerEdit"));
    m_testMarkerEdit->setPlaceholderText(tr("e.g. login: (empty: ACTIVE is enough)"));
    m_testTimeoutSpin = new QSpinBox(m_restoreTestBox);
    m_testTimeoutSpin->setObjectName(QStringLiteral("testTimeoutSpin"));
    m_testTimeoutSpin->setRange(PlanRestoreTest::MinTimeout, PlanRestoreTest::MaxTimeout);
    m_testTimeoutSpin->setSuffix(tr(" s"));
    auto *form = new QFormLayout(m_restoreTestBox);
    form->addRow(explanation);
    form->addRow(tr("Test &in:"), m_testCloudCombo);
    form->addRow(tr("Console &marker:"), m_testMarkerEdit);
    form->addRow(tr("Wait at &most:"), m_testTimeoutSpin);
    connect(m_restoreTestBox, &QGroupBox::toggled, this, &PlanEditorDialog::validate);
    connect(m_testCloudCombo, &QComboBox::currentIndexChanged, this, &PlanEditorDialog::validate);
    connect(m_testMarkerEdit, &QLineEdit::textChanged, this, &PlanEditorDialog::validate);
    connect(m_testTimeoutSpin, &QSpinBox::valueChanged, this, &PlanEditorDialog::validate);
    return m_restoreTestBox;
}

void PlanEditorDialog::loadRestoreTest(const Plan &plan)
{
    const PlanRestoreTest &test = plan.testRestore;
    m_restoreTestBox->setChecked(test.enabled);
    int index = m_testCloudCombo->findData(test.cloud);
    if (index < 0) { // a cloud no longer saved: kept, and validation says so once the test is on
        m_testCloudCombo->addItem(test.cloud, test.cloud);
        index = m_testCloudCombo->count() - 1;
    }
    m_testCloudCombo->setCurrentIndex(index);
    m_testMarkerEdit->setText(test.marker);
    m_testTimeoutSpin->setValue(std::clamp(test.timeoutSeconds, PlanRestoreTest::MinTimeout, PlanRestoreTest::MaxTimeout));
}

void PlanEditorDialog::storeRestoreTest(Plan &plan) const
{
    plan.testRestore.enabled = m_restoreTestBox->isChecked();
    plan.testRestore.cloud = m_testCloudCombo->currentData().toString();
    plan.testRestore.marker = m_testMarkerEdit->text();
    // A saved value outside the range stays as it was until the spin box is touched (the plan then says why).
    if (m_testTimeoutSpin->value() != std::clamp(m_original.testRestore.timeoutSeconds, PlanRestoreTest::MinTimeout,
                                                 PlanRestoreTest::MaxTimeout))
        plan.testRestore.timeoutSeconds = m_testTimeoutSpin->value();
}

// ---- Whole plan ------------------------------------------------------------------------------------------

Plan PlanEditorDialog::plan() const
{
    Plan plan = m_original;
    storeGeneral(plan);
    storeServers(plan);
    storeBackup(plan);
    storeSchedule(plan);
    storeRetention(plan);
    storeRun(plan);
    storeRestoreTest(plan);
    return plan;
}

void PlanEditorDialog::validate()
{
    if (!m_buttons)
        return; // still building the sections
    const Plan current = plan();
    QString problem = current.validationError(m_service->cloudNames());
    if (problem.isEmpty())
        problem = BankService::locationError(current.bank);
    if (problem.isEmpty()) {
        QString why;
        if (current.schedule.kind == PlanSchedule::Kind::Calendar && current.schedule.calendar.isEmpty())
            problem = tr("Give a calendar expression, or choose another schedule.");
        else if (!PlanSchedule::parse(current.schedule.toString(), &why))
            problem = why;
    }
    if (problem.isEmpty() && current.volumes.mode == VolumeSelection::Mode::Named && current.volumes.names.isEmpty())
        problem = tr("Name the volumes to save, or choose every volume or none.");
    if (problem.isEmpty() && current.name != m_previousName) {
        for (const Plan &other : m_service->plans()) {
            if (other.name == current.name)
                problem = tr("A plan named \"%1\" already exists.").arg(current.name);
        }
    }
    m_problem = problem;
    m_validationLabel->setText(problem);
    m_validationLabel->setVisible(!problem.isEmpty());
    findChild<QLabel *>(QStringLiteral("validationIcon"))->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void PlanEditorDialog::accept()
{
    validate();
    if (!m_problem.isEmpty())
        return;
    const Plan current = plan();
    QString error;
    if (!m_service->savePlan(m_previousName, current, &error)) {
        m_problem = error;
        m_validationLabel->setText(error);
        m_validationLabel->show();
        findChild<QLabel *>(QStringLiteral("validationIcon"))->show();
        return;
    }
    Q_EMIT saved(current.name);
    QDialog::accept();
}

} // namespace sv::ui
