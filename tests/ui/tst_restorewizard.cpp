#include "common/icons.h"
#include "fakebackend.h"
#include "jobs/jobmanager.h"
#include "restorewizard/restoredetailspage.h"
#include "restorewizard/restorerunpage.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restorevolumespage.h"
#include "restorewizard/restorewizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>

using sv::ui::RestoreWizard;
using TypeMap = QHash<QString, QString>;

class TestRestoreWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void drivesToARestoredServer();
    void defaultsComeFromTheBackup();
    void severalNetworksOrNone();
    void targetWithoutNetworkListUsesTheSavedOnes();
    void smallFlavorsAreHiddenAndValidated();
    void unreachableTargetBlocksTheServerPage();
    void cancelWhileRunningCancelsTheJob();
    void volumesWithTheServerAndATypeMapping();
    void onlyTheVolumes_data();
    void onlyTheVolumes();
    void volumeTypesUnknownStillRestores();
    void onlyTheImage_data();
    void onlyTheImage();
    void serverDetailsPage_data();
    void serverDetailsPage();

private:
    // The backup of a boot-from-volume server: its boot volume (type ssd) and a data volume (standard).
    sv::ui::CheckpointEntry &withVolumes();
    // Shows the wizard and goes on to page 3, the server options.
    static void goToServerPage(RestoreWizard &wizard);

    std::unique_ptr<FakeBackend> m_backend;
    std::unique_ptr<sv::JobManager> m_jobs;
    QList<sv::ui::CheckpointEntry> m_checkpoints;
};

void TestRestoreWizard::goToServerPage(RestoreWizard &wizard)
{
    wizard.show();
    wizard.next();
    wizard.next();
}

sv::ui::CheckpointEntry &TestRestoreWizard::withVolumes()
{
    sv::ui::CheckpointEntry &cp = m_checkpoints.last();
    cp.serverName = QStringLiteral("legacy-erp");
    cp.volumes = FakeBackend::volumeServer(cp.serverId, QStringLiteral("erp")).volumes;
    cp.volumesNotIncluded = {QStringLiteral("scratch")};
    // The disaster-recovery site has "standard" and "gold", no "ssd".
    m_backend->volumeTypes.insert(QStringLiteral("c2"), {{QStringLiteral("t1"), QStringLiteral("standard"), true},
                                                        {QStringLiteral("t2"), QStringLiteral("gold"), true}});
    m_backend->volumeTypes.insert(QStringLiteral("c1"), {{QStringLiteral("t3"), QStringLiteral("ssd"), true},
                                                        {QStringLiteral("t4"), QStringLiteral("standard"), true}});
    return cp;
}

void TestRestoreWizard::initTestCase()
{
    sv::ui::initResources();
}

void TestRestoreWizard::init()
{
    m_backend = std::make_unique<FakeBackend>();
    m_jobs = std::make_unique<sv::JobManager>();
    m_backend->cloudList = {{QStringLiteral("c1"), QStringLiteral("prod"), QStringLiteral("web"), QStringLiteral("RegionOne")},
                            {QStringLiteral("c2"), QStringLiteral("dr-site"), QStringLiteral("dr"), QStringLiteral("RegionTwo")}};
    m_backend->jobOptions.steps = 10;
    m_backend->jobOptions.stepMs = 10;
    sv::ui::TargetOptions options;
    options.flavors = {{QStringLiteral("f1"), QStringLiteral("m1.tiny"), 1, 512, 1},
                       {QStringLiteral("f2"), QStringLiteral("m1.small"), 1, 2048, 20},
                       {QStringLiteral("f3"), QStringLiteral("m1.large"), 4, 8192, 80}};
    options.networks = {{QStringLiteral("n1"), QStringLiteral("private")}, {QStringLiteral("n2"), QStringLiteral("public")}};
    options.keyPairs = {QStringLiteral("ops"), QStringLiteral("deploy")};
    options.securityGroups = {QStringLiteral("default"), QStringLiteral("web")};
    m_backend->targetOptions = options;
    sv::ui::CheckpointEntry cp;
    cp.id = QStringLiteral("cp-1");
    cp.cloudId = QStringLiteral("c1");
    cp.serverId = QStringLiteral("s1");
    cp.serverName = QStringLiteral("web-1");
    cp.created = QDateTime::currentDateTimeUtc();
    cp.status = QStringLiteral("available");
    cp.withData = true;
    cp.minDiskGiB = 10;
    cp.minRamMiB = 1024;
    cp.flavorName = QStringLiteral("m1.small");
    cp.networkNames = {QStringLiteral("private")};
    cp.keyName = QStringLiteral("ops");
    cp.securityGroups = {QStringLiteral("web")};
    cp.availabilityZone = QStringLiteral("az-2");
    sv::ui::CheckpointEntry failed = cp;
    failed.id = QStringLiteral("cp-0");
    failed.status = QStringLiteral("error");
    m_checkpoints = {failed, cp};
}

