// `stackvault-cli plans` as a user runs it, against two fake clouds over HTTP: plans saved and validated,
// selectors evaluated at every run (a tag, a name pattern, a whole project, several clouds; a new server is
// picked up), one failing server while the others are backed up (exit code 1, the report says which and why),
// Ctrl-C leaving no snapshot, a SIGKILLed run swept by the next one, a second run of the same plan refused,
// and `plans schedule install` where no systemd user instance runs (units written, crontab line printed).
#include "clirunner.h"
#include "cloudstate.h"
#include "fakecloud.h"
#include "keyringprobe.h"
#include "notificationservice.h"
#include "systemdverify.h"

#include <QDir>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QDateTime>
#include <QFileInfo>
#include <QScopeGuard>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

#include <csignal>
#include <mutex>

class TestCliPlans : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud cloud;
    fake::FakeCloud other;
    QTemporaryDir home;
    svtest::CliRunner runner{home.path()};
    QString cloudName;
    QString otherName;
    QString adminName; // `cloud` with the admin's credentials (role admin, project demo)

    svtest::CliRun cli(const QStringList &arguments, int timeoutMs = 180000)
    {
        return runner.run(arguments, {}, {}, timeoutMs);
    }

    QString bank() const { return home.filePath(QStringLiteral("bank")); }

    // Saves plan `name` with these options (and the test's bank); fails the test when refused.
    void addPlan(const QString &name, const QStringList &options)
    {
        const svtest::CliRun add = cli(QStringList{QStringLiteral("plans"), QStringLiteral("add"), name,
                                                   QStringLiteral("--bank"), bank()}
                                       + options);
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    static QJsonObject scenario()
    {
        QFile file(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray servers = root.value(QLatin1String("servers")).toArray();
        for (qsizetype i = 0; i < servers.size(); ++i) {
            QJsonObject server = servers.at(i).toObject();
            const QString name = server.value(QLatin1String("name")).toString();
            if (name == u"web-2")
                server.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("prod")});
            if (name == u"db-1")
                server.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("db"), QStringLiteral("prod")});
            if (name == u"other-1") { // project other: only an admin's "all projects" selector sees it
                server.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("prod")});
                server.insert(QStringLiteral("volumes"), QJsonArray{QStringLiteral("other-data")});
            }
            servers[i] = server;
        }
        // alice-bfv: a server of project other that boots from its volume alice-root (allProjectsBootFromVolume);
        // no tag, and its name matches no other row's pattern.
        servers.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("alice-bfv")},
                                   {QStringLiteral("project"), QStringLiteral("other")},
                                   {QStringLiteral("user"), QStringLiteral("alice")},
                                   {QStringLiteral("flavor"), QStringLiteral("1")},
                                   {QStringLiteral("boot_volume"), QStringLiteral("alice-root")},
                                   {QStringLiteral("networks"), QJsonArray{QStringLiteral("other-net")}},
                                   {QStringLiteral("key_name"), QStringLiteral("alice-key")},
                                   {QStringLiteral("writes"), QJsonArray{QJsonObject{{QStringLiteral("offset"), QStringLiteral("512 KiB")},
                                                                                     {QStringLiteral("text"), QStringLiteral("alice-bfv: written to its root volume\n")}}}}});
        root.insert(QStringLiteral("servers"), servers);
        // other-data: a volume of project other, attached to other-1 (allProjectsWithVolumes).
        QJsonArray volumes = root.value(QLatin1String("volumes")).toArray();
        volumes.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("other-data")},
                                   {QStringLiteral("project"), QStringLiteral("other")},
                                   {QStringLiteral("user"), QStringLiteral("alice")},
                                   {QStringLiteral("size"), 1},
                                   {QStringLiteral("writes"), QJsonArray{QJsonObject{{QStringLiteral("offset"), 4096},
                                                                                     {QStringLiteral("text"), QStringLiteral("other-data: alice's bytes\n")}}}}});
        // alice-root: alice-bfv's boot volume (project other), made from cirros.
        volumes.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("alice-root")},
                                   {QStringLiteral("project"), QStringLiteral("other")},
                                   {QStringLiteral("user"), QStringLiteral("alice")},
                                   {QStringLiteral("size"), 1},
                                   {QStringLiteral("image"), QStringLiteral("cirros-0.6.2")}});
        root.insert(QStringLiteral("volumes"), volumes);
        return root;
    }

    // "web-1@A:succeeded" for each server of the report (A: the first cloud, B: the other, C: the first
    // with the admin's credentials), sorted.
    QStringList outcomes(const QJsonObject &report) const
    {
        QStringList list;
        for (const QJsonValue &value : report.value(QLatin1String("servers")).toArray()) {
            const QJsonObject server = value.toObject();
            list.append(QStringLiteral("%1@%2:%3")
                            .arg(server.value(QLatin1String("server_name")).toString(),
                                 server.value(QLatin1String("cloud")).toString() == cloudName ? QStringLiteral("A")
                                 : server.value(QLatin1String("cloud")).toString() == otherName ? QStringLiteral("B")
                                                                                                : QStringLiteral("C"),
                                 server.value(QLatin1String("result")).toString()));
        }
        list.sort();
        return list;
    }

    // A new server in the fake cloud's project demo: a copy of web-2 under another id, name and tags.
    void addServer(fake::FakeCloud &where, const QString &name, const QStringList &tags)
    {
        fake::CloudState &state = where.state();
        std::lock_guard lock(state.mutex);
        fake::Server server = state.servers.value(QStringLiteral("5e7f0000-0000-4000-8000-000000000002"));
        server.id = QStringLiteral("5e7f0000-0000-4000-8000-0000000001%1").arg(state.servers.size(), 2, 10, QLatin1Char('0'));
        server.name = name;
        server.tags = tags;
        server.createdAt = QDateTime::currentDateTimeUtc();
        state.addServer(server);
    }

    // Starts `plans run NAME --json` in the background and waits until a temporary snapshot exists.
    void startSlowRun(const QString &plan, QProcess **process)
    {
        cloud.setSnapshotStepSeconds(1.5, 1.5, 1.5, 1.5);
        const QStringList before = cloud.leftoverImageIds();
        *process = runner.start({QStringLiteral("plans"), QStringLiteral("run"), plan, QStringLiteral("--json")}, this);
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverImageIds().size() > before.size(), 60000);
        QTest::qWait(300); // the snapshot's id is in the journal once createImage has answered
    }

    void waitForIdleServers()
    {
        for (const char *id : {"5e7f0000-0000-4000-8000-000000000001", "5e7f0000-0000-4000-8000-000000000002",
                               "5e7f0000-0000-4000-8000-000000000003"})
            QTRY_VERIFY_WITH_TIMEOUT(cloud.serverTaskState(QLatin1String(id)).isEmpty(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QString error;
        QVERIFY2(cloud.loadScenario(scenario(), &error), qPrintable(error));
        QVERIFY2(other.loadScenario(scenario(), &error), qPrintable(error));
        QVERIFY(cloud.start());
        QVERIFY(other.start());
        cloudName = QStringLiteral("plans-%1").arg(cloud.port());
        otherName = QStringLiteral("plans-other-%1").arg(other.port());
        for (const auto &[name, url] : {std::pair{cloudName, cloud.authUrl()}, std::pair{otherName, other.authUrl()}}) {
            const svtest::CliRun add = runner.run({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"), url,
                                                   QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--project"),
                                                   QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                                                  "demo-password\n");
            QVERIFY2(add.exitCode == 0, add.describe().constData());
        }
        adminName = QStringLiteral("plans-admin-%1").arg(cloud.port());
        const svtest::CliRun add = runner.run({QStringLiteral("clouds"), QStringLiteral("add"), adminName, QStringLiteral("--auth-url"),
                                               cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("admin"),
                                               QStringLiteral("--project"), QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                                              "admin-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    void init()
    {
        cloud.setSnapshotStepSeconds(0.1, 0.1, 0.1, 0.1);
        cloud.clearFaults();
    }

    // Each selector chooses the servers it says, at run time; each server gets its checkpoint.
    void selectors_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("tag") << QStringList{u"--cloud"_s, u"A"_s, u"--tag"_s, u"prod"_s}
                             << QStringList{u"db-1@A:succeeded"_s, u"web-1@A:succeeded"_s, u"web-2@A:succeeded"_s} << 0;
        QTest::newRow("name pattern") << QStringList{u"--cloud"_s, u"A"_s, u"--name-pattern"_s, u"web-*"_s}
                                      << QStringList{u"web-1@A:succeeded"_s, u"web-2@A:succeeded"_s} << 0;
        QTest::newRow("tag and pattern") << QStringList{u"--cloud"_s, u"A"_s, u"--tag"_s, u"prod"_s, u"--name-pattern"_s, u"db-?"_s}
                                         << QStringList{u"db-1@A:succeeded"_s} << 0;
        QTest::newRow("explicit servers") << QStringList{u"--server"_s, u"A/web-2"_s, u"--server"_s, u"A/5e7f0000-0000-4000-8000-000000000003"_s}
                                          << QStringList{u"db-1@A:succeeded"_s, u"web-2@A:succeeded"_s} << 0;
        QTest::newRow("two clouds") << QStringList{u"--cloud"_s, u"A"_s, u"--cloud"_s, u"B"_s, u"--tag"_s, u"db"_s}
                                    << QStringList{u"db-1@A:succeeded"_s, u"db-1@B:succeeded"_s} << 0;
        // An admin's selector over all projects: other-1 of project other too (named with its project), backed
        // up with the admin's token (its snapshot lives in the admin's project until it is deleted).
        QTest::newRow("all projects") << QStringList{u"--cloud"_s, u"C"_s, u"--all-projects"_s, u"--tag"_s, u"prod"_s}
                                      << QStringList{u"db-1@C:succeeded"_s, u"other-1 (project other)@C:succeeded"_s,
                                                     u"web-1@C:succeeded"_s, u"web-2@C:succeeded"_s}
                                      << 0;
        QTest::newRow("all projects by pattern") << QStringList{u"--cloud"_s, u"C"_s, u"--all-projects"_s, u"--name-pattern"_s, u"other-*"_s}
                                               << QStringList{u"other-1 (project other)@C:succeeded"_s} << 0;
        // The same selector without --all-projects: the admin's own project only.
        QTest::newRow("admin own project") << QStringList{u"--cloud"_s, u"C"_s, u"--tag"_s, u"prod"_s}
                                            << QStringList{u"db-1@C:succeeded"_s, u"web-1@C:succeeded"_s, u"web-2@C:succeeded"_s} << 0;
        // The whole project: broken-1 is in ERROR and fails; the four others are still backed up.
        QTest::newRow("whole project") << QStringList{u"--cloud"_s, u"A"_s}
                                       << QStringList{u"bfv-1@A:succeeded"_s, u"broken-1@A:failed"_s, u"db-1@A:succeeded"_s,
                                                      u"web-1@A:succeeded"_s, u"web-2@A:succeeded"_s}
                                       << 1;
    }
    void selectors()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, expected);
        QFETCH(int, exitCode);
        for (QString &option : options) {
            if (option == u"A")
                option = cloudName;
            else if (option == u"B")
                option = otherName;
            else if (option == u"C")
                option = adminName;
            else if (option.startsWith(u"A/"))
                option.replace(0, 1, cloudName);
        }
        waitForIdleServers(); // the previous row's snapshots of the same servers have ended
        const QString plan = QStringLiteral("sel-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        addPlan(plan, options + QStringList{QStringLiteral("--volumes"), QStringLiteral("none"), QStringLiteral("--parallel"), QStringLiteral("3")});
        if (QTest::currentTestFailed())
            return;
        const svtest::CliRun run = cli({QStringLiteral("plans"), QStringLiteral("run"), plan, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(outcomes(report), expected);
        QCOMPARE(report.value(QLatin1String("plan")).toString(), plan);
        QCOMPARE(report.value(QLatin1String("state")).toString(), exitCode == 0 ? QStringLiteral("succeeded") : QStringLiteral("failed"));
        for (const QJsonValue &value : report.value(QLatin1String("servers")).toArray()) {
            const QJsonObject server = value.toObject();
            if (server.value(QLatin1String("result")).toString() != u"succeeded") {
                QVERIFY2(!server.value(QLatin1String("error")).toString().isEmpty(), run.out.constData());
                continue;
            }
            QVERIFY(!server.value(QLatin1String("checkpoint_id")).toString().isEmpty());
            QVERIFY(server.value(QLatin1String("bytes")).toDouble() > 0);
            QVERIFY(server.value(QLatin1String("duration_ms")).toDouble() > 0);
        }
        QVERIFY(cloud.leftoverImageIds().isEmpty());
        QVERIFY(other.leftoverImageIds().isEmpty());
    }

    // "All projects" with a member's credentials: the run fails, saying which cloud and what to do, and
    // backs up nothing; `plans show` describes the selector.
    void allProjectsWithoutAdmin()
    {
        addPlan(QStringLiteral("all-nonadmin"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--all-projects"),
                                                 QStringLiteral("--volumes"), QStringLiteral("none")});
        if (QTest::currentTestFailed())
            return;
        const svtest::CliRun show = cli({QStringLiteral("plans"), QStringLiteral("show"), QStringLiteral("all-nonadmin"), QStringLiteral("--json")});
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        const QJsonObject source = QJsonDocument::fromJson(show.out).object().value(QLatin1String("servers")).toArray().at(0).toObject();
        QCOMPARE(source.value(QLatin1String("all_projects")), QJsonValue(true));
        const svtest::CliRun run = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("all-nonadmin"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(report.value(QLatin1String("servers")).toArray().size(), 0);
        const QString problems = QString::fromUtf8(QJsonDocument(report.value(QLatin1String("problems")).toArray()).toJson());
        QVERIFY2(problems.contains(QStringLiteral("No server of all projects of cloud %1 was backed up: its credentials (demo, "
                                                  "project demo) are not a cloud admin's").arg(cloudName)),
                 qPrintable(problems));
        QVERIFY2(problems.contains(u"get_all_tenants"_s), qPrintable(problems)); // what Nova said
        QVERIFY(cloud.leftoverImageIds().isEmpty());
    }

    // A selector is evaluated at every run: a server tagged after the plan was saved is backed up.
    void newServerIsPickedUp()
    {
        addPlan(QStringLiteral("picks-up"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--tag"), QStringLiteral("fresh"),
                                             QStringLiteral("--volumes"), QStringLiteral("none")});
        const svtest::CliRun none = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("picks-up")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("Plan picks-up selected no server to back up."), none.describe().constData());
        QVERIFY2(none.out.contains(QByteArray("No server matched servers tagged fresh in " + cloudName.toUtf8())), none.describe().constData());
        addServer(cloud, QStringLiteral("app-new"), {QStringLiteral("fresh")});
        const svtest::CliRun run = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("picks-up"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(outcomes(run.lastJson()), QStringList{QStringLiteral("app-new@A:succeeded")});
        // Both runs are in the history, newest last.
        const svtest::CliRun history = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("picks-up"), QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(history.out).array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(runs.at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
    }

    // One server's snapshot fails (fault injection on its createImage): the others are backed up, the exit
    // code is 1, and the report (text and history) names the server and why.
    void oneFailingServer()
    {
        addPlan(QStringLiteral("one-fails"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--tag"), QStringLiteral("prod"),
                                              QStringLiteral("--volumes"), QStringLiteral("none")});
        fake::FaultSpec fault;
        fault.kind = fake::Fault::SnapshotKilled;
        fault.path = QStringLiteral("^/compute/v2\\.1/(\\w+/)?servers/5e7f0000-0000-4000-8000-000000000002/action$");
        cloud.injectFault(fault);
        const svtest::CliRun run = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("one-fails")});
        QCOMPARE(cloud.pendingFaults(), 0);
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        QVERIFY2(run.err.contains(QByteArray("web-2 (" + cloudName.toUtf8() + "): FAILED: ")), run.describe().constData());
        QVERIFY2(run.err.contains("Plan one-fails failed in"), run.describe().constData());
        QVERIFY2(run.err.contains(": 2 of 3 servers backed up."), run.describe().constData());
        QVERIFY2(run.out.contains(QByteArray("web-1 (" + cloudName.toUtf8() + "): backed up in")), run.describe().constData());
        QVERIFY2(run.out.contains("SERVER") && run.out.contains("CHECKPOINT"), run.out.constData());
        const svtest::CliRun history = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("one-fails"), QStringLiteral("--json")});
        const QJsonObject report = QJsonDocument::fromJson(history.out).array().last().toObject();
        QCOMPARE(outcomes(report), (QStringList{QStringLiteral("db-1@A:succeeded"), QStringLiteral("web-1@A:succeeded"),
                                                QStringLiteral("web-2@A:failed")}));
        for (const QJsonValue &value : report.value(QLatin1String("servers")).toArray()) {
            if (value[QLatin1String("server_name")].toString() == u"web-2")
                QVERIFY2(value[QLatin1String("error")].toString().contains(QLatin1String("web-2")), history.out.constData());
        }
        // Only the two servers that succeeded got a checkpoint in the bank, and they are the report's.
        const svtest::CliRun checkpoints = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), bank(), QStringLiteral("--json")});
        QCOMPARE(checkpoints.exitCode, 0);
        QStringList inBank; // the available checkpoints plan one-fails made, by their "plan"
        for (const QJsonValue &value : QJsonDocument::fromJson(checkpoints.out).array()) {
            if (value[QLatin1String("plan")].toString() != u"one-fails")
                continue;
            if (value[QLatin1String("status")].toString() == u"available")
                inBank.append(value[QLatin1String("id")].toString());
            else // web-2's: the failed backup's checkpoint is marked, never available
                QCOMPARE(value[QLatin1String("status")].toString(), QStringLiteral("error"));
        }
        QCOMPARE(inBank.size(), 2);
        int found = 0;
        for (const QJsonValue &value : report.value(QLatin1String("servers")).toArray()) {
            const QString id = value[QLatin1String("checkpoint_id")].toString();
            QCOMPARE(id.isEmpty(), value[QLatin1String("server_name")].toString() == u"web-2");
            found += !id.isEmpty() && inBank.contains(id);
        }
        QVERIFY2(found == 2, checkpoints.out.constData());
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverImageIds().isEmpty(), 10000);
    }

    // After the backups, a run applies the plan's retention to the checkpoints this plan made, and to no
    // other: keep-last 2 over three runs leaves the newest two, every other checkpoint in the bank stays.
    void retentionAfterTheRun()
    {
        addPlan(QStringLiteral("keeps-two"), {QStringLiteral("--server"), cloudName + QStringLiteral("/web-1"),
                                              QStringLiteral("--no-include-data"), QStringLiteral("--volumes"),
                                              QStringLiteral("none"), QStringLiteral("--keep-last"), QStringLiteral("2")});
        const auto checkpoints = [this](QStringList *mine) {
            const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), bank(), QStringLiteral("--json")});
            QStringList others;
            mine->clear();
            for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array()) {
                const QString id = value[QLatin1String("id")].toString();
                if (value[QLatin1String("plan")].toString() == u"keeps-two")
                    mine->append(id);
                else
                    others.append(id);
            }
            others.sort();
            return others;
        };
        QStringList mine;
        const QStringList othersBefore = checkpoints(&mine);
        QVERIFY(mine.isEmpty());
        QStringList made;
        for (int run = 1; run <= 3; ++run) {
            const svtest::CliRun result = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("keeps-two"), QStringLiteral("--json")});
            QVERIFY2(result.exitCode == 0, result.describe().constData());
            const QJsonObject report = result.lastJson();
            made.append(report.value(QLatin1String("servers")).toArray().at(0)[QLatin1String("checkpoint_id")].toString());
            QVERIFY2(!report.value(QLatin1String("retention")).toString().isEmpty(), result.describe().constData());
            QCOMPARE(checkpoints(&mine), othersBefore);
            mine.sort();
            QStringList expected = made.mid(qMax(0, made.size() - 2));
            expected.sort();
            QCOMPARE(mine, expected);
        }
        // What the third run removed is gone from the bank, and the bank is consistent.
        const svtest::CliRun check = cli({QStringLiteral("check"), QStringLiteral("--bank"), bank()});
        QVERIFY2(check.exitCode == 0, check.describe().constData());
    }

    // While a run is going, a second run of the same plan is refused and names the first one's process;
    // Ctrl-C (SIGINT) then cancels the first: exit 1, state "cancelled", no snapshot left in the cloud.
    void secondRunRefusedAndCtrlC()
    {
        addPlan(QStringLiteral("busy"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--tag"), QStringLiteral("prod"),
                                         QStringLiteral("--volumes"), QStringLiteral("none")});
        QProcess *first = nullptr;
        startSlowRun(QStringLiteral("busy"), &first);
        if (QTest::currentTestFailed())
            return;
        const svtest::CliRun second = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("busy")});
        QCOMPARE(second.exitCode, 1);
        const QByteArray said = "Plan busy is already running (process " + QByteArray::number(first->processId()) + ", started ";
        QVERIFY2(second.err.contains(said), second.describe().constData());
        QVERIFY(first->state() == QProcess::Running);
        // `plans history` asks whether the lock is held without taking it: the live run is "running", not
        // "interrupted" (what it would say of a killed one, killedRunIsSweptByTheNext).
        const svtest::CliRun history = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("busy"), QStringLiteral("--json")});
        const QJsonArray runs = QJsonDocument::fromJson(history.out).array();
        QVERIFY2(!runs.isEmpty(), history.describe().constData());
        QCOMPARE(runs.last()[QLatin1String("state")].toString(), QStringLiteral("running"));
        QVERIFY(first->state() == QProcess::Running);

        ::kill(pid_t(first->processId()), SIGINT);
        QVERIFY(first->waitForFinished(120000));
        const QByteArray out = first->readAllStandardOutput();
        const QByteArray err = first->readAllStandardError();
        QCOMPARE(first->exitStatus(), QProcess::NormalExit);
        QVERIFY2(first->exitCode() == 1, err.constData());
        QVERIFY2(err.contains("Cancelling"), err.constData());
        const QJsonObject report = svtest::lastJsonLine(out);
        QCOMPARE(report.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverImageIds().isEmpty(), 15000);
        waitForIdleServers();
    }

    // A run killed half-way (SIGKILL: no cleanup at all) leaves its snapshot; the next run says the last one
    // was interrupted, removes the snapshot before its own backups, and the history marks the killed run.
    void killedRunIsSweptByTheNext()
    {
        addPlan(QStringLiteral("killed"), {QStringLiteral("--server"), cloudName + QStringLiteral("/web-1"),
                                           QStringLiteral("--volumes"), QStringLiteral("none")});
        QProcess *first = nullptr;
        startSlowRun(QStringLiteral("killed"), &first);
        if (QTest::currentTestFailed())
            return;
        const QStringList leftover = cloud.leftoverImageIds();
        QCOMPARE(leftover.size(), 1);
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(30000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);
        waitForIdleServers();
        QCOMPARE(cloud.leftoverImageIds(), leftover); // nobody cleaned up

        const svtest::CliRun history = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("killed")});
        QVERIFY2(history.out.contains("interrupted"), history.describe().constData());

        cloud.setSnapshotStepSeconds(0.1, 0.1, 0.1, 0.1);
        const svtest::CliRun next = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("killed")});
        QVERIFY2(next.exitCode == 0, next.describe().constData());
        QVERIFY2(next.out.contains("was interrupted before it ended"), next.describe().constData());
        QVERIFY2(next.out.contains("Removed 1 leftover") && next.out.contains(leftover.first().toUtf8()), next.describe().constData());
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverImageIds().isEmpty(), 10000);
        const svtest::CliRun after = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("killed"), QStringLiteral("--json")});
        const QJsonArray runs = QJsonDocument::fromJson(after.out).array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0)[QLatin1String("state")].toString(), QStringLiteral("interrupted"));
        QCOMPARE(runs.at(1)[QLatin1String("state")].toString(), QStringLiteral("succeeded"));
    }

    void validationErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown cloud") << QStringList{u"add"_s, u"v1"_s, u"--cloud"_s, u"nowhere"_s}
                                       << u"names the cloud \"nowhere\", which is not saved"_s;
        QTest::newRow("bad pattern") << QStringList{u"add"_s, u"v2"_s, u"--cloud"_s, u"A"_s, u"--name-pattern"_s, u"web-["_s}
                                     << u"is not a valid wildcard pattern"_s;
        QTest::newRow("bad schedule") << QStringList{u"add"_s, u"v3"_s, u"--cloud"_s, u"A"_s, u"--schedule"_s, u"daily 25:00"_s}
                                      << u"A daily schedule takes a time as HH:MM"_s;
        QTest::newRow("calendar systemd rejects") << QStringList{u"add"_s, u"v4"_s, u"--cloud"_s, u"A"_s, u"--schedule"_s, u"calendar every other day"_s}
                                                  << u"systemd does not understand the calendar expression"_s;
        QTest::newRow("bad name") << QStringList{u"add"_s, u"a b"_s, u"--cloud"_s, u"A"_s} << u"cannot be used"_s;
        QTest::newRow("no servers") << QStringList{u"add"_s, u"v5"_s} << u"names no servers"_s;
        QTest::newRow("parallel 0") << QStringList{u"add"_s, u"v6"_s, u"--cloud"_s, u"A"_s, u"--parallel"_s, u"0"_s} << u"not 0"_s;
        QTest::newRow("negative keep") << QStringList{u"add"_s, u"v7"_s, u"--cloud"_s, u"A"_s, u"--keep-daily"_s, u"-1"_s} << u"--keep-daily wants a whole number"_s;
        QTest::newRow("bad within") << QStringList{u"add"_s, u"v8"_s, u"--cloud"_s, u"A"_s, u"--keep-within"_s, u"forever"_s} << u"is not a duration"_s;
        QTest::newRow("tag without cloud") << QStringList{u"add"_s, u"v9"_s, u"--server"_s, u"A/web-1"_s, u"--tag"_s, u"x"_s} << u"--tag, --name-pattern and --all-projects select"_s;
        QTest::newRow("all projects without cloud") << QStringList{u"add"_s, u"v11"_s, u"--server"_s, u"A/web-1"_s, u"--all-projects"_s} << u"--tag, --name-pattern and --all-projects select"_s;
        QTest::newRow("server without cloud") << QStringList{u"add"_s, u"v10"_s, u"--server"_s, u"web-1"_s} << u"--server wants CLOUD/SERVER"_s;
        QTest::newRow("taken name") << QStringList{u"add"_s, u"sel-tag"_s, u"--cloud"_s, u"A"_s} << u"A plan named \"sel-tag\" already exists."_s;
        QTest::newRow("test options without test") << QStringList{u"add"_s, u"v11"_s, u"--cloud"_s, u"A"_s, u"--test-marker"_s, u"login:"_s}
                                                   << u"describe the restore test: add --test-restore"_s;
        QTest::newRow("test in unknown cloud") << QStringList{u"add"_s, u"v12"_s, u"--cloud"_s, u"A"_s, u"--test-restore"_s, u"--test-cloud"_s, u"nowhere"_s}
                                               << u"The restore test names the cloud \"nowhere\", which is not saved"_s;
        QTest::newRow("test timeout") << QStringList{u"add"_s, u"v13"_s, u"--cloud"_s, u"A"_s, u"--test-restore"_s, u"--test-timeout"_s, u"5"_s}
                                      << u"A restore test waits 30 to 86400 seconds, not 5."_s;
        QTest::newRow("edit unknown") << QStringList{u"edit"_s, u"nope"_s, u"--parallel"_s, u"3"_s} << u"No plan is named \"nope\""_s;
        QTest::newRow("unknown subcommand") << QStringList{u"frobnicate"_s} << u"unknown subcommand 'frobnicate'"_s;
        for (const QString &verb : {u"show"_s, u"run"_s, u"remove"_s, u"history"_s}) {
            QTest::addRow("%s unknown", qPrintable(verb)) << QStringList{verb, u"nope"_s} << u"No plan is named \"nope\""_s;
            QTest::addRow("%s without a name", qPrintable(verb)) << QStringList{verb} << u"give the plan's name"_s;
        }
    }
    void validationErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        if (said.contains(QLatin1String("systemd does not understand")) && QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty()) {
            if (qEnvironmentVariable("CI") == u"true")
                QFAIL("systemd-analyze is missing (Debian package systemd)");
            QSKIP("systemd-analyze is not installed");
        }
        for (QString &argument : arguments) {
            if (argument == u"A")
                argument = cloudName;
            else if (argument.startsWith(u"A/"))
                argument.replace(0, 1, cloudName);
        }
        const svtest::CliRun run = cli(QStringList{QStringLiteral("plans")} + arguments);
        QVERIFY2(run.exitCode == (said.startsWith(u"No plan is named") ? 1 : 2), run.describe().constData());
        QVERIFY2(run.err.contains(said.toUtf8()), run.describe().constData());
        // Nothing was saved by a refused add.
        if (arguments.first() == u"add" && arguments.at(1) != u"sel-tag") {
            const svtest::CliRun show = cli({QStringLiteral("plans"), QStringLiteral("show"), arguments.at(1)});
            QCOMPARE(show.exitCode, 1);
        }
    }

    // Where no systemd user instance runs (this test's environment has none: its XDG_RUNTIME_DIR is empty),
    // install says so, still writes the units (they pass systemd-analyze verify), and prints the crontab line.
    void scheduleWithoutUserSystemd()
    {
        addPlan(QStringLiteral("nightly"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--tag"), QStringLiteral("prod"),
                                            QStringLiteral("--schedule"), QStringLiteral("daily 02:00"),
                                            QStringLiteral("--keep-daily"), QStringLiteral("7")});
        QTemporaryDir runtime;
        runner.setEnvironment(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        runner.setEnvironment(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/no-bus"));
        const svtest::CliRun install = cli({QStringLiteral("plans"), QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("nightly")});
        const svtest::CliRun status = cli({QStringLiteral("plans"), QStringLiteral("schedule"), QStringLiteral("status"), QStringLiteral("nightly")});
        // Back to the test's own (the keychain and the notification tests need the session bus).
        runner.setEnvironment(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        runner.setEnvironment(QStringLiteral("XDG_RUNTIME_DIR"), qEnvironmentVariable("XDG_RUNTIME_DIR"));
        QVERIFY2(install.exitCode == 1, install.describe().constData());
        QVERIFY2(install.err.contains("No systemd user instance runs here"), install.describe().constData());
        QVERIFY2(install.err.contains("the schedule is NOT active"), install.describe().constData());
        const QByteArray line = install.out.trimmed();
        QVERIFY2(line.startsWith("0 2 * * * ") && line.endsWith(" plans run nightly --scheduled --notify-on-failure"), line.constData());
        QVERIFY2(line.contains(QByteArray("XDG_CONFIG_HOME='" + home.filePath(QStringLiteral("config")).toUtf8() + "'")), line.constData());
        QVERIFY2(status.out.contains("nightly: daily 02:00, next run ") && status.out.contains("not enabled"), status.describe().constData());

        const QString units = home.filePath(QStringLiteral("config/systemd/user"));
        const QString timer = units + QStringLiteral("/stackvault-plan-nightly.timer");
        const QString service = units + QStringLiteral("/stackvault-plan-nightly.service");
        QVERIFY(QFile::exists(timer) && QFile::exists(service));
        SVTEST_VERIFY_USER_UNITS((QStringList{timer, service}));
        QFile serviceFile(service);
        QVERIFY(serviceFile.open(QIODevice::ReadOnly));
        const QByteArray serviceText = serviceFile.readAll();
        QVERIFY2(serviceText.contains(" plans run nightly --scheduled --notify-on-failure\n") && serviceText.contains(svtest::CliRunner::binary().toUtf8()),
                 serviceText.constData());

        // remove: both units gone.
        const svtest::CliRun removed = cli({QStringLiteral("plans"), QStringLiteral("schedule"), QStringLiteral("remove"), QStringLiteral("nightly")});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QVERIFY(!QFile::exists(timer) && !QFile::exists(service));
    }

    // Installed units follow the plan: `plans edit` rewrites them for a new time (status says they are up to
    // date before and after), a service naming another stackvault-cli (the program moved) is outdated, and
    // `--schedule none` removes them.
    void installedScheduleFollowsEdits()
    {
        addPlan(QStringLiteral("follows"), {QStringLiteral("--cloud"), cloudName, QStringLiteral("--schedule"), QStringLiteral("daily 02:00")});
        QTemporaryDir runtime;
        runner.setEnvironment(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        runner.setEnvironment(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/no-bus"));
        const auto restoreEnvironment = qScopeGuard([this] {
            runner.setEnvironment(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
            runner.setEnvironment(QStringLiteral("XDG_RUNTIME_DIR"), qEnvironmentVariable("XDG_RUNTIME_DIR"));
        });
        const auto status = [this] {
            const svtest::CliRun run = cli({QStringLiteral("plans"), QStringLiteral("schedule"), QStringLiteral("status"),
                                            QStringLiteral("follows"), QStringLiteral("--json")});
            return QJsonDocument::fromJson(run.out).array().first().toObject();
        };
        const auto text = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        const QString units = home.filePath(QStringLiteral("config/systemd/user"));
        const QString timer = units + QStringLiteral("/stackvault-plan-follows.timer");
        const QString service = units + QStringLiteral("/stackvault-plan-follows.service");
        const svtest::CliRun install = cli({QStringLiteral("plans"), QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("follows")});
        QVERIFY2(install.exitCode == 1 && QFile::exists(timer), install.describe().constData()); // written, no systemd here
        QCOMPARE(status().value(QLatin1String("up_to_date")).toBool(), true);

        // A new time: the timer is rewritten at once.
        const svtest::CliRun edit = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("follows"),
                                         QStringLiteral("--schedule"), QStringLiteral("daily 03:15")});
        QVERIFY2(edit.exitCode == 0, edit.describe().constData());
        QVERIFY2(edit.err.contains("Rewrote its schedule's units for the change.") && edit.err.contains("the schedule is NOT active"),
                 edit.describe().constData());
        const QJsonObject after = status();
        QCOMPARE(after.value(QLatin1String("up_to_date")).toBool(), true);
        QVERIFY2(text(timer).contains(QStringLiteral("OnCalendar=%1\n").arg(after.value(QLatin1String("on_calendar")).toString()))
                     && after.value(QLatin1String("on_calendar")).toString().contains(QStringLiteral("03:15")),
                 qPrintable(text(timer)));
        // An edit that leaves the units as they are does not touch them.
        const QDateTime written = QFileInfo(timer).lastModified();
        const svtest::CliRun same = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("follows"), QStringLiteral("--parallel"), QStringLiteral("3")});
        QVERIFY2(same.exitCode == 0 && !same.err.contains("schedule"), same.describe().constData());
        QCOMPARE(QFileInfo(timer).lastModified(), written);

        // The service names another stackvault-cli (this one moved since): outdated, and status says so.
        QString moved = text(service);
        QVERIFY(moved.contains(svtest::CliRunner::binary()));
        moved.replace(svtest::CliRunner::binary(), QStringLiteral("/opt/moved-away/stackvault-cli"));
        {
            QFile file(service);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(moved.toUtf8());
        }
        const QJsonObject outdated = status();
        QCOMPARE(outdated.value(QLatin1String("up_to_date")).toBool(), false);
        QVERIFY2(outdated.value(QLatin1String("timer")).toString().contains(QStringLiteral("written for an older schedule or another stackvault-cli")),
                 qPrintable(outdated.value(QLatin1String("timer")).toString()));

        // No schedule any more: the units go.
        const svtest::CliRun none = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("follows"),
                                         QStringLiteral("--schedule"), QStringLiteral("none")});
        QVERIFY2(none.exitCode == 0 && none.err.contains("The plan has no schedule any more: removed its installed units"),
                 none.describe().constData());
        QVERIFY(!QFile::exists(timer) && !QFile::exists(service));
        QCOMPARE(status().value(QLatin1String("installed")).toBool(), false);
    }

    // The restore test's options are saved with the plan, shown, changed by edit and turned off again.
    void restoreTestOptions()
    {
        addPlan(QStringLiteral("tested"), {QStringLiteral("--server"), cloudName + QStringLiteral("/web-1"), QStringLiteral("--test-restore"),
                                           QStringLiteral("--test-marker"), QStringLiteral("login:"), QStringLiteral("--test-timeout"), QStringLiteral("120")});
        const auto restoreTest = [this] {
            const svtest::CliRun show = cli({QStringLiteral("plans"), QStringLiteral("show"), QStringLiteral("tested"), QStringLiteral("--json")});
            return QJsonDocument::fromJson(show.out).object().value(QLatin1String("restore_test")).toObject();
        };
        QCOMPARE(restoreTest(), (QJsonObject{{u"enabled"_s, true}, {u"marker"_s, u"login:"_s}, {u"timeout_seconds"_s, 120}}));
        const svtest::CliRun show = cli({QStringLiteral("plans"), QStringLiteral("show"), QStringLiteral("tested")});
        QVERIFY2(show.out.contains("Restore test restore one new backup per run in the server's own cloud, wait up to 120 s for ACTIVE "
                                   "and for \"login:\" in the console"),
                 show.describe().constData());
        const svtest::CliRun edit = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("tested"), QStringLiteral("--test-cloud"),
                                         otherName, QStringLiteral("--test-marker"), QString()});
        QVERIFY2(edit.exitCode == 0, edit.describe().constData());
        QCOMPARE(restoreTest(), (QJsonObject{{u"enabled"_s, true}, {u"cloud"_s, otherName}, {u"timeout_seconds"_s, 120}}));
        const svtest::CliRun off = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("tested"), QStringLiteral("--no-test-restore")});
        QVERIFY2(off.exitCode == 0, off.describe().constData());
        QCOMPARE(restoreTest().value(QLatin1String("enabled")).toBool(true), false);
        QVERIFY2(off.out.contains("Restore test off"), off.describe().constData());
    }

    // An unattended run (--notify-on-failure, as the installed schedules run it) that fails, or cannot start,
    // raises a desktop notification on the session bus that names the plan, how many servers failed, the
    // first error and what to do; a run that succeeds sends nothing.
    void notifyOnFailure_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QStringList>("options"); // empty: the plan is not saved
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("summary"); // empty: no notification
        QTest::addColumn<QStringList>("bodyLines");
        QTest::newRow("a server fails")
            << u"notify-fails"_s << QStringList{u"--server"_s, u"A/web-1"_s, u"--server"_s, u"A/broken-1"_s}
            << 1 << u"Backup plan notify-fails failed"_s
            << QStringList{u"1 of 2 servers failed."_s, u"broken-1 (A): "_s,
                           u"Details: stackvault-cli plans history notify-fails --last 1"_s};
        QTest::newRow("cannot start") << u"notify-missing"_s << QStringList{} << 1 << u"Backup plan notify-missing did not run"_s
                                      << QStringList{u"No plan is named \"notify-missing\""_s,
                                                     u"Run it by hand to see more: stackvault-cli plans run notify-missing"_s};
        QTest::newRow("succeeds") << u"notify-ok"_s << QStringList{u"--server"_s, u"A/web-1"_s} << 0 << QString()
                                  << QStringList{};
    }
    void notifyOnFailure()
    {
        QFETCH(QString, plan);
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, summary);
        QFETCH(QStringList, bodyLines);
        for (QString &option : options) {
            if (option.startsWith(u"A/"))
                option.replace(0, 1, cloudName);
        }
        if (!options.isEmpty()) {
            addPlan(plan, options + QStringList{u"--no-include-data"_s, u"--volumes"_s, u"none"_s});
            if (QTest::currentTestFailed())
                return;
        }
        svtest::NotificationService desktop;
        QString error;
        QVERIFY2(desktop.start(&error), qPrintable(error));
        const svtest::CliRun run = cli({u"plans"_s, u"run"_s, plan, u"--scheduled"_s, u"--notify-on-failure"_s});
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        if (summary.isEmpty()) {
            QCOMPARE(desktop.received.size(), 0);
            QVERIFY2(!run.err.contains("notification"), run.describe().constData());
            return;
        }
        QCOMPARE(desktop.received.size(), 1);
        const svtest::Notification &got = desktop.received.first();
        QCOMPARE(got.summary, summary);
        const QStringList lines = got.body.split(u'\n');
        QCOMPARE(lines.size(), bodyLines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString expected = QString(bodyLines.at(i)).replace(u"(A)"_s, u"("_s + cloudName + u")"_s);
            QVERIFY2(lines.at(i).startsWith(expected), qPrintable(got.body));
        }
        QCOMPARE(got.hints.value(u"urgency"_s).toInt(), 2);
        QVERIFY2(run.out.contains("A desktop notification told of the failure."), run.describe().constData());
        if (options.isEmpty())
            return;
        // The run's log (its history entry) says so too.
        const svtest::CliRun history = cli({u"plans"_s, u"history"_s, plan, u"--json"_s});
        const QJsonObject last = QJsonDocument::fromJson(history.out).array().last().toObject();
        QVERIFY2(last.value(QLatin1String("notes")).toArray().contains(u"A desktop notification told of the failure."_s),
                 history.out.constData());
    }

    // Without a reachable session bus the run says so in its output and its history, and ends as the run
    // itself did (here: failed, as the keychain is on that bus too), never because of the notification.
    void noSessionBus()
    {
        addPlan(u"notify-nobus"_s, {u"--server"_s, cloudName + u"/web-1"_s, u"--no-include-data"_s, u"--volumes"_s, u"none"_s});
        const svtest::CliRun run = runner.run({u"plans"_s, u"run"_s, u"notify-nobus"_s, u"--scheduled"_s, u"--notify-on-failure"_s},
                                              {}, {{u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/stackvault-no-bus"_s}});
        QVERIFY2(run.exitCode == 1 && run.finished, run.describe().constData());
        const QByteArray said = "No desktop notification was shown: no D-Bus session bus is reachable at "
                                "unix:path=/nonexistent/stackvault-no-bus";
        QVERIFY2(run.err.contains(said), run.describe().constData());
        const svtest::CliRun history = cli({u"plans"_s, u"history"_s, u"notify-nobus"_s, u"--json"_s});
        const QJsonObject last = QJsonDocument::fromJson(history.out).array().last().toObject();
        QCOMPARE(last.value(QLatin1String("state")).toString(), u"failed"_s);
        bool noted = false;
        for (const QJsonValue &note : last.value(QLatin1String("notes")).toArray())
            noted = noted || note.toString().startsWith(QString::fromUtf8(said));
        QVERIFY2(noted, history.out.constData());
    }

    // --report-json writes the run report, --report-url POSTs the same bytes (to a QHttpServer here); a POST
    // that fails is said (the URL shown without its query, which may hold a token) and leaves the exit code
    // as the backups made it. No secret is in the report.
    void reportJson_data()
    {
        QTest::addColumn<QString>("path"); // empty: no --report-url; "closed": a port nobody listens on
        QTest::addColumn<QString>("said");
        QTest::newRow("posted") << u"/hook"_s << u"Sent the run report to http://127.0.0.1:PORT/hook (HTTP 200)."_s;
        QTest::newRow("server error") << u"/fail?token=s3cr3t-t0ken"_s
                                      << u"The run report was not accepted by http://127.0.0.1:PORT/fail: HTTP 500 Internal Server Error: try later"_s;
        QTest::newRow("refused") << u"closed"_s << u"The run report could not be sent to http://127.0.0.1:CLOSED/hook: Connection refused"_s;
        QTest::newRow("stdout") << QString() << QString();
    }
    void reportJson()
    {
        QFETCH(QString, path);
        QFETCH(QString, said);
        QHttpServer http;
        QList<QPair<QByteArray, QByteArray>> posts; // content type, body
        http.route(u"/hook"_s, QHttpServerRequest::Method::Post, [&posts](const QHttpServerRequest &request) {
            posts.append({request.value("Content-Type"), request.body()});
            return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
        });
        http.route(u"/fail"_s, QHttpServerRequest::Method::Post, [&posts](const QHttpServerRequest &request) {
            posts.append({request.value("Content-Type"), request.body()});
            return QHttpServerResponse(QByteArray("text/plain"), QByteArray("try later"),
                                       QHttpServerResponse::StatusCode::InternalServerError);
        });
        const quint16 port = http.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        quint16 closedPort = 0;
        {
            QHttpServer gone;
            closedPort = gone.listen(QHostAddress::LocalHost);
        }
        if (cli({u"plans"_s, u"show"_s, u"reported"_s}).exitCode != 0) // saved by the first row
            addPlan(u"reported"_s, {u"--server"_s, cloudName + u"/web-1"_s, u"--no-include-data"_s, u"--volumes"_s, u"none"_s});
        const QString file = home.filePath(u"report-%1.json"_s).arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QStringList arguments{u"plans"_s, u"run"_s, u"reported"_s, u"--report-json"_s, path.isEmpty() ? u"-"_s : file};
        if (path == u"closed")
            arguments << u"--report-url"_s << u"http://127.0.0.1:%1/hook"_s.arg(closedPort);
        else if (!path.isEmpty())
            arguments << u"--report-url"_s << u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
        const svtest::CliRun run = cli(arguments);
        QVERIFY2(run.exitCode == 0, run.describe().constData()); // the backup succeeded, whatever the POST did
        QByteArray document = run.out;
        if (!path.isEmpty()) {
            QFile written(file);
            QVERIFY(written.open(QIODevice::ReadOnly));
            document = written.readAll();
        }
        QJsonParseError parseError;
        const QJsonObject report = QJsonDocument::fromJson(document, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, document.constData());
        QCOMPARE(report.value(QLatin1String("plan")).toString(), u"reported"_s);
        QCOMPARE(report.value(QLatin1String("state")).toString(), u"succeeded"_s);
        QCOMPARE(report.value(QLatin1String("exit_status")).toInt(-1), 0);
        QCOMPARE(report.value(QLatin1String("report_version")).toInt(), 1);
        const QDateTime started = QDateTime::fromString(report.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(report.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        QVERIFY(started.isValid() && finished.isValid() && started <= finished);
        QVERIFY(report.value(QLatin1String("restore_test")).isNull());
        const QJsonArray servers = report.value(QLatin1String("servers")).toArray();
        QCOMPARE(servers.size(), 1);
        const QJsonObject server = servers.first().toObject();
        QCOMPARE(server.value(QLatin1String("server_name")).toString(), u"web-1"_s);
        QCOMPARE(server.value(QLatin1String("cloud")).toString(), cloudName);
        QCOMPARE(server.value(QLatin1String("result")).toString(), u"succeeded"_s);
        QVERIFY(server.value(QLatin1String("bytes")).toDouble() > 0);
        QVERIFY(server.value(QLatin1String("new_bytes")).isDouble());
        QVERIFY(server.value(QLatin1String("duration_ms")).toDouble() > 0);
        QVERIFY(!server.value(QLatin1String("checkpoint_id")).toString().isEmpty());
        QVERIFY(server.value(QLatin1String("error")).isNull());
        for (const QByteArray &secret : {QByteArray("demo-password"), QByteArray("stackvault-test-passphrase"), QByteArray("s3cr3t")})
            QVERIFY2(!document.contains(secret) && !run.err.contains(secret) && !run.out.contains(secret), secret.constData());
        if (path.isEmpty())
            return;
        QString expected = said;
        expected.replace(u"PORT"_s, QString::number(port)).replace(u"CLOSED"_s, QString::number(closedPort));
        QVERIFY2(QByteArray(run.out + run.err).contains(expected.toUtf8()), run.describe().constData());
        if (path == u"closed")
            return;
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().first, QByteArray("application/json"));
        QCOMPARE(posts.first().second, document);
    }

    // A plan that tests restores restore-tests one backup the run made after the backups and retention:
    // passed, it is recorded on the checkpoint and in the report; a server that ends in ERROR (fault
    // build_error) fails the run (exit 1) and raises the notification. Nothing is left in the cloud.
    void restoreTestAfterRun_data()
    {
        QTest::addColumn<bool>("buildFails");
        QTest::newRow("passes") << false;
        QTest::newRow("build error") << true;
    }
    void restoreTestAfterRun()
    {
        QFETCH(bool, buildFails);
        const QString plan = buildFails ? u"tests-fail"_s : u"tests-pass"_s;
        addPlan(plan, {u"--server"_s, cloudName + u"/web-1"_s, u"--volumes"_s, u"none"_s, u"--keep-last"_s, u"1"_s,
                       u"--test-restore"_s, u"--test-marker"_s, u"login:"_s});
        if (buildFails) {
            fake::FaultSpec fault;
            fault.kind = fake::Fault::BuildError;
            cloud.injectFault(fault);
        }
        svtest::NotificationService desktop;
        QString error;
        QVERIFY2(desktop.start(&error), qPrintable(error));
        const svtest::CliRun run = cli({u"plans"_s, u"run"_s, plan, u"--json"_s, u"--notify-on-failure"_s});
        QVERIFY2(run.exitCode == (buildFails ? 1 : 0), run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(report.value(QLatin1String("state")).toString(), buildFails ? u"failed"_s : u"succeeded"_s);
        const QString checkpoint = report.value(QLatin1String("servers")).toArray().first()[QLatin1String("checkpoint_id")].toString();
        QVERIFY(!checkpoint.isEmpty());
        const QJsonObject test = report.value(QLatin1String("restore_test")).toObject();
        QCOMPARE(test.value(QLatin1String("result")).toString(), buildFails ? u"failed"_s : u"passed"_s);
        QCOMPARE(test.value(QLatin1String("checkpoint_id")).toString(), checkpoint);
        QCOMPARE(test.value(QLatin1String("server_name")).toString(), u"web-1"_s);
        QCOMPARE(test.value(QLatin1String("cloud")).toString(), cloudName);
        QVERIFY(test.value(QLatin1String("recorded")).toBool());
        QVERIFY(test.value(QLatin1String("duration_ms")).toDouble() > 0);
        // Recorded on the checkpoint, as `test-restore` records it.
        const svtest::CliRun checkpoints = cli({u"checkpoints"_s, u"--bank"_s, bank(), u"--json"_s});
        QJsonObject recorded;
        for (const QJsonValue &value : QJsonDocument::fromJson(checkpoints.out).array()) {
            if (value[QLatin1String("id")].toString() == checkpoint)
                recorded = value[QLatin1String("restore_test")].toObject();
        }
        QCOMPARE(recorded.value(QLatin1String("result")).toString(), buildFails ? u"failed"_s : u"passed"_s);
        QCOMPARE(recorded.value(QLatin1String("marker")).toString(), u"login:"_s);
        if (buildFails) {
            QVERIFY2(test.value(QLatin1String("message")).toString().contains(u"failed its restore test"_s), run.describe().constData());
            QCOMPARE(desktop.received.size(), 1);
            QVERIFY2(desktop.received.first().body.contains(u"failed its restore test"_s), qPrintable(desktop.received.first().body));
        } else {
            QCOMPARE(desktop.received.size(), 0);
        }
        QCOMPARE(cloud.pendingFaults(), 0);
        QTRY_VERIFY_WITH_TIMEOUT((cloud.leftoverServerIds() + cloud.leftoverImageIds() + cloud.leftoverVolumeIds()).isEmpty(), 15000);
    }

    // One test per run, in turn: the second run tests the server the first did not.
    void restoreTestRotates()
    {
        addPlan(u"tests-turns"_s, {u"--server"_s, cloudName + u"/web-1"_s, u"--server"_s, cloudName + u"/db-1"_s,
                                   u"--no-include-data"_s, u"--volumes"_s, u"none"_s, u"--test-restore"_s});
        QStringList tested;
        for (int i = 0; i < 2; ++i) {
            const svtest::CliRun run = cli({u"plans"_s, u"run"_s, u"tests-turns"_s, u"--json"_s});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            const QJsonObject test = run.lastJson().value(QLatin1String("restore_test")).toObject();
            QCOMPARE(test.value(QLatin1String("result")).toString(), u"passed"_s);
            tested.append(test.value(QLatin1String("server_name")).toString());
        }
        tested.sort();
        QCOMPARE(tested, (QStringList{u"db-1"_s, u"web-1"_s}));
        QTRY_VERIFY_WITH_TIMEOUT((cloud.leftoverServerIds() + cloud.leftoverImageIds() + cloud.leftoverVolumeIds()).isEmpty(), 15000);
    }

    // A disabled plan's scheduled run does nothing; list and show say what the plan is.
    void disabledAndListed()
    {
        addPlan(QStringLiteral("off"), {QStringLiteral("--server"), cloudName + QStringLiteral("/db-1"), QStringLiteral("--disable"),
                                        QStringLiteral("--schedule"), QStringLiteral("weekly sun 03:30")});
        const svtest::CliRun scheduled = cli({QStringLiteral("plans"), QStringLiteral("run"), QStringLiteral("off"), QStringLiteral("--scheduled")});
        QCOMPARE(scheduled.exitCode, 0);
        QVERIFY2(scheduled.out.contains("Plan off is disabled: its scheduled run did nothing"), scheduled.describe().constData());
        const svtest::CliRun history = cli({QStringLiteral("plans"), QStringLiteral("history"), QStringLiteral("off")});
        QVERIFY2(history.out.contains("Plan off has not run yet."), history.describe().constData());
        const svtest::CliRun list = cli({QStringLiteral("plans"), QStringLiteral("list")});
        QVERIFY2(list.out.contains("off (disabled)") && list.out.contains("weekly sun 03:30"), list.describe().constData());
        const svtest::CliRun show = cli({QStringLiteral("plans"), QStringLiteral("show"), QStringLiteral("off"), QStringLiteral("--json")});
        const QJsonObject plan = QJsonDocument::fromJson(show.out).object();
        QCOMPARE(plan.value(QLatin1String("enabled")).toBool(true), false);
        QCOMPARE(plan.value(QLatin1String("schedule")).toString(), QStringLiteral("weekly sun 03:30"));
        QVERIFY(!plan.value(QLatin1String("next_run")).toString().isEmpty());
        const svtest::CliRun edit = cli({QStringLiteral("plans"), QStringLiteral("edit"), QStringLiteral("off"), QStringLiteral("--enable"),
                                         QStringLiteral("--rename"), QStringLiteral("on")});
        QVERIFY2(edit.exitCode == 0, edit.describe().constData());
        const svtest::CliRun removed = cli({QStringLiteral("plans"), QStringLiteral("remove"), QStringLiteral("on")});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QCOMPARE(cli({QStringLiteral("plans"), QStringLiteral("show"), QStringLiteral("on")}).exitCode, 1);
    }

    // An admin's "all projects" plan with volumes: other-1 of project other is saved with its attached volume
    // other-data (project other), through the admin's token scoped to demo; the temporary volume snapshot,
    // volume and image are the admin's and none is left in either project; the checkpoint restores the
    // volume's bytes. (Near the end: the restore leaves a server in `other`.)
    void allProjectsWithVolumes()
    {
        const QString otherData = cloud.volumeIdByName(QStringLiteral("other-data"));
        QVERIFY(!otherData.isEmpty());
        QCOMPARE(cloud.volumeStatus(otherData), QStringLiteral("in-use"));
        QTRY_VERIFY_WITH_TIMEOUT(cloud.serverTaskState(QStringLiteral("5e7f0000-0000-4000-8000-000000000006")).isEmpty(), 30000);
        addPlan(u"all-volumes"_s, {u"--cloud"_s, adminName, u"--all-projects"_s, u"--name-pattern"_s, u"other-*"_s, u"--volumes"_s, u"all"_s});
        if (QTest::currentTestFailed())
            return;
        const svtest::CliRun run = cli({u"plans"_s, u"run"_s, u"all-volumes"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(outcomes(report), QStringList{u"other-1 (project other)@C:succeeded"_s});
        const QString checkpoint = report.value(QLatin1String("servers")).toArray().first()[QLatin1String("checkpoint_id")].toString();
        QVERIFY(!checkpoint.isEmpty());

        const svtest::CliRun show = cli({u"show"_s, checkpoint, u"--bank"_s, bank(), u"--json"_s});
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        bool volumeListed = false;
        for (const QJsonValue &r : QJsonDocument::fromJson(show.out).object().value(QLatin1String("resources")).toArray())
            volumeListed |= r[QLatin1String("type")].toString() == QLatin1String("OS::Cinder::Volume")
                && r[QLatin1String("name")].toString() == QLatin1String("other-data");
        QVERIFY2(volumeListed, show.out.constData());
        const svtest::CliRun text = cli({u"show"_s, checkpoint, u"--bank"_s, bank()});
        QVERIFY2(text.out.contains("Volumes      other-data (1 GiB, /dev/vdb"), text.out.constData());
        QVERIFY2(!text.out.contains("NOT included"), text.out.constData());

        // Nothing temporary in either project (the fake's lists cover every project); other-data is untouched.
        QVERIFY(cloud.leftoverImageIds().isEmpty());
        QVERIFY(cloud.leftoverVolumeIds().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverSnapshotIds().isEmpty(), 5000);
        QCOMPARE(cloud.volumeStatus(otherData), QStringLiteral("in-use"));

        // The checkpoint restores other-data's bytes (into the second fake cloud, project demo).
        // --key, --network: other-1's key pair and network are alice's, which the restoring user (demo) lacks.
        const svtest::CliRun restore = cli({u"restore"_s, checkpoint, u"--bank"_s, bank(), u"--to-cloud"_s, otherName, u"--key"_s,
                                            u"demo-key"_s, u"--network"_s, u"private"_s, u"--name"_s, u"other-1-restored"_s, u"--json"_s});
        QVERIFY2(restore.exitCode == 0, restore.describe().constData());
        const QJsonArray restoredVolumes = restore.lastJson().value(QLatin1String("volumes")).toArray();
        QCOMPARE(restoredVolumes.size(), 1);
        QCOMPARE(restoredVolumes.at(0)[QLatin1String("name")].toString(), QStringLiteral("other-data"));
        QCOMPARE(other.volumeDiskSha256(restoredVolumes.at(0)[QLatin1String("id")].toString()), cloud.volumeDiskSha256(otherData));
    }

    // An admin's "all projects" plan and a boot-from-volume server of another project: alice-bfv (project
    // other) has no image, its root disk is its volume alice-root. Nova's createImage, asked with the admin's
    // token scoped to demo, snapshots alice-root in Cinder for the admin's project; the checkpoint holds
    // alice-root as the boot volume, nothing temporary is left in either project (not Nova's 0-byte image, its
    // Cinder snapshot, the temporary volume or the upload image), and a restore boots a server from a new
    // volume with alice-root's bytes (into the second fake cloud, project demo, as allProjectsWithVolumes does).
    // (Last: the restore leaves a server in `other`.)
    void allProjectsBootFromVolume()
    {
        const QString bfvId = cloud.serverIdByName(QStringLiteral("alice-bfv"));
        const QString aliceRoot = cloud.volumeIdByName(QStringLiteral("alice-root"));
        QVERIFY(!bfvId.isEmpty());
        QVERIFY(!aliceRoot.isEmpty());
        QCOMPARE(cloud.volumeStatus(aliceRoot), QStringLiteral("in-use"));
        const QByteArray rootBytes = cloud.volumeDiskSha256(aliceRoot);
        QCOMPARE(cloud.serverDiskSha256(bfvId), rootBytes); // the server's disk is the volume
        QVERIFY(rootBytes != cloud.imageSha256(QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002"))); // alice wrote to it
        addPlan(u"all-bfv"_s, {u"--cloud"_s, adminName, u"--all-projects"_s, u"--name-pattern"_s, u"alice-bfv"_s, u"--volumes"_s, u"none"_s});
        if (QTest::currentTestFailed())
            return;
        const svtest::CliRun run = cli({u"plans"_s, u"run"_s, u"all-bfv"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject report = run.lastJson();
        QCOMPARE(outcomes(report), QStringList{u"alice-bfv (project other)@C:succeeded"_s});
        const QString checkpoint = report.value(QLatin1String("servers")).toArray().first()[QLatin1String("checkpoint_id")].toString();
        QVERIFY(!checkpoint.isEmpty());

        // The boot volume is saved although --volumes none: it is the server's disk.
        const svtest::CliRun text = cli({u"show"_s, checkpoint, u"--bank"_s, bank()});
        QVERIFY2(text.exitCode == 0, text.describe().constData());
        QVERIFY2(text.out.contains("included (snapshots taken first; the server boots from a volume)"), text.out.constData());
        QVERIFY2(text.out.contains("Volumes      alice-root (1 GiB, /dev/vda, "), text.out.constData());
        QVERIFY2(text.out.contains(", boot volume; saved: "), text.out.constData());
        QVERIFY2(!text.out.contains("NOT included"), text.out.constData());

        // Nothing temporary in either project (the fake's lists cover every project); alice's server and
        // volume are untouched.
        QVERIFY(cloud.leftoverImageIds().isEmpty());
        QVERIFY(cloud.leftoverVolumeIds().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(cloud.leftoverSnapshotIds().isEmpty(), 5000);
        QCOMPARE(cloud.volumeStatus(aliceRoot), QStringLiteral("in-use"));
        QCOMPARE(cloud.volumeDiskSha256(aliceRoot), rootBytes);
        QTRY_VERIFY_WITH_TIMEOUT(cloud.serverTaskState(bfvId).isEmpty(), 30000);

        // The restore boots a new server from a new volume holding alice-root's bytes, with no image.
        // --key, --network: alice-bfv's key pair and network are alice's, which the restoring user (demo) lacks.
        // Its temporary image is gone after (the images there are the earlier restores' boot images).
        const auto imagesInOther = [this] {
            QStringList ids = other.leftoverImageIds();
            ids.sort();
            return ids;
        };
        const QStringList imagesBefore = imagesInOther();
        const svtest::CliRun restore = cli({u"restore"_s, checkpoint, u"--bank"_s, bank(), u"--to-cloud"_s, otherName, u"--key"_s,
                                            u"demo-key"_s, u"--network"_s, u"private"_s, u"--name"_s, u"alice-bfv-restored"_s, u"--json"_s});
        QVERIFY2(restore.exitCode == 0, restore.describe().constData());
        const QJsonObject restored = restore.lastJson();
        QVERIFY2(!restored.contains(QLatin1String("image_id")), restore.out.constData());
        const QJsonArray restoredVolumes = restored.value(QLatin1String("volumes")).toArray();
        QCOMPARE(restoredVolumes.size(), 1);
        QCOMPARE(restoredVolumes.at(0)[QLatin1String("name")].toString(), QStringLiteral("alice-root"));
        QCOMPARE(restoredVolumes.at(0)[QLatin1String("boot_index")].toInt(-1), 0);
        const QString restoredRoot = restoredVolumes.at(0)[QLatin1String("id")].toString();
        QCOMPARE(other.volumeDiskSha256(restoredRoot), rootBytes);
        const QString serverId = restored.value(QLatin1String("server_id")).toString();
        QCOMPARE(other.serverDiskSha256(serverId), rootBytes);
        QTRY_COMPARE_WITH_TIMEOUT(imagesInOther(), imagesBefore, 10000);
    }
};

QTEST_GUILESS_MAIN(TestCliPlans)
#include "tst_cliplans.moc"
