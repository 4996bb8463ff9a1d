// PlanNotifier and PlanFailureNotice: what a failed unattended run says on the desktop (which plan, how many
// servers failed, the first error, what to do), sent for real over the test's D-Bus session bus to a
// registered org.freedesktop.Notifications service (critical urgency, no expiry, markup escaped only for a
// service that reads markup); and what it says when no bus or no service is there.
#include "notificationservice.h"
#include "plans/plannotifier.h"

#include <QDBusConnectionInterface>
#include <QTest>

using namespace Qt::StringLiterals;

using sv::PlanFailureNotice;
using sv::PlanRunReport;
using sv::PlanServerResult;

namespace {
PlanServerResult server(const QString &name, bool ok, const QString &error = {})
{
    PlanServerResult result;
    result.result = ok ? PlanServerResult::Result::Succeeded : PlanServerResult::Result::Failed;
    result.cloud = u"prod"_s;
    result.serverName = name;
    result.error = error;
    return result;
}
} // namespace

class TestPlanNotifier : public QObject
{
    Q_OBJECT
private:
    struct Sent
    {
        bool called = false;
        bool shown = false;
        QString why;
    };

    Sent send(sv::PlanNotifier &notifier, const PlanFailureNotice &notice)
    {
        auto sent = std::make_shared<Sent>();
        notifier.send(notice, [sent](bool shown, const QString &why) { *sent = {true, shown, why}; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(sent->called, 20000); }();
        return *sent;
    }

    static void requireBus()
    {
        if (!QDBusConnection::sessionBus().isConnected()) {
            if (qEnvironmentVariable("CI") == u"true")
                QFAIL("needs a D-Bus session bus (scripts/test runs the suite inside dbus-run-session)");
            QSKIP("no D-Bus session bus");
        }
    }

private Q_SLOTS:
    void notice_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QList<PlanServerResult>>("servers");
        QTest::addColumn<QStringList>("problems");
        QTest::addColumn<QString>("summary"); // empty: no notice
        QTest::addColumn<QStringList>("lines");
        const QList<PlanServerResult> mixed{server(u"web-1"_s, true), server(u"web-2"_s, false, u"snapshot killed"_s),
                                            server(u"db-1"_s, false, u"no such server"_s)};
        QTest::newRow("succeeded") << u"succeeded"_s << QList<PlanServerResult>{server(u"web-1"_s, true)} << QStringList{}
                                   << QString() << QStringList{};
        QTest::newRow("cancelled") << u"cancelled"_s << mixed << QStringList{} << QString() << QStringList{};
        QTest::newRow("two of three failed")
            << u"failed"_s << mixed << QStringList{} << u"Backup plan nightly failed"_s
            << QStringList{u"2 of 3 servers failed."_s, u"web-2 (prod): snapshot killed"_s,
                           u"Details: stackvault-cli plans history nightly --last 1"_s};
        QTest::newRow("one of one failed")
            << u"failed"_s << QList<PlanServerResult>{server(u"web-2"_s, false, u"ERROR"_s)} << QStringList{}
            << u"Backup plan nightly failed"_s
            << QStringList{u"1 of 1 server failed."_s, u"web-2 (prod): ERROR"_s,
                           u"Details: stackvault-cli plans history nightly --last 1"_s};
        QTest::newRow("cloud unreachable")
            << u"failed"_s << QList<PlanServerResult>{} << QStringList{u"No server of cloud prod was backed up: 503"_s}
            << u"Backup plan nightly failed"_s
            << QStringList{u"No server was backed up."_s, u"No server of cloud prod was backed up: 503"_s,
                           u"Details: stackvault-cli plans history nightly --last 1"_s};
        QTest::newRow("retention failed")
            << u"failed"_s << QList<PlanServerResult>{server(u"web-1"_s, true)}
            << QStringList{u"The retention policy was not applied: disk full"_s} << u"Backup plan nightly failed"_s
            << QStringList{u"The server was backed up, but the run failed."_s,
                           u"The retention policy was not applied: disk full"_s,
                           u"Details: stackvault-cli plans history nightly --last 1"_s};
    }
    void notice()
    {
        QFETCH(QString, state);
        QFETCH(QList<PlanServerResult>, servers);
        QFETCH(QStringList, problems);
        QFETCH(QString, summary);
        QFETCH(QStringList, lines);
        PlanRunReport report;
        report.plan = u"nightly"_s;
        report.state = PlanRunReport::stateFromName(state);
        report.servers = servers;
        report.problems = problems;
        const PlanFailureNotice notice = PlanFailureNotice::forReport(report);
        QCOMPARE(notice.summary, summary);
        QCOMPARE(notice.body.split(u'\n', Qt::SkipEmptyParts), lines);
    }