void TestRestoreWizard::drivesToARestoredServer()
{
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // Page 1: only available backups are offered; the chosen one is selected.
    auto *backups = wizard.findChild<QComboBox *>(QStringLiteral("backupCombo"));
    QCOMPARE(backups->count(), 1);
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("backupDetailsLabel"))->text().contains(QStringLiteral("With data")));
    wizard.next();
    // Page 2: the backup's own cloud is the default target; another saved cloud can be chosen.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::TargetPageId));
    auto *cloud = wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"));
    QCOMPARE(cloud->currentText(), QStringLiteral("prod"));
    cloud->setCurrentIndex(cloud->findData(QStringLiteral("c2")));
    // The project and region follow the saved cloud and are not editable (a change would be refused).
    QVERIFY(!wizard.findChild<QLineEdit *>(QStringLiteral("targetRegionEdit")));
    QCOMPARE(wizard.findChild<QLabel *>(QStringLiteral("targetRegionLabel"))->text(), QStringLiteral("RegionTwo"));
    QCOMPARE(wizard.findChild<QLabel *>(QStringLiteral("targetProjectLabel"))->text(), QStringLiteral("dr"));
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("targetHintLabel"))->text().contains(QStringLiteral("Manage Clouds")));
    wizard.next();
    // Page 3: options from the target, defaults from the backup's metadata.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::ServerPageId));
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage());
    QTRY_VERIFY(page->optionsLoaded());
    QVERIFY(page->isComplete());
    QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("serverNameEdit"))->text(), QStringLiteral("web-1-restored"));
    QVERIFY(wizard.findChild<QComboBox *>(QStringLiteral("flavorCombo"))->currentText().startsWith(QStringLiteral("m1.small")));
    auto *networks = wizard.findChild<QListWidget *>(QStringLiteral("networksList"));
    QCOMPARE(networks->count(), 2);
    QCOMPARE(networks->item(0)->checkState(), Qt::Checked); // private, as saved
    QCOMPARE(networks->item(1)->checkState(), Qt::Unchecked);
    networks->item(1)->setCheckState(Qt::Checked);
    // Another cloud than the backup's: its zone is not assumed to exist there.
    auto *zone = wizard.findChild<QLineEdit *>(QStringLiteral("availabilityZoneEdit"));
    QCOMPARE(zone->text(), QString());
    zone->setText(QStringLiteral("dr-zone"));
    QCOMPARE(wizard.findChild<QComboBox *>(QStringLiteral("keyPairCombo"))->currentText(), QStringLiteral("ops"));
    auto *groups = wizard.findChild<QListWidget *>(QStringLiteral("securityGroupsList"));
    QCOMPARE(groups->item(1)->checkState(), Qt::Checked);
    groups->item(0)->setCheckState(Qt::Checked);
    wizard.findChild<QLineEdit *>(QStringLiteral("serverNameEdit"))->setText(QStringLiteral("web-1-dr"));
    wizard.next();
    // Page 4: the summary names what will happen.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::SummaryPageId));
    const QString summary = wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY(summary.contains(QStringLiteral("dr-site")));
    QVERIFY(summary.contains(QStringLiteral("web-1-dr")));
    QVERIFY2(summary.contains(QStringLiteral("Networks: private, public")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Availability zone: dr-zone")), qPrintable(summary));
    QVERIFY(m_backend->restoreRequests.isEmpty()); // nothing started before Restore
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    wizard.next();
    // Page 5: the job runs to a restored server.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::RunPageId));
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    const sv::ui::RestoreRequest request = m_backend->restoreRequests.first();
    QCOMPARE(request.checkpointId, QStringLiteral("cp-1"));
    QCOMPARE(request.targetCloudId, QStringLiteral("c2"));
    QCOMPARE(request.region, QStringLiteral("RegionTwo"));
    QCOMPARE(request.serverName, QStringLiteral("web-1-dr"));
    QCOMPARE(request.flavorId, QStringLiteral("f2"));
    QCOMPARE(request.projectName, QStringLiteral("dr"));
    QCOMPARE(request.networkIds, (QStringList{QStringLiteral("n1"), QStringLiteral("n2")}));
    QCOMPARE(request.availabilityZone, QStringLiteral("dr-zone"));
    QCOMPARE(request.keyName, QStringLiteral("ops"));
    QCOMPARE(request.securityGroups, (QStringList{QStringLiteral("default"), QStringLiteral("web")}));
    QVERIFY(wizard.jobId() > 0);
    QTRY_VERIFY(wizard.findChild<QProgressBar *>(QStringLiteral("restoreProgress"))->value() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    auto *run = qobject_cast<sv::ui::RestoreRunPage *>(wizard.currentPage());
    QVERIFY(run->finished());
    QVERIFY(run->isComplete());
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text().contains(QStringLiteral("restored-1")));
}

// The backup's cloud (not the first saved one), its networks and its zone are the defaults.
void TestRestoreWizard::defaultsComeFromTheBackup()
{
    m_checkpoints.last().cloudId = QStringLiteral("c2");
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"))->currentData().toString(),
             QStringLiteral("c2"));
    wizard.next();
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage());
    QTRY_VERIFY(page->optionsLoaded());
    QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("availabilityZoneEdit"))->text(), QStringLiteral("az-2"));
    QCOMPARE(page->networkIds(), QStringList{QStringLiteral("n1")});
    wizard.next();
    wizard.next();
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    QCOMPARE(m_backend->restoreRequests.first().targetCloudId, QStringLiteral("c2"));
    QCOMPARE(m_backend->restoreRequests.first().availabilityZone, QStringLiteral("az-2"));
    QCOMPARE(m_backend->restoreRequests.first().networkIds, QStringList{QStringLiteral("n1")});
}

