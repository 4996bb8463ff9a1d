// The details pane lists exactly what a backup will contain — the root disk and each attached volume
// with a checkbox — and hands the checked volumes to the backup request.
#include "common/icons.h"
#include "details/serverdetailswidget.h"
#include "fakebackend.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using sv::VolumeSelection;
using sv::ui::ServerDetailsWidget;
using sv::ui::ServerEntry;
using sv::ui::VolumeEntry;

namespace {
const VolumeEntry kData{QStringLiteral("v-1"), QStringLiteral("db-data"), 100, QStringLiteral("/dev/vdb"), false, false, {}};
const VolumeEntry kLogs{QStringLiteral("v-2"), QString(), 5, QStringLiteral("/dev/vdc"), false, false, {}};
const VolumeEntry kRoot{QStringLiteral("v-3"), QStringLiteral("erp-root"), 20, QStringLiteral("/dev/vda"), true, true, {}};

ServerEntry serverWith(const QList<VolumeEntry> &volumes, bool bootsFromVolume)
{
    ServerEntry server = FakeBackend::server(QStringLiteral("s1"), QStringLiteral("postgres-primary"));
    if (bootsFromVolume)
        server.imageId.clear();
    server.volumes = volumes;
    return server;
}

QStringList texts(const QListWidget *list)
{
    QStringList result;
    for (int i = 0; i < list->count(); ++i)
        result << list->item(i)->text();
    return result;
}

// "1" checked, "0" unchecked; upper case when the user can change it ("C"/"U"), lower case when not.
QString states(const QListWidget *list)
{
    QString result;
    for (int i = 0; i < list->count(); ++i) {
        const bool checked = list->item(i)->checkState() == Qt::Checked;
        const bool enabled = list->item(i)->flags() & Qt::ItemIsEnabled;
        result += enabled ? (checked ? u'C' : u'U') : (checked ? u'c' : u'u');
    }
    return result;
}
} // namespace

class TestServerDetailsWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { sv::ui::initResources(); }

    void backupContents_data()
    {
        QTest::addColumn<QList<VolumeEntry>>("volumes");
        QTest::addColumn<bool>("bootsFromVolume");
        QTest::addColumn<QString>("volumesDefault"); // the back_up_volumes setting
        QTest::addColumn<bool>("includeData");
        QTest::addColumn<QStringList>("listed");
        QTest::addColumn<QString>("states");
        QTest::addColumn<QString>("rootDisk");  // a part of the root-disk line; empty: hidden
        QTest::addColumn<QString>("note");      // a part of the note; empty: hidden
        QTest::addColumn<bool>("canBackUp");
        QTest::addColumn<QString>("selection"); // VolumeSelection::toString() of what a backup gets

        const QStringList both{QStringLiteral("db-data — 100 GB, /dev/vdb"), QStringLiteral("v-2 — 5 GB, /dev/vdc")};
        QTest::newRow("no volume") << QList<VolumeEntry>{} << false << "all" << true << QStringList{} << ""
                                   << "a snapshot of the running server" << "No volume is attached." << true << "none";
        QTest::newRow("all by default") << QList<VolumeEntry>{kData, kLogs} << false << "all" << true << both << "CC"
                                        << "a snapshot of the running server" << "" << true << "v-1,v-2";
        QTest::newRow("setting: none") << QList<VolumeEntry>{kData, kLogs} << false << "none" << true << both << "UU"
                                       << "a snapshot" << "" << true << "none";
        // The setting may name volumes by name or id.
        QTest::newRow("setting: a name") << QList<VolumeEntry>{kData, kLogs} << false << "db-data" << true << both << "CU"
                                         << "a snapshot" << "" << true << "v-1";
        QTest::newRow("setting: an id") << QList<VolumeEntry>{kData, kLogs} << false << "v-2" << true << both << "UC"
                                        << "a snapshot" << "" << true << "v-2";
        // Without server data the original image is saved and no volume: the checkboxes are disabled.
        QTest::newRow("data off") << QList<VolumeEntry>{kData, kLogs} << false << "all" << false << both << "cc"
                                  << "the original image debian-12" << "only the original image is saved; no volume"
                                  << true << "none";
        // A boot-from-volume server: no root image; its boot volume is always saved with data.
        QTest::newRow("boot from volume")
            << QList<VolumeEntry>{kRoot, kData} << true << "none" << true
            << QStringList{QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume)"), QStringLiteral("db-data — 100 GB, /dev/vdb")}
            << "cU" << "boots from a volume" << "" << true << "v-3";
        QTest::newRow("boot from volume, data off")
            << QList<VolumeEntry>{kRoot, kData} << true << "all" << false
            << QStringList{QStringLiteral("erp-root — 20 GB, /dev/vda (boot volume)"), QStringLiteral("db-data — 100 GB, /dev/vdb")}
            << "cc" << "" << "nothing of this server can be saved" << false << "none";
    }

    void backupContents()
    {
        QFETCH(QList<VolumeEntry>, volumes);
        QFETCH(bool, bootsFromVolume);
        QFETCH(QString, volumesDefault);
        QFETCH(bool, includeData);
        QFETCH(QStringList, listed);
        QFETCH(QString, states);
        QFETCH(QString, rootDisk);
        QFETCH(QString, note);
        QFETCH(bool, canBackUp);
        QFETCH(QString, selection);

        ServerDetailsWidget widget;
        QString why;
        widget.setVolumesDefault(*VolumeSelection::parse(volumesDefault, &why));
        widget.setIncludeDataDefault(includeData);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.showServer(QStringLiteral("c1"), serverWith(volumes, bootsFromVolume));

        auto *list = widget.findChild<QListWidget *>(QStringLiteral("volumesList"));
        QCOMPARE(texts(list), listed);
        QCOMPARE(::states(list), states);
        QCOMPARE(list->isVisible(), !listed.isEmpty());
        auto *root = widget.findChild<QLabel *>(QStringLiteral("rootDiskLabel"));
        QCOMPARE(root->isVisible(), !rootDisk.isEmpty());
        QVERIFY2(root->text().contains(rootDisk), qPrintable(root->text()));
        auto *noteLabel = widget.findChild<QLabel *>(QStringLiteral("volumesNoteLabel"));
        QCOMPARE(noteLabel->isVisible(), !note.isEmpty());
        QVERIFY2(noteLabel->text().contains(note), qPrintable(noteLabel->text()));
        QCOMPARE(widget.canBackUp(), canBackUp);
        QCOMPARE(widget.findChild<QPushButton *>(QStringLiteral("backupButton"))->isEnabled(), canBackUp);
        auto *why2 = widget.findChild<QLabel *>(QStringLiteral("notBackupableLabel"));
        QCOMPARE(why2->isVisible(), !canBackUp);
        if (!canBackUp)
            QVERIFY2(why2->text().contains(QStringLiteral("“postgres-primary” boots from a volume")) &&
                         why2->text().contains(QStringLiteral("Include server data")),
                     qPrintable(why2->text()));
        QCOMPARE(widget.volumeSelection().toString(), selection);
        if (selection != u"none")
            QCOMPARE(widget.volumeSelection().mode, VolumeSelection::Mode::Named);
    }

    // What the user checks is what the Back Up button asks for, by volume id.
    void checkedVolumesGoIntoTheRequest()
    {
        ServerDetailsWidget widget;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.showServer(QStringLiteral("c1"), serverWith({kData, kLogs}, false));
        QSignalSpy requested(&widget, &ServerDetailsWidget::backupRequested);
        auto *list = widget.findChild<QListWidget *>(QStringLiteral("volumesList"));
        list->item(0)->setCheckState(Qt::Unchecked); // db-data off, as a click does
        widget.findChild<QPushButton *>(QStringLiteral("backupButton"))->click();
        QCOMPARE(requested.size(), 1);
        auto volumes = requested.at(0).at(3).value<VolumeSelection>();
        QCOMPARE(volumes.mode, VolumeSelection::Mode::Named);
        QCOMPARE(volumes.names, QStringList{QStringLiteral("v-2")});
        QCOMPARE(requested.at(0).at(2).toBool(), true);

        // A refresh of the same server keeps the choice; a volume attached since gets the default.
        ServerEntry refreshed = serverWith({kData, kLogs}, false);
        VolumeEntry added{QStringLiteral("v-9"), QStringLiteral("scratch"), 1, QStringLiteral("/dev/vdd"), false, false, {}};
        refreshed.volumes << added;
        widget.showServer(QStringLiteral("c1"), refreshed);
        QCOMPARE(::states(list), QStringLiteral("UCC"));

        // Data off: the checkboxes are disabled and no volume is asked for; on again restores the choice.
        auto *includeData = widget.findChild<QCheckBox *>(QStringLiteral("includeDataCheck"));
        includeData->setChecked(false);
        QCOMPARE(::states(list), QStringLiteral("ucc"));
        widget.findChild<QPushButton *>(QStringLiteral("backupButton"))->click();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(3).value<VolumeSelection>().mode, VolumeSelection::Mode::None);
        QCOMPARE(requested.at(1).at(2).toBool(), false);
        includeData->setChecked(true);
        QCOMPARE(::states(list), QStringLiteral("UCC"));

        // Another server starts again from the default.
        widget.showServer(QStringLiteral("c1"), FakeBackend::server(QStringLiteral("s2"), QStringLiteral("web-1")));
        widget.showServer(QStringLiteral("c1"), refreshed);
        QCOMPARE(::states(list), QStringLiteral("CCC"));
    }

    // Switching a boot-from-volume server's data off and on again tells whether it can be backed up.
    void availabilityFollowsTheDataCheckbox()
    {
        ServerDetailsWidget widget;
        widget.showServer(QStringLiteral("c1"), serverWith({kRoot}, true));
        QSignalSpy availability(&widget, &ServerDetailsWidget::backupAvailabilityChanged);
        auto *includeData = widget.findChild<QCheckBox *>(QStringLiteral("includeDataCheck"));
        QVERIFY(includeData->isEnabled());
        includeData->setChecked(false);
        QCOMPARE(availability.size(), 1);
        QCOMPARE(availability.last().at(0).toBool(), false);
        includeData->setChecked(true);
        QCOMPARE(availability.last().at(0).toBool(), true);
    }
};

QTEST_MAIN(TestServerDetailsWidget)
#include "tst_serverdetailswidget.moc"
