#include "screenshottour.h"

#include "backups/backupsmodel.h"
#include "backups/backupsview.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/uilog.h"
#include "jobs/jobmanager.h"
#include "details/serverdetailswidget.h"
#include "dialogs/testrestoredialog.h"
#include "mainwindow.h"
#include "plans/planeditordialog.h"
#include "plans/plansservice.h"
#include "plans/plansview.h"
#include "plans/planserverresultsmodel.h"
#include "restorewizard/restorerunpage.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restorevolumespage.h"
#include "restorewizard/restorewizard.h"

#include <QAbstractButton>
#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QTreeView>

namespace sv::ui {

ScreenshotTour::ScreenshotTour(MainWindow *window, JobManager *jobs, QString directory, QString serverName,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_jobs(jobs)
    , m_directory(std::move(directory))
    , m_serverName(std::move(serverName))
{
}

void ScreenshotTour::start()
{
    if (!QDir().mkpath(m_directory))
        return fail(QStringLiteral("cannot create %1").arg(m_directory));
    connect(m_jobs, &JobManager::jobProgress, this, [this](int jobId, const JobProgress &progress) {
        // The "running backup" picture: well into the download, so the bar, rate and ETA show.
        if (jobId != m_backupJob || m_backupShot || progress.stage != JobStage::Downloading || progress.percent() < 30)
            return;
        m_backupShot = true;
        shoot(m_window, QStringLiteral("backup-running"), [] {});
    });
    connect(m_jobs, &JobManager::jobFinished, this, [this](int jobId, const JobResult &result) {
        if (jobId != m_backupJob)
            return;
        if (result.outcome != JobOutcome::Succeeded)
            return fail(QStringLiteral("the backup failed: %1").arg(result.message));
        m_checkpointId = result.data.value(QStringLiteral("checkpoint_id")).toString();
        if (m_firstCheckpointId.isEmpty())
            m_firstCheckpointId = m_checkpointId;
        m_backupDone = true;
    });
    selectServer();
}

void ScreenshotTour::waitFor(const QString &what, std::function<bool()> condition, std::function<void()> then,
                             int timeoutMs)
{
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this, [this, timer, clock, what, condition = std::move(condition),
                                            then = std::move(then), timeoutMs] {
        if (condition()) {
            timer->deleteLater();
            timer->stop();
            then();
        } else if (clock->elapsed() > timeoutMs) {
            timer->deleteLater();
            timer->stop();
            fail(QStringLiteral("timed out waiting for %1").arg(what));
        }
    });
    timer->start(100);
}

void ScreenshotTour::shoot(QWidget *widget, const QString &name, std::function<void()> then)
{
    const QPointer<QWidget> target(widget);
    // Half a second for layouts, lazy loads and the progress delegate to paint.
    QTimer::singleShot(500, this, [this, target, name, then = std::move(then)] {
        if (!target)
            return fail(QStringLiteral("the window for %1 went away").arg(name));
        const QImage image = target->grab().toImage();
        const QString path = QDir(m_directory).filePath(name + QStringLiteral(".png"));
        // Encoding and writing the file stays off the GUI thread.
        QThreadPool::globalInstance()->start([image, path] {
            if (!image.save(path))
                qCWarning(lcUi) << "Could not save" << path;
        });
        ++m_saved;
        qCInfo(lcUi) << "Screenshot" << path;
        then();
    });
}

void ScreenshotTour::selectServer()
{
    QTreeView *tree = m_window->tree();
    waitFor(QStringLiteral("a saved cloud"), [tree] { return tree->model()->rowCount() > 0; }, [this, tree] {
        const QModelIndex cloud = tree->model()->index(0, 0);
        tree->expand(cloud);
        CloudTreeModel *model = m_window->treeModel();
        waitFor(QStringLiteral("the server list"), [model] {
            return model->rowCount() > 0 && model->fetchState(model->cloudId(model->index(0, 0)))
                                                 == CloudTreeModel::FetchState::Fetched;
        }, [this, tree, cloud] {
            const auto serverNamed = [tree, cloud](const QString &name) {
                for (int row = 0; row < tree->model()->rowCount(cloud); ++row) {
                    const QModelIndex index = tree->model()->index(row, 0, cloud);
                    if (index.data().toString() == name)
                        return index;
                }
                return QModelIndex();
            };
            const auto mainWindowShot = [this, tree, serverNamed] {
                const QModelIndex server = serverNamed(m_serverName);
                if (!server.isValid())
                    return fail(QStringLiteral("no server named %1").arg(m_serverName));
                tree->expand(server);
                tree->setCurrentIndex(server);
                shoot(m_window, QStringLiteral("main-window"), [this] { backUp(); });
            };
            // The demo's database server has a data volume: its details list it with a checkbox.
            const QModelIndex withVolume = serverNamed(QStringLiteral("postgres-primary"));
            if (!withVolume.isValid())
                return mainWindowShot();
            tree->expand(withVolume);
            tree->setCurrentIndex(withVolume);
            auto *volumes = m_window->findChild<QListWidget *>(QStringLiteral("volumesList"));
            if (!volumes)
                return fail(QStringLiteral("the details pane has no volume list"));
            waitFor(QStringLiteral("the volumes of postgres-primary"),
                    [volumes] { return volumes->isVisible() && volumes->count() > 0; },
                    [this, mainWindowShot] { shoot(m_window, QStringLiteral("backup-volumes"), mainWindowShot); });
        });
    });
}

void ScreenshotTour::backUp()
{
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("backupButton"));
    if (!button || !button->isEnabled())
        return fail(QStringLiteral("the Back up button is not available"));
    // The job id is the next one the manager hands out: catch it from jobAdded.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_jobs, &JobManager::jobAdded, this, [this, connection](int jobId) {
        m_backupJob = jobId;
        disconnect(*connection);
    });
    button->click();
    waitFor(QStringLiteral("the backup"), [this] { return m_backupDone && m_backupShot; }, [this] {
        waitFor(QStringLiteral("the backup in the list"), [this] {
            const auto &checkpoints = m_window->backupsModel()->checkpoints();
            return std::any_of(checkpoints.cbegin(), checkpoints.cend(),
                               [this](const CheckpointEntry &cp) { return cp.id == m_checkpointId; });
        }, [this] {
            m_window->tabs()->setCurrentWidget(m_window->backupsView());
            m_window->backupsView()->selectCheckpoint(m_checkpointId);
            shoot(m_window, QStringLiteral("backups"), [this] { restore(); });
        });
    }, 600000);
}

