// The desktop UI over the REAL backend (CoreBackend: profiles, keychain, OpenStack client, local backup
// storage, protection engine) against the fake cloud on 127.0.0.1 — clicked through by objectName the
// way a user would. The cloud is added through the Manage Clouds dialog, so its password really goes
// through the Secret Service (scripts/test provides a private D-Bus session with gnome-keyring).
// Each test function sets up what it needs (the saved cloud, a backup with data) and runs alone too
// (`tst_corebackend restoreWizardToARunningServer`). Without a Secret Service every test is skipped,
// loudly; under CI (CI=true) that is a failure instead.
#include "backend/corebackend.h"
#include "backups/backupsmodel.h"
#include "backups/backupsview.h"
#include "cloudstate.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "demoprofile.h"
#include "stallmeter.h"
#include "details/serverdetailswidget.h"
#include "dialogs/cloudprofilesdialog.h"
#include "dialogs/testrestoredialog.h"
#include "extraserver.h"
#include "fakecloud.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "mainwindow.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "protection/exportjob.h"
#include "restorewizard/restorerunpage.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restoretargetpage.h"
#include "restorewizard/restorevolumespage.h"
#include "restorewizard/restorewizard.h"
#include "util/appsettings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QProcess>
#include <QStatusBar>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QRadioButton>
#include <QRegularExpression>
#include <QProcessEnvironment>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using sv::ui::MainWindow;

namespace {
const QString kWeb1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000001");
const QString kWebData = QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002"); // web-1's volume
const QString kBigServer = QStringLiteral("5e7f0000-0000-4000-8000-0000000000b1");
const qint64 kUserBytesOffset = 2 * 1024 * 1024;
const QByteArray kUserBytes = QByteArrayLiteral("Written by a user after boot; the UI test wants these bytes back.\n");
} // namespace

class TestCoreBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void profilesDialogSavesTheSecretInTheKeychain();
    void profilesDialogTestsTheConnection();
    void profilesDialogImportsCloudsYamlAndEnvironment();
    void clickThroughBackupWithData();
    void cancelFromTheJobsDockCleansUp();
    void restoreWizardToARunningServer();
    void restoreOnlyTheVolumesThroughTheWizard();
    void bootFromVolumeServerRoundTrip();
    void guiStallDuringA256MiBBackup();
    void volumesFromCinderWithoutBlocking();
    void exportThroughTheBackupsView();
    void onlyTheImageThroughTheWizard();
    void testRestoreFromTheBackupsView_data();
    void testRestoreFromTheBackupsView();
    void cancelledTestRestoreCleansUp();

private:
    // The fake cloud saved as "fake-demo" with its password in the keychain (added directly, not through
    // the dialog), unless it is saved already; m_cloudId is its id.
    void ensureCloudSaved();
    void removeAllClouds();
    // A backup with data of web-1 (made by clicking, unless one was made already); its checkpoint id.
    QString backupWithData();
    QModelIndex findServer(MainWindow &window, const QString &name);
    void startBackupByClicking(MainWindow &window, const QString &serverName, bool includeData);
    QString fakeServerStatus(const QString &serverId);
    // Selects the checkpoint in the Backups tab and clicks Restore: the wizard, shown (null on failure).
    sv::ui::RestoreWizard *openRestoreWizard(MainWindow &window, const QString &checkpointId);
    QList<sv::ui::CheckpointEntry> availableBackupsOf(MainWindow &window, const QString &serverId) const;
    // A second saved cloud: alice's project "other" of the same fake cloud (its password in the keychain).
    sv::CloudProfile addOtherCloud();
    void removeCloud(const QString &id);
    // Every server, image and volume the tests made and did not remove.
    QStringList madeInTheCloud() const;
    // Test Restore… on the selected backup: fills the dialog and clicks Start (the job then runs).
    void startTestRestoreByClicking(MainWindow &window, const QString &checkpointId, const QString &marker,
                                    int timeoutSeconds);

    fake::FakeCloud m_cloud;
    QTemporaryDir m_dir;
    std::unique_ptr<sv::ProfileStore> m_profiles;
    std::unique_ptr<sv::SecretStore> m_secrets;
    std::unique_ptr<sv::ui::CoreBackend> m_backend;
    std::unique_ptr<sv::JobManager> m_jobs;
    QString m_cloudId;
    QString m_checkpointId; // the backup with data made by clickThroughBackupWithData
};

