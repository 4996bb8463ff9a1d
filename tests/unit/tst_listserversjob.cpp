// Nova paging delivered page by page, and the server fields StackVault relies on.
#include "openstacktestcloud.h"

#include "openstack/compute/listserversjob.h"

using namespace sv::openstack;

class TestListServersJob : public QObject
{
    Q_OBJECT
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
};

QTEST_GUILESS_MAIN(TestListServersJob)
#include "tst_listserversjob.moc"
