// The details pane says, before a backup starts, which attached volumes a backup does not include.
#include "common/icons.h"
#include "details/serverdetailswidget.h"
#include "fakebackend.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using sv::ui::ServerDetailsWidget;
using sv::ui::ServerEntry;
using sv::ui::VolumeEntry;

class TestServerDetailsWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { sv::ui::initResources(); }

    void attachedVolumes_data()
    {
        QTest::addColumn<QList<VolumeEntry>>("volumes");
        QTest::addColumn<bool>("bootsFromVolume");
        QTest::addColumn<QString>("listed");  // the Volumes row
        QTest::addColumn<QString>("warning"); // empty: no warning shown
        QTest::newRow("none") << QList<VolumeEntry>{} << false << QStringLiteral("None") << QString();
        QTest::newRow("named") << QList<VolumeEntry>{{QStringLiteral("v-1"), QStringLiteral("db-data"), 100, {}, false}}
                               << false << QStringLiteral("db-data (v-1)")
                               << QStringLiteral("Backups do NOT include the attached volumes: db-data. StackVault does "
                                                 "not back up volumes yet; only the server's boot disk is saved.");
        // Cinder could not name the second one: its id stands in.
        QTest::newRow("named and unnamed")
            << QList<VolumeEntry>{{QStringLiteral("v-1"), QStringLiteral("db-data"), 100, {}, false},
                                  {QStringLiteral("v-2"), QString(), 0, {}, false}}
            << false << QStringLiteral("db-data (v-1)\nv-2")
            << QStringLiteral("Backups do NOT include the attached volumes: db-data, v-2. StackVault does not back up "
                              "volumes yet; only the server's boot disk is saved.");
        // A volume-booted server cannot be backed up at all; that is what the pane says instead.
        QTest::newRow("boots from a volume")
            << QList<VolumeEntry>{{QStringLiteral("v-3"), QStringLiteral("root"), 20, {}, true}} << true
            << QStringLiteral("root (v-3)") << QString();
    }

    void attachedVolumes()
    {
        QFETCH(QList<VolumeEntry>, volumes);
        QFETCH(bool, bootsFromVolume);
        QFETCH(QString, listed);
        QFETCH(QString, warning);
        ServerDetailsWidget widget;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        ServerEntry server = FakeBackend::server(QStringLiteral("s1"), QStringLiteral("postgres-primary"));
        if (bootsFromVolume)
            server.imageId.clear();
        server.volumes = volumes;
        widget.showServer(QStringLiteral("c1"), server);
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("serverVolumesLabel"))->text(), listed);
        auto *note = widget.findChild<QLabel *>(QStringLiteral("volumesNotIncludedLabel"));
        QCOMPARE(note->isVisible(), !warning.isEmpty());
        QCOMPARE(note->text(), warning);
        QCOMPARE(widget.findChild<QPushButton *>(QStringLiteral("backupButton"))->isEnabled(), !bootsFromVolume);

        // Showing another server without volumes hides the warning again.
        widget.showServer(QStringLiteral("c1"), FakeBackend::server(QStringLiteral("s2"), QStringLiteral("web-1")));
        QVERIFY(!note->isVisible());
    }
};

QTEST_MAIN(TestServerDetailsWidget)
#include "tst_serverdetailswidget.moc"