void TestCoreBackend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("StackVault-uitest"));
    sv::ui::initResources();
    QVERIFY(m_dir.isValid());
    sv::AppSettings::createTempFileInstance();
    sv::AppSettings::instance()->setBankLocation(m_dir.filePath(QStringLiteral("bank")));

    // The test scenario plus one 256 MiB server for the stall measurement.
    QString error;
    const QJsonObject scenario = fake::scenarioWithServer(
        QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"),
        {kBigServer, QStringLiteral("big-1"), QStringLiteral("e1a0b1c2-0000-4000-8000-0000000000b1"),
         QStringLiteral("big-256"), 256},
        &error);
    QVERIFY2(!scenario.isEmpty(), qPrintable(error));
    QVERIFY2(m_cloud.loadScenario(scenario, &error), qPrintable(error));
    QVERIFY(m_cloud.start());

    m_profiles = std::make_unique<sv::ProfileStore>(m_dir.filePath(QStringLiteral("profiles")));
    m_secrets = std::make_unique<sv::SecretStore>(
        QStringLiteral("StackVault-uitest-corebackend-%1").arg(QCoreApplication::applicationPid()));
    m_profiles->setSecretStore(m_secrets.get());
    QVERIFY(m_profiles->load());
    m_backend = std::make_unique<sv::ui::CoreBackend>(m_profiles.get(), m_secrets.get());

    // Every test keeps a password in the keychain: find out once whether there is one.
    const QString probeId = QStringLiteral("keyring-probe");
    std::optional<sv::SecretResult> written;
    m_secrets->write(probeId, QStringLiteral("probe"), this, [&written](const sv::SecretResult &r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
    if (!written->ok()) {
        const QString why = QStringLiteral("no usable Secret Service in this session (%1; scripts/test runs the "
                                           "tests in a D-Bus session with an unlocked gnome-keyring)")
                                .arg(written->message);
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("required under CI=true: ") + why));
        QSKIP(qPrintable(QStringLiteral("SKIPPED: ") + why));
    }
    bool removed = false;
    m_secrets->remove(probeId, this, [&removed](const sv::SecretResult &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
}

void TestCoreBackend::cleanupTestCase()
{
    if (!m_cloudId.isEmpty()) {
        bool removed = false;
        m_secrets->remove(m_cloudId, this, [&removed](const sv::SecretResult &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    }
    m_backend.reset();
}

void TestCoreBackend::init()
{
    m_jobs = std::make_unique<sv::JobManager>();
}

void TestCoreBackend::ensureCloudSaved()
{
    if (const auto saved = m_profiles->findByName(QStringLiteral("fake-demo"))) {
        m_cloudId = saved->id;
        return;
    }
    sv::CloudProfile profile = demoProfile(m_cloud.authUrl(), sv::CloudProfile::generateId());
    profile.name = QStringLiteral("fake-demo");
    std::optional<sv::SecretResult> written;
    m_secrets->write(profile.id, QStringLiteral("demo-password"), this,
                     [&written](const sv::SecretResult &result) { written = result; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
    QVERIFY2(written->ok(), qPrintable(written->message));
    QString error;
    QVERIFY2(m_profiles->add(profile, &error), qPrintable(error));
    m_cloudId = profile.id;
}

void TestCoreBackend::removeAllClouds()
{
    QSignalSpy secretRemoved(m_profiles.get(), &sv::ProfileStore::secretRemoved);
    const QList<sv::CloudProfile> profiles = m_profiles->profiles();
    for (const sv::CloudProfile &profile : profiles)
        QVERIFY(m_profiles->remove(profile.id));
    QTRY_COMPARE_WITH_TIMEOUT(secretRemoved.size(), profiles.size(), 20000);
    m_cloudId.clear();
    m_checkpointId.clear();
}

QString TestCoreBackend::backupWithData()
{
    ensureCloudSaved();
    if (!m_checkpointId.isEmpty() || QTest::currentTestFailed())
        return m_checkpointId;
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return {};
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    startBackupByClicking(window, QStringLiteral("web-1"), true);
    if (QTest::currentTestFailed() || !QTest::qWaitFor([&] { return !ended.isEmpty(); }, 120000))
        return {};
    const auto result = ended.first().at(1).value<sv::JobResult>();
    if (result.outcome == sv::JobOutcome::Succeeded)
        m_checkpointId = result.data.value(QStringLiteral("checkpoint_id")).toString();
    return m_checkpointId;
}

void TestCoreBackend::cleanup()
{
    // Every test waits for its jobs; a failed test may leave one running: cancel it before the manager goes.
    m_jobs->cancelAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_jobs->runningCount() == 0 && m_jobs->queuedCount() == 0, 30000);
    m_jobs.reset();
    m_cloud.clearFaults();
}

QModelIndex TestCoreBackend::findServer(MainWindow &window, const QString &name)
{
    QTreeView *tree = window.tree();
    QAbstractItemModel *model = tree->model();
    const QModelIndex cloud = model->index(0, 0);
    tree->expand(cloud);
    if (model->canFetchMore(cloud))
        model->fetchMore(cloud);
    if (!QTest::qWaitFor([&] { return window.treeModel()->fetchState(m_cloudId) == sv::ui::CloudTreeModel::FetchState::Fetched; },
                         20000))
        return {};
    for (int row = 0; row < model->rowCount(cloud); ++row) {
        const QModelIndex index = model->index(row, 0, cloud);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

void TestCoreBackend::startBackupByClicking(MainWindow &window, const QString &serverName, bool includeData)
{
    const QModelIndex server = findServer(window, serverName);
    QVERIFY2(server.isValid(), qPrintable(serverName));
    window.tree()->setCurrentIndex(server);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("serverNameLabel"))->text(), serverName);
    auto *check = window.findChild<QCheckBox *>(QStringLiteral("includeDataCheck"));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("backupButton"));
    QVERIFY(button->isEnabled());
    if (check->isChecked() != includeData)
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    QCOMPARE(check->isChecked(), includeData);
    QTest::mouseClick(button, Qt::LeftButton);
}

sv::ui::RestoreWizard *TestCoreBackend::openRestoreWizard(MainWindow &window, const QString &checkpointId)
{
    if (!QTest::qWaitFor([&] { return window.backupsView()->selectCheckpoint(checkpointId); }, 10000))
        return nullptr;
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("restoreButton")), Qt::LeftButton);
    auto *wizard = window.findChild<sv::ui::RestoreWizard *>(QStringLiteral("restoreWizard"));
    return wizard && QTest::qWaitForWindowExposed(wizard) ? wizard : nullptr;
}

QString TestCoreBackend::fakeServerStatus(const QString &serverId)
{
    fake::CloudState &state = m_cloud.state();
    std::lock_guard lock(state.mutex);
    state.advance();
    const auto it = state.servers.constFind(serverId);
    return it == state.servers.cend() ? QString() : it->status;
}

QList<sv::ui::CheckpointEntry> TestCoreBackend::availableBackupsOf(MainWindow &window, const QString &serverId) const
{
    QList<sv::ui::CheckpointEntry> result;
    for (const sv::ui::CheckpointEntry &cp : window.backupsModel()->checkpoints()) {
        if (cp.serverId == serverId && cp.status == u"available")
            result.append(cp);
    }
    return result;
}

sv::CloudProfile TestCoreBackend::addOtherCloud()
{
    sv::CloudProfile other = demoProfile(m_cloud.authUrl(), sv::CloudProfile::generateId());
    other.name = QStringLiteral("fake-other");
    other.userName = QStringLiteral("alice");
    other.projectName = QStringLiteral("other");
    std::optional<sv::SecretResult> written;
    m_secrets->write(other.id, QStringLiteral("alice-password"), this, [&written](const sv::SecretResult &r) { written = r; });
    if (!QTest::qWaitFor([&] { return written.has_value(); }, 20000) || !written->ok())
        return {};
    QString error;
    if (!m_profiles->add(other, &error))
        return {};
    return other;
}

void TestCoreBackend::removeCloud(const QString &id)
{
    QSignalSpy secretRemoved(m_profiles.get(), &sv::ProfileStore::secretRemoved);
    QVERIFY(m_profiles->remove(id));
    QTRY_COMPARE_WITH_TIMEOUT(secretRemoved.size(), 1, 20000);
}

QStringList TestCoreBackend::madeInTheCloud() const
{
    QStringList made = m_cloud.leftoverServerIds() + m_cloud.leftoverImageIds() + m_cloud.leftoverVolumeIds();
    made.sort();
    return made;
}

void TestCoreBackend::startTestRestoreByClicking(MainWindow &window, const QString &checkpointId, const QString &marker,
                                                 int timeoutSeconds)
{
    QTRY_VERIFY_WITH_TIMEOUT(window.backupsView()->selectCheckpoint(checkpointId), 10000);
    auto *button = window.findChild<QPushButton *>(QStringLiteral("testRestoreButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    sv::ui::TestRestoreDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<sv::ui::TestRestoreDialog *>(QStringLiteral("testRestoreDialog"))) && dialog->isVisible());
    // The backup's own cloud is the default target.
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("testRestoreCloudCombo"))->currentData().toString(), m_cloudId);
    if (!marker.isEmpty()) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("testRestoreMarkerEdit")), marker);
        dialog->findChild<QSpinBox *>(QStringLiteral("testRestoreTimeoutSpin"))->setValue(timeoutSeconds);
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startTestRestoreButton")), Qt::LeftButton);
}