void TestRestoreWizard::severalNetworksOrNone()
{
    m_checkpoints.last().networkNames = {QStringLiteral("public"), QStringLiteral("private"), QStringLiteral("gone")};
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage());
    QTRY_VERIFY(page->optionsLoaded());
    // Both saved networks that the target has are checked; the missing one is named.
    QCOMPARE(page->networkIds(), (QStringList{QStringLiteral("n1"), QStringLiteral("n2")}));
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("serverOptionsStatus"))->text().contains(QStringLiteral("gone")));
    // None checked: a server without a network (Nova's "none").
    auto *networks = wizard.findChild<QListWidget *>(QStringLiteral("networksList"));
    for (int i = 0; i < networks->count(); ++i)
        networks->item(i)->setCheckState(Qt::Unchecked);
    QCOMPARE(page->networkIds(), QStringList{QStringLiteral("none")});
    QCOMPARE(wizard.field(QStringLiteral("networkIds")).toStringList(), QStringList{QStringLiteral("none")});
    wizard.next();
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("(no network)")));
}

void TestRestoreWizard::targetWithoutNetworkListUsesTheSavedOnes()
{
    m_backend->targetOptions.networks.clear(); // no Neutron in the target, or not allowed to list
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage());
    QTRY_VERIFY(page->optionsLoaded());
    QCOMPARE(page->networkIds(), QStringList());
    auto *networks = wizard.findChild<QListWidget *>(QStringLiteral("networksList"));
    QCOMPARE(networks->count(), 1);
    QVERIFY(networks->item(0)->text().contains(QStringLiteral("private")));
    wizard.next();
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("as saved with the backup")));
}

