#pragma once

#include "backend/cloudentry.h"
#include "backend/projectentry.h"
#include "backend/serverentry.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QPair>

#include <memory>
#include <vector>

QT_FORWARD_DECLARE_CLASS(QTimer)

namespace sv::ui {

class Backend;

// Clouds → servers → boot image (none for a server booted from a volume) and attached volumes (name,
// size, device; the boot volume marked), loaded lazily: a
// cloud's servers are requested only when the view first asks for them (canFetchMore/fetchMore), with a
// guard against asking twice. While loading, the cloud's status says "Loading…"; when the cloud cannot be
// reached, it has one error row that retry() turns back into a request. Thousands of servers are
// inserted in batches, one per event-loop turn, so the GUI thread never stalls on them; the cloud
// counts as fetched once the last batch is in.
// A cloud whose credentials carry the admin role gets a first child "All projects": its projects
// (Keystone) are requested when the view first asks for them, and each project's servers (Nova's
// all_tenants listing narrowed to it) when that project is first expanded, page by page — the same
// lazy pattern one level down. Non-admin clouds have no such node. Arriving project pages are inserted
// together at most every kProjectFlushMs (up to kRowsPerFlush rows a time): every insertion under an
// expanded row makes the view lay out all its visible rows again, so an admin opening 200 projects at
// once gets a few dozen layouts, not one per page.
class CloudTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeKind { Cloud, Server, Image, Volume, Error, AllProjects, Project };
    Q_ENUM(NodeKind)
    enum class FetchState { NotFetched, Fetching, Fetched, Failed };

    explicit CloudTreeModel(Backend *backend, QObject *parent = nullptr);
    ~CloudTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    NodeKind kind(const QModelIndex &index) const;
    FetchState fetchState(const QString &cloudId) const;
    // The fetch state of a fetchable row (a cloud, "All projects", a project).
    FetchState fetchState(const QModelIndex &index) const;
    // A cloud's own servers (its "All projects" row not counted).
    int serverCount(const QModelIndex &cloud) const;
    // The cloud's "All projects" row; invalid for a cloud whose credentials are not an admin's.
    QModelIndex allProjectsIndex(const QString &cloudId) const;
    QString projectId(const QModelIndex &index) const; // of a Project row
    // The server at `index` (a server row or one of its children); nullptr otherwise.
    const ServerEntry *server(const QModelIndex &index) const;
    QString cloudId(const QModelIndex &index) const;
    QString cloudName(const QModelIndex &index) const;
    QString errorMessage(const QModelIndex &index) const; // of an Error row
    QModelIndex cloudIndex(const QString &cloudId) const;
    QModelIndex serverIndex(const QString &cloudId, const QString &serverId) const;

    // Asks again for the servers of the cloud that `index` belongs to (an error row's Retry).
    void retry(const QModelIndex &index);
    // Reloads the cloud list and asks again for the servers of every cloud loaded so far; rows of
    // servers that still exist are updated in place so selection and expansion survive.
    void refresh();

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    Node *findCloud(const QString &cloudId) const;
    void reloadClouds();
    void request(Node *cloud);
    void setErrorRow(Node *cloud, const QString &message);
    void onServersReady(const QString &cloudId, const QList<ServerEntry> &servers);
    void onServersFailed(const QString &cloudId, const QString &message);
    void onAdminAccessKnown(const QString &cloudId, bool admin);
    void onProjectsReady(const QString &cloudId, const QList<ProjectEntry> &projects);
    void onProjectsFailed(const QString &cloudId, const QString &message);
    void onProjectServersReady(const QString &cloudId, const QString &projectId, const QList<ServerEntry> &servers, bool last);
    void onProjectServersFailed(const QString &cloudId, const QString &projectId, const QString &message);
    Node *findAllProjects(const QString &cloudId) const;
    Node *findProject(const QString &cloudId, const QString &projectId) const;
    void requestNode(Node *node); // a cloud, "All projects" or a project
    void clearChildren(Node *node);
    // Appends the next batch of a cloud's arriving servers; the rest follow on later event-loop turns.
    void insertPendingServers(Node *parent, qsizetype count);
    void insertNextBatch(Node *cloud);
    void insertPendingBatches();
    // Inserts the project pages that have arrived (up to kRowsPerFlush rows) and schedules the rest.
    void flushProjectPages();
    void scheduleProjectFlush();
    static void dropPending(Node *node);
    static int serverChildCount(const ServerEntry &server);
    static void buildServerChildren(Node *serverNode);

    Backend *m_backend;
    std::unique_ptr<Node> m_root;
    bool m_batchScheduled = false;
    QList<QPair<QString, QString>> m_projectsPending; // (cloud id, project id) with pages to insert, in arrival order
    QTimer *m_projectFlush = nullptr;
    QElapsedTimer m_lastProjectFlush;
};

} // namespace sv::ui
