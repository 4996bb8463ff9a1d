#include "plans/planschedule.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>

namespace sv {

namespace {
const char *const Weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char *const SystemdWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};


// "HH:MM" → hour and minute.
bool parseTime(const QString &text, int *hour, int *minute)
{
    static const QRegularExpression pattern(QStringLiteral("^([01]?[0-9]|2[0-3]):([0-5][0-9])$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    *hour = match.captured(1).toInt();
    *minute = match.captured(2).toInt();
    return true;
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}
} // namespace

std::optional<PlanSchedule> PlanSchedule::parse(const QString &text, QString *why)
{
    const auto fail = [why](const QString &sentence) -> std::optional<PlanSchedule> {
        if (why)
            *why = sentence;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const QStringList words = trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString kind = words.value(0).toLower();
    PlanSchedule schedule;
    if (kind.isEmpty() || kind == u"none") {
        if (words.size() > 1)
            return fail(tr("\"none\" takes nothing after it."));
        return schedule;
    }
    if (kind == u"hourly") {
        schedule.kind = Kind::Hourly;
        if (words.size() == 1)
            return schedule;
        static const QRegularExpression minute(QStringLiteral("^:([0-5][0-9])$"));
        const QRegularExpressionMatch match = minute.match(words.value(1));
        if (words.size() > 2 || !match.hasMatch())
            return fail(tr("An hourly schedule takes the minute as \":MM\" (00 to 59), e.g. \"hourly :15\"; got \"%1\".")
                            .arg(trimmed));
        schedule.minute = match.captured(1).toInt();
        return schedule;
    }
    if (kind == u"daily") {
        schedule.kind = Kind::Daily;
        if (words.size() == 1)
            return schedule;
        if (words.size() > 2 || !parseTime(words.value(1), &schedule.hour, &schedule.minute))
            return fail(tr("A daily schedule takes a time as HH:MM (00:00 to 23:59), e.g. \"daily 02:00\"; got \"%1\".")
                            .arg(trimmed));
        return schedule;
    }
    if (kind == u"weekly") {
        schedule.kind = Kind::Weekly;
        if (words.size() == 1)
            return schedule;
        int day = 0;
        for (int i = 0; i < 7; ++i) {
            if (words.value(1).toLower() == QLatin1String(Weekdays[i]))
                day = i + 1;
        }
        if (words.size() != 3 || day == 0 || !parseTime(words.value(2), &schedule.hour, &schedule.minute))
            return fail(tr("A weekly schedule takes a day (mon, tue, wed, thu, fri, sat or sun) and a time as HH:MM, "
                           "e.g. \"weekly sun 03:30\"; got \"%1\".")
                            .arg(trimmed));
        schedule.weekday = day;
        return schedule;
    }
    if (kind == u"calendar") {
        schedule.kind = Kind::Calendar;
        schedule.calendar = trimmed.mid(trimmed.indexOf(QLatin1Char(' ')) + 1).trimmed();
        if (words.size() < 2)
            return fail(tr("\"calendar\" takes a systemd calendar expression after it, e.g. \"calendar Mon..Fri 22:00\"."));
        for (const QChar c : std::as_const(schedule.calendar)) {
            // A line break or a control character would end the OnCalendar= line of the timer early.
            if (c.category() == QChar::Other_Control || c == u'%' || c == u'\\')
                return fail(tr("The calendar expression \"%1\" holds a character a systemd unit cannot take "
                               "(a control character, % or \\).")
                                .arg(schedule.calendar));
        }
        return schedule;
    }
    return fail(tr("Unknown schedule \"%1\": use none, hourly [:MM], daily [HH:MM], weekly [DAY HH:MM] or "
                   "calendar EXPRESSION (a systemd OnCalendar expression).")
                    .arg(trimmed));
}

QString PlanSchedule::toString() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Hourly:
        return QStringLiteral("hourly :") + twoDigits(minute);
    case Kind::Daily:
        return QStringLiteral("daily %1:%2").arg(twoDigits(hour), twoDigits(minute));
    case Kind::Weekly:
        return QStringLiteral("weekly %1 %2:%3").arg(QLatin1String(Weekdays[weekday - 1]), twoDigits(hour), twoDigits(minute));
    case Kind::Calendar:
        return QStringLiteral("calendar ") + calendar;
    }
    return {};
}

QString PlanSchedule::onCalendar() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Hourly:
        return QStringLiteral("*-*-* *:%1:00").arg(twoDigits(minute));
    case Kind::Daily:
        return QStringLiteral("*-*-* %1:%2:00").arg(twoDigits(hour), twoDigits(minute));
    case Kind::Weekly:
        return QStringLiteral("%1 *-*-* %2:%3:00")
            .arg(QLatin1String(SystemdWeekdays[weekday - 1]), twoDigits(hour), twoDigits(minute));
    case Kind::Calendar:
        return calendar;
    }
    return {};
}

