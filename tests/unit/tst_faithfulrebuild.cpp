// Faithful rebuild against the fake cloud (real HTTP): a backup saves every NIC (network, fixed IP, the
// port's security groups), tags, metadata, description, key pair, zone, server group, config drive and
// user data; a restore brings them back (checked in the fake cloud's own state), gives a new address
// with a warning when the saved one is taken, warns when the server group is missing, and leaves no
// port behind when it fails.
#include "bank/bank.h"
#include "cloudstate.h"
#include "ports.h"
#include "protection/checkpointdetails.h"
#include "protectionfixture.h"

#include <QJsonArray>

#include <mutex>

using sv::JobOutcome;

namespace {
const QString UserData = QStringLiteral("#cloud-config\nruncmd:\n  - echo restored > /etc/motd\n");

// web-1 gets a second NIC on "backend" (group "db" only), tags, a description, a config drive and user data.
void twoNics(QJsonObject &scenario)
{
    QJsonArray networks = scenario.value(QLatin1String("networks")).toArray();
    networks.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a009")},
                                {QStringLiteral("name"), QStringLiteral("backend")},
                                {QStringLiteral("project"), QStringLiteral("demo")},
                                {QStringLiteral("cidr"), QStringLiteral("10.2.0.0/24")}});
    scenario.insert(QStringLiteral("networks"), networks);
    QJsonArray groups = scenario.value(QLatin1String("security_groups")).toArray();
    groups.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("db")}, {QStringLiteral("project"), QStringLiteral("demo")}});
    scenario.insert(QStringLiteral("security_groups"), groups);
    QJsonArray servers = scenario.value(QLatin1String("servers")).toArray();
    for (qsizetype i = 0; i < servers.size(); ++i) {
        QJsonObject server = servers.at(i).toObject();
        if (server.value(QLatin1String("name")).toString() != QLatin1String("web-1"))
            continue;
        server.insert(QStringLiteral("networks"), QJsonArray{QStringLiteral("private"), QStringLiteral("backend")});
        server.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("prod"), QStringLiteral("web")});
        server.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("role"), QStringLiteral("web")},
                                                              {QStringLiteral("owner"), QStringLiteral("ops")}});
        server.insert(QStringLiteral("description"), QStringLiteral("front web server"));
        server.insert(QStringLiteral("availability_zone"), QStringLiteral("az-2"));
        server.insert(QStringLiteral("config_drive"), true);
        server.insert(QStringLiteral("user_data"), QString::fromLatin1(UserData.toUtf8().toBase64()));
        server.insert(QStringLiteral("volumes"), QJsonArray());
        servers.replace(i, server);
    }
    scenario.insert(QStringLiteral("servers"), servers);
}
} // namespace

