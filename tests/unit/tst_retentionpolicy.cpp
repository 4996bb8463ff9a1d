// decideRetention against hand-checked cases (restic 0.14's forget semantics; the oracle test compares
// with restic itself on a long history), and the policy's parser, JSON and description.
#include "bank/bankreports.h"
#include "protection/retentionpolicy.h"

#include <QJsonDocument>
#include <QTest>

#include "literals.h"

using namespace sv;

namespace {

QDateTime utc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    t.setTimeSpec(Qt::UTC);
    return t;
}

// "id server yyyy-MM-dd HH:mm:ss [status]" per checkpoint.
QList<CheckpointSummary> history(const QStringList &lines)
{
    QList<CheckpointSummary> list;
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(' '));
        CheckpointSummary c;
        c.id = f.at(0);
        c.serverId = f.at(1);
        c.serverName = f.at(1) + QStringLiteral("-name");
        c.created = utc(f.at(2) + QLatin1Char(' ') + f.at(3));
        c.status = f.size() > 4 ? f.at(4) : QStringLiteral("available");
        list.append(c);
    }
    return list;
}

RetentionPolicy policyOf(const QStringList &flags)
{
    RetentionPolicy policy;
    for (const QString &flag : flags) {
        const qsizetype eq = flag.indexOf(QLatin1Char('='));
        QString why;
        if (!policy.setFlag(flag.left(eq), flag.mid(eq + 1), &why))
            qWarning("%s", qPrintable(why));
    }
    return policy;
}

// "id keep reason; reason" / "id remove" / "id skip reason" (kept, not counted).
QStringList render(const QList<RetentionDecision> &decisions)
{
    QStringList lines;
    for (const RetentionDecision &d : decisions) {
        const QString verdict = !d.counted ? QStringLiteral("skip") : d.keep ? QStringLiteral("keep") : QStringLiteral("remove");
        lines.append(QString(d.checkpointId + QLatin1Char(' ') + verdict + QLatin1Char(' ') + d.reasons.join(QStringLiteral("; "))).trimmed());
    }
    return lines;
}

} // namespace

class TestRetentionPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QStringList>("checkpoints");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QStringList>("expected"); // in the order of `checkpoints`
        const QString now = QStringLiteral("2027-01-01 00:00:00");

        QTest::newRow("keep-last 2 of 4, listed in any order")
            << svtest::names({"b s 2026-12-02 10:00:00", "d s 2026-12-04 10:00:00", "a s 2026-12-01 10:00:00",
                           "c s 2026-12-03 10:00:00"})
            << svtest::names({"keep-last=2"}) << now
            << svtest::names({"b remove", "d keep last 1/2", "a remove", "c keep last 2/2"});

        // The newest of each day counts; three days but two slots.
        QTest::newRow("keep-daily 2: the newest of each day")
            << svtest::names({"a s 2026-12-01 23:00:00", "b s 2026-12-02 10:00:00", "c s 2026-12-02 12:00:00",
                           "d s 2026-12-02 23:59:59", "e s 2026-12-03 00:00:00", "f s 2026-12-03 08:00:00"})
            << svtest::names({"keep-daily=2"}) << now
            << svtest::names({"a remove", "b remove", "c remove", "d keep daily 2026-12-02", "e remove",
                           "f keep daily 2026-12-03"});

        QTest::newRow("keep-hourly 3")
            << svtest::names({"a s 2026-12-03 09:59:59", "b s 2026-12-03 10:00:00", "c s 2026-12-03 10:30:00",
                           "d s 2026-12-03 12:10:00", "e s 2026-12-03 12:50:00"})
            << svtest::names({"keep-hourly=3"}) << now
            << svtest::names({"a keep hourly 2026-12-03 09h", "b remove", "c keep hourly 2026-12-03 10h", "d remove",
                           "e keep hourly 2026-12-03 12h"});

        // ISO weeks: Thursday 2026-01-01 and Monday 2025-12-29 are both in 2026-W01; Sunday 2025-12-28
        // is in 2025-W52.
        QTest::newRow("keep-weekly: ISO weeks across new year")
            << svtest::names({"sun s 2025-12-28 20:00:00", "mon s 2025-12-29 08:00:00", "thu s 2026-01-01 08:00:00",
                           "old s 2025-12-21 08:00:00"})
            << svtest::names({"keep-weekly=2"}) << now
            << svtest::names({"sun keep weekly 2025-W52", "mon remove", "thu keep weekly 2026-W01", "old remove"});

        QTest::newRow("keep-monthly 2 and keep-yearly 3")
            << svtest::names({"a s 2024-06-01 00:00:00", "b s 2025-11-30 23:00:00", "c s 2025-12-31 23:59:59",
                           "d s 2026-01-15 12:00:00", "e s 2026-01-20 12:00:00"})
            << svtest::names({"keep-monthly=2", "keep-yearly=3"}) << now
            << svtest::names({"a keep yearly 2024", "b remove", "c keep monthly 2025-12; yearly 2025", "d remove",
                           "e keep monthly 2026-01; yearly 2026"});

        // Every rule that keeps a checkpoint is named, keep-within first, then in flag order.
        QTest::newRow("combined reasons")
            << svtest::names({"a s 2026-12-01 10:00:00", "b s 2026-12-03 09:00:00", "c s 2026-12-03 10:00:00"})
            << svtest::names({"keep-last=1", "keep-daily=2", "keep-within=1h"}) << now
            << svtest::names({"a keep daily 2026-12-01", "b remove", "c keep within 1h; last 1/1; daily 2026-12-03"});

        // keep-within counts back from the newest checkpoint, not from now; "after" is strict.
        QTest::newRow("keep-within 1d: from the newest, limit excluded")
            << svtest::names({"a s 2026-12-02 12:00:00", "b s 2026-12-02 12:00:01", "c s 2026-12-03 12:00:00"})
            << svtest::names({"keep-within=1d"}) << now
            << svtest::names({"a remove", "b keep within 1d", "c keep within 1d"});

        // Go's AddDate: 31 March minus one month is "31 February", i.e. 3 March (QDate::addMonths would
        // say 28 February and keep b).
        QTest::newRow("keep-within 1m from 31 March rolls over like restic")
            << svtest::names({"a s 2026-03-02 12:00:00", "b s 2026-03-03 10:00:00", "c s 2026-03-03 10:00:01",
                           "d s 2026-03-31 10:00:00"})
            << svtest::names({"keep-within=1m"}) << now
            << svtest::names({"a remove", "b remove", "c keep within 1m", "d keep within 1m"});

        QTest::newRow("keep-within 1y from 29 February")
            << svtest::names({"a s 2023-02-28 23:59:59", "b s 2023-03-01 00:00:00", "c s 2023-03-01 00:00:01",
                           "d s 2024-02-29 00:00:00"})
            << svtest::names({"keep-within=1y"}) << now
            << svtest::names({"a remove", "b remove", "c keep within 1y", "d keep within 1y"});

        QTest::newRow("keep-within 1y2m3d4h, written in any order")
            << svtest::names({"a s 2025-09-27 20:00:00", "b s 2025-09-27 20:00:01", "c s 2026-12-01 00:00:00"})
            << svtest::names({"keep-within=4h3d1y2m"}) << now
            << svtest::names({"a remove", "b keep within 1y2m3d4h", "c keep within 1y2m3d4h"});

        // A checkpoint in the future (a clock ahead) is kept by keep-within but is not the reference.
        QTest::newRow("keep-within ignores the future for its reference")
            << svtest::names({"a s 2026-11-29 12:00:00", "b s 2026-11-30 13:00:00", "c s 2026-12-01 12:00:00",
                           "future s 2027-06-01 00:00:00"})
            << svtest::names({"keep-within=1d"}) << now
            << svtest::names({"a remove", "b keep within 1d", "c keep within 1d", "future keep within 1d"});

        QTest::newRow("each server on its own")
            << svtest::names({"a1 web 2026-12-01 10:00:00", "b1 db 2026-12-01 11:00:00", "a2 web 2026-12-02 10:00:00",
                           "b2 db 2026-11-01 11:00:00"})
            << svtest::names({"keep-last=1"}) << now
            << svtest::names({"a1 remove", "b1 keep last 1/1", "a2 keep last 1/1", "b2 remove"});

        // Unfinished, failed and half-deleted checkpoints take no slot and are never removed.
        QTest::newRow("only available checkpoints count")
            << svtest::names({"a s 2026-12-01 10:00:00", "b s 2026-12-02 10:00:00 error", "c s 2026-12-02 11:00:00",
                           "d s 2026-12-03 10:00:00 protecting", "e s 2026-11-01 10:00:00 deleting"})
            << svtest::names({"keep-last=1"}) << now
            << svtest::names({"a remove", "b skip status error", "c keep last 1/1", "d skip status protecting",
                           "e skip status deleting"});

        QTest::newRow("a server with only a failed backup")
            << svtest::names({"a s 2026-12-01 10:00:00 error"}) << svtest::names({"keep-daily=1"}) << now
            << svtest::names({"a skip status error"});

        QTest::newRow("empty policy keeps everything")
            << svtest::names({"a s 2026-12-01 10:00:00", "b s 2026-12-02 10:00:00"}) << QStringList{} << now
            << svtest::names({"a keep policy is empty", "b keep policy is empty"});

        QTest::newRow("zeros are an empty policy")
            << svtest::names({"a s 2026-12-01 10:00:00"}) << svtest::names({"keep-last=0", "keep-within=0d"}) << now
            << svtest::names({"a keep policy is empty"});

        // Same second: the order is fixed by id, not by how the bank listed them.
        QTest::newRow("equal times ordered by id")
            << svtest::names({"y s 2026-12-01 10:00:00", "x s 2026-12-01 10:00:00"}) << svtest::names({"keep-last=1"}) << now
            << svtest::names({"y remove", "x keep last 1/1"});

        QTest::newRow("more slots than checkpoints")
            << svtest::names({"a s 2020-01-01 10:00:00", "b s 2026-12-01 10:00:00"})
            << svtest::names({"keep-daily=30", "keep-yearly=10"}) << now
            << svtest::names({"a keep daily 2020-01-01; yearly 2020", "b keep daily 2026-12-01; yearly 2026"});
    }

    void decide()
    {
        QFETCH(QStringList, checkpoints);
        QFETCH(QStringList, flags);
        QFETCH(QString, now);
        QFETCH(QStringList, expected);
        const QList<CheckpointSummary> list = history(checkpoints);
        const RetentionPolicy policy = policyOf(flags);
        const QList<RetentionDecision> decisions = decideRetention(list, policy, utc(now));
        QCOMPARE(render(decisions), expected);
        // The newest available checkpoint of each server (equal times: the first by id) survives any policy.
        QHash<QString, qsizetype> newest;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].status != QLatin1String("available"))
                continue;
            const auto it = newest.constFind(list[i].serverId);
            if (it == newest.cend() || list[*it].created < list[i].created
                || (list[*it].created == list[i].created && list[i].id < list[*it].id))
                newest.insert(list[i].serverId, i);
        }
        for (qsizetype i : std::as_const(newest))
            QVERIFY2(decisions[i].keep, qPrintable(list[i].id));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized"); // empty: refused
        QTest::addColumn<QString>("why");
        QTest::newRow("days") << QStringLiteral("7d") << QStringLiteral("7d") << QStringLiteral("");
        QTest::newRow("all units") << QStringLiteral("2y5m7d3h") << QStringLiteral("2y5m7d3h") << QStringLiteral("");
        QTest::newRow("any order") << QStringLiteral("3h2y") << QStringLiteral("2y3h") << QStringLiteral("");
        QTest::newRow("spaces around") << QStringLiteral(" 36h ") << QStringLiteral("36h") << QStringLiteral("");
        QTest::newRow("zero") << QStringLiteral("0d") << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("empty duration");
        QTest::newRow("no unit") << QStringLiteral("7") << QStringLiteral("") << QStringLiteral("has no unit");
        QTest::newRow("unknown unit") << QStringLiteral("2w") << QStringLiteral("") << QStringLiteral("unknown unit \"w\"");
        QTest::newRow("negative") << QStringLiteral("-1d") << QStringLiteral("") << QStringLiteral("expected a number");
        QTest::newRow("unit twice") << QStringLiteral("1d2d") << QStringLiteral("") << QStringLiteral("the unit d is given twice");
        QTest::newRow("no number") << QStringLiteral("d") << QStringLiteral("") << QStringLiteral("expected a number");
        QTest::newRow("too large") << QStringLiteral("99999999999y") << QStringLiteral("") << QStringLiteral("too large");
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QFETCH(QString, why);
        RetentionDuration d;
        QString error;
        const bool ok = RetentionDuration::parse(text, &d, &error);
        QCOMPARE(ok, why.isEmpty());
        if (ok)
            QCOMPARE(d.toString(), normalized);
        else
            QVERIFY2(error.contains(why), qPrintable(error));
    }

    void before_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("hours across midnight") << QStringLiteral("3h") << QStringLiteral("2026-12-03 01:00:00") << QStringLiteral("2026-12-02 22:00:00");
        QTest::newRow("days across a month") << QStringLiteral("3d") << QStringLiteral("2026-03-01 12:00:00") << QStringLiteral("2026-02-26 12:00:00");
        QTest::newRow("month from the 31st") << QStringLiteral("1m") << QStringLiteral("2026-03-31 10:00:00") << QStringLiteral("2026-03-03 10:00:00");
        QTest::newRow("months across years") << QStringLiteral("14m") << QStringLiteral("2026-02-15 00:00:00") << QStringLiteral("2024-12-15 00:00:00");
        QTest::newRow("year from 29 February") << QStringLiteral("1y") << QStringLiteral("2024-02-29 08:00:00") << QStringLiteral("2023-03-01 08:00:00");
        QTest::newRow("month then day: day 0 is the last of the month before") << QStringLiteral("1m31d") << QStringLiteral("2026-05-31 00:00:00") << QStringLiteral("2026-03-31 00:00:00");
        QTest::newRow("before year 1") << QStringLiteral("3000y") << QStringLiteral("2026-01-01 00:00:00") << QStringLiteral("-0001-01-01 00:00:00");
    }

    void before()
    {
        QFETCH(QString, duration);
        QFETCH(QString, from);
        QFETCH(QString, to);
        RetentionDuration d;
        QString why;
        QVERIFY2(RetentionDuration::parse(duration, &d, &why), qPrintable(why));
        const QDateTime got = d.before(utc(from));
        if (to.startsWith(QLatin1Char('-')))
            QVERIFY(got < QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC));
        else
            QCOMPARE(got, utc(to));
    }

    void flags_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("why"); // empty: accepted
        QTest::newRow("count") << QStringLiteral("keep-daily") << QStringLiteral("7") << QStringLiteral("");
        QTest::newRow("zero") << QStringLiteral("keep-last") << QStringLiteral("0") << QStringLiteral("");
        QTest::newRow("negative") << QStringLiteral("keep-weekly") << QStringLiteral("-1") << QStringLiteral("--keep-weekly needs a whole number");
        QTest::newRow("not a number") << QStringLiteral("keep-monthly") << QStringLiteral("many") << QStringLiteral("--keep-monthly needs a whole number");
        QTest::newRow("fraction") << QStringLiteral("keep-yearly") << QStringLiteral("1.5") << QStringLiteral("--keep-yearly needs a whole number");
        QTest::newRow("duration") << QStringLiteral("keep-within") << QStringLiteral("2y") << QStringLiteral("");
        QTest::newRow("bad duration") << QStringLiteral("keep-within") << QStringLiteral("2 weeks") << QStringLiteral("--keep-within: ");
        QTest::newRow("unknown flag") << QStringLiteral("keep-tag") << QStringLiteral("x") << QStringLiteral("not a retention option");
    }

    void flags()
    {
        QFETCH(QString, flag);
        QFETCH(QString, value);
        QFETCH(QString, why);
        RetentionPolicy policy;
        QString error;
        QCOMPARE(policy.setFlag(flag, value, &error), why.isEmpty());
        if (!why.isEmpty()) {
            QVERIFY2(error.contains(why), qPrintable(error));
            QVERIFY(policy.isEmpty());
        }
    }

    void jsonAndDescription()
    {
        RetentionPolicy policy;
        policy.keepDaily = 7;
        policy.keepWeekly = 4;
        policy.keepMonthly = 6;
        policy.keepWithin = QStringLiteral("3h2y");
        QVERIFY(!policy.isEmpty());
        QString why;
        QVERIFY(policy.validate(&why));
        QCOMPARE(policy.describe(), QStringLiteral("keep-daily 7, keep-weekly 4, keep-monthly 6, keep-within 2y3h"));
        const QJsonObject json = policy.toJson();
        QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"keep_daily":7,"keep_monthly":6,"keep_weekly":4,"keep_within":"3h2y"})"));
        const RetentionPolicy back = RetentionPolicy::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.keepLast, 0);
        QVERIFY(RetentionPolicy::fromJson({}).isEmpty());
        QCOMPARE(RetentionPolicy::flagNames(),
                 (svtest::names({"keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly",
                              "keep-within"})));
        // What a hand-edited plan file could hold: validate() names the problem.
        const RetentionPolicy bad = RetentionPolicy::fromJson(
            QJsonObject{{QStringLiteral("keep_last"), -2}, {QStringLiteral("keep_within"), QStringLiteral("x")}});
        QVERIFY(!bad.validate(&why));
        QVERIFY2(why.contains(QStringLiteral("--keep-last is -2")), qPrintable(why));
        const RetentionPolicy badWithin = RetentionPolicy::fromJson(QJsonObject{{QStringLiteral("keep_within"), QStringLiteral("5x")}});
        QVERIFY(!badWithin.validate(&why));
        QVERIFY2(why.contains(QStringLiteral("unknown unit")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "tst_retentionpolicy.moc"