void TestRestoreWizard::smallFlavorsAreHiddenAndValidated()
{
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage());
    QTRY_VERIFY(page->optionsLoaded());
    auto *flavors = wizard.findChild<QComboBox *>(QStringLiteral("flavorCombo"));
    // m1.tiny (1 GB disk, 512 MiB) cannot hold an image with min_disk 10 / min_ram 1024.
    QCOMPARE(flavors->count(), 2);
    QVERIFY(flavors->findData(QStringLiteral("f1")) < 0);
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("serverOptionsStatus"))->text().contains(QStringLiteral("hidden")));
    // An empty name is refused in validatePage().
    auto *name = wizard.findChild<QLineEdit *>(QStringLiteral("serverNameEdit"));
    name->setText(QStringLiteral("  "));
    QVERIFY(!page->validatePage());
    name->setText(QStringLiteral("ok"));
    QVERIFY(page->validatePage());
}

void TestRestoreWizard::unreachableTargetBlocksTheServerPage()
{
    m_backend->failures.insert(QStringLiteral("c1"), QStringLiteral("Connection refused"));
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("serverOptionsStatus"));
    QTRY_VERIFY(status->text().contains(QStringLiteral("Connection refused")));
    QVERIFY(!wizard.currentPage()->isComplete());
}

void TestRestoreWizard::cancelWhileRunningCancelsTheJob()
{
    m_backend->jobOptions.steps = 1000;
    m_backend->jobOptions.stepMs = 20;
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    QTRY_VERIFY(qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage())->optionsLoaded());
    wizard.next();
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    wizard.next();
    QVERIFY(wizard.jobId() > 0);
    wizard.reject();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.first().at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
}

void TestRestoreWizard::volumesWithTheServerAndATypeMapping()
{
    withVolumes();
    m_backend->replyDelayMs = 20; // the types arrive later, as over the network
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    // Page 1 names the saved volumes and the one left out.
    const QString details = wizard.findChild<QLabel *>(QStringLiteral("backupDetailsLabel"))->text();
    QVERIFY2(details.contains(QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume)"))
                 && details.contains(QStringLiteral("erp-data — 100 GB, /dev/vdb")) && details.contains(QStringLiteral("scratch")),
             qPrintable(details));
    wizard.next();
    wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"))->setCurrentIndex(1); // dr-site
    wizard.next();
    // Page 3: the volumes, with the server by default; the types are asked for, not waited on.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::VolumesPageId));
    auto *page = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard.currentPage());
    QVERIFY(!page->isComplete());
    QCOMPARE(m_backend->volumeTypeRequests.value(QStringLiteral("c2")), 1);
    QTRY_VERIFY(page->isComplete());
    auto *saved = wizard.findChild<QListWidget *>(QStringLiteral("savedVolumesList"));
    QCOMPARE(saved->count(), 2);
    QCOMPARE(saved->item(0)->text(), QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume), type ssd"));
    QVERIFY(wizard.findChild<QRadioButton *>(QStringLiteral("restoreServerRadio"))->isChecked());
    // "ssd" is missing in the target: the default type unless another is chosen, and the page says so.
    QCOMPARE(page->missingTypes(), QStringList{QStringLiteral("ssd")});
    const QString warning = wizard.findChild<QLabel *>(QStringLiteral("volumeTypesStatus"))->text();
    QVERIFY2(warning.contains(QStringLiteral("no volume type ssd")) && warning.contains(QStringLiteral("default type")),
             qPrintable(warning));
    auto *ssd = wizard.findChild<QComboBox *>(QStringLiteral("volumeTypeCombo-ssd"));
    QVERIFY(ssd);
    QVERIFY(!wizard.findChild<QComboBox *>(QStringLiteral("volumeTypeCombo-standard"))); // the target has it
    QCOMPARE(ssd->currentText(), QStringLiteral("The target's default type"));
    QCOMPARE(ssd->count(), 3);
    ssd->setCurrentIndex(ssd->findText(QStringLiteral("gold")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RestoreWizard::ServerPageId));
    QTRY_VERIFY(qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage())->optionsLoaded());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RestoreWizard::SummaryPageId));
    const QString summary = wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume), type ssd → gold")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("New server: legacy-erp-restored")), qPrintable(summary));
    wizard.next();
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    const sv::ui::RestoreRequest request = m_backend->restoreRequests.first();
    QVERIFY(request.restoreServer);
    QCOMPARE(request.volumeTypes, (QHash<QString, QString>{{QStringLiteral("ssd"), QStringLiteral("gold")}}));
    QCOMPARE(request.serverName, QStringLiteral("legacy-erp-restored"));
    QCOMPARE(request.flavorId, QStringLiteral("f2"));
}

