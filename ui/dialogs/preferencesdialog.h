#pragma once

#include "protection/volumeselection.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace sv {
class AppSettings;
}

namespace sv::ui {

// Preferences: backup storage (a local folder, the default, or a Swift container of a saved cloud,
// stored as swift:CLOUD/CONTAINER), default of "Include server data" (enable_server_snapshot), the
// volumes checked at first (back_up_volumes), concurrent jobs, language. Written to AppSettings when accepted.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // `cloudNames`: the saved clouds a Swift container may belong to.
    explicit PreferencesDialog(AppSettings *settings, const QStringList &cloudNames = {}, QWidget *parent = nullptr);

    void accept() override;

private:
    void browse();
    void updateControls();
    // The volume choice as a selection; nullopt while "only these" names none.
    std::optional<VolumeSelection> volumeSelection() const;

    AppSettings *m_settings;
    QComboBox *m_storageKind;
    QStackedWidget *m_storagePages;
    QLineEdit *m_bankLocation;
    QComboBox *m_swiftCloud;
    QLineEdit *m_swiftContainer;
    QCheckBox *m_includeData;
    QComboBox *m_volumes;
    QLineEdit *m_volumeNames;
    QLabel *m_volumesHelp;
    bool m_volumesProblem = false;
    QSpinBox *m_concurrentJobs;
    QComboBox *m_language;
};

} // namespace sv::ui
