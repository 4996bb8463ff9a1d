#pragma once

#include <QWizardPage>

class QComboBox;
class QLineEdit;

namespace sv::ui {

class RestoreWizard;

// Page 2: the target cloud (any saved profile), project and region.
class RestoreTargetPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreTargetPage(RestoreWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void cloudChanged();

    RestoreWizard *m_wizard;
    QComboBox *m_cloud;
    QLineEdit *m_project;
    QLineEdit *m_region;
};

} // namespace sv::ui
