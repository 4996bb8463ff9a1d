// Bank ingest benchmark: how fast a disk image streams into a local bank (chunk + SHA-256 + zstd + store,
// plus md5 and sha512 of the whole image), compared with `openssl dgst -sha512` of the same bytes from a
// warm file (the verification floor of issue 8) and with each stage alone on one core.
//
//   stackvault-bench-bank [--size MiB] [--dir DIR] [--workers N] [--no-md5] [--level N] [--runs N]
//
// Prints a Markdown table. Machines here are noisy: read ratios, not absolute times.

#include "bank/chunkcodec.h"
#include "bank/chunker.h"
#include "bank/imagereader.h"
#include "bank/imagewriter.h"
#include "bank/localbank.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace sv;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// 40 % zeros, 30 % text, 30 % random, in segments of 64 KiB .. 2 MiB (like the synthetic disk).
void writeImage(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QRandomGenerator rng(1234);
    static const char *const words[] = {"server ", "image ", "backup ", "kernel: ", "the ", "and ", "INFO ",
                                        "cloud ", "/var/lib/", "user ", "data\n", "config=", "OK\n", "root "};
    QByteArray segment;
    qint64 done = 0;
    while (done < size) {
        const qint64 length = std::min<qint64>(size - done, 64 * 1024 + rng.bounded(2 * 1024 * 1024));
        const int kind = rng.bounded(10);
        segment.clear();
        if (kind < 4) {
            segment.fill('\0', length);
        } else if (kind < 7) {
            while (segment.size() < length)
                segment.append(words[rng.bounded(int(sizeof(words) / sizeof(words[0])))]);
            segment.truncate(length);
        } else {
            segment.resize(length);
            for (qint64 i = 0; i + 8 <= length; i += 8) {
                const quint64 v = rng.generate64();
                std::memcpy(segment.data() + i, &v, 8);
            }
        }
        file.write(segment);
        done += length;
    }
}

double mbps(qint64 bytes, qint64 ms) { return ms <= 0 ? 0 : double(bytes) / 1e6 / (double(ms) / 1000.0); }

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

qint64 timeOpenssl(const QString &algorithm, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), algorithm, path});
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    return timer.elapsed();
}

template<typename Fn>
double stageRate(const QByteArray &data, Fn fn)
{
    QElapsedTimer timer;
    timer.start();
    fn(data);
    return mbps(data.size(), std::max<qint64>(1, timer.elapsed()));
}

double digestRate(const QByteArray &data, const EVP_MD *md)
{
    return stageRate(data, [md](const QByteArray &d) {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_Digest(d.constData(), size_t(d.size()), out, &length, md, nullptr);
    });
}

struct IngestResult
{
    qint64 ms = 0;
    ImageRecord record;
    qint64 peak = 0;
};

