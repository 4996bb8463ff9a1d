#include "bank/localbank.h"
#include "demoprofile.h"
#include "backups/backupsmodel.h"
#include "backups/backupsview.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "common/messagebox.h"
#include "details/serverdetailswidget.h"
#include "dialogs/helpdialog.h"
#include "fakebackend.h"
#include "fakecloud.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "dialogs/testrestoredialog.h"
#include "mainwindow.h"
#include "openstack/session.h"
#include "protection/backupjob.h"
#include "qtmessagerecorder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QComboBox>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using sv::ui::MainWindow;

static QString windowStateFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/window-state.conf");
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void skeletonAndShortcuts();
    void clickThroughBackup();
    void backUpWithChosenVolumes();
    void bootFromVolumeNeedsItsData();
    void unreachableCloudShowsRetry();
    void filterBox();
    void deleteAsksFirst();
    void exportAsksForAFile_data();
    void exportAsksForAFile();
    void exportFilterChangesTheSuffix_data();
    void exportFilterChangesTheSuffix();
    void testRestoreDialogAsksForTheCloudFirst();
    void stateIsPersisted();
    void helpExplainsIncludeServerData();
    void theOnlyCloudOpensExpanded();
    void severalCloudsStayClosed();
    void closingWithJobsRunningAsks();
    void closingDuringABackupCleansUpThenQuits();

private:
    void setUpCloud();
    QModelIndex findServer(MainWindow &window, const QString &name);

    FakeBackend *m_backend = nullptr;
    sv::JobManager *m_jobs = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("StackVault"));
    sv::ui::initResources();
}

void TestMainWindow::init()
{
    QFile::remove(windowStateFile());
    delete m_backend;
    delete m_jobs;
    m_backend = new FakeBackend;
    m_jobs = new sv::JobManager;
    m_backend->jobOptions.steps = 20;
    m_backend->jobOptions.stepMs = 10;
    setUpCloud();
}

void TestMainWindow::setUpCloud()
{
    m_backend->cloudList = {{QStringLiteral("c1"), QStringLiteral("demo"), QStringLiteral("demo"), QStringLiteral("RegionOne")}};
    m_backend->servers[QStringLiteral("c1")] = {
        FakeBackend::server(QStringLiteral("s1"), QStringLiteral("web-1")),
        FakeBackend::server(QStringLiteral("s2"), QStringLiteral("db-1"), QStringLiteral("SHUTOFF")),
        FakeBackend::volumeServer(QStringLiteral("s3"), QStringLiteral("vol-1")),
    };
}

QModelIndex TestMainWindow::findServer(MainWindow &window, const QString &name)
{
    QTreeView *tree = window.tree();
    QAbstractItemModel *model = tree->model();
    const QModelIndex cloud = model->index(0, 0);
    tree->expand(cloud);
    // A hidden view lays out (and so fetches) lazily; ask as the view would.
    if (model->canFetchMore(cloud))
        model->fetchMore(cloud);
    if (!QTest::qWaitFor([&] {
            return window.treeModel()->fetchState(QStringLiteral("c1")) == sv::ui::CloudTreeModel::FetchState::Fetched;
        }))
        return {};
    for (int row = 0; row < model->rowCount(cloud); ++row) {
        const QModelIndex index = model->index(row, 0, cloud);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

void TestMainWindow::skeletonAndShortcuts()
{
    MainWindow window(m_backend, m_jobs);
    for (const char *name : {"cloudTree", "filterEdit", "serverDetails", "backupsPane", "jobsDock", "mainTabs",
                             "includeDataCheck", "backupButton", "jobsView", "backupsView"})
        QVERIFY2(window.findChild<QWidget *>(QLatin1String(name)), name);
    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
    auto *prefs = window.findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(quit && refresh && prefs);
    QCOMPARE(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    QCOMPARE(refresh->shortcut(), QKeySequence(QStringLiteral("F5")));
    QVERIFY(!prefs->shortcut().isEmpty());
    QSignalSpy prefsSpy(&window, &MainWindow::preferencesRequested);
    prefs->trigger();
    QCOMPARE(prefsSpy.size(), 1);
    auto *help = window.findChild<QLabel *>(QStringLiteral("includeDataHelp"));
    QVERIFY(help->text().contains(QStringLiteral("Takes snapshots first")));
}

void TestMainWindow::clickThroughBackup()
{
    MainWindow window(m_backend, m_jobs);
    QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QModelIndex web = findServer(window, QStringLiteral("web-1"));
    QVERIFY(web.isValid());
    window.tree()->setCurrentIndex(web);
    auto *details = window.details();
    QCOMPARE(details->server().id, QStringLiteral("s1"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("serverNameLabel"))->text(), QStringLiteral("web-1"));
    auto *check = window.findChild<QCheckBox *>(QStringLiteral("includeDataCheck"));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("backupButton"));
    QVERIFY(check->isChecked()); // the default: enable_server_snapshot = true
    QVERIFY(button->isEnabled());
    // Toggle off and on again (a real click), then back up.
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    QVERIFY(!check->isChecked());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    QVERIFY(check->isChecked());

    QSignalSpy ended(&window, &MainWindow::jobEnded);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_backend->backups.size(), 1);
    QCOMPARE(m_backend->backups.first(), qMakePair(QStringLiteral("s1"), true));
    sv::ui::JobListModel *jobs = window.jobsDock()->model();
    QCOMPARE(jobs->rowCount(), 1);
    QTRY_VERIFY(jobs->progress(0).percent() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QCOMPARE(jobs->outcome(0), sv::JobOutcome::Succeeded);

    // The backup appears in the Backups view, "with data".
    sv::ui::BackupsModel *backups = window.backupsModel();
    QTRY_COMPARE(backups->rowCount(), 1);
    QCOMPARE(backups->index(0, sv::ui::BackupsModel::ContentsColumn).data().toString(), QStringLiteral("With data"));
    QCOMPARE(backups->index(0, sv::ui::BackupsModel::ServerColumn).data().toString(), QStringLiteral("web-1"));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("serverLastBackupLabel"))->text().contains(QStringLiteral("With data")));
}

