#pragma once

#include "backend/serverentry.h"

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace sv::ui {

// The right-hand pane: the selected server's details, "Include server data" and Back up; or a cloud's
// summary; or the reason a cloud could not be loaded with a Retry button.
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

    QString cloudId() const { return m_cloudId; }
    const ServerEntry &server() const { return m_server; }
    bool hasServer() const { return !m_server.id.isEmpty(); }

    // Whether Nova lets a server in this state be snapshotted, and if not, why (translated).
    static QString whyNotBackupable(const ServerEntry &server);
    // For an image-booted server with attached volumes: which of them a backup does not include.
    static QString volumesNotIncluded(const ServerEntry &server);

Q_SIGNALS:
    void backupRequested(const QString &cloudId, const sv::ui::ServerEntry &server, bool includeData);
    void retryRequested();

private:
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
    QLabel *m_volumes;
    QLabel *m_volumesNotIncluded;
    QLabel *m_lastBackup;
    QCheckBox *m_includeData;
    QLabel *m_includeDataHelp;
    QLabel *m_notBackupable;
    QPushButton *m_backupButton;
    // error page
    QLabel *m_errorText;
    QPushButton *m_retryButton;

    QString m_cloudId;
    ServerEntry m_server;
    bool m_includeDataDefault = true;
};

} // namespace sv::ui
