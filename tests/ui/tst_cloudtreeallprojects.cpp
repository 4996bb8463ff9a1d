// The cloud tree's "All projects" (CloudTreeModel over the real CoreBackend and the fake cloud over HTTP,
// checked throughout by QAbstractItemModelTester): an admin's cloud gets the row first, its projects load
// when it is opened (Keystone), a project's servers when that project is opened (Nova's all_tenants
// narrowed to it, 600 servers in two pages, inserted as they come); a member's cloud has no such row; another
// project's boot-from-volume server shows its boot volume as such and is backed up from the details pane.
// Needs a Secret Service (the saved clouds' passwords); without one it skips, and fails under CI=true.
#include "backend/corebackend.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "demoprofile.h"
#include "details/serverdetailswidget.h"
#include "fakecloud.h"
#include "jobs/jobmanager.h"
#include "keyringprobe.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sv::ui::CloudTreeModel;

class TestCloudTreeAllProjects : public QObject
{
    Q_OBJECT
private:
    fake::FakeCloud m_cloud;
    QTemporaryDir m_dir;
    std::unique_ptr<sv::SecretStore> m_secrets;
    std::unique_ptr<sv::ProfileStore> m_profiles;
    QString m_adminId;
    QString m_memberId;

    QString save(const QString &name, const QString &user, const QString &password)
    {
        sv::CloudProfile profile = demoProfile(m_cloud.authUrl(), sv::CloudProfile::generateId());
        profile.name = name;
        profile.userName = user;
        std::optional<sv::SecretResult> written;
        m_secrets->write(profile.id, password, this, [&written](const sv::SecretResult &result) { written = result; });
        if (!QTest::qWaitFor([&] { return written.has_value(); }, 20000) || !written->ok())
            return {};
        QString error;
        return m_profiles->add(profile, &error) ? profile.id : QString();
    }

    static void loadRow(CloudTreeModel &model, const QModelIndex &index)
    {
        // The tester may have asked already (it walks the tree); a view asks when the row is opened.
        if (model.canFetchMore(index))
            model.fetchMore(index);
        model.fetchMore(index); // the guard: a second call while loading asks nothing more
        QTRY_VERIFY_WITH_TIMEOUT(model.fetchState(index) != CloudTreeModel::FetchState::Fetching, 30000);
        QCOMPARE(model.fetchState(index), CloudTreeModel::FetchState::Fetched);
        QVERIFY(!model.canFetchMore(index));
    }

