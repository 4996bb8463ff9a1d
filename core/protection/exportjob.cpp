#include "protection/exportjob.h"

#include "bank/bank.h"
#include "bank/imagereader.h"
#include "protection/protectionlog.h"
#include "protection/resource.h"
#include "util/datasize.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <optional>
#include <mutex>
#include <thread>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sv {

namespace {

// A name part made safe for a file name.
QString sanitized(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString out = text;
    out.replace(unsafe, QStringLiteral("_"));
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    return out;
}

// qemu-img's name for the format a checkpoint records (Glance's disk_format); empty when unsupported.
QString qemuFormatOf(const QString &diskFormat)
{
    const QString format = diskFormat.toLower();
    if (format.isEmpty() || format == u"raw" || format == u"iso" || format == u"ami" || format == u"aki"
        || format == u"ari")
        return QStringLiteral("raw");
    if (format == u"qcow2" || format == u"vmdk" || format == u"vdi" || format == u"vhdx")
        return format;
    if (format == u"vhd")
        return QStringLiteral("vpc");
    return {};
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

// Allocated bytes of a file (its blocks), -1 when unknown.
qint64 allocatedBytes(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_blocks) * 512;
}

bool syncPath(const QString &path, bool directory, QString *why)
{
    const int fd = ::open(QFile::encodeName(path).constData(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        *why = QStringLiteral("%1: %2").arg(path, errnoText(errno));
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

// The md5 of a stream, computed on its own thread so that it runs beside the reader's sha512 (two cores
// hash at once). add() hands over a shared copy of the bytes; at most a few chunks wait.
class Md5Thread
{
public:
    Md5Thread()
    {
        EVP_DigestInit_ex(m_ctx, EVP_md5(), nullptr);
        m_thread = std::thread([this] { loop(); });
    }
    ~Md5Thread()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_changed.notify_all();
        m_thread.join();
        EVP_MD_CTX_free(m_ctx);
    }
    Md5Thread(const Md5Thread &) = delete;
    Md5Thread &operator=(const Md5Thread &) = delete;

    void add(const QByteArray &data)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < 8; });
        m_queue.push_back(data);
        lock.unlock();
        m_changed.notify_all();
    }
    // Waits for every byte added, then the digest in hex.
    QByteArray hex()
    {
        std::unique_lock lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_done; });
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_ctx, digest, &length);
        return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toHex();
    }

private:
    void loop()
    {
        for (;;) {
            QByteArray data;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_closed || !m_queue.empty(); });
                if (m_queue.empty()) {
                    m_done = true;
                    m_changed.notify_all();
                    return;
                }
                data = std::move(m_queue.front());
                m_queue.pop_front();
            }
            m_changed.notify_all();
            EVP_DigestUpdate(m_ctx, data.constData(), size_t(data.size()));
        }
    }

    EVP_MD_CTX *m_ctx = EVP_MD_CTX_new();
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_queue;
    bool m_closed = false;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace

struct ExportJob::Written
{
    QString temporary;     // the verified bytes as stored (or, after convert(), the converted file)
    QString sourceFormat;  // qemu-img's name of the stored format
    qint64 allocated = -1;
};

ExportJob::ExportJob(std::shared_ptr<Bank> bank, ExportRequest request, QObject *parent)
    : Job(tr("Export backup %1").arg(request.checkpointId), parent)
    , m_bank(std::move(bank))
    , m_request(std::move(request))
{
}

QString ExportJob::formatName(ExportFormat format)
{
    return format == ExportFormat::Qcow2 ? QStringLiteral("qcow2") : QStringLiteral("raw");
}

bool ExportJob::parseFormat(const QString &text, ExportFormat *format)
{
    if (text == u"raw")
        *format = ExportFormat::Raw;
    else if (text == u"qcow2")
        *format = ExportFormat::Qcow2;
    else
        return false;
    return true;
}

QString ExportJob::qemuImg()
{
    const QString configured = qEnvironmentVariable("STACKVAULT_QEMU_IMG");
    if (!configured.isEmpty())
        return QFileInfo(configured).isExecutable() ? configured : QString();
    return QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
}