void TestMainWindow::backUpWithChosenVolumes()
{
    m_backend->servers[QStringLiteral("c1")].append(FakeBackend::serverWithVolume(QStringLiteral("s4"), QStringLiteral("postgres-primary")));
    MainWindow window(m_backend, m_jobs);
    QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setVolumesDefault(*sv::VolumeSelection::parse(QStringLiteral("none"), nullptr));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QModelIndex pg = findServer(window, QStringLiteral("postgres-primary"));
    QVERIFY(pg.isValid());
    // Its boot image, then its data volume with size and device.
    QCOMPARE(window.tree()->model()->rowCount(pg), 2);
    QCOMPARE(window.tree()->model()->index(1, 0, pg).data().toString(), QStringLiteral("db-data — 100 GB, /dev/vdb"));
    // Selecting the volume row shows its server, with the volume unchecked as the setting says.
    window.tree()->setCurrentIndex(window.tree()->model()->index(1, 0, pg));
    QCOMPARE(window.details()->server().id, QStringLiteral("s4"));
    auto *list = window.findChild<QListWidget *>(QStringLiteral("volumesList"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
    // The menu's Back Up Server asks for what the pane shows: first no volume, then the checked one.
    auto *action = window.findChild<QAction *>(QStringLiteral("backupAction"));
    QVERIFY(action->isEnabled());
    action->trigger();
    list->item(0)->setCheckState(Qt::Checked);
    window.findChild<QPushButton *>(QStringLiteral("backupButton"))->click();
    QCOMPARE(m_backend->backupVolumes.size(), 2);
    QCOMPARE(m_backend->backupVolumes.at(0).mode, sv::VolumeSelection::Mode::None);
    QCOMPARE(m_backend->backupVolumes.at(1).mode, sv::VolumeSelection::Mode::Named);
    QCOMPARE(m_backend->backupVolumes.at(1).names, QStringList{QStringLiteral("data-s4")});
    QCOMPARE(m_backend->backups.at(1), qMakePair(QStringLiteral("s4"), true));
}

void TestMainWindow::bootFromVolumeNeedsItsData()
{
    MainWindow window(m_backend, m_jobs);
    const QModelIndex vol = findServer(window, QStringLiteral("vol-1"));
    QVERIFY(vol.isValid());
    // Its children are its volumes, not an image; the boot volume first and marked.
    QCOMPARE(window.tree()->model()->rowCount(vol), 2);
    const QModelIndex boot = window.tree()->model()->index(0, 0, vol);
    QCOMPARE(sv::ui::CloudTreeModel::NodeKind(boot.data(sv::ui::KindRole).toInt()), sv::ui::CloudTreeModel::NodeKind::Volume);
    QCOMPARE(boot.data().toString(), QStringLiteral("vol-1-root — 20 GB, /dev/vda (boot volume)"));
    window.tree()->setCurrentIndex(vol);
    auto *button = window.findChild<QPushButton *>(QStringLiteral("backupButton"));
    auto *action = window.findChild<QAction *>(QStringLiteral("backupAction"));
    auto *check = window.findChild<QCheckBox *>(QStringLiteral("includeDataCheck"));
    // With its data it backs up from snapshots of its volumes.
    QVERIFY(check->isChecked());
    QVERIFY(button->isEnabled());
    QVERIFY(action->isEnabled());
    // Without, there is nothing to save: the button and the menu item say no, and the pane says why.
    check->setChecked(false);
    QVERIFY(!button->isEnabled());
    QVERIFY(!action->isEnabled());
    auto *why = window.findChild<QLabel *>(QStringLiteral("notBackupableLabel"));
    QVERIFY(why->text().contains(QStringLiteral("boots from a volume")));
    action->trigger();
    QVERIFY(m_backend->backups.isEmpty());
    check->setChecked(true);
    QVERIFY(action->isEnabled());
}

void TestMainWindow::unreachableCloudShowsRetry()
{
    m_backend->failures.insert(QStringLiteral("c1"), QStringLiteral("Connection refused"));
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModel *model = window.tree()->model();
    const QModelIndex cloud = model->index(0, 0);
    window.tree()->expand(cloud);
    QTRY_COMPARE(window.treeModel()->fetchState(QStringLiteral("c1")), sv::ui::CloudTreeModel::FetchState::Failed);
    QCOMPARE(model->rowCount(cloud), 1);
    const QModelIndex error = model->index(0, 0, cloud);
    QVERIFY(error.data().toString().contains(QStringLiteral("Connection refused")));
    window.tree()->setCurrentIndex(error);
    auto *retry = window.findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry);
    // The details pane shows the error page with its Retry button (the window is on screen).
    QTRY_VERIFY(retry->isVisible());
    QVERIFY(retry->isEnabled());
    m_backend->failures.clear();
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE(window.treeModel()->fetchState(QStringLiteral("c1")), sv::ui::CloudTreeModel::FetchState::Fetched);
    QCOMPARE(model->rowCount(cloud), 3);
    QCOMPARE(m_backend->serverRequests.value(QStringLiteral("c1")), 2);
}

void TestMainWindow::filterBox()
{
    MainWindow window(m_backend, m_jobs);
    QVERIFY(findServer(window, QStringLiteral("web-1")).isValid());
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QTest::keyClicks(filter, QStringLiteral("db"));
    QCOMPARE(filter->text(), QStringLiteral("db"));
    QAbstractItemModel *model = window.tree()->model();
    QCOMPARE(model->rowCount(model->index(0, 0)), 1);
    QCOMPARE(model->index(0, 0, model->index(0, 0)).data().toString(), QStringLiteral("db-1"));
    filter->clear();
    QCOMPARE(model->rowCount(model->index(0, 0)), 3);
}

void TestMainWindow::deleteAsksFirst()
{
    sv::ui::CheckpointEntry cp;
    cp.id = QStringLiteral("cp1");
    cp.serverId = QStringLiteral("s1");
    cp.serverName = QStringLiteral("web-1");
    cp.status = QStringLiteral("available");
    cp.created = QDateTime::currentDateTimeUtc();
    m_backend->checkpoints = {cp};
    MainWindow window(m_backend, m_jobs);
    QTRY_COMPARE(window.backupsModel()->rowCount(), 1);
    QVERIFY(window.backupsView()->selectCheckpoint(QStringLiteral("cp1")));
    auto *del = window.findChild<QPushButton *>(QStringLiteral("deleteBackupButton"));
    QVERIFY(del->isEnabled());
    // "Cancel" keeps it.
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(del, Qt::LeftButton);
    QVERIFY(sv::ui::MessageBox::lastText().contains(QStringLiteral("web-1")));
    QCOMPARE(window.jobsDock()->model()->rowCount(), 0);
    // "Yes" deletes it through a job; the list is refreshed afterwards.
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(del, Qt::LeftButton);
    QCOMPARE(window.jobsDock()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
    QTRY_COMPARE(window.backupsModel()->rowCount(), 0);
}

void TestMainWindow::exportAsksForAFile_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("filter"); // 0 raw, 1 qcow2
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::newRow("qcow2 suffix") << QStringLiteral("disk.qcow2") << 0 << QStringLiteral("disk.qcow2") << QStringLiteral("qcow2");
    QTest::newRow("the suffix wins over the filter") << QStringLiteral("disk.img") << 1 << QStringLiteral("disk.img") << QStringLiteral("raw");
    QTest::newRow("no suffix: raw's is added") << QStringLiteral("disk") << 0 << QStringLiteral("disk.raw") << QStringLiteral("raw");
}

void TestMainWindow::exportAsksForAFile()
{
    QFETCH(QString, typed);
    QFETCH(int, filter);
    QFETCH(QString, path);
    QFETCH(QString, format);
    sv::ui::CheckpointEntry cp;
    cp.id = QStringLiteral("cp1");
    cp.serverId = QStringLiteral("s1");
    cp.serverName = QStringLiteral("web-1");
    cp.status = QStringLiteral("available");
    cp.created = QDateTime::currentDateTimeUtc();
    m_backend->checkpoints = {cp};
    m_backend->exportRequests.clear();
    QTemporaryDir folder;
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.backupsModel()->rowCount(), 1);
    QVERIFY(window.backupsView()->selectCheckpoint(QStringLiteral("cp1")));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("exportBackupButton")), Qt::LeftButton);
    auto *dialog = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Export Backup of “web-1”"));
    QVERIFY2(dialog->selectedFiles().value(0).contains(QStringLiteral("web-1-")), qPrintable(dialog->selectedFiles().value(0)));
    dialog->selectNameFilter(dialog->nameFilters().at(filter));
    dialog->selectFile(folder.filePath(typed));
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    static_cast<QDialog *>(dialog)->accept();
    QCOMPARE(m_backend->exportRequests.size(), 1);
    QCOMPARE(m_backend->exportRequests.first(), (QStringList{QStringLiteral("cp1"), folder.filePath(path), format}));
    QCOMPARE(window.jobsDock()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
}

