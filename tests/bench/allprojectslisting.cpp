// The admins' case of scripts/bench (issue 15: 50,000 servers in 200 projects listed ≤ 5 s, longest GUI
// stall < 50 ms): the real cloud tree model over the real backend, in a QTreeView, for a saved cloud whose
// credentials are an admin's. From the moment the user opens the cloud, then its "All projects" row, then
// every project (the worst case: an admin opening them all at once; the tree asks for a project's servers
// only when it is opened), until the tree holds every server of every project; the GUI thread's longest
// stall meanwhile (sv::test::StallMeter, until a quarter of a second after the last server is in).
//
//   stackvault-bench-allprojects --cloud NAME
//
// The saved cloud (its password in the keyring) must exist; scripts/bench adds it with stackvault-cli inside
// a private D-Bus session. Prints one JSON line: seconds (all servers listed), projects_seconds (the project
// list in), servers, projects, the StallMeter's fields (max_stall_ms) and the goals (goal_seconds: 5,
// goal_max_stall_ms: 50). Run with QT_QPA_PLATFORM=offscreen.

#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "stallmeter.h"
#include "treebench.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

using namespace sv;
using ui::CloudTreeModel;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    initApplication();
    ui::initResources();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("Saved cloud (an admin's credentials)."), QStringLiteral("name")});
    parser.process(app);

    bench::TreeBench tree;
    if (!tree.open(parser.value(QStringLiteral("cloud"))))
        return 1;
    auto &model = *tree.model;
    auto &view = tree.view;
    const QString cloudId = tree.cloudId;
    test::StallMeter meter(std::chrono::milliseconds(1));
    QElapsedTimer clock;
    QTimer poll;
    double projectsSeconds = -1;
    bool projectsOpened = false;
    QTimer::singleShot(0, &app, [&] {
        meter.start();
        clock.start();
        const QModelIndex cloud = model.cloudIndex(cloudId);
        tree.openRow(cloud); // the user opens the cloud: the view asks the model to fetch
        QObject::connect(&poll, &QTimer::timeout, &app, [&, cloud] {
            if (model.fetchState(cloudId) == CloudTreeModel::FetchState::Failed)
                return bench::finish({{QStringLiteral("error"), QStringLiteral("listing the cloud failed")}}, 1);
            if (model.fetchState(cloudId) != CloudTreeModel::FetchState::Fetched)
                return;
            const QModelIndex all = model.allProjectsIndex(cloudId);
            if (!all.isValid())
                return bench::finish({{QStringLiteral("error"), QStringLiteral("no \"All projects\" row: not an admin's credentials")}}, 1);
            if (model.fetchState(all) == CloudTreeModel::FetchState::NotFetched) {
                tree.openRow(all); // the user opens "All projects"
                return;
            }
            if (model.fetchState(all) == CloudTreeModel::FetchState::Failed)
                return bench::finish({{QStringLiteral("error"), QStringLiteral("listing the projects failed")}}, 1);
            if (model.fetchState(all) != CloudTreeModel::FetchState::Fetched)
                return;
            if (!projectsOpened) {
                projectsOpened = true;
                projectsSeconds = double(clock.nsecsElapsed()) / 1e9;
                for (int row = 0; row < model.rowCount(all); ++row) { // the user opens every project
                    const QModelIndex project = model.index(row, 0, all);
                    tree.openRow(project);
                }
                return;
            }
            int pending = 0;
            for (int row = 0; row < model.rowCount(all); ++row) {
                const auto state = model.fetchState(model.index(row, 0, all));
                if (state == CloudTreeModel::FetchState::Failed)
                    return bench::finish({{QStringLiteral("error"), QStringLiteral("listing a project's servers failed")}}, 1);
                pending += state != CloudTreeModel::FetchState::Fetched ? 1 : 0;
            }
            if (pending > 0)
                return;
            poll.stop();
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            QTimer::singleShot(bench::kSettleMs, &app, [&, all, seconds] {
                meter.stop();
                int servers = 0;
                for (int row = 0; row < model.rowCount(all); ++row) {
                    const QModelIndex project = model.index(row, 0, all);
                    for (int s = 0; s < model.rowCount(project); ++s) {
                        const QModelIndex server = model.index(s, 0, project);
                        if (model.kind(server) == CloudTreeModel::NodeKind::Server && !model.data(server).toString().isEmpty())
                            ++servers;
                    }
                }
                view.scrollToBottom();
                view.viewport()->repaint();
                QJsonObject result = meter.toJson();
                result.insert(QStringLiteral("seconds"), seconds);
                result.insert(QStringLiteral("projects_seconds"), projectsSeconds);
                result.insert(QStringLiteral("servers"), servers);
                result.insert(QStringLiteral("projects"), model.rowCount(all));
                result.insert(QStringLiteral("goal_seconds"), 5);
                result.insert(QStringLiteral("goal_max_stall_ms"), 50);
                bench::finish(result, 0);
            });
        });
        poll.start(1);
    });
    return app.exec();
}
