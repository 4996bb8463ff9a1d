#include "cloudtree/cloudtreemodel.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "common/uilog.h"
#include "cloudtree/serverstatustext.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QTimer>

namespace sv::ui {

namespace {
bool isFetchable(CloudTreeModel::NodeKind kind)
{
    return kind == CloudTreeModel::NodeKind::Cloud || kind == CloudTreeModel::NodeKind::AllProjects
        || kind == CloudTreeModel::NodeKind::Project;
}

// Rows inserted per event-loop turn while a cloud's servers arrive. Each batch costs the model, the
// sorting proxy and the view a few milliseconds (measured with stackvault-bench-tree on 5,000 servers).
constexpr qsizetype kRowsPerBatch = 500;

// Project pages (an admin's "All projects"): inserted together at most this often, at most this many
// rows at a time. Each insertion under an expanded row costs the view a layout of every visible row
// (~8 ms for 50,000 rows, measured with stackvault-bench-allprojects); one per page made 200 projects of
// 250 servers cost the GUI thread ~0.7 s of layouts and stalls of 50–90 ms.
constexpr int kProjectFlushMs = 50;
constexpr qsizetype kRowsPerFlush = 2000;
} // namespace

struct CloudTreeModel::Node
{
    NodeKind kind = NodeKind::Cloud;
    Node *parent = nullptr;
    int row = 0; // position among the parent's children, kept up to date
    std::vector<std::unique_ptr<Node>> children;

    FetchState state = FetchState::NotFetched; // clouds, "All projects" and projects
    bool refreshing = false;                   // clouds only: a refresh is under way
    bool admin = false;                        // clouds only: the credentials carry the admin role
    CloudEntry cloud;
    ProjectEntry project; // projects only
    ServerEntry server; // servers only
    VolumeEntry volume; // volumes only
    QString message;    // error rows
    QList<ServerEntry> pending; // clouds and projects: servers received but not inserted yet
    qsizetype pendingNext = 0;
    bool pendingLast = false; // projects only: the last page is among the pending ones

