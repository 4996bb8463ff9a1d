#pragma once

#include "backend/targetoptions.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace sv::ui {

class RestoreWizard;

// Page 3: the new server's name, flavor (only those big enough for the image's min_disk/min_ram),
// network, key pair and security groups, loaded from the target and checked against it in validatePage().
class RestoreServerPage : public QWizardPage
{
    Q_OBJECT
    Q_PROPERTY(QStringList securityGroups READ securityGroups NOTIFY securityGroupsChanged)
public:
    explicit RestoreServerPage(RestoreWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QStringList securityGroups() const;
    bool optionsLoaded() const { return m_loaded; }

Q_SIGNALS:
    void securityGroupsChanged();

private:
    void onOptionsReady(const QString &cloudId, const QString &region, const TargetOptions &options);
    void onOptionsFailed(const QString &cloudId, const QString &region, const QString &message);
    void fill();

    RestoreWizard *m_wizard;
    QLineEdit *m_name;
    QComboBox *m_flavor;
    QComboBox *m_network;
    QComboBox *m_keyPair;
    QListWidget *m_securityGroups;
    QLabel *m_status;
    QString m_cloudId;
    QString m_region;
    TargetOptions m_options;
    bool m_loaded = false;
};

} // namespace sv::ui