    void failedRestoreTestIsTheError()
    {
        PlanRunReport report;
        report.plan = u"tested"_s;
        report.state = PlanRunReport::State::Failed;
        report.servers = {server(u"web-1"_s, true)};
        report.restoreTest.result = sv::PlanRestoreTestResult::Result::Failed;
        report.restoreTest.message = u"Backup 1234 failed its restore test in cloud prod: ERROR"_s;
        const PlanFailureNotice notice = PlanFailureNotice::forReport(report);
        QVERIFY2(notice.body.contains(u"Backup 1234 failed its restore test in cloud prod: ERROR"_s), qPrintable(notice.body));
        const PlanFailureNotice start = PlanFailureNotice::forStartFailure(u"gone"_s, u"No plan is named \"gone\"."_s);
        QCOMPARE(start.summary, u"Backup plan gone did not run"_s);
        QCOMPARE(start.body, u"No plan is named \"gone\".\nRun it by hand to see more: stackvault-cli plans run gone"_s);
    }

    // Sent over the session bus: the service sees the summary, the body, critical urgency (a byte, as the
    // specification says), no expiry and the app's desktop entry; markup is escaped only where it is read.
    void sent_data()
    {
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<QString>("body");
        QTest::newRow("plain") << QStringList{u"body"_s} << u"2 of 3 servers failed.\nweb-2 (prod): <b> & co"_s;
        QTest::newRow("markup") << QStringList{u"body"_s, u"body-markup"_s}
                                << u"2 of 3 servers failed.\nweb-2 (prod): &lt;b&gt; &amp; co"_s;
    }
    void sent()
    {
        QFETCH(QStringList, capabilities);
        QFETCH(QString, body);
        requireBus();
        svtest::NotificationService service;
        service.setCapabilities(capabilities);
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        sv::PlanNotifier notifier;
        const Sent sent = send(notifier, {u"Backup plan nightly failed"_s, u"2 of 3 servers failed.\nweb-2 (prod): <b> & co"_s});
        QVERIFY2(sent.shown, qPrintable(sent.why));
        QCOMPARE(service.received.size(), 1);
        const svtest::Notification &got = service.received.first();
        QCOMPARE(got.appName, u"StackVault"_s);
        QCOMPARE(got.summary, u"Backup plan nightly failed"_s);
        QCOMPARE(got.body, body);
        QCOMPARE(got.hints.value(u"urgency"_s).metaType().id(), int(QMetaType::UChar));
        QCOMPARE(got.hints.value(u"urgency"_s).toInt(), 2);
        QCOMPARE(got.hints.value(u"desktop-entry"_s).toString(), u"org.stackvault.StackVault"_s);
        QCOMPARE(got.expireTimeout, 0);
        QCOMPARE(got.replacesId, 0u);
    }

    // No bus at all, and a bus without a notification service: said, never shown, never hanging.
    void notShown_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("why");
        QTest::newRow("no bus") << u"unix:path=/nonexistent/stackvault-no-bus"_s
                                << u"no D-Bus session bus is reachable at unix:path=/nonexistent/stackvault-no-bus"_s;
        QTest::newRow("no service") << QString() << u"no notification service answers on the D-Bus session bus"_s;
    }
    void notShown()
    {
        QFETCH(QString, address);
        QFETCH(QString, why);
        if (address.isEmpty()) {
            requireBus();
            // Nobody may own the name now (another test executable on the same bus could: wait for it).
            QTRY_VERIFY_WITH_TIMEOUT(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
                                          u"org.freedesktop.Notifications"_s).value(),
                                     60000);
        }
        sv::PlanNotifier notifier(address);
        const Sent sent = send(notifier, {u"Backup plan nightly failed"_s, u"1 of 1 server failed."_s});
        QVERIFY(!sent.shown);
        QVERIFY2(sent.why.startsWith(why), qPrintable(sent.why));
    }
};

QTEST_GUILESS_MAIN(TestPlanNotifier)
#include "tst_plannotifier.moc"