void TestCoreBackend::profilesDialogSavesTheSecretInTheKeychain()
{
    removeAllClouds();
    if (QTest::currentTestFailed())
        return;
    sv::ui::CloudProfilesDialog dialog(m_profiles.get(), m_secrets.get(), m_backend.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit")), QStringLiteral("fake-demo"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("authUrlEdit")), m_cloud.authUrl());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("userNameEdit")), QStringLiteral("demo"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("userDomainEdit")), QStringLiteral("Default"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("projectNameEdit")), QStringLiteral("demo"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("projectDomainEdit")), QStringLiteral("Default"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit")), QStringLiteral("demo-password"));
    QSignalSpy saved(&dialog, &sv::ui::CloudProfilesDialog::secretSaved);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfileButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
    QVERIFY2(saved.first().at(1).toBool(), qPrintable(dialog.statusText()));
    QVERIFY(dialog.statusText().contains(QStringLiteral("keyring")));
    QCOMPARE(m_profiles->profiles().size(), 1);
    const QString id = saved.first().at(0).toString();
    QCOMPARE(m_profiles->profiles().first().id, id);

    // The keychain holds the password, the profile file does not.
    QFile profilesFile(m_profiles->filePath());
    QVERIFY(profilesFile.open(QIODevice::ReadOnly));
    QVERIFY(!profilesFile.readAll().contains("demo-password"));
    std::optional<sv::SecretResult> read;
    m_secrets->read(id, this, [&read](const sv::SecretResult &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY2(read->ok(), qPrintable(read->message));
    QCOMPARE(read->secret, QStringLiteral("demo-password"));
    m_cloudId = id;
    QCOMPARE(m_backend->clouds().size(), 1);
}

void TestCoreBackend::profilesDialogTestsTheConnection()
{
    ensureCloudSaved();
    sv::ui::CloudProfilesDialog dialog(m_profiles.get(), m_secrets.get(), m_backend.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The saved cloud is shown; its password comes from the keychain.
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->text(), QStringLiteral("fake-demo"));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->text().isEmpty());
    QSignalSpy tested(&dialog, &sv::ui::CloudProfilesDialog::connectionTested);
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    // The fake cloud's catalog: identity, compute, image, block-storage (+ volumev3), network.
    QVERIFY2(dialog.statusText().contains(QStringLiteral("project demo")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QRegularExpression(QStringLiteral("offers [1-9][0-9]* service"))),
             qPrintable(dialog.statusText()));
    QVERIFY(test->isEnabled());

    // A wrong password typed in: the plain error, and nothing saved.
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit")), QStringLiteral("not-the-password"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20000);
    QVERIFY(!tested.at(1).at(0).toBool());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Could not connect: ")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.statusText().contains(QStringLiteral("not-the-password")));

    // A cloud that is not there.
    dialog.findChild<QLineEdit *>(QStringLiteral("authUrlEdit"))->setText(QStringLiteral("http://127.0.0.1:1/identity/v3"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 3, 30000);
    QVERIFY(!tested.at(2).at(0).toBool());
    QCOMPARE(m_profiles->profiles().first().authUrl, QUrl(m_cloud.authUrl())); // testing saves nothing
}

void TestCoreBackend::profilesDialogImportsCloudsYamlAndEnvironment()
{
    ensureCloudSaved();
    QTemporaryDir configDir;
    QFile clouds(configDir.filePath(QStringLiteral("clouds.yaml")));
    QVERIFY(clouds.open(QIODevice::WriteOnly));
    clouds.write(QByteArray("clouds:\n"
                 "  imported-yaml:\n"
                 "    auth:\n"
                 "      auth_url: " + m_cloud.authUrl().toUtf8() + "\n"
                 "      username: demo\n"
                 "      project_name: demo\n"
                 "      user_domain_name: Default\n"
                 "      project_domain_name: Default\n"
                 "    region_name: RegionOne\n"));
    clouds.close();
    QFile secure(configDir.filePath(QStringLiteral("secure.yaml")));
    QVERIFY(secure.open(QIODevice::WriteOnly));
    secure.write("clouds:\n  imported-yaml:\n    auth:\n      password: demo-password\n");
    secure.close();

    sv::ui::CloudProfilesDialog dialog(m_profiles.get(), m_secrets.get(), m_backend.get());
    QSignalSpy imported(&dialog, &sv::ui::CloudProfilesDialog::importFinished);
    dialog.importFile(clouds.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 20000);
    QCOMPARE(imported.first().at(0).toInt(), 1);
    QVERIFY2(imported.first().at(1).toStringList().isEmpty(), qPrintable(imported.first().at(1).toStringList().join(u'\n')));
    const auto yamlCloud = m_profiles->findByName(QStringLiteral("imported-yaml"));
    QVERIFY(yamlCloud);
    QCOMPARE(yamlCloud->regionName, QStringLiteral("RegionOne"));
    QVERIFY(dialog.statusText().contains(QStringLiteral("Imported 1 cloud")));
    // The password from secure.yaml went to the keychain: the connection test signs in with it.
    QSignalSpy tested(&dialog, &sv::ui::CloudProfilesDialog::connectionTested);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->text(), QStringLiteral("imported-yaml"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));

    // An openrc environment.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("OS_AUTH_URL"), m_cloud.authUrl());
    environment.insert(QStringLiteral("OS_USERNAME"), QStringLiteral("alice"));
    environment.insert(QStringLiteral("OS_PASSWORD"), QStringLiteral("alice-password"));
    environment.insert(QStringLiteral("OS_PROJECT_NAME"), QStringLiteral("other"));
    environment.insert(QStringLiteral("OS_USER_DOMAIN_NAME"), QStringLiteral("Default"));
    environment.insert(QStringLiteral("OS_PROJECT_DOMAIN_NAME"), QStringLiteral("Default"));
    environment.insert(QStringLiteral("OS_CLOUD_NAME"), QStringLiteral("imported-env"));
    dialog.importEnvironment(environment);
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 2, 20000);
    QCOMPARE(imported.at(1).at(0).toInt(), 1);
    const auto envCloud = m_profiles->findByName(QStringLiteral("imported-env"));
    QVERIFY(envCloud);
    QCOMPARE(envCloud->userName, QStringLiteral("alice"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20000);
    QVERIFY2(tested.at(1).at(0).toBool(), qPrintable(tested.at(1).at(1).toString()));
    QVERIFY(dialog.statusText().contains(QStringLiteral("project other")));

    // Importing the same file again refuses the taken name, plainly.
    dialog.importFile(clouds.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 3, 20000);
    QCOMPARE(imported.at(2).at(0).toInt(), 0);
    QVERIFY(imported.at(2).at(1).toStringList().join(u' ').contains(QStringLiteral("imported-yaml")));

    // The profiles file never holds a password.
    QFile profilesFile(m_profiles->filePath());
    QVERIFY(profilesFile.open(QIODevice::ReadOnly));
    const QByteArray text = profilesFile.readAll();
    QVERIFY(!text.contains("demo-password") && !text.contains("alice-password"));

    // Leave only the first cloud (removing also deletes the secrets).
    QSignalSpy secretRemoved(m_profiles.get(), &sv::ProfileStore::secretRemoved);
    QVERIFY(m_profiles->remove(yamlCloud->id));
    QVERIFY(m_profiles->remove(envCloud->id));
    QTRY_COMPARE_WITH_TIMEOUT(secretRemoved.size(), 2, 20000);
    QCOMPARE(m_profiles->profiles().size(), 1);
}