    Node *addChild(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    void renumberFrom(int first)
    {
        for (int i = first; i < int(children.size()); ++i)
            children[size_t(i)]->row = i;
    }
    const Node *serverAncestor() const
    {
        for (const Node *n = this; n; n = n->parent) {
            if (n->kind == NodeKind::Server)
                return n;
        }
        return nullptr;
    }
    const Node *cloudAncestor() const
    {
        for (const Node *n = this; n; n = n->parent) {
            if (n->kind == NodeKind::Cloud && n->parent)
                return n;
        }
        return nullptr;
    }
};

CloudTreeModel::CloudTreeModel(Backend *backend, QObject *parent)
    : QAbstractItemModel(parent)
    , m_backend(backend)
    , m_root(std::make_unique<Node>())
    , m_projectFlush(new QTimer(this))
{
    m_projectFlush->setSingleShot(true);
    connect(m_projectFlush, &QTimer::timeout, this, &CloudTreeModel::flushProjectPages);
    connect(backend, &Backend::cloudsChanged, this, &CloudTreeModel::reloadClouds);
    connect(backend, &Backend::serversReady, this, &CloudTreeModel::onServersReady);
    connect(backend, &Backend::serversFailed, this, &CloudTreeModel::onServersFailed);
    connect(backend, &Backend::adminAccessKnown, this, &CloudTreeModel::onAdminAccessKnown);
    connect(backend, &Backend::projectsReady, this, &CloudTreeModel::onProjectsReady);
    connect(backend, &Backend::projectsFailed, this, &CloudTreeModel::onProjectsFailed);
    connect(backend, &Backend::projectServersReady, this, &CloudTreeModel::onProjectServersReady);
    connect(backend, &Backend::projectServersFailed, this, &CloudTreeModel::onProjectServersFailed);
    reloadClouds();
}

CloudTreeModel::~CloudTreeModel() = default;

CloudTreeModel::Node *CloudTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CloudTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex CloudTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeOf(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex CloudTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int CloudTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int CloudTreeModel::columnCount(const QModelIndex &) const
{
    return 2;
}

bool CloudTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    if (isFetchable(node->kind) && node->parent)
        return node->state == FetchState::NotFetched || node->state == FetchState::Fetching || !node->children.empty();
    return !node->children.empty();
}

bool CloudTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return isFetchable(node->kind) && node->state == FetchState::NotFetched;
}

void CloudTreeModel::fetchMore(const QModelIndex &parent)
{
    // The guard: views call fetchMore() repeatedly while a request is out; only the first one counts.
    if (!canFetchMore(parent))
        return;
    requestNode(nodeOf(parent));
}

Qt::ItemFlags CloudTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *node = nodeOf(index);
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->children.empty() && !isFetchable(node->kind))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant CloudTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    if (role == KindRole)
        return int(node->kind);
    if (role == CloudIdRole) {
        const Node *cloud = node->cloudAncestor();
        return cloud ? cloud->cloud.id : QString();
    }
    const int column = index.column();
    switch (node->kind) {
    case NodeKind::Cloud:
        if (role == IdRole)
            return node->cloud.id;
        if (column == 0 && role == Qt::DisplayRole)
            return node->cloud.name;
        if (column == 0 && role == Qt::DecorationRole)
            return icon(QStringLiteral("cloud"));
        if (column == 1 && role == Qt::DisplayRole) {
            if (node->state == FetchState::Fetched)
                return tr("%n server(s)", nullptr, serverCount(index));
            if (node->state == FetchState::Fetching)
                return tr("Loading…");
            return {};
        }
        if (column == 1 && role == Qt::FontRole && node->state == FetchState::Fetching) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == Qt::ToolTipRole) {
            QStringList parts;
            if (!node->cloud.projectName.isEmpty())
                parts << tr("Project: %1").arg(node->cloud.projectName);
            if (!node->cloud.regionName.isEmpty())
                parts << tr("Region: %1").arg(node->cloud.regionName);
            return parts.join(QLatin1Char('\n'));
        }
        break;
    case NodeKind::Server:
        if (role == IdRole)
            return node->server.id;
        if (column == 0 && (role == Qt::DisplayRole || role == Qt::EditRole))
            return node->server.name.isEmpty() ? node->server.id : node->server.name;
        if (column == 0 && role == Qt::DecorationRole)
            return serverStatusIcon(node->server.status, node->server.taskState);
        if (column == 1 && role == Qt::DisplayRole)
            return serverStatusText(node->server.status, node->server.taskState);
        if (role == UnderlyingDataRole)
            return column == 0 ? node->server.name : node->server.status;
        if (role == Qt::ToolTipRole)
            return tr("ID: %1").arg(node->server.id);
        break;
    case NodeKind::Image: {
        const ServerEntry &server = node->parent->server;
        if (role == IdRole)
            return server.imageId;
        if (column == 0 && role == Qt::DisplayRole)
            return tr("Boot image: %1").arg(server.imageName.isEmpty() ? server.imageId : server.imageName);
        if (column == 0 && role == Qt::DecorationRole)
            return icon(QStringLiteral("image"));
        if (role == Qt::ToolTipRole)
            return tr("ID: %1").arg(server.imageId);
        break;
    }
    case NodeKind::Volume:
        if (role == IdRole)
            return node->volume.id;
        if (column == 0 && role == Qt::DisplayRole)
            return formatVolume(node->volume.label(), node->volume.sizeGiB, node->volume.device, node->volume.boot);
        if (column == 1 && role == Qt::DisplayRole)
            return node->volume.boot ? tr("Boot volume") : tr("Volume");
        if (role == UnderlyingDataRole)
            return node->volume.label(); // what the filter box matches (not the size or device)
        if (column == 0 && role == Qt::DecorationRole)
            return icon(QStringLiteral("volume"));
        if (role == Qt::ToolTipRole) {
            QStringList lines{tr("ID: %1").arg(node->volume.id)};
            if (!node->volume.volumeType.isEmpty())
                lines << tr("Volume type: %1").arg(node->volume.volumeType);
            if (node->volume.sizeGiB <= 0)
                lines << tr("Size and device unknown: Cinder did not list this volume.");
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case NodeKind::AllProjects:
    case NodeKind::Project: {
        const bool all = node->kind == NodeKind::AllProjects;
        if (role == IdRole)
            return all ? QString() : node->project.id;
        if (column == 0 && (role == Qt::DisplayRole || role == Qt::EditRole))
            return all ? tr("All projects") : (node->project.name.isEmpty() ? node->project.id : node->project.name);
        if (column == 0 && role == Qt::DecorationRole)
            return icon(QStringLiteral("cloud"));
        if (column == 1 && role == Qt::DisplayRole) {
            if (node->state == FetchState::Fetching)
                return tr("Loading…");
            if (node->state != FetchState::Fetched)
                return {};
            return all ? tr("%n project(s)", nullptr, int(node->children.size()))
                       : tr("%n server(s)", nullptr, int(node->children.size()));
        }
        if (column == 1 && role == Qt::FontRole && node->state == FetchState::Fetching) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return all ? tr("The servers of every project of this cloud, as its admin credentials see them, grouped "
                            "by project (each project is listed when you open it).")
                       : tr("Project ID: %1").arg(node->project.id);
        break;
    }
    case NodeKind::Error:
        if (column == 0 && role == Qt::DisplayRole)
            return node->parent && node->parent->kind == NodeKind::AllProjects
                ? tr("Could not load the projects: %1").arg(node->message)
                : tr("Could not load the servers: %1").arg(node->message);
        if (column == 0 && role == Qt::DecorationRole)
            return icon(QStringLiteral("status-error"));
        if (role == Qt::ToolTipRole)
            return tr("%1\nDouble-click or choose Retry to try again.").arg(node->message);
        if (role == Qt::ForegroundRole)
            return QColor(Qt::red).darker(130);
        break;
    }
    return {};
}

