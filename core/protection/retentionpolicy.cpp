#include "protection/retentionpolicy.h"

#include "bank/bankreports.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace sv {

namespace {

const QString KeepLast = QStringLiteral("keep-last");
const QString KeepHourly = QStringLiteral("keep-hourly");
const QString KeepDaily = QStringLiteral("keep-daily");
const QString KeepWeekly = QStringLiteral("keep-weekly");
const QString KeepMonthly = QStringLiteral("keep-monthly");
const QString KeepYearly = QStringLiteral("keep-yearly");
const QString KeepWithin = QStringLiteral("keep-within");

// The JSON key of a flag: keep-daily → keep_daily.
QString jsonKey(const QString &flag)
{
    QString key = flag;
    return key.replace(QLatin1Char('-'), QLatin1Char('_'));
}

// The count field of a flag, or null for keep-within and unknown names.
int RetentionPolicy::*countField(const QString &flag)
{
    if (flag == KeepLast)
        return &RetentionPolicy::keepLast;
    if (flag == KeepHourly)
        return &RetentionPolicy::keepHourly;
    if (flag == KeepDaily)
        return &RetentionPolicy::keepDaily;
    if (flag == KeepWeekly)
        return &RetentionPolicy::keepWeekly;
    if (flag == KeepMonthly)
        return &RetentionPolicy::keepMonthly;
    if (flag == KeepYearly)
        return &RetentionPolicy::keepYearly;
    return nullptr;
}

int countOf(const RetentionPolicy &policy, const QString &flag)
{
    return policy.*countField(flag);
}

const QStringList &countFlags()
{
    static const QStringList flags{KeepLast, KeepHourly, KeepDaily, KeepWeekly, KeepMonthly, KeepYearly};
    return flags;
}

// One of restic's "buckets": a rule that keeps the newest checkpoint of each period (for keep-last:
// each checkpoint) until its count is used up.
struct Bucket
{
    int count = 0;
    QString last; // the period of the checkpoint it kept last
    QString (*period)(const QDateTime &utc, int position) = nullptr;
    const char *reason = nullptr;
};

QString hourOf(const QDateTime &t, int)
{
    return t.toString(QStringLiteral("yyyy-MM-dd HH'h'"));
}

QString dayOf(const QDateTime &t, int)
{
    return t.toString(QStringLiteral("yyyy-MM-dd"));
}

QString isoWeekOf(const QDateTime &t, int)
{
    int year = 0;
    const int week = t.date().weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

QString monthOf(const QDateTime &t, int)
{
    return t.toString(QStringLiteral("yyyy-MM"));
}

QString yearOf(const QDateTime &t, int)
{
    return t.toString(QStringLiteral("yyyy"));
}

QString positionOf(const QDateTime &, int position)
{
    return QString::number(position);
}

} // namespace

QString RetentionDuration::toString() const
{
    QString text;
    if (years != 0)
        text += QString::number(years) + QLatin1Char('y');
    if (months != 0)
        text += QString::number(months) + QLatin1Char('m');
    if (days != 0)
        text += QString::number(days) + QLatin1Char('d');
    if (hours != 0)
        text += QString::number(hours) + QLatin1Char('h');
    return text;
}

QDateTime RetentionDuration::before(const QDateTime &t) const
{
    // Go's AddDate(-years, -months, -days): the month is normalised into the year, then the day (which
    // may be past the end of that month, or zero or negative) counts on from the month's first day.
    const QDateTime utc = t.toUTC();
    const QDate date = utc.date();
    qint64 month0 = qint64(date.year()) * 12 + (date.month() - 1) - qint64(years) * 12 - months;
    const qint64 year = month0 >= 0 ? month0 / 12 : (month0 - 11) / 12;
    const int month = int(month0 - year * 12) + 1;
    if (year < 1) // before year 1 (Go counts a year 0; QDate does not): before every checkpoint
        return QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).addYears(-1);
    const QDate shifted = QDate(int(year), month, 1).addDays(qint64(date.day()) - 1 - days);
    return QDateTime(shifted, utc.time(), Qt::UTC).addSecs(-qint64(hours) * 3600);
}

