#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

struct CheckpointSummary;

// A span of time in restic's `--keep-within` syntax: a number and a unit, repeated, e.g. "2y5m7d3h"
// (y years, m months, d days, h hours). Going back by it is calendar arithmetic as restic (Go's
// time.AddDate) does it: years and months first, a day past the end of a month rolls into the next
// (31 March minus one month is 3 March, not 28 February), then days, then hours.
struct RetentionDuration
{
    int years = 0;
    int months = 0;
    int days = 0;
    int hours = 0;

    bool isZero() const { return years == 0 && months == 0 && days == 0 && hours == 0; }
    // restic's spelling: the non-zero parts in the order y, m, d, h ("2y7d"); empty when zero.
    QString toString() const;
    // `t` minus this duration (in UTC).
    QDateTime before(const QDateTime &t) const;
    // Stricter than restic: every number is 0 or more, each unit at most once, and something is given.
    // False with a sentence in *why.
    static bool parse(const QString &text, RetentionDuration *duration, QString *why);
};

// Which checkpoints to keep, with restic's `forget --keep-*` semantics (README, "Retention"). Counts of 0
// and an empty keepWithin are "not set".
struct RetentionPolicy
{
    int keepLast = 0;
    int keepHourly = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;
    int keepYearly = 0;
    QString keepWithin; // restic syntax, e.g. "2y5m7d3h"; empty: not set

    // Nothing set (or only zeros, or a keepWithin of zero length): such a policy would remove every
    // backup, so decideRetention keeps everything and the CLI and ForgetJob refuse it.
    bool isEmpty() const;
    // Every count is 0 or more and keepWithin parses. False with a sentence in *why.
    bool validate(QString *why) const;
    // "keep-daily 7, keep-weekly 4, keep-within 2y": the set options in flag order.
    QString describe() const;
    // {"keep_last": 3, "keep_daily": 7, "keep_within": "2y"}: only what is set.
    QJsonObject toJson() const;
    // Missing keys are 0 / empty; wrong types read as 0 (validate() then says nothing is wrong with
    // them, so check isEmpty() as well).
    static RetentionPolicy fromJson(const QJsonObject &json);

    // The command-line flags, in restic's order: keep-last, keep-hourly, keep-daily, keep-weekly,
    // keep-monthly, keep-yearly, keep-within.
    static const QStringList &flagNames();
    // Sets the field of one flag (a name from flagNames()) from its text: a whole number ≥ 0, or a
    // duration for keep-within. False with a sentence naming the flag in *why.
    bool setFlag(const QString &flag, const QString &value, QString *why);
};

struct RetentionDecision
{
    QString checkpointId;
    bool keep = false;
    // False for a checkpoint the policy does not look at (status other than `available`: a backup
    // being written, failed, or being deleted). Such a checkpoint is kept (never removed by retention)
    // and takes no place in any of the policy's counts.
    bool counted = true;
    // Why it is kept, one entry per rule that keeps it: "last 1/3", "hourly 2026-12-03 14h",
    // "daily 2026-12-03", "weekly 2026-W49", "monthly 2026-12", "yearly 2026", "within 2y5m";
    // or, not counted, "status protecting". Empty for a checkpoint to remove.
    QStringList reasons;
};

// Applies `policy` to each server's checkpoints separately (grouped by server id), as
// `restic forget --group-by host` does to each host's snapshots: newest first, a checkpoint is kept if
// keepWithin covers it (created after the group's newest checkpoint that is not in the future, minus
// the duration) or if it is the newest one in an hour/day/ISO week/month/year (UTC) not yet seen while
// that rule still has slots left (keepLast: every checkpoint until its slots are used). Only
// `available` checkpoints take part; the others are kept, not counted. An empty policy keeps
// everything. Returns one decision per checkpoint, in the order of `checkpoints`. `now` decides which
// checkpoints are "in the future" (restic ignores those when it finds the newest).
QList<RetentionDecision> decideRetention(const QList<CheckpointSummary> &checkpoints, const RetentionPolicy &policy,
                                         const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace sv
