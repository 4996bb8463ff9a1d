// ExportJob, what `stackvault-cli export` and Export… in the Backups view run: a backup's disks into raw or
// qcow2 files, on plain and encrypted local banks. The raw file equals the disk at backup time and is
// sparse; qcow2 (through the real qemu-img) converts back to the same bytes and checks clean; a checkpoint
// with volumes exports every disk under the documented names; a damaged bank object, a wrong recorded
// hash, a cancel and an existing file each leave no file behind (not even a temporary one).
#include "bank/bank.h"
#include "bank/imagewriter.h"
#include "bank/localbank.h"
#include "jobs/jobmanager.h"
#include "protection/exportjob.h"
#include "protection/resource.h"

#include "blobspot.h"
#include "checkpointfixtures.h"
#include "volumecheckpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <tuple>

#include <sys/stat.h>

using namespace sv;

namespace {

const QByteArray kPassphrase = "export passphrase";

std::shared_ptr<LocalBank> openBank(const QString &root, bool encrypted)
{
    auto bank = std::make_shared<LocalBank>(root);
    bank->setEncryptNewBank(encrypted);
    if (encrypted)
        bank->setPassphrase(kPassphrase);
    BankError error;
    if (!bank->open(&error)) {
        qWarning("%s", qPrintable(error.message));
        return {};
    }
    return bank;
}

// A disk that is mostly free space: `size` bytes, 1 MiB of text and random data every 8 MiB, zeros between.
QByteArray mostlyZeroDisk(qint64 size, quint32 seed)
{
    QByteArray disk(size, '\0');
    const QByteArray data = svtest::generateImage(16 * 1024 * 1024, seed);
    qint64 from = 0;
    for (qint64 at = 4096; at + 1024 * 1024 <= size; at += 8 * 1024 * 1024) {
        std::memcpy(disk.data() + at, data.constData() + from, 1024 * 1024);
        from = (from + 1024 * 1024) % (data.size() - 1024 * 1024);
    }
    return disk;
}

// A backup of server `serverId` whose image holds `bytes` in `diskFormat`.
QString backupDisk(Bank &bank, const QString &serverId, const QByteArray &bytes, const QString &diskFormat,
                   BankError *error)
{
    auto checkpoint = bank.beginCheckpoint(svtest::draftFor(serverId), error);
    if (!checkpoint)
        return {};
    ImageWriter::Options options;
    options.computeMd5 = true;
    auto writer = checkpoint->createImageWriter(options);
    ImageRecord record;
    if (!svtest::feed(*writer, bytes, 1 << 20) || !writer->finish(&record, error)) {
        checkpoint->fail(QStringLiteral("test"));
        return {};
    }
    record.diskFormat = diskFormat;
    record.containerFormat = QStringLiteral("bare");
    checkpoint->resource(svtest::kImage, QStringLiteral("img-") + serverId)->image = record;
    if (!checkpoint->commit(error))
        return {};
    return checkpoint->id();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 allocated(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

// Every entry of a folder, hidden ones (the temporary .part files) included.
QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// qemu-img with arguments; its exit code and output.
int qemuImg(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(ExportJob::qemuImg(), arguments);
    if (!process.waitForFinished(120000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestExportJob : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    JobManager m_manager;
    QByteArray m_disk; // mostly zeros

    QString folder(const QString &name) const
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(path);
        return path;
    }
    JobResult run(const std::shared_ptr<Bank> &bank, const ExportRequest &request)
    {
        QSignalSpy finished(&m_manager, &JobManager::jobFinished);
        m_manager.enqueue(new ExportJob(bank, request));
        if (!finished.wait(120000))
            return JobResult{JobOutcome::Running, QStringLiteral("timed out"), {}, {}};
        return finished.constFirst().at(1).value<JobResult>();
    }
    static ExportRequest request(const QString &id, const QString &output, ExportFormat format = ExportFormat::Raw)
    {
        ExportRequest r;
        r.checkpointId = id;
        r.output = output;
        r.format = format;
        return r;
    }
    void requireQemuImg()
    {
        if (!ExportJob::qemuImg().isEmpty())
            return;
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("qemu-img is required under CI=true (Debian package qemu-utils; scripts/test installs it)");
        QSKIP("SKIPPED: qemu-img is not installed (Debian package qemu-utils)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Small KDF parameters through the documented knob (FORMAT.md): keys open in milliseconds.
        qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
        qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
        QVERIFY(m_dir.isValid());
        m_disk = mostlyZeroDisk(40 * 1024 * 1024 + 24 * 512, 3); // disks come in 512-byte sectors
    }
    void cleanup()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void rawEqualsTheDiskAndIsSparse_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("plain bank") << false;
        QTest::newRow("encrypted bank") << true;
    }
    void rawEqualsTheDiskAndIsSparse()
    {
        QFETCH(bool, encrypted);
        const auto bank = openBank(folder(QStringLiteral("bank")), encrypted);
        QVERIFY(bank);
        BankError error;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), m_disk, QStringLiteral("raw"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString out = folder(QStringLiteral("out"));
        const QString path = out + QStringLiteral("/web.raw");

        const JobResult result = run(bank, request(id, path));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QVERIFY2(result.message.startsWith(QStringLiteral("Exported backup %1 as raw").arg(id)), qPrintable(result.message));
        QVERIFY2(result.message.contains(path), qPrintable(result.message));
        // The same bytes as the disk at backup time (hashes compared, then every byte).
        const QByteArray exported = readFile(path);
        QCOMPARE(QCryptographicHash::hash(exported, QCryptographicHash::Sha512),
                 QCryptographicHash::hash(m_disk, QCryptographicHash::Sha512));
        QVERIFY(exported == m_disk);
        // Sparse: the disk is ~1/8 data; zeros were left as holes.
        QVERIFY2(allocated(path) < m_disk.size() / 4,
                 qPrintable(QStringLiteral("%1 bytes allocated of %2").arg(allocated(path)).arg(m_disk.size())));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(entriesOf(out), QStringList{QStringLiteral("web.raw")});
        const QVariantList files = result.data.value(QStringLiteral("files")).toList();
        QCOMPARE(files.size(), 1);
        const QVariantMap file = files.first().toMap();
        QCOMPARE(file.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(file.value(QStringLiteral("size")).toLongLong(), qint64(m_disk.size()));
        QCOMPARE(file.value(QStringLiteral("allocated_bytes")).toLongLong(), allocated(path));
        QCOMPARE(file.value(QStringLiteral("resource_type")).toString(), svtest::kImage);
    }

    void qcow2ConvertsBackToTheSameBytes_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<qint64>("tail"); // bytes after the last whole 512-byte sector
        QTest::newRow("plain bank") << false << qint64(0);
        QTest::newRow("encrypted bank") << true << qint64(0);
        // qcow2 counts whole sectors: a raw image of another size comes back padded with zeros (README).
        QTest::newRow("size not a multiple of 512") << true << qint64(185);
    }
    void qcow2ConvertsBackToTheSameBytes()
    {
        requireQemuImg();
        QFETCH(bool, encrypted);
        QFETCH(qint64, tail);
        const QByteArray disk = tail == 0 ? m_disk : m_disk.left(m_disk.size() - 512 + tail);
        const QByteArray padded = disk + QByteArray((512 - disk.size() % 512) % 512, '\0');
        const auto bank = openBank(folder(QStringLiteral("bank")), encrypted);
        QVERIFY(bank);
        BankError error;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), disk, QStringLiteral("raw"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString out = folder(QStringLiteral("out"));
        const QString path = out + QStringLiteral("/web.qcow2");

        const JobResult result = run(bank, request(id, path, ExportFormat::Qcow2));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QCOMPARE(entriesOf(out), QStringList{QStringLiteral("web.qcow2")});
        QCOMPARE(modeOf(path), 0600);
        QByteArray info;
        QCOMPARE(qemuImg({QStringLiteral("info"), QStringLiteral("--output=json"), path}, &info), 0);
        QCOMPARE(QJsonDocument::fromJson(info).object().value(QStringLiteral("format")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(QJsonDocument::fromJson(info).object().value(QStringLiteral("virtual-size")).toInteger(),
                 qint64(padded.size()));
        QByteArray check;
        QVERIFY2(qemuImg({QStringLiteral("check"), path}, &check) == 0, check.constData());
        const QString back = m_dir.filePath(QStringLiteral("back.raw"));
        QCOMPARE(qemuImg({QStringLiteral("convert"), QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-O"),
                          QStringLiteral("raw"), path, back}),
                 0);
        QVERIFY(readFile(back) == padded);
        // qcow2 stores only the clusters with data.
        QVERIFY(QFileInfo(path).size() < disk.size() / 4);
    }

    // A backup whose stored bytes are qcow2 (a Nova snapshot of a qcow2 image): as qcow2 the stored file
    // is written as is; as raw, qemu-img expands it (sparse) to the disk's bytes.
    void qcow2BackupExportsBothWays()
    {
        requireQemuImg();
        const QString rawSource = m_dir.filePath(QStringLiteral("source.raw"));
        const QString qcowSource = m_dir.filePath(QStringLiteral("source.qcow2"));
        {
            QFile file(rawSource);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(m_disk);
        }
        QCOMPARE(qemuImg({QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("qcow2"), rawSource, qcowSource}), 0);
        const QByteArray stored = readFile(qcowSource);
        const auto bank = openBank(folder(QStringLiteral("bank")), true);
        QVERIFY(bank);
        BankError error;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), stored, QStringLiteral("qcow2"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString out = folder(QStringLiteral("out"));

        JobResult result = run(bank, request(id, out + QStringLiteral("/as-is.qcow2"), ExportFormat::Qcow2));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QVERIFY(readFile(out + QStringLiteral("/as-is.qcow2")) == stored);

        result = run(bank, request(id, out + QStringLiteral("/expanded.raw"), ExportFormat::Raw));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        const QString expanded = out + QStringLiteral("/expanded.raw");
        QVERIFY(readFile(expanded) == m_disk);
        QVERIFY(allocated(expanded) < m_disk.size() / 4);
        QCOMPARE(modeOf(expanded), 0600);
        QCOMPARE(result.data.value(QStringLiteral("files")).toList().first().toMap().value(QStringLiteral("source_format")).toString(),
                 QStringLiteral("qcow2"));
        QCOMPARE(entriesOf(out), (QStringList{QStringLiteral("as-is.qcow2"), QStringLiteral("expanded.raw")}));
    }

    void damagedBankObjectLeavesNothing_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<QString>("how"); // flip, truncate
        for (bool encrypted : {false, true}) {
            for (const char *how : {"flip", "truncate"})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(encrypted ? "encrypted" : "plain"), QLatin1String(how))))
                    << encrypted << QString::fromLatin1(how);
        }
    }
    void damagedBankObjectLeavesNothing()
    {
        QFETCH(bool, encrypted);
        QFETCH(QString, how);
        const auto bank = openBank(folder(QStringLiteral("bank")), encrypted);
        QVERIFY(bank);
        BankError error;
        ImageRecord record;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), m_disk, QStringLiteral("raw"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        CheckpointIndex index;
        QVERIFY(bank->checkpoint(id, &index, &error));
        record = *index.resources.at(1).image;
        // A data chunk late in the disk, so that earlier bytes were already written when it is reached.
        const QList<ChunkRef> refs = svtest::chunkRefs(*bank, record);
        QList<QByteArray> names;
        for (const ChunkRef &chunk : refs)
            names.append(chunk.sha256);
        const qsizetype victim = svtest::lastInItsPack(*bank, names, refs.size() - 2);
        const svtest::BlobSpot spot = svtest::blobSpot(*bank, refs.at(victim).sha256);
        QVERIFY(!spot.path.isEmpty());
        QFile pack(spot.path);
        QVERIFY(pack.open(QIODevice::ReadWrite));
        if (how == QLatin1String("flip")) {
            QVERIFY(pack.seek(spot.offset + spot.length / 2));
            char byte = 0;
            QVERIFY(pack.getChar(&byte));
            QVERIFY(pack.seek(spot.offset + spot.length / 2));
            QVERIFY(pack.putChar(char(byte ^ 0x01)));
        } else {
            QVERIFY(pack.resize(spot.offset + spot.length - 7));
        }
        pack.close();

        const QString out = folder(QStringLiteral("out"));
        const JobResult result = run(bank, request(id, out + QStringLiteral("/web.raw")));
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        // Names the object that is damaged and says nothing was left.
        QVERIFY2(result.message.contains(QFileInfo(spot.path).fileName()), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("unfinished file was removed")), qPrintable(result.message));
        QCOMPARE(entriesOf(out), QStringList());
    }

    // The recorded hash says otherwise (the last chunk is checked against the whole image's sha512, the
    // md5 after it): every byte was written by then, and still nothing is left.
    void recordedHashMismatchLeavesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("sha512") << QStringLiteral("sha512");
        QTest::newRow("md5") << QStringLiteral("md5");
    }
    void recordedHashMismatchLeavesNothing()
    {
        QFETCH(QString, field);
        const auto bank = openBank(folder(QStringLiteral("bank")), true);
        QVERIFY(bank);
        BankError error;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), m_disk, QStringLiteral("raw"), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        CheckpointIndex index;
        QVERIFY(bank->checkpoint(id, &index, &error));
        ImageRecord &record = *index.resources[1].image;
        QByteArray &hash = field == QLatin1String("md5") ? record.md5 : record.sha512;
        QVERIFY(!hash.isEmpty());
        hash[0] = hash[0] == '0' ? '1' : '0';
        QVERIFY(bank->storeIndex(index, &error));

