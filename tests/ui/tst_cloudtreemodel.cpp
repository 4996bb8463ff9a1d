#include "cloudtree/cloudtreefiltermodel.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/itemroles.h"
#include "fakebackend.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using sv::ui::CloudTreeModel;
using Kind = sv::ui::CloudTreeModel::NodeKind;
using State = sv::ui::CloudTreeModel::FetchState;

class TestCloudTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cloudsAreListedServersFetchedLazily();
    void fetchMoreIsGuarded();
    void errorRowAndRetry();
    void refreshUpdatesInPlace();
    void refreshSkipsUnopenedClouds();
    void cloudsChange();
    void filterKeepsStructure();
    void thousandsOfServers();
    void serversArriveInBatches();
    void volumesUnderTheirServer_data();
    void volumesUnderTheirServer();
    void refreshFollowsAttachedVolumes();
    void projectPagesAreCoalesced_data();
    void projectPagesAreCoalesced();
    void stalePagesAreDropped();
    void proxyHasChildrenAgreesWithItsBase_data();
    void proxyHasChildrenAgreesWithItsBase();

private:
    std::unique_ptr<FakeBackend> m_backend;
};

void TestCloudTreeModel::init()
{
    m_backend = std::make_unique<FakeBackend>();
    m_backend->cloudList = {{QStringLiteral("a"), QStringLiteral("alpha"), {}, {}},
                            {QStringLiteral("b"), QStringLiteral("beta"), {}, {}}};
    m_backend->servers[QStringLiteral("a")] = {FakeBackend::server(QStringLiteral("s1"), QStringLiteral("web-1")),
                                               FakeBackend::volumeServer(QStringLiteral("s2"), QStringLiteral("vol-1"))};
    m_backend->servers[QStringLiteral("b")] = {FakeBackend::server(QStringLiteral("s3"), QStringLiteral("db-1"))};
}

