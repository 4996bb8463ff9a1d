#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sv {
class AppSettings;
}

namespace sv::ui {

// Preferences: backup storage folder, default of "Include server data" (enable_server_snapshot),
// concurrent jobs, language. Written to AppSettings when accepted.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(AppSettings *settings, QWidget *parent = nullptr);

    void accept() override;

private:
    void browse();

    AppSettings *m_settings;
    QLineEdit *m_bankLocation;
    QCheckBox *m_includeData;
    QSpinBox *m_concurrentJobs;
    QComboBox *m_language;
};

} // namespace sv::ui
