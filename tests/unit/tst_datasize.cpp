#include "util/datasize.h"

#include <QTest>

class TestDataSize : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
};

void TestDataSize::formats_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << "C" << "0 bytes";
    QTest::newRow("bytes") << qint64(1023) << "C" << "1023 bytes";
    QTest::newRow("KiB boundary, 1024-based") << qint64(1024) << "C" << "1.0 KB";
    QTest::newRow("one decimal") << qint64(1536 * 1024) << "C" << "1.5 MB";
    QTest::newRow("TiB") << (qint64(2) << 40) << "C" << "2.0 TB";
    QTest::newRow("German decimal comma") << qint64(1536 * 1024) << "de_DE" << "1,5 MB";
    QTest::newRow("unknown is empty") << qint64(-1) << "C" << "";
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