void TestCloudTreeModel::cloudsAreListedServersFetchedLazily()
{
    CloudTreeModel model(m_backend.get());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex alpha = model.index(0, 0);
    QCOMPARE(alpha.data().toString(), QStringLiteral("alpha"));
    QVERIFY(model.hasChildren(alpha));
    QCOMPARE(model.rowCount(alpha), 0);
    QVERIFY(model.canFetchMore(alpha));
    QVERIFY(m_backend->serverRequests.isEmpty()); // nothing asked before a view wants it

    model.fetchMore(alpha);
    QCOMPARE(model.fetchState(QStringLiteral("a")), State::Fetching);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Loading…"));
    QVERIFY(model.hasChildren(alpha));
    // The tester fetches whatever it can and checks every invariant from here on.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    QCOMPARE(model.rowCount(alpha), 2);
    QVERIFY(!model.canFetchMore(alpha));
    const QModelIndex web = model.index(0, 0, alpha);
    QCOMPARE(web.data().toString(), QStringLiteral("web-1"));
    QCOMPARE(model.index(0, 1, alpha).data().toString(), QStringLiteral("Active"));
    QCOMPARE(model.rowCount(web), 1);
    QCOMPARE(Kind(model.index(0, 0, web).data(sv::ui::KindRole).toInt()), Kind::Image);
    QVERIFY(model.index(0, 0, web).data().toString().contains(QStringLiteral("debian-12")));
    QCOMPARE(model.server(model.index(0, 0, web))->id, QStringLiteral("s1"));
    const QModelIndex vol = model.index(1, 0, alpha);
    QCOMPARE(model.rowCount(vol), 2);
    QCOMPARE(Kind(model.index(1, 0, vol).data(sv::ui::KindRole).toInt()), Kind::Volume);
    QCOMPARE(model.cloudId(model.index(1, 0, vol)), QStringLiteral("a"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("2 server(s)"));
}

void TestCloudTreeModel::fetchMoreIsGuarded()
{
    m_backend->replyDelayMs = 50;
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex alpha = model.index(0, 0);
    model.fetchMore(alpha);
    model.fetchMore(alpha);
    QVERIFY(!model.canFetchMore(alpha));
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    QCOMPARE(m_backend->serverRequests.value(QStringLiteral("a")), 1);
    // A view asks the same way: expanding twice does not ask twice.
    QTreeView view;
    view.setModel(&model);
    view.expand(model.index(1, 0));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.collapse(model.index(1, 0));
    view.expand(model.index(1, 0));
    QTRY_COMPARE(model.fetchState(QStringLiteral("b")), State::Fetched);
    QCOMPARE(m_backend->serverRequests.value(QStringLiteral("b")), 1);
}

void TestCloudTreeModel::errorRowAndRetry()
{
    m_backend->failures.insert(QStringLiteral("b"), QStringLiteral("503 Service Unavailable"));
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex beta = model.index(1, 0);
    model.fetchMore(beta);
    QTRY_COMPARE(model.fetchState(QStringLiteral("b")), State::Failed);
    QCOMPARE(model.rowCount(beta), 1);
    const QModelIndex error = model.index(0, 0, beta);
    QCOMPARE(Kind(error.data(sv::ui::KindRole).toInt()), Kind::Error);
    QCOMPARE(model.errorMessage(error), QStringLiteral("503 Service Unavailable"));
    QVERIFY(!model.canFetchMore(beta)); // no automatic hammering of a failing cloud
    m_backend->failures.clear();
    model.retry(error);
    QTRY_COMPARE(model.fetchState(QStringLiteral("b")), State::Fetched);
    QCOMPARE(model.rowCount(beta), 1);
    QCOMPARE(model.index(0, 0, beta).data().toString(), QStringLiteral("db-1"));
}

void TestCloudTreeModel::refreshUpdatesInPlace()
{
    CloudTreeModel model(m_backend.get());
    const QModelIndex alpha = model.index(0, 0);
    model.fetchMore(alpha);
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.fetchState(QStringLiteral("b")), State::Fetched); // the tester asked for it
    const QPersistentModelIndex web = model.serverIndex(QStringLiteral("a"), QStringLiteral("s1"));
    QVERIFY(web.isValid());

    // web-1 is now shut off, vol-1 is gone, new-1 appeared.
    auto &list = m_backend->servers[QStringLiteral("a")];
    list[0].status = QStringLiteral("SHUTOFF");
    list.removeAt(1);
    list.append(FakeBackend::server(QStringLiteral("s9"), QStringLiteral("new-1")));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QTRY_COMPARE(m_backend->serverRequests.value(QStringLiteral("a")), 2);
    QTRY_VERIFY(model.serverIndex(QStringLiteral("a"), QStringLiteral("s9")).isValid());
    QVERIFY(web.isValid()); // the row survived: selection and expansion stay
    QCOMPARE(web.sibling(web.row(), 1).data().toString(), QStringLiteral("Shut off"));
    QVERIFY(!model.serverIndex(QStringLiteral("a"), QStringLiteral("s2")).isValid());
    QCOMPARE(model.rowCount(alpha), 2);
    QCOMPARE(reset.size(), 0);
    QTRY_COMPARE(m_backend->serverRequests.value(QStringLiteral("b")), 2);
}

void TestCloudTreeModel::refreshSkipsUnopenedClouds()
{
    CloudTreeModel model(m_backend.get());
    model.fetchMore(model.index(0, 0));
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    model.refresh();
    QTRY_COMPARE(m_backend->serverRequests.value(QStringLiteral("a")), 2);
    QCOMPARE(m_backend->serverRequests.value(QStringLiteral("b")), 0);
}

void TestCloudTreeModel::cloudsChange()
{
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_backend->cloudList.removeFirst();
    m_backend->cloudList.append({QStringLiteral("c"), QStringLiteral("gamma"), {}, {}});
    Q_EMIT m_backend->cloudsChanged();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("beta"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("gamma"));
}