QVariant CloudTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Name") : tr("Status");
}

CloudTreeModel::NodeKind CloudTreeModel::kind(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->kind : NodeKind::Cloud;
}

CloudTreeModel::FetchState CloudTreeModel::fetchState(const QString &cloudId) const
{
    const Node *cloud = findCloud(cloudId);
    return cloud ? cloud->state : FetchState::NotFetched;
}

CloudTreeModel::FetchState CloudTreeModel::fetchState(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    return node && isFetchable(node->kind) ? node->state : FetchState::NotFetched;
}

int CloudTreeModel::serverCount(const QModelIndex &cloud) const
{
    const Node *node = cloud.isValid() ? nodeOf(cloud) : nullptr;
    if (!node)
        return 0;
    return int(std::count_if(node->children.cbegin(), node->children.cend(),
                             [](const auto &child) { return child->kind == NodeKind::Server; }));
}

QModelIndex CloudTreeModel::allProjectsIndex(const QString &cloudId) const
{
    return indexOf(findAllProjects(cloudId));
}

QString CloudTreeModel::projectId(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    return node && node->kind == NodeKind::Project ? node->project.id : QString();
}

const ServerEntry *CloudTreeModel::server(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const Node *node = nodeOf(index)->serverAncestor();
    return node ? &node->server : nullptr;
}

QString CloudTreeModel::cloudId(const QModelIndex &index) const
{
    const Node *cloud = index.isValid() ? nodeOf(index)->cloudAncestor() : nullptr;
    return cloud ? cloud->cloud.id : QString();
}

QString CloudTreeModel::cloudName(const QModelIndex &index) const
{
    const Node *cloud = index.isValid() ? nodeOf(index)->cloudAncestor() : nullptr;
    return cloud ? cloud->cloud.name : QString();
}

QString CloudTreeModel::errorMessage(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    return node && node->kind == NodeKind::Error ? node->message : QString();
}

QModelIndex CloudTreeModel::cloudIndex(const QString &cloudId) const
{
    return indexOf(findCloud(cloudId));
}