// Choosing a format in the file dialog's filter box (by keyboard, as a user's click does) changes the
// suffix of the name in the dialog, whatever the suffix was, and the chosen format is exported.
void TestMainWindow::exportFilterChangesTheSuffix_data()
{
    QTest::addColumn<QString>("typed"); // "" keeps the proposed name (web-1-DATE.raw)
    QTest::addColumn<int>("filter");    // 0 raw, 1 qcow2: chosen after the name
    QTest::addColumn<QString>("shown"); // the name field afterwards ("*" stands for the proposed name's stem)
    QTest::addColumn<QString>("format");
    QTest::newRow("proposed name, qcow2 chosen") << QString() << 1 << QStringLiteral("*.qcow2") << QStringLiteral("qcow2");
    QTest::newRow(".raw, qcow2 chosen") << QStringLiteral("disk.raw") << 1 << QStringLiteral("disk.qcow2") << QStringLiteral("qcow2");
    QTest::newRow(".img, qcow2 chosen") << QStringLiteral("disk.img") << 1 << QStringLiteral("disk.qcow2") << QStringLiteral("qcow2");
    QTest::newRow(".qcow2, raw chosen") << QStringLiteral("disk.qcow2") << 0 << QStringLiteral("disk.raw") << QStringLiteral("raw");
    QTest::newRow("another suffix, qcow2 chosen") << QStringLiteral("disk.bin") << 1 << QStringLiteral("disk.qcow2") << QStringLiteral("qcow2");
    QTest::newRow("no suffix, qcow2 chosen") << QStringLiteral("disk") << 1 << QStringLiteral("disk") << QStringLiteral("qcow2");
}

