// The listing case of scripts/bench (issue 8: 5,000 servers ≤ 2 s): the real cloud tree model over
// the real backend, in a QTreeView, from the moment a user opens a saved cloud until the tree holds
// (and has painted) every server; the GUI thread's longest stall meanwhile (sv::test::StallMeter).
//
//   stackvault-bench-tree --cloud NAME
//
// The saved cloud (its password in the keyring) must exist; scripts/bench adds it with stackvault-cli
// inside a private D-Bus session. Prints one JSON line: seconds, servers, and the StallMeter's fields.
// Run with QT_QPA_PLATFORM=offscreen.

#include "backend/corebackend.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "stallmeter.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace sv;

namespace {

void finish(const QJsonObject &result, int code)
{
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    initApplication();
    ui::initResources();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("Saved cloud."), QStringLiteral("name")});
    parser.process(app);

    SecretStore secrets;
    ProfileStore profiles;
    profiles.setSecretStore(&secrets);
    QString loadError;
    if (!profiles.load(&loadError)) {
        std::fprintf(stderr, "%s\n", qPrintable(loadError));
        return 1;
    }
    ui::CoreBackend backend(&profiles, &secrets);
    QString cloudId;
    for (const auto &cloud : backend.clouds()) {
        if (cloud.name == parser.value(QStringLiteral("cloud")))
            cloudId = cloud.id;
    }
    if (cloudId.isEmpty()) {
        std::fprintf(stderr, "no saved cloud named %s\n", qPrintable(parser.value(QStringLiteral("cloud"))));
        return 1;
    }

    ui::CloudTreeModel model(&backend);
    QTreeView view;
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    test::StallMeter meter(std::chrono::milliseconds(1));
    QElapsedTimer clock;
    QTimer poll;
    QTimer::singleShot(0, &app, [&] {
        meter.start();
        clock.start();
        const QModelIndex cloud = model.cloudIndex(cloudId);
        view.expand(cloud); // as when a user opens the cloud: the view asks the model to fetch
        if (model.canFetchMore(cloud))
            model.fetchMore(cloud);
        QObject::connect(&poll, &QTimer::timeout, &app, [&, cloud] {
            const auto state = model.fetchState(cloudId);
            if (state == ui::CloudTreeModel::FetchState::Failed)
                return finish({{QStringLiteral("error"), QStringLiteral("listing failed")}}, 1);
            if (state != ui::CloudTreeModel::FetchState::Fetched)
                return;
            poll.stop();
            // Fully loaded: every server row's text read, and the view painted at the end of the list.
            int servers = 0;
            for (int row = 0; row < model.rowCount(cloud); ++row) {
                const QModelIndex server = model.index(row, 0, cloud);
                if (model.kind(server) == ui::CloudTreeModel::NodeKind::Server && !model.data(server).toString().isEmpty())
                    ++servers;
            }
            view.scrollToBottom();
            view.viewport()->repaint();
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            meter.stop();
            QJsonObject result = meter.toJson();
            result.insert(QStringLiteral("seconds"), seconds);
            result.insert(QStringLiteral("servers"), servers);
            finish(result, 0);
        });
        poll.start(1);
    });
    return app.exec();
}