void TestCoreBackend::clickThroughBackupWithData()
{
    ensureCloudSaved();
    // "A user wrote this": only a backup with data (a snapshot first) contains these bytes.
    QVERIFY(m_cloud.writeServerDisk(kWeb1, kUserBytesOffset, kUserBytes));
    MainWindow window(m_backend.get(), m_jobs.get());
    QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester backupsTester(window.backupsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QList<sv::JobProgress> progress;
    connect(m_jobs.get(), &sv::JobManager::jobProgress, this,
            [&progress](int, const sv::JobProgress &p) { progress.append(p); });
    // The 6 MiB download takes ~3 s, so that the progress can be seen advancing.
    fake::FaultSpec slow;
    slow.kind = fake::Fault::Slow;
    slow.bytesPerSecond = 2 * 1024 * 1024;
    m_cloud.injectFault(slow);
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    startBackupByClicking(window, QStringLiteral("web-1"), true);
    if (QTest::currentTestFailed())
        return;
    sv::ui::JobListModel *jobs = window.jobsDock()->model();
    QCOMPARE(jobs->rowCount(), 1);
    // People read names: the server's in the job's title, the boot image's in the details.
    QCOMPARE(jobs->index(0, sv::ui::JobListModel::TitleColumn).data().toString(), QStringLiteral("Back up web-1"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("serverImageLabel"))->text(), QStringLiteral("ubuntu-22.04"));
    // The attached volume, named from Cinder with its size and device, is listed before the backup starts.
    auto *volumes = window.findChild<QListWidget *>(QStringLiteral("volumesList"));
    QCOMPARE(volumes->count(), 1);
    QCOMPARE(volumes->item(0)->text(), QStringLiteral("web-data — 2 GB, /dev/vdb"));
    // The jobs dock's row shows the download in the middle.
    QTRY_VERIFY_WITH_TIMEOUT(jobs->progress(0).stage == sv::JobStage::Downloading && jobs->progress(0).percent() > 0
                                 && jobs->progress(0).percent() < 100,
                             60000);
    const QString status = jobs->index(0, sv::ui::JobListModel::StatusColumn).data().toString();
    QVERIFY2(status.contains(QStringLiteral("Downloading")), qPrintable(status));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
    const auto result = ended.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    QCOMPARE(jobs->outcome(0), sv::JobOutcome::Succeeded);

    // The progress advanced through the stages, with bytes while downloading.
    const auto sawStage = [&](sv::JobStage stage) {
        return std::any_of(progress.cbegin(), progress.cend(), [&](const sv::JobProgress &p) { return p.stage == stage; });
    };
    QVERIFY(sawStage(sv::JobStage::CreatingSnapshot));
    QVERIFY(sawStage(sv::JobStage::Downloading));
    QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const sv::JobProgress &p) {
        return p.stage == sv::JobStage::Downloading && p.bytesDone > 0 && p.percent() > 0 && p.percent() < 100;
    }));

    // The backup appears in the Backups view, "with data"; the temporary snapshot is gone.
    QTRY_COMPARE_WITH_TIMEOUT(availableBackupsOf(window, kWeb1).size(), 1, 10000);
    m_checkpointId = availableBackupsOf(window, kWeb1).first().id;
    QCOMPARE(m_checkpointId, result.data.value(QStringLiteral("checkpoint_id")).toString());
    sv::ui::BackupsModel *backups = window.backupsModel();
    int row = -1;
    for (int i = 0; i < backups->rowCount(); ++i) {
        if (backups->checkpoints().at(i).id == m_checkpointId)
            row = i;
    }
    QVERIFY(row >= 0);
    QCOMPARE(backups->index(row, sv::ui::BackupsModel::ServerColumn).data().toString(), QStringLiteral("web-1"));
    // With data, and web-1's volume web-data with it.
    QCOMPARE(backups->index(row, sv::ui::BackupsModel::ContentsColumn).data().toString(), QStringLiteral("With data, 1 volume(s)"));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("serverLastBackupLabel"))->text().contains(QStringLiteral("With data")));
    QTRY_VERIFY(m_cloud.leftoverImageIds().isEmpty());
}

void TestCoreBackend::cancelFromTheJobsDockCleansUp()
{
    QVERIFY2(!backupWithData().isEmpty(), "the backup with data to compare against failed");
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(!window.backupsModel()->checkpoints().isEmpty(), 10000);
    const int availableBefore = int(availableBackupsOf(window, kWeb1).size());

    // The snapshot's download crawls, so that Cancel comes in the middle of it.
    fake::FaultSpec slow;
    slow.kind = fake::Fault::Slow;
    slow.bytesPerSecond = 128 * 1024;
    m_cloud.injectFault(slow);
    bool downloading = false;
    connect(m_jobs.get(), &sv::JobManager::jobProgress, this, [&downloading](int, const sv::JobProgress &p) {
        if (p.stage == sv::JobStage::Downloading && p.bytesDone > 0)
            downloading = true;
    });
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    startBackupByClicking(window, QStringLiteral("web-1"), true);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(downloading, 60000);
    QVERIFY(!m_cloud.leftoverImageIds().isEmpty()); // the temporary snapshot exists now

    // Cancel through the dock: the newest job is selected, its Cancel button one click away.
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(cancel->isEnabled());
    QSignalSpy refreshed(m_backend.get(), &sv::ui::Backend::checkpointsReady);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 30000);
    QCOMPARE(ended.first().at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
    QCOMPARE(window.jobsDock()->model()->outcome(0), sv::JobOutcome::Cancelled);

    // Nothing left in the cloud, and no new complete backup in the list.
    QTRY_VERIFY_WITH_TIMEOUT(m_cloud.leftoverImageIds().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10000);
    QCOMPARE(availableBackupsOf(window, kWeb1).size(), availableBefore);
}