class TestFaithfulRebuild : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;
    QString checkpointId;
    QString web1;
    QString groupId;

    QJsonObject nic(const QJsonObject &record, int index) { return record.value(QLatin1String("nics")).toArray().at(index).toObject(); }

    // The original server goes away (its ports with it), so its addresses are free again.
    void deleteOriginal()
    {
        std::lock_guard lock(f->cloud.state().mutex);
        fake::CloudState &state = f->cloud.state();
        fake::ports::release(state, state.servers.value(web1));
        state.removeServer(web1);
        for (fake::ServerGroup &group : state.serverGroups)
            group.members.removeAll(web1);
    }

    sv::RestoreRequest request(const QString &name)
    {
        // As demo, whose key pair demo-key is (key pairs belong to users).
        return f->restoreRequest(checkpointId, name);
    }

    static QString said(const sv::JobResult &result) { return result.message + QLatin1Char(' ') + result.details; }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start(twoNics));
        web1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000001");
        {
            // The backend NIC has only group "db" (per-port groups, not the server's).
            std::lock_guard lock(f->cloud.state().mutex);
            fake::CloudState &state = f->cloud.state();
            const fake::Server &server = state.servers[web1];
            QCOMPARE(server.portIds.size(), 2);
            state.ports[server.portIds.at(1)].securityGroupIds = {state.securityGroup(server.projectId, QStringLiteral("db"))->id};
        }
        groupId = f->cloud.addServerGroup(QStringLiteral("demo"), QStringLiteral("web-group"));
        f->cloud.joinServerGroup(web1, groupId);
        // As admin: Nova shows user data to admins only.
        sv::BackupRequest backup = f->backupRequest(QStringLiteral("web-1"), true);
        backup.session = f->makeSession(QStringLiteral("admin"), QStringLiteral("demo"), QStringLiteral("admin-password"));
        backup.volumes = sv::VolumeSelection::none();
        const sv::JobResult result = f->run(new sv::BackupJob(backup));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(said(result)));
        checkpointId = result.data.value(QStringLiteral("checkpoint_id")).toString();
    }
    void cleanup() { f.reset(); }

    void backupSavesNicsAndServerDetails()
    {
        sv::CheckpointIndex index;
        sv::BankError error;
        QVERIFY2(f->bank->checkpoint(checkpointId, &index, &error), qPrintable(error.message));
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        QCOMPARE(details.nics.size(), 2);
        QCOMPARE(details.nics.at(0).networkName, QStringLiteral("private"));
        QCOMPARE(details.nics.at(0).fixedIps, QStringList{QStringLiteral("10.0.0.10")});
        QCOMPARE(details.nics.at(0).securityGroups, (QStringList{QStringLiteral("default"), QStringLiteral("web")}));
        QCOMPARE(details.nics.at(1).networkName, QStringLiteral("backend"));
        QCOMPARE(details.nics.at(1).fixedIps, QStringList{QStringLiteral("10.2.0.11")});
        QCOMPARE(details.nics.at(1).securityGroups, QStringList{QStringLiteral("db")});
        QCOMPARE(details.tags, (QStringList{QStringLiteral("prod"), QStringLiteral("web")}));
        QCOMPARE(details.serverMetadata.value(QLatin1String("owner")).toString(), QStringLiteral("ops"));
        QCOMPARE(details.description, QStringLiteral("front web server"));
        QCOMPARE(details.keyName, QStringLiteral("demo-key"));
        QCOMPARE(details.availabilityZone, QStringLiteral("az-2"));
        QCOMPARE(details.serverGroups, QStringList{QStringLiteral("web-group")});
        QVERIFY(details.configDrive);
        QCOMPARE(details.userDataState, QStringLiteral("saved"));
        QCOMPARE(sv::RebuildData::userData(index.server()->metadata), UserData.toUtf8());
    }

    // Nova shows user data to admins only: a member's backup says it could not see it.
    void userDataNotVisibleToMembers()
    {
        sv::BackupRequest backup = f->backupRequest(QStringLiteral("web-1"), true);
        backup.volumes = sv::VolumeSelection::none();
        const sv::JobResult result = f->run(new sv::BackupJob(backup));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(said(result)));
        sv::CheckpointIndex index;
        sv::BankError error;
        QVERIFY(f->bank->checkpoint(result.data.value(QStringLiteral("checkpoint_id")).toString(), &index, &error));
        QCOMPARE(sv::CheckpointDetails::fromIndex(index).userDataState, QStringLiteral("not_visible"));
        QVERIFY(!index.server()->metadata.contains(QLatin1String("user_data")));
    }

    void serverComesBackWithEverything()
    {
        deleteOriginal();
        const sv::JobResult restore = f->run(new sv::RestoreJob(request(QStringLiteral("web-1"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(said(restore)));
        QVERIFY2(restore.data.value(QStringLiteral("warnings")).toStringList().isEmpty(),
                 qPrintable(restore.data.value(QStringLiteral("warnings")).toStringList().join(QLatin1Char('\n'))));
        const QJsonObject record = f->cloud.serverRecord(restore.data.value(QStringLiteral("server_id")).toString());
        QCOMPARE(record.value(QLatin1String("nics")).toArray().size(), 2);
        QCOMPARE(nic(record, 0).value(QLatin1String("network")).toString(), QStringLiteral("private"));
        QCOMPARE(nic(record, 0).value(QLatin1String("ip")).toString(), QStringLiteral("10.0.0.10"));
        QCOMPARE(nic(record, 0).value(QLatin1String("security_groups")).toArray(), (QJsonArray{QStringLiteral("default"), QStringLiteral("web")}));
        QCOMPARE(nic(record, 1).value(QLatin1String("network")).toString(), QStringLiteral("backend"));
        QCOMPARE(nic(record, 1).value(QLatin1String("ip")).toString(), QStringLiteral("10.2.0.11"));
        QCOMPARE(nic(record, 1).value(QLatin1String("security_groups")).toArray(), QJsonArray{QStringLiteral("db")});
        QCOMPARE(record.value(QLatin1String("tags")).toArray(), (QJsonArray{QStringLiteral("prod"), QStringLiteral("web")}));
        const QJsonObject metadata = record.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1String("role")).toString(), QStringLiteral("web"));
        QCOMPARE(metadata.value(QLatin1String("owner")).toString(), QStringLiteral("ops"));
        QCOMPARE(metadata.value(QLatin1String("stackvault_restored_from")).toString(), checkpointId);
        QCOMPARE(record.value(QLatin1String("description")).toString(), QStringLiteral("front web server"));
        QCOMPARE(record.value(QLatin1String("key_name")).toString(), QStringLiteral("demo-key"));
        QCOMPARE(record.value(QLatin1String("availability_zone")).toString(), QStringLiteral("az-2"));
        QCOMPARE(record.value(QLatin1String("server_groups")).toArray(), QJsonArray{QStringLiteral("web-group")});
        QVERIFY(record.value(QLatin1String("config_drive")).toBool());
        QCOMPARE(QByteArray::fromBase64(record.value(QLatin1String("user_data")).toString().toLatin1()), UserData.toUtf8());
    }

    // The overrides a CLI or the wizard pass: other NICs and addresses, no tags, no group, no user data.
    void overridesReplaceTheSavedDetails()
    {
        deleteOriginal();
        sv::RestoreRequest r = request(QStringLiteral("web-1b"));
        r.nics = QList<sv::RestoreRequest::Nic>{{QStringLiteral("backend"), QStringLiteral("10.2.0.99"), {QStringLiteral("web")}}};
        r.tags = QStringList();
        r.metadata = QJsonObject{{QStringLiteral("tier"), QStringLiteral("2")}};
        r.description = QStringLiteral("rebuilt");
        r.serverGroup = QString();
        r.configDrive = false;
        r.userData = false;
        const sv::JobResult restore = f->run(new sv::RestoreJob(r));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(said(restore)));
        const QJsonObject record = f->cloud.serverRecord(restore.data.value(QStringLiteral("server_id")).toString());
        QCOMPARE(record.value(QLatin1String("nics")).toArray().size(), 1);
        QCOMPARE(nic(record, 0).value(QLatin1String("network")).toString(), QStringLiteral("backend"));
        QCOMPARE(nic(record, 0).value(QLatin1String("ip")).toString(), QStringLiteral("10.2.0.99"));
        QCOMPARE(nic(record, 0).value(QLatin1String("security_groups")).toArray(), QJsonArray{QStringLiteral("web")});
        QCOMPARE(record.value(QLatin1String("tags")).toArray(), QJsonArray());
        QVERIFY(!record.value(QLatin1String("metadata")).toObject().contains(QLatin1String("role")));
        QCOMPARE(record.value(QLatin1String("metadata")).toObject().value(QLatin1String("tier")).toString(), QStringLiteral("2"));
        QCOMPARE(record.value(QLatin1String("description")).toString(), QStringLiteral("rebuilt"));
        QCOMPARE(record.value(QLatin1String("server_groups")).toArray(), QJsonArray());
        QVERIFY(!record.value(QLatin1String("config_drive")).toBool());
        QVERIFY(record.value(QLatin1String("user_data")).isNull());
    }

    // A mapped network: the NIC goes there; its saved address is not part of it, so it gets a new one.
    void mappedNetworkTakesTheNic()
    {
        deleteOriginal();
        sv::RestoreRequest r = request(QStringLiteral("web-1"));
        r.networkMap.insert(QStringLiteral("backend"), QStringLiteral("private"));
        const sv::JobResult restore = f->run(new sv::RestoreJob(r));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(said(restore)));
        const QJsonObject record = f->cloud.serverRecord(restore.data.value(QStringLiteral("server_id")).toString());
        QCOMPARE(nic(record, 0).value(QLatin1String("ip")).toString(), QStringLiteral("10.0.0.10"));
        QCOMPARE(nic(record, 1).value(QLatin1String("network")).toString(), QStringLiteral("private"));
        QVERIFY(nic(record, 1).value(QLatin1String("ip")).toString().startsWith(QLatin1String("10.0.0.")));
        QCOMPARE(nic(record, 1).value(QLatin1String("security_groups")).toArray(), QJsonArray{QStringLiteral("db")});
        const QStringList warnings = restore.data.value(QStringLiteral("warnings")).toStringList();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.constFirst().contains(QLatin1String("10.2.0.11")) && warnings.constFirst().contains(QLatin1String("not part of")),
                 qPrintable(warnings.constFirst()));
    }

    // The original still holds its addresses (or some of them): each taken one becomes a new address and
    // a warning naming the server, the network and the address.
    void takenAddressGivesANewOneAndAWarning_data()
    {
        QTest::addColumn<bool>("originalStays");
        QTest::addColumn<QStringList>("taken"); // taken by someone else after the original went
        QTest::addColumn<QStringList>("warnedAbout");
        QTest::newRow("original still running") << true << QStringList()
                                                << QStringList{QStringLiteral("10.0.0.10"), QStringLiteral("10.2.0.11")};
        QTest::newRow("second address taken by another port") << false << QStringList{QStringLiteral("10.2.0.11")}
                                                              << QStringList{QStringLiteral("10.2.0.11")};
    }
    void takenAddressGivesANewOneAndAWarning()
    {
        QFETCH(bool, originalStays);
        QFETCH(QStringList, taken);
        QFETCH(QStringList, warnedAbout);
        if (!originalStays)
            deleteOriginal();
        for (const QString &ip : std::as_const(taken))
            QVERIFY(!f->cloud.takeAddress(QStringLiteral("demo"), QStringLiteral("backend"), ip).isEmpty());
        const sv::JobResult restore = f->run(new sv::RestoreJob(request(QStringLiteral("web-1-copy"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(said(restore)));
        const QJsonObject record = f->cloud.serverRecord(restore.data.value(QStringLiteral("server_id")).toString());
        QCOMPARE(record.value(QLatin1String("nics")).toArray().size(), 2);
        const QStringList warnings = restore.data.value(QStringLiteral("warnings")).toStringList();
        QStringList addressWarnings;
        for (const QString &warning : warnings) {
            if (warning.contains(QLatin1String("is taken")))
                addressWarnings.append(warning);
        }
        QCOMPARE(addressWarnings.size(), warnedAbout.size());
        const QStringList savedIps{QStringLiteral("10.0.0.10"), QStringLiteral("10.2.0.11")};
        const QStringList networks{QStringLiteral("private"), QStringLiteral("backend")};
        for (int i = 0; i < 2; ++i) {
            const QString ip = nic(record, i).value(QLatin1String("ip")).toString();
            QCOMPARE(nic(record, i).value(QLatin1String("network")).toString(), networks.at(i));
            if (!warnedAbout.contains(savedIps.at(i))) {
                QCOMPARE(ip, savedIps.at(i));
                continue;
            }
            QVERIFY(!ip.isEmpty() && ip != savedIps.at(i));
            const QString warning = addressWarnings.value(warnedAbout.indexOf(savedIps.at(i)));
            for (const QString &part : {savedIps.at(i), networks.at(i), QStringLiteral("web-1-copy"), ip})
                QVERIFY2(warning.contains(part), qPrintable(warning + QStringLiteral(" lacks ") + part));
            QVERIFY2(restore.message.contains(warning), qPrintable(restore.message));
        }
    }

    void missingServerGroupWarns()
    {
        deleteOriginal();
        {
            std::lock_guard lock(f->cloud.state().mutex);
            f->cloud.state().serverGroups.clear();
        }
        const sv::JobResult restore = f->run(new sv::RestoreJob(request(QStringLiteral("web-1"))));
        QVERIFY2(restore.outcome == JobOutcome::Succeeded, qPrintable(said(restore)));
        const QStringList warnings = restore.data.value(QStringLiteral("warnings")).toStringList();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.constFirst().contains(QLatin1String("web-group")) && warnings.constFirst().contains(QLatin1String("web-1")),
                 qPrintable(warnings.constFirst()));
        const QJsonObject record = f->cloud.serverRecord(restore.data.value(QStringLiteral("server_id")).toString());
        QCOMPARE(record.value(QLatin1String("server_groups")).toArray(), QJsonArray());
    }

    // A failure after the ports were made: the server (if any), its ports and its image are all removed.
    void failureLeavesNoPortBehind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("server ends in ERROR") << int(fake::Fault::BuildError) << QStringLiteral("^/compute/v2.1/servers$")
                                             << QStringLiteral("status ERROR");
        QTest::newRow("create refused (503)") << int(fake::Fault::Unavailable) << QStringLiteral("^/compute/v2.1/servers$")
                                              << QStringLiteral("503");
    }
    void failureLeavesNoPortBehind()
    {
        QFETCH(int, kind);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        deleteOriginal();
        QVERIFY(f->cloud.leftoverPortIds().isEmpty());
        fake::FaultSpec spec;
        spec.kind = fake::Fault::Kind(kind);
        spec.count = 10;
        spec.method = QStringLiteral("POST");
        spec.path = path;
        f->cloud.injectFault(spec);
        const sv::JobResult restore = f->run(new sv::RestoreJob(request(QStringLiteral("web-1"))));
        QCOMPARE(restore.outcome, JobOutcome::Failed);
        QVERIFY2(said(restore).contains(expected), qPrintable(said(restore)));
        QTRY_VERIFY2_WITH_TIMEOUT(f->cloud.leftoverPortIds().isEmpty(), qPrintable(f->cloud.leftoverPortIds().join(QLatin1Char(' '))), 10000);
        QVERIFY2(f->cloud.leftoverServerIds().isEmpty(), qPrintable(f->cloud.leftoverServerIds().join(QLatin1Char(' '))));
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), qPrintable(f->cloud.leftoverImageIds().join(QLatin1Char(' '))));
    }

    // The second port is refused (network "backend" has no address left): the first one is deleted again.
    void refusedSecondPortRemovesTheFirst()
    {
        deleteOriginal();
        QStringList others;
        for (int host = 10; host <= 250; ++host)
            others.append(f->cloud.takeAddress(QStringLiteral("demo"), QStringLiteral("backend"), QStringLiteral("10.2.0.%1").arg(host)));
        const sv::JobResult restore = f->run(new sv::RestoreJob(request(QStringLiteral("web-1"))));
        QCOMPARE(restore.outcome, JobOutcome::Failed);
        QVERIFY2(said(restore).contains(QLatin1String("backend")) || said(restore).contains(QLatin1String("a009")),
                 qPrintable(said(restore)));
        {
            std::lock_guard lock(f->cloud.state().mutex);
            for (const QString &id : std::as_const(others))
                f->cloud.state().ports.remove(id);
        }
        QVERIFY2(f->cloud.leftoverPortIds().isEmpty(), qPrintable(f->cloud.leftoverPortIds().join(QLatin1Char(' '))));
        QVERIFY2(f->cloud.leftoverServerIds().isEmpty(), qPrintable(f->cloud.leftoverServerIds().join(QLatin1Char(' '))));
        QVERIFY2(f->cloud.leftoverImageIds().isEmpty(), qPrintable(f->cloud.leftoverImageIds().join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestFaithfulRebuild)
#include "tst_faithfulrebuild.moc"
