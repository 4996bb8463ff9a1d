// `--volumes all|none|NAME,...` and `[protection] back_up_volumes`: parsing, printing, matching.
#include "protection/volumeselection.h"

#include <QTest>

using sv::VolumeSelection;

Q_DECLARE_METATYPE(VolumeSelection::Mode)

class TestVolumeSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<VolumeSelection::Mode>("mode");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("printed");
        QTest::newRow("all") << QStringLiteral("all") << true << VolumeSelection::Mode::All << QStringList() << QStringLiteral("all");
        QTest::newRow("ALL, spaces") << QStringLiteral("  ALL ") << true << VolumeSelection::Mode::All << QStringList() << QStringLiteral("all");
        QTest::newRow("none") << QStringLiteral("None") << true << VolumeSelection::Mode::None << QStringList() << QStringLiteral("none");
        QTest::newRow("one name") << QStringLiteral("db-data") << true << VolumeSelection::Mode::Named << QStringList{QStringLiteral("db-data")} << QStringLiteral("db-data");
        QTest::newRow("names, ids, blanks, repeats")
            << QStringLiteral(" db-data, ,f0a1b2c3-0000-4000-8000-00000000c002,db-data ") << true << VolumeSelection::Mode::Named
            << QStringList{QStringLiteral("db-data"), QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c002")}
            << QStringLiteral("db-data,f0a1b2c3-0000-4000-8000-00000000c002");
        QTest::newRow("empty") << QStringLiteral("") << false << VolumeSelection::Mode::All << QStringList() << QStringLiteral("");
        QTest::newRow("only commas") << QStringLiteral(" , ,") << false << VolumeSelection::Mode::All << QStringList() << QStringLiteral("");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(VolumeSelection::Mode, mode);
        QFETCH(QStringList, names);
        QFETCH(QString, printed);
        QString why;
        const auto selection = VolumeSelection::parse(text, &why);
        QCOMPARE(selection.has_value(), valid);
        if (!valid) {
            QVERIFY2(why.contains(QLatin1String("all, none")), qPrintable(why));
            return;
        }
        QVERIFY(why.isEmpty());
        QCOMPARE(selection->mode, mode);
        QCOMPARE(selection->names, names);
        QCOMPARE(selection->toString(), printed);
        QCOMPARE(VolumeSelection::parse(selection->toString()), selection); // round trip
    }

    void includes_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("included");
        QTest::newRow("all takes any") << QStringLiteral("all") << QStringLiteral("v1") << QStringLiteral("data") << true;
        QTest::newRow("none takes none") << QStringLiteral("none") << QStringLiteral("v1") << QStringLiteral("data") << false;
        QTest::newRow("by name") << QStringLiteral("data,logs") << QStringLiteral("v1") << QStringLiteral("data") << true;
        QTest::newRow("by id") << QStringLiteral("v1") << QStringLiteral("v1") << QStringLiteral("data") << true;
        QTest::newRow("other name") << QStringLiteral("logs") << QStringLiteral("v1") << QStringLiteral("data") << false;
        QTest::newRow("unnamed volume, by id only") << QStringLiteral("v2") << QStringLiteral("v2") << QStringLiteral("") << true;
        QTest::newRow("names are case-sensitive, as in Cinder") << QStringLiteral("Data") << QStringLiteral("v1") << QStringLiteral("data") << false;
    }
    void includes()
    {
        QFETCH(QString, selection);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(bool, included);
        QCOMPARE(VolumeSelection::parse(selection)->includes(id, name), included);
    }

    void unmatched()
    {
        const auto selection = VolumeSelection::parse(QStringLiteral("db-data,v9,logs"));
        QCOMPARE(selection->unmatched({QStringLiteral("v1"), QStringLiteral("v9")}, {QStringLiteral("db-data"), QString()}),
                 QStringList{QStringLiteral("logs")});
        QVERIFY(VolumeSelection::all().unmatched({}, {}).isEmpty());
        QVERIFY(VolumeSelection::none().unmatched({}, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVolumeSelection)
#include "tst_volumeselection.moc"