void TestCoreBackend::restoreWizardToARunningServer()
{
    // What a user wrote on web-1 and on its volume web-data is in the backup, and must be on the restored
    // server and its restored volume.
    QVERIFY(m_cloud.writeServerDisk(kWeb1, kUserBytesOffset, kUserBytes));
    const QString webData = kWebData; // by id: a restored copy is named web-data too
    QVERIFY(m_cloud.writeVolumeDisk(webData, kUserBytesOffset, kUserBytes));
    m_checkpointId.clear(); // a backup taken after the write
    QVERIFY2(!backupWithData().isEmpty(), "the backup to restore failed");
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Open the tree so that the cloud is signed in (as a user would have it open).
    QVERIFY(findServer(window, QStringLiteral("web-1")).isValid());
    auto *wizard = openRestoreWizard(window, m_checkpointId);
    QVERIFY(wizard);
    QAbstractButton *next = wizard->button(QWizard::NextButton);

    // Page 1: the backup, with data.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::BackupPageId));
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("backupDetailsLabel"))->text().contains(QStringLiteral("With data")));
    QTest::mouseClick(next, Qt::LeftButton);
    // Page 2: the backup's own cloud is the target.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::TargetPageId));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("targetCloudCombo"))->currentData().toString(), m_cloudId);
    QTest::mouseClick(next, Qt::LeftButton);
    // The backup holds web-data: the volumes page, with the server by default, every type known.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::VolumesPageId));
    auto *volumesPage = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(volumesPage->typesLoaded(), 20000);
    QCOMPARE(wizard->findChild<QListWidget *>(QStringLiteral("savedVolumesList"))->item(0)->text().left(22),
             QStringLiteral("web-data — 2 GB, /dev/"));
    QVERIFY(volumesPage->restoreServer());
    QTest::mouseClick(next, Qt::LeftButton);
    // Page 4: the target's flavors and key pairs, defaults from the saved metadata.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::ServerPageId));
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->optionsLoaded(), 20000);
    QVERIFY(wizard->findChild<QComboBox *>(QStringLiteral("flavorCombo"))->currentText().startsWith(QStringLiteral("m1.small")));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("keyPairCombo"))->currentText(), QStringLiteral("demo-key"));
    // Networks and security groups from the target's Neutron; the saved ones are preselected.
    QCOMPARE(page->networkNames(), QStringList{QStringLiteral("private")});
    auto *networks = wizard->findChild<QListWidget *>(QStringLiteral("networksList"));
    QVERIFY(networks->findItems(QStringLiteral("public"), Qt::MatchExactly).isEmpty()); // external: no ports for servers
    auto *groups = wizard->findChild<QListWidget *>(QStringLiteral("securityGroupsList"));
    QStringList checked;
    for (int i = 0; i < groups->count(); ++i) {
        if (groups->item(i)->checkState() == Qt::Checked)
            checked << groups->item(i)->text();
    }
    checked.sort();
    QCOMPARE(checked, (QStringList{QStringLiteral("default"), QStringLiteral("web")}));
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("serverNameEdit"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("web-1-from-ui"));
    QTest::mouseClick(next, Qt::LeftButton);
    // Page 4b: the server's details as the backup saved them (web-1 still runs, so its address is taken:
    // cleared here to let the cloud choose), edited: another tag, one more metadata key.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::DetailsPageId));
    auto *nics = wizard->findChild<QTableWidget *>(QStringLiteral("nicsTable"));
    QCOMPARE(nics->rowCount(), 1);
    QCOMPARE(nics->item(0, 0)->text(), QStringLiteral("private"));
    QVERIFY2(nics->item(0, 1)->text().startsWith(QLatin1String("10.0.0.")), qPrintable(nics->item(0, 1)->text()));
    QCOMPARE(nics->item(0, 2)->text(), QStringLiteral("default, web"));
    nics->item(0, 1)->setText(QString());
    auto *tags = wizard->findChild<QLineEdit *>(QStringLiteral("tagsEdit"));
    QCOMPARE(tags->text(), QStringLiteral("prod"));
    tags->setText(QStringLiteral("prod, restored"));
    auto *metadata = wizard->findChild<QPlainTextEdit *>(QStringLiteral("metadataEdit"));
    QCOMPARE(metadata->toPlainText(), QStringLiteral("role=web"));
    metadata->setPlainText(QStringLiteral("role=web\nrestored-by=ui"));
    QTest::mouseClick(next, Qt::LeftButton);
    // Page 4: the summary.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::SummaryPageId));
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("web-1-from-ui")));
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    QTest::mouseClick(next, Qt::LeftButton);
    // Page 5: it runs to a restored server.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::RunPageId));
    QVERIFY(wizard->jobId() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto result = finished.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    const QString serverId = result.data.value(QStringLiteral("server_id")).toString();
    QVERIFY(!serverId.isEmpty());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text().contains(serverId));
    QVERIFY(wizard->currentPage()->isComplete());

    // The fake cloud runs the new server, and its disk holds what the user had written.
    QCOMPARE(m_cloud.serverIdByName(QStringLiteral("web-1-from-ui")), serverId);
    QTRY_COMPARE_WITH_TIMEOUT(fakeServerStatus(serverId), QStringLiteral("ACTIVE"), 10000);
    QCOMPARE(m_cloud.readServerDisk(serverId, kUserBytesOffset, kUserBytes.size()), kUserBytes);
    QCOMPARE(m_cloud.serverDiskSha256(serverId), m_cloud.serverDiskSha256(kWeb1));
    // The restored volume holds web-data's bytes, and the run page names it.
    const QVariantList volumes = result.data.value(QStringLiteral("volumes")).toList();
    QCOMPARE(volumes.size(), 1);
    const QString restoredVolume = volumes.first().toMap().value(QStringLiteral("id")).toString();
    QVERIFY(!restoredVolume.isEmpty() && restoredVolume != webData);
    QCOMPARE(m_cloud.volumeDiskSha256(restoredVolume), m_cloud.volumeDiskSha256(webData));
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text().contains(restoredVolume));
    // What the details page said reached the cloud: tags, metadata, the NIC with a fresh address.
    const QJsonObject record = m_cloud.serverRecord(serverId);
    QCOMPARE(record.value(QLatin1String("tags")).toArray(), (QJsonArray{QStringLiteral("prod"), QStringLiteral("restored")}));
    QCOMPARE(record.value(QLatin1String("metadata")).toObject().value(QLatin1String("restored-by")).toString(), QStringLiteral("ui"));
    QCOMPARE(record.value(QLatin1String("metadata")).toObject().value(QLatin1String("role")).toString(), QStringLiteral("web"));
    const QJsonArray nicsMade = record.value(QLatin1String("nics")).toArray();
    QCOMPARE(nicsMade.size(), 1);
    QCOMPARE(nicsMade.at(0).toObject().value(QLatin1String("network")).toString(), QStringLiteral("private"));
    QCOMPARE(nicsMade.at(0).toObject().value(QLatin1String("security_groups")).toArray(),
             (QJsonArray{QStringLiteral("default"), QStringLiteral("web")}));
    QVERIFY2(result.data.value(QStringLiteral("warnings")).toStringList().filter(QStringLiteral("is taken")).isEmpty(),
             qPrintable(result.message));
    wizard->accept();
}

// The same backup, restored as volumes only: no server is made, and the new volume holds the bytes.
void TestCoreBackend::restoreOnlyTheVolumesThroughTheWizard()
{
    const QString webData = kWebData; // by id: a restored copy is named web-data too
    QVERIFY(m_cloud.writeVolumeDisk(webData, kUserBytesOffset, QByteArrayLiteral("only the volume\n")));
    m_checkpointId.clear();
    QVERIFY2(!backupWithData().isEmpty(), "the backup to restore failed");
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(findServer(window, QStringLiteral("web-1")).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(window.backupsView()->selectCheckpoint(m_checkpointId), 10000);
    // The Backups tab lists what the backup saved.
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("selectedBackupVolumesLabel"))->text().contains(QStringLiteral("web-data — 2 GB")));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("restoreButton")), Qt::LeftButton);
    auto *wizard = window.findChild<sv::ui::RestoreWizard *>(QStringLiteral("restoreWizard"));
    QVERIFY(wizard);
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::VolumesPageId));
    auto *volumesPage = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(volumesPage->typesLoaded(), 20000);
    wizard->findChild<QRadioButton *>(QStringLiteral("restoreVolumesOnlyRadio"))->click();
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::SummaryPageId));
    const int serversBefore = int(m_cloud.leftoverServerIds().size());
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto result = finished.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    QVERIFY(!result.data.contains(QStringLiteral("server_id")));
    QCOMPARE(int(m_cloud.leftoverServerIds().size()), serversBefore);
    const QVariantList volumes = result.data.value(QStringLiteral("volumes")).toList();
    QCOMPARE(volumes.size(), 1);
    const QString restored = volumes.first().toMap().value(QStringLiteral("id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_cloud.volumeStatus(restored), QStringLiteral("available"), 10000);
    QCOMPARE(m_cloud.volumeDiskSha256(restored), m_cloud.volumeDiskSha256(webData));
    const QString text = wizard->findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral("The volumes were restored: web-data.")) && text.contains(restored), qPrintable(text));
    wizard->accept();
}