bool ExportJob::planFiles(const CheckpointIndex &index, const ExportRequest &request, QList<ExportFile> *files,
                          QString *error)
{
    // The disks: the image (root disk) first, then the volumes, the boot volume first, in device order.
    QList<const ProtectedResource *> disks;
    for (const ProtectedResource &resource : index.resources) {
        if (resource.image)
            disks.append(&resource);
    }
    const auto rank = [](const ProtectedResource *r) {
        if (r->type == QLatin1String(ImageResourceType))
            return 0;
        return r->extraInfo.value(QLatin1String(CheckpointKey::BootIndex)).toInt(-1) == 0 ? 1 : 2;
    };
    std::stable_sort(disks.begin(), disks.end(), [&](const ProtectedResource *a, const ProtectedResource *b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a->extraInfo.value(QLatin1String(CheckpointKey::Device)).toString()
            < b->extraInfo.value(QLatin1String(CheckpointKey::Device)).toString();
    });
    const auto describe = [](const ProtectedResource *r) {
        return r->type == QLatin1String(ImageResourceType)
            ? QStringLiteral("%1 (root disk, image %2)").arg(r->id, r->name)
            : QStringLiteral("%1 (volume %2)").arg(r->id, r->name);
    };
    if (disks.isEmpty()) {
        *error = tr("Backup %1 holds no disk to export.").arg(index.id);
        return false;
    }
    if (!request.resourceId.isEmpty()) {
        QList<const ProtectedResource *> chosen;
        for (const ProtectedResource *r : std::as_const(disks)) {
            if (r->id == request.resourceId)
                chosen = {r};
        }
        if (chosen.isEmpty()) {
            for (const ProtectedResource *r : std::as_const(disks)) {
                if (r->name == request.resourceId)
                    chosen.append(r);
            }
        }
        QStringList known;
        for (const ProtectedResource *r : std::as_const(disks))
            known.append(describe(r));
        if (chosen.size() != 1) {
            *error = (chosen.isEmpty() ? tr("Backup %1 has no disk %2. Its disks: %3.")
                                       : tr("Backup %1 has several disks named %2: give the id. Its disks: %3."))
                         .arg(index.id, request.resourceId, known.join(QStringLiteral("; ")));
            return false;
        }
        disks = chosen;
    }

    // Labels: "root" for the image, the volume's name otherwise; a name two disks share gets the id.
    QStringList labels;
    for (const ProtectedResource *r : std::as_const(disks)) {
        QString label = r->type == QLatin1String(ImageResourceType) ? QStringLiteral("root") : sanitized(r->name);
        if (label.isEmpty())
            label = sanitized(r->id);
        labels.append(label);
    }
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels.count(labels.at(i)) > 1) {
            const QString shared = labels.at(i);
            for (qsizetype j = 0; j < labels.size(); ++j) {
                if (labels.at(j) == shared)
                    labels[j] = shared + QLatin1Char('-') + sanitized(disks.at(j)->id).left(8);
            }
        }
    }

    const QFileInfo output(request.output);
    files->clear();
    for (qsizetype i = 0; i < disks.size(); ++i) {
        const ProtectedResource *r = disks.at(i);
        ExportFile file;
        file.resourceType = r->type;
        file.resourceId = r->id;
        file.resourceName = r->name;
        file.label = labels.at(i);
        file.record = *r->image;
        if (output.isDir()) {
            const ProtectedResource *server = index.server();
            QString prefix = server ? sanitized(server->name) : QString();
            if (prefix.isEmpty())
                prefix = sanitized(server ? server->id : index.id);
            file.path = QDir(output.absoluteFilePath())
                            .filePath(QStringLiteral("%1-%2.%3").arg(prefix, file.label, formatName(request.format)));
        } else if (i == 0) {
            file.path = output.absoluteFilePath();
        } else {
            QString name = output.completeBaseName() + QLatin1Char('-') + file.label;
            if (!output.suffix().isEmpty())
                name += QLatin1Char('.') + output.suffix();
            file.path = output.absoluteDir().filePath(name);
        }
        files->append(file);
    }
    return true;
}

void ExportJob::setFailure(const QString &message, const QString &details)
{
    m_failure = message;
    m_failureDetails = details;
}

void ExportJob::removeTemporaries()
{
    for (const QString &path : std::as_const(m_temporaries))
        ::unlink(QFile::encodeName(path).constData());
    m_temporaries.clear();
}

