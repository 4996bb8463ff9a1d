#include "backups/backupsmodel.h"
#include "backups/backupsview.h"
#include "common/formatting.h"
#include "common/itemroles.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using sv::ui::BackupsModel;
using sv::ui::CheckpointEntry;

class TestBackupsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsAndRoles();
    void filterByServerAndSort();
    void savedVolumesAreListed();
    void restoreTestState_data();
    void restoreTestState();

private:
    static QList<CheckpointEntry> sample();
};

QList<CheckpointEntry> TestBackupsModel::sample()
{
    CheckpointEntry a;
    a.id = QStringLiteral("a");
    a.serverId = QStringLiteral("s1");
    a.serverName = QStringLiteral("web-1");
    a.created = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    a.size = 2LL << 30;
    a.storedSize = 300LL << 20;
    a.status = QStringLiteral("available");
    a.withData = true;
    a.consistency = CheckpointEntry::Consistency::QuiesceRequested;
    a.requiresQuiesce = true;
    a.volumesNotIncluded = {QStringLiteral("db-data")};
    CheckpointEntry b = a;
    b.id = QStringLiteral("b");
    b.created = b.created.addDays(1);
    b.withData = false;
    b.consistency = CheckpointEntry::Consistency::OriginalImage;
    b.volumesNotIncluded.clear();
    b.storedSize = 1 << 20;
    CheckpointEntry c = a;
    c.id = QStringLiteral("c");
    c.serverId = QStringLiteral("s2");
    c.serverName = QStringLiteral("db-1");
    c.status = QStringLiteral("error");
    return {a, b, c};
}