void TestMainWindow::exportFilterChangesTheSuffix()
{
    QFETCH(QString, typed);
    QFETCH(int, filter);
    QFETCH(QString, shown);
    QFETCH(QString, format);
    sv::ui::CheckpointEntry cp;
    cp.id = QStringLiteral("cp1");
    cp.serverId = QStringLiteral("s1");
    cp.serverName = QStringLiteral("web-1");
    cp.status = QStringLiteral("available");
    cp.created = QDateTime::currentDateTimeUtc();
    m_backend->checkpoints = {cp};
    m_backend->exportRequests.clear();
    QTemporaryDir folder;
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.backupsModel()->rowCount(), 1);
    QVERIFY(window.backupsView()->selectCheckpoint(QStringLiteral("cp1")));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("exportBackupButton")), Qt::LeftButton);
    auto *dialog = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString stem = QFileInfo(dialog->selectedFiles().value(0)).completeBaseName();
    dialog->setDirectory(folder.path());
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    auto *types = dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
    QVERIFY(name && types);
    if (typed.isEmpty())
        QCOMPARE(name->text(), stem + QStringLiteral(".raw"));
    if (!typed.isEmpty()) {
        name->selectAll();
        QTest::keyClicks(name, typed);
    }
    QVERIFY2(stem.startsWith(QStringLiteral("web-1-")), qPrintable(stem));
    // The box starts at raw; a user picks the other entry (Down/Up emit activated(), as a click does).
    types->setFocus();
    if (filter == 1) {
        QCOMPARE(types->currentIndex(), 0);
        QTest::keyClick(types, Qt::Key_Down);
    } else {
        QTest::keyClick(types, Qt::Key_Down);
        QTest::keyClick(types, Qt::Key_Up);
    }
    QCOMPARE(types->currentIndex(), filter);
    const QString expected = QString(shown).replace(QLatin1Char('*'), stem);
    QCOMPARE(name->text(), expected);
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    static_cast<QDialog *>(dialog)->accept();
    QCOMPARE(m_backend->exportRequests.size(), 1);
    // A name without a suffix gets the chosen format's when accepted.
    const QString accepted = QFileInfo(expected).suffix().isEmpty() ? expected + QLatin1Char('.') + format : expected;
    QCOMPARE(m_backend->exportRequests.first(), (QStringList{QStringLiteral("cp1"), folder.filePath(accepted), format}));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
}