QModelIndex CloudTreeModel::serverIndex(const QString &cloudId, const QString &serverId) const
{
    Node *cloud = findCloud(cloudId);
    if (!cloud)
        return {};
    for (const auto &child : cloud->children) {
        if (child->kind == NodeKind::Server && child->server.id == serverId)
            return indexOf(child.get());
    }
    return {};
}

CloudTreeModel::Node *CloudTreeModel::findCloud(const QString &cloudId) const
{
    for (const auto &child : m_root->children) {
        if (child->cloud.id == cloudId)
            return child.get();
    }
    return nullptr;
}

void CloudTreeModel::retry(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // The nearest row that loads its children: a cloud, "All projects" or a project.
    Node *node = nodeOf(index);
    while (node && node != m_root.get() && !isFetchable(node->kind))
        node = node->parent;
    if (node && node != m_root.get() && node->state == FetchState::Failed)
        requestNode(node);
}

void CloudTreeModel::refresh()
{
    reloadClouds();
    for (const auto &cloud : m_root->children) {
        switch (cloud->state) {
        case FetchState::Fetched:
            if (!cloud->refreshing) {
                cloud->refreshing = true;
                m_backend->requestServers(cloud->cloud.id);
            }
            break;
        case FetchState::Failed:
            request(cloud.get());
            break;
        case FetchState::NotFetched:
        case FetchState::Fetching:
            break;
        }
    }
}

void CloudTreeModel::reloadClouds()
{
    const QList<CloudEntry> clouds = m_backend->clouds();
    QHash<QString, CloudEntry> wanted;
    for (const CloudEntry &cloud : clouds)
        wanted.insert(cloud.id, cloud);

    for (int row = int(m_root->children.size()) - 1; row >= 0; --row) {
        Node *node = m_root->children[size_t(row)].get();
        const auto it = wanted.constFind(node->cloud.id);
        if (it == wanted.cend()) {
            beginRemoveRows({}, row, row);
            m_root->children.erase(m_root->children.begin() + row);
            m_root->renumberFrom(row);
            endRemoveRows();
            continue;
        }
        node->cloud = *it;
        wanted.remove(node->cloud.id);
        Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, 1));
    }
    QList<CloudEntry> added;
    for (const CloudEntry &cloud : clouds) {
        if (wanted.contains(cloud.id))
            added.append(cloud);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_root->children.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const CloudEntry &cloud : std::as_const(added)) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Cloud;
        node->cloud = cloud;
        m_root->addChild(std::move(node));
    }
    endInsertRows();
}

void CloudTreeModel::request(Node *cloud)
{
    qCDebug(lcUi) << "requesting the servers of" << cloud->cloud.name;
    cloud->state = FetchState::Fetching;
    cloud->refreshing = false;
    cloud->pending.clear();
    cloud->pendingNext = 0;
    // No placeholder row while loading (the cloud's status column says so): inserting rows from inside
    // fetchMore() would nest model changes inside whatever made the view ask.
    if (!cloud->children.empty()) {
        beginRemoveRows(indexOf(cloud), 0, int(cloud->children.size()) - 1);
        cloud->children.clear();
        endRemoveRows();
    }
    Q_EMIT dataChanged(indexOf(cloud, 0), indexOf(cloud, 1));
    m_backend->requestServers(cloud->cloud.id);
}

void CloudTreeModel::setErrorRow(Node *cloud, const QString &message)
{
    const QModelIndex parentIndex = indexOf(cloud);
    if (!cloud->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(cloud->children.size()) - 1);
        cloud->children.clear();
        endRemoveRows();
    }
    beginInsertRows(parentIndex, 0, 0);
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Error;
    node->message = message;
    cloud->addChild(std::move(node));
    endInsertRows();
    Q_EMIT dataChanged(indexOf(cloud, 0), indexOf(cloud, 1));
}

int CloudTreeModel::serverChildCount(const ServerEntry &server)
{
    return int(server.volumes.size()) + (server.bootsFromVolume() ? 0 : 1);
}

