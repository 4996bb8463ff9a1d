#pragma once

#include <QString>

namespace sv {

// What went wrong in a bank operation, specific enough to act on: the kind, the path involved and a
// sentence for the user that says what failed and what to do.
struct BankError
{
    enum class Code {
        None,
        NotWritable,       // permission denied, read-only file system, a path component is a file
        DiskFull,          // ENOSPC / EDQUOT
        Io,                // any other I/O failure
        NotFound,          // no such checkpoint / image
        MissingChunk,      // an index names a chunk that is not in the bank
        CorruptChunk,      // a chunk file fails its header, decompression or SHA-256
        ChecksumMismatch,  // the whole image's digest differs from the index
        BadIndex,          // an index or journal entry is unreadable or malformed
        InvalidName,       // a chunk/checkpoint name that could escape the bank (path traversal)
        UnsupportedFormat, // a newer format version than this build understands
        Busy,              // the bank lock could not be taken in time
        PassphraseRequired,    // an encrypted bank was opened without a passphrase
        NewPassphraseRequired, // a new bank is to be encrypted and no passphrase was given for it
        WrongPassphrase,       // the passphrase opens none of the bank's key files
        Tampered,              // an encrypted object or bank.json fails authentication or contradicts the keys
        Cancelled,
    };

    Code code = Code::None;
    QString message; // complete sentence(s) for the user
    QString path;    // the file or folder involved, if any

    bool isError() const { return code != Code::None; }
    QString codeName() const;

    static BankError make(Code code, const QString &message, const QString &path = {});
    // Maps errno to a code and builds "<what> <path>: <strerror>. <advice>".
    static BankError fromErrno(int err, const QString &what, const QString &path);
};

} // namespace sv