void ScreenshotTour::restore()
{
    auto *restoreButton = m_window->findChild<QPushButton *>(QStringLiteral("restoreButton"));
    if (!restoreButton || !restoreButton->isEnabled())
        return fail(QStringLiteral("the Restore button is not available"));
    restoreButton->click();
    auto *wizard = m_window->findChild<RestoreWizard *>(QStringLiteral("restoreWizard"));
    if (!wizard)
        return fail(QStringLiteral("the restore wizard did not open"));
    shoot(wizard, QStringLiteral("restore-1-backup"), [this] { nextWizardPage(RestoreWizard::TargetPageId); });
}

void ScreenshotTour::nextWizardPage(int page)
{
    auto *wizard = m_window->findChild<RestoreWizard *>(QStringLiteral("restoreWizard"));
    if (!wizard)
        return fail(QStringLiteral("the restore wizard went away"));
    wizard->button(QWizard::NextButton)->click();
    // The server details page (NICs, metadata, …) comes between the server and the summary: passed over.
    if (wizard->currentId() == RestoreWizard::DetailsPageId && page != RestoreWizard::DetailsPageId)
        wizard->button(QWizard::NextButton)->click();
    if (wizard->currentId() != page)
        return fail(QStringLiteral("the wizard did not move to page %1").arg(page));
    switch (page) {
    case RestoreWizard::TargetPageId:
        shoot(wizard, QStringLiteral("restore-2-target"), [this] { nextWizardPage(RestoreWizard::ServerPageId); });
        break;
    case RestoreWizard::ServerPageId: {
        auto *serverPage = qobject_cast<RestoreServerPage *>(wizard->currentPage());
        waitFor(QStringLiteral("the target's options"), [serverPage] { return serverPage->optionsLoaded(); }, [this, wizard] {
            shoot(wizard, QStringLiteral("restore-3-server"), [this] { nextWizardPage(RestoreWizard::SummaryPageId); });
        });
        break;
    }
    case RestoreWizard::SummaryPageId:
        shoot(wizard, QStringLiteral("restore-4-summary"), [this] { nextWizardPage(RestoreWizard::RunPageId); });
        break;
    case RestoreWizard::RunPageId: {
        auto *runPage = qobject_cast<RestoreRunPage *>(wizard->currentPage());
        shoot(wizard, QStringLiteral("restore-5-running"), [this, wizard, runPage] {
            waitFor(QStringLiteral("the restore"), [runPage] { return runPage->finished(); }, [this, wizard] {
                shoot(wizard, QStringLiteral("restore-6-done"), [this, wizard] {
                    wizard->accept();
                    volumesTour();
                });
            }, 600000);
        });
        break;
    }
    default:
        fail(QStringLiteral("unexpected wizard page %1").arg(page));
    }
}

