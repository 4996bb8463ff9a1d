#include "bank/imagereader.h"
#include "bank/imagewriter.h"
#include "bank/localbank.h"

#include "bankfixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace sv;

class TestImageReader : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalBank> m_bank;
    QByteArray m_image;
    ImageRecord m_record;
    QList<ChunkRef> m_refs;

private Q_SLOTS:
    void initTestCase()
    {
        m_bank = std::make_unique<LocalBank>(m_dir.path());
        BankError error;
        QVERIFY(m_bank->open(&error));
        m_image = svtest::generateImage(20 * 1024 * 1024 + 17, 12);
        ImageWriter writer(m_bank.get());
        QVERIFY(svtest::feed(writer, m_image, 1 << 20));
        QVERIFY(writer.finish(&m_record, &error));
        m_refs = svtest::chunkRefs(*m_bank, m_record);
        QVERIFY(m_refs.size() > 8);
    }

    void inOrderWhateverThePrefetch_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("prefetch");
        QTest::newRow("1 thread, no read-ahead") << 1 << 1;
        QTest::newRow("2 threads, 4 ahead") << 2 << 4;
        QTest::newRow("4 threads, 16 ahead") << 4 << 16;
    }

    void inOrderWhateverThePrefetch()
    {
        QFETCH(int, threads);
        QFETCH(int, prefetch);
        ImageReader::Options options;
        options.threads = threads;
        options.prefetchChunks = prefetch;
        ImageReader reader(m_bank.get(), m_record, options);
        QByteArray out;
        QByteArray piece;
        qsizetype index = 0;
        while (reader.next(&piece)) {
            QCOMPARE(piece.size(), m_refs.at(index).size);
            out.append(piece);
            ++index;
        }
        QVERIFY2(!reader.error().isError(), qPrintable(reader.error().message));
        QVERIFY(reader.atEnd());
        QCOMPARE(reader.bytesRead(), m_record.size);
        QCOMPARE(out, m_image);
        QVERIFY(!reader.next(&piece)); // stays at the end
    }

    void stopsEarlyWithoutLeaking()
    {
        // A restore cancelled after two chunks: what was already read ahead may still be handed out,
        // then next() says "cancelled"; the rest of the image is never read, and destruction joins the
        // workers promptly.
        ImageReader::Options options;
        options.threads = 2;
        options.prefetchChunks = 2;
        QElapsedTimer destruction;
        {
            ImageReader reader(m_bank.get(), m_record, options);
            QByteArray piece;
            QVERIFY(reader.next(&piece));
            QVERIFY(reader.next(&piece));
            reader.cancel();
            int afterCancel = 0;
            while (reader.next(&piece))
                ++afterCancel;
            QCOMPARE(reader.error().code, BankError::Code::Cancelled);
            QVERIFY2(afterCancel <= options.prefetchChunks + options.threads,
                     qPrintable(QStringLiteral("%1 chunks after cancel").arg(afterCancel)));
            QVERIFY(!reader.atEnd());
            QVERIFY(reader.bytesRead() < m_record.size / 2);
            QVERIFY(!reader.next(&piece)); // stays cancelled
            destruction.start();
        }
        QVERIFY2(destruction.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(destruction.elapsed())));
    }

    void emptyImage()
    {
        ImageRecord empty;
        empty.sha512 = QByteArray(128, '0');
        ImageReader reader(m_bank.get(), empty);
        QByteArray piece;
        QVERIFY(reader.atEnd());
        QVERIFY(!reader.next(&piece));
        QVERIFY(!reader.error().isError());
    }
};

QTEST_GUILESS_MAIN(TestImageReader)
#include "tst_imagereader.moc"