void TestRestoreWizard::onlyTheVolumes_data()
{
    QTest::addColumn<QString>("target");   // cloud id
    QTest::addColumn<QString>("mapTo");    // chosen for "ssd"; empty: left at the default
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<TypeMap>("types");
    QTest::newRow("other cloud, default type") << "c2" << "" << QStringList{QStringLiteral("ssd")} << TypeMap{};
    QTest::newRow("other cloud, mapped") << "c2" << "standard" << QStringList{QStringLiteral("ssd")}
                                         << TypeMap{{QStringLiteral("ssd"), QStringLiteral("standard")}};
    QTest::newRow("same cloud, every type exists") << "c1" << "" << QStringList{} << TypeMap{};
}

void TestRestoreWizard::onlyTheVolumes()
{
    QFETCH(QString, target);
    QFETCH(QString, mapTo);
    QFETCH(QStringList, missing);
    QFETCH(TypeMap, types);
    withVolumes();
    // What RestoreJob answers: the new volumes and its warnings.
    m_backend->restoreResultData = {
        {QStringLiteral("volumes"),
         QVariantList{QVariantMap{{QStringLiteral("name"), QStringLiteral("erp-root")}, {QStringLiteral("id"), QStringLiteral("new-1")},
                                  {QStringLiteral("volume_type"), QStringLiteral("standard")}},
                      QVariantMap{{QStringLiteral("name"), QStringLiteral("erp-data")}, {QStringLiteral("id"), QStringLiteral("new-2")},
                                  {QStringLiteral("volume_type"), QStringLiteral("standard")}}}},
        {QStringLiteral("warnings"), QStringList{QStringLiteral("The target has no volume type ssd; erp-root got standard.")}}};
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    wizard.next();
    auto *cloud = wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"));
    cloud->setCurrentIndex(cloud->findData(target));
    wizard.next();
    auto *page = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard.currentPage());
    QVERIFY(page);
    QTRY_VERIFY(page->isComplete());
    QCOMPARE(page->missingTypes(), missing);
    if (missing.isEmpty())
        QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("volumeTypesStatus"))->text().contains(QStringLiteral("keeps its type")));
    if (!mapTo.isEmpty()) {
        auto *ssd = wizard.findChild<QComboBox *>(QStringLiteral("volumeTypeCombo-ssd"));
        ssd->setCurrentIndex(ssd->findText(mapTo));
    }
    wizard.findChild<QRadioButton *>(QStringLiteral("restoreVolumesOnlyRadio"))->setChecked(true);
    wizard.next();
    // No server: its options page is skipped.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::SummaryPageId));
    const QString summary = wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("Only the volumes are restored; no server is started.")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("Flavor:")), qPrintable(summary));
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    wizard.next();
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    const sv::ui::RestoreRequest request = m_backend->restoreRequests.first();
    QVERIFY(!request.restoreServer);
    QCOMPARE(request.volumeTypes, types);
    QCOMPARE(request.targetCloudId, target);
    QVERIFY(request.serverName.isEmpty());
    QVERIFY(request.flavorId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const QString result = wizard.findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text();
    QVERIFY2(result.contains(QStringLiteral("The volumes were restored: erp-root, erp-data.")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("Volume erp-data: ID new-2, type standard")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("Warning: The target has no volume type ssd; erp-root got standard.")),
             qPrintable(result));
}

// "Only the image" on the target page: the next pages are skipped (also for a backup with volumes), the
// request carries the image's name and no server option; a cloud that cannot be signed in to blocks Next
// and says why; a boot-from-volume backup (no image of its own) cannot choose it.
void TestRestoreWizard::onlyTheImage_data()
{
    QTest::addColumn<bool>("withVolumes");
    QTest::addColumn<QString>("failure"); // the target's sign-in failure; "" signs in
    QTest::addColumn<bool>("offered");    // the choice is enabled
    QTest::newRow("image-booted backup") << false << QString() << true;
    QTest::newRow("with volumes: their pages are skipped") << true << QString() << true;
    QTest::newRow("the target cannot be signed in to") << false << QStringLiteral("No password is stored for cloud dr-site.") << true;
    QTest::newRow("boot from volume: no image") << true << QString() << false;
}

