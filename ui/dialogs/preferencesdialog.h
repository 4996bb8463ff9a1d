#pragma once

#include "profiles/s3profile.h"
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

// Preferences: backup storage (a local folder, the default, a Swift container of a saved cloud,
// stored as swift:CLOUD/CONTAINER, or a bucket of an S3 profile, stored as s3:PROFILE/BUCKET with the
// profile in AppSettings and its secret key handed out by s3SecretEntered() for the keychain), default of "Include server data" (enable_server_snapshot), the
// volumes checked at first (back_up_volumes), concurrent jobs, language. Written to AppSettings when accepted.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // `cloudNames`: the saved clouds a Swift container may belong to.
    explicit PreferencesDialog(AppSettings *settings, const QStringList &cloudNames = {}, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    // Accepted with a secret access key typed in: the owner stores it in the keychain under
    // `keychainKey` (never in the settings file).
    void s3SecretEntered(const QString &keychainKey, const QString &secret);

private:
    void browse();
    void updateControls();
    // The volume choice as a selection; nullopt while "only these" names none.
    std::optional<VolumeSelection> volumeSelection() const;
    // The S3 profile as typed on the S3 page.
    S3Profile s3ProfileFromPage() const;

    AppSettings *m_settings;
    QComboBox *m_storageKind;
    QStackedWidget *m_storagePages;
    QLineEdit *m_bankLocation;
    QComboBox *m_swiftCloud;
    QLineEdit *m_swiftContainer;
    QLineEdit *m_s3Profile;
    QLineEdit *m_s3Endpoint;
    QLineEdit *m_s3Region;
    QComboBox *m_s3Addressing;
    QLineEdit *m_s3AccessKey;
    QLineEdit *m_s3Secret;
    QLineEdit *m_s3Bucket;
    QLabel *m_s3Problem;
    QCheckBox *m_includeData;
    QComboBox *m_volumes;
    QLineEdit *m_volumeNames;
    QLabel *m_volumesHelp;
    bool m_volumesProblem = false;
    QSpinBox *m_concurrentJobs;
    QComboBox *m_language;
};

} // namespace sv::ui
