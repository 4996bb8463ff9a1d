// Plan and PlanSource: what a plan may hold (clear errors for what it may not), which servers a selector
// chooses, and the JSON it is saved as.
#include "plans/plan.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using sv::Plan;
using sv::PlanSource;

class TestPlan : public QObject
{
    Q_OBJECT
private:
    static Plan validPlan()
    {
        Plan plan;
        plan.name = QStringLiteral("nightly");
        plan.sources = {{QStringLiteral("prod"), {}, QStringLiteral("prod"), {}},
                        {QStringLiteral("lab"), QStringLiteral("web-1"), {}, {}}};
        plan.bank = QStringLiteral("/srv/backups");
        return plan;
    }
    const QStringList clouds{QStringLiteral("prod"), QStringLiteral("lab")};

private Q_SLOTS:
    void selects_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<bool>("selected");
        QTest::newRow("all") << u""_s << u""_s << u"anything"_s << QStringList{} << true;
        QTest::newRow("tag present") << u"prod"_s << u""_s << u"db-1"_s << QStringList{u"db"_s, u"prod"_s} << true;
        QTest::newRow("tag absent") << u"prod"_s << u""_s << u"db-1"_s << QStringList{u"staging"_s} << false;
        QTest::newRow("tag is whole") << u"prod"_s << u""_s << u"db-1"_s << QStringList{u"production"_s} << false;
        QTest::newRow("star") << u""_s << u"web-*"_s << u"web-12"_s << QStringList{} << true;
        QTest::newRow("star no match") << u""_s << u"web-*"_s << u"db-web-1"_s << QStringList{} << false;
        QTest::newRow("whole name") << u""_s << u"web"_s << u"web-1"_s << QStringList{} << false;
        QTest::newRow("question mark") << u""_s << u"db-?"_s << u"db-1"_s << QStringList{} << true;
        QTest::newRow("question mark one only") << u""_s << u"db-?"_s << u"db-12"_s << QStringList{} << false;
        QTest::newRow("brackets") << u""_s << u"app-[13]"_s << u"app-3"_s << QStringList{} << true;
        QTest::newRow("brackets miss") << u""_s << u"app-[13]"_s << u"app-2"_s << QStringList{} << false;
        QTest::newRow("case") << u""_s << u"Web-*"_s << u"web-1"_s << QStringList{} << false;
        QTest::newRow("tag and pattern") << u"prod"_s << u"web-*"_s << u"web-1"_s << QStringList{u"prod"_s} << true;
        QTest::newRow("tag and pattern, no tag") << u"prod"_s << u"web-*"_s << u"web-1"_s << QStringList{} << false;
    }
    void selects()
    {
        QFETCH(QString, tag);
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(QStringList, tags);
        QFETCH(bool, selected);
        const PlanSource source{QStringLiteral("prod"), {}, tag, pattern};
        QCOMPARE(source.selects(name, tags), selected);
        // An explicit server is no selector.
        QVERIFY(!(PlanSource{QStringLiteral("prod"), name, {}, {}}.selects(name, tags)));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("said");
        QTest::newRow("bad name") << u"name=a b"_s << u"The plan name \"a b\" cannot be used"_s;
        QTest::newRow("name with slash") << u"name=../x"_s << u"cannot be used"_s;
        QTest::newRow("unknown cloud") << u"cloud=nowhere"_s << u"names the cloud \"nowhere\", which is not saved"_s;
        QTest::newRow("bad pattern") << u"pattern=web-["_s << u"is not a valid wildcard pattern"_s;
        QTest::newRow("tag with comma") << u"tag=a,b"_s << u"cannot hold a comma"_s;
        QTest::newRow("no servers") << u"sources=none"_s << u"names no servers"_s;
        QTest::newRow("twice") << u"sources=twice"_s << u"twice"_s;
        QTest::newRow("parallel 0") << u"parallelism=0"_s << u"1 to 16 backups at once, not 0"_s;
        QTest::newRow("parallel 17") << u"parallelism=17"_s << u"not 17"_s;
        QTest::newRow("no bank") << u"bank="_s << u"no backup storage"_s;
        QTest::newRow("volumes without data") << u"nodata"_s << u"no volume can be saved"_s;
        QTest::newRow("bad keep") << u"keep_daily=-1"_s << u"keep_daily must be a whole number"_s;
        QTest::newRow("unknown keep") << u"keep_forever=1"_s << u"Unknown retention rule \"keep_forever\""_s;
        QTest::newRow("bad within") << u"keep_within=2 years"_s << u"is not a duration"_s;
        QTest::newRow("test in unknown cloud") << u"test_cloud=nowhere"_s
                                               << u"The restore test names the cloud \"nowhere\", which is not saved"_s;
        QTest::newRow("test timeout short") << u"test_timeout=29"_s << u"waits 30 to 86400 seconds, not 29"_s;
        QTest::newRow("test timeout long") << u"test_timeout=86401"_s << u"not 86401"_s;
        QTest::newRow("test marker two lines") << u"test_marker=a\nb"_s << u"one line of text"_s;
        QTest::newRow("all projects of one server") << u"explicit_all_projects"_s << u"\"all projects\" applies to a selector"_s;
    }
    void validation()
    {
        QFETCH(QString, change);
        QFETCH(QString, said);
        Plan plan = validPlan();
        QCOMPARE(plan.validationError(clouds), QString());
        const QString key = change.section(u'=', 0, 0);
        const QString value = change.section(u'=', 1);
        if (key == u"name")
            plan.name = value;
        else if (key == u"cloud")
            plan.sources[0].cloud = value;
        else if (key == u"pattern")
            plan.sources[0].namePattern = value;
        else if (key == u"tag")
            plan.sources[0].tag = value;
        else if (change == u"sources=none")
            plan.sources.clear();
        else if (change == u"sources=twice")
            plan.sources.append(plan.sources.first());
        else if (key == u"parallelism")
            plan.parallelism = value.toInt();
        else if (key == u"bank")
            plan.bank = value;
        else if (key == u"explicit_all_projects")
            plan.sources[1].allProjects = true; // lab/web-1
        else if (key == u"nodata")
            plan.includeData = false; // volumes stay "all"
        else if (key == u"test_cloud")
            plan.testRestore = {true, value, {}, 600};
        else if (key == u"test_timeout")
            plan.testRestore.timeoutSeconds = value.toInt();
        else if (key == u"test_marker")
            plan.testRestore.marker = value;
        else if (key == u"keep_within")
            plan.retention.insert(key, value);
        else
            plan.retention.insert(key, value.toInt());
        const QString error = plan.validationError(clouds);
        QVERIFY2(error.contains(said), qPrintable(error));
    }

    void jsonRoundTrip()
    {
        Plan plan = validPlan();
        plan.sources.append({QStringLiteral("prod"), {}, {}, QStringLiteral("db-*")});
        plan.includeData = true;
        plan.volumes = sv::VolumeSelection::named({QStringLiteral("data")});
        plan.schedule = *sv::PlanSchedule::parse(QStringLiteral("weekly sun 03:30"));
        plan.retention = {{QStringLiteral("keep_daily"), 7}, {QStringLiteral("keep_within"), QStringLiteral("1m")}};
        plan.parallelism = 4;
        plan.enabled = false;
        plan.sources.append({QStringLiteral("lab"), {}, QStringLiteral("prod"), {}, true});
        QCOMPARE(plan.validationError(clouds), QString());
        const Plan back = Plan::fromJson(plan.toJson());
        QCOMPARE(back.toJson(), plan.toJson());
        QCOMPARE(back.sources, plan.sources);
        QVERIFY(back.sources.last().allProjects);
        QCOMPARE(plan.toJson().value(u"servers"_s).toArray().last().toObject().value(u"all_projects"_s), QJsonValue(true));
        // The same selector over the profile's own project is another source, not a duplicate.
        QVERIFY(!(back.sources.last() == PlanSource{QStringLiteral("lab"), {}, QStringLiteral("prod"), {}}));
        QCOMPARE(back.schedule, plan.schedule);
        QCOMPARE(back.parallelism, 4);
        QVERIFY(!back.enabled);
        QCOMPARE(Plan::describeRetention(back.retention), QStringLiteral("keep 7 daily, all within 1m"));
        QCOMPARE(Plan::describeRetention({}), QStringLiteral("keep everything"));
        QCOMPARE(back.testRestore, sv::PlanRestoreTest{});
        plan.testRestore = {true, QStringLiteral("lab"), QStringLiteral("login:"), 900};
        QCOMPARE(plan.validationError(clouds), QString());
        const Plan tested = Plan::fromJson(plan.toJson());
        QCOMPARE(tested.testRestore, plan.testRestore);
        QCOMPARE(tested.toJson(), plan.toJson());
        QCOMPARE(tested.testRestore.describe(),
                 QStringLiteral("restore one new backup per run in lab, wait up to 900 s for ACTIVE and for \"login:\" in the console"));
    }

    // A plan saved before restore tests existed has none; one with only some fields gets the defaults.
    void restoreTestDefaults()
    {
        QJsonObject json = validPlan().toJson();
        json.remove(QStringLiteral("restore_test"));
        const Plan old = Plan::fromJson(json);
        QVERIFY(!old.testRestore.enabled);
        QCOMPARE(old.testRestore.timeoutSeconds, 600);
        QCOMPARE(old.testRestore.describe(), QStringLiteral("off"));
        QCOMPARE(old.validationError(clouds), QString());
        json.insert(QStringLiteral("restore_test"), QJsonObject{{QStringLiteral("enabled"), true}});
        const Plan partial = Plan::fromJson(json);
        QCOMPARE(partial.testRestore, (sv::PlanRestoreTest{true, {}, {}, 600}));
        QCOMPARE(partial.testRestore.describe(),
                 QStringLiteral("restore one new backup per run in the server's own cloud, wait up to 600 s for ACTIVE"));
        // A disabled test may name a cloud that is gone; it only matters once enabled.
        Plan plan = validPlan();
        plan.testRestore.cloud = QStringLiteral("gone");
        QCOMPARE(plan.validationError(clouds), QString());
    }

    // plans.json written before "all projects" existed: every selector reads as the profile's project.
    void oldJsonReadsOwnProject()
    {
        const QJsonObject old{{u"cloud"_s, u"prod"_s}, {u"tag"_s, u"db"_s}};
        const PlanSource source = PlanSource::fromJson(old);
        QVERIFY(!source.allProjects);
        QCOMPARE(source.toJson(), old); // and is written back unchanged (no "all_projects": false)
        QVERIFY(PlanSource::fromJson({{u"cloud"_s, u"prod"_s}, {u"all_projects"_s, true}}).allProjects);
    }

    void describe()
    {
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, {}, {}, true}.describe()),
                 QStringLiteral("all servers of all projects of prod"));
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, QStringLiteral("db"), {}, true}.describe()),
                 QStringLiteral("servers tagged db in all projects of prod"));
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, {}, QStringLiteral("x*"), true}.describe()),
                 QStringLiteral("servers named x* in all projects of prod"));
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, QStringLiteral("db"), QStringLiteral("x*"), true}.describe()),
                 QStringLiteral("servers tagged db named x* in all projects of prod"));
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, {}, {}}.describe()), QStringLiteral("all servers of prod"));
        QCOMPARE((PlanSource{QStringLiteral("prod"), {}, QStringLiteral("db"), QStringLiteral("x*")}.describe()),
                 QStringLiteral("servers tagged db named x* in prod"));
        QCOMPARE((PlanSource{QStringLiteral("lab"), QStringLiteral("web-1"), {}, {}}.describe()), QStringLiteral("web-1 in lab"));
    }
};

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