void TestRestoreWizard::onlyTheImage()
{
    QFETCH(bool, withVolumes);
    QFETCH(QString, failure);
    QFETCH(bool, offered);
    if (withVolumes)
        this->withVolumes();
    m_checkpoints.last().bootFromVolume = !offered;
    if (!failure.isEmpty())
        m_backend->failures.insert(QStringLiteral("c2"), failure);
    m_backend->restoreResultData = {{QStringLiteral("image_id"), QStringLiteral("img-9")},
                                    {QStringLiteral("image_name"), QStringLiteral("web-1-for-migration")}};
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RestoreWizard::TargetPageId));
    auto *cloud = wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"));
    cloud->setCurrentIndex(cloud->findData(QStringLiteral("c2")));
    auto *choice = wizard.findChild<QRadioButton *>(QStringLiteral("restoreImageOnlyChoice"));
    auto *name = wizard.findChild<QLineEdit *>(QStringLiteral("imageNameEdit"));
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("targetChoiceStatusLabel"));
    QCOMPARE(choice->isEnabled(), offered);
    if (!offered) {
        QVERIFY2(status->text().contains(QStringLiteral("booted from a volume")), qPrintable(status->text()));
        QVERIFY(!name->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(RestoreWizard::VolumesPageId));
        return;
    }
    QVERIFY(!name->isEnabled()); // only for the image
    QCOMPARE(m_backend->sessionRequests.value(QStringLiteral("c2")), 0); // a server restore signs in later
    choice->setChecked(true);
    QVERIFY(name->isEnabled());
    QCOMPARE(name->text(), QStringLiteral("%1-restored-cp-1").arg(m_checkpoints.last().serverName)); // the CLI's default
    QVERIFY(!wizard.currentPage()->isComplete()); // waiting for the keychain
    QCOMPARE(m_backend->sessionRequests.value(QStringLiteral("c2")), 1);
    if (!failure.isEmpty()) {
        QTRY_VERIFY(status->text().contains(failure));
        QVERIFY(!wizard.currentPage()->isComplete());
        return;
    }
    QTRY_VERIFY(wizard.currentPage()->isComplete());
    name->setText(QStringLiteral("web-1-for-migration"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RestoreWizard::SummaryPageId));
    const QString summary = wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("New image: web-1-for-migration")) && summary.contains(QStringLiteral("cloud dr-site"))
                 && !summary.contains(QStringLiteral("Flavor:")),
             qPrintable(summary));
    QCOMPARE(summary.contains(QStringLiteral("The 2 volume(s) saved in the backup are not restored.")), withVolumes);
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    wizard.next();
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    const sv::ui::RestoreRequest request = m_backend->restoreRequests.first();
    QVERIFY(request.imageOnly);
    QCOMPARE(request.targetCloudId, QStringLiteral("c2"));
    QCOMPARE(request.serverName, QStringLiteral("web-1-for-migration"));
    QVERIFY(request.flavorId.isEmpty() && request.networkIds.isEmpty() && request.keyName.isEmpty()
            && request.securityGroups.isEmpty() && request.availabilityZone.isEmpty() && request.volumeTypes.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const QString result = wizard.findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text();
    QVERIFY2(result.contains(QStringLiteral("The image “web-1-for-migration” was restored (ID img-9).")), qPrintable(result));
}

// The target's types cannot be listed: the page still lets the restore go on (the saved type where the
// target has it, else the default type) and says so.
void TestRestoreWizard::volumeTypesUnknownStillRestores()
{
    withVolumes();
    m_backend->volumeTypes.remove(QStringLiteral("c2"));
    m_backend->failures.insert(QStringLiteral("c2"), QStringLiteral("403 Forbidden"));
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    wizard.show();
    wizard.next();
    wizard.findChild<QComboBox *>(QStringLiteral("targetCloudCombo"))->setCurrentIndex(1);
    wizard.next();
    auto *page = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard.currentPage());
    QTRY_VERIFY(page->isComplete());
    const QString status = wizard.findChild<QLabel *>(QStringLiteral("volumeTypesStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("403 Forbidden")) && status.contains(QStringLiteral("default type")),
             qPrintable(status));
    QVERIFY(page->volumeTypes().isEmpty());
    // Going back and choosing the same cloud again asks again (and only once more).
    wizard.back();
    wizard.next();
    QCOMPARE(m_backend->volumeTypeRequests.value(QStringLiteral("c2")), 2);
}