void TestCloudTreeModel::filterKeepsStructure()
{
    CloudTreeModel model(m_backend.get());
    sv::ui::CloudTreeFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.fetchMore(model.index(0, 0));
    model.fetchMore(model.index(1, 0));
    QTRY_COMPARE(model.fetchState(QStringLiteral("b")), State::Fetched);
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    proxy.setFilterText(QStringLiteral("WEB"));
    QCOMPARE(proxy.rowCount(), 2); // clouds stay
    const QModelIndex alpha = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(alpha), 1);
    const QModelIndex web = proxy.index(0, 0, alpha);
    QCOMPARE(web.data().toString(), QStringLiteral("web-1"));
    QCOMPARE(proxy.rowCount(web), 1); // its boot image is kept with it
    QCOMPARE(proxy.rowCount(proxy.index(1, 0)), 0);
    proxy.setFilterText(QStringLiteral("vol-1-data"));
    QCOMPARE(proxy.rowCount(alpha), 1); // the server of a matching volume
    QCOMPARE(proxy.rowCount(proxy.index(0, 0, alpha)), 1); // and only that volume
    // Volumes match by name, not by their device ("/dev/vdb" has "db" in it, db-1 is the only match).
    proxy.setFilterText(QStringLiteral("db"));
    QCOMPARE(proxy.rowCount(alpha), 0);
    QCOMPARE(proxy.rowCount(proxy.index(1, 0)), 1);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(alpha), 2);
}

void TestCloudTreeModel::thousandsOfServers()
{
    QList<sv::ui::ServerEntry> many;
    for (int i = 0; i < 5000; ++i)
        many.append(FakeBackend::server(QStringLiteral("id-%1").arg(i), QStringLiteral("server-%1").arg(4999 - i)));
    m_backend->servers[QStringLiteral("a")] = many;
    CloudTreeModel model(m_backend.get());
    sv::ui::CloudTreeFilterModel proxy;
    proxy.setSourceModel(&model);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(0, Qt::AscendingOrder);
    view.resize(600, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.expand(proxy.index(0, 0));
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 5000);
    QCOMPARE(proxy.index(0, 0, proxy.index(0, 0)).data().toString(), QStringLiteral("server-0"));
    view.scrollToBottom();
    QCoreApplication::processEvents();
    proxy.setFilterText(QStringLiteral("server-42"));
    QCoreApplication::processEvents();
    const qint64 ms = timer.elapsed();
    qInfo("5000 servers: sort, scroll and filter took %lld ms", qlonglong(ms));
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 111); // server-42, -420..429, -4200..4299
    QVERIFY2(ms < 2000, "the tree must stay responsive with thousands of servers");
}

// A big listing is inserted a batch per event-loop turn (the GUI thread paints and takes input in
// between); the cloud is fetched only when the last batch is in. A cloud removed meanwhile gets no more.
void TestCloudTreeModel::serversArriveInBatches()
{
    QList<sv::ui::ServerEntry> many;
    for (int i = 0; i < 1234; ++i)
        many.append(FakeBackend::server(QStringLiteral("id-%1").arg(i), QStringLiteral("server-%1").arg(i)));
    m_backend->servers[QStringLiteral("a")] = many;
    m_backend->servers[QStringLiteral("b")] = many;
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<int> batches;
    QList<State> statesAfterBatch;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &parent, int first, int last) {
        if (parent == model.index(0, 0)) {
            batches.append(last - first + 1);
            statesAfterBatch.append(model.fetchState(QStringLiteral("a")));
        }
    });
    model.fetchMore(model.index(0, 0));
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    QCOMPARE(batches, (QList<int>{500, 500, 234}));
    QCOMPARE(statesAfterBatch, (QList<State>{State::Fetching, State::Fetching, State::Fetching}));
    QCOMPARE(model.rowCount(model.index(0, 0)), 1234);
    QCOMPARE(model.index(1233, 0, model.index(0, 0)).data().toString(), QStringLiteral("server-1233"));

    // Cloud b is removed after its first batch: the rest never comes, nothing breaks. (A model of its
    // own: the tester above fetches every cloud it can.)
    m_backend->servers[QStringLiteral("a")] = {};
    CloudTreeModel other(m_backend.get());
    int batchesOfB = 0;
    connect(&other, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &parent) {
        if (parent.isValid() && other.cloudId(parent) == u"b" && ++batchesOfB == 1) {
            // Removed at once, before the next batch's turn.
            m_backend->cloudList.removeLast();
            QTimer::singleShot(0, m_backend.get(), [this] { Q_EMIT m_backend->cloudsChanged(); });
        }
    });
    other.fetchMore(other.index(1, 0));
    QTRY_COMPARE(other.rowCount(), 1);
    QTest::qWait(50);
    QCOMPARE(batchesOfB, 1);
    QCOMPARE(other.rowCount(), 1);
    QCOMPARE(other.index(0, 0).data().toString(), QStringLiteral("alpha"));
}

