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
// networks (several, in NIC order), key pair, security groups and availability zone, loaded from the
// target and checked against it in validatePage(). Defaults come from the backup.
class RestoreServerPage : public QWizardPage
{
    Q_OBJECT
    Q_PROPERTY(QStringList securityGroups READ securityGroups NOTIFY securityGroupsChanged)
    Q_PROPERTY(QStringList networkIds READ networkIds NOTIFY networksChanged)
public:
    explicit RestoreServerPage(RestoreWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override; // the server-details page when the backup saved those details

    QStringList securityGroups() const;
    // The checked networks' ids; {"none"} when none is checked; empty when the target listed no
    // networks (the restore then uses the ones saved with the backup).
    QStringList networkIds() const;
    QStringList networkNames() const; // the checked ones, for the summary
    bool optionsLoaded() const { return m_loaded; }

Q_SIGNALS:
    void securityGroupsChanged();
    void networksChanged();

private:
    void onOptionsReady(const QString &cloudId, const QString &region, const TargetOptions &options);
    void onOptionsFailed(const QString &cloudId, const QString &region, const QString &message);
    void fill();

    RestoreWizard *m_wizard;
    QLineEdit *m_name;
    QComboBox *m_flavor;
    QListWidget *m_networks;
    QLineEdit *m_availabilityZone;
    QString m_zoneDefaultedFor; // the target cloud whose default zone was filled in
    QComboBox *m_keyPair;
    QListWidget *m_securityGroups;
    QLabel *m_status;
    QString m_cloudId;
    QString m_region;
    TargetOptions m_options;
    bool m_loaded = false;
};

} // namespace sv::ui
