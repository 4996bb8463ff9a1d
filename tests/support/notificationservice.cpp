#include "notificationservice.h"

#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QTest>

namespace svtest {

namespace {
const QString Name = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

NotificationService::NotificationService(QObject *parent)
    : QObject(parent)
{
}

NotificationService::~NotificationService()
{
    stop();
}

bool NotificationService::start(QString *error, int timeoutMs)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        *error = QStringLiteral("no D-Bus session bus: ") + bus.lastError().message();
        return false;
    }
    if (!bus.registerObject(Path, this, QDBusConnection::ExportAllSlots)) {
        *error = QStringLiteral("cannot register %1: %2").arg(Path, bus.lastError().message());
        return false;
    }
    m_registered = true;
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
        bus.interface()->registerService(Name, QDBusConnectionInterface::QueueService,
                                         QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid()) {
        *error = QStringLiteral("cannot ask for %1: %2").arg(Name, reply.error().message());
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (bus.interface()->serviceOwner(Name).value() != bus.baseService()) {
        if (deadline.hasExpired()) {
            *error = QStringLiteral("%1 stayed owned by %2 for %3 ms")
                         .arg(Name, bus.interface()->serviceOwner(Name).value())
                         .arg(timeoutMs);
            return false;
        }
        QTest::qWait(50);
    }
    return true;
}

void NotificationService::stop()
{
    if (!m_registered)
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.interface()->unregisterService(Name);
    bus.unregisterObject(Path);
    m_registered = false;
}

QStringList NotificationService::GetCapabilities()
{
    return m_capabilities;
}

uint NotificationService::Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                                 const QString &body, const QStringList &actions, const QVariantMap &hints,
                                 int expireTimeout)
{
    received.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
    return m_nextId++;
}

QString NotificationService::GetServerInformation(QString &vendor, QString &version, QString &specVersion)
{
    vendor = QStringLiteral("StackVault tests");
    version = QStringLiteral("1");
    specVersion = QStringLiteral("1.2");
    return QStringLiteral("stackvault-test-notifications");
}

} // namespace svtest