// bfv-1 boots from its volume bfv-root: backed up with its data by clicking, then restored through the
// wizard into another project (alice's "other", a second saved cloud) as a new server that boots from
// the restored volume, holding what the user wrote.
void TestCoreBackend::bootFromVolumeServerRoundTrip()
{
    ensureCloudSaved();
    const QString bfv = m_cloud.serverIdByName(QStringLiteral("bfv-1"));
    const QString bfvRoot = m_cloud.volumeIdByName(QStringLiteral("bfv-root"));
    QVERIFY(!bfv.isEmpty() && !bfvRoot.isEmpty());
    QVERIFY(m_cloud.writeVolumeDisk(bfvRoot, kUserBytesOffset, kUserBytes));
    // The target: alice's project "other", saved as a second cloud with its password in the keychain.
    sv::CloudProfile other = demoProfile(m_cloud.authUrl(), sv::CloudProfile::generateId());
    other.name = QStringLiteral("fake-other");
    other.userName = QStringLiteral("alice");
    other.projectName = QStringLiteral("other");
    std::optional<sv::SecretResult> written;
    m_secrets->write(other.id, QStringLiteral("alice-password"), this, [&written](const sv::SecretResult &r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
    QVERIFY2(written->ok(), qPrintable(written->message));
    QString profileError;
    QVERIFY2(m_profiles->add(other, &profileError), qPrintable(profileError));
    const QByteArray rootSha = m_cloud.volumeDiskSha256(bfvRoot);
    QCOMPARE(m_cloud.serverDiskSha256(bfv), rootSha); // the server's disk is its boot volume
    // Earlier tests' restores keep the images their servers boot from: only new ones count.
    const QStringList imagesBefore = m_cloud.leftoverImageIds();
    const auto newImages = [&] {
        QStringList added = m_cloud.leftoverImageIds();
        for (const QString &id : imagesBefore)
            added.removeAll(id);
        return added;
    };

    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    startBackupByClicking(window, QStringLiteral("bfv-1"), true);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
    const auto backup = ended.first().at(1).value<sv::JobResult>();
    QVERIFY2(backup.outcome == sv::JobOutcome::Succeeded, qPrintable(backup.message + QLatin1Char('\n') + backup.details));
    QVERIFY(backup.data.value(QStringLiteral("boot_from_volume")).toBool());
    QCOMPARE(backup.data.value(QStringLiteral("volumes")).toStringList(), QStringList{QStringLiteral("bfv-root")});
    const QString checkpointId = backup.data.value(QStringLiteral("checkpoint_id")).toString();
    QTRY_VERIFY2_WITH_TIMEOUT(newImages().isEmpty() && m_cloud.leftoverSnapshotIds().isEmpty(),
                              qPrintable((newImages() + m_cloud.leftoverSnapshotIds()).join(u' ')), 10000);

    auto *wizard = openRestoreWizard(window, checkpointId);
    QVERIFY(wizard);
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::BackupPageId));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::TargetPageId));
    auto *target = wizard->findChild<QComboBox *>(QStringLiteral("targetCloudCombo"));
    const int otherRow = target->findData(other.id);
    QVERIFY(otherRow >= 0);
    target->setCurrentIndex(otherRow);
    QTest::mouseClick(next, Qt::LeftButton);
    // The boot volume is listed, and the server is restored with it by default.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::VolumesPageId));
    auto *volumesPage = qobject_cast<sv::ui::RestoreVolumesPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(volumesPage->typesLoaded(), 20000);
    const QString listed = wizard->findChild<QListWidget *>(QStringLiteral("savedVolumesList"))->item(0)->text();
    QVERIFY2(listed.startsWith(QStringLiteral("bfv-root — 1 GB")), qPrintable(listed));
    QVERIFY(volumesPage->restoreServer());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::ServerPageId));
    auto *page = qobject_cast<sv::ui::RestoreServerPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->optionsLoaded(), 20000);
    // The other project's network is offered; bfv-1's "private" is not there, so nothing is checked.
    auto *networks = wizard->findChild<QListWidget *>(QStringLiteral("networksList"));
    QVERIFY(page->networkNames().isEmpty());
    const QList<QListWidgetItem *> otherNet = networks->findItems(QStringLiteral("other-net"), Qt::MatchExactly);
    QCOMPARE(otherNet.size(), 1);
    otherNet.constFirst()->setCheckState(Qt::Checked);
    QCOMPARE(page->networkNames(), QStringList{QStringLiteral("other-net")});
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("serverNameEdit"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("bfv-1-from-ui"));
    QTest::mouseClick(next, Qt::LeftButton);
    // The details page: other-net has no saved NIC, so one NIC there without a fixed address.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::DetailsPageId));
    QCOMPARE(wizard->findChild<QTableWidget *>(QStringLiteral("nicsTable"))->rowCount(), 1);
    QCOMPARE(wizard->findChild<QTableWidget *>(QStringLiteral("nicsTable"))->item(0, 1)->text(), QString());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::SummaryPageId));
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::RunPageId));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto result = finished.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));

    // The new server boots from a new volume that holds every byte of bfv-root, the user's included.
    const QString serverId = result.data.value(QStringLiteral("server_id")).toString();
    QCOMPARE(m_cloud.serverIdByName(QStringLiteral("bfv-1-from-ui")), serverId);
    QTRY_COMPARE_WITH_TIMEOUT(fakeServerStatus(serverId), QStringLiteral("ACTIVE"), 10000);
    {
        fake::CloudState &state = m_cloud.state();
        std::lock_guard lock(state.mutex);
        QCOMPARE(state.servers.value(serverId).projectId, QStringLiteral("0f9e8d7c6b5a49382716051423324150")); // "other"
    }
    const QVariantList volumes = result.data.value(QStringLiteral("volumes")).toList();
    QCOMPARE(volumes.size(), 1);
    const QString restoredRoot = volumes.first().toMap().value(QStringLiteral("id")).toString();
    QVERIFY(!restoredRoot.isEmpty() && restoredRoot != bfvRoot);
    QCOMPARE(m_cloud.volumeDiskSha256(restoredRoot), rootSha);
    QCOMPARE(m_cloud.serverDiskSha256(serverId), rootSha);
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text().contains(serverId));
    // A boot-from-volume restore boots from the volume: its temporary image is gone.
    QTRY_VERIFY2_WITH_TIMEOUT(newImages().isEmpty(), qPrintable(newImages().join(u' ')), 10000);
    wizard->accept();
    QSignalSpy secretRemoved(m_profiles.get(), &sv::ProfileStore::secretRemoved);
    QVERIFY(m_profiles->remove(other.id));
    QTRY_COMPARE_WITH_TIMEOUT(secretRemoved.size(), 1, 20000);
}

void TestCoreBackend::guiStallDuringA256MiBBackup()
{
    ensureCloudSaved();
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    sv::test::StallMeter meter;
    meter.start();
    startBackupByClicking(window, QStringLiteral("big-1"), false);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 300000);
    meter.stop();
    const auto result = ended.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    qInfo().noquote() << "GUI thread during a 256 MiB backup:"
                      << QJsonDocument(meter.toJson()).toJson(QJsonDocument::Compact);
    // The goal is < 50 ms (tracked by the bench); this only catches a GUI thread that blocks for real.
    QVERIFY2(meter.maxGapMs() < 2000, qPrintable(QStringLiteral("longest stall %1 ms").arg(meter.maxGapMs())));
}

// The tree and the details pane describe volumes from Cinder (size, device, the boot volume), and the
// restore wizard's volume types come from the target — all answered asynchronously: the GUI thread keeps
// ticking while the cloud answers.
void TestCoreBackend::volumesFromCinderWithoutBlocking()
{
    ensureCloudSaved();
    MainWindow window(m_backend.get(), m_jobs.get());
    QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    sv::test::StallMeter meter;
    meter.start();
    const QModelIndex web = findServer(window, QStringLiteral("web-1"));
    QVERIFY(web.isValid());
    QAbstractItemModel *model = window.tree()->model();
    QCOMPARE(model->rowCount(web), 2);
    QCOMPARE(model->index(0, 0, web).data().toString(), QStringLiteral("Boot image: ubuntu-22.04"));
    QCOMPARE(model->index(1, 0, web).data().toString(), QStringLiteral("web-data — 2 GB, /dev/vdb"));
    const QModelIndex bfv = findServer(window, QStringLiteral("bfv-1"));
    QVERIFY(bfv.isValid());
    QCOMPARE(model->rowCount(bfv), 1);
    QCOMPARE(model->index(0, 0, bfv).data().toString(), QStringLiteral("bfv-root — 1 GB, /dev/vda (boot volume)"));
    QCOMPARE(model->index(0, 1, bfv).data().toString(), QStringLiteral("Boot volume"));
    // A boot-from-volume server can be backed up with its data.
    window.tree()->setCurrentIndex(bfv);
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("backupButton"))->isEnabled());

    QSignalSpy types(m_backend.get(), &sv::ui::Backend::volumeTypesReady);
    QSignalSpy typesFailed(m_backend.get(), &sv::ui::Backend::volumeTypesFailed);
    m_backend->requestVolumeTypes(m_cloudId);
    QVERIFY(types.isEmpty()); // answered later, never while asking
    QTRY_VERIFY_WITH_TIMEOUT(!types.isEmpty() || !typesFailed.isEmpty(), 20000);
    QVERIFY2(typesFailed.isEmpty(), qPrintable(typesFailed.value(0).value(1).toString()));
    const auto list = types.first().at(1).value<QList<sv::ui::VolumeTypeEntry>>();
    QVERIFY(!list.isEmpty());
    QVERIFY(std::all_of(list.cbegin(), list.cend(), [](const sv::ui::VolumeTypeEntry &t) { return !t.name.isEmpty(); }));
    meter.stop();
    QVERIFY2(meter.maxGapMs() < 2000, qPrintable(QStringLiteral("longest stall %1 ms").arg(meter.maxGapMs())));
}