// Test Restore… in the Backups view: the dialog asks for the cloud's session first; a cloud that cannot be
// signed in to is said in the dialog, which stays open; then the test runs in the jobs dock with the marker
// and the time to wait for it, and the backups are listed again when it ends.
void TestMainWindow::testRestoreDialogAsksForTheCloudFirst()
{
    sv::ui::CheckpointEntry cp;
    cp.id = QStringLiteral("cp1-0000-test");
    cp.cloudId = QStringLiteral("c1");
    cp.serverId = QStringLiteral("s1");
    cp.serverName = QStringLiteral("web-1");
    cp.status = QStringLiteral("available");
    cp.created = QDateTime::currentDateTimeUtc();
    m_backend->checkpoints = {cp};
    m_backend->cloudList.append({QStringLiteral("c2"), QStringLiteral("other"), QStringLiteral("other"), QString()});
    m_backend->failures.insert(QStringLiteral("c2"), QStringLiteral("No password is stored for cloud other."));
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.backupsModel()->rowCount(), 1);
    QVERIFY(window.backupsView()->selectCheckpoint(cp.id));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("testRestoreButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = window.findChild<sv::ui::TestRestoreDialog *>(QStringLiteral("testRestoreDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *cloud = dialog->findChild<QComboBox *>(QStringLiteral("testRestoreCloudCombo"));
    auto *marker = dialog->findChild<QLineEdit *>(QStringLiteral("testRestoreMarkerEdit"));
    auto *timeout = dialog->findChild<QSpinBox *>(QStringLiteral("testRestoreTimeoutSpin"));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startTestRestoreButton"));
    QVERIFY(cloud && marker && timeout && start);
    QCOMPARE(cloud->currentData().toString(), QStringLiteral("c1")); // the backup's own cloud
    QVERIFY(!timeout->isEnabled()); // only with a marker
    QTest::keyClicks(marker, QStringLiteral("login:"));
    QVERIFY(timeout->isEnabled());
    timeout->setValue(42);

    // A cloud without its password: said in the dialog, no job.
    cloud->setCurrentIndex(cloud->findData(QStringLiteral("c2")));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!start->isEnabled()); // waiting for the keychain
    QTRY_VERIFY(start->isEnabled());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("No password is stored for cloud other.")), qPrintable(dialog->statusText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(m_backend->testRestoreRequests.isEmpty());

    cloud->setCurrentIndex(cloud->findData(QStringLiteral("c1")));
    QSignalSpy ended(&window, &MainWindow::jobEnded);
    QSignalSpy listed(m_backend, &sv::ui::Backend::checkpointsReady);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE(m_backend->testRestoreRequests.size(), 1);
    QVERIFY(!dialog->isVisible() || QTest::qWaitFor([&] { return !window.findChild<sv::ui::TestRestoreDialog *>(); }));
    const sv::ui::TestRestoreRequest request = m_backend->testRestoreRequests.first();
    QCOMPARE(request.checkpointId, cp.id);
    QCOMPARE(request.targetCloudId, QStringLiteral("c1"));
    QCOMPARE(request.marker, QStringLiteral("login:"));
    QCOMPARE(request.markerTimeoutSeconds, 42);
    QCOMPARE(window.jobsDock()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
    QTRY_VERIFY(!listed.isEmpty()); // the Backups view asks again: the result is in the backup now
}

void TestMainWindow::stateIsPersisted()
{
    QList<int> sizes;
    {
        MainWindow window(m_backend, m_jobs);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({300, 600});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow again(m_backend, m_jobs);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    QVERIFY(QSettings(windowStateFile(), QSettings::IniFormat).contains(QStringLiteral("MainWindow/geometry")));
}

void TestMainWindow::helpExplainsIncludeServerData()
{
    MainWindow window(m_backend, m_jobs);
    auto *help = window.findChild<QAction *>(QStringLiteral("helpAction"));
    QVERIFY(help);
    QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
    help->trigger();
    auto *dialog = window.findChild<sv::ui::HelpDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    const QString text = dialog->browser()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("Include server data")));
    QVERIFY(text.contains(QStringLiteral("enable_server_snapshot")));
    QVERIFY(text.contains(QStringLiteral("--no-include-data")));
    QVERIFY(text.contains(QStringLiteral("Cancel Jobs and Quit")));
    QVERIFY(text.contains(QStringLiteral("back_up_volumes")));
    QVERIFY(text.contains(QStringLiteral("or only the volumes")));
    QVERIFY(text.contains(QStringLiteral("A new backup storage is encrypted")));
    QVERIFY(text.contains(QStringLiteral("stackvault-cli key")));
}

