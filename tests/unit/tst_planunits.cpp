// PlanUnits: the systemd user service and timer written for a scheduled plan pass `systemd-analyze verify`,
// carry Persistent=true and the plan's calendar, quote odd paths; the crontab line says the same schedule.
#include "plans/planunits.h"
#include "systemdverify.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using sv::Plan;
using sv::PlanUnits;

class TestPlanUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verify_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("onCalendar");
        QTest::addColumn<QString>("cron"); // empty: none
        QTest::newRow("hourly") << u"hourly :15"_s << u"OnCalendar=*-*-* *:15:00\n"_s << u"15 * * * * "_s;
        QTest::newRow("daily") << u"daily 02:00"_s << u"OnCalendar=*-*-* 02:00:00\n"_s << u"0 2 * * * "_s;
        QTest::newRow("weekly") << u"weekly sun 03:30"_s << u"OnCalendar=Sun *-*-* 03:30:00\n"_s << u"30 3 * * 0 "_s;
        QTest::newRow("calendar") << u"calendar Mon..Fri 22:00"_s << u"OnCalendar=Mon..Fri 22:00\n"_s << u""_s;
    }
    void verify()
    {
        QFETCH(QString, schedule);
        QFETCH(QString, onCalendar);
        QFETCH(QString, cron);
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/stackvault units %-XXXXXX")); // a space and a %
        QVERIFY(dir.isValid());
        // The program must exist for verify: a copy of /bin/true under an awkward name.
        const QString program = dir.filePath(QStringLiteral("stack vault cli"));
        QVERIFY(QFile::copy(QStringLiteral("/bin/true"), program));
        QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::ExeOwner));
        Plan plan;
        plan.name = QStringLiteral("prod.nightly_1");
        plan.schedule = *sv::PlanSchedule::parse(schedule);
        const QHash<QString, QString> environment{{QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config 50%"))}};
        const QString service = dir.filePath(PlanUnits::serviceName(plan.name));
        const QString timer = dir.filePath(PlanUnits::timerName(plan.name));
        QCOMPARE(PlanUnits::serviceName(plan.name), QStringLiteral("stackvault-plan-prod.nightly_1.service"));
        const QString timerText = PlanUnits::timerText(plan);
        QVERIFY2(timerText.contains(onCalendar), qPrintable(timerText));
        QVERIFY(timerText.contains(QLatin1String("Persistent=true\n")));
        QVERIFY(timerText.contains(QLatin1String("Unit=stackvault-plan-prod.nightly_1.service\n")));
        for (const auto &[path, text] : {std::pair{service, PlanUnits::serviceText(plan, program, environment)},
                                         std::pair{timer, timerText}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text.toUtf8());
        }
        SVTEST_VERIFY_USER_UNITS((QStringList{timer, service}));
        // The unattended run asks for a desktop notification when it fails.
        QVERIFY(PlanUnits::serviceText(plan, program, environment)
                    .contains(QLatin1String(" plans run prod.nightly_1 --scheduled --notify-on-failure\n")));

        // A broken calendar expression is what verify catches (so the check above means something).
        QFile broken(timer);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QString(timerText).replace(onCalendar, QStringLiteral("OnCalendar=every other day\n")).toUtf8());
        broken.close();
        const svtest::UnitVerification rejected = svtest::verifyUserUnits({timer, service});
        QVERIFY(rejected.available);
        QVERIFY2(!rejected.passed, rejected.output.constData());

        QString why;
        const QString line = PlanUnits::cronLine(plan, program, environment, &why);
        if (cron.isEmpty()) {
            QVERIFY(line.isEmpty());
            QVERIFY2(why.contains(QLatin1String("no crontab equivalent")), qPrintable(why));
        } else {
            QVERIFY2(line.startsWith(cron), qPrintable(line));
            QVERIFY2(line.endsWith(QLatin1String("' plans run prod.nightly_1 --scheduled --notify-on-failure")), qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("50\\%")), qPrintable(line)); // cron would cut the line at a bare %
        }
    }

    // systemd refuses an executable whose path holds a quote or a backslash: said before anything is written.
    void programSystemdCannotRun()
    {
        QVERIFY(PlanUnits::programError(QStringLiteral("/opt/stack vault/bin/stackvault-cli")).isEmpty());
        const QString error = PlanUnits::programError(QStringLiteral("/opt/a\"b/stackvault-cli"));
        QVERIFY2(error.contains(QLatin1String("/opt/a\"b/stackvault-cli")), qPrintable(error));
        QVERIFY(!PlanUnits::programError(QStringLiteral("/opt/a\\b/stackvault-cli")).isEmpty());
    }

    void noScheduleNoTimer()
    {
        Plan plan;
        plan.name = QStringLiteral("manual");
        QVERIFY(PlanUnits::timerText(plan).isEmpty());
        QString why;
        QVERIFY(PlanUnits::cronLine(plan, QStringLiteral("/bin/true"), {}, &why).isEmpty());
        QVERIFY(!why.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlanUnits)
#include "tst_planunits.moc"
