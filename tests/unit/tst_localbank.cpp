#include "bank/checkpointwriter.h"
#include "bank/chunkcodec.h"
#include "bank/chunklist.h"
#include "bank/durablefile.h"
#include "bank/imagereader.h"
#include "bank/localbank.h"
#include "bank/packstore.h"

#include "blobspot.h"
#include "checkpointfixtures.h"
#include "reopenrace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace sv;

namespace {

using svtest::backup;
using svtest::chunksOf;
using svtest::draftFor;
using svtest::kImage;
using svtest::kServer;

// The whole class runs twice (see main): against banks of format 1 (one file per chunk, made as an
// older StackVault made them) and against new banks (format 2, packs).
bool g_formatOne = false;

class TestBank : public LocalBank
{
public:
    explicit TestBank(const QString &root)
        : LocalBank(root)
    {
        if (g_formatOne && !QFileInfo::exists(root + QStringLiteral("/bank.json"))) {
            BankError ignored;
            DurableFile::makeDirectory(root, &ignored); // 0700, as open() makes it
            QFile file(root + QStringLiteral("/bank.json"));
            if (file.open(QIODevice::WriteOnly))
                file.write(R"({"format":"stackvault-bank","version":1,"chunking":"fastcdc-gear64-v1",)"
                           R"("chunk_hash":"sha256","compression":"zstd"})");
        }
    }
};

using svtest::BlobSpot;
const auto spotOf = svtest::blobSpot;

QString statusOf(const Bank &bank, const QString &id)
{
    QList<CheckpointSummary> list;
    BankError error;
    bank.listCheckpoints(&list, &error);
    for (const CheckpointSummary &s : std::as_const(list)) {
        if (s.id == id)
            return s.status;
    }
    return QStringLiteral("<absent>");
}

// Child process mode (see main): start a backup, store every chunk, then die before commit.
int crashingChild(const QString &bankPath)
{
    TestBank bank(bankPath);
    BankError error;
    if (!bank.open(&error))
        return 2;
    CheckpointIndex draft = draftFor(QStringLiteral("crashy"));
    draft.id = QStringLiteral("interrupted-checkpoint");
    auto checkpoint = bank.beginCheckpoint(draft, &error);
    if (!checkpoint)
        return 3;
    auto writer = checkpoint->createImageWriter();
    const QByteArray image = svtest::generateImage(8 * 1024 * 1024, 77);
    if (!svtest::feed(*writer, image, 1 << 20))
        return 4;
    ImageRecord record;
    if (!writer->finish(&record, &error))
        return 5;
    checkpoint->resource(kImage, QStringLiteral("img-crashy"))->image = record;
    ::_exit(0); // killed here: no commit, no destructor, no "error" status written
}

// A backup as svtest::backup, with the chunk list cut into parts of `listParts` (tiny parts give an
// image of a few MiB several parts).
QString backupWithParts(Bank &bank, const QString &serverId, const QByteArray &image,
                        const ChunkListWriter::Params &listParts, ImageRecord *recordOut, BankError *error)
{
    auto checkpoint = bank.beginCheckpoint(draftFor(serverId), error);
    if (!checkpoint)
        return {};
    ImageWriter::Options options;
    options.listParts = listParts;
    auto writer = checkpoint->createImageWriter(options);
    ImageRecord record;
    if (!svtest::feed(*writer, image, 1 << 20) || !writer->finish(&record, error))
        return {};
    checkpoint->resource(kImage, QStringLiteral("img-") + serverId)->image = record;
    *recordOut = record;
    return checkpoint->commit(error) ? checkpoint->id() : QString();
}

ChunkListWriter::Params tinyParts()
{
    ChunkListWriter::Params params;
    params.minChunks = 2;
    params.maxChunks = 4;
    params.cutModulus = 3;
    return params;
}

QString partPath(const Bank &bank, const QByteArray &name)
{
    return bank.location() + QLatin1Char('/') + ChunkListFormat::objectName(name);
}

QStringList listPartFiles(const Bank &bank)
{
    QStringList files;
    QDirIterator it(bank.location() + QStringLiteral("/lists"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

QByteArray readAllOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray restoreImage(const Bank &bank, const QString &id, BankError *error)
{
    CheckpointIndex index;
    if (!bank.checkpoint(id, &index, error))
        return {};
    return svtest::readBack(bank, *index.resources[1].image, error);
}

// Peak resident memory of this process since the last reset (Linux: VmHWM; "5" to clear_refs resets it).
qint64 statusKib(const char *field)
{
    const QList<QByteArray> lines = readAllOf(QStringLiteral("/proc/self/status")).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestLocalBank : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutAndPermissions()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("a/b/bank"));
        TestBank bank(root);
        BankError error;
        QVERIFY2(bank.open(&error), qPrintable(error.message));
        const QString id = backup(bank, QStringLiteral("s1"), svtest::generateImage(3 * 1024 * 1024, 1), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString blobs = g_formatOne ? QStringLiteral("/chunks") : QStringLiteral("/packs");
        for (const QString &sub : {QString(), blobs, QStringLiteral("/checkpoints"), QStringLiteral("/journal")}) {
            struct stat dirStat {};
            QCOMPARE(::stat(QFile::encodeName(root + sub).constData(), &dirStat), 0);
            QCOMPARE(dirStat.st_mode & 0777, 0700u);
        }
        QCOMPARE(QFileInfo::exists(root + QStringLiteral("/chunks")), g_formatOne);
        QCOMPARE(QFileInfo::exists(root + QStringLiteral("/index")), !g_formatOne);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(bank.indexPath(id)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const QByteArray someChunk = *svtest::chunksInBank(bank).cbegin();
        const BlobSpot spot = spotOf(bank, someChunk);
        QCOMPARE(::stat(QFile::encodeName(spot.path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(spot.path).absolutePath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        if (g_formatOne) {
            QVERIFY(spot.path.endsWith(QStringLiteral("/chunks/") + QString::fromLatin1(someChunk.left(2))
                                       + QLatin1Char('/') + QString::fromLatin1(someChunk)));
        } else {
            // The 3 MiB image fits one pack: one pack, one index object, named by their content.
            QDir packs(root + QStringLiteral("/packs"));
            QCOMPARE(QDirIterator(packs.path(), QDir::Files, QDirIterator::Subdirectories).hasNext(), true);
            QFile pack(spot.path);
            QVERIFY(pack.open(QIODevice::ReadOnly));
            const QByteArray bytes = pack.readAll();
            // Named by the SHA-256 of its magic and of everything from its sealed trailer on (FORMAT.md).
            const qsizetype trailer = qsizetype(qFromLittleEndian<quint32>(bytes.constData() + bytes.size() - 8));
            QCOMPARE(ChunkCodec::sha256Hex(bytes.left(8) + bytes.mid(bytes.size() - 8 - trailer)),
                     QFileInfo(spot.path).fileName().toLatin1());
            QList<PackStore::PackEntry> entries;
            QString why;
            QVERIFY2(PackStore::parsePackTrailer(bytes, PackStore::Sealer::identity(), &entries, &why), qPrintable(why));
            QCOMPARE(entries.size(), svtest::chunksInBank(bank).size());
            QCOMPARE(QDir(root + QStringLiteral("/index")).entryList(QDir::Files).size(), 1);
        }
        QFile format(root + QStringLiteral("/bank.json"));
        QVERIFY(format.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(format.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), g_formatOne ? 1 : 2);
        QCOMPARE(json.value(QStringLiteral("layout")).toString(), g_formatOne ? QString() : QStringLiteral("packs-v1"));
    }

    void checkpointRoundTrip()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(12 * 1024 * 1024 + 333, 2);
        ImageRecord written;
        const QString id = backup(bank, QStringLiteral("s1"), image, &error, &written);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));

        QList<CheckpointSummary> list;
        QVERIFY(bank.listCheckpoints(&list, &error));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].id, id);
        QCOMPARE(list[0].status, QStringLiteral("available"));
        QCOMPARE(list[0].serverId, QStringLiteral("s1"));
        QCOMPARE(list[0].size, image.size());
        QVERIFY(list[0].storedBytes > 0 && list[0].storedBytes < image.size());

        // A fresh bank object (another process) reads the same index back.
        TestBank again(dir.path());
        CheckpointIndex index;
        QVERIFY2(again.checkpoint(id, &index, &error), qPrintable(error.message));
        QCOMPARE(index.status, QStringLiteral("available"));
        QCOMPARE(index.consistency, QStringLiteral("crash-consistent"));
        QCOMPARE(index.options.value(QStringLiteral("include_data")).toBool(), true);
        QCOMPARE(index.resources.size(), 2);
        const ProtectedResource &img = index.resources[1];
        QCOMPARE(img.extraInfo.value(QStringLiteral("server_id")).toString(), QStringLiteral("s1"));
        QCOMPARE(img.parentId, QStringLiteral("s1"));
        QCOMPARE(img.status, QStringLiteral("available"));
        QCOMPARE(img.metadata.value(QStringLiteral("hw_disk_bus")).toString(), QStringLiteral("scsi"));
        QVERIFY(img.image.has_value());
        QCOMPARE(img.image->diskFormat, QStringLiteral("qcow2"));
        QCOMPARE(img.image->sha512, QCryptographicHash::hash(image, QCryptographicHash::Sha512).toHex());
        QCOMPARE(img.image->md5, QCryptographicHash::hash(image, QCryptographicHash::Md5).toHex());
        QCOMPARE(svtest::chunkRefs(again, *img.image).size(), svtest::chunkRefs(again, written).size());

        ImageReader reader(&again, *img.image);
        QByteArray out;
        QByteArray piece;
        while (reader.next(&piece))
            out.append(piece);
        QVERIFY2(!reader.error().isError(), qPrintable(reader.error().message));
        QCOMPARE(out, image);

        VerifyReport report;
        QVERIFY(again.verifyCheckpoint(id, &report, &error));
        QVERIFY(report.ok());
        QCOMPARE(report.bytesChecked, image.size());
    }

    void dedup()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(128 * 1024 * 1024, 31);
        ImageRecord first;
        ImageRecord second;
        ImageRecord third;
        QVERIFY(!backup(bank, QStringLiteral("s1"), image, &error, &first).isEmpty());
        QVERIFY(!backup(bank, QStringLiteral("s1"), image, &error, &second).isEmpty());
        const QByteArray changed = svtest::mutate(image, 0.03, 4, 5);
        QVERIFY(!backup(bank, QStringLiteral("s1"), changed, &error, &third).isEmpty());
        const auto pct = [](qint64 part, qint64 whole) { return 100.0 * double(part) / double(whole); };
        qInfo("first backup: %lld bytes, %lld new, %lld stored (compressed)", qlonglong(first.size),
              qlonglong(first.newBytes), qlonglong(first.newStoredBytes));
        qInfo("unchanged:    %.3f %% new bytes (%lld), %lld stored", pct(second.newBytes, second.size),
              qlonglong(second.newBytes), qlonglong(second.newStoredBytes));
        qInfo("3 %% changed: %.2f %% new bytes (%lld), %lld stored (%.2f %% of the image size)",
              pct(third.newBytes, third.size), qlonglong(third.newBytes), qlonglong(third.newStoredBytes),
              pct(third.newStoredBytes, third.size));
        QVERIFY(first.newBytes > 0);
        QVERIFY(pct(second.newBytes, second.size) < 1.0);
        QVERIFY(pct(third.newBytes, third.size) < 10.0);
    }

    void deleteCollectsExactlyUnreferenced()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray base = svtest::generateImage(24 * 1024 * 1024, 40);
        const QString a = backup(bank, QStringLiteral("a"), base, &error);
        const QString b = backup(bank, QStringLiteral("b"), svtest::mutate(base, 0.1, 2, 1), &error);
        const QString c = backup(bank, QStringLiteral("c"), svtest::generateImage(8 * 1024 * 1024, 41), &error);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        const QSet<QByteArray> keep = chunksOf(bank, a) | chunksOf(bank, c);
        const QSet<QByteArray> onlyB = chunksOf(bank, b) - keep;
        QVERIFY(!onlyB.isEmpty());
        QCOMPARE(svtest::chunksInBank(bank), keep | chunksOf(bank, b));

        GcReport gc;
        QVERIFY2(bank.deleteCheckpoint(b, &gc, &error), qPrintable(error.message));
        QVERIFY(gc.done);
        QCOMPARE(gc.chunksRemoved, qint64(onlyB.size()));
        QVERIFY(gc.bytesFreed > 0);
        QCOMPARE(svtest::chunksInBank(bank), keep);
        QCOMPARE(statusOf(bank, b), QStringLiteral("<absent>"));
        CheckpointIndex index;
        QVERIFY(!bank.checkpoint(b, &index, &error));
        QCOMPARE(error.code, BankError::Code::NotFound);
        for (const QString &id : {a, c}) {
            VerifyReport report;
            QVERIFY(bank.verifyCheckpoint(id, &report, &error));
            QVERIFY(report.ok());
        }
        CheckReport check;
        QVERIFY(bank.check(&check, &error));
        QVERIFY(check.ok());
        QVERIFY(check.orphans.isEmpty());
    }

