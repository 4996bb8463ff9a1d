// Nova paging delivered page by page, and the server fields StackVault relies on; an admin's all_tenants
// listing paged across projects (and Keystone's project list) versus a member's 403.
#include "openstacktestcloud.h"

#include "openstack/compute/listserversjob.h"
#include "openstack/identity/listprojectsjob.h"

#include <QSet>
#include <QThread>

#include <atomic>

using namespace sv::openstack;

class TestListServersJob : public QObject
{
    Q_OBJECT
    static inline QStringList s_delivered; // the page handler's continuations, on the job's thread
private Q_SLOTS:
    void pages_arrive_one_by_one()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new ListServersJob(connection.get());
        job->setPageSize(2);
        QList<int> pageSizes;
        connect(job, &ListServersJob::pageReceived, this, [&](const QList<Server> &page) { pageSizes.append(page.size()); });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QVERIFY(pageSizes.size() >= 2);
        for (int size : std::as_const(pageSizes))
            QVERIFY(size <= 2);
        int total = 0;
        for (int size : std::as_const(pageSizes))
            total += size;
        QCOMPARE(total, job->servers().size());

        const auto find = [&](const QString &id) {
            for (const Server &server : job->servers())
                if (server.id == id)
                    return server;
            return Server();
        };
        const Server web = find(testcloud::kDemoServerId);
        QCOMPARE(web.name, QStringLiteral("web-1"));
        QCOMPARE(web.status, QStringLiteral("ACTIVE"));
        QCOMPARE(web.imageId, testcloud::kUbuntuImageId);
        QCOMPARE(web.flavorName, QStringLiteral("m1.small")); // embedded flavor at 2.79
        QCOMPARE(web.keyName, QStringLiteral("demo-key"));
        QVERIFY(web.securityGroups.contains(QStringLiteral("web")));
        QVERIFY(web.taskState.isEmpty());
        const Server bfv = find(testcloud::kBfvServerId);
        QCOMPARE(bfv.name, QStringLiteral("bfv-1"));
        QVERIFY(bfv.bootsFromVolume());
        delete job;
    }

    // With a page handler each page is handed over on the thread pool (not the job's thread), in order;
    // what it returns runs on the job's thread, page by page, instead of pageReceived().
    void pageHandler_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("pages of 2") << 2;
        QTest::newRow("one page") << 500;
    }
    void pageHandler()
    {
        QFETCH(int, pageSize);
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *all = new ListServersJob(connection.get());
        QVERIFY(testcloud::run(all).isOk());
        QStringList expected;
        for (const Server &server : all->servers())
            expected.append(server.id);
        all->deleteLater();

        auto *job = new ListServersJob(connection.get());
        job->setPageSize(pageSize);
        QThread *const jobThread = job->thread();
        std::atomic_int onJobThread{0};
        job->setPageHandler([jobThread, &onJobThread](QList<Server> page) -> std::function<void()> {
            onJobThread += QThread::currentThread() == jobThread ? 1 : 0;
            QStringList ids;
            for (const Server &server : std::as_const(page))
                ids.append(server.id);
            return [ids] { s_delivered.append(ids); };
        });
        int signalled = 0;
        connect(job, &ListServersJob::pageReceived, this, [&] { ++signalled; });
        s_delivered.clear();
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(onJobThread.load(), 0);
        QCOMPARE(signalled, 0);
        QVERIFY(job->servers().isEmpty());
        QCOMPARE(job->pageCount(), (expected.size() + pageSize - 1) / pageSize + (expected.size() % pageSize == 0 ? 1 : 0));
        QCOMPARE(s_delivered, expected); // every server once, in Nova's order
    }

    void allProjects_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("admin");
        QTest::newRow("admin") << QStringLiteral("admin") << true;
        QTest::newRow("member") << QStringLiteral("demo") << false;
    }
    void allProjects()
    {
        QFETCH(QString, user);
        QFETCH(bool, admin);
        auto cloud = testcloud::startCloud();
        sv::CloudProfile profile = testcloud::passwordProfile(*cloud);
        profile.userName = user;
        auto connection = testcloud::connect(profile, user + QStringLiteral("-password"));
        auto *job = new ListServersJob(connection.get());
        job->setFilter(QStringLiteral("all_tenants"), QStringLiteral("True"));
        job->setPageSize(2);
        const Error error = testcloud::run(job);
        auto *projects = new ListProjectsJob(connection.get());
        const Error projectsError = testcloud::run(projects);
        if (!admin) {
            QCOMPARE(error.kind, Error::Kind::Forbidden);
            QCOMPARE(error.serviceMessage,
                     QStringLiteral("Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed."));
            QCOMPARE(projectsError.kind, Error::Kind::Forbidden);
            delete job;
            delete projects;
            return;
        }
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(job->pageCount(), 4); // 6 servers in pages of 2, and the empty page after the last full one
        QSet<QString> ids;
        QSet<QString> projectIds;
        for (const Server &server : job->servers()) {
            ids.insert(server.id);
            projectIds.insert(server.projectId);
        }
        QCOMPARE(ids.size(), 6);
        QVERIFY(ids.contains(QStringLiteral("5e7f0000-0000-4000-8000-000000000006"))); // other-1, project other
        QCOMPARE(projectIds, (QSet<QString>{QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90"),
                                             QStringLiteral("0f9e8d7c6b5a49382716051423324150")}));
        QVERIFY2(projectsError.isOk(), qPrintable(projectsError.message));
        QStringList names;
        for (const Project &project : projects->projects())
            names.append(project.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("demo"), QStringLiteral("other")}));
        delete job;
        delete projects;
    }
};

QTEST_GUILESS_MAIN(TestListServersJob)
#include "tst_listserversjob.moc"
