#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace sv {
class AppSettings;
}

namespace sv::ui {

// Preferences: backup storage (a local folder, the default, or a Swift container of a saved cloud,
// stored as swift:CLOUD/CONTAINER), default of "Include server data" (enable_server_snapshot),
// concurrent jobs, language. Written to AppSettings when accepted.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // `cloudNames`: the saved clouds a Swift container may belong to.
    explicit PreferencesDialog(AppSettings *settings, const QStringList &cloudNames = {}, QWidget *parent = nullptr);

    void accept() override;

private:
    void browse();
    void updateStorageKind();

    AppSettings *m_settings;
    QComboBox *m_storageKind;
    QStackedWidget *m_storagePages;
    QLineEdit *m_bankLocation;
    QComboBox *m_swiftCloud;
    QLineEdit *m_swiftContainer;
    QCheckBox *m_includeData;
    QSpinBox *m_concurrentJobs;
    QComboBox *m_language;
};

} // namespace sv::ui
