// Neutron security groups as the restore wizard offers them: only the project's own, with the
// per-project "default" group Neutron creates, over real HTTP against the fake cloud.
#include "openstacktestcloud.h"

#include "openstack/network/listsecuritygroupsjob.h"

using namespace sv::openstack;

class TestListSecurityGroupsJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lists_the_projects_groups()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new ListSecurityGroupsJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QStringList names;
        for (const SecurityGroup &group : job->securityGroups()) {
            names << group.name;
            QVERIFY(!group.id.isEmpty());
            QCOMPARE(group.projectId, QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90")); // demo
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("default"), QStringLiteral("web")}));
        delete job;
    }

    void another_project_sees_its_own()
    {
        auto cloud = testcloud::startCloud();
        sv::CloudProfile profile = testcloud::passwordProfile(*cloud);
        profile.userName = QStringLiteral("alice");
        profile.projectName = QStringLiteral("other");
        auto connection = testcloud::connect(profile, QStringLiteral("alice-password"));
        auto *job = new ListSecurityGroupsJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(job->securityGroups().size(), 1);
        QCOMPARE(job->securityGroups().first().name, QStringLiteral("default"));
        delete job;
    }

    void a_503_is_retried_then_reported()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Unavailable;
        fault.count = 100;
        fault.path = QStringLiteral("/networking/.*");
        fault.retryAfter = 0;
        cloud->injectFault(fault);
        auto *job = new ListSecurityGroupsJob(connection.get());
        const Error error = testcloud::run(job);
        QVERIFY(!error.isOk());
        QVERIFY(!error.message.isEmpty());
        QVERIFY(job->securityGroups().isEmpty());
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestListSecurityGroupsJob)
#include "tst_listsecuritygroupsjob.moc"
