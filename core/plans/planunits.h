#pragma once

#include "plans/plan.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace sv {

// What runs a plan unattended: a systemd user service + timer pair (stackvault-plan-NAME.service/.timer in
// $XDG_CONFIG_HOME/systemd/user, the timer Persistent=true so that a run missed while the machine was off
// happens at the next boot), or, where no user systemd runs, a crontab line. Both run `stackvault-cli plans run
// NAME --scheduled --notify-on-failure`: a disabled plan does nothing, and a failure raises a desktop notification.
class PlanUnits
{
public:
    static QString serviceName(const QString &plan); // stackvault-plan-NAME.service
    static QString timerName(const QString &plan);   // stackvault-plan-NAME.timer
    static QString unitDirectory();                  // $XDG_CONFIG_HOME/systemd/user

    // `program`: the stackvault-cli to run; `environment`: variables the run needs to find the same plans,
    // clouds and settings (XDG_CONFIG_HOME when it is not the default, …).
    static QString serviceText(const Plan &plan, const QString &program, const QHash<QString, QString> &environment);
    // Empty when systemd can run `program`; else one sentence (systemd refuses executables whose path holds
    // a quote, a backslash or a control character).
    static QString programError(const QString &program);
    // Empty for a plan without a schedule.
    static QString timerText(const Plan &plan);
    // "30 2 * * * '/usr/bin/stackvault-cli' plans run nightly --scheduled --notify-on-failure", or empty with `why`.
    static QString cronLine(const Plan &plan, const QString &program, const QHash<QString, QString> &environment,
                            QString *why = nullptr);
    // The variables of this process that a scheduled run needs (XDG_CONFIG_HOME, XDG_DATA_HOME,
    // XDG_CACHE_HOME when set).
    static QHash<QString, QString> runEnvironment();

    Q_DECLARE_TR_FUNCTIONS(sv::PlanUnits)
};

} // namespace sv