// Export… in the Backups view over the real backend: the file dialog, the job in the jobs dock while the
// window stays responsive, and the files: web-1's root disk as stored (the fake cloud's qcow2 bytes) and its
// volume web-data converted from raw by the real qemu-img, each holding the bytes the backup recorded.
void TestCoreBackend::exportThroughTheBackupsView()
{
    if (sv::ExportJob::qemuImg().isEmpty()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("qemu-img is required under CI=true (Debian package qemu-utils)");
        QSKIP("SKIPPED: qemu-img is not installed (Debian package qemu-utils)");
    }
    QVERIFY2(!backupWithData().isEmpty(), "the backup to export failed");
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.backupsView()->selectCheckpoint(m_checkpointId), 10000);
    auto *button = window.findChild<QPushButton *>(QStringLiteral("exportBackupButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"))) && dialog->isVisible());
    QVERIFY2(dialog->windowTitle().contains(QStringLiteral("web-1")), qPrintable(dialog->windowTitle()));
    QCOMPARE(dialog->nameFilters().size(), 2);
    const QString folder = m_dir.filePath(QStringLiteral("exported"));
    QVERIFY(QDir().mkpath(folder));
    dialog->selectNameFilter(dialog->nameFilters().at(1)); // QCOW2
    dialog->selectFile(folder + QStringLiteral("/web-1.qcow2"));
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    sv::test::StallMeter stalls;
    stalls.start();
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected; this reaches it
    // The job is in the jobs dock; the GUI thread keeps turning while it runs.
    sv::ui::JobListModel *jobs = window.jobsDock()->model();
    QTRY_VERIFY(jobs->rowCount() >= 1);
    QCOMPARE(jobs->index(jobs->rowCount() - 1, sv::ui::JobListModel::TitleColumn).data().toString(),
             QStringLiteral("Export backup %1").arg(m_checkpointId));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
    stalls.stop();
    qInfo("longest GUI stall during the export: %.1f ms", stalls.maxStallMs());
    const auto result = ended.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Exported backup")),
             qPrintable(window.statusBar()->currentMessage()));
    const QVariantList files = result.data.value(QStringLiteral("files")).toList();
    QCOMPARE(files.size(), 2);
    const QVariantMap root = files.at(0).toMap();
    const QVariantMap volume = files.at(1).toMap();
    // The volume is named after the file.
    QCOMPARE(root.value(QStringLiteral("path")).toString(), folder + QStringLiteral("/web-1.qcow2"));
    QCOMPARE(volume.value(QStringLiteral("path")).toString(), folder + QStringLiteral("/web-1-web-data.qcow2"));
    QCOMPARE(volume.value(QStringLiteral("source_format")).toString(), QStringLiteral("raw"));
    QFile rootFile(root.value(QStringLiteral("path")).toString());
    QVERIFY(rootFile.open(QIODevice::ReadOnly));
    QCryptographicHash rootHash(QCryptographicHash::Sha512);
    QVERIFY(rootHash.addData(&rootFile));
    QCOMPARE(QString::fromLatin1(rootHash.result().toHex()), root.value(QStringLiteral("sha512")).toString());
    // The converted volume holds the recorded bytes.
    const QString back = m_dir.filePath(QStringLiteral("web-data-back.raw"));
    QCOMPARE(QProcess::execute(sv::ExportJob::qemuImg(), {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"),
                                                           volume.value(QStringLiteral("path")).toString(), back}),
             0);
    // qcow2 counts whole 512-byte sectors: a volume whose size is not a multiple of 512 comes back
    // padded with zeros to the next sector (README, Exporting a backup to disk files).
    const qint64 size = volume.value(QStringLiteral("size")).toLongLong();
    QFile backFile(back);
    QVERIFY(backFile.open(QIODevice::ReadOnly));
    QCOMPARE(backFile.size(), (size + 511) / 512 * 512);
    QCryptographicHash backHash(QCryptographicHash::Sha512);
    backHash.addData(backFile.read(size));
    QCOMPARE(QString::fromLatin1(backHash.result().toHex()), volume.value(QStringLiteral("sha512")).toString());
    const QByteArray padding = backFile.readAll();
    QCOMPARE(padding, QByteArray(padding.size(), '\0'));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

