#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace sv::ui {

class RestoreWizard;

// Page 1: which backup to restore.
class RestoreBackupPage : public QWizardPage
{
    Q_OBJECT
public:
    RestoreBackupPage(RestoreWizard *wizard, const QString &selectedCheckpointId);

    bool isComplete() const override;

private:
    void showDetails();

    RestoreWizard *m_wizard;
    QComboBox *m_backups;
    QLabel *m_details;
};

} // namespace sv::ui
