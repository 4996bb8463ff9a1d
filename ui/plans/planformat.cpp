#include "plans/planformat.h"

#include "plans/plansservice.h"

#include "common/formatting.h"

#include <QLocale>

namespace sv::ui {

QString PlanFormat::weekday(int day)
{
    return QLocale().dayName(day < 1 || day > 7 ? 1 : day, QLocale::LongFormat);
}

QString PlanFormat::schedule(const PlanSchedule &schedule)
{
    const QString time = QStringLiteral("%1:%2").arg(schedule.hour, 2, 10, QLatin1Char('0')).arg(schedule.minute, 2, 10, QLatin1Char('0'));
    switch (schedule.kind) {
    case PlanSchedule::Kind::None:
        return tr("By hand only");
    case PlanSchedule::Kind::Hourly:
        return tr("Hourly at minute %1").arg(schedule.minute, 2, 10, QLatin1Char('0'));
    case PlanSchedule::Kind::Daily:
        return tr("Daily at %1").arg(time);
    case PlanSchedule::Kind::Weekly:
        return tr("Weekly on %1 at %2").arg(weekday(schedule.weekday), time);
    case PlanSchedule::Kind::Calendar:
        return tr("Calendar: %1").arg(schedule.calendar);
    }
    return {};
}

QString PlanFormat::state(PlanRunReport::State state)
{
    switch (state) {
    case PlanRunReport::State::Running:
        return tr("Running");
    case PlanRunReport::State::Succeeded:
        return tr("Succeeded");
    case PlanRunReport::State::Failed:
        return tr("Failed");
    case PlanRunReport::State::Cancelled:
        return tr("Cancelled");
    case PlanRunReport::State::Interrupted:
        return tr("Interrupted");
    }
    return {};
}

QString PlanFormat::result(PlanServerResult::Result result)
{
    switch (result) {
    case PlanServerResult::Result::Succeeded:
        return tr("Backed up");
    case PlanServerResult::Result::Failed:
        return tr("Failed");
    case PlanServerResult::Result::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString PlanFormat::duration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString PlanFormat::lastRun(bool hasRun, const PlanRunReport &run)
{
    if (!hasRun)
        return tr("Never run");
    return tr("%1 %2 (%3 of %n server(s) backed up)", nullptr, int(run.servers.size()))
        .arg(state(run.state), formatDateTime(run.started))
        .arg(run.succeededCount());
}

QString PlanFormat::installed(const Plan &plan, const PlanOverview &overview)
{
    if (!overview.scheduleInstalled)
        return plan.schedule.isNone() ? tr("No schedule") : tr("Not installed");
    if (!overview.systemdRuns)
        return tr("Written, not active (no systemd)");
    if (overview.timerState != u"enabled")
        return tr("Installed, timer %1").arg(overview.timerState.isEmpty() ? tr("state unknown") : overview.timerState);
    if (!overview.scheduleUpToDate)
        return tr("Installed, outdated: install again");
    return tr("Installed");
}

} // namespace sv::ui