void ScreenshotTour::volumesTour()
{
    // A backup with a volume (postgres-primary and its db-data), then the wizard's volumes page.
    QTreeView *tree = m_window->tree();
    const QModelIndex cloud = tree->model()->index(0, 0);
    QModelIndex server;
    for (int row = 0; row < tree->model()->rowCount(cloud); ++row) {
        if (tree->model()->index(row, 0, cloud).data().toString() == u"postgres-primary")
            server = tree->model()->index(row, 0, cloud);
    }
    if (!server.isValid())
        return finish(); // a demo without it: the other pictures are taken
    m_window->tabs()->setCurrentWidget(m_window->details());
    tree->setCurrentIndex(server);
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("backupButton"));
    if (!button || !button->isEnabled())
        return fail(QStringLiteral("postgres-primary cannot be backed up"));
    m_backupDone = false;
    m_checkpointId.clear();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_jobs, &JobManager::jobAdded, this, [this, connection](int jobId) {
        m_backupJob = jobId;
        disconnect(*connection);
    });
    button->click();
    waitFor(QStringLiteral("the backup of postgres-primary"), [this] { return m_backupDone; }, [this] {
        waitFor(QStringLiteral("that backup in the list"), [this] {
            const auto &checkpoints = m_window->backupsModel()->checkpoints();
            return std::any_of(checkpoints.cbegin(), checkpoints.cend(), [this](const CheckpointEntry &cp) {
                return cp.id == m_checkpointId && !cp.volumes.isEmpty();
            });
        }, [this] {
            m_window->tabs()->setCurrentWidget(m_window->backupsView());
            m_window->backupsView()->selectCheckpoint(m_checkpointId);
            auto *restoreButton = m_window->findChild<QPushButton *>(QStringLiteral("restoreButton"));
            if (!restoreButton || !restoreButton->isEnabled())
                return fail(QStringLiteral("the Restore button is not available for postgres-primary"));
            restoreButton->click();
            RestoreWizard *wizard = nullptr;
            for (auto *candidate : m_window->findChildren<RestoreWizard *>(QStringLiteral("restoreWizard"))) {
                if (candidate->isVisible())
                    wizard = candidate;
            }
            if (!wizard)
                return fail(QStringLiteral("the restore wizard did not open"));
            wizard->button(QWizard::NextButton)->click();
            wizard->button(QWizard::NextButton)->click();
            auto *page = qobject_cast<RestoreVolumesPage *>(wizard->currentPage());
            if (!page)
                return fail(QStringLiteral("the wizard did not show its volumes page"));
            waitFor(QStringLiteral("the target's volume types"), [page] { return page->typesLoaded(); }, [this, wizard] {
                shoot(wizard, QStringLiteral("restore-3-volumes"), [this, wizard] {
                    wizard->reject();
                    exportDialog();
                });
            });
        });
    }, 600000);
}

