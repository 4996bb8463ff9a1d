#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace sv::ui {

class RestoreWizard;

// Page 2: the target cloud (any saved profile) and what to make there: a server (the default), or only
// the backup's image, into the cloud's image service with its saved properties (no server, no volume;
// the volumes and server pages are then skipped). A saved cloud is bound to one project and region: they
// are shown read-only, with how to restore elsewhere (save a cloud for it under Manage Clouds). For only
// the image the page asks for the target's session (asynchronously) before it lets the wizard go on, so
// that a cloud whose password cannot be read says so here.
class RestoreTargetPage : public QWizardPage
{
    Q_OBJECT
    Q_PROPERTY(QString targetProject READ targetProject)
    Q_PROPERTY(QString targetRegion READ targetRegion)
    Q_PROPERTY(bool imageOnly READ imageOnly)
    Q_PROPERTY(QString imageName READ imageName)
public:
    explicit RestoreTargetPage(RestoreWizard *wizard);

    QString targetProject() const { return m_targetProject; }
    QString targetRegion() const { return m_targetRegion; }
    bool imageOnly() const;
    // The new image's name (only the image); the default is SERVER-restored-ID8, as the CLI names it.
    QString imageName() const;
    // The target's session is there (only the image needs it on this page).
    bool sessionReady() const { return m_sessionReady; }

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

private:
    void cloudChanged();
    void choiceChanged();
    void requestSession();
    void onSessionReady(const QString &cloudId, const QString &error);
    QString defaultImageName() const;

    RestoreWizard *m_wizard;
    QComboBox *m_cloud;
    QLabel *m_project;
    QLabel *m_region;
    QRadioButton *m_serverChoice;
    QRadioButton *m_imageChoice;
    QLineEdit *m_imageName;
    QLabel *m_choiceStatus;
    QString m_targetProject;
    QString m_targetRegion;
    QString m_defaultImageName; // the default the name field was last given
    QString m_sessionCloudId; // the cloud whose session was asked for
    bool m_sessionReady = false;
    bool m_sessionAsked = false;
};

} // namespace sv::ui
