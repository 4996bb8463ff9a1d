// PlanSchedule: the schedule texts a plan accepts, what they become for systemd (OnCalendar=) and cron, and
// next-run times that agree with systemd's own `systemd-analyze calendar` for a table of expressions.
#include "plans/planschedule.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

using sv::PlanSchedule;

// Skips without systemd-analyze, and fails instead under CI=true (scripts/lib/common.sh installs it).
#define REQUIRE_SYSTEMD_ANALYZE()                                                                            \
    do {                                                                                                     \
        if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty()) {                   \
            if (qEnvironmentVariable("CI") == u"true")                                                       \
                QFAIL("systemd-analyze is missing (Debian package systemd)");                                \
            QSKIP("systemd-analyze is not installed");                                                       \
        }                                                                                                    \
    } while (false)

class TestPlanSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("onCalendar");
        QTest::addColumn<QString>("cron");
        QTest::newRow("none") << u"none"_s << u"none"_s << u""_s << u""_s;
        QTest::newRow("empty") << u""_s << u"none"_s << u""_s << u""_s;
        QTest::newRow("hourly") << u"hourly"_s << u"hourly :00"_s << u"*-*-* *:00:00"_s << u"0 * * * *"_s;
        QTest::newRow("hourly at 15") << u"Hourly :15"_s << u"hourly :15"_s << u"*-*-* *:15:00"_s << u"15 * * * *"_s;
        QTest::newRow("daily") << u"daily"_s << u"daily 00:00"_s << u"*-*-* 00:00:00"_s << u"0 0 * * *"_s;
        QTest::newRow("daily 02:00") << u"daily 02:00"_s << u"daily 02:00"_s << u"*-*-* 02:00:00"_s << u"0 2 * * *"_s;
        QTest::newRow("daily 2:05") << u"  daily   2:05 "_s << u"daily 02:05"_s << u"*-*-* 02:05:00"_s << u"5 2 * * *"_s;
        QTest::newRow("weekly") << u"weekly"_s << u"weekly mon 00:00"_s << u"Mon *-*-* 00:00:00"_s << u"0 0 * * 1"_s;
        QTest::newRow("weekly sun") << u"weekly SUN 23:30"_s << u"weekly sun 23:30"_s << u"Sun *-*-* 23:30:00"_s << u"30 23 * * 0"_s;
        QTest::newRow("calendar") << u"calendar Mon..Fri 22:00"_s << u"calendar Mon..Fri 22:00"_s << u"Mon..Fri 22:00"_s << u""_s;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QFETCH(QString, onCalendar);
        QFETCH(QString, cron);
        QString why;
        const auto schedule = PlanSchedule::parse(text, &why);
        QVERIFY2(schedule, qPrintable(why));
        QCOMPARE(schedule->toString(), normalized);
        QCOMPARE(schedule->onCalendar(), onCalendar);
        QCOMPARE(schedule->cronFields(), cron);
        const auto again = PlanSchedule::parse(schedule->toString());
        QVERIFY(again);
        QCOMPARE(*again, *schedule);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("said");
        QTest::newRow("hour 25") << u"daily 25:00"_s << u"HH:MM"_s;
        QTest::newRow("minute 60") << u"daily 02:60"_s << u"HH:MM"_s;
        QTest::newRow("hourly without colon") << u"hourly 15"_s << u":MM"_s;
        QTest::newRow("weekly bad day") << u"weekly someday 02:00"_s << u"mon, tue"_s;
        QTest::newRow("weekly no time") << u"weekly mon"_s << u"weekly sun 03:30"_s;
        QTest::newRow("unknown word") << u"nightly"_s << u"Unknown schedule \"nightly\""_s;
        QTest::newRow("calendar empty") << u"calendar"_s << u"systemd calendar expression"_s;
        QTest::newRow("calendar newline") << u"calendar Mon 02:00\nExecStart=/bin/sh"_s << u"cannot take"_s;
        QTest::newRow("none with more") << u"none please"_s << u"nothing after"_s;
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, said);
        QString why;
        QVERIFY(!PlanSchedule::parse(text, &why));
        QVERIFY2(why.contains(said), qPrintable(why));
    }

    // StackVault's own next run (used when systemd-analyze is missing) is systemd's, for several base times
    // (local time of this process; systemd-analyze runs in the same time zone).
    void nextRunAgreesWithSystemd_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QDateTime>("base");
        const QList<QDateTime> bases{
            QDateTime(QDate(2026, 12, 5), QTime(21, 54, 20)), // a Saturday evening
            QDateTime(QDate(2026, 12, 6), QTime(23, 59, 59)), // Sunday, a second before midnight
            QDateTime(QDate(2026, 12, 7), QTime(2, 0, 0)),    // Monday, exactly 02:00
            QDateTime(QDate(2027, 2, 28), QTime(12, 15, 0)),  // the end of February
            QDateTime(QDate(2026, 12, 31), QTime(23, 30, 0)), // the year's last half hour
        };
        for (const char *schedule : {"hourly", "hourly :15", "hourly :59", "daily", "daily 02:00", "daily 23:30",
                                     "weekly", "weekly mon 02:00", "weekly sun 23:30", "weekly wed 12:15"}) {
            for (const QDateTime &base : bases)
                QTest::addRow("%s @ %s", schedule, qPrintable(base.toString(Qt::ISODate))) << QString::fromLatin1(schedule) << base;
        }
    }
    void nextRunAgreesWithSystemd()
    {
        REQUIRE_SYSTEMD_ANALYZE();
        QFETCH(QString, schedule);
        QFETCH(QDateTime, base);
        const auto parsed = PlanSchedule::parse(schedule);
        QVERIFY(parsed);
        QString why;
        const QDateTime systemd = PlanSchedule::nextRunFromSystemd(parsed->onCalendar(), &why, nullptr, base);
        QVERIFY2(systemd.isValid(), qPrintable(why));
        const QDateTime own = parsed->nextRun(base);
        QVERIFY(own.isValid());
        QCOMPARE(own.toUTC(), systemd.toUTC());
        QVERIFY(own > base);
    }

    void calendarNeedsSystemd_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QDateTime>("expected"); // after 2026-12-05 21:54:20 local time; invalid: not checked
        QTest::newRow("weekdays") << u"Mon..Fri 22:00"_s << true << QDateTime(QDate(2026, 12, 7), QTime(22, 0));
        QTest::newRow("first of month") << u"*-*-01 03:00:00"_s << true << QDateTime(QDate(2027, 1, 1), QTime(3, 0));
        QTest::newRow("every 15 min") << u"*:0/15"_s << true << QDateTime(QDate(2026, 12, 5), QTime(22, 0));
        QTest::newRow("garbage") << u"every other tuesday"_s << false << QDateTime();
        QTest::newRow("past date") << u"2001-01-01 00:00"_s << false << QDateTime();
    }
    void calendarNeedsSystemd()
    {
        REQUIRE_SYSTEMD_ANALYZE();
        QFETCH(QString, expression);
        QFETCH(bool, valid);
        QFETCH(QDateTime, expected);
        const auto parsed = PlanSchedule::parse(QStringLiteral("calendar ") + expression);
        QVERIFY(parsed);
        QVERIFY(!parsed->nextRun(QDateTime::currentDateTime()).isValid()); // only systemd knows
        QString why;
        const QDateTime next = PlanSchedule::nextRunFromSystemd(parsed->onCalendar(), &why, nullptr,
                                                                QDateTime(QDate(2026, 12, 5), QTime(21, 54, 20)));
        QCOMPARE(next.isValid(), valid);
        if (valid)
            QCOMPARE(next.toUTC(), expected.toUTC());
        else
            QVERIFY2(!why.isEmpty(), qPrintable(expression));
    }
};

QTEST_GUILESS_MAIN(TestPlanSchedule)
#include "tst_planschedule.moc"