bool RetentionDuration::parse(const QString &input, RetentionDuration *duration, QString *why)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        *why = QStringLiteral("an empty duration; give numbers with units, e.g. 7d, 2y5m, 36h");
        return false;
    }
    RetentionDuration d;
    QString seen;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && text.at(i) >= QLatin1Char('0') && text.at(i) <= QLatin1Char('9'))
            ++i;
        if (i == start) {
            *why = QStringLiteral("\"%1\" is not a duration: expected a number at \"%2\" (units: y years, m months, "
                                  "d days, h hours, e.g. 2y5m7d3h)")
                       .arg(text, text.mid(start));
            return false;
        }
        bool ok = false;
        const int number = text.mid(start, i - start).toInt(&ok);
        if (!ok || number > 100000) {
            *why = QStringLiteral("\"%1\" is not a duration: %2 is too large").arg(text, text.mid(start, i - start));
            return false;
        }
        if (i == text.size()) {
            *why = QStringLiteral("\"%1\" is not a duration: the number %2 has no unit (y, m, d or h)").arg(text).arg(number);
            return false;
        }
        const QChar unit = text.at(i++);
        if (seen.contains(unit)) {
            *why = QStringLiteral("\"%1\" is not a duration: the unit %2 is given twice").arg(text, unit);
            return false;
        }
        seen.append(unit);
        if (unit == QLatin1Char('y')) {
            d.years = number;
        } else if (unit == QLatin1Char('m')) {
            d.months = number;
        } else if (unit == QLatin1Char('d')) {
            d.days = number;
        } else if (unit == QLatin1Char('h')) {
            d.hours = number;
        } else {
            *why = QStringLiteral("\"%1\" is not a duration: unknown unit \"%2\" (units: y years, m months, d days, "
                                  "h hours)")
                       .arg(text, unit);
            return false;
        }
    }
    *duration = d;
    return true;
}

bool RetentionPolicy::isEmpty() const
{
    for (const QString &flag : countFlags()) {
        if (countOf(*this, flag) > 0)
            return false;
    }
    RetentionDuration within;
    QString why;
    return keepWithin.trimmed().isEmpty() || !RetentionDuration::parse(keepWithin, &within, &why) || within.isZero();
}

bool RetentionPolicy::validate(QString *why) const
{
    for (const QString &flag : countFlags()) {
        if (countOf(*this, flag) < 0) {
            *why = QStringLiteral("--%1 is %2: give 0 or more backups to keep").arg(flag).arg(countOf(*this, flag));
            return false;
        }
    }
    RetentionDuration within;
    QString durationWhy;
    if (!keepWithin.trimmed().isEmpty() && !RetentionDuration::parse(keepWithin, &within, &durationWhy)) {
        *why = QStringLiteral("--keep-within: %1").arg(durationWhy);
        return false;
    }
    return true;
}

QString RetentionPolicy::describe() const
{
    QStringList parts;
    for (const QString &flag : countFlags()) {
        if (countOf(*this, flag) > 0)
            parts.append(QStringLiteral("%1 %2").arg(flag).arg(countOf(*this, flag)));
    }
    RetentionDuration within;
    QString why;
    if (!keepWithin.trimmed().isEmpty() && RetentionDuration::parse(keepWithin, &within, &why) && !within.isZero())
        parts.append(QStringLiteral("keep-within %1").arg(within.toString()));
    return parts.join(QStringLiteral(", "));
}

QJsonObject RetentionPolicy::toJson() const
{
    QJsonObject json;
    for (const QString &flag : countFlags()) {
        if (countOf(*this, flag) != 0)
            json.insert(jsonKey(flag), countOf(*this, flag));
    }
    if (!keepWithin.isEmpty())
        json.insert(jsonKey(KeepWithin), keepWithin);
    return json;
}

RetentionPolicy RetentionPolicy::fromJson(const QJsonObject &json)
{
    RetentionPolicy policy;
    for (const QString &flag : countFlags())
        policy.*countField(flag) = json.value(jsonKey(flag)).toInt();
    policy.keepWithin = json.value(jsonKey(KeepWithin)).toString();
    return policy;
}

const QStringList &RetentionPolicy::flagNames()
{
    static const QStringList flags = countFlags() + QStringList{KeepWithin};
    return flags;
}