void CloudTreeModel::buildServerChildren(Node *serverNode)
{
    // The boot image first (an image-booted server), then the attached volumes in Nova's order.
    serverNode->children.clear();
    if (!serverNode->server.bootsFromVolume()) {
        auto image = std::make_unique<Node>();
        image->kind = NodeKind::Image;
        serverNode->addChild(std::move(image));
    }
    for (const VolumeEntry &volume : std::as_const(serverNode->server.volumes)) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Volume;
        node->volume = volume;
        serverNode->addChild(std::move(node));
    }
}

void CloudTreeModel::onServersReady(const QString &cloudId, const QList<ServerEntry> &servers)
{
    Node *cloud = findCloud(cloudId);
    if (!cloud)
        return;
    const QModelIndex cloudIdx = indexOf(cloud);

    if (cloud->state == FetchState::Fetched && cloud->refreshing) {
        // A refresh: update rows in place, remove the servers that are gone, append the new ones.
        cloud->refreshing = false;
        QHash<QString, const ServerEntry *> byId;
        for (const ServerEntry &server : servers)
            byId.insert(server.id, &server);
        for (int row = int(cloud->children.size()) - 1; row >= 0; --row) {
            Node *node = cloud->children[size_t(row)].get();
            if (node->kind != NodeKind::Server)
                continue; // "All projects" stays as it is
            const auto it = byId.constFind(node->server.id);
            if (it == byId.cend()) {
                beginRemoveRows(cloudIdx, row, row);
                cloud->children.erase(cloud->children.begin() + row);
                cloud->renumberFrom(row);
                endRemoveRows();
                continue;
            }
            const ServerEntry &fresh = **it;
            const bool childrenChanged = fresh.imageId != node->server.imageId
                || fresh.volumes != node->server.volumes || fresh.imageName != node->server.imageName;
            const QModelIndex serverIdx = indexOf(node);
            if (childrenChanged && !node->children.empty()) {
                beginRemoveRows(serverIdx, 0, int(node->children.size()) - 1);
                node->children.clear();
                endRemoveRows();
            }
            node->server = fresh;
            if (childrenChanged) {
                const int count = serverChildCount(fresh);
                if (count > 0) {
                    beginInsertRows(serverIdx, 0, count - 1);
                    buildServerChildren(node);
                    endInsertRows();
                }
            }
            byId.remove(fresh.id);
        }
        // One signal for all rows updated in place: thousands of servers cost the sorting proxy one pass.
        if (!cloud->children.empty())
            Q_EMIT dataChanged(index(0, 0, cloudIdx), index(int(cloud->children.size()) - 1, 1, cloudIdx));
        QList<const ServerEntry *> added;
        for (const ServerEntry &server : servers) {
            if (byId.contains(server.id))
                added.append(&server);
        }
        if (!added.isEmpty()) {
            const int first = int(cloud->children.size());
            beginInsertRows(cloudIdx, first, first + int(added.size()) - 1);
            for (const ServerEntry *server : std::as_const(added)) {
                auto node = std::make_unique<Node>();
                node->kind = NodeKind::Server;
                node->server = *server;
                buildServerChildren(cloud->addChild(std::move(node)));
            }
            endInsertRows();
        }
        Q_EMIT dataChanged(indexOf(cloud, 0), indexOf(cloud, 1));
        return;
    }

    if (cloud->state != FetchState::Fetching)
        return; // an answer nobody asked for (e.g. after the cloud was reloaded)

    if (!cloud->children.empty()) {
        beginRemoveRows(cloudIdx, 0, int(cloud->children.size()) - 1);
        cloud->children.clear();
        endRemoveRows();
    }
    if (cloud->admin) {
        beginInsertRows(cloudIdx, 0, 0);
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::AllProjects;
        cloud->addChild(std::move(node));
        endInsertRows();
    }
    cloud->pending = servers;
    cloud->pendingNext = 0;
    cloud->children.reserve(size_t(servers.size()) + 1);
    insertNextBatch(cloud);
}

// Appends the next `count` of the node's pending servers as rows (one insertion).
void CloudTreeModel::insertPendingServers(Node *parent, qsizetype count)
{
    const int first = int(parent->children.size());
    beginInsertRows(indexOf(parent), first, first + int(count) - 1);
    for (qsizetype i = parent->pendingNext; i < parent->pendingNext + count; ++i) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Server;
        node->server = parent->pending.at(i);
        buildServerChildren(parent->addChild(std::move(node)));
    }
    parent->pendingNext += count;
    endInsertRows();
}