// Only the image, chosen on the wizard's target page, into another project (alice's "other", a second
// saved cloud): the volumes and server pages are skipped, and the fake cloud then holds one new active
// image with the backup's bytes and the saved properties — and no new server or volume.
void TestCoreBackend::onlyTheImageThroughTheWizard()
{
    m_checkpointId.clear(); // a backup of web-1's disk as it is now (web-1 has its volume web-data)
    QVERIFY2(!backupWithData().isEmpty(), "the backup to restore failed");
    const sv::CloudProfile other = addOtherCloud();
    QVERIFY(!other.id.isEmpty());
    const QStringList serversBefore = m_cloud.leftoverServerIds();
    const QStringList volumesBefore = m_cloud.leftoverVolumeIds();
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *wizard = openRestoreWizard(window, m_checkpointId);
    QVERIFY(wizard);
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::TargetPageId));
    auto *target = wizard->findChild<QComboBox *>(QStringLiteral("targetCloudCombo"));
    target->setCurrentIndex(target->findData(other.id));
    QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("targetProjectLabel"))->text(), QStringLiteral("other"));
    auto *imageOnly = wizard->findChild<QRadioButton *>(QStringLiteral("restoreImageOnlyChoice"));
    QVERIFY(imageOnly->isEnabled());
    QTest::mouseClick(imageOnly, Qt::LeftButton, {}, QPoint(8, imageOnly->height() / 2));
    QVERIFY(imageOnly->isChecked());
    // The image's default name is the CLI's; the user names it.
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("imageNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("web-1-restored-%1").arg(m_checkpointId.left(8)));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("web-1-image-from-ui"));
    // Next waits for the target's session (the keychain answers asynchronously).
    auto *page = qobject_cast<sv::ui::RestoreTargetPage *>(wizard->currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(page->sessionReady() && next->isEnabled(), 20000);
    QTest::mouseClick(next, Qt::LeftButton);
    // No volumes page, no server page: the summary says what will be made.
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::SummaryPageId));
    const QString summary = wizard->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("New image: web-1-image-from-ui")) && summary.contains(QStringLiteral("cloud fake-other"))
                 && summary.contains(QStringLiteral("No server is started and no volume is made"))
                 && summary.contains(QStringLiteral("The 1 volume(s) saved in the backup are not restored")),
             qPrintable(summary));
    QSignalSpy finished(m_jobs.get(), &sv::JobManager::jobFinished);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(sv::ui::RestoreWizard::RunPageId));
    // The restore is a job in the jobs dock.
    QCOMPARE(window.jobsDock()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto result = finished.first().at(1).value<sv::JobResult>();
    QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + QLatin1Char('\n') + result.details));
    const QString imageId = result.data.value(QStringLiteral("image_id")).toString();
    QVERIFY(!imageId.isEmpty());
    const QString text = wizard->findChild<QLabel *>(QStringLiteral("restoreResultLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral("The image “web-1-image-from-ui” was restored (ID %1)").arg(imageId)), qPrintable(text));

    // The fake cloud: the image, active, in project "other", with web-1's disk and the saved properties.
    QCOMPARE(m_cloud.imageIdByName(QStringLiteral("web-1-image-from-ui")), imageId);
    QTRY_COMPARE_WITH_TIMEOUT(m_cloud.imageStatus(imageId), QStringLiteral("active"), 10000);
    QCOMPARE(m_cloud.imageSha256(imageId), m_cloud.serverDiskSha256(kWeb1));
    QCOMPARE(m_cloud.leftoverServerIds(), serversBefore);
    QCOMPARE(m_cloud.leftoverVolumeIds(), volumesBefore);
    {
        fake::CloudState &state = m_cloud.state();
        std::lock_guard lock(state.mutex);
        const fake::Image image = state.images.value(imageId);
        QCOMPARE(image.ownerId, QStringLiteral("0f9e8d7c6b5a49382716051423324150")); // "other"
        QCOMPARE(image.diskFormat, QStringLiteral("qcow2"));
        // ubuntu-22.04's properties, carried by web-1's snapshot into the backup.
        QCOMPARE(image.properties.value(QLatin1String("hw_firmware_type")).toString(), QStringLiteral("uefi"));
        QCOMPARE(image.properties.value(QLatin1String("hw_disk_bus")).toString(), QStringLiteral("scsi"));
        QCOMPARE(image.properties.value(QLatin1String("hw_scsi_model")).toString(), QStringLiteral("virtio-scsi"));
        QCOMPARE(image.properties.value(QLatin1String("os_distro")).toString(), QStringLiteral("ubuntu"));
        QCOMPARE(image.properties.value(QLatin1String("stackvault_restored_from")).toString(), m_checkpointId);
    }
    wizard->accept();
    removeCloud(other.id);
}

// Test Restore… in the Backups view over the real backend: the job runs in the jobs dock while the window
// stays responsive; afterwards the backup's row says "Tested ✓ DATE", or that the test failed and why; and
// whatever happened, nothing the test made is left in the cloud.
void TestCoreBackend::testRestoreFromTheBackupsView_data()
{
    QTest::addColumn<int>("fault"); // -1 none
    QTest::addColumn<QString>("marker");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("why"); // in the failure's tooltip
    QTest::newRow("the server ends in ERROR") << int(fake::Fault::BuildError) << QString() << 600 << false
                                              << QStringLiteral("ERROR");
    QTest::newRow("the console never shows the marker") << int(fake::Fault::BootHangs) << QStringLiteral("login:") << 3
                                                        << false << QStringLiteral("did not show \"login:\" within 3 s");
    QTest::newRow("boots to its login prompt") << -1 << QStringLiteral("login:") << 600 << true << QString();
}

void TestCoreBackend::testRestoreFromTheBackupsView()
{
    QFETCH(int, fault);
    QFETCH(QString, marker);
    QFETCH(int, timeout);
    QFETCH(bool, passes);
    QFETCH(QString, why);
    QVERIFY2(!backupWithData().isEmpty(), "the backup to test failed");
    const QStringList before = madeInTheCloud(); // what earlier tests restored stays

    if (fault >= 0) {
        fake::FaultSpec spec;
        spec.kind = fake::Fault::Kind(fault);
        m_cloud.injectFault(spec);
    }
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The result recorded before (an earlier row's): the row must show a newer one.
    sv::ui::BackupsModel *backups = window.backupsModel();
    QTRY_VERIFY_WITH_TIMEOUT(backups->rowOf(m_checkpointId) >= 0, 10000);
    const QDateTime previous = backups->checkpoints().at(backups->rowOf(m_checkpointId)).restoreTest.testedAt;
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    sv::test::StallMeter stalls;
    stalls.start();
    startTestRestoreByClicking(window, m_checkpointId, marker, timeout);
    if (QTest::currentTestFailed())
        return;
    sv::ui::JobListModel *jobs = window.jobsDock()->model();
    QTRY_VERIFY(jobs->rowCount() >= 1);
    QCOMPARE(jobs->index(jobs->rowCount() - 1, sv::ui::JobListModel::TitleColumn).data().toString(),
             QStringLiteral("Test restore of backup %1").arg(m_checkpointId.left(8)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
    stalls.stop();
    QVERIFY2(stalls.maxGapMs() < 2000, qPrintable(QStringLiteral("longest stall %1 ms").arg(stalls.maxGapMs())));
    const auto result = ended.first().at(1).value<sv::JobResult>();
    QCOMPARE(result.outcome, passes ? sv::JobOutcome::Succeeded : sv::JobOutcome::Failed);
    if (!passes)
        QVERIFY2(result.message.contains(why) && result.message.contains(m_checkpointId), qPrintable(result.message));

    // The row shows the result recorded in the backup once the list is read again.
    const auto testedNow = [&] {
        const int row = backups->rowOf(m_checkpointId);
        const QDateTime at = row >= 0 ? backups->checkpoints().at(row).restoreTest.testedAt : QDateTime();
        return at.isValid() && (!previous.isValid() || at > previous);
    };
    QTRY_VERIFY_WITH_TIMEOUT(testedNow(), 10000);
    const int row = backups->rowOf(m_checkpointId);
    const QModelIndex cell = backups->index(row, sv::ui::BackupsModel::RestoreTestColumn);
    const QString shown = cell.data().toString();
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    if (passes) {
        QVERIFY2(shown.startsWith(QStringLiteral("Tested ✓ ")), qPrintable(shown));
        QVERIFY2(tip.contains(QStringLiteral("console log showed \"login:\"")), qPrintable(tip));
    } else {
        QVERIFY2(shown.startsWith(QStringLiteral("Test failed ")), qPrintable(shown));
        QVERIFY2(tip.contains(why), qPrintable(tip));
    }
    // Nothing the test made is left: no scratch server, image or volume.
    QTRY_COMPARE_WITH_TIMEOUT(madeInTheCloud(), before, 10000);
}

// Cancelled from the jobs dock while it waits for the marker: the job ends Cancelled, removes what it made,
// and records nothing (the backup's restore test stays what it was).
void TestCoreBackend::cancelledTestRestoreCleansUp()
{
    QVERIFY2(!backupWithData().isEmpty(), "the backup to test failed");
    const QStringList before = madeInTheCloud();
    fake::FaultSpec hang;
    hang.kind = fake::Fault::BootHangs;
    m_cloud.injectFault(hang);
    MainWindow window(m_backend.get(), m_jobs.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.backupsModel()->rowOf(m_checkpointId) >= 0, 10000);
    const sv::RestoreTestRecord recorded =
        window.backupsModel()->checkpoints().at(window.backupsModel()->rowOf(m_checkpointId)).restoreTest;
    bool waitingForBoot = false;
    connect(m_jobs.get(), &sv::JobManager::jobProgress, this, [&waitingForBoot](int, const sv::JobProgress &p) {
        if (p.stage == sv::JobStage::WaitingForBoot)
            waitingForBoot = true;
    });
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    startTestRestoreByClicking(window, m_checkpointId, QStringLiteral("login:"), 600);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(waitingForBoot, 60000);
    QVERIFY(madeInTheCloud() != before); // the scratch server exists now
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(cancel->isEnabled());
    QSignalSpy listed(m_backend.get(), &sv::ui::Backend::checkpointsReady);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 60000);
    QCOMPARE(ended.first().at(1).value<sv::JobResult>().outcome, sv::JobOutcome::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(madeInTheCloud(), before, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
    const int row = window.backupsModel()->rowOf(m_checkpointId);
    QVERIFY(row >= 0);
    const sv::RestoreTestRecord after = window.backupsModel()->checkpoints().at(row).restoreTest;
    QCOMPARE(after.testedAt, recorded.testedAt);
    QCOMPARE(after.passed, recorded.passed);
}

QTEST_MAIN(TestCoreBackend)
#include "tst_corebackend.moc"