QString PlanSchedule::cronFields(QString *why) const
{
    switch (kind) {
    case Kind::None:
        if (why)
            *why = tr("The plan has no schedule.");
        return {};
    case Kind::Hourly:
        return QStringLiteral("%1 * * * *").arg(minute);
    case Kind::Daily:
        return QStringLiteral("%1 %2 * * *").arg(minute).arg(hour);
    case Kind::Weekly:
        return QStringLiteral("%1 %2 * * %3").arg(minute).arg(hour).arg(weekday % 7); // cron: 0 = Sunday
    case Kind::Calendar:
        if (why)
            *why = tr("A systemd calendar expression has no crontab equivalent StackVault can write; give the plan "
                      "an hourly, daily or weekly schedule to run it from cron.");
        return {};
    }
    return {};
}

QDateTime PlanSchedule::nextRun(const QDateTime &after) const
{
    if (kind == Kind::None || kind == Kind::Calendar || !after.isValid())
        return {};
    const QDateTime local = after.toLocalTime();
    if (kind == Kind::Hourly) {
        QDateTime candidate(local.date(), QTime(local.time().hour(), minute));
        if (candidate <= local)
            candidate = candidate.addSecs(3600);
        return candidate;
    }
    QDate day = local.date();
    for (int i = 0; i < 9; ++i, day = day.addDays(1)) {
        if (kind == Kind::Weekly && day.dayOfWeek() != weekday)
            continue;
        const QDateTime candidate(day, QTime(hour, minute));
        if (candidate.isValid() && candidate > local)
            return candidate;
    }
    return {};
}

QDateTime PlanSchedule::nextRunFromSystemd(const QString &expression, QString *why, bool *missingTool,
                                           const QDateTime &base)
{
    if (missingTool)
        *missingTool = false;
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (tool.isEmpty()) {
        if (missingTool)
            *missingTool = true;
        if (why)
            *why = tr("systemd-analyze is not installed, so the next run of a calendar expression cannot be computed.");
        return {};
    }
    QStringList arguments{QStringLiteral("calendar"), QStringLiteral("--iterations=1")};
    if (base.isValid())
        arguments.append(QStringLiteral("--base-time=@%1").arg(base.toSecsSinceEpoch()));
    arguments.append(expression);
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        if (why)
            *why = tr("systemd-analyze calendar did not answer.");
        return {};
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (why)
            *why = tr("systemd does not understand the calendar expression \"%1\": %2")
                       .arg(expression, QString::fromUtf8(process.readAllStandardError()).trimmed());
        return {};
    }
    // "    Next elapse: Mon 2026-12-07 02:00:00 CET" and, when the local zone is not UTC,
    // "       (in UTC): Mon 2026-12-07 01:00:00 UTC".
    static const QRegularExpression line(
        QStringLiteral("^\\s*(Next elapse|\\(in UTC\\)): \\w+ (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)"),
        QRegularExpression::MultilineOption);
    QDateTime next;
    auto it = line.globalMatch(output);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        // The UTC line wins; without it the local zone is UTC.
        QDateTime at = QDateTime::fromString(match.captured(2), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        at.setTimeSpec(Qt::UTC);
        if (!next.isValid() || match.captured(1) == u"(in UTC)")
            next = at;
    }
    if (!next.isValid() && why)
        *why = output.contains(QLatin1String("Next elapse: never"))
            ? tr("The calendar expression \"%1\" never elapses again.").arg(expression)
            : tr("systemd-analyze calendar printed no next elapse for \"%1\".").arg(expression);
    return next;
}

} // namespace sv