void TestCloudTreeModel::volumesUnderTheirServer_data()
{
    using sv::ui::VolumeEntry;
    QTest::addColumn<sv::ui::ServerEntry>("server");
    QTest::addColumn<QStringList>("children"); // column 0
    QTest::addColumn<QStringList>("kinds");    // column 1
    sv::ui::ServerEntry pg = FakeBackend::serverWithVolume(QStringLiteral("s1"), QStringLiteral("postgres-primary"));
    QTest::newRow("image-booted, one volume")
        << pg << QStringList{QStringLiteral("Boot image: debian-12"), QStringLiteral("db-data — 100 GB, /dev/vdb")}
        << QStringList{QString(), QStringLiteral("Volume")};
    sv::ui::ServerEntry unknown = pg;
    // Cinder could not describe it: the id, no size, no device.
    unknown.volumes = {VolumeEntry{QStringLiteral("v-x"), {}, 0, {}, false, false, {}}};
    QTest::newRow("volume Cinder did not list")
        << unknown << QStringList{QStringLiteral("Boot image: debian-12"), QStringLiteral("v-x")}
        << QStringList{QString(), QStringLiteral("Volume")};
    QTest::newRow("boot from volume")
        << FakeBackend::volumeServer(QStringLiteral("s1"), QStringLiteral("erp"))
        << QStringList{QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume)"), QStringLiteral("erp-data — 100 GB, /dev/vdb")}
        << QStringList{QStringLiteral("Boot volume"), QStringLiteral("Volume")};
}

void TestCloudTreeModel::volumesUnderTheirServer()
{
    QFETCH(sv::ui::ServerEntry, server);
    QFETCH(QStringList, children);
    QFETCH(QStringList, kinds);
    m_backend->servers[QStringLiteral("a")] = {server};
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    const QModelIndex row = model.serverIndex(QStringLiteral("a"), server.id);
    QStringList shown;
    QStringList shownKinds;
    for (int i = 0; i < model.rowCount(row); ++i) {
        shown << model.index(i, 0, row).data().toString();
        shownKinds << model.index(i, 1, row).data().toString();
        // Every child leads back to its server (the details pane shows it when a volume is selected).
        QCOMPARE(model.server(model.index(i, 0, row))->id, server.id);
    }
    QCOMPARE(shown, children);
    QCOMPARE(shownKinds, kinds);
    const QModelIndex last = model.index(model.rowCount(row) - 1, 0, row);
    QCOMPARE(Kind(last.data(sv::ui::KindRole).toInt()), Kind::Volume);
    QCOMPARE(last.data(sv::ui::IdRole).toString(), server.volumes.last().id);
    QVERIFY(last.data(Qt::ToolTipRole).toString().contains(server.volumes.last().id));
}

void TestCloudTreeModel::refreshFollowsAttachedVolumes()
{
    m_backend->servers[QStringLiteral("a")] = {FakeBackend::server(QStringLiteral("s1"), QStringLiteral("postgres-primary"))};
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.fetchState(QStringLiteral("a")), State::Fetched);
    const QPersistentModelIndex server = model.serverIndex(QStringLiteral("a"), QStringLiteral("s1"));
    QCOMPARE(model.rowCount(server), 1);
    // A volume was attached; then it was extended.
    m_backend->servers[QStringLiteral("a")] = {FakeBackend::serverWithVolume(QStringLiteral("s1"), QStringLiteral("postgres-primary"))};
    model.refresh();
    QTRY_COMPARE(model.rowCount(server), 2);
    QCOMPARE(model.index(1, 0, server).data().toString(), QStringLiteral("db-data — 100 GB, /dev/vdb"));
    m_backend->servers[QStringLiteral("a")][0].volumes[0].sizeGiB = 200;
    model.refresh();
    QTRY_COMPARE(model.index(1, 0, server).data().toString(), QStringLiteral("db-data — 200 GB, /dev/vdb"));
    QVERIFY(server.isValid()); // the server's row survived both refreshes
}


