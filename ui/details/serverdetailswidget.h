#pragma once

#include "backend/serverentry.h"
#include "protection/volumeselection.h"

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace sv::ui {

// The right-hand pane: the selected server's details, "Include server data", exactly what a backup will
// contain (the root disk, and each attached volume with a checkbox) and Back up; or a cloud's summary; or
// the reason a cloud could not be loaded with a Retry button.
class ServerDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ServerDetailsWidget(QWidget *parent = nullptr);

    void showNothing();
    void showCloud(const QString &name, const QString &project, const QString &region, int serverCount);
    void showServer(const QString &cloudId, const ServerEntry &server);
    void showError(const QString &cloudName, const QString &message);
    void setLastBackup(const QString &text);

    // The checkbox's state whenever a server is shown: the enable_server_snapshot setting.
    void setIncludeDataDefault(bool includeData);
    bool includeData() const;
    void setIncludeData(bool includeData);
    // Which volumes are checked whenever a server is shown: the back_up_volumes setting.
    void setVolumesDefault(const VolumeSelection &volumes);
    // The checked volumes by id (Named), None when none is checked or server data is off.
    VolumeSelection volumeSelection() const;
    void setVolumeChecked(const QString &volumeId, bool checked);
    // Whether the shown server can be backed up with the current choices.
    bool canBackUp() const;

    QString cloudId() const { return m_cloudId; }
    const ServerEntry &server() const { return m_server; }
    bool hasServer() const { return !m_server.id.isEmpty(); }

    // Whether the server can be backed up now (Nova's state; a boot-from-volume server needs its data),
    // and if not, why (translated).
    static QString whyNotBackupable(const ServerEntry &server, bool includeData);

Q_SIGNALS:
    void backupRequested(const QString &cloudId, const sv::ui::ServerEntry &server, bool includeData,
                         const sv::VolumeSelection &volumes);
    void retryRequested();
    // canBackUp() may have changed (another server, the checkbox, a refresh).
    void backupAvailabilityChanged(bool canBackUp);

private:
    void fillVolumes(bool keepChoices);
    void updateContents();

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    // cloud page
    QLabel *m_cloudName;
    QLabel *m_cloudProject;
    QLabel *m_cloudRegion;
    QLabel *m_cloudServers;
    // server page
    QLabel *m_name;
    QLabel *m_status;
    QLabel *m_flavor;
    QLabel *m_image;
    QLabel *m_created;
    QLabel *m_addresses;
    QLabel *m_lastBackup;
    QCheckBox *m_includeData;
    QLabel *m_includeDataHelp;
    QGroupBox *m_contents;
    QLabel *m_rootDisk;
    QListWidget *m_volumeList;
    QLabel *m_volumesNote;
    QLabel *m_notBackupable;
    QPushButton *m_backupButton;
    // error page
    QLabel *m_errorText;
    QPushButton *m_retryButton;

    QString m_cloudId;
    ServerEntry m_server;
    bool m_includeDataDefault = true;
    VolumeSelection m_volumesDefault;
};

} // namespace sv::ui
