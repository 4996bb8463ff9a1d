// What the two cloud-tree benchmarks (stackvault-bench-tree, stackvault-bench-allprojects) share: the
// real cloud tree over the real backend and a saved cloud, shown in a sorted QTreeView as in the main
// window, and the one JSON line each prints.
#pragma once

#include "backend/corebackend.h"
#include "cloudtree/cloudtreefiltermodel.h"
#include "cloudtree/cloudtreemodel.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTreeView>

#include <cstdio>
#include <memory>

namespace sv::bench {

// How long the stall meter keeps running after the last server is in the model.
constexpr int kSettleMs = 250;

// Prints `result` as one JSON line and ends the event loop with `code`.
inline void finish(const QJsonObject &result, int code)
{
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

struct TreeBench
{
    SecretStore secrets;
    ProfileStore profiles;
    std::unique_ptr<ui::CoreBackend> backend;
    std::unique_ptr<ui::CloudTreeModel> model;
    ui::CloudTreeFilterModel proxy;
    QTreeView view;
    QString cloudId;

    // Loads the saved clouds (passwords in the keyring), finds `cloudName` and shows the tree, not yet
    // opened. False, with the reason on stderr, when it cannot.
    bool open(const QString &cloudName)
    {
        profiles.setSecretStore(&secrets);
        QString loadError;
        if (!profiles.load(&loadError)) {
            std::fprintf(stderr, "%s\n", qPrintable(loadError));
            return false;
        }
        backend = std::make_unique<ui::CoreBackend>(&profiles, &secrets);
        for (const auto &cloud : backend->clouds()) {
            if (cloud.name == cloudName)
                cloudId = cloud.id;
        }
        if (cloudId.isEmpty()) {
            std::fprintf(stderr, "no saved cloud named %s\n", qPrintable(cloudName));
            return false;
        }
        // As in the main window: the filter proxy sorting by name, uniform rows.
        model = std::make_unique<ui::CloudTreeModel>(backend.get());
        proxy.setSourceModel(model.get());
        view.setUniformRowHeights(true);
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(0, Qt::AscendingOrder);
        view.resize(1000, 700);
        view.show();
        return true;
    }

    // As when a user opens `index`: the view expands it and asks the model to fetch.
    void openRow(const QModelIndex &index)
    {
        view.expand(proxy.mapFromSource(index));
        if (model->canFetchMore(index))
            model->fetchMore(index);
    }
};

} // namespace sv::bench