// A backup with the server's details (NICs, tags, metadata, group, config drive, user data): the
// details page follows the server page, shows what was saved for the chosen networks, refuses what
// Nova would refuse, and its choices reach the restore request.
void TestRestoreWizard::serverDetailsPage_data()
{
    QTest::addColumn<QString>("ip");       // typed into NIC 1's fixed IP ("-": left as saved)
    QTest::addColumn<QString>("metadata"); // the metadata text ("-": left as saved)
    QTest::addColumn<QString>("tags");     // ("-": left as saved)
    QTest::addColumn<bool>("userData");
    QTest::addColumn<QString>("refusal"); // the page's error; empty: it goes on
    QTest::newRow("as saved") << QStringLiteral("-") << QStringLiteral("-") << QStringLiteral("-") << true << QString();
    QTest::newRow("edited") << QString() << QStringLiteral("tier=2\nowner = dba") << QStringLiteral("prod, restored") << false
                            << QString();
    QTest::newRow("not an address") << QStringLiteral("10.0.0.300") << QStringLiteral("-") << QStringLiteral("-") << true
                                    << QStringLiteral("10.0.0.300");
    QTest::newRow("metadata without =") << QStringLiteral("-") << QStringLiteral("tier") << QStringLiteral("-") << true
                                        << QStringLiteral("KEY=VALUE");
}