bool RetentionPolicy::setFlag(const QString &flag, const QString &value, QString *why)
{
    if (flag == KeepWithin) {
        RetentionDuration within;
        QString durationWhy;
        if (!RetentionDuration::parse(value, &within, &durationWhy)) {
            *why = QStringLiteral("--keep-within: %1").arg(durationWhy);
            return false;
        }
        keepWithin = value.trimmed();
        return true;
    }
    int RetentionPolicy::*count = countField(flag);
    if (!count) {
        *why = QStringLiteral("--%1 is not a retention option (they are --%2)").arg(flag, flagNames().join(QStringLiteral(", --")));
        return false;
    }
    bool ok = false;
    const qlonglong number = value.trimmed().toLongLong(&ok);
    if (!ok || number < 0 || number > std::numeric_limits<int>::max()) {
        *why = QStringLiteral("--%1 needs a whole number of backups to keep (0 or more), not \"%2\"").arg(flag, value);
        return false;
    }
    this->*count = int(number);
    return true;
}

QList<RetentionDecision> decideRetention(const QList<CheckpointSummary> &checkpoints, const RetentionPolicy &policy,
                                         const QDateTime &now)
{
    QList<RetentionDecision> decisions(checkpoints.size());
    QHash<QString, QList<qsizetype>> groups; // server id → positions of its available checkpoints
    QStringList groupOrder;
    for (qsizetype i = 0; i < checkpoints.size(); ++i) {
        const CheckpointSummary &c = checkpoints.at(i);
        RetentionDecision &decision = decisions[i];
        decision.checkpointId = c.id;
        if (c.status != QLatin1String("available")) {
            decision.keep = true;
            decision.counted = false;
            decision.reasons = {QStringLiteral("status %1").arg(c.status.isEmpty() ? QStringLiteral("unknown") : c.status)};
            continue;
        }
        if (!groups.contains(c.serverId))
            groupOrder.append(c.serverId);
        groups[c.serverId].append(i);
    }

    RetentionDuration within;
    QString why;
    const bool hasWithin = !policy.keepWithin.trimmed().isEmpty()
        && RetentionDuration::parse(policy.keepWithin, &within, &why) && !within.isZero();
    const bool empty = policy.isEmpty();

    for (const QString &server : std::as_const(groupOrder)) {
        QList<qsizetype> group = groups.value(server);
        // Newest first; equal times in a fixed order (by id) so that a decision never depends on the
        // order the bank listed them in.
        std::stable_sort(group.begin(), group.end(), [&](qsizetype a, qsizetype b) {
            const CheckpointSummary &x = checkpoints.at(a);
            const CheckpointSummary &y = checkpoints.at(b);
            if (x.created != y.created)
                return x.created > y.created;
            return x.id < y.id;
        });
        if (empty) {
            for (qsizetype i : std::as_const(group)) {
                decisions[i].keep = true;
                decisions[i].reasons = {QStringLiteral("policy is empty")};
            }
            continue;
        }
        // keep-within counts back from the newest checkpoint that is not in the future (restic's
        // findLatestTimestamp); none at all: from year 1, so every checkpoint is within.
        QDateTime latest(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
        for (qsizetype i : std::as_const(group)) {
            const QDateTime created = checkpoints.at(i).created;
            if (created > latest && created < now)
                latest = created;
        }
        const QDateTime withinLimit = hasWithin ? within.before(latest) : QDateTime();
        Bucket buckets[] = {
            {policy.keepLast, {}, positionOf, "last"},   {policy.keepHourly, {}, hourOf, "hourly"},
            {policy.keepDaily, {}, dayOf, "daily"},      {policy.keepWeekly, {}, isoWeekOf, "weekly"},
            {policy.keepMonthly, {}, monthOf, "monthly"}, {policy.keepYearly, {}, yearOf, "yearly"},
        };
        int position = 0;
        for (qsizetype i : std::as_const(group)) {
            const QDateTime created = checkpoints.at(i).created.toUTC();
            RetentionDecision &decision = decisions[i];
            if (hasWithin && created > withinLimit)
                decision.reasons.append(QStringLiteral("within %1").arg(within.toString()));
            for (Bucket &bucket : buckets) {
                if (bucket.count <= 0)
                    continue;
                const QString period = bucket.period(created, position);
                if (period == bucket.last)
                    continue;
                bucket.last = period;
                --bucket.count;
                if (bucket.period == positionOf)
                    decision.reasons.append(QStringLiteral("last %1/%2").arg(position + 1).arg(policy.keepLast));
                else
                    decision.reasons.append(QStringLiteral("%1 %2").arg(QLatin1String(bucket.reason), period));
            }
            decision.keep = !decision.reasons.isEmpty();
            ++position;
        }
    }
    return decisions;
}

} // namespace sv
