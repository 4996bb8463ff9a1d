#include "util/datasize.h"

#include <QTest>

class TestDataSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
};

void TestDataSize::formats_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("C") << QStringLiteral("0 bytes");
    QTest::newRow("bytes") << qint64(1023) << QStringLiteral("C") << QStringLiteral("1023 bytes");
    QTest::newRow("KiB boundary, 1024-based") << qint64(1024) << QStringLiteral("C") << QStringLiteral("1.0 kB");
    QTest::newRow("one decimal") << qint64(1536 * 1024) << QStringLiteral("C") << QStringLiteral("1.5 MB");
    QTest::newRow("TiB") << (qint64(2) << 40) << QStringLiteral("C") << QStringLiteral("2.0 TB");
    QTest::newRow("German decimal comma") << qint64(1536 * 1024) << QStringLiteral("de_DE") << QStringLiteral("1,5 MB");
    QTest::newRow("unknown is empty") << qint64(-1) << QStringLiteral("C") << QStringLiteral("");
}

void TestDataSize::formats()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QCOMPARE(sv::formatDataSize(bytes, QLocale(locale)), expected);
}

QTEST_GUILESS_MAIN(TestDataSize)
#include "tst_datasize.moc"
