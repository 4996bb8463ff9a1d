#include "plans/planscheduler.h"

#include "plans/planunits.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace sv {

namespace {
constexpr int SystemctlTimeoutMs = 30000;

bool writeUnit(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = PlanScheduler::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

PlanScheduler::Tools PlanScheduler::defaultTools(const QString &program)
{
    return Tools{PlanUnits::unitDirectory(), QStandardPaths::findExecutable(QStringLiteral("systemctl")), program,
                 PlanUnits::runEnvironment()};
}

PlanScheduler::PlanScheduler(Tools tools)
    : m_tools(std::move(tools))
{ }

QString PlanScheduler::timerPath(const QString &plan) const
{
    return QDir(m_tools.unitDirectory).filePath(PlanUnits::timerName(plan));
}

QString PlanScheduler::servicePath(const QString &plan) const
{
    return QDir(m_tools.unitDirectory).filePath(PlanUnits::serviceName(plan));
}

PlanScheduler::Ran PlanScheduler::systemctlUser(const QStringList &arguments) const
{
    if (m_tools.systemctl.isEmpty())
        return {false, tr("systemctl is not installed")};
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_tools.systemctl, QStringList{QStringLiteral("--user")} + arguments);
    if (!process.waitForStarted(SystemctlTimeoutMs))
        return {false, tr("%1 could not be started: %2").arg(m_tools.systemctl, process.errorString())};
    if (!process.waitForFinished(SystemctlTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {false, tr("systemctl --user %1 did not answer within %2 s").arg(arguments.join(u' ')).arg(SystemctlTimeoutMs / 1000)};
    }
    return {process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            QString::fromUtf8(process.readAll()).trimmed()};
}

bool PlanScheduler::userSystemdRuns(QString *why) const
{
    const Ran probe = systemctlUser({QStringLiteral("show-environment")});
    if (!probe.ok && why)
        *why = probe.output.isEmpty() ? tr("systemctl --user failed") : probe.output;
    return probe.ok;
}

bool PlanScheduler::isInstalled(const QString &plan) const
{
    return QFile::exists(timerPath(plan));
}

PlanScheduler::Status PlanScheduler::status(const Plan &plan, bool systemdRuns) const
{
    Status status;
    QFile timer(timerPath(plan.name));
    status.installed = timer.exists();
    if (!status.installed)
        return status;
    status.upToDate = timer.open(QIODevice::ReadOnly) && QString::fromUtf8(timer.readAll()) == PlanUnits::timerText(plan);
    if (status.upToDate && !m_tools.program.isEmpty()) {
        // The service names the stackvault-cli and the environment it runs with: one moved or updated to
        // another path since leaves a timer that starts a program no longer there.
        QFile service(servicePath(plan.name));
        status.upToDate = service.open(QIODevice::ReadOnly)
            && QString::fromUtf8(service.readAll()) == PlanUnits::serviceText(plan, m_tools.program, m_tools.environment);
    }
    if (systemdRuns)
        status.timerState = systemctlUser({QStringLiteral("is-enabled"), PlanUnits::timerName(plan.name)}).output;
    return status;
}

PlanScheduler::Outcome PlanScheduler::install(const Plan &plan) const
{
    Outcome outcome;
    outcome.timerPath = timerPath(plan.name);
    outcome.servicePath = servicePath(plan.name);
    const QString timer = PlanUnits::timerName(plan.name);
    if (plan.schedule.isNone()) {
        outcome.message = tr("Plan %1 has no schedule: give it one first (Edit…, or `stackvault-cli plans edit %1 "
                             "--schedule \"daily 02:00\"`).")
                              .arg(plan.name);
        return outcome;
    }
    if (m_tools.program.isEmpty()) {
        outcome.message = tr("stackvault-cli was not found (beside StackVault or on PATH): the schedule runs it. "
                             "Install it, then try again.");
        return outcome;
    }
    outcome.message = PlanUnits::programError(m_tools.program);
    if (!outcome.message.isEmpty())
        return outcome;
    if (!QDir().mkpath(m_tools.unitDirectory)) {
        outcome.message = tr("Cannot create the folder %1 for the systemd user units.").arg(m_tools.unitDirectory);
        return outcome;
    }
    if (!writeUnit(outcome.servicePath, PlanUnits::serviceText(plan, m_tools.program, m_tools.environment), &outcome.message)
        || !writeUnit(outcome.timerPath, PlanUnits::timerText(plan), &outcome.message))
        return outcome;
    outcome.unitsWritten = true;
    outcome.systemdRuns = userSystemdRuns(&outcome.systemdWhy);
    if (!outcome.systemdRuns) {
        outcome.message = tr("No systemd user instance runs here (%1), so the schedule is NOT active. The units are "
                             "written (%2, %3) and take effect once one runs: systemctl --user enable --now %4")
                              .arg(outcome.systemdWhy, outcome.timerPath, outcome.servicePath, timer);
        outcome.cronLine = PlanUnits::cronLine(plan, m_tools.program, m_tools.environment, &outcome.cronWhy);
        return outcome;
    }
    if (const Ran reload = systemctlUser({QStringLiteral("daemon-reload")}); !reload.ok)
        outcome.warnings.append(tr("systemctl --user daemon-reload: %1").arg(reload.output));
    const Ran enabled = systemctlUser({QStringLiteral("enable"), QStringLiteral("--now"), timer});
    if (!enabled.ok) {
        outcome.message = tr("systemctl --user enable --now %1 failed: %2").arg(timer, enabled.output);
        return outcome;
    }
    outcome.ok = true;
    outcome.message = tr("Installed and enabled %1 (%2).").arg(timer, plan.schedule.toString());
    return outcome;
}

PlanScheduler::Followed PlanScheduler::follow(const Plan &plan) const
{
    Followed followed;
    if (!isInstalled(plan.name))
        return followed;
    if (plan.schedule.isNone()) {
        followed.done = true;
        followed.outcome = remove(plan.name);
    } else if (!status(plan, false).upToDate) {
        followed.done = followed.installing = true;
        followed.outcome = install(plan);
    }
    return followed;
}

PlanScheduler::Outcome PlanScheduler::remove(const QString &plan) const
{
    Outcome outcome;
    outcome.timerPath = timerPath(plan);
    outcome.servicePath = servicePath(plan);
    const QString timer = PlanUnits::timerName(plan);
    if (!QFile::exists(outcome.servicePath) && !QFile::exists(outcome.timerPath)) {
        outcome.ok = true;
        outcome.nothingToDo = true;
        outcome.message = tr("Plan %1 has no schedule installed (no %2).").arg(plan, outcome.timerPath);
        return outcome;
    }
    outcome.systemdRuns = userSystemdRuns(&outcome.systemdWhy);
    if (outcome.systemdRuns) {
        if (const Ran disabled = systemctlUser({QStringLiteral("disable"), QStringLiteral("--now"), timer}); !disabled.ok)
            outcome.warnings.append(tr("systemctl --user disable --now %1: %2").arg(timer, disabled.output));
    }
    for (const QString &path : {outcome.timerPath, outcome.servicePath}) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            outcome.message = tr("Cannot remove %1.").arg(path);
            return outcome;
        }
    }
    if (outcome.systemdRuns) {
        if (const Ran reload = systemctlUser({QStringLiteral("daemon-reload")}); !reload.ok)
            outcome.warnings.append(tr("systemctl --user daemon-reload: %1").arg(reload.output));
    }
    outcome.ok = true;
    outcome.message = tr("Removed the schedule of plan %1 (%2 and %3).").arg(plan, timer, PlanUnits::serviceName(plan));
    return outcome;
}

} // namespace sv