    static QModelIndex childNamed(const CloudTreeModel &model, const QModelIndex &parent, const QString &name)
    {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex child = model.index(row, 0, parent);
            if (model.data(child).toString() == name)
                return child;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QStandardPaths::setTestModeEnabled(true);
        sv::ui::initResources();
        sv::AppSettings::createTempFileInstance();
        sv::AppSettings::instance()->setBankLocation(m_dir.filePath(u"bank"_s));
        QFile file(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
        scenario.insert(u"generated_projects"_s, QJsonObject{{u"count"_s, 3}, {u"servers_per_project"_s, 600},
                                                              {u"image"_s, u"cirros-0.6.2"_s}, {u"flavor"_s, u"m1.tiny"_s},
                                                              {u"user"_s, u"admin"_s}});
        // alice-bfv: project other's server that boots from its volume alice-root, with alice-data attached.
        QJsonArray volumes = scenario.value(u"volumes"_s).toArray();
        volumes.append(QJsonObject{{u"name"_s, u"alice-root"_s}, {u"project"_s, u"other"_s}, {u"user"_s, u"alice"_s},
                                   {u"size"_s, 1}, {u"image"_s, u"cirros-0.6.2"_s}});
        volumes.append(QJsonObject{{u"name"_s, u"alice-data"_s}, {u"project"_s, u"other"_s}, {u"user"_s, u"alice"_s}, {u"size"_s, 1}});
        scenario.insert(u"volumes"_s, volumes);
        QJsonArray servers = scenario.value(u"servers"_s).toArray();
        servers.append(QJsonObject{{u"name"_s, u"alice-bfv"_s}, {u"project"_s, u"other"_s}, {u"user"_s, u"alice"_s},
                                   {u"flavor"_s, u"m1.tiny"_s}, {u"boot_volume"_s, u"alice-root"_s},
                                   {u"volumes"_s, QJsonArray{u"alice-data"_s}}, {u"networks"_s, QJsonArray{u"other-net"_s}}});
        scenario.insert(u"servers"_s, servers);
        QString error;
        QVERIFY2(m_cloud.loadScenario(scenario, &error), qPrintable(error));
        QVERIFY(m_cloud.start());
        m_profiles = std::make_unique<sv::ProfileStore>(m_dir.filePath(u"profiles"_s));
        m_secrets = std::make_unique<sv::SecretStore>(u"StackVault-uitest-allprojects-%1"_s.arg(QCoreApplication::applicationPid()));
        m_profiles->setSecretStore(m_secrets.get());
        QVERIFY(m_profiles->load());
        m_adminId = save(u"as-admin"_s, u"admin"_s, u"admin-password"_s);
        m_memberId = save(u"as-member"_s, u"demo"_s, u"demo-password"_s);
        QVERIFY(!m_adminId.isEmpty() && !m_memberId.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_profiles)
            return;
        for (const sv::CloudProfile &profile : m_profiles->profiles())
            m_profiles->remove(profile.id);
        QTest::qWait(500); // the keychain removes the passwords asynchronously
    }

    void adminSeesAllProjectsLazily()
    {
        sv::ui::CoreBackend backend(m_profiles.get(), m_secrets.get());
        CloudTreeModel model(&backend);
        // Laziness first, as a view uses the model (QAbstractItemModelTester walks the tree and fetches
        // every row it can: it is attached below, once the lazy steps are checked).
        QSignalSpy projectsAsked(&backend, &sv::ui::Backend::projectsReady);
        QSignalSpy pages(&backend, &sv::ui::Backend::projectServersReady);

        const QModelIndex cloud = model.cloudIndex(m_adminId);
        loadRow(model, cloud);
        const QModelIndex all = model.allProjectsIndex(m_adminId);
        QVERIFY(all.isValid());
        QCOMPARE(all.row(), 0); // first, before the project's own servers
        QCOMPARE(model.kind(all), CloudTreeModel::NodeKind::AllProjects);
        QCOMPARE(model.data(all).toString(), u"All projects"_s);
        QCOMPARE(model.serverCount(cloud), 5); // project demo's own: web-1, web-2, db-1, bfv-1, broken-1
        QCOMPARE(model.rowCount(cloud), 6);
        QCOMPARE(model.data(cloud.siblingAtColumn(1)).toString(), u"5 server(s)"_s); // without a translator: the source text
        // Nothing of the other projects is asked before the row is opened.
        QVERIFY(model.hasChildren(all));
        QCOMPARE(model.rowCount(all), 0);
        QCOMPARE(projectsAsked.size(), 0);

        loadRow(model, all);
        QCOMPARE(projectsAsked.size(), 1);
        QStringList projects;
        for (int row = 0; row < model.rowCount(all); ++row) {
            const QModelIndex project = model.index(row, 0, all);
            QCOMPARE(model.kind(project), CloudTreeModel::NodeKind::Project);
            QVERIFY(model.canFetchMore(project));
            projects.append(model.data(project).toString());
        }
        QCOMPARE(projects, (QStringList{u"demo"_s, u"other"_s, u"tenant-000"_s, u"tenant-001"_s, u"tenant-002"_s}));
        QCOMPARE(model.data(all.siblingAtColumn(1)).toString(), u"5 project(s)"_s);
        QCOMPARE(pages.size(), 0);

        // A project of 600 servers: two pages of Nova's (500 + 100), then the end.
        const QModelIndex tenant = childNamed(model, all, u"tenant-001"_s);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        loadRow(model, tenant);
        QCOMPARE(model.rowCount(tenant), 600);
        QCOMPARE(model.data(tenant.siblingAtColumn(1)).toString(), u"600 server(s)"_s);
        // The two pages are inserted as they come, together when the second comes within the model's
        // 50 ms between insertions: one or two insertions, 600 rows.
        int serverInsertions = 0;
        int rowsInserted = 0;
        for (const QList<QVariant> &args : std::as_const(inserted)) {
            if (args.at(0).value<QModelIndex>() != tenant)
                continue;
            ++serverInsertions;
            rowsInserted += args.at(2).toInt() - args.at(1).toInt() + 1;
        }
        QVERIFY2(serverInsertions == 1 || serverInsertions == 2, qPrintable(QString::number(serverInsertions)));
        QCOMPARE(rowsInserted, 600);
        const QModelIndex first = model.index(0, 0, tenant);
        QCOMPARE(model.kind(first), CloudTreeModel::NodeKind::Server);
        QVERIFY(model.data(first).toString().startsWith(u"tenant-001-server-"_s));
        QCOMPARE(model.cloudId(first), m_adminId); // a backup of it runs with the admin's cloud
        QVERIFY(model.server(first));
        QCOMPARE(model.rowCount(first), 1); // its boot image
        // Only that project was listed.
        QCOMPARE(model.rowCount(childNamed(model, all, u"tenant-000"_s)), 0);

        // Project "other": the member alice's servers, seen by the admin.
        const QModelIndex other = childNamed(model, all, u"other"_s);
        loadRow(model, other);
        QCOMPARE(model.rowCount(other), 2);
        QVERIFY(childNamed(model, other, u"other-1"_s).isValid());
        QVERIFY(childNamed(model, other, u"alice-bfv"_s).isValid());

        // The tester walks the whole tree (it fetches the other projects too) and checks every change after.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(projects.cbegin(), projects.cend(), [&](const QString &name) {
            return model.fetchState(childNamed(model, all, name)) == CloudTreeModel::FetchState::Fetched;
        }), 30000);
        QCOMPARE(model.rowCount(childNamed(model, all, u"tenant-000"_s)), 600);
        QCOMPARE(model.rowCount(childNamed(model, all, u"demo"_s)), 5);

        // A refresh of the cloud keeps "All projects" and what it loaded.
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.fetchState(cloud), CloudTreeModel::FetchState::Fetched, 30000);
        QTest::qWait(500);
        QCOMPARE(model.allProjectsIndex(m_adminId), all);
        QCOMPARE(model.rowCount(model.allProjectsIndex(m_adminId)), 5);
        QCOMPARE(model.serverCount(cloud), 5);
        QCOMPARE(model.rowCount(childNamed(model, all, u"tenant-001"_s)), 600);
    }

    // alice-bfv of project other boots from alice-root, with alice-data attached. Cinder is not asked across
    // projects, so the tree names both by id; the boot volume is the first Nova lists, marked as such, and the
    // details pane keeps it checked and disabled like an own project's boot volume. Backed up from the
    // pane with alice-data unchecked: the checkpoint holds alice-root only, and nothing temporary is left.
    void otherProjectsBootFromVolumeServer()
    {
        const QString aliceRoot = m_cloud.volumeIdByName(u"alice-root"_s);
        const QString aliceData = m_cloud.volumeIdByName(u"alice-data"_s);
        QVERIFY(!aliceRoot.isEmpty() && !aliceData.isEmpty());
        sv::ui::CoreBackend backend(m_profiles.get(), m_secrets.get());
        CloudTreeModel model(&backend);
        loadRow(model, model.cloudIndex(m_adminId));
        const QModelIndex all = model.allProjectsIndex(m_adminId);
        loadRow(model, all);
        const QModelIndex other = childNamed(model, all, u"other"_s);
        loadRow(model, other);
        const QModelIndex bfv = childNamed(model, other, u"alice-bfv"_s);
        QVERIFY(bfv.isValid());
        QCOMPARE(model.rowCount(bfv), 2); // its two volumes; no boot image row
        QCOMPARE(model.data(model.index(0, 0, bfv)).toString(), aliceRoot + u" (boot volume)"_s);
        QCOMPARE(model.data(model.index(1, 0, bfv)).toString(), aliceData);
        const sv::ui::ServerEntry *server = model.server(bfv);
        QVERIFY(server);
        QVERIFY(server->bootsFromVolume());

        sv::ui::ServerDetailsWidget details;
        details.showServer(model.cloudId(bfv), *server);
        auto *list = details.findChild<QListWidget *>(u"volumesList"_s);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), aliceRoot);
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled)); // the boot volume cannot be left out
        QVERIFY(list->item(1)->flags() & Qt::ItemIsEnabled);
        details.setVolumeChecked(aliceRoot, false); // refused: it is disabled
        details.setVolumeChecked(aliceData, false);
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QCOMPARE(details.volumeSelection().names, QStringList{aliceRoot});

        // The pane's Back Up, with the admin's cloud, runs the same backup job as for the cloud's own servers.
        QSignalSpy requested(&details, &sv::ui::ServerDetailsWidget::backupRequested);
        auto *button = details.findChild<QPushButton *>(u"backupButton"_s);
        QVERIFY(button->isEnabled());
        button->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), m_adminId);
        QString error;
        sv::Job *job = backend.createBackupJob(requested.at(0).at(0).toString(), requested.at(0).at(1).value<sv::ui::ServerEntry>(),
                                               requested.at(0).at(2).toBool(), requested.at(0).at(3).value<sv::VolumeSelection>(), &error);
        QVERIFY2(job, qPrintable(error));
        sv::JobManager jobs;
        QSignalSpy finished(&jobs, &sv::JobManager::jobFinished);
        jobs.enqueue(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const auto result = finished.first().at(1).value<sv::JobResult>();
        QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + u'\n' + result.details));
        QVERIFY(result.data.value(u"boot_from_volume"_s).toBool());
        QCOMPARE(result.data.value(u"volumes"_s).toStringList(), QStringList{u"alice-root"_s});
        QCOMPARE(result.data.value(u"volumes_not_included"_s).toStringList(), QStringList{u"alice-data"_s});
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
        QVERIFY(m_cloud.leftoverVolumeIds().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverSnapshotIds().isEmpty(), 5000);
        jobs.shutdown(std::chrono::milliseconds(5000));
    }

    void memberHasNoAllProjects()
    {
        sv::ui::CoreBackend backend(m_profiles.get(), m_secrets.get());
        CloudTreeModel model(&backend);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex cloud = model.cloudIndex(m_memberId);
        loadRow(model, cloud);
        QVERIFY(!model.allProjectsIndex(m_memberId).isValid());
        QCOMPARE(model.rowCount(cloud), 5);
        for (int row = 0; row < model.rowCount(cloud); ++row)
            QCOMPARE(model.kind(model.index(row, 0, cloud)), CloudTreeModel::NodeKind::Server);
        // Asked anyway (a backend user that does not look at the roles), the listings say why not.
        QSignalSpy failed(&backend, &sv::ui::Backend::projectServersFailed);
        backend.requestProjectServers(m_memberId, u"0f9e8d7c6b5a49382716051423324150"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QVERIFY2(failed.at(0).at(2).toString().contains(u"they are not a cloud admin's"_s), qPrintable(failed.at(0).at(2).toString()));
    }
};

QTEST_MAIN(TestCloudTreeAllProjects)
#include "tst_cloudtreeallprojects.moc"
