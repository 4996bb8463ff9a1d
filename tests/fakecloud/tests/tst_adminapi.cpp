// What a cloud admin sees in the fake cloud, over real HTTP: Keystone's project list (admins only),
// Nova's all_tenants listing (every project, one project with project_id/tenant_id, 403 for non-admins,
// Nova's true/false parsing), pagination of 50,000 generated servers in 200 projects, and an admin's
// snapshot of another project's server (owned by the admin's project, shared with the server's).
#include "fakecloud.h"
#include "servicetestsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
const QString DemoProject = u"a1b2c3d4e5f60718293a4b5c6d7e8f90"_s;
const QString OtherProject = u"0f9e8d7c6b5a49382716051423324150"_s;
const QString Other1 = u"5e7f0000-0000-4000-8000-000000000006"_s;
const fake::HttpTestClient::Headers Latest{{"OpenStack-API-Version", "compute 2.96"}};

QSet<QString> projectsOf(const QJsonObject &list)
{
    QSet<QString> projects;
    for (const QJsonValue &server : list.value(u"servers"_s).toArray())
        projects.insert(server[u"tenant_id"_s].toString());
    return projects;
}
} // namespace

class TestAdminApi : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud m_cloud;
    std::unique_ptr<fake::HttpTestClient> m_admin;
    std::unique_ptr<fake::HttpTestClient> m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        fake::startTestScenario(m_cloud);
        m_admin = std::make_unique<fake::HttpTestClient>(m_cloud.baseUrl());
        QVERIFY(!m_admin->login(u"admin"_s, u"admin-password"_s, u"demo"_s).isEmpty());
        m_demo = fake::demoClient(m_cloud);
        QVERIFY(!m_demo->token().isEmpty());
    }

    void projectsForAdminsOnly()
    {
        const auto reply = m_admin->get(u"/identity/v3/projects"_s);
        QCOMPARE(reply.status, 200);
        QStringList names;
        for (const QJsonValue &project : reply.json().value(u"projects"_s).toArray()) {
            names.append(project[u"name"_s].toString());
            QVERIFY(project[u"enabled"_s].toBool());
            QCOMPARE(project[u"domain_id"_s].toString(), u"default"_s);
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"demo"_s, u"other"_s}));
        QVERIFY(reply.json().value(u"links"_s).toObject().value(u"next"_s).isNull());
        QCOMPARE(m_admin->get(u"/identity/v3/projects?name=other"_s).json().value(u"projects"_s).toArray().size(), 1);

        const auto refused = m_demo->get(u"/identity/v3/projects"_s);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
                 u"You are not authorized to perform the requested action: identity:list_projects."_s);
    }

    void allTenants_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("admin");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("projects");
        const QStringList both{DemoProject, OtherProject};
        QTest::newRow("admin, own project") << u""_s << true << 200 << QStringList{DemoProject};
        QTest::newRow("admin, all") << u"all_tenants=True"_s << true << 200 << both;
        QTest::newRow("admin, empty counts as true") << u"all_tenants="_s << true << 200 << both;
        QTest::newRow("admin, 1") << u"all_tenants=1"_s << true << 200 << both;
        QTest::newRow("admin, false") << u"all_tenants=false"_s << true << 200 << QStringList{DemoProject};
        QTest::newRow("admin, one project") << u"all_tenants=True&project_id="_s + OtherProject << true << 200 << QStringList{OtherProject};
        QTest::newRow("admin, tenant_id") << u"all_tenants=True&tenant_id="_s + OtherProject << true << 200 << QStringList{OtherProject};
        QTest::newRow("project_id without all_tenants") << u"project_id="_s + OtherProject << true << 200 << QStringList{DemoProject};
        QTest::newRow("admin, bad value") << u"all_tenants=maybe"_s << true << 400 << QStringList{};
        QTest::newRow("member refused") << u"all_tenants=True"_s << false << 403 << QStringList{};
        QTest::newRow("member, false") << u"all_tenants=0"_s << false << 200 << QStringList{DemoProject};
    }
    void allTenants()
    {
        QFETCH(QString, query);
        QFETCH(bool, admin);
        QFETCH(int, status);
        QFETCH(QStringList, projects);
        fake::HttpTestClient &client = admin ? *m_admin : *m_demo;
        const auto reply = client.get(u"/compute/v2.1/servers/detail?"_s + query, Latest);
        QCOMPARE(reply.status, status);
        if (status == 403) {
            QCOMPARE(reply.json().value(u"forbidden"_s).toObject().value(u"message"_s).toString(),
                     u"Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed."_s);
            const auto index = client.get(u"/compute/v2.1/servers?"_s + query, Latest);
            QCOMPARE(index.status, 403);
            QVERIFY(index.body.contains("servers:index:get_all_tenants"));
            return;
        }
        if (status != 200)
            return;
        const QStringList seen = projectsOf(reply.json()).values();
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(projects.cbegin(), projects.cend()));
    }

    // An admin acts on another project's server; the snapshot belongs to the admin's project (as Nova
    // does it), shared with the server's, so the admin's token downloads and deletes it.
    void adminSnapshotOfAnotherProject()
    {
        QCOMPARE(m_admin->get(u"/compute/v2.1/servers/"_s + Other1).status, 200);
        QCOMPARE(m_demo->get(u"/compute/v2.1/servers/"_s + Other1).status, 404);
        const auto created = m_admin->postJson(u"/compute/v2.1/servers/"_s + Other1 + u"/action"_s,
                                               {{u"createImage"_s, QJsonObject{{u"name"_s, u"admin-snap"_s}}}}, Latest);
        QCOMPARE(created.status, 202);
        const QString imageId = created.json().value(u"image_id"_s).toString();
        QVERIFY(!imageId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.imageStatus(imageId), u"active"_s, 20000);
        const QJsonObject image = m_admin->get(u"/image/v2/images/"_s + imageId).json();
        QCOMPARE(image.value(u"owner"_s).toString(), DemoProject);
        QCOMPARE(image.value(u"visibility"_s).toString(), u"shared"_s);
        QCOMPARE(image.value(u"instance_owner"_s).toString(), OtherProject);
        const auto file = m_admin->get(u"/image/v2/images/"_s + imageId + u"/file"_s);
        QCOMPARE(file.status, 200);
        QCOMPARE(QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex(), m_cloud.imageSha256(imageId));
        QCOMPARE(m_admin->request("DELETE", u"/image/v2/images/"_s + imageId).status, 204);
    }

    // A project-scoped listing reads the project's own servers (an index the fake keeps, as Nova's
    // database does), and only servers that change with time are advanced: a new server is listed in its
    // project only, still goes BUILD -> ACTIVE, and is gone from the listing once deleted.
    void projectListingFollowsCreateAndDelete()
    {
        const auto created = m_admin->postJson(u"/compute/v2.1/servers"_s,
                                               QJsonObject{{u"server"_s, QJsonObject{{u"name"_s, u"indexed-1"_s},
                                                                                     {u"imageRef"_s, u"e1a0b1c2-0000-4000-8000-000000000002"_s},
                                                                                     {u"flavorRef"_s, u"1"_s},
                                                                                     {u"networks"_s, u"none"_s}}}},
                                               Latest);
        QCOMPARE(created.status, 202);
        const QString id = created.json().value(u"server"_s).toObject().value(u"id"_s).toString();
        auto listed = [this, id](const QString &project) {
            const QJsonObject list = m_admin->get(u"/compute/v2.1/servers/detail?all_tenants=1&project_id="_s + project, Latest).json();
            for (const QJsonValue &server : list.value(u"servers"_s).toArray()) {
                if (server[u"id"_s].toString() == id)
                    return server[u"status"_s].toString();
            }
            return QString();
        };
        QVERIFY(!listed(DemoProject).isEmpty());
        QVERIFY(listed(OtherProject).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(listed(DemoProject), u"ACTIVE"_s, 20000);
        QCOMPARE(m_admin->request("DELETE", u"/compute/v2.1/servers/"_s + id).status, 204);
        QVERIFY(listed(DemoProject).isEmpty());
        // The others of the project are still there.
        QCOMPARE(projectsOf(m_admin->get(u"/compute/v2.1/servers/detail?all_tenants=1&project_id="_s + OtherProject, Latest).json()),
                 QSet<QString>{OtherProject});
    }

    // 50,000 servers in 200 projects, generated by the scenario's "generated_projects": every page of
    // the all_tenants listing is full until the last, no server twice, every project present.
    void paginationAtScale()
    {
        fake::FakeCloud big;
        QFile file(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
        scenario.insert(u"generated_projects"_s, QJsonObject{{u"count"_s, 200}, {u"servers_per_project"_s, 250},
                                                              {u"image"_s, u"cirros-0.6.2"_s}, {u"flavor"_s, u"m1.tiny"_s},
                                                              {u"user"_s, u"admin"_s}, {u"tag_every"_s, 10}});
        QElapsedTimer loading;
        loading.start();
        QString error;
        QVERIFY2(big.loadScenario(scenario, &error), qPrintable(error));
        qInfo("generated 50,000 servers in %lld ms", qint64(loading.elapsed()));
        QVERIFY(big.start());
        fake::HttpTestClient admin(big.baseUrl());
        QVERIFY(!admin.login(u"admin"_s, u"admin-password"_s, u"demo"_s).isEmpty());
        QCOMPARE(admin.get(u"/identity/v3/projects"_s).json().value(u"projects"_s).toArray().size(), 202);

        QElapsedTimer listing;
        listing.start();
        QSet<QString> ids;
        QSet<QString> projects;
        int pages = 0;
        int tagged = 0;
        QString next = u"/compute/v2.1/servers/detail?all_tenants=True&limit=1000"_s;
        while (!next.isEmpty()) {
            const auto reply = admin.get(next, Latest);
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.json();
            const QJsonArray servers = body.value(u"servers"_s).toArray();
            ++pages;
            for (const QJsonValue &server : servers) {
                ids.insert(server[u"id"_s].toString());
                projects.insert(server[u"tenant_id"_s].toString());
                tagged += server[u"id"_s].toString().startsWith(u"a11a"_s) && server[u"tags"_s].toArray().contains(u"prod"_s) ? 1 : 0;
            }
            next.clear();
            for (const QJsonValue &link : body.value(u"servers_links"_s).toArray()) {
                if (link[u"rel"_s].toString() == u"next") {
                    next = link[u"href"_s].toString();
                    QVERIFY(next.contains(u"all_tenants=True"_s)); // the filter stays in the next link
                }
            }
            QVERIFY(servers.size() == 1000 || next.isEmpty());
        }
        qInfo("listed 50,000+ servers in %d pages in %lld ms", pages, qint64(listing.elapsed()));
        QCOMPARE(ids.size(), 50000 + 6); // and test.json's own six
        QCOMPARE(projects.size(), 202);
        QCOMPARE(tagged, 5000);
        // One project's servers only.
        const QString firstProject = admin.get(u"/identity/v3/projects?name=tenant-007"_s).json()
                                         .value(u"projects"_s).toArray().at(0)[u"id"_s].toString();
        const QJsonObject one = admin.get(u"/compute/v2.1/servers/detail?all_tenants=True&project_id="_s + firstProject).json();
        QCOMPARE(one.value(u"servers"_s).toArray().size(), 250);
        QCOMPARE(projectsOf(one), QSet<QString>{firstProject});
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_adminapi.moc"