namespace {
// An admin's cloud "a" with `projects` projects p0, p1, …, "All projects" and every project opened.
QModelIndex openAllProjects(FakeBackend &backend, CloudTreeModel &model, int projects)
{
    for (int p = 0; p < projects; ++p)
        backend.projects[QStringLiteral("a")].append({QStringLiteral("p%1").arg(p), QStringLiteral("project-%1").arg(p)});
    Q_EMIT backend.adminAccessKnown(QStringLiteral("a"), true);
    model.fetchMore(model.cloudIndex(QStringLiteral("a")));
    if (!QTest::qWaitFor([&] { return model.fetchState(QStringLiteral("a")) == State::Fetched; }))
        return {};
    const QModelIndex all = model.allProjectsIndex(QStringLiteral("a"));
    model.fetchMore(all);
    if (!QTest::qWaitFor([&] { return model.fetchState(all) == State::Fetched; }))
        return {};
    for (int row = 0; row < model.rowCount(all); ++row)
        model.fetchMore(model.index(row, 0, all));
    return all;
}

QList<sv::ui::ServerEntry> page(int project, int first, int count)
{
    QList<sv::ui::ServerEntry> servers;
    for (int i = first; i < first + count; ++i)
        servers.append(FakeBackend::server(QStringLiteral("p%1-s%2").arg(project).arg(i), QStringLiteral("p%1-server-%2").arg(project).arg(i)));
    return servers;
}
} // namespace

// Pages of an admin's projects that arrive together are inserted together, at most 2,000 rows at a time
// and at most every 50 ms (each insertion under an opened row costs the view a layout of every visible
// row); a project counts as fetched only once its last row is in, and every server arrives once.
void TestCloudTreeModel::projectPagesAreCoalesced_data()
{
    QTest::addColumn<int>("projects");
    QTest::addColumn<QList<int>>("pageSizes");      // every project gets these pages, the last one marked last
    QTest::addColumn<QList<QList<int>>>("flushes"); // rows inserted per project, flush by flush
    QTest::newRow("8 projects of 250: one flush") << 8 << QList<int>{250}
                                                   << QList<QList<int>>{{250, 250, 250, 250, 250, 250, 250, 250}};
    QTest::newRow("one project, 3 pages: one insertion") << 1 << QList<int>{500, 500, 100} << QList<QList<int>>{{1100}};
    QTest::newRow("3 projects of 1,500: 2,000 rows a flush") << 3 << QList<int>{500, 500, 500}
                                                              << QList<QList<int>>{{1500, 500}, {1000, 1000}, {500}};
    QTest::newRow("empty projects are fetched too") << 2 << QList<int>{0} << QList<QList<int>>{{}};
}

void TestCloudTreeModel::projectPagesAreCoalesced()
{
    QFETCH(int, projects);
    QFETCH(QList<int>, pageSizes);
    QFETCH(QList<QList<int>>, flushes);
    CloudTreeModel model(m_backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex all = openAllProjects(*m_backend, model, projects);
    QVERIFY(all.isValid());
    QCOMPARE(m_backend->projectServerRequests.size(), projects);

    QList<QList<int>> seen;      // rows per insertion, grouped by event-loop turn
    QList<qint64> flushTimes;    // ms since the pages arrived, per group
    QList<int> fetchedAfter;     // projects fetched after each group
    QElapsedTimer clock;
    bool groupOpen = false;      // a flush runs in one turn: a zero timer closes its group
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &parent, int first, int last) {
        if (model.kind(parent) != Kind::Project)
            return;
        if (!groupOpen) {
            groupOpen = true;
            seen.append(QList<int>());
            flushTimes.append(clock.elapsed());
            QTimer::singleShot(0, this, [&] {
                groupOpen = false;
                int fetched = 0;
                for (int row = 0; row < model.rowCount(all); ++row)
                    fetched += model.fetchState(model.index(row, 0, all)) == State::Fetched ? 1 : 0;
                fetchedAfter.append(fetched);
            });
        }
        seen.last().append(last - first + 1);
        // Nothing is marked fetched before its rows are in.
        QCOMPARE(model.fetchState(parent) == State::Fetched, false);
    });
    clock.start();
    for (int p = 0; p < projects; ++p) {
        int first = 0;
        for (int i = 0; i < pageSizes.size(); ++i) {
            Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p%1").arg(p), page(p, first, pageSizes.at(i)),
                                                  i == pageSizes.size() - 1);
            first += pageSizes.at(i);
        }
    }
    QVERIFY(QTest::qWaitFor([&] {
        for (int row = 0; row < model.rowCount(all); ++row) {
            if (model.fetchState(model.index(row, 0, all)) != State::Fetched)
                return false;
        }
        return true;
    }, 5000));
    QTest::qWait(20);
    if (flushes == QList<QList<int>>{{}})
        QVERIFY(seen.isEmpty());
    else
        QCOMPARE(seen, flushes);
    for (int i = 1; i < flushTimes.size(); ++i)
        QVERIFY2(flushTimes.at(i) - flushTimes.at(i - 1) >= 45, "flushes at most every 50 ms");
    int total = 0;
    for (int size : std::as_const(pageSizes))
        total += size;
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(all); ++row) {
        const QModelIndex project = model.index(row, 0, all);
        QCOMPARE(model.rowCount(project), total);
        for (int s = 0; s < model.rowCount(project); ++s)
            ids.insert(model.data(model.index(s, 0, project), sv::ui::IdRole).toString());
    }
    QCOMPARE(ids.size(), projects * total);
    if (!fetchedAfter.isEmpty())
        QCOMPARE(fetchedAfter.last(), projects);
}