// A first run (scripts/demo): the one saved cloud shows its servers without a click.
void TestMainWindow::theOnlyCloudOpensExpanded()
{
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModel *model = window.tree()->model();
    const QModelIndex cloud = model->index(0, 0);
    QVERIFY(window.tree()->isExpanded(cloud));
    QTRY_COMPARE(window.treeModel()->fetchState(QStringLiteral("c1")), sv::ui::CloudTreeModel::FetchState::Fetched);
    QCOMPARE(model->rowCount(cloud), 3);
    QCOMPARE(m_backend->serverRequests.value(QStringLiteral("c1")), 1);
    // The server rows are laid out: the view can show them.
    QVERIFY(window.tree()->visualRect(model->index(0, 0, cloud)).isValid());
}

void TestMainWindow::severalCloudsStayClosed()
{
    m_backend->cloudList.append({QStringLiteral("c2"), QStringLiteral("other"), QStringLiteral("other"), QStringLiteral("RegionOne")});
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    QAbstractItemModel *model = window.tree()->model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(!window.tree()->isExpanded(model->index(0, 0)));
    QVERIFY(!window.tree()->isExpanded(model->index(1, 0)));
    QVERIFY(m_backend->serverRequests.isEmpty()); // no sign-in to clouds nobody opened
}

void TestMainWindow::closingWithJobsRunningAsks()
{
    m_backend->jobOptions.steps = 100000; // runs until cancelled
    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startBackup(QStringLiteral("c1"), FakeBackend::server(QStringLiteral("s1"), QStringLiteral("web-1")), true));
    QTRY_COMPARE(m_jobs->runningCount(), 1);

    // "Keep Running": the window stays, the job goes on.
    sv::ui::MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!window.close());
    QVERIFY2(sv::ui::MessageBox::lastText().contains(QStringLiteral("still running")), qPrintable(sv::ui::MessageBox::lastText()));
    QVERIFY(window.isVisible());
    QVERIFY(!window.isCleaningUpToQuit());
    QCOMPARE(m_jobs->runningCount(), 1);
    QVERIFY(!m_jobs->isShuttingDown());

    // Ctrl+Q asks the same question; Escape (the default answer) keeps running too.
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    window.findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    QVERIFY(window.isVisible());
    QCOMPARE(m_jobs->runningCount(), 1);

    // With no job left, the window closes without asking.
    m_jobs->cancelAll();
    QTRY_COMPARE(m_jobs->runningCount(), 0);
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes); // would cancel and quit, if it were asked
    QVERIFY(window.close());
    QVERIFY(!m_jobs->isShuttingDown());
}

