#include "bank/imagereader.h"
#include "bank/imagewriter.h"
#include "bank/localbank.h"

#include "bankfixtures.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace sv;

namespace {

// A bank whose disk fills up after `okChunks` chunks: the error path a real ENOSPC takes (LocalBank maps
// errno ENOSPC to DiskFull in DurableFile; that mapping is tested in tst_localbank).
class FillingBank : public LocalBank
{
public:
    FillingBank(const QString &root, int okChunks)
        : LocalBank(root)
        , m_left(okChunks)
    {
    }
    bool stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged,
                    BankError *error) override
    {
        if (m_left.fetch_sub(1) <= 0) {
            *error = BankError::fromErrno(ENOSPC, QStringLiteral("Writing"), chunkPath(name));
            return false;
        }
        return LocalBank::stageChunk(name, encoded, staged, error);
    }

private:
    std::atomic<int> m_left;
};

int temporaryFiles(const QString &root)
{
    int count = 0;
    QDirIterator it(root, {QStringLiteral(".tmp-*")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

QByteArray readBack(const Bank &bank, const ImageRecord &record)
{
    ImageReader reader(&bank, record);
    QByteArray out;
    QByteArray piece;
    while (reader.next(&piece))
        out.append(piece);
    if (reader.error().isError())
        qWarning() << reader.error().message;
    return reader.error().isError() ? QByteArray("<error>") : out;
}

} // namespace

class TestImageWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qsizetype>("pieceSize");
        QTest::addColumn<int>("workers");
        QTest::newRow("empty") << qint64(0) << qsizetype(65536) << 0;
        QTest::newRow("1 byte") << qint64(1) << qsizetype(65536) << 0;
        QTest::newRow("below min chunk") << qint64(200 * 1024) << qsizetype(4096) << 1;
        QTest::newRow("6 MiB, 1-byte-odd pieces") << qint64(6 * 1024 * 1024 + 5) << qsizetype(65521) << 2;
        QTest::newRow("24 MiB, 1 worker") << qint64(24 * 1024 * 1024) << qsizetype(256 * 1024) << 1;
        QTest::newRow("24 MiB, 3 workers") << qint64(24 * 1024 * 1024) << qsizetype(1024 * 1024) << 3;
    }

    void roundTrip()
    {
        QFETCH(qint64, size);
        QFETCH(qsizetype, pieceSize);
        QFETCH(int, workers);
        QTemporaryDir dir;
        LocalBank bank(dir.path());
        BankError error;
        QVERIFY2(bank.open(&error), qPrintable(error.message));
        const QByteArray image = svtest::generateImage(size, 21);

        ImageWriter::Options options;
        options.workers = workers;
        ImageWriter writer(&bank, options);
        QVERIFY(svtest::feed(writer, image, pieceSize));
        ImageRecord record;
        QVERIFY2(writer.finish(&record, &error), qPrintable(error.message));

        QCOMPARE(record.size, size);
        QCOMPARE(record.md5, QCryptographicHash::hash(image, QCryptographicHash::Md5).toHex());
        QCOMPARE(record.sha512, QCryptographicHash::hash(image, QCryptographicHash::Sha512).toHex());
        qint64 sum = 0;
        for (const ChunkRef &chunk : svtest::chunkRefs(bank, record))
            sum += chunk.size;
        QCOMPARE(sum, size);
        QCOMPARE(readBack(bank, record), image);
    }

    void digestsMatchOpenSslCli()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command not installed (scripts/lib/common.sh installs it); digests are still "
                  "compared with QCryptographicHash in roundTrip");
        QTemporaryDir dir;
        LocalBank bank(dir.filePath(QStringLiteral("bank")));
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(5 * 1024 * 1024 + 77, 4);
        const QString imagePath = dir.filePath(QStringLiteral("image.raw"));
        QFile file(imagePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(image);
        file.close();
        ImageWriter writer(&bank);
        QVERIFY(svtest::feed(writer, image, 100000));
        ImageRecord record;
        QVERIFY(writer.finish(&record, &error));
        for (const auto &[algorithm, expected] : {std::pair{QStringLiteral("-md5"), record.md5},
                                                  std::pair{QStringLiteral("-sha512"), record.sha512}}) {
            QProcess process;
            process.start(openssl, {QStringLiteral("dgst"), algorithm, QStringLiteral("-r"), imagePath});
            QVERIFY(process.waitForFinished(30000));
            const QByteArray output = process.readAllStandardOutput();
            QCOMPARE(output.left(output.indexOf(' ')), expected);
        }
    }

    void repeatedContentStoredOnce()
    {
        QTemporaryDir dir;
        LocalBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        ImageWriter writer(&bank);
        QVERIFY(svtest::feed(writer, QByteArray(40 * 1024 * 1024, '\0'), 1 << 20));
        ImageRecord record;
        QVERIFY(writer.finish(&record, &error));
        // Zero runs cut 64 bytes after the minimum chunk size: one chunk, repeated, plus the tail.
        const qint64 zeroChunk = Chunker::Params{}.minSize + 64;
        const QList<ChunkRef> refs = svtest::chunkRefs(bank, record);
        QCOMPARE(record.chunkCount(), (40 * 1024 * 1024 + zeroChunk - 1) / zeroChunk);
        QCOMPARE(refs.size(), record.chunkCount());
        QCOMPARE(refs.first().size, zeroChunk);
        QCOMPARE(record.newBytes, zeroChunk + refs.last().size);
        QVERIFY(record.newStoredBytes < 4096);
        QCOMPARE(readBack(bank, record), QByteArray(40 * 1024 * 1024, '\0'));
    }

    void memoryBounded()
    {
        QTemporaryDir dir;
        LocalBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        ImageWriter::Options options;
        options.maxBufferedBytes = 16 * 1024 * 1024;
        ImageWriter writer(&bank, options);
        // 256 MiB generated on the fly: no copy of the image exists anywhere.
        const qint64 total = 256ll * 1024 * 1024;
        QRandomGenerator rng(99);
        QByteArray piece;
        QElapsedTimer timer;
        timer.start();
        for (qint64 done = 0; done < total;) {
            piece.clear();
            const int kind = rng.bounded(3);
            const qint64 length = std::min<qint64>(total - done, 256 * 1024);
            if (kind == 0)
                piece.fill('\0', length);
            else if (kind == 1)
                svtest::appendText(&piece, length, rng);
            else
                svtest::appendRandom(&piece, length, rng);
            QVERIFY(writer.write(piece));
            done += length;
        }
        ImageRecord record;
        QVERIFY2(writer.finish(&record, &error), qPrintable(error.message));
        QCOMPARE(record.size, total);
        const qint64 bound = options.maxBufferedBytes + 4 * 1024 * 1024 + 256 * 1024; // queues + one max chunk
        qInfo("256 MiB ingested in %lld ms (including generating it); peak buffered %.1f MiB (bound %.1f MiB)",
              qlonglong(timer.elapsed()), double(writer.peakBufferedBytes()) / 1048576.0, double(bound) / 1048576.0);
        QVERIFY(writer.peakBufferedBytes() > 0);
        QVERIFY(writer.peakBufferedBytes() <= bound);
    }

    void cancelFromAnotherThread()
    {
        QTemporaryDir dir;
        LocalBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        ImageWriter writer(&bank);
        const QByteArray piece = svtest::generateImage(1024 * 1024, 8);
        std::thread canceller([&writer] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            writer.cancel();
        });
        bool accepted = true;
        for (int i = 0; i < 100000 && accepted; ++i) // would be 100 GB: cancel must stop it
            accepted = writer.write(piece);
        canceller.join();
        QVERIFY(!accepted);
        ImageRecord record;
        QVERIFY(!writer.finish(&record, &error));
        QCOMPARE(error.code, BankError::Code::Cancelled);
        QCOMPARE(temporaryFiles(dir.path()), 0);
    }

    void diskFullStopsTheStream()
    {
        QTemporaryDir dir;
        FillingBank bank(dir.path(), 3);
        BankError error;
        QVERIFY(bank.open(&error));
        QRandomGenerator rng(3);
        QByteArray random;
        svtest::appendRandom(&random, 64 * 1024 * 1024, rng);
        {
            ImageWriter writer(&bank);
            svtest::feed(writer, random, 1 << 20);
            ImageRecord record;
            QVERIFY(!writer.finish(&record, &error));
        }
        // The chunks staged before the failure are gone, and none was ever visible under its name.
        QCOMPARE(temporaryFiles(dir.path()), 0);
        int named = 0;
        bank.listChunks([&named](const QByteArray &, qint64) { return ++named > 0; }, &error);
        QCOMPARE(named, 0);
        QCOMPARE(error.code, BankError::Code::DiskFull);
        QVERIFY2(error.message.contains(QStringLiteral("full")), qPrintable(error.message));
        QVERIFY2(error.message.contains(dir.path()), qPrintable(error.message));
        qInfo() << error.message;
    }
};

QTEST_GUILESS_MAIN(TestImageWriter)
#include "tst_imagewriter.moc"