        const QString out = folder(QStringLiteral("out"));
        const JobResult result = run(bank, request(id, out + QStringLiteral("/web.raw")));
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        QVERIFY2(result.message.contains(field), qPrintable(result.message));
        QCOMPARE(entriesOf(out), QStringList());
    }

    void volumesExportAsSeparateFiles()
    {
        const auto bank = openBank(folder(QStringLiteral("bank")), true);
        QVERIFY(bank);
        BankError error;
        const QByteArray root = svtest::generateImage(3 * 1024 * 1024, 11);
        const QString base = backupDisk(*bank, QStringLiteral("s1"), root, QStringLiteral("raw"), &error);
        QVERIFY2(!base.isEmpty(), qPrintable(error.message));
        CheckpointIndex baseIndex;
        QVERIFY(bank->checkpoint(base, &baseIndex, &error));
        const QList<svtest::SavedVolume> volumes{
            {QStringLiteral("0b0b0b0b-0000-4000-8000-0000000000db"), QStringLiteral("pg data"), QStringLiteral("/dev/vdc"),
             QString(), 1, -1, svtest::generateImage(2 * 1024 * 1024 + 3, 52), {}},
            {QStringLiteral("0b0b0b0b-0000-4000-8000-0000000000dc"), QStringLiteral("logs"), QStringLiteral("/dev/vdb"),
             QString(), 1, -1, svtest::generateImage(1024 * 1024 + 17, 51), {}}};
        const QString id = svtest::writeVolumeCheckpoint(*bank, baseIndex, volumes, false, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));

        // Into a folder: SERVER-root.raw and SERVER-VOLUME.raw.
        const QString intoFolder = folder(QStringLiteral("folder"));
        JobResult result = run(bank, request(id, intoFolder));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QCOMPARE(entriesOf(intoFolder), (QStringList{QStringLiteral("web-s1-logs.raw"), QStringLiteral("web-s1-pg_data.raw"),
                                                      QStringLiteral("web-s1-root.raw")}));
        QVERIFY(readFile(intoFolder + QStringLiteral("/web-s1-root.raw")) == root);
        QVERIFY(readFile(intoFolder + QStringLiteral("/web-s1-logs.raw")) == volumes.at(1).bytes);
        QVERIFY(readFile(intoFolder + QStringLiteral("/web-s1-pg_data.raw")) == volumes.at(0).bytes);
        // In device order: the root disk, then /dev/vdb, /dev/vdc.
        const QVariantList files = result.data.value(QStringLiteral("files")).toList();
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("logs"));

        // Into a file: FILE for the root disk, BASE-VOLUME.SUFFIX beside it.
        const QString intoFile = folder(QStringLiteral("file"));
        result = run(bank, request(id, intoFile + QStringLiteral("/db.img")));
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QCOMPARE(entriesOf(intoFile), (QStringList{QStringLiteral("db-logs.img"), QStringLiteral("db-pg_data.img"),
                                                    QStringLiteral("db.img")}));
        QVERIFY(readFile(intoFile + QStringLiteral("/db-pg_data.img")) == volumes.at(0).bytes);

        // One disk by name or id: exactly the file given.
        const QString one = folder(QStringLiteral("one"));
        ExportRequest byName = request(id, one + QStringLiteral("/pg.raw"));
        byName.resourceId = QStringLiteral("pg data");
        result = run(bank, byName);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        ExportRequest byId = request(id, one + QStringLiteral("/logs.raw"));
        byId.resourceId = volumes.at(1).id;
        result = run(bank, byId);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QCOMPARE(entriesOf(one), (QStringList{QStringLiteral("logs.raw"), QStringLiteral("pg.raw")}));
        QVERIFY(readFile(one + QStringLiteral("/pg.raw")) == volumes.at(0).bytes);
        QVERIFY(readFile(one + QStringLiteral("/logs.raw")) == volumes.at(1).bytes);

        // An unknown disk: the error lists the backup's disks; nothing is written.
        ExportRequest unknown = request(id, one + QStringLiteral("/x.raw"));
        unknown.resourceId = QStringLiteral("swap");
        result = run(bank, unknown);
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        QVERIFY2(result.message.contains(QStringLiteral("has no disk swap")) && result.message.contains(volumes.at(0).id),
                 qPrintable(result.message));
        QCOMPARE(entriesOf(one).size(), 2);
    }

    void existingFileIsRefusedUnlessReplacing()
    {
        const auto bank = openBank(folder(QStringLiteral("bank")), false);
        QVERIFY(bank);
        BankError error;
        const QString id = backupDisk(*bank, QStringLiteral("s1"), m_disk, QStringLiteral("raw"), &error);
        QVERIFY(!id.isEmpty());
        const QString out = folder(QStringLiteral("out"));
        const QString path = out + QStringLiteral("/web.raw");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        JobResult result = run(bank, request(id, path));
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        QVERIFY2(result.message.contains(QStringLiteral("exists already")), qPrintable(result.message));
        QCOMPARE(readFile(path), QByteArray("precious"));
        ExportRequest replace = request(id, path);
        replace.overwrite = true;
        result = run(bank, replace);
        QVERIFY2(result.outcome == JobOutcome::Succeeded, qPrintable(result.message + result.details));
        QVERIFY(readFile(path) == m_disk);
        QCOMPARE(entriesOf(out), QStringList{QStringLiteral("web.raw")});

        // A folder that does not exist, a backup that does not: said, nothing made.
        result = run(bank, request(id, m_dir.filePath(QStringLiteral("missing/web.raw"))));
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        QVERIFY2(result.message.contains(QStringLiteral("does not exist")), qPrintable(result.message));
        result = run(bank, request(QStringLiteral("no-such-backup"), out + QStringLiteral("/x.raw")));
        QCOMPARE(int(result.outcome), int(JobOutcome::Failed));
        QVERIFY2(result.message.contains(QStringLiteral("not in the backup storage")), qPrintable(result.message));
        QCOMPARE(entriesOf(out), QStringList{QStringLiteral("web.raw")});
    }

    void cancelRemovesTheUnfinishedFile_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("raw, while writing") << int(ExportFormat::Raw);
        QTest::newRow("qcow2") << int(ExportFormat::Qcow2);
    }
    void cancelRemovesTheUnfinishedFile()
    {
        QFETCH(int, format);
        if (format == int(ExportFormat::Qcow2))
            requireQemuImg();
        const auto bank = openBank(folder(QStringLiteral("bank")), true);
        QVERIFY(bank);
        BankError error;
        const QByteArray disk = svtest::generateImage(48 * 1024 * 1024, 9);
        const QString id = backupDisk(*bank, QStringLiteral("s1"), disk, QStringLiteral("raw"), &error);
        QVERIFY(!id.isEmpty());
        const QString out = folder(QStringLiteral("out"));
        auto *job = new ExportJob(bank, request(id, out + QStringLiteral("/web.raw"), ExportFormat(format)));
        bool sawPart = false;
        connect(job, &Job::progressChanged, this, [job, out, &sawPart](const JobProgress &progress) {
            if (progress.bytesDone > 0 && !job->isCancelled()) {
                sawPart = entriesOf(out).size() == 1 && entriesOf(out).first().endsWith(QLatin1String(".part"));
                job->cancel();
            }
        }, Qt::DirectConnection);
        QSignalSpy finished(&m_manager, &JobManager::jobFinished);
        m_manager.enqueue(job);
        QVERIFY(finished.wait(120000));
        const JobResult result = finished.constFirst().at(1).value<JobResult>();
        QCOMPARE(int(result.outcome), int(JobOutcome::Cancelled));
        QVERIFY(sawPart); // the unfinished file was a hidden .part, never web.raw
        QCOMPARE(entriesOf(out), QStringList());
    }

    void planNamesFiles_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("file with a suffix") << QStringLiteral("a/web.raw")
                                            << QStringList{QStringLiteral("web.raw"), QStringLiteral("web-data-0b0b0b0b.raw"),
                                                           QStringLiteral("web-data-0b0b0b0c.raw")};
        QTest::newRow("file without a suffix") << QStringLiteral("a/disk")
                                               << QStringList{QStringLiteral("disk"), QStringLiteral("disk-data-0b0b0b0b"),
                                                              QStringLiteral("disk-data-0b0b0b0c")};
        QTest::newRow("folder") << QStringLiteral("a")
                                << QStringList{QStringLiteral("web-s1-root.raw"), QStringLiteral("web-s1-data-0b0b0b0b.raw"),
                                               QStringLiteral("web-s1-data-0b0b0b0c.raw")};
    }
    void planNamesFiles()
    {
        QFETCH(QString, output);
        QFETCH(QStringList, names);
        // Two volumes with the same name: each name gets its volume id's first 8 characters.
        QDir().mkpath(m_dir.filePath(QStringLiteral("a")));
        CheckpointIndex index = svtest::draftFor(QStringLiteral("s1"));
        index.id = QStringLiteral("cp");
        index.resources[1].image = ImageRecord{};
        for (const auto &[volumeId, name, device] :
             {std::tuple{"0b0b0b0b", "data", "/dev/vdb"}, std::tuple{"0b0b0b0c", "data", "/dev/vdc"}}) {
            ProtectedResource volume;
            volume.type = QLatin1String(VolumeResourceType);
            volume.id = QLatin1String(volumeId);
            volume.name = QLatin1String(name);
            volume.extraInfo = QJsonObject{{QStringLiteral("device"), QLatin1String(device)}};
            volume.image = ImageRecord{};
            index.resources.append(volume);
        }
        QList<ExportFile> files;
        QString error;
        QVERIFY2(ExportJob::planFiles(index, request(QStringLiteral("cp"), m_dir.filePath(output)), &files, &error),
                 qPrintable(error));
        QStringList got;
        for (const ExportFile &file : std::as_const(files))
            got.append(QFileInfo(file.path).fileName());
        QCOMPARE(got, names);
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
