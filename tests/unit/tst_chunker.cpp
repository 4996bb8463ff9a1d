#include "bank/chunker.h"

#include "bankfixtures.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using sv::Chunker;

namespace {

QList<QByteArray> chunkHashes(const QByteArray &data, const QList<qsizetype> &lengths)
{
    QList<QByteArray> hashes;
    qsizetype offset = 0;
    for (const qsizetype length : lengths) {
        hashes.append(QCryptographicHash::hash(data.mid(offset, length), QCryptographicHash::Sha1));
        offset += length;
    }
    return hashes;
}

} // namespace

class TestChunker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deterministicAcrossPieceSizes_data()
    {
        QTest::addColumn<qsizetype>("pieceSize");
        QTest::newRow("1 byte") << qsizetype(1);
        QTest::newRow("7 bytes") << qsizetype(7);
        QTest::newRow("4 KiB") << qsizetype(4096);
        QTest::newRow("64 KiB + 1") << qsizetype(65537);
        QTest::newRow("1 MiB + 3") << qsizetype(1024 * 1024 + 3);
        QTest::newRow("whole") << qsizetype(64 * 1024 * 1024);
    }

    void deterministicAcrossPieceSizes()
    {
        QFETCH(qsizetype, pieceSize);
        const QByteArray data = svtest::generateImage(pieceSize == 1 ? 6 * 1024 * 1024 : 20 * 1024 * 1024, 7);
        const Chunker::Params params;
        const QList<qsizetype> whole = Chunker::split(data, params);
        QCOMPARE(Chunker::split(data, params), whole); // same input, same cuts

        QList<qsizetype> pieced;
        Chunker chunker(params);
        qsizetype chunkStart = 0;
        for (qsizetype offset = 0; offset < data.size();) {
            const qsizetype piece = std::min(pieceSize, data.size() - offset);
            qsizetype used = 0;
            while (used < piece) {
                const qsizetype cut =
                    chunker.scan(reinterpret_cast<const uchar *>(data.constData()) + offset + used, piece - used);
                if (cut < 0) {
                    used = piece;
                    break;
                }
                used += cut;
                pieced.append(offset + used - chunkStart);
                chunkStart = offset + used;
            }
            offset += piece;
        }
        if (chunkStart < data.size())
            pieced.append(data.size() - chunkStart);
        QCOMPARE(pieced, whole);
    }

    void bounds_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("zeroRun");
        QRandomGenerator rng(42);
        QByteArray random;
        svtest::appendRandom(&random, 48 * 1024 * 1024, rng);
        QTest::newRow("random") << random << false;
        QTest::newRow("mixed disk") << svtest::generateImage(48 * 1024 * 1024, 3) << false;
        QTest::newRow("zeros") << QByteArray(20 * 1024 * 1024, '\0') << true;
    }

    void bounds()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, zeroRun);
        const Chunker::Params params;
        const QList<qsizetype> lengths = Chunker::split(data, params);
        qsizetype total = 0;
        for (qsizetype i = 0; i < lengths.size(); ++i) {
            total += lengths[i];
            QVERIFY2(lengths[i] <= params.maxSize, qPrintable(QString::number(lengths[i])));
            if (i + 1 < lengths.size()) {
                QVERIFY2(lengths[i] >= params.minSize, qPrintable(QString::number(lengths[i])));
                if (zeroRun) // zero runs cut right after the minimum (see the gear table)
                    QCOMPARE(lengths[i], params.minSize + 64);
            }
        }
        QCOMPARE(total, data.size());
        const double average = double(total) / double(lengths.size());
        qInfo("%lld chunks, average %.0f KiB", qlonglong(lengths.size()), average / 1024);
        if (QByteArray(QTest::currentDataTag()) == "random")
            QVERIFY2(average > 512 * 1024 && average < 2 * 1024 * 1024, qPrintable(QString::number(average)));
    }

    void shiftResistance_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<qsizetype>("inserted");
        QTest::newRow("1 byte at 0") << qsizetype(0) << qsizetype(1);
        QTest::newRow("100 bytes at 1000") << qsizetype(1000) << qsizetype(100);
        QTest::newRow("4 KiB at 3 MiB") << qsizetype(3 * 1024 * 1024) << qsizetype(4096);
    }

    void shiftResistance()
    {
        QFETCH(qsizetype, offset);
        QFETCH(qsizetype, inserted);
        QRandomGenerator rng(11);
        QByteArray original;
        svtest::appendRandom(&original, 32 * 1024 * 1024, rng);
        QByteArray changed = original;
        changed.insert(offset, QByteArray(inserted, 'x'));
        const Chunker::Params params;
        const QList<QByteArray> before = chunkHashes(original, Chunker::split(original, params));
        const QList<QByteArray> after = chunkHashes(changed, Chunker::split(changed, params));
        const QSet<QByteArray> beforeSet(before.cbegin(), before.cend());
        int differing = 0;
        for (const QByteArray &h : after)
            differing += beforeSet.contains(h) ? 0 : 1;
        qInfo("%d of %lld chunks differ after inserting %lld bytes at %lld", differing, qlonglong(after.size()),
              qlonglong(inserted), qlonglong(offset));
        QVERIFY(differing >= 1);
        QVERIFY2(differing <= 2, "an insertion must only change the chunks around it");
        // The chunks after the change are the very same ones.
        QCOMPARE(after.mid(after.size() - 10), before.mid(before.size() - 10));
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "tst_chunker.moc"
