#include "plans/plannotifier.h"

#include "plans/planslog.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QUuid>
#include <QVariantMap>

namespace sv {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
constexpr uchar UrgencyCritical = 2;
constexpr int ErrorChars = 400; // a notification is no place for a whole stack of errors

QString shortened(const QString &text)
{
    return text.size() <= ErrorChars ? text : text.left(ErrorChars - 1) + QChar(0x2026);
}
} // namespace

PlanFailureNotice PlanFailureNotice::forReport(const PlanRunReport &report)
{
    if (report.state == PlanRunReport::State::Succeeded || report.state == PlanRunReport::State::Cancelled
        || report.state == PlanRunReport::State::Running)
        return {};
    QStringList lines;
    const int failed = report.failedCount();
    const int total = int(report.servers.size());
    QString firstError;
    if (failed > 0) {
        lines.append(total == 1 ? tr("%1 of 1 server failed.").arg(failed) : tr("%1 of %2 servers failed.").arg(failed).arg(total));
        for (const PlanServerResult &server : report.servers) {
            if (server.result != PlanServerResult::Result::Succeeded) {
                firstError = tr("%1 (%2): %3").arg(server.serverName, server.cloud, server.error);
                break;
            }
        }
    } else if (total > 0) {
        lines.append(total == 1 ? tr("The server was backed up, but the run failed.")
                                : tr("All %1 servers were backed up, but the run failed.").arg(total));
    } else {
        lines.append(tr("No server was backed up."));
    }
    if (report.restoreTest.result == PlanRestoreTestResult::Result::Failed && firstError.isEmpty())
        firstError = report.restoreTest.message;
    if (firstError.isEmpty() && !report.problems.isEmpty())
        firstError = report.problems.constFirst();
    if (!firstError.isEmpty())
        lines.append(shortened(firstError));
    lines.append(tr("Details: stackvault-cli plans history %1 --last 1").arg(report.plan));
    return {tr("Backup plan %1 failed").arg(report.plan), lines.join(QLatin1Char('\n'))};
}

PlanFailureNotice PlanFailureNotice::forStartFailure(const QString &plan, const QString &why)
{
    return {tr("Backup plan %1 did not run").arg(plan),
            shortened(why) + QLatin1Char('\n') + tr("Run it by hand to see more: stackvault-cli plans run %1").arg(plan)};
}

PlanNotifier::PlanNotifier(const QString &busAddress, QObject *parent)
    : QObject(parent)
    , m_busAddress(busAddress)
{
}

PlanNotifier::~PlanNotifier()
{
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
}

void PlanNotifier::send(const PlanFailureNotice &notice, std::function<void(bool, const QString &)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_busAddress.isEmpty()) {
        if (m_connectionName.isEmpty())
            m_connectionName = QStringLiteral("stackvault-notifier-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bus = QDBusConnection::connectToBus(m_busAddress, m_connectionName);
    }
    if (!bus.isConnected()) {
        const QString address = m_busAddress.isEmpty() ? qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") : m_busAddress;
        const QString error = bus.lastError().message();
        QString why = address.isEmpty()
            ? tr("no D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS is not set)")
            : tr("no D-Bus session bus is reachable at %1").arg(address);
        if (!error.isEmpty())
            why += QStringLiteral(": ") + error;
        return done(false, why);
    }
    // Whether the service reads markup in the body decides whether <, > and & must be escaped.
    QDBusMessage capabilities = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(capabilities, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, notice, done](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        QDBusPendingReply<QStringList> reply = *call;
        if (reply.isError()) {
            const QDBusError error = reply.error();
            if (error.type() == QDBusError::ServiceUnknown || error.type() == QDBusError::NoReply
                || error.type() == QDBusError::Timeout || error.type() == QDBusError::TimedOut)
                return done(false, tr("no notification service answers on the D-Bus session bus (%1: %2)")
                                       .arg(Service, error.message()));
            // A service without GetCapabilities may still show notifications: plain text then.
            return notify(notice, false, done);
        }
        notify(notice, reply.value().contains(QLatin1String("body-markup")), done);
    });
}

void PlanNotifier::notify(const PlanFailureNotice &notice, bool markup, std::function<void(bool, const QString &)> done)
{
    QDBusConnection bus = m_connectionName.isEmpty() ? QDBusConnection::sessionBus() : QDBusConnection(m_connectionName);
    QString body = notice.body;
    if (markup)
        body = body.toHtmlEscaped();
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(UrgencyCritical)},
                      {QStringLiteral("category"), QStringLiteral("transfer.error")},
                      {QStringLiteral("desktop-entry"), QStringLiteral("org.stackvault.StackVault")}};
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    call << QStringLiteral("StackVault") << uint(0) << QStringLiteral("org.stackvault.StackVault") << notice.summary
         << body << QStringList() << hints << int(0); // 0: stays until the user closes it
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [done](QDBusPendingCallWatcher *pending) {
        pending->deleteLater();
        QDBusPendingReply<uint> reply = *pending;
        if (reply.isError())
            return done(false, tr("the notification service did not take the notification (%1: %2)")
                                   .arg(Service, reply.error().message()));
        qCInfo(lcPlans) << "desktop notification" << reply.value() << "shown";
        done(true, {});
    });
}

} // namespace sv
