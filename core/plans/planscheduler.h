#pragma once

#include "plans/plan.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace sv {

// Installs, removes and inspects a plan's unattended schedule: the PlanUnits service + timer in the systemd
// user unit folder, enabled with `systemctl --user`, or — where no systemd user instance runs — the units
// written anyway plus a crontab line to add by hand. What `stackvault-cli plans schedule` and the desktop's
// Plans view both do.
//
// Every call blocks on the disk and on systemctl (up to 30 s each): the CLI calls it directly, the desktop on
// the thread pool. One object per call is fine; it holds only where things are.
class PlanScheduler
{
public:
    struct Tools
    {
        QString unitDirectory; // where the units go ($XDG_CONFIG_HOME/systemd/user)
        QString systemctl;     // the systemctl to run with --user; empty: not installed
        QString program;       // the stackvault-cli the units run; empty: not found
        QHash<QString, QString> environment; // PlanUnits::runEnvironment()
    };
    // The user's unit folder, systemctl from PATH, this process's XDG variables, and `program`.
    static Tools defaultTools(const QString &program);

    explicit PlanScheduler(Tools tools);
    const Tools &tools() const { return m_tools; }

    struct Outcome
    {
        bool ok = false;           // done as asked (install: units written AND the timer enabled)
        bool nothingToDo = false;  // remove: no units were there
        bool unitsWritten = false; // install: both unit files are written (even when not enabled)
        bool systemdRuns = false;  // a systemd user instance answered
        QString systemdWhy;        // why not (systemctl's words)
        QString message;           // one sentence: what was done, or what failed and what to do
        QStringList warnings;      // things that went wrong on the way but did not stop it
        QString cronLine;          // install without systemd: the crontab line (empty with cronWhy)
        QString cronWhy;
        QString timerPath;
        QString servicePath;
    };
    Outcome install(const Plan &plan) const;
    Outcome remove(const QString &plan) const;
    // After a plan was edited: an installed schedule follows it (`plans edit`, the desktop editor). Its units
    // are rewritten when they no longer say what the plan and the tools write (install()), removed when the
    // plan has no schedule any more (remove()); nothing is done when they are not installed or up to date.
    struct Followed
    {
        bool done = false;       // install() or remove() ran: `outcome` says how it went
        bool installing = false; // install() (else remove())
        Outcome outcome;
    };
    Followed follow(const Plan &plan) const;

    struct Status
    {
        bool installed = false; // the timer unit file is there
        bool upToDate = false;  // installed, and both units' text is what the plan and the tools write now
        QString timerState;     // `systemctl --user is-enabled`: "enabled", "disabled", …; empty without systemd
    };
    // Whether a systemd user instance answers (`systemctl --user show-environment`); `why` says why not.
    bool userSystemdRuns(QString *why) const;
    // `systemdRuns` from userSystemdRuns() (asked once for many plans).
    Status status(const Plan &plan, bool systemdRuns) const;
    bool isInstalled(const QString &plan) const;

    QString timerPath(const QString &plan) const;
    QString servicePath(const QString &plan) const;

    Q_DECLARE_TR_FUNCTIONS(sv::PlanScheduler)

private:
    struct Ran
    {
        bool ok = false;
        QString output; // stdout and stderr, trimmed
    };
    Ran systemctlUser(const QStringList &arguments) const;

    Tools m_tools;
};

} // namespace sv