void ExportJob::run()
{
    QElapsedTimer clock;
    clock.start();
    setStage(JobStage::Checking);
    const QString id = m_request.checkpointId;
    BankError error;
    if (!m_bank->open(&error)) {
        fail(tr("Cannot export backup %1: the backup storage %2 cannot be opened: %3")
                 .arg(id, m_bank->location(), error.message),
             error.path);
        return;
    }
    // As a restore does: no garbage collection removes a chunk while it is read.
    const std::unique_ptr<BankLock> lock = m_bank->lock(BankLock::Mode::Shared, 10 * 60 * 1000, &error);
    if (!lock) {
        fail(tr("Cannot export backup %1: the backup storage %2 is busy: %3").arg(id, m_bank->location(), error.message),
             error.path);
        return;
    }
    CheckpointIndex index;
    if (!m_bank->checkpoint(id, &index, &error)) {
        if (error.code == BankError::Code::NotFound)
            fail(tr("Backup %1 is not in the backup storage %2. List the backups there and check the id.")
                     .arg(id, m_bank->location()),
                 error.message);
        else
            fail(tr("Cannot export backup %1: its index in %2 cannot be read: %3").arg(id, m_bank->location(), error.message),
                 error.path);
        return;
    }
    if (index.status != QLatin1String("available")) {
        fail(tr("Backup %1 is %2, not available: only a complete backup can be exported.").arg(id, index.status));
        return;
    }
    QList<ExportFile> files;
    QString why;
    if (!planFiles(index, m_request, &files, &why)) {
        fail(why);
        return;
    }
    bool needsQemuImg = false;
    for (const ExportFile &file : std::as_const(files)) {
        const QFileInfo target(file.path);
        if (!target.absoluteDir().exists()) {
            fail(tr("Cannot export backup %1: the folder %2 does not exist.").arg(id, target.absolutePath()));
            return;
        }
        if (target.exists() && (!m_request.overwrite || target.isDir())) {
            fail(tr("Cannot export backup %1: %2 exists already. Choose another name, or replace it (--force).")
                     .arg(id, file.path));
            return;
        }
        const QString source = qemuFormatOf(file.record.diskFormat);
        if (source.isEmpty()) {
            fail(tr("Cannot export the disk %1 of backup %2: its format %3 cannot be converted.")
                     .arg(file.label, id, file.record.diskFormat));
            return;
        }
        needsQemuImg = needsQemuImg || source != formatName(m_request.format);
    }
    if (needsQemuImg && qemuImg().isEmpty()) {
        fail(tr("Cannot export backup %1 as %2: converting its disk needs qemu-img, which is not installed (Debian "
                "package qemu-utils).")
                 .arg(id, formatName(m_request.format)));
        return;
    }

    qint64 total = 0;
    for (const ExportFile &file : std::as_const(files))
        total += file.record.size;
    QList<Written> written;
    qint64 done = 0;
    for (const ExportFile &file : std::as_const(files)) {
        setStage(JobStage::Exporting, total, done);
        Written disk;
        if (!exportDisk(file, done, &disk) || (disk.sourceFormat != formatName(m_request.format) && !convert(file, &disk))) {
            // The files go first: whoever hears `finished` finds nothing left.
            removeTemporaries();
            if (isCancelled())
                finishCancelled(tr("Export of backup %1 cancelled; its unfinished files were removed.").arg(id));
            else
                fail(m_failure, m_failureDetails);
            return;
        }
        written.append(disk);
        done += file.record.size;
    }
    if (isCancelled()) {
        removeTemporaries();
        finishCancelled(tr("Export of backup %1 cancelled; its unfinished files were removed.").arg(id));
        return;
    }

    // Every disk is complete and verified: only now do the files get their names.
    QSet<QString> folders;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &from = written.at(i).temporary;
        const QString &to = files.at(i).path;
        if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
            const int err = errno;
            for (qsizetype j = 0; j < i; ++j)
                ::unlink(QFile::encodeName(files.at(j).path).constData());
            removeTemporaries();
            fail(tr("Cannot export backup %1: %2 cannot be renamed to %3: %4").arg(id, from, to, errnoText(err)));
            return;
        }
        m_temporaries.removeAll(from);
        folders.insert(QFileInfo(to).absolutePath());
    }
    for (const QString &folder : std::as_const(folders)) {
        if (!syncPath(folder, true, &why))
            qCWarning(lcProtection) << "Export: the folder could not be flushed:" << why;
    }

    QVariantList fileData;
    QStringList paths;
    qint64 allocated = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const ExportFile &file = files.at(i);
        const qint64 onDisk = allocatedBytes(file.path);
        allocated += std::max<qint64>(0, onDisk);
        fileData.append(QVariantMap{{QStringLiteral("resource_type"), file.resourceType},
                                    {QStringLiteral("resource_id"), file.resourceId},
                                    {QStringLiteral("name"), file.resourceName},
                                    {QStringLiteral("label"), file.label},
                                    {QStringLiteral("path"), file.path},
                                    {QStringLiteral("format"), formatName(m_request.format)},
                                    {QStringLiteral("source_format"), written.at(i).sourceFormat},
                                    {QStringLiteral("size"), file.record.size},
                                    {QStringLiteral("file_size"), QFileInfo(file.path).size()},
                                    {QStringLiteral("allocated_bytes"), onDisk},
                                    {QStringLiteral("sha512"), QString::fromLatin1(file.record.sha512)}});
        paths.append(file.path);
    }
    const qint64 ms = clock.elapsed();
    const QString message =
        tr("Exported backup %1 as %2 in %3 s: %n file(s), %4 (%5 on disk): %6", nullptr, int(files.size()))
            .arg(id, formatName(m_request.format), QString::number(double(ms) / 1000.0, 'f', 1), formatDataSize(total),
                 formatDataSize(allocated), paths.join(QStringLiteral(", ")));
    finish(JobResult{JobOutcome::Succeeded, message, {},
                     QVariantMap{{QStringLiteral("checkpoint_id"), id},
                                 {QStringLiteral("format"), formatName(m_request.format)},
                                 {QStringLiteral("files"), fileData},
                                 {QStringLiteral("bytes"), total},
                                 {QStringLiteral("allocated_bytes"), allocated},
                                 {QStringLiteral("duration_ms"), ms}}});
}

