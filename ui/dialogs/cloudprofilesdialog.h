#pragma once

#include "profiles/cloudprofile.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sv {
class ProfileStore;
class SecretStore;
struct CloudImportResult;
} // namespace sv

namespace sv::ui {

class Backend;

// Manage Clouds: add, edit and remove saved clouds, test the connection, import clouds.yaml or OS_*
// variables. The password (or application credential secret) goes only to the desktop keyring; when
// there is none, the dialog says so and what to install.
class CloudProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    // Test Connection goes through `backend` (the core's CloudSessions), never a session of its own.
    CloudProfilesDialog(ProfileStore *profiles, SecretStore *secrets, Backend *backend, QWidget *parent = nullptr);

    // Saves the form (a new cloud, or the selected one). The keychain's answer arrives later and is
    // shown in the status line; secretSaved() tells tests.
    void save();
    void addNew();
    void removeSelected();
    QString statusText() const;

    // Signs in with the form's values (the secret typed in, else the saved one) through the backend,
    // asynchronously; the answer goes to the status line and connectionTested().
    void testConnection();
    // Imports every cloud of a clouds.yaml (secure.yaml next to it is merged) or of OS_* variables.
    // Files are read on the thread pool; the answer goes to the status line and importFinished().
    void importFile(const QString &cloudsFile);
    void importEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    void chooseImportFile();

Q_SIGNALS:
    void secretSaved(const QString &profileId, bool ok);
    void connectionTested(bool ok, const QString &message);
    // `imported` clouds were added; each error is one sentence.
    void importFinished(int imported, const QStringList &errors);

private:
    void reloadList(const QString &selectId = {});
    void showProfile(const CloudProfile &profile);
    CloudProfile formProfile() const;
    void setStatus(const QString &text, bool error);
    void updateAuthFields();
    void finishTest(bool ok, const QString &message);
    void addImported(const CloudImportResult &result);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    Backend *m_backend;
    bool m_testing = false;
    QString m_currentId; // empty: a new cloud
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_authUrl;
    QComboBox *m_authType;
    QLineEdit *m_userName;
    QLineEdit *m_userDomain;
    QLineEdit *m_projectName;
    QLineEdit *m_projectDomain;
    QLineEdit *m_credentialId;
    QLineEdit *m_region;
    QLineEdit *m_secret;
    QCheckBox *m_verifyTls;
    QLineEdit *m_caBundle;
    QLabel *m_insecureWarning;
    QLabel *m_status;
    QPushButton *m_removeButton;
    QPushButton *m_testButton;
    QPushButton *m_importFileButton;
    QPushButton *m_importEnvButton;
    int m_importsPending = 0;
};

} // namespace sv::ui