IngestResult ingest(Bank &bank, const QString &imagePath, const ImageWriter::Options &options)
{
    QFile file(imagePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(imagePath));
    IngestResult result;
    QElapsedTimer timer;
    timer.start();
    ImageWriter writer(&bank, options);
    QByteArray piece(MiB, Qt::Uninitialized); // what a download hands over at a time
    for (;;) {
        const qint64 n = file.read(piece.data(), piece.size());
        if (n <= 0)
            break;
        if (!writer.write(piece.constData(), n))
            qFatal("ingest failed: %s", qPrintable(writer.error().message));
    }
    BankError error;
    if (!writer.finish(&result.record, &error))
        qFatal("ingest failed: %s", qPrintable(error.message));
    result.ms = timer.elapsed();
    result.peak = writer.peakBufferedBytes();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size"), QStringLiteral("image size in MiB (default 1024)"), QStringLiteral("MiB"),
                      QStringLiteral("1024")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("work folder (default: a temporary one under /tmp)"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("workers"), QStringLiteral("store threads (0: one per core)"), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("level"), QStringLiteral("zstd level"), QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("runs per case"), QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("no-md5"), QStringLiteral("skip the md5 of the whole image")});
    parser.process(app);

    const qint64 size = parser.value(QStringLiteral("size")).toLongLong() * MiB;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QTemporaryDir temp(parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) + QStringLiteral("/bench-XXXXXX")
                                                         : QDir::tempPath() + QStringLiteral("/sv-bench-XXXXXX"));
    const QString imagePath = temp.filePath(QStringLiteral("image.raw"));
    std::printf("Generating a %lld MiB synthetic disk (40 %% zeros, 30 %% text, 30 %% random) in %s ...\n",
                size / MiB, qPrintable(temp.path()));
    writeImage(imagePath, size);

    ImageWriter::Options options;
    options.workers = parser.value(QStringLiteral("workers")).toInt();
    options.compressionLevel = parser.value(QStringLiteral("level")).toInt();
    options.computeMd5 = !parser.isSet(QStringLiteral("no-md5"));

    // Warm the page cache, then the floor: openssl over the same file.
    timeOpenssl(QStringLiteral("-sha512"), imagePath);
    QList<double> opensslSha512;
    QList<double> opensslMd5;
    QList<double> fresh;
    QList<double> again;
    QList<double> readBack;
    qint64 peak = 0;
    qint64 objects = 0;
    ImageRecord first;
    ImageRecord second;
    for (int run = 0; run < runs; ++run) {
        opensslSha512.append(mbps(size, timeOpenssl(QStringLiteral("-sha512"), imagePath)));
        opensslMd5.append(mbps(size, timeOpenssl(QStringLiteral("-md5"), imagePath)));

        const QString bankPath = temp.filePath(QStringLiteral("bank-%1").arg(run));
        LocalBank bank(bankPath);
        BankError error;
        if (!bank.open(&error))
            qFatal("%s", qPrintable(error.message));
        IngestResult r1 = ingest(bank, imagePath, options);
        fresh.append(mbps(size, r1.ms));
        peak = std::max(peak, r1.peak);
        first = r1.record;
        IngestResult r2 = ingest(bank, imagePath, options);
        again.append(mbps(size, r2.ms));
        second = r2.record;

        QElapsedTimer timer;
        timer.start();
        ImageReader reader(&bank, r1.record);
        QByteArray chunk;
        qint64 bytes = 0;
        while (reader.next(&chunk))
            bytes += chunk.size();
        if (reader.error().isError() || bytes != size)
            qFatal("read back failed: %s", qPrintable(reader.error().message));
        readBack.append(mbps(size, timer.elapsed()));
        // Objects the bank holds for the image's chunks (packs + pack index, or one file per chunk).
        objects = 0;
        for (const char *sub : {"packs", "index", "chunks"}) {
            QDirIterator it(bankPath + QLatin1Char('/') + QLatin1String(sub), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                ++objects;
            }
        }
        QDir(bankPath).removeRecursively();
    }

    // Each stage alone, one thread, on a 256 MiB slice of the image already in memory.
    QFile file(imagePath);
    file.open(QIODevice::ReadOnly);
    const QByteArray slice = file.read(std::min<qint64>(size, 256 * MiB));
    const double chunkRate = stageRate(slice, [](const QByteArray &d) {
        Chunker chunker;
        const auto *p = reinterpret_cast<const uchar *>(d.constData());
        qsizetype offset = 0;
        while (offset < d.size()) {
            const qsizetype cut = chunker.scan(p + offset, d.size() - offset);
            if (cut < 0)
                break;
            offset += cut;
        }
    });
    const int level = options.compressionLevel;
    const double zstdRate = stageRate(slice, [level](const QByteArray &d) {
        for (qsizetype offset = 0; offset < d.size(); offset += MiB)
            ChunkCodec::encode(d.mid(offset, MiB), level);
    });

    const double perGiB = double(objects) * double(1024 * MiB) / double(size);
    std::printf("\nchunk objects stored: %lld for %lld MiB = %.0f per GiB (goal <= 80: %s)\n", qlonglong(objects),
                size / MiB, perGiB, perGiB <= 80 ? "met" : "NOT met");

    const double floor = median(opensslSha512);
    std::printf("\n| case (%lld MiB, %d runs, median) | MB/s | ratio to openssl sha512 |\n|---|---:|---:|\n",
                size / MiB, runs);
    std::printf("| openssl dgst -sha512 (warm file) | %.0f | 1.00 |\n", floor);
    std::printf("| openssl dgst -md5 (warm file) | %.0f | %.2f |\n", median(opensslMd5), median(opensslMd5) / floor);
    std::printf("| bank ingest, new bank%s | %.0f | %.2f |\n", options.computeMd5 ? " (md5+sha512)" : " (sha512 only)",
                median(fresh), median(fresh) / floor);
    std::printf("| bank ingest, same image again (dedup) | %.0f | %.2f |\n", median(again), median(again) / floor);
    std::printf("| bank read back (verify chunks + sha512) | %.0f | %.2f |\n", median(readBack),
                median(readBack) / floor);
    std::printf("\nStages alone, one thread: chunker %.0f MB/s, sha256 %.0f MB/s, zstd -%d %.0f MB/s, md5 %.0f MB/s, "
                "sha512 %.0f MB/s\n",
                chunkRate, digestRate(slice, EVP_sha256()), level, zstdRate, digestRate(slice, EVP_md5()),
                digestRate(slice, EVP_sha512()));
    std::printf("First ingest: %lld chunks, %lld bytes stored (%.1f %% of the image); second: %lld new bytes; "
                "peak buffered %.1f MiB\n",
                qlonglong(first.chunkCount()), qlonglong(first.newStoredBytes),
                100.0 * double(first.newStoredBytes) / double(size), qlonglong(second.newBytes), double(peak) / double(MiB));
    return 0;
}
