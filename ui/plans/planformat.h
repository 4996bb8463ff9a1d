#pragma once

#include "plans/plan.h"
#include "plans/planrunreport.h"

#include <QCoreApplication>
#include <QString>

namespace sv::ui {

struct PlanOverview;

// How the Plans view words a plan's parts: its schedule, a run's state, a server's result, a duration.
class PlanFormat
{
    Q_DECLARE_TR_FUNCTIONS(sv::ui::PlanFormat)
public:
    static QString schedule(const PlanSchedule &schedule); // "Daily at 02:00", "By hand only", …
    static QString state(PlanRunReport::State state);      // "Succeeded", "Failed", …
    static QString result(PlanServerResult::Result result);
    static QString duration(qint64 ms);                    // "4 s", "2 min 5 s", "1 h 3 min"
    static QString weekday(int day);                       // 1 = Monday
    // "Failed 2026-12-06 01:40 (1 of 2 servers backed up)", or "Never run".
    static QString lastRun(bool hasRun, const PlanRunReport &run);
    // Whether the plan's schedule runs unattended: "Installed", "Not installed", "Installed, timer disabled",
    // "Written, not active (no systemd)", "Installed, outdated: install again", "No schedule".
    static QString installed(const Plan &plan, const PlanOverview &overview);
};

} // namespace sv::ui
