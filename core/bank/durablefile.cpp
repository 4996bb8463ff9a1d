#include "bank/durablefile.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sv {

namespace {

QByteArray nativePath(const QString &path) { return QFile::encodeName(path); }

// Writes from `*data`, advancing it past what was written (also when it fails part-way).
bool writeFully(int fd, const char **data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, *data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        *data += n;
        size -= n;
    }
    return true;
}

// Large writes whose bytes start at this alignment go around the page cache (O_DIRECT): a pack of
// 16 MiB copied into the page cache cost ~0.9 CPU-s per GiB backed up (`perf`: copy_folio_from_iter),
// and the bytes are not read again soon. 4096 covers the logical block size of common devices; the
// file system says which alignment it needs, and a refusal (EINVAL) falls back to a normal write.
constexpr quintptr kDirectAlignment = 4096;
constexpr qsizetype kDirectAtLeast = 1024 * 1024;

// Writes `size` bytes: the part in whole kDirectAlignment blocks with O_DIRECT when `fd` has it, then
// the rest (and everything, after a refusal) through the page cache. Flushing is the caller's.
bool writeMaybeDirect(int fd, bool direct, const char *data, qsizetype size)
{
    const char *const end = data + size;
    if (direct) {
        const qsizetype whole = size / qsizetype(kDirectAlignment) * qsizetype(kDirectAlignment);
        if (!writeFully(fd, &data, whole) && errno != EINVAL)
            return false;
        // Continue through the page cache: the tail, or the rest after EINVAL (a file system or a
        // device with stricter needs). A write refused with EINVAL wrote nothing.
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_DIRECT) != 0)
            return false;
    }
    return writeFully(fd, &data, end - data);
}

} // namespace

namespace {

QString temporaryNameFor(const QString &path)
{
    const QFileInfo info(path);
    return info.absolutePath() + QLatin1Char('/') + DurableFile::tempPrefix() + info.fileName() + QLatin1Char('-')
        + QString::number(QRandomGenerator::global()->generate64(), 36);
}

// Creates `temp` and writes `data`; with `sync`, fsyncs it. Leaves nothing behind on failure.
bool writeNew(const QString &temp, const QByteArray &data, bool sync, BankError *error)
{
    const QByteArray tempNative = nativePath(temp);
    const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
    bool direct = data.size() >= kDirectAtLeast && reinterpret_cast<quintptr>(data.constData()) % kDirectAlignment == 0;
    int fd = ::open(tempNative.constData(), flags | (direct ? O_DIRECT : 0), 0600);
    if (fd < 0 && direct && errno == EINVAL) {
        // No O_DIRECT on this file system (the file may have been created before the refusal).
        direct = false;
        ::unlink(tempNative.constData());
        fd = ::open(tempNative.constData(), flags, 0600);
    }
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Creating"), temp);
        return false;
    }
    if (!writeMaybeDirect(fd, direct, data.constData(), data.size())) {
        *error = BankError::fromErrno(errno, QStringLiteral("Writing"), temp);
        ::close(fd);
        ::unlink(tempNative.constData());
        return false;
    }
    // Without `sync` the caller flushes many files at once later (syncfs, see Bank::stageChunk): start
    // their write-back now, so that it overlaps the rest of the backup instead of all of it waiting at
    // the end (on a 1 GiB image that final flush took a quarter of the backup). Only a hint: errors
    // surface at the flush.
    if (!sync) {
        [[maybe_unused]] const int started = ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    }
    if (sync && ::fsync(fd) != 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Flushing"), temp);
        ::close(fd);
        ::unlink(tempNative.constData());
        return false;
    }
    if (::close(fd) != 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Closing"), temp);
        ::unlink(tempNative.constData());
        return false;
    }
    return true;
}

} // namespace

bool DurableFile::writeAtomically(const QString &path, const QByteArray &data, BankError *error, bool syncDir)
{
    const QString temp = temporaryNameFor(path);
    if (!writeNew(temp, data, true, error))
        return false;
    if (::rename(nativePath(temp).constData(), nativePath(path).constData()) != 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Renaming into place"), path);
        ::unlink(nativePath(temp).constData());
        return false;
    }
    return !syncDir || syncDirectory(QFileInfo(path).absolutePath(), error);
}