void ScreenshotTour::exportDialog()
{
    // Export… on the selected backup (postgres-primary with db-data): the file dialog, then Cancel.
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("exportBackupButton"));
    if (!button || !button->isEnabled())
        return fail(QStringLiteral("the Export button is not available"));
    button->click();
    QPointer<QFileDialog> dialog = m_window->findChild<QFileDialog *>(QStringLiteral("exportFileDialog"));
    if (!dialog)
        return fail(QStringLiteral("the export dialog did not open"));
    waitFor(QStringLiteral("the export dialog"), [dialog] { return dialog && dialog->isVisible(); }, [this, dialog] {
        shoot(dialog, QStringLiteral("export-dialog"), [this, dialog] {
            if (dialog)
                dialog->reject();
            testRestore();
        });
    });
}

void ScreenshotTour::testRestore()
{
    // The first backup, tested in its own cloud until its console shows the login prompt.
    m_window->tabs()->setCurrentWidget(m_window->backupsView());
    if (!m_window->backupsView()->selectCheckpoint(m_firstCheckpointId))
        return fail(QStringLiteral("the first backup is not in the list"));
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("testRestoreButton"));
    if (!button || !button->isEnabled())
        return fail(QStringLiteral("the Test Restore button is not available"));
    button->click();
    QPointer<TestRestoreDialog> dialog = m_window->findChild<TestRestoreDialog *>(QStringLiteral("testRestoreDialog"));
    if (!dialog)
        return fail(QStringLiteral("the test restore dialog did not open"));
    auto *marker = dialog->findChild<QLineEdit *>(QStringLiteral("testRestoreMarkerEdit"));
    if (!marker)
        return fail(QStringLiteral("the test restore dialog has no marker field"));
    marker->setText(QStringLiteral("login:"));
    waitFor(QStringLiteral("the test restore dialog"), [dialog] { return dialog && dialog->isVisible(); }, [this, dialog] {
        shoot(dialog, QStringLiteral("test-restore-dialog"), [this, dialog] {
            if (!dialog)
                return fail(QStringLiteral("the test restore dialog went away"));
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(m_jobs, &JobManager::jobAdded, this, [this, connection](int jobId) {
                m_testJob = jobId;
                disconnect(*connection);
            });
            connect(m_jobs, &JobManager::jobFinished, this, [this](int jobId, const JobResult &result) {
                if (jobId != m_testJob)
                    return;
                if (result.outcome != JobOutcome::Succeeded)
                    return fail(QStringLiteral("the restore test failed: %1").arg(result.message));
                m_testDone = true;
            });
            auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startTestRestoreButton"));
            if (!start)
                return fail(QStringLiteral("the test restore dialog has no Start button"));
            start->click();
            waitFor(QStringLiteral("the restore test"), [this] { return m_testDone; }, [this] {
                waitFor(QStringLiteral("the tested backup in the list"), [this] {
                    const auto &checkpoints = m_window->backupsModel()->checkpoints();
                    return std::any_of(checkpoints.cbegin(), checkpoints.cend(), [this](const CheckpointEntry &cp) {
                        return cp.id == m_firstCheckpointId && cp.restoreTest.passed;
                    });
                }, [this] {
                    // Wide enough, and the columns fitted to their text (as a double-click on a header's
                    // edge does), so that the date and the "Tested ✓ DATE" are read whole.
                    m_window->resize(1270, 800);
                    m_window->backupsView()->view()->header()->resizeSections(QHeaderView::ResizeToContents);
                    m_window->backupsView()->selectCheckpoint(m_firstCheckpointId);
                    shoot(m_window, QStringLiteral("backups-tested"), [this] { plansTour(); });
                });
            }, 600000);
        });
    });
}