void TestRestoreWizard::serverDetailsPage()
{
    QFETCH(QString, ip);
    QFETCH(QString, metadata);
    QFETCH(QString, tags);
    QFETCH(bool, userData);
    QFETCH(QString, refusal);
    sv::ui::CheckpointEntry &cp = m_checkpoints.last();
    cp.nics = {sv::SavedNic{QStringLiteral("old-1"), QStringLiteral("private"), {QStringLiteral("10.0.0.5")},
                            {QStringLiteral("web"), QStringLiteral("default")}, QStringLiteral("fa:16:3e:00:00:01")},
               sv::SavedNic{QStringLiteral("old-2"), QStringLiteral("public"), {QStringLiteral("172.24.4.9")},
                            {QStringLiteral("default")}, QStringLiteral("fa:16:3e:00:00:02")}};
    cp.networkNames = {QStringLiteral("private"), QStringLiteral("public")};
    cp.tags = {QStringLiteral("prod")};
    cp.serverMetadata = QJsonObject{{QStringLiteral("role"), QStringLiteral("web")}};
    cp.description = QStringLiteral("front");
    cp.configDrive = true;
    cp.userDataState = QStringLiteral("saved");
    cp.serverGroups = {QStringLiteral("web-group")};
    RestoreWizard wizard(m_backend.get(), m_jobs.get(), m_checkpoints, QStringLiteral("cp-1"));
    goToServerPage(wizard);
    QCOMPARE(wizard.currentId(), int(RestoreWizard::ServerPageId));
    QTRY_VERIFY(qobject_cast<sv::ui::RestoreServerPage *>(wizard.currentPage())->optionsLoaded());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RestoreWizard::DetailsPageId));
    auto *nics = wizard.findChild<QTableWidget *>(QStringLiteral("nicsTable"));
    QCOMPARE(nics->rowCount(), 2);
    QCOMPARE(nics->item(0, 0)->text(), QStringLiteral("private"));
    QCOMPARE(nics->item(0, 1)->text(), QStringLiteral("10.0.0.5"));
    QCOMPARE(nics->item(0, 2)->text(), QStringLiteral("web, default"));
    QCOMPARE(nics->item(1, 1)->text(), QStringLiteral("172.24.4.9"));
    auto *tagsEdit = wizard.findChild<QLineEdit *>(QStringLiteral("tagsEdit"));
    auto *metadataEdit = wizard.findChild<QPlainTextEdit *>(QStringLiteral("metadataEdit"));
    QCOMPARE(tagsEdit->text(), QStringLiteral("prod"));
    QCOMPARE(metadataEdit->toPlainText(), QStringLiteral("role=web"));
    QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("serverGroupEdit"))->text(), QStringLiteral("web-group"));
    QVERIFY(wizard.findChild<QCheckBox *>(QStringLiteral("configDriveCheck"))->isChecked());
    auto *userDataCheck = wizard.findChild<QCheckBox *>(QStringLiteral("userDataCheck"));
    QVERIFY(userDataCheck->isEnabled() && userDataCheck->isChecked());
    if (ip != QLatin1String("-"))
        nics->item(0, 1)->setText(ip);
    if (metadata != QLatin1String("-"))
        metadataEdit->setPlainText(QString(metadata).replace(QLatin1String("\\n"), QLatin1String("\n")));
    if (tags != QLatin1String("-"))
        tagsEdit->setText(tags);
    userDataCheck->setChecked(userData);
    wizard.next();
    if (!refusal.isEmpty()) {
        QCOMPARE(wizard.currentId(), int(RestoreWizard::DetailsPageId));
        const QString error = wizard.findChild<QLabel *>(QStringLiteral("detailsErrorLabel"))->text();
        QVERIFY2(error.contains(refusal), qPrintable(error));
        return;
    }
    QCOMPARE(wizard.currentId(), int(RestoreWizard::SummaryPageId));
    // The summary lists what the details page chose, instead of the server page's networks and groups.
    const QString summary = wizard.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    const QString nic1 = ip == QLatin1String("-") ? QStringLiteral("fixed IP 10.0.0.5") : QStringLiteral("the cloud chooses the address");
    const QStringList expectedLines{
        QStringLiteral("  • private, %1, security groups web, default").arg(nic1),
        QStringLiteral("  • public, fixed IP 172.24.4.9, security groups default"),
        tags == QLatin1String("-") ? QStringLiteral("Tags: prod") : QStringLiteral("Tags: prod, restored"),
        metadata == QLatin1String("-") ? QStringLiteral("Metadata: role=web") : QStringLiteral("Metadata: owner=dba, tier=2"),
        QStringLiteral("Description: front"),
        QStringLiteral("Server group: web-group"),
        QStringLiteral("Config drive: yes"),
        userData ? QStringLiteral("User data: passed as saved") : QStringLiteral("User data: not passed")};
    const QStringList summaryLines = summary.split(QLatin1Char('\n'));
    for (const QString &line : expectedLines)
        QVERIFY2(summaryLines.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + summary));
    QVERIFY2(!summary.contains(QStringLiteral("Networks:")) && !summary.contains(QStringLiteral("Security groups:")),
             qPrintable(summary));
    wizard.next();
    QCOMPARE(m_backend->restoreRequests.size(), 1);
    const sv::ui::RebuildChoices rebuild = m_backend->restoreRequests.constFirst().rebuild;
    QVERIFY(rebuild.set);
    QCOMPARE(rebuild.nics.size(), 2);
    QCOMPARE(rebuild.nics.at(0).network, QStringLiteral("n1"));
    QCOMPARE(rebuild.nics.at(0).fixedIp, ip == QLatin1String("-") ? QStringLiteral("10.0.0.5") : ip);
    QCOMPARE(rebuild.nics.at(0).securityGroups, (QStringList{QStringLiteral("web"), QStringLiteral("default")}));
    QCOMPARE(rebuild.nics.at(1).network, QStringLiteral("n2"));
    const QStringList expectedTags = tags == QLatin1String("-") ? QStringList{QStringLiteral("prod")}
                                                                : QStringList{QStringLiteral("prod"), QStringLiteral("restored")};
    QCOMPARE(rebuild.tags, expectedTags);
    if (metadata == QLatin1String("-"))
        QCOMPARE(rebuild.metadata, (QJsonObject{{QStringLiteral("role"), QStringLiteral("web")}}));
    else
        QCOMPARE(rebuild.metadata, (QJsonObject{{QStringLiteral("tier"), QStringLiteral("2")}, {QStringLiteral("owner"), QStringLiteral("dba")}}));
    QCOMPARE(rebuild.description, QStringLiteral("front"));
    QCOMPARE(rebuild.serverGroup, QStringLiteral("web-group"));
    QVERIFY(rebuild.configDrive);
    QCOMPARE(rebuild.userData, userData);
}

QTEST_MAIN(TestRestoreWizard)
#include "tst_restorewizard.moc"