// Pages that wait for the next flush are dropped when their project fails or is asked again meanwhile:
// a retried project shows only what the new listing brings.
void TestCloudTreeModel::stalePagesAreDropped()
{
    CloudTreeModel model(m_backend.get());
    const QModelIndex all = openAllProjects(*m_backend, model, 2);
    QVERIFY(all.isValid());
    const QModelIndex p0 = model.index(0, 0, all);
    const QModelIndex p1 = model.index(1, 0, all);
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p0"), page(0, 0, 300), false);
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p1"), page(1, 0, 300), false);
    Q_EMIT m_backend->projectServersFailed(QStringLiteral("a"), QStringLiteral("p0"), QStringLiteral("Nova went away"));
    QCOMPARE(model.fetchState(p0), State::Failed);
    model.retry(model.index(0, 0, p0)); // the error row's Retry
    QCOMPARE(model.fetchState(p0), State::Fetching);
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p0"), page(0, 1000, 2), true);
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p1"), {}, true);
    QTRY_COMPARE(model.fetchState(p0), State::Fetched);
    QTRY_COMPARE(model.fetchState(p1), State::Fetched);
    QCOMPARE(model.rowCount(p0), 2);
    QCOMPARE(model.data(model.index(0, 0, p0), sv::ui::IdRole).toString(), QStringLiteral("p0-s1000"));
    QCOMPARE(model.rowCount(p1), 300);
}

// The filter model answers hasChildren() from the source while no text is set (the base class builds a
// mapping of every row's children to answer it); its answers must be the base class's, with and without
// a filter, for every row of the tree.
void TestCloudTreeModel::proxyHasChildrenAgreesWithItsBase_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("no filter") << QString();
    QTest::newRow("a server") << QStringLiteral("web");
    QTest::newRow("a volume") << QStringLiteral("vol-1-data");
    QTest::newRow("nothing matches") << QStringLiteral("no-such-server");
}

void TestCloudTreeModel::proxyHasChildrenAgreesWithItsBase()
{
    QFETCH(QString, filter);
    CloudTreeModel model(m_backend.get());
    sv::ui::CloudTreeFilterModel proxy;
    proxy.setSourceModel(&model);
    const QModelIndex all = openAllProjects(*m_backend, model, 3);
    QVERIFY(all.isValid());
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p0"), page(0, 0, 3), true);
    Q_EMIT m_backend->projectServersReady(QStringLiteral("a"), QStringLiteral("p1"), {}, true);
    // p2 stays loading; cloud b is never opened.
    QTRY_COMPARE(model.fetchState(model.index(1, 0, all)), State::Fetched);
    proxy.setFilterText(filter);
    int checked = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            QCOMPARE(proxy.hasChildren(index), proxy.QSortFilterProxyModel::hasChildren(index));
            ++checked;
            walk(index);
        }
    };
    walk({});
    QCOMPARE(proxy.hasChildren({}), proxy.QSortFilterProxyModel::hasChildren({}));
    QVERIFY(checked >= 2);
}

QTEST_MAIN(TestCloudTreeModel)
#include "tst_cloudtreemodel.moc"
