#pragma once

#include <QWizardPage>

class QLabel;

namespace sv::ui {

class RestoreWizard;

// Page 4: what will happen; the Restore button starts it.
class RestoreSummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreSummaryPage(RestoreWizard *wizard);

    void initializePage() override;

private:
    RestoreWizard *m_wizard;
    QLabel *m_summary;
};

} // namespace sv::ui