bool ExportJob::exportDisk(const ExportFile &file, qint64 doneBefore, Written *written)
{
    const QString id = m_request.checkpointId;
    const QFileInfo target(file.path);
    written->sourceFormat = qemuFormatOf(file.record.diskFormat);
    // A new file next to the target, never one that exists (O_EXCL), readable by the user only.
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        written->temporary = target.absoluteDir().filePath(
            QStringLiteral(".%1.%2.part")
                .arg(target.fileName())
                .arg(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 10, 36, QLatin1Char('0')));
        fd = ::open(QFile::encodeName(written->temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        setFailure(tr("Cannot export backup %1: %2 cannot be created: %3").arg(id, written->temporary, errnoText(errno)));
        return false;
    }
    m_temporaries.append(written->temporary);
    const auto closeAndFail = [&](const QString &message, const QString &details = {}) {
        ::close(fd);
        if (!isCancelled())
            setFailure(message, details);
        return false;
    };

    ImageReader reader(m_bank.get(), file.record);
    const bool checkMd5 = !file.record.md5.isEmpty();
    std::optional<Md5Thread> md5;
    if (checkMd5)
        md5.emplace();
    qint64 offset = 0;
    QByteArray data;
    bool zero = false;
    while (!isCancelled() && reader.next(&data, &zero)) {
        if (!zero) {
            qint64 at = 0;
            while (at < data.size()) {
                const ssize_t n = ::pwrite(fd, data.constData() + at, size_t(data.size() - at), offset + at);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    return closeAndFail(tr("Cannot export backup %1: writing %2 failed: %3")
                                            .arg(id, written->temporary, errnoText(n < 0 ? errno : ENOSPC)));
                at += n;
            }
        }
        if (md5)
            md5->add(data);
        offset += data.size();
        setBytesDone(doneBefore + offset);
    }
    if (isCancelled()) {
        reader.cancel();
        ::close(fd);
        return false;
    }
    if (reader.error().isError()) {
        const BankError readError = reader.error();
        return closeAndFail(
            tr("Cannot export backup %1: the disk %2 (%3) cannot be read back intact from %4: %5%6 Nothing was "
               "exported: the unfinished file was removed. Run verify to see what is damaged.")
                .arg(id, file.label, file.resourceId, m_bank->location(), readError.message,
                     readError.path.isEmpty() || readError.message.contains(readError.path)
                         ? QString()
                         : tr(" (object %1)").arg(readError.path)),
            readError.path);
    }
    if (offset != file.record.size)
        return closeAndFail(tr("Cannot export backup %1: the disk %2 read back has %3 bytes, the backup recorded %4.")
                                .arg(id, file.label)
                                .arg(offset)
                                .arg(file.record.size));
    if (checkMd5) {
        const QByteArray hex = md5->hex();
        if (hex != file.record.md5)
            return closeAndFail(tr("Cannot export backup %1: the disk %2 read back has md5 %3, the backup recorded %4: "
                                   "the backup is damaged. Nothing was exported.")
                                    .arg(id, file.label, QString::fromLatin1(hex), QString::fromLatin1(file.record.md5)));
    }
    // Trailing zeros are a hole too: the length is set, not written. Then flushed before any rename.
    if (::ftruncate(fd, offset) != 0 || ::fdatasync(fd) != 0)
        return closeAndFail(tr("Cannot export backup %1: finishing %2 failed: %3").arg(id, written->temporary, errnoText(errno)));
    ::close(fd);
    written->allocated = allocatedBytes(written->temporary);
    return true;
}

bool ExportJob::convert(const ExportFile &file, Written *written)
{
    const QString id = m_request.checkpointId;
    const QString to = formatName(m_request.format);
    // qemu-img's percentage, shown as the share of the disk's bytes converted.
    setStage(JobStage::Converting, file.record.size, 0);
    m_convertBytes = file.record.size;
    const QString converted = written->temporary.left(written->temporary.size() - 5) + QStringLiteral(".") + to
        + QStringLiteral(".part");
    m_temporaries.append(converted);
    QString output;
    QString why;
    if (!runQemuImg({QStringLiteral("convert"), QStringLiteral("-p"), QStringLiteral("-f"), written->sourceFormat,
                     QStringLiteral("-O"), to, written->temporary, converted},
                    &output, &why)) {
        if (!isCancelled())
            setFailure(tr("Cannot export the disk %1 of backup %2 as %3: qemu-img convert failed: %4")
                     .arg(file.label, id, to, why));
        return false;
    }
    // The converted file must hold exactly the verified bytes.
    if (!runQemuImg({QStringLiteral("compare"), QStringLiteral("-q"), QStringLiteral("-f"), written->sourceFormat,
                     QStringLiteral("-F"), to, written->temporary, converted},
                    &output, &why)) {
        if (!isCancelled())
            setFailure(tr("Cannot export the disk %1 of backup %2 as %3: the converted file differs from the backup's "
                    "verified bytes (qemu-img compare: %4).")
                     .arg(file.label, id, to, why));
        return false;
    }
    if (m_request.format == ExportFormat::Qcow2
        && !runQemuImg({QStringLiteral("check"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                        converted},
                       &output, &why)) {
        if (!isCancelled())
            setFailure(tr("Cannot export the disk %1 of backup %2 as qcow2: qemu-img check finds the converted file "
                    "damaged: %3")
                     .arg(file.label, id, why));
        return false;
    }
    if (!syncPath(converted, false, &why)) {
        setFailure(tr("Cannot export backup %1: finishing %2 failed: %3").arg(id, converted, why));
        return false;
    }
    ::unlink(QFile::encodeName(written->temporary).constData());
    m_temporaries.removeAll(written->temporary);
    written->temporary = converted;
    written->allocated = allocatedBytes(converted);
    return true;
}

bool ExportJob::runQemuImg(const QStringList &arguments, QString *output, QString *why)
{
    QProcess process;
    process.setProgram(qemuImg());
    process.setArguments(arguments);
    // What qemu-img creates is readable by the user only, like the files written here. Its own process
    // group: a terminal's Ctrl-C reaches only the CLI, which cancels the job, and the job stops qemu-img.
    process.setChildProcessModifier([] {
        ::umask(077);
        ::setpgid(0, 0);
    });
    process.start();
    if (!process.waitForStarted(30000)) {
        *why = tr("%1 could not be started: %2").arg(qemuImg(), process.errorString());
        return false;
    }
    static const QRegularExpression progress(QStringLiteral("\\((\\d+(?:\\.\\d+)?)/100%\\)"));
    QByteArray stdoutText;
    while (!process.waitForFinished(100)) {
        if (isCancelled()) {
            process.kill();
            process.waitForFinished(10000);
            *why = tr("cancelled");
            return false;
        }
        stdoutText += process.readAllStandardOutput();
        // `convert -p` redraws "    (12.34/100%)" on one line.
        const QString text = QString::fromLocal8Bit(stdoutText.right(64));
        QRegularExpressionMatch last;
        for (auto it = progress.globalMatch(text); it.hasNext();)
            last = it.next();
        if (last.hasMatch())
            setBytesDone(qint64(double(m_convertBytes) * last.captured(1).toDouble() / 100.0));
        if (stdoutText.size() > 4096)
            stdoutText = stdoutText.right(256);
    }
    stdoutText += process.readAllStandardOutput();
    *output = QString::fromLocal8Bit(stdoutText);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString errors = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        *why = errors.isEmpty() ? tr("exit code %1").arg(process.exitCode()) : errors;
        return false;
    }
    return true;
}

} // namespace sv
