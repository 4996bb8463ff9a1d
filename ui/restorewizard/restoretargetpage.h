#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace sv::ui {

class RestoreWizard;

// Page 2: the target cloud (any saved profile). A saved cloud is bound to one project and region: they
// are shown read-only, with how to restore elsewhere (save a cloud for it under Manage Clouds).
class RestoreTargetPage : public QWizardPage
{
    Q_OBJECT
    Q_PROPERTY(QString targetProject READ targetProject)
    Q_PROPERTY(QString targetRegion READ targetRegion)
public:
    explicit RestoreTargetPage(RestoreWizard *wizard);

    QString targetProject() const { return m_targetProject; }
    QString targetRegion() const { return m_targetRegion; }

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

private:
    void cloudChanged();

    RestoreWizard *m_wizard;
    QComboBox *m_cloud;
    QLabel *m_project;
    QLabel *m_region;
    QString m_targetProject;
    QString m_targetRegion;
};

} // namespace sv::ui
