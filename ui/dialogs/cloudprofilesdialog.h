#pragma once

#include "profiles/cloudprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sv {
class ProfileStore;
class SecretStore;
} // namespace sv

namespace sv::ui {

// Manage Clouds: add, edit and remove saved clouds. The password (or application credential secret)
// goes only to the desktop keyring; when there is none, the dialog says so and what to install.
class CloudProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    CloudProfilesDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);

    // Saves the form (a new cloud, or the selected one). The keychain's answer arrives later and is
    // shown in the status line; secretSaved() tells tests.
    void save();
    void addNew();
    void removeSelected();
    QString statusText() const;

Q_SIGNALS:
    void secretSaved(const QString &profileId, bool ok);

private:
    void reloadList(const QString &selectId = {});
    void showProfile(const CloudProfile &profile);
    CloudProfile formProfile() const;
    void setStatus(const QString &text, bool error);
    void updateAuthFields();

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
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
    QLabel *m_status;
    QPushButton *m_removeButton;
};

} // namespace sv::ui
