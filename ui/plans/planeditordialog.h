#pragma once

#include "plans/plan.h"
#include "plans/plansservice.h"

#include <QDialog>
#include <QHash>
#include <QTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTimeEdit;
class QVBoxLayout;

namespace sv::ui {

// Adds or edits a plan. One section per group of options, each built, filled and read by its own three
// functions (create…Section, load…, store…), so that a new option is one new section or a few lines in
// one: General (name, enabled), Servers (explicit servers of a saved cloud, or a selector with a live
// preview of the servers it matches now), Backup (server data, volumes, storage), Schedule (with its next
// runs), Retention (presets and the numbers), Run (parallelism), Restore test (Plan::testRestore). Fields the editor has no control for are
// kept as they were. What is wrong is shown under the sections (Plan::validationError) and OK stays
// disabled until it is fixed; OK saves through the PlansService and closes.
class PlanEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // `plan` empty: a new plan.
    PlanEditorDialog(PlansService *service, const std::optional<Plan> &plan, QWidget *parent = nullptr);

    // The plan as the controls say now.
    Plan plan() const;
    // Empty when the plan can be saved; else the sentence shown.
    QString validationText() const { return m_problem; }
    // The servers the selector being composed matches now (after the preview has been worked out).
    QStringList previewNames() const { return m_previewNames; }

    void accept() override;

    // The retention presets offered (their labels), in order; the last one is "Custom".
    static QList<std::pair<QString, QJsonObject>> retentionPresets();

Q_SIGNALS:
    // After the preview of the selector being composed was worked out (or failed: `error`).
    void previewUpdated(const QStringList &names, const QString &error);
    void nextRunsShown(const QString &text);
    void saved(const QString &name);

private:
    // General
    QGroupBox *createGeneralSection();
    void loadGeneral(const Plan &plan);
    void storeGeneral(Plan &plan) const;
    // Servers
    QGroupBox *createServersSection();
    void loadServers(const Plan &plan);
    void storeServers(Plan &plan) const;
    void onCloudChosen();
    void onServersReady(const QString &cloud, const QList<PlanServerChoice> &servers, bool tagsShown);
    void onServersFailed(const QString &cloud, const QString &message);
    void fillServerPickList();
    void updatePreview();
    void addCheckedServers();
    void addSelector();
    void removeSelectedSources();
    void refreshSourcesList();
    // Backup
    QGroupBox *createBackupSection();
    void loadBackup(const Plan &plan);
    void storeBackup(Plan &plan) const;
    // Schedule
    QGroupBox *createScheduleSection();
    void loadSchedule(const Plan &plan);
    void storeSchedule(Plan &plan) const;
    void updateScheduleControls();
    void requestNextRuns();
    // Retention
    QGroupBox *createRetentionSection();
    void loadRetention(const Plan &plan);
    void storeRetention(Plan &plan) const;
    void applyRetentionPreset(int index);
    void matchRetentionPreset();
    // Run
    QGroupBox *createRunSection();
    void loadRun(const Plan &plan);
    void storeRun(Plan &plan) const;
    // Restore test
    QGroupBox *createRestoreTestSection();
    void loadRestoreTest(const Plan &plan);
    void storeRestoreTest(Plan &plan) const;

    void validate();

    PlansService *m_service;
    Plan m_original; // fields without a control stay as they were
    QString m_previousName;
    QString m_problem;
    QVBoxLayout *m_sections = nullptr;
    QLabel *m_validationLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    // General
    QLineEdit *m_nameEdit = nullptr;
    QCheckBox *m_enabledCheck = nullptr;
    // Servers
    QList<PlanSource> m_sources;
    QListWidget *m_sourcesList = nullptr;
    QPushButton *m_removeSourceButton = nullptr;
    QComboBox *m_cloudCombo = nullptr;
    QRadioButton *m_explicitRadio = nullptr;
    QRadioButton *m_selectorRadio = nullptr;
    QStackedWidget *m_addStack = nullptr;
    QListWidget *m_serverPickList = nullptr;
    QPushButton *m_addServersButton = nullptr;
    QLineEdit *m_tagEdit = nullptr;
    QLineEdit *m_patternEdit = nullptr;
    QCheckBox *m_allProjectsCheck = nullptr; // the selector covers every project (cloud admins)
    QLabel *m_previewLabel = nullptr;
    QListWidget *m_previewList = nullptr;
    QPushButton *m_addSelectorButton = nullptr;
    QLabel *m_serversStatus = nullptr;
    struct CloudServers
    {
        bool loaded = false;
        bool tagsShown = true;
        QString error;
        QList<PlanServerChoice> servers;
    };
    QHash<QString, CloudServers> m_cloudServers; // by cloud name
    QTimer m_previewTimer;
    int m_previewGeneration = 0;
    QStringList m_previewNames;
    // Backup
    QCheckBox *m_includeDataCheck = nullptr;
    QComboBox *m_volumesCombo = nullptr;
    QLineEdit *m_volumeNamesEdit = nullptr;
    QLineEdit *m_bankEdit = nullptr;
    // Schedule
    QComboBox *m_scheduleCombo = nullptr;
    QSpinBox *m_minuteSpin = nullptr;
    QTimeEdit *m_timeEdit = nullptr;
    QComboBox *m_weekdayCombo = nullptr;
    QLineEdit *m_calendarEdit = nullptr;
    QLabel *m_nextRunsLabel = nullptr;
    QTimer m_nextRunsTimer;
    int m_nextRunsRequest = 0;
    // Retention
    QComboBox *m_presetCombo = nullptr;
    QList<QSpinBox *> m_keepSpins; // last, hourly, daily, weekly, monthly, yearly
    QLineEdit *m_keepWithinEdit = nullptr;
    QLabel *m_retentionSummary = nullptr;
    bool m_applyingPreset = false;
    // Run
    QSpinBox *m_parallelismSpin = nullptr;
    // Restore test
    QGroupBox *m_restoreTestBox = nullptr; // checkable: checked tests a restore after each run
    QComboBox *m_testCloudCombo = nullptr; // first entry: the server's own cloud (data "")
    QLineEdit *m_testMarkerEdit = nullptr;
    QSpinBox *m_testTimeoutSpin = nullptr;
};

} // namespace sv::ui