bool DurableFile::writeTemporary(const QString &path, const QByteArray &data, QString *tempPath, BankError *error)
{
    *tempPath = temporaryNameFor(path);
    return writeNew(*tempPath, data, false, error);
}

bool DurableFile::rename(const QString &from, const QString &to, BankError *error)
{
    if (::rename(nativePath(from).constData(), nativePath(to).constData()) == 0)
        return true;
    *error = BankError::fromErrno(errno, QStringLiteral("Renaming into place"), to);
    return false;
}

bool DurableFile::syncFile(const QString &path, BankError *error)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening"), path);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok)
        *error = BankError::fromErrno(errno, QStringLiteral("Flushing"), path);
    ::close(fd);
    return ok;
}

bool DurableFile::syncFileSystem(const QString &path, BankError *error)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening folder"), path);
        return false;
    }
    // Since Linux 5.8 syncfs reports write-back errors (EIO, ENOSPC) of the file system.
    const bool ok = ::syncfs(fd) == 0;
    if (!ok)
        *error = BankError::fromErrno(errno, QStringLiteral("Flushing the file system of"), path);
    ::close(fd);
    return ok;
}

namespace {

// Reads data->size() bytes from `offset` (or up to the end of the file), retrying on EINTR; `data` ends
// as long as what was read. False (with `error`) only on a read error.
bool readFully(int fd, qint64 offset, QByteArray *data, const QString &path, BankError *error)
{
    qsizetype done = 0;
    while (done < data->size()) {
        const ssize_t n = ::pread(fd, data->data() + done, static_cast<size_t>(data->size() - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = BankError::fromErrno(errno, QStringLiteral("Reading"), path);
            return false;
        }
        if (n == 0)
            break;
        done += n;
    }
    data->resize(done);
    return true;
}

} // namespace

bool DurableFile::readAll(const QString &path, QByteArray *data, BankError *error)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening"), path);
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Reading"), path);
        ::close(fd);
        return false;
    }
    data->resize(static_cast<qsizetype>(st.st_size));
    const bool read = readFully(fd, 0, data, path, error);
    ::close(fd);
    return read;
}

bool DurableFile::readRange(const QString &path, qint64 offset, qint64 length, QByteArray *data, BankError *error)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening"), path);
        return false;
    }
    data->resize(static_cast<qsizetype>(length));
    const bool read = readFully(fd, offset, data, path, error);
    ::close(fd);
    if (!read)
        return false;
    const qint64 done = data->size();
    if (done < length) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("%1 is truncated: %2 bytes at offset %3 were expected, %4 found.")
                                     .arg(path)
                                     .arg(length)
                                     .arg(offset)
                                     .arg(done),
                                 path);
        return false;
    }
    return true;
}

bool DurableFile::syncDirectory(const QString &path, BankError *error)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = BankError::fromErrno(errno, QStringLiteral("Opening folder"), path);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok)
        *error = BankError::fromErrno(errno, QStringLiteral("Flushing folder"), path);
    ::close(fd);
    return ok;
}

bool DurableFile::makeDirectory(const QString &path, BankError *error)
{
    const QByteArray native = nativePath(path);
    if (::mkdir(native.constData(), 0700) == 0)
        return true;
    if (errno == EEXIST) {
        struct stat st {};
        if (::stat(native.constData(), &st) == 0 && S_ISDIR(st.st_mode))
            return true;
        *error = BankError::fromErrno(ENOTDIR, QStringLiteral("Creating folder"), path);
        return false;
    }
    if (errno == ENOENT) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent != path && makeDirectory(parent, error)) {
            if (::mkdir(native.constData(), 0700) == 0 || errno == EEXIST)
                return true;
        } else {
            return false;
        }
    }
    *error = BankError::fromErrno(errno, QStringLiteral("Creating folder"), path);
    return false;
}

bool DurableFile::remove(const QString &path, BankError *error)
{
    if (::unlink(nativePath(path).constData()) == 0 || errno == ENOENT)
        return true;
    *error = BankError::fromErrno(errno, QStringLiteral("Removing"), path);
    return false;
}

} // namespace sv