void ScreenshotTour::plansTour()
{
    PlansService *service = m_window->plansService();
    PlansView *view = m_window->plansView();
    if (!service || !view || service->cloudNames().isEmpty())
        return fail(QStringLiteral("the Plans view is not there"));
    const QString cloud = service->cloudNames().constFirst();
    const auto plan = [&](const QString &name, PlanSource source, PlanSchedule schedule, QJsonObject retention, bool enabled) {
        Plan p;
        p.name = name;
        source.cloud = cloud;
        p.sources = {source};
        p.volumes = VolumeSelection::none();
        p.bank = service->defaultBank();
        p.schedule = schedule;
        p.retention = retention;
        p.enabled = enabled;
        return p;
    };
    const QList<Plan> plans{
        plan(QStringLiteral("prod-nightly"), PlanSource{{}, {}, QStringLiteral("prod"), {}}, {PlanSchedule::Kind::Daily, 0, 2, 1, {}},
             {{QStringLiteral("keep_daily"), 7}, {QStringLiteral("keep_weekly"), 4}, {QStringLiteral("keep_monthly"), 6}}, true),
        plan(QStringLiteral("jumphost-hourly"), PlanSource{{}, QStringLiteral("jumphost"), {}, {}}, {PlanSchedule::Kind::Hourly, 15, 0, 1, {}},
             {{QStringLiteral("keep_hourly"), 24}, {QStringLiteral("keep_daily"), 7}}, true),
        plan(QStringLiteral("ci-weekly"), PlanSource{{}, {}, {}, QStringLiteral("ci-runner-*")},
             {PlanSchedule::Kind::Calendar, 0, 0, 1, QStringLiteral("Sun *-*-* 03:00")}, {{QStringLiteral("keep_weekly"), 8}}, false),
    };
    for (const Plan &p : plans) {
        QString error;
        if (!service->savePlan({}, p, &error))
            return fail(QStringLiteral("cannot save plan %1: %2").arg(p.name, error));
    }
    m_window->tabs()->setCurrentWidget(view);
    QPointer<PlanEditorDialog> editor = view->openEditor(QStringLiteral("prod-nightly"));
    if (!editor)
        return fail(QStringLiteral("the plan editor did not open"));
    // The selector being composed: its live preview lists the two prod servers.
    editor->findChild<QLineEdit *>(QStringLiteral("tagEdit"))->setText(QStringLiteral("prod"));
    waitFor(QStringLiteral("the selector's preview"), [editor] { return editor && editor->previewNames().size() == 2; }, [this, editor, view] {
        shoot(editor, QStringLiteral("plan-editor"), [this, editor, view] {
            if (editor)
                editor->reject();
            view->selectPlan(QStringLiteral("prod-nightly"));
            // Install Schedule first (here without a systemd user instance: the view shows the crontab line).
            auto installed = std::make_shared<bool>(false);
            connect(m_window->plansService(), &PlansService::scheduleChanged, this, [installed] { *installed = true; });
            if (!view->installSchedule(QStringLiteral("prod-nightly")))
                return fail(QStringLiteral("Install Schedule refused"));
            waitFor(QStringLiteral("the schedule's installation"), [installed] { return *installed; }, [this, view] {
                auto ended = std::make_shared<bool>(false);
                connect(view, &PlansView::runEnded, this, [ended] { *ended = true; });
                if (!view->runNow(QStringLiteral("prod-nightly")))
                    return fail(QStringLiteral("Run Now refused"));
                waitFor(QStringLiteral("the plan's run"), [ended, view] {
                    return *ended && view->serverResultsModel()->rowCount() == 2;
                }, [this] { shoot(m_window, QStringLiteral("plans-view"), [this] { finish(); }); }, 600000);
            }, 60000);
        });
    });
}

void ScreenshotTour::fail(const QString &why)
{
    qCCritical(lcUi) << "Screenshot tour failed:" << why;
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::exit(1);
}

void ScreenshotTour::finish()
{
    // The pictures are written by the thread pool; let it finish before the process ends.
    QThreadPool::globalInstance()->waitForDone();
    qCInfo(lcUi) << "Screenshot tour done:" << m_saved << "pictures in" << m_directory;
    QCoreApplication::exit(0);
}

} // namespace sv::ui