    void verifyNamesCorruptChunk_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped payload byte") << QStringLiteral("flip");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow(g_formatOne ? "deleted" : "pack deleted") << QStringLiteral("delete");
        if (g_formatOne) // a pack has no file per chunk to swap
            QTest::newRow("replaced by another chunk") << QStringLiteral("swap");
    }

    void verifyNamesCorruptChunk()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QString good = backup(bank, QStringLiteral("good"), svtest::generateImage(6 * 1024 * 1024, 50), &error);
        const QString bad = backup(bank, QStringLiteral("bad"), svtest::generateImage(10 * 1024 * 1024, 51), &error);
        CheckpointIndex index;
        QVERIFY(bank.checkpoint(bad, &index, &error));
        const QList<ChunkRef> chunks = svtest::chunkRefs(bank, *index.resources[1].image);
        QVERIFY(chunks.size() >= 3);
        // In a pack, truncating hits every blob after the cut: take the blob stored last.
        QList<QByteArray> names;
        for (const ChunkRef &chunk : chunks)
            names.append(chunk.sha256);
        const qsizetype victim = svtest::lastInItsPack(bank, names, chunks.size() / 2);
        const BlobSpot spot = spotOf(bank, chunks[victim].sha256);
        QVERIFY(!spot.path.isEmpty() && spot.length > 0);
        QFile file(spot.path);
        if (damage == QLatin1String("flip")) {
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 at = spot.offset + spot.length / 2;
            file.seek(at);
            char byte = 0;
            file.getChar(&byte);
            file.seek(at);
            file.putChar(char(byte ^ 0x01));
            file.close();
        } else if (damage == QLatin1String("truncate")) {
            QVERIFY(file.resize(spot.offset + spot.length / 3));
        } else if (damage == QLatin1String("delete")) {
            QVERIFY(file.remove());
        } else {
            QVERIFY(file.remove());
            QVERIFY(QFile::copy(bank.chunkPath(chunks[0].sha256), spot.path));
        }
        // What is damaged: the victim, or (a deleted pack) every chunk of `bad` in that pack.
        QList<qsizetype> damaged;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            if (i == victim || (damage == QLatin1String("delete") && spotOf(bank, chunks[i].sha256).path == spot.path))
                damaged.append(i);
        }

        VerifyReport report;
        QVERIFY(bank.verifyCheckpoint(bad, &report, &error));
        QVERIFY(!report.ok());
        QCOMPARE(report.problems.size(), damaged.size());
        const ChunkProblem &problem = report.problems[0];
        qInfo() << problem.error.message;
        QCOMPARE(problem.checkpointId, bad);
        QCOMPARE(problem.chunkIndex, damaged[0]);
        QCOMPARE(problem.sha256, chunks[damaged[0]].sha256);
        QCOMPARE(problem.error.code,
                 damage == QLatin1String("delete") ? BankError::Code::MissingChunk : BankError::Code::CorruptChunk);
        QVERIFY(problem.error.message.contains(bad));
        QVERIFY(problem.error.message.contains(QString::fromLatin1(chunks[damaged[0]].sha256)));
        QCOMPARE(report.imageMismatches.size(), 1);
        QVERIFY(report.imageMismatches[0].contains(bad));

        VerifyReport goodReport;
        QVERIFY(bank.verifyCheckpoint(good, &goodReport, &error));
        QVERIFY(goodReport.ok());

        CheckReport check;
        QVERIFY(bank.check(&check, &error));
        QVERIFY(!check.ok());
        QCOMPARE(check.problems.size(), damaged.size());
        QCOMPARE(check.problems[0].checkpointId, bad);

        // Restore-side reading stops at the bad chunk with the same diagnosis.
        ImageReader reader(&bank, *index.resources[1].image);
        QByteArray piece;
        qsizetype delivered = 0;
        while (reader.next(&piece))
            ++delivered;
        QCOMPARE(delivered, damaged[0]);
        QCOMPARE(reader.error().code, problem.error.code);
    }

    void readerDetectsImageDigestMismatch()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        ImageRecord record;
        QVERIFY(!backup(bank, QStringLiteral("s"), svtest::generateImage(3 * 1024 * 1024, 3), &error, &record).isEmpty());
        record.sha512 = QByteArray(128, 'a');
        ImageReader reader(&bank, record);
        QByteArray piece;
        while (reader.next(&piece)) {
        }
        QCOMPARE(reader.error().code, BankError::Code::ChecksumMismatch);
    }

    void interruptedCheckpointIsNotAvailable()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("bank"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SV_TEST_CRASH_CHILD_BANK"), root);
        env.insert(QStringLiteral("SV_TEST_FORMAT_ONE"), g_formatOne ? QStringLiteral("1") : QStringLiteral("0"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitCode(), 0);

        TestBank bank(root);
        BankError error;
        QVERIFY(bank.open(&error));
        const QString id = QStringLiteral("interrupted-checkpoint");
        QCOMPARE(statusOf(bank, id), QStringLiteral("protecting"));
        CheckpointIndex index;
        QVERIFY(bank.checkpoint(id, &index, &error));
        QVERIFY(!index.resources[1].image.has_value()); // nothing claims the data is there
        const qsizetype strayChunks = svtest::chunksInBank(bank).size();
        QVERIFY(strayChunks > 0);

        // A backup of the same disk afterwards still works and is complete.
        const QString next = backup(bank, QStringLiteral("crashy"), svtest::generateImage(8 * 1024 * 1024, 77), &error);
        QVERIFY2(!next.isEmpty(), qPrintable(error.message));

        PruneReport prune;
        QVERIFY2(bank.prune(&prune, &error), qPrintable(error.message));
        QCOMPARE(prune.interruptedMarkedError, 1);
        QCOMPARE(statusOf(bank, id), QStringLiteral("error"));
        QCOMPARE(statusOf(bank, next), QStringLiteral("available"));
        QCOMPARE(svtest::chunksInBank(bank), chunksOf(bank, next));
        VerifyReport report;
        QVERIFY(bank.verifyCheckpoint(next, &report, &error));
        QVERIFY(report.ok());
    }

    void failedBackupIsError()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        QString id;
        {
            auto checkpoint = bank.beginCheckpoint(draftFor(QStringLiteral("x")), &error);
            QVERIFY(checkpoint);
            id = checkpoint->id();
            QCOMPARE(statusOf(bank, id), QStringLiteral("protecting"));
            auto writer = checkpoint->createImageWriter();
            QVERIFY(writer->write(svtest::generateImage(2 * 1024 * 1024, 1)));
            // The job is cancelled: writer and checkpoint go away without commit.
        }
        QCOMPARE(statusOf(bank, id), QStringLiteral("error"));
        CheckpointIndex index;
        QVERIFY(bank.checkpoint(id, &index, &error));
        QVERIFY(!index.errorMessage.isEmpty());
    }

    // Deleting a checkpoint that a running backup still writes is refused (it would lose the index the
    // writer is about to commit); once the writer is gone, the same delete works.
    void deleteRefusesCheckpointStillBeingWritten()
    {
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        auto checkpoint = bank.beginCheckpoint(draftFor(QStringLiteral("live")), &error);
        QVERIFY(checkpoint);
        const QString id = checkpoint->id();
        auto writer = checkpoint->createImageWriter();
        QVERIFY(writer->write(svtest::generateImage(2 * 1024 * 1024, 5)));

        TestBank other(dir.path()); // its own bank object and lock, like a second process
        QVERIFY(other.open(&error));
        GcReport report;
        QVERIFY(!other.deleteCheckpoint(id, &report, &error));
        QCOMPARE(error.code, BankError::Code::Busy);
        QVERIFY2(error.message.contains(id) && error.message.contains(QLatin1String("still being written")),
                 qPrintable(error.message));
        QCOMPARE(statusOf(other, id), QStringLiteral("protecting"));

        writer.reset();
        checkpoint.reset(); // abandoned: the checkpoint ends as `error`, and nobody holds the bank
        QCOMPARE(statusOf(other, id), QStringLiteral("error"));
        QVERIFY2(other.deleteCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY(report.done);
        QList<CheckpointSummary> left;
        QVERIFY(other.listCheckpoints(&left, &error));
        QVERIFY(left.isEmpty());
        QVERIFY(svtest::chunksInBank(other).isEmpty());
    }

    void notWritable_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("folder below a regular file") << QStringLiteral("under-file");
        QTest::newRow("read-only folder (chmod 0500)") << QStringLiteral("chmod");
        QTest::newRow("bank made read-only after creation") << QStringLiteral("chmod-later");
    }

    void notWritable()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QString root;
        if (how == QLatin1String("under-file")) {
            QFile blocker(dir.filePath(QStringLiteral("a-file")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
            root = dir.filePath(QStringLiteral("a-file/bank"));
        } else {
            if (::geteuid() == 0)
                QSKIP("Running as root: permission bits do not stop root from writing, so a chmod'ed folder "
                      "cannot be made unwritable here. The 'folder below a regular file' row covers the "
                      "not-writable error path in every environment.");
            root = dir.filePath(QStringLiteral("ro"));
            if (how == QLatin1String("chmod-later")) {
                TestBank first(root);
                BankError error;
                QVERIFY(first.open(&error));
                QVERIFY(QFile::setPermissions(root + QStringLiteral("/checkpoints"),
                                              QFile::ReadOwner | QFile::ExeOwner));
            } else {
                QVERIFY(QDir().mkpath(root));
                QVERIFY(QFile::setPermissions(root, QFile::ReadOwner | QFile::ExeOwner));
            }
        }
        TestBank bank(root);
        BankError error;
        QVERIFY(!bank.open(&error));
        qInfo() << error.message;
        QCOMPARE(error.code, BankError::Code::NotWritable);
        QVERIFY(error.message.contains(QStringLiteral("not writable")));
        QVERIFY(error.message.contains(dir.path()));
        QVERIFY(!error.path.isEmpty());
        QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(root + QStringLiteral("/checkpoints"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void errnoMapping_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("ENOSPC") << ENOSPC << int(BankError::Code::DiskFull) << QStringLiteral("full");
        QTest::newRow("EDQUOT") << EDQUOT << int(BankError::Code::DiskFull) << QStringLiteral("full");
        QTest::newRow("EACCES") << EACCES << int(BankError::Code::NotWritable) << QStringLiteral("not writable");
        QTest::newRow("EROFS") << EROFS << int(BankError::Code::NotWritable) << QStringLiteral("not writable");
        QTest::newRow("EIO") << EIO << int(BankError::Code::Io) << QStringLiteral("failed");
    }

    void errnoMapping()
    {
        QFETCH(int, err);
        QFETCH(int, code);
        QFETCH(QString, phrase);
        const BankError error = BankError::fromErrno(err, QStringLiteral("Writing"), QStringLiteral("/b/chunks/x"));
        QCOMPARE(int(error.code), code);
        QVERIFY2(error.message.contains(phrase), qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("/b/chunks/x")));
        QCOMPARE(error.path, QStringLiteral("/b/chunks/x"));
    }

    void diskFullErrnoFromARealDevice()
    {
        // /dev/full answers every write with ENOSPC: a real errno through the real write path.
        struct stat st {};
        if (::stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
            QSKIP("/dev/full (the device that answers every write with ENOSPC) does not exist in this "
                  "environment; the ENOSPC path is still covered by errnoMapping and by tst_imagewriter");
        const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "x", 1), ssize_t(-1));
        const int err = errno;
        ::close(fd);
        QCOMPARE(err, ENOSPC);
        const BankError mapped = BankError::fromErrno(err, QStringLiteral("Writing"), QStringLiteral("/dev/full"));
        QVERIFY(mapped.message.contains(QStringLiteral("full")));
        QCOMPARE(mapped.code, BankError::Code::DiskFull);
    }

    void pathTraversalRefused_data()
    {
        QTest::addColumn<QString>("chunkName");
        QTest::addColumn<QString>("listField"); // a chunk name in an inline list (format 1), or a part name
        const QStringList names{QStringLiteral("../../../../etc/passwd"), QStringLiteral("../").repeated(21) + QStringLiteral("a"),
                                QStringLiteral("/etc/passwd"),
                                QString::fromLatin1(QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex().toUpper())};
        const QStringList labels{QStringLiteral("relative escape"), QStringLiteral("64-char escape"), QStringLiteral("absolute"),
                                 QStringLiteral("upper-case hex")};
        QStringList fields{QStringLiteral("chunks")};
        if (!g_formatOne)
            fields.append(QStringLiteral("chunk_list")); // format-1 banks keep their lists inline
        for (const QString &field : std::as_const(fields)) {
            for (qsizetype i = 0; i < names.size(); ++i)
                QTest::addRow("%s, %s", qPrintable(labels[i]), qPrintable(field)) << names[i] << field;
        }
    }

    void pathTraversalRefused()
    {
        QFETCH(QString, chunkName);
        QFETCH(QString, listField);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QString id = backup(bank, QStringLiteral("s"), svtest::generateImage(2 * 1024 * 1024, 9), &error);
        if (listField == QLatin1String("chunks"))
            QVERIFY(svtest::inlineChunkLists(bank, id));
        QFile indexFile(bank.indexPath(id));
        QVERIFY(indexFile.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(indexFile.readAll()).object();
        indexFile.close();
        QJsonArray resources = json.value(QStringLiteral("resources")).toArray();
        QJsonObject image = resources[1].toObject();
        QJsonObject data = image.value(QStringLiteral("image_data")).toObject();
        QJsonArray chunks = data.value(listField).toArray();
        QVERIFY(!chunks.isEmpty());
        QJsonArray first = chunks[0].toArray();
        first[0] = chunkName;
        chunks[0] = first;
        data[listField] = chunks;
        image[QStringLiteral("image_data")] = data;
        resources[1] = image;
        json[QStringLiteral("resources")] = resources;
        QVERIFY(indexFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        indexFile.write(QJsonDocument(json).toJson());
        indexFile.close();

        CheckpointIndex index;
        QVERIFY(!bank.checkpoint(id, &index, &error));
        QCOMPARE(error.code, BankError::Code::BadIndex);
        QVERIFY2(error.message.contains(QStringLiteral("invalid name")), qPrintable(error.message));
        VerifyReport report;
        QVERIFY(!bank.verifyCheckpoint(id, &report, &error));
        // Garbage collection refuses to guess what a damaged index references.
        GcReport gc;
        QVERIFY(!bank.collectGarbage(&gc, &error));
        QVERIFY(!gc.done);
        QVERIFY(!svtest::chunksInBank(bank).isEmpty());
        // The primitives refuse such names too.
        QByteArray out;
        QVERIFY(!bank.getChunk(chunkName.toLatin1(), &out, &error));
        QCOMPARE(error.code, BankError::Code::InvalidName);
        QVERIFY(!bank.readVerifiedChunk(ChunkRef{chunkName.toLatin1(), 1}, &out, &error));
        QCOMPARE(error.code, BankError::Code::InvalidName);
        QVERIFY(!bank.checkpoint(QStringLiteral("../etc/passwd"), &index, &error));
        QCOMPARE(error.code, BankError::Code::InvalidName);
    }

    void splitChunkLists_data()
    {
        QTest::addColumn<bool>("tiny");
        QTest::newRow("default parts (one part for a small image)") << false;
        QTest::newRow("tiny parts (many parts)") << true;
    }

    // Format 2: the chunk list lives in list parts, the index only names them; readers stream the parts.
    // Format 1: the list stays inline (StackVault 1 still reads the bank), no list part is written.
    void splitChunkLists()
    {
        QFETCH(bool, tiny);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(9 * 1024 * 1024 + 5, 60);
        const ChunkListWriter::Params params = tiny ? tinyParts() : ChunkListWriter::Params{};
        ImageRecord record;
        const QString id = backupWithParts(bank, QStringLiteral("s1"), image, params, &record, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QJsonObject json = QJsonDocument::fromJson(readAllOf(bank.indexPath(id))).object();
        const QJsonObject data =
            json.value(QStringLiteral("resources")).toArray()[1].toObject().value(QStringLiteral("image_data")).toObject();
        QVERIFY(record.chunkCount() > 8);
        if (g_formatOne) {
            QVERIFY(!bank.splitsChunkLists());
            QVERIFY(!record.splitList);
            QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), 1);
            QCOMPARE(data.value(QStringLiteral("chunks")).toArray().size(), record.chunkCount());
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("lists"))));
        } else {
            QVERIFY(record.splitList);
            QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), 2);
            QVERIFY(!data.contains(QStringLiteral("chunks")));
            QCOMPARE(data.value(QStringLiteral("chunk_count")).toInteger(), record.chunkCount());
            if (tiny)
                QVERIFY2(record.listParts.size() >= record.chunkCount() / 4, qPrintable(QString::number(record.listParts.size())));
            else
                QCOMPARE(record.listParts.size(), 1);
            for (const ChunkListPart &part : std::as_const(record.listParts))
                QVERIFY2(QFileInfo::exists(partPath(bank, part.name)), qPrintable(partPath(bank, part.name)));
        }
        // Another process reads it back, restores, verifies and checks it.
        TestBank again(dir.path());
        QCOMPARE(restoreImage(again, id, &error), image);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        VerifyReport verify;
        QVERIFY(again.verifyCheckpoint(id, &verify, &error));
        QVERIFY(verify.ok());
        QCOMPARE(verify.chunksChecked, record.chunkCount());
        CheckReport check;
        QVERIFY(again.check(&check, &error));
        QVERIFY(check.ok());
        QCOMPARE(check.orphanListParts, 0);

        // The same disk again: the same parts (named by their content), nothing new under lists/.
        const QStringList partsBefore = listPartFiles(bank);
        ImageRecord second;
        const QString secondId = backupWithParts(bank, QStringLiteral("s1"), image, params, &second, &error);
        QVERIFY2(!secondId.isEmpty(), qPrintable(error.message));
        QCOMPARE(listPartFiles(bank), partsBefore);
        QCOMPARE(second.listParts.size(), record.listParts.size());
        for (qsizetype i = 0; i < second.listParts.size(); ++i)
            QCOMPARE(second.listParts[i].name, record.listParts[i].name);

        // Deleting one keeps the shared parts; deleting both removes every part.
        GcReport gc;
        QVERIFY(bank.deleteCheckpoint(id, &gc, &error));
        QVERIFY(gc.done);
        QCOMPARE(gc.listPartsRemoved, 0);
        QCOMPARE(restoreImage(bank, secondId, &error), image);
        QVERIFY(bank.deleteCheckpoint(secondId, &gc, &error));
        QVERIFY(gc.done);
        QCOMPARE(gc.listPartsRemoved, int(record.listParts.size()));
        QVERIFY(listPartFiles(bank).isEmpty());
    }

    void olderIndexesReadAsBefore_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("available") << QStringLiteral("available");
        QTest::newRow("protecting (a writer died)") << QStringLiteral("protecting");
    }

    // An index with inline chunk lists (format 1, as every StackVault before split lists wrote it, in
    // banks of format 1 and 2) lists, restores, verifies, checks and is garbage-collected around as before,
    // and is never rewritten in the new format: prune marking it `error` keeps format 1.
    void olderIndexesReadAsBefore()
    {
        QFETCH(QString, status);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(6 * 1024 * 1024, 61);
        ImageRecord record;
        const QString id = backupWithParts(bank, QStringLiteral("old"), image, tinyParts(), &record, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        QVERIFY(svtest::inlineChunkLists(bank, id));
        if (status == QLatin1String("protecting")) {
            CheckpointIndex index;
            QVERIFY(bank.checkpoint(id, &index, &error));
            index.status = status;
            QVERIFY(bank.storeIndex(index, &error));
        }
        const QByteArray before = readAllOf(bank.indexPath(id));
        QCOMPARE(QJsonDocument::fromJson(before).object().value(QStringLiteral("format_version")).toInt(), 1);
        QVERIFY(before.contains("\"chunks\""));

        TestBank reader(dir.path());
        QCOMPARE(statusOf(reader, id), status);
        QCOMPARE(restoreImage(reader, id, &error), image);
        VerifyReport verify;
        QVERIFY(reader.verifyCheckpoint(id, &verify, &error));
        QVERIFY(verify.ok());
        CheckReport check;
        QVERIFY(reader.check(&check, &error));
        QVERIFY(check.ok());
        QVERIFY(check.orphans.isEmpty());
        QCOMPARE(check.orphanListParts, g_formatOne ? 0 : int(record.listParts.size()));
        QCOMPARE(readAllOf(bank.indexPath(id)), before); // reading never rewrites

        PruneReport prune;
        QVERIFY2(reader.prune(&prune, &error), qPrintable(error.message));
        QVERIFY(prune.gc.done);
        // The parts the index no longer names (it was rewritten inline above) are garbage now.
        QCOMPARE(prune.gc.listPartsRemoved, g_formatOne ? 0 : int(record.listParts.size()));
        QCOMPARE(prune.gc.chunksRemoved, qint64(0));
        QVERIFY(listPartFiles(bank).isEmpty());
        const QByteArray after = readAllOf(bank.indexPath(id));
        if (status == QLatin1String("available")) {
            QCOMPARE(after, before);
        } else {
            const QJsonObject json = QJsonDocument::fromJson(after).object();
            QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
            QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), 1);
            QVERIFY(after.contains("\"chunks\""));
        }
        QCOMPARE(restoreImage(reader, id, &error), image);
        GcReport gc;
        QVERIFY(reader.deleteCheckpoint(id, &gc, &error));
        QVERIFY(gc.done);
        QVERIFY(svtest::chunksInBank(reader).isEmpty());
    }

    void damagedListPart_data()
    {
        QTest::addColumn<QString>("damage");
        if (g_formatOne) {
            QTest::newRow("format 1: lists are inline") << QString();
            return;
        }
        QTest::newRow("missing") << QStringLiteral("missing");
        QTest::newRow("flipped byte") << QStringLiteral("flip");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow("another part's bytes") << QStringLiteral("swap");
    }

    // A checkpoint whose list part is missing or damaged: restore, verify and check report it, naming
    // the part; never a crash, never wrong bytes; garbage collection removes nothing until it is deleted.
    void damagedListPart()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        if (damage.isEmpty()) {
            QVERIFY(!bank.splitsChunkLists());
            return;
        }
        const QByteArray image = svtest::generateImage(6 * 1024 * 1024, 62);
        ImageRecord record;
        const QString id = backupWithParts(bank, QStringLiteral("d"), image, tinyParts(), &record, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        QVERIFY(record.listParts.size() >= 2);
        const QByteArray victim = record.listParts[1].name;
        const QString path = partPath(bank, victim);
        const QString object = ChunkListFormat::objectName(victim);
        QByteArray bytes = readAllOf(path);
        if (damage == QLatin1String("missing")) {
            QVERIFY(QFile::remove(path));
        } else {
            if (damage == QLatin1String("flip"))
                bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
            else if (damage == QLatin1String("truncate"))
                bytes.chop(7);
            else
                bytes = readAllOf(partPath(bank, record.listParts[0].name));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        }
        const BankError::Code expected = damage == QLatin1String("missing") ? BankError::Code::MissingChunk
                                                                             : BankError::Code::CorruptChunk;
        // Listing reads no list part: the checkpoint still lists.
        QCOMPARE(statusOf(bank, id), QStringLiteral("available"));
        // Restore: the bytes before the damaged part come out, then an error naming it.
        CheckpointIndex index;
        QVERIFY(bank.checkpoint(id, &index, &error));
        ImageReader reader(&bank, *index.resources[1].image);
        QByteArray out;
        QByteArray piece;
        while (reader.next(&piece))
            out.append(piece);
        QCOMPARE(reader.error().code, expected);
        QVERIFY2(reader.error().message.contains(object), qPrintable(reader.error().message));
        QVERIFY(out.size() < image.size());
        QCOMPARE(out, image.left(out.size()));
        // Verify and check name it.
        VerifyReport verify;
        QVERIFY(bank.verifyCheckpoint(id, &verify, &error));
        QVERIFY(!verify.ok());
        QCOMPARE(verify.imageMismatches.size(), 1);
        QVERIFY2(verify.imageMismatches[0].contains(object), qPrintable(verify.imageMismatches[0]));
        CheckReport check;
        QVERIFY(bank.check(&check, &error));
        QVERIFY(!check.ok());
        QVERIFY(check.unreadableIndexes.join(QLatin1Char(' ')).contains(object));
        // Garbage collection refuses (it cannot know what the part names) and removes nothing.
        const QSet<QByteArray> chunks = svtest::chunksInBank(bank);
        GcReport gc;
        QVERIFY(!bank.collectGarbage(&gc, &error));
        QVERIFY2(error.message.contains(object) && error.message.contains(id), qPrintable(error.message));
        QCOMPARE(svtest::chunksInBank(bank), chunks);
        // Deleting the checkpoint unblocks it: its chunks and parts go.
        QVERIFY(bank.deleteCheckpoint(id, &gc, &error));
        QVERIFY(gc.done);
        QVERIFY(svtest::chunksInBank(bank).isEmpty());
        QVERIFY(listPartFiles(bank).isEmpty());
    }

    void twoTebibyteChunkList_data()
    {
        QTest::addColumn<qint64>("chunks");
        if (g_formatOne) {
            QTest::newRow("format 1: lists are inline") << qint64(0);
            return;
        }
        QTest::newRow("2 TiB in 1 MiB chunks") << qint64(2) * 1024 * 1024;
    }

    // A checkpoint of a 2 TiB image: ~2 million chunk refs, written and read back with at most 64 MiB
    // held for the list. The chunks are real (64 distinct 1 MiB chunks in the bank, repeated in a
    // scrambled order), so commit, check and GC treat it as any other checkpoint; the image's bytes are
    // never streamed (that would take hours), so the list is built with ChunkListWriter as ImageWriter does.
    void twoTebibyteChunkList()
    {
        QFETCH(qint64, chunks);
        QTemporaryDir dir;
        TestBank bank(dir.path());
        BankError error;
        QVERIFY(bank.open(&error));
        if (chunks == 0) {
            QVERIFY(!bank.splitsChunkLists());
            return;
        }
        constexpr qint64 MiB = 1024 * 1024;
        constexpr qint64 Limit = 64 * MiB;
        QList<ChunkRef> distinct;
        QList<QByteArray> contents;
        for (int k = 0; k < 64; ++k) {
            QByteArray data(MiB, char(k));
            data.replace(0, 8, QByteArray::number(k).rightJustified(8, '0'));
            const QByteArray name = bank.keys().chunkId(data);
            QVERIFY(bank.putChunk(name, ChunkCodec::encode(data, 1, bank.keys(), name), &error));
            distinct.append(ChunkRef{name, MiB});
            contents.append(data);
        }
        QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
        QVERIFY2(clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1, "cannot reset the peak RSS");
        clearRefs.close();
        const qint64 baseKib = statusKib("VmRSS:");
        QVERIFY(baseKib > 0);

        auto checkpoint = bank.beginCheckpoint(draftFor(QStringLiteral("big")), &error);
        QVERIFY(checkpoint);
        ChunkListWriter list(&bank, bank.splitsChunkLists(), ChunkListWriter::Params{});
        quint32 state = 12345;
        QList<int> order; // the first few chunks, to read back
        for (qint64 i = 0; i < chunks; ++i) {
            state = state * 1664525u + 1013904223u;
            const int k = int(state >> 26);
            if (i < 3)
                order.append(k);
            QVERIFY(list.add(distinct[k], &error));
        }
        ImageRecord record;
        QVERIFY(list.finish(&record, &error));
        record.size = chunks * MiB;
        record.sha512 = QByteArray(128, '0'); // never streamed whole here
        record.md5 = QByteArray(32, '0');
        record.diskFormat = QStringLiteral("raw");
        record.containerFormat = QStringLiteral("bare");
        checkpoint->resource(kImage, QStringLiteral("img-big"))->image = record;
        QVERIFY2(checkpoint->commit(&error), qPrintable(error.message));
        const QString id = checkpoint->id();
        checkpoint.reset();
        qInfo("2 TiB image: %lld chunks in %lld list parts; writer held at most %.2f MiB of list",
              qlonglong(record.chunkCount()), qlonglong(record.listParts.size()), double(list.peakBytesHeld()) / MiB);
        QVERIFY(list.peakBytesHeld() <= Limit);
        QVERIFY(record.listParts.size() >= chunks / ChunkListWriter::Params{}.maxChunks);
        QVERIFY(QFileInfo(bank.indexPath(id)).size() < 16 * 1024);

        // Read back by another bank object: every ref, in order, one part at a time.
        TestBank reader(dir.path());
        CheckpointIndex index;
        QVERIFY(reader.checkpoint(id, &index, &error));
        QCOMPARE(index.totalSize(), 2 * 1024 * 1024 * MiB);
        ChunkListReader refs(&reader, *index.resources[1].image);
        ChunkRef ref;
        qint64 count = 0;
        qint64 bytes = 0;
        state = 12345;
        bool inOrder = true;
        while (refs.next(&ref)) {
            state = state * 1664525u + 1013904223u;
            inOrder = inOrder && ref.sha256 == distinct[int(state >> 26)].sha256;
            ++count;
            bytes += ref.size;
        }
        QVERIFY2(!refs.error().isError(), qPrintable(refs.error().message));
        QCOMPARE(count, chunks);
        QCOMPARE(bytes, chunks * MiB);
        QVERIFY(inOrder);
        qInfo("reader held at most %.2f MiB of list", double(refs.peakBytesHeld()) / MiB);
        QVERIFY(refs.peakBytesHeld() <= Limit);
        // The bytes of its first chunks restore.
        ImageReader image(&reader, *index.resources[1].image);
        for (int i = 0; i < 3; ++i) {
            QByteArray piece;
            QVERIFY2(image.next(&piece), qPrintable(image.error().message));
            QCOMPARE(piece, contents[order[i]]);
        }
        image.cancel();
        // Check (without re-reading chunk bytes) and garbage collection stream the list too.
        CheckReport check;
        QVERIFY(reader.check(&check, &error, false));
        QVERIFY(check.ok());
        QCOMPARE(check.chunksReferenced, qint64(64));
        GcReport gc;
        QVERIFY(reader.collectGarbage(&gc, &error));
        QVERIFY(gc.done);
        QCOMPARE(gc.chunksRemoved, qint64(0));
        QCOMPARE(gc.listPartsRemoved, 0);
        const qint64 peakKib = statusKib("VmHWM:");
        qInfo("peak RSS growth while writing, committing, reading, checking and collecting: %.1f MiB (limit 64)",
              double(peakKib - baseKib) / 1024.0);
        QVERIFY(peakKib - baseKib <= Limit / 1024);
    }

    void journal()
    {
        QTemporaryDir dir;
        BankError error;
        {
            TestBank bank(dir.path());
            QVERIFY(bank.open(&error));
            for (int i = 0; i < 3; ++i) {
                JournalEntry entry;
                entry.checkpointId = QStringLiteral("cp-%1").arg(i);
                entry.imageId = QStringLiteral("img-%1").arg(i);
                entry.cloudProfileId = QStringLiteral("profile-a");
                entry.created = QDateTime::currentDateTimeUtc().addSecs(i);
                QVERIFY(bank.addJournalEntry(entry, &error));
            }
        }
        TestBank bank(dir.path()); // after a "restart"
        QVERIFY(bank.open(&error));
        QList<JournalEntry> entries;
        QVERIFY(bank.journalEntries(&entries, &error));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].checkpointId, QStringLiteral("cp-0"));
        QCOMPARE(entries[2].imageId, QStringLiteral("img-2"));
        QCOMPARE(entries[1].cloudProfileId, QStringLiteral("profile-a"));
        QVERIFY(bank.removeJournalEntry(entries[1], &error));
        QVERIFY(bank.journalEntries(&entries, &error));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].imageId, QStringLiteral("img-2"));
    }

    // A volume and a volume snapshot with the same id as an image get their own entries, and their
    // ids survive a restart.
    void journalVolumeKinds()
    {
        QTemporaryDir dir;
        BankError error;
        const QString id = QStringLiteral("0a0b0c0d-0000-4000-8000-000000000001");
        {
            TestBank bank(dir.path());
            QVERIFY(bank.open(&error));
            JournalEntry image;
            image.imageId = id;
            JournalEntry volume;
            volume.kind = JournalEntry::TemporaryVolume;
            volume.volumeId = id;
            JournalEntry snapshot;
            snapshot.kind = JournalEntry::TemporaryVolumeSnapshot;
            snapshot.snapshotId = id;
            JournalEntry restored;
            restored.kind = JournalEntry::RestoreVolume;
            restored.tag = QStringLiteral("r-1");
            QVERIFY(restored.isIntent() && !volume.isIntent() && !snapshot.isIntent());
            QCOMPARE(QSet<QString>({image.key(), volume.key(), snapshot.key(), restored.key()}).size(), 4);
            for (JournalEntry entry : {image, volume, snapshot, restored}) {
                entry.checkpointId = QStringLiteral("cp-1");
                entry.cloudProfileId = QStringLiteral("profile-a");
                entry.created = QDateTime::currentDateTimeUtc();
                QVERIFY(bank.addJournalEntry(entry, &error));
            }
        }
        TestBank bank(dir.path());
        QVERIFY(bank.open(&error));
        QList<JournalEntry> entries;
        QVERIFY(bank.journalEntries(&entries, &error));
        QCOMPARE(entries.size(), 4);
        QMap<QString, JournalEntry> byKind;
        for (const JournalEntry &entry : std::as_const(entries))
            byKind.insert(entry.kind, entry);
        QCOMPARE(byKind.value(JournalEntry::TemporaryVolume).volumeId, id);
        QCOMPARE(byKind.value(JournalEntry::TemporaryVolumeSnapshot).snapshotId, id);
        QCOMPARE(byKind.value(JournalEntry::RestoreVolume).tag, QStringLiteral("r-1"));
        QVERIFY(byKind.value(JournalEntry::RestoreVolume).isIntent());
        QVERIFY(bank.removeJournalEntry(byKind.value(JournalEntry::TemporaryVolume), &error));
        QVERIFY(bank.journalEntries(&entries, &error));
        QCOMPARE(entries.size(), 3);
    }

    void twoWritersConcurrently()
    {
        QTemporaryDir dir;
        BankError error;
        TestBank setup(dir.path());
        QVERIFY(setup.open(&error));
        const QByteArray base = svtest::generateImage(32 * 1024 * 1024, 60);
        const QByteArray images[2] = {base, svtest::mutate(base, 0.05, 3, 2)};
        QString ids[2];
        BankError errors[2];
        std::thread threads[2];
        for (int i = 0; i < 2; ++i) {
            threads[i] = std::thread([&, i] {
                TestBank bank(dir.path()); // its own bank object and lock, like a second process
                ids[i] = backup(bank, QStringLiteral("w%1").arg(i), images[i], &errors[i]);
            });
        }
        for (auto &t : threads)
            t.join();
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(!ids[i].isEmpty(), qPrintable(errors[i].message));
            VerifyReport report;
            QVERIFY(setup.verifyCheckpoint(ids[i], &report, &error));
            QVERIFY(report.ok());
        }
        CheckReport check;
        QVERIFY(setup.check(&check, &error));
        QVERIFY(check.ok());
        QVERIFY(check.orphans.isEmpty());
    }

    void writerVersusGarbageCollection()
    {
        QTemporaryDir dir;
        BankError error;
        TestBank bank(dir.path());
        QVERIFY(bank.open(&error));
        const QByteArray image = svtest::generateImage(16 * 1024 * 1024, 70);
        const QString old = backup(bank, QStringLiteral("s"), image, &error);
        QVERIFY(!old.isEmpty());

        // A second backup of the same disk is running (it dedups against `old`'s chunks) when someone
        // deletes `old`: GC must not remove the chunks the running backup is about to reference.
        TestBank writerBank(dir.path());
        auto checkpoint = writerBank.beginCheckpoint(draftFor(QStringLiteral("s")), &error);
        QVERIFY(checkpoint);
        auto writer = checkpoint->createImageWriter();
        QVERIFY(svtest::feed(*writer, image, 1 << 20));
        ImageRecord record;
        QVERIFY(writer->finish(&record, &error));
        QCOMPARE(record.newBytes, qint64(0)); // everything deduplicated against `old`

        TestBank gcBank(dir.path());
        GcReport gc;
        QVERIFY2(gcBank.deleteCheckpoint(old, &gc, &error, 300), qPrintable(error.message));
        QVERIFY(!gc.done); // deferred: a backup holds the bank
        qInfo() << "GC deferred:" << gc.deferredReason;
        QVERIFY(gc.deferredReason.contains(QStringLiteral("in use")));
        QCOMPARE(statusOf(bank, old), QStringLiteral("<absent>"));

        checkpoint->resource(kImage, QStringLiteral("img-s"))->image = record;
        QVERIFY2(checkpoint->commit(&error), qPrintable(error.message));
        PruneReport prune;
        QVERIFY(gcBank.prune(&prune, &error));
        QVERIFY(prune.gc.done);
        VerifyReport report;
        QVERIFY(bank.verifyCheckpoint(checkpoint->id(), &report, &error));
        QVERIFY2(report.ok(), report.problems.isEmpty() ? "" : qPrintable(report.problems[0].error.message));
    }

    void gcWhileWriterWaits()
    {
        // The other way round: GC holds the bank, a new backup waits for it instead of racing it.
        QTemporaryDir dir;
        BankError error;
        TestBank bank(dir.path());
        QVERIFY(bank.open(&error));
        auto exclusive = bank.lock(BankLock::Mode::Exclusive, 0, &error);
        QVERIFY(exclusive);
        TestBank other(dir.path());
        QVERIFY(!other.beginCheckpoint(draftFor(QStringLiteral("s")), &error, 100));
        QCOMPARE(error.code, BankError::Code::Busy);
        qInfo() << error.message;
        exclusive.reset();
        QVERIFY(other.beginCheckpoint(draftFor(QStringLiteral("s")), &error, 100));
    }

    void reopenWhileWriting_data()
    {
        QTest::addColumn<bool>("secondWriterDedups");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("own staged chunks") << false << false;
        QTest::newRow("chunks another writer deduplicated") << true << false;
        if (!g_formatOne) // (a bank of format 1 is never encrypted)
            QTest::newRow("encrypted, chunks another writer deduplicated") << true << true;
    }

    void reopenWhileWriting()
    {
        // Seen in unit.cliplans (4 servers 3 at a time into one bank): the fourth job's open() dropped
        // the chunks the others had staged, and their commits failed ("chunk … is not in the backup
        // storage"). See reopenrace.h.
        QFETCH(bool, secondWriterDedups);
        QFETCH(bool, encrypted);
        QTemporaryDir dir;
        BankError error;
        svtest::PublishHookBank<TestBank> bank(dir.path());
        const auto fastKdf = qScopeGuard([] {
            qunsetenv("STACKVAULT_KDF_OPSLIMIT");
            qunsetenv("STACKVAULT_KDF_MEMLIMIT_KIB");
        });
        if (encrypted) {
            qputenv("STACKVAULT_KDF_OPSLIMIT", "1"); // a fast key derivation: what is tested is the reopen
            qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
            bank.setEncryptNewBank(true);
            bank.setPassphrase("reopen test passphrase");
        }
        QVERIFY2(bank.open(&error), qPrintable(error.message));
        QCOMPARE(bank.keys().encrypted(), encrypted);
        svtest::reopenWhileWriting(bank, secondWriterDedups);
        if (QTest::currentTestFailed() || g_formatOne)
            return;
        // Stored once, in one pack.
        QDirIterator packs(dir.path() + QStringLiteral("/packs"), QDir::Files, QDirIterator::Subdirectories);
        int packCount = 0;
        while (packs.hasNext()) {
            packs.next();
            ++packCount;
        }
        QCOMPARE(packCount, 1);
    }
};

int main(int argc, char **argv)
{
    const QByteArray crashBank = qgetenv("SV_TEST_CRASH_CHILD_BANK");
    g_formatOne = qgetenv("SV_TEST_FORMAT_ONE") == "1";
    if (!crashBank.isEmpty())
        return crashingChild(QString::fromLocal8Bit(crashBank));
    QCoreApplication app(argc, argv);
    int failed = 0;
    for (const bool formatOne : {true, false}) {
        g_formatOne = formatOne;
        qInfo("---- banks of format %d (%s) ----", formatOne ? 1 : 2, formatOne ? "one file per chunk" : "packs");
        TestLocalBank test;
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}

#include "tst_localbank.moc"