void TestBackupsModel::columnsAndRoles()
{
    BackupsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckpoints(sample());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(BackupsModel::ColumnCount));
    QCOMPARE(model.index(0, BackupsModel::ContentsColumn).data().toString(), QStringLiteral("With data"));
    QCOMPARE(model.index(1, BackupsModel::ContentsColumn).data().toString(), QStringLiteral("Original image only"));
    QCOMPARE(model.index(0, BackupsModel::ConsistencyColumn).data().toString(),
             QStringLiteral("Quiesce requested (os_require_quiesce=yes)"));
    QCOMPARE(model.index(1, BackupsModel::ConsistencyColumn).data().toString(), QStringLiteral("Original image"));
    // What the label does not know is said in its tooltip; the volumes a backup lacks are named.
    QVERIFY(model.index(0, BackupsModel::ConsistencyColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("does not report whether the freeze happened")));
    QVERIFY(model.index(0, BackupsModel::ContentsColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("Attached volumes NOT included in this backup: db-data.")));
    QVERIFY(!model.index(0, BackupsModel::ContentsColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(1, BackupsModel::ContentsColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(2, BackupsModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(model.index(0, BackupsModel::SizeColumn).data(sv::ui::UnderlyingDataRole).toLongLong(), 2LL << 30);
    QVERIFY(!model.index(0, BackupsModel::StoredSizeColumn).data().toString().isEmpty());
    QCOMPARE(model.index(2, 0).data(sv::ui::IdRole).toString(), QStringLiteral("c"));
    QCOMPARE(model.latestFor(QStringLiteral("s1"))->id, QStringLiteral("b"));
    QCOMPARE(model.latestFor(QStringLiteral("s2")), nullptr); // only an errored one
    model.setCheckpoints({});
    QCOMPARE(model.rowCount(), 0);
}

void TestBackupsModel::filterByServerAndSort()
{
    BackupsModel model;
    sv::ui::BackupsView view(&model);
    QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckpoints(sample());
    auto *filter = view.findChild<QComboBox *>(QStringLiteral("backupsServerFilter"));
    QCOMPARE(filter->count(), 3); // all, db-1, web-1
    QCOMPARE(view.proxy()->rowCount(), 3);
    // Newest first.
    QCOMPARE(view.proxy()->index(0, 0).data(sv::ui::IdRole).toString(), QStringLiteral("b"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("s2")));
    QCOMPARE(view.proxy()->rowCount(), 1);
    view.setServerFilter(QStringLiteral("s1"));
    QCOMPARE(filter->currentText(), QStringLiteral("web-1"));
    QCOMPARE(view.proxy()->rowCount(), 2);
    // Buttons follow the selection: an errored backup cannot be restored, verified or exported.
    view.setServerFilter(QString());
    auto *restore = view.findChild<QPushButton *>(QStringLiteral("restoreButton"));
    auto *verify = view.findChild<QPushButton *>(QStringLiteral("verifyButton"));
    auto *exportButton = view.findChild<QPushButton *>(QStringLiteral("exportBackupButton"));
    QVERIFY(!restore->isEnabled());
    QVERIFY(view.selectCheckpoint(QStringLiteral("c")));
    QVERIFY(!restore->isEnabled());
    QVERIFY(!verify->isEnabled());
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(view.selectCheckpoint(QStringLiteral("a")));
    QVERIFY(restore->isEnabled());
    QVERIFY(exportButton->isEnabled());
    QSignalSpy restoreSpy(&view, &sv::ui::BackupsView::restoreRequested);
    QSignalSpy verifySpy(&view, &sv::ui::BackupsView::verifyRequested);
    QSignalSpy exportSpy(&view, &sv::ui::BackupsView::exportRequested);
    QTest::mouseClick(restore, Qt::LeftButton);
    QTest::mouseClick(verify, Qt::LeftButton);
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QCOMPARE(restoreSpy.size(), 1);
    QCOMPARE(verifySpy.size(), 1);
    QCOMPARE(exportSpy.size(), 1);
    QCOMPARE(exportSpy.first().first().value<CheckpointEntry>().id, QStringLiteral("a"));
    QCOMPARE(restoreSpy.first().first().value<CheckpointEntry>().id, QStringLiteral("a"));
}

void TestBackupsModel::savedVolumesAreListed()
{
    QList<CheckpointEntry> checkpoints = sample();
    // "d": a boot-from-volume server's backup with its two volumes; one attached volume was left out.
    CheckpointEntry d = checkpoints.first();
    d.id = QStringLiteral("d");
    d.serverId = QStringLiteral("s3");
    d.serverName = QStringLiteral("legacy-erp");
    d.volumes = {{QStringLiteral("v1"), QStringLiteral("erp-root"), 20, QStringLiteral("/dev/vda"), true, true, {}},
                 {QStringLiteral("v2"), QStringLiteral("erp-data"), 100, QStringLiteral("/dev/vdb"), false, false, {}}};
    d.volumesNotIncluded = {QStringLiteral("scratch")};
    checkpoints.append(d);
    BackupsModel model;
    sv::ui::BackupsView view(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckpoints(checkpoints);
    const QModelIndex contents = model.index(3, BackupsModel::ContentsColumn);
    QCOMPARE(contents.data().toString(), QStringLiteral("With data, 2 volume(s)"));
    const QString tip = contents.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Volumes saved:\n  • erp-root — 20 GB, /dev/vda (boot volume)\n  • erp-data — 100 GB, /dev/vdb")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("scratch")), qPrintable(tip));
    QVERIFY(!contents.data(Qt::DecorationRole).isNull());

    // The selected backup's volumes are listed under the table; a backup without any shows nothing there.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *label = view.findChild<QLabel *>(QStringLiteral("selectedBackupVolumesLabel"));
    QVERIFY(view.selectCheckpoint(QStringLiteral("d")));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), BackupsModel::volumeLines(d).join(QLatin1Char('\n')));
    QVERIFY(label->text().contains(QStringLiteral("erp-data — 100 GB, /dev/vdb")));
    QVERIFY(view.selectCheckpoint(QStringLiteral("b")));
    QVERIFY(!label->isVisible());
}

// The Restore test column: never tested, tested ✓ with the date, test failed with the date (and why).
void TestBackupsModel::restoreTestState_data()
{
    QTest::addColumn<bool>("tested");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tipHas");
    const QDateTime at(QDate(2026, 12, 5), QTime(14, 3), Qt::UTC);
    const QString when = sv::ui::formatDateTime(at.toLocalTime());
    QTest::newRow("never") << false << false << QString() << QStringLiteral("Not tested")
                           << QStringList{QStringLiteral("never restored as a test"), QStringLiteral("test-restore")};
    QTest::newRow("passed, marker") << true << true << QStringLiteral("login:") << QStringLiteral("Tested ✓ ") + when
                                    << QStringList{QStringLiteral("cloud prod"), QStringLiteral("ACTIVE"), QStringLiteral("\"login:\"")};
    QTest::newRow("passed, ACTIVE only") << true << true << QString() << QStringLiteral("Tested ✓ ") + when
                                         << QStringList{QStringLiteral("cloud prod"), QStringLiteral("became ACTIVE.")};
    QTest::newRow("failed") << true << false << QStringLiteral("login:") << QStringLiteral("Test failed ") + when
                            << QStringList{QStringLiteral("failed"), QStringLiteral("Kernel panic")};
}

void TestBackupsModel::restoreTestState()
{
    QFETCH(bool, tested);
    QFETCH(bool, passed);
    QFETCH(QString, marker);
    QFETCH(QString, text);
    QFETCH(QStringList, tipHas);
    QList<CheckpointEntry> checkpoints = sample();
    if (tested) {
        checkpoints[0].restoreTest.testedAt = QDateTime(QDate(2026, 12, 5), QTime(14, 3), Qt::UTC);
        checkpoints[0].restoreTest.passed = passed;
        checkpoints[0].restoreTest.cloud = QStringLiteral("prod");
        checkpoints[0].restoreTest.marker = marker;
        if (!passed)
            checkpoints[0].restoreTest.message = QStringLiteral("its last line: \"Kernel panic - not syncing\"");
    }
    BackupsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckpoints(checkpoints);
    QCOMPARE(model.headerData(BackupsModel::RestoreTestColumn, Qt::Horizontal).toString(), QStringLiteral("Restore test"));
    const QModelIndex cell = model.index(0, BackupsModel::RestoreTestColumn);
    QCOMPARE(cell.data().toString(), text);
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    for (const QString &part : tipHas)
        QVERIFY2(tip.contains(part), qPrintable(tip + QStringLiteral(" lacks ") + part));
    QCOMPARE(cell.data(Qt::DecorationRole).isNull(), !tested);
    QCOMPARE(cell.data(sv::ui::UnderlyingDataRole).toDateTime(), checkpoints.at(0).restoreTest.testedAt);
    // The others were never tested.
    QCOMPARE(model.index(1, BackupsModel::RestoreTestColumn).data().toString(), QStringLiteral("Not tested"));
}

QTEST_MAIN(TestBackupsModel)
#include "tst_backupsmodel.moc"