void CloudTreeModel::insertNextBatch(Node *cloud)
{
    const qsizetype count = std::min(kRowsPerBatch, cloud->pending.size() - cloud->pendingNext);
    if (count > 0) {
        insertPendingServers(cloud, count);
    }
    if (cloud->pendingNext < cloud->pending.size()) {
        if (!m_batchScheduled) {
            m_batchScheduled = true;
            QTimer::singleShot(0, this, &CloudTreeModel::insertPendingBatches);
        }
        return;
    }
    cloud->pending.clear();
    cloud->pendingNext = 0;
    cloud->state = FetchState::Fetched;
    Q_EMIT dataChanged(indexOf(cloud, 0), indexOf(cloud, 1));
}

void CloudTreeModel::insertPendingBatches()
{
    m_batchScheduled = false;
    // Looked up again: a cloud may have been removed or asked again since the last batch.
    for (const auto &cloud : m_root->children) {
        if (cloud->state == FetchState::Fetching && cloud->pendingNext > 0)
            insertNextBatch(cloud.get());
    }
}

void CloudTreeModel::onServersFailed(const QString &cloudId, const QString &message)
{
    Node *cloud = findCloud(cloudId);
    if (!cloud || (cloud->state != FetchState::Fetching && !cloud->refreshing))
        return;
    qCInfo(lcUi) << "could not list the servers of" << cloud->cloud.name << ":" << message;
    cloud->state = FetchState::Failed;
    cloud->refreshing = false;
    setErrorRow(cloud, message);
}

void CloudTreeModel::requestNode(Node *node)
{
    switch (node->kind) {
    case NodeKind::Cloud:
        request(node);
        return;
    case NodeKind::AllProjects:
    case NodeKind::Project: {
        node->state = FetchState::Fetching;
        dropPending(node);
        clearChildren(node);
        Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, 1));
        const QString cloudId = node->cloudAncestor()->cloud.id;
        if (node->kind == NodeKind::AllProjects)
            m_backend->requestProjects(cloudId);
        else
            m_backend->requestProjectServers(cloudId, node->project.id);
        return;
    }
    case NodeKind::Server:
    case NodeKind::Image:
    case NodeKind::Volume:
    case NodeKind::Error:
        return;
    }
}

void CloudTreeModel::clearChildren(Node *node)
{
    if (node->children.empty())
        return;
    beginRemoveRows(indexOf(node), 0, int(node->children.size()) - 1);
    node->children.clear();
    endRemoveRows();
}

CloudTreeModel::Node *CloudTreeModel::findAllProjects(const QString &cloudId) const
{
    const Node *cloud = findCloud(cloudId);
    if (!cloud || cloud->children.empty() || cloud->children.front()->kind != NodeKind::AllProjects)
        return nullptr;
    return cloud->children.front().get();
}

CloudTreeModel::Node *CloudTreeModel::findProject(const QString &cloudId, const QString &projectId) const
{
    const Node *all = findAllProjects(cloudId);
    if (!all)
        return nullptr;
    for (const auto &child : all->children) {
        if (child->kind == NodeKind::Project && child->project.id == projectId)
            return child.get();
    }
    return nullptr;
}

void CloudTreeModel::onAdminAccessKnown(const QString &cloudId, bool admin)
{
    Node *cloud = findCloud(cloudId);
    if (!cloud || cloud->admin == admin)
        return;
    cloud->admin = admin;
    // While the cloud is (re)loading, onServersReady() adds the row; a loaded cloud changes now.
    if (cloud->state != FetchState::Fetched)
        return;
    const QModelIndex cloudIdx = indexOf(cloud);
    if (admin) {
        beginInsertRows(cloudIdx, 0, 0);
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::AllProjects;
        node->parent = cloud;
        cloud->children.insert(cloud->children.begin(), std::move(node));
        cloud->renumberFrom(0);
        endInsertRows();
    } else if (findAllProjects(cloudId)) {
        beginRemoveRows(cloudIdx, 0, 0);
        cloud->children.erase(cloud->children.begin());
        cloud->renumberFrom(0);
        endRemoveRows();
    }
}