// The issue's "Done when": closing the window during a real backup against the fake cloud asks; "Cancel
// Jobs and Quit" lets the backup delete its temporary snapshot (a visible "Cleaning up…" meanwhile)
// before the window closes, and Qt prints no threading warning on the way.
void TestMainWindow::closingDuringABackupCleansUpThenQuits()
{
    QtMessageRecorder messages;
    fake::FakeCloud cloud;
    QString error;
    QVERIFY2(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"), &error),
             qPrintable(error));
    QVERIFY(cloud.start());
    QTemporaryDir dir;
    auto bank = std::make_shared<sv::LocalBank>(dir.filePath(QStringLiteral("bank")));
    sv::BankError bankError;
    QVERIFY2(bank->open(&bankError), qPrintable(bankError.message));
    const auto session = sv::openstack::Session::create(demoProfile(cloud.authUrl(), QStringLiteral("c1")),
                                                        QStringLiteral("demo-password"));
    m_backend->backupJobFactory = [&](const sv::ui::ServerEntry &server, bool includeData) {
        sv::BackupRequest request;
        request.session = session;
        request.bank = bank;
        request.server = server.id;
        request.serverLabel = server.name;
        request.enableServerSnapshot = includeData;
        request.volumes = sv::VolumeSelection::none(); // the root disk alone: the test counts its one snapshot
        request.poll = {std::chrono::milliseconds(50), std::chrono::milliseconds(200)};
        return new sv::BackupJob(std::move(request));
    };
    const QString web1 = cloud.serverIdByName(QStringLiteral("web-1"));
    QVERIFY(!web1.isEmpty());

    MainWindow window(m_backend, m_jobs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The snapshot's download crawls, so that the window is closed in the middle of it.
    fake::FaultSpec slow;
    slow.kind = fake::Fault::Slow;
    slow.bytesPerSecond = 128 * 1024;
    cloud.injectFault(slow);
    bool downloading = false;
    connect(m_jobs, &sv::JobManager::jobProgress, this, [&downloading](int, const sv::JobProgress &p) {
        if (p.stage == sv::JobStage::Downloading && p.bytesDone > 0)
            downloading = true;
    });
    QVERIFY(window.startBackup(QStringLiteral("c1"), FakeBackend::server(web1, QStringLiteral("web-1")), true));
    QTRY_VERIFY_WITH_TIMEOUT(downloading, 60000);
    QCOMPARE(cloud.leftoverImageIds().size(), 1); // the temporary snapshot
    // Glance is briefly unavailable: deleting the snapshot takes a retry (~1 s), so the wait shows.
    fake::FaultSpec busy;
    busy.kind = fake::Fault::Unavailable;
    busy.method = QStringLiteral("DELETE");
    busy.path = QStringLiteral("/images/");
    busy.retryAfter = 1;
    cloud.injectFault(busy);

    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes); // "Cancel Jobs and Quit"
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!window.close()); // not yet: the job cleans up first
    QVERIFY(window.isVisible());
    QVERIFY(window.isCleaningUpToQuit());
    auto *status = window.findChild<QLabel *>(QStringLiteral("quitStatusLabel"));
    QVERIFY(status && status->isVisible());
    QVERIFY2(status->text().startsWith(QStringLiteral("Cleaning up…")), qPrintable(status->text()));
    sv::ui::JobListModel *jobs = window.jobsDock()->model();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->progress(0).stage, sv::JobStage::CleaningUp, 10000);
    QVERIFY(window.isVisible());
    QVERIFY(!window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->isEnabled());

    // The window closes by itself once the snapshot is gone.
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30000);
    QVERIFY2(clock.elapsed() >= 900, "the window closed before the snapshot's deletion was retried");
    QVERIFY(m_jobs->isShutDown());
    QCOMPARE(jobs->outcome(0), sv::JobOutcome::Cancelled);
    QVERIFY2(cloud.leftoverImageIds().isEmpty(), qPrintable(cloud.leftoverImageIds().join(u' ')));
    QList<sv::JournalEntry> journal;
    QVERIFY(bank->journalEntries(&journal, &bankError));
    QVERIFY(journal.isEmpty());
    QVERIFY2(messages.threadingWarnings().isEmpty(), qPrintable(messages.threadingWarnings().join(u'\n')));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
