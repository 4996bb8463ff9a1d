#pragma once

#include "bank/bankerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace sv {

// The few operations a bank needs from an object store (a Swift container, an S3 bucket), so that
// ObjectStoreBank holds the bank logic once and each store only speaks its protocol. Every call blocks
// and is made from worker threads; implementations are thread-safe (several calls may be in flight at
// once). Errors are BankErrors whose message names the store's location and the object.
class ObjectStore
{
public:
    struct Listed
    {
        QString name;
        qint64 bytes = 0;
        QDateTime lastModified; // UTC, from the store's clock
        // The hex MD5 of the object's bytes when the listing gives it (Swift's "hash", S3's ETag of a plain
        // upload), lowercase; empty when unknown (an S3 multipart ETag "<hex>-<n>" is not an MD5).
        QByteArray md5;
    };
    struct Page
    {
        QList<Listed> entries; // sorted by name
        bool atEnd = true;     // no names after the last entry
        QDateTime serverTime;  // the store's clock when it answered (Date header); invalid if unknown
    };

    virtual ~ObjectStore();

    // "swift:CLOUD/CONTAINER", "s3:PROFILE/BUCKET": how the user names this store.
    virtual QString location() const = 0;
    // What the store calls the place the objects live in, for sentences ("container", "bucket").
    virtual QString containerNoun() const = 0;

    // Creates the container/bucket when it does not exist yet; succeeds when it does.
    virtual bool createContainer(BankError *error) const = 0;
    // Replaces `object` atomically: readers see the old or the new bytes, never a mix.
    virtual bool putObject(const QString &object, const QByteArray &data, BankError *error) const = 0;
    // Writes `object` only if none of that name exists (a new bank's bank.json, so that of two creators
    // one wins): true when the store answered, with `existed` true when it kept the object it had and
    // wrote nothing. Swift and S3 check and write in one step (If-None-Match: *); where a store refuses
    // conditional writes (Swift's s3api answers 501), a HEAD just before the write is the check.
    virtual bool createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const = 0;
    virtual bool getObject(const QString &object, QByteArray *data, BankError *error) const = 0;
    // `length` bytes from `offset` (fewer at the end of the object).
    virtual bool getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                                BankError *error) const = 0;
    // The object's size; NotFound if absent.
    virtual bool headObject(const QString &object, qint64 *size, BankError *error) const = 0;
    // Deleting what is not there succeeds. `existed` is false when the store said so (Swift's 404);
    // S3 answers the same to both and reports true.
    virtual bool deleteObject(const QString &object, bool *existed, BankError *error) const = 0;
    // Up to `limit` names under `prefix` that sort after `marker` (empty: from the start).
    virtual bool listPage(const QString &prefix, const QString &marker, int limit, Page *page,
                          BankError *error) const = 0;
};

} // namespace sv
