#pragma once

#include "plans/planrunreport.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace sv {

// What a failed unattended run tells the desktop: which plan, how many servers failed, the first error,
// and what to do next.
struct PlanFailureNotice
{
    QString summary;
    QString body; // plain text, lines separated by '\n'

    bool isEmpty() const { return summary.isEmpty(); }
    // The notice for a finished run: empty when the run succeeded (or was cancelled by hand: nobody needs
    // telling), else what failed.
    static PlanFailureNotice forReport(const PlanRunReport &report);
    // The notice for a run that could not start at all (plans file unreadable, plan locked, storage closed…).
    static PlanFailureNotice forStartFailure(const QString &plan, const QString &why);

    Q_DECLARE_TR_FUNCTIONS(sv::PlanFailureNotice)
};

// Raises a freedesktop notification (org.freedesktop.Notifications.Notify on the D-Bus session bus,
// urgency critical, no expiry) for a failed unattended run of a plan. Asynchronous: the answer arrives in
// `done` on this object's thread, never through a nested event loop. Without a reachable session bus, or
// without a notification service on it, `done` says why (the caller writes that into the run's log; it never
// changes the run's outcome).
class PlanNotifier : public QObject
{
    Q_OBJECT
public:
    // `busAddress`: a D-Bus address to use instead of the session bus (tests); empty: the session bus.
    explicit PlanNotifier(const QString &busAddress = {}, QObject *parent = nullptr);
    ~PlanNotifier() override;

    // `done(shown, why)`: shown is true once the notification service took the notification (its id > 0).
    void send(const PlanFailureNotice &notice, std::function<void(bool shown, const QString &why)> done);

    static constexpr int CallTimeoutMs = 10000;

private:
    void notify(const PlanFailureNotice &notice, bool markup, std::function<void(bool, const QString &)> done);

    QString m_busAddress;
    QString m_connectionName;
};

} // namespace sv