void CloudTreeModel::onProjectsReady(const QString &cloudId, const QList<ProjectEntry> &projects)
{
    Node *all = findAllProjects(cloudId);
    if (!all || all->state != FetchState::Fetching)
        return; // an answer nobody waits for any more
    clearChildren(all);
    if (!projects.isEmpty()) {
        beginInsertRows(indexOf(all), 0, int(projects.size()) - 1);
        for (const ProjectEntry &project : projects) {
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Project;
            node->project = project;
            all->addChild(std::move(node));
        }
        endInsertRows();
    }
    all->state = FetchState::Fetched;
    Q_EMIT dataChanged(indexOf(all, 0), indexOf(all, 1));
}

void CloudTreeModel::onProjectsFailed(const QString &cloudId, const QString &message)
{
    Node *all = findAllProjects(cloudId);
    if (!all || all->state != FetchState::Fetching)
        return;
    qCInfo(lcUi) << "could not list the projects of cloud" << cloudId << ":" << message;
    all->state = FetchState::Failed;
    setErrorRow(all, message);
}

void CloudTreeModel::onProjectServersReady(const QString &cloudId, const QString &projectId,
                                           const QList<ServerEntry> &servers, bool last)
{
    Node *project = findProject(cloudId, projectId);
    if (!project || project->state != FetchState::Fetching)
        return;
    // Kept with the project (a project asked again or removed drops them) until the next flush.
    const bool queued = !project->pending.isEmpty() || project->pendingLast;
    project->pending += servers;
    project->pendingLast = project->pendingLast || last;
    if (!queued)
        m_projectsPending.append({cloudId, projectId});
    scheduleProjectFlush();
}

void CloudTreeModel::scheduleProjectFlush()
{
    if (m_projectFlush->isActive() || m_projectsPending.isEmpty())
        return;
    const qint64 since = m_lastProjectFlush.isValid() ? m_lastProjectFlush.elapsed() : kProjectFlushMs;
    m_projectFlush->start(int(std::max<qint64>(0, kProjectFlushMs - since)));
}

void CloudTreeModel::flushProjectPages()
{
    m_lastProjectFlush.start();
    qsizetype budget = kRowsPerFlush;
    while (!m_projectsPending.isEmpty() && budget > 0) {
        const auto [cloudId, projectId] = m_projectsPending.constFirst();
        Node *project = findProject(cloudId, projectId);
        if (!project || project->state != FetchState::Fetching || (project->pending.isEmpty() && !project->pendingLast)) {
            m_projectsPending.removeFirst(); // gone, asked again or failed since
            continue;
        }
        const qsizetype count = std::min(budget, project->pending.size() - project->pendingNext);
        if (count > 0) {
            project->children.reserve(project->children.size() + size_t(count));
            insertPendingServers(project, count);
            budget -= count;
        }
        if (project->pendingNext < project->pending.size())
            break; // the budget is spent: the rest of this project next time
        const bool last = project->pendingLast;
        dropPending(project);
        m_projectsPending.removeFirst();
        if (last) {
            project->state = FetchState::Fetched;
            Q_EMIT dataChanged(indexOf(project, 0), indexOf(project, 1));
        }
    }
    scheduleProjectFlush();
}

void CloudTreeModel::dropPending(Node *node)
{
    node->pending.clear();
    node->pendingNext = 0;
    node->pendingLast = false;
}

void CloudTreeModel::onProjectServersFailed(const QString &cloudId, const QString &projectId, const QString &message)
{
    Node *project = findProject(cloudId, projectId);
    if (!project || project->state != FetchState::Fetching)
        return;
    qCInfo(lcUi) << "could not list the servers of project" << projectId << ":" << message;
    project->state = FetchState::Failed;
    dropPending(project);
    setErrorRow(project, message);
}

} // namespace sv::ui
