#pragma once

#include "bank/bankerror.h"

#include <QByteArray>
#include <QString>

namespace sv {

// POSIX file operations with the durability a bank needs. Direct syscalls (not QFile/QSaveFile) so that
// errno reaches BankError unchanged (ENOSPC vs EACCES matter to the user) and so that directories can be
// fsync'ed. Files are created 0600, directories 0700.
class DurableFile
{
public:
    // Writes `data` to a temporary file next to `path`, fsyncs it, renames it over `path` and (when
    // `syncDir`) fsyncs the directory: after a crash `path` holds either the old or the new content.
    static bool writeAtomically(const QString &path, const QByteArray &data, BankError *error,
                                bool syncDir = true);
    // Writes `data` to a new temporary file next to `path` without flushing it; its name in `tempPath`.
    static bool writeTemporary(const QString &path, const QByteArray &data, QString *tempPath, BankError *error);
    static bool rename(const QString &from, const QString &to, BankError *error);
    // fsync(2) of one file.
    static bool syncFile(const QString &path, BankError *error);
    // Flushes the whole file system holding `path` (syncfs(2)): one flush for many files.
    static bool syncFileSystem(const QString &path, BankError *error);
    static bool readAll(const QString &path, QByteArray *data, BankError *error);
    // `length` bytes from `offset` (pread); fewer bytes in the file is an error (CorruptChunk: truncated).
    static bool readRange(const QString &path, qint64 offset, qint64 length, QByteArray *data, BankError *error);
    static bool syncDirectory(const QString &path, BankError *error);
    // Creates `path` (and missing parents) with mode 0700. Existing directories are fine.
    static bool makeDirectory(const QString &path, BankError *error);
    static bool remove(const QString &path, BankError *error); // a missing file is not an error
    // Prefix of temporary files; listings skip them and `prune` removes stale ones.
    static QString tempPrefix() { return QStringLiteral(".tmp-"); }
};

} // namespace sv
