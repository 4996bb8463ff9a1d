#pragma once
// A real org.freedesktop.Notifications service on the test's D-Bus session bus (the one scripts/test and
// /tmp/ktest.sh start with dbus-run-session): it records every Notify call, so a test can assert what a
// notification said. Several test executables may share one bus, so it queues for the well-known name and
// start() waits until it owns it.

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace svtest {

struct Notification
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = -1;
};

class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit NotificationService(QObject *parent = nullptr);
    ~NotificationService() override;

    // Registers on the session bus and waits (event loop turning, up to `timeoutMs`) to own the name.
    bool start(QString *error, int timeoutMs = 60000);
    void stop();

    void setCapabilities(const QStringList &capabilities) { m_capabilities = capabilities; }
    QList<Notification> received;

public Q_SLOTS:
    QStringList GetCapabilities();
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion);

private:
    QStringList m_capabilities{QStringLiteral("body")};
    bool m_registered = false;
    uint m_nextId = 1;
};

} // namespace svtest
