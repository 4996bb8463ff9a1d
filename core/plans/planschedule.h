#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace sv {

// When a plan runs unattended: never (run by hand), hourly at a minute, daily or weekly at a time, or any
// systemd calendar expression (OnCalendar=, systemd.time(7)). Times are local, as systemd reads them.
struct PlanSchedule
{
    enum class Kind { None, Hourly, Daily, Weekly, Calendar };
    Kind kind = Kind::None;
    int minute = 0;  // Hourly, Daily, Weekly
    int hour = 0;    // Daily, Weekly
    int weekday = 1; // Weekly: 1 = Monday … 7 = Sunday
    QString calendar; // Calendar: the expression as given

    // "none", "hourly", "hourly :MM", "daily", "daily HH:MM", "weekly", "weekly DAY HH:MM" (DAY: mon … sun),
    // or "calendar EXPR" for a systemd OnCalendar expression; nullopt with one sentence in `why` otherwise.
    // A calendar expression is only checked for what would break a unit file here: checkCalendar() asks
    // systemd whether it understands it.
    static std::optional<PlanSchedule> parse(const QString &text, QString *why = nullptr);
    QString toString() const; // parse(toString()) gives the same schedule
    bool isNone() const { return kind == Kind::None; }

    // The OnCalendar= value of the plan's timer; empty for None.
    QString onCalendar() const;
    // The five time fields of a crontab line ("30 2 * * 1"); empty (with `why`) for None and for calendar
    // expressions, which cron cannot express in general.
    QString cronFields(QString *why = nullptr) const;
    // The first run strictly after `after` (local time) for Hourly, Daily and Weekly; invalid for None and
    // Calendar (see nextRunFromSystemd()).
    QDateTime nextRun(const QDateTime &after) const;

    // Runs `systemd-analyze calendar` (blocks up to a few seconds: not for a GUI thread). Returns the next
    // elapse after now (UTC) of `expression`, or an invalid QDateTime with `why`: systemd's own words when it
    // rejects the expression, or that systemd-analyze is not installed (then `missingTool` is set).
    static QDateTime nextRunFromSystemd(const QString &expression, QString *why = nullptr,
                                        bool *missingTool = nullptr, const QDateTime &base = {});

    friend bool operator==(const PlanSchedule &a, const PlanSchedule &b)
    {
        return a.toString() == b.toString();
    }

    Q_DECLARE_TR_FUNCTIONS(sv::PlanSchedule)
};

} // namespace sv
