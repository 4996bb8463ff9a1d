#include "bank/bankerror.h"

#include <cerrno>
#include <cstring>

namespace sv {

QString BankError::codeName() const
{
    switch (code) {
    case Code::None: return QStringLiteral("none");
    case Code::NotWritable: return QStringLiteral("not-writable");
    case Code::DiskFull: return QStringLiteral("disk-full");
    case Code::Io: return QStringLiteral("io");
    case Code::NotFound: return QStringLiteral("not-found");
    case Code::MissingChunk: return QStringLiteral("missing-chunk");
    case Code::CorruptChunk: return QStringLiteral("corrupt-chunk");
    case Code::ChecksumMismatch: return QStringLiteral("checksum-mismatch");
    case Code::BadIndex: return QStringLiteral("bad-index");
    case Code::InvalidName: return QStringLiteral("invalid-name");
    case Code::UnsupportedFormat: return QStringLiteral("unsupported-format");
    case Code::Busy: return QStringLiteral("busy");
    case Code::PassphraseRequired: return QStringLiteral("passphrase-required");
    case Code::NewPassphraseRequired: return QStringLiteral("new-passphrase-required");
    case Code::WrongPassphrase: return QStringLiteral("wrong-passphrase");
    case Code::Tampered: return QStringLiteral("tampered");
    case Code::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

BankError BankError::make(Code code, const QString &message, const QString &path)
{
    BankError error;
    error.code = code;
    error.message = message;
    error.path = path;
    return error;
}

BankError BankError::fromErrno(int err, const QString &what, const QString &path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(err));
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
    case ENOTDIR:
        return make(Code::NotWritable,
                    QStringLiteral("The backup storage folder is not writable: %1 %2 failed (%3). Choose "
                                   "another folder in the settings, or fix its permissions.")
                        .arg(what, path, reason),
                    path);
    case ENOSPC:
    case EDQUOT:
        return make(Code::DiskFull,
                    QStringLiteral("The backup storage is full: %1 %2 failed (%3). Free some space (delete "
                                   "old backups, then prune) or choose a bigger storage location.")
                        .arg(what, path, reason),
                    path);
    case ENOENT:
        return make(Code::NotFound, QStringLiteral("%1 %2 failed: %3.").arg(what, path, reason), path);
    default:
        return make(Code::Io, QStringLiteral("%1 %2 failed: %3.").arg(what, path, reason), path);
    }
}

} // namespace sv
