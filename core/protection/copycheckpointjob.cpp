#include "protection/copycheckpointjob.h"

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/imagereader.h"
#include "bank/imagewriter.h"
#include "util/crashpoint.h"
#include "util/datasize.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <optional>

namespace sv {

namespace {

// What the copy of one image added up to, summed over the checkpoint.
struct CopyFigures
{
    qint64 bytesRead = 0;       // image bytes read from the source (every chunk verified)
    qint64 newBytes = 0;        // of those, bytes of chunks the target lacked (uncompressed)
    qint64 newStoredBytes = 0;  // what those new chunks take in the target (compressed, sealed)
    qint64 chunks = 0;          // chunks of the copied images, repeats included
    qint64 newChunks = 0;       // chunks stored in the target
    int images = 0;
};

} // namespace

CopyCheckpointJob::CopyCheckpointJob(std::shared_ptr<Bank> source, std::shared_ptr<Bank> target,
                                     QString checkpointId, QObject *parent)
    : Job(tr("Copy backup %1").arg(checkpointId), parent)
    , m_source(std::move(source))
    , m_target(std::move(target))
    , m_checkpointId(std::move(checkpointId))
{
}

// The status of the target's checkpoint with the same id in *existingStatus (empty: none). One that a copy
// or backup left unfinished is deleted (so the copy can write it again); an `available` one stays. False
// after fail(): a checkpoint still being written, or one that cannot be read or removed.
bool CopyCheckpointJob::prepareTarget(QString *existingStatus)
{
    CheckpointIndex existing;
    BankError error;
    if (!m_target->checkpoint(m_checkpointId, &existing, &error)) {
        if (error.code == BankError::Code::NotFound)
            return true;
        fail(tr("Cannot copy backup %1: the target backup storage %2 has a copy of it that cannot be read: %3 "
                "Delete it there (or run prune), then copy again.")
                 .arg(m_checkpointId, m_target->location(), error.message),
             error.path);
        return false;
    }
    *existingStatus = existing.status;
    if (existing.status == QLatin1String("available"))
        return true;
    GcReport report;
    if (!m_target->deleteCheckpoint(m_checkpointId, &report, &error)) {
        if (error.code == BankError::Code::Busy) {
            fail(tr("Cannot copy backup %1: the target backup storage %2 is busy and its copy of the backup is "
                    "still being written (status protecting). Wait until the other copy or backup ends and try "
                    "again; if none runs, run prune on %2 first.")
                     .arg(m_checkpointId, m_target->location()),
                 error.message);
            return false;
        }
        fail(tr("Cannot copy backup %1: the unfinished copy in the target backup storage %2 (status %3) cannot "
                "be removed: %4")
                 .arg(m_checkpointId, m_target->location(), existing.status, error.message),
             error.path);
        return false;
    }
    return true;
}

void CopyCheckpointJob::run()
{
    QElapsedTimer clock;
    clock.start();
    setStage(JobStage::Checking);
    BankError error;
    // Idempotent; sets each bank's keys before anything is read or written.
    if (!m_source->open(&error)) {
        fail(tr("Cannot copy backup %1: the source backup storage %2 cannot be opened: %3")
                 .arg(m_checkpointId, m_source->location(), error.message),
             error.path);
        return;
    }
    if (!m_target->open(&error)) {
        fail(tr("Cannot copy backup %1: the target backup storage %2 cannot be opened: %3")
                 .arg(m_checkpointId, m_target->location(), error.message),
             error.path);
        return;
    }
    // As a restore does: no garbage collection of the source while its chunks are read.
    const std::unique_ptr<BankLock> sourceLock = m_source->lock(BankLock::Mode::Shared, 10 * 60 * 1000, &error);
    if (!sourceLock) {
        fail(tr("Cannot copy backup %1: the source backup storage %2 is busy: %3")
                 .arg(m_checkpointId, m_source->location(), error.message),
             error.path);
        return;
    }
    CheckpointIndex source;
    if (!m_source->checkpoint(m_checkpointId, &source, &error)) {
        if (error.code == BankError::Code::NotFound)
            fail(tr("Backup %1 is not in the backup storage %2. List the backups there and check the id.")
                     .arg(m_checkpointId, m_source->location()),
                 error.message);
        else
            fail(tr("Cannot copy backup %1: its index in %2 cannot be read: %3")
                     .arg(m_checkpointId, m_source->location(), error.message),
                 error.path);
        return;
    }
    if (source.status != QLatin1String("available")) {
        fail(tr("Backup %1 in %2 is %3, not available: only a complete backup can be copied.")
                 .arg(m_checkpointId, m_source->location(), source.status));
        return;
    }

    QString existing;
    if (!prepareTarget(&existing))
        return;
    const qint64 totalBytes = source.totalSize();
    QVariantMap data{{QStringLiteral("checkpoint_id"), m_checkpointId},
                     {QStringLiteral("source"), m_source->location()},
                     {QStringLiteral("target"), m_target->location()},
                     {QStringLiteral("target_encrypted"), m_target->keys().encrypted()},
                     {QStringLiteral("size"), totalBytes}};
    if (existing == QLatin1String("available")) {
        data.insert(QStringLiteral("copied"), false);
        data.insert(QStringLiteral("bytes_read"), 0);
        data.insert(QStringLiteral("new_bytes"), 0);
        data.insert(QStringLiteral("new_stored_bytes"), 0);
        data.insert(QStringLiteral("chunks_new"), 0);
        data.insert(QStringLiteral("chunks_shared"), 0);
        data.insert(QStringLiteral("duration_ms"), clock.elapsed());
        finish(JobResult{JobOutcome::Succeeded,
                         tr("Backup %1 is already in %2: nothing copied.").arg(m_checkpointId, m_target->location()),
                         {},
                         data});
        return;
    }

    // The same checkpoint, its images still to come; `copied_from` says where it came from.
    CheckpointIndex draft;
    draft.id = source.id;
    draft.created = source.created;
    draft.consistency = source.consistency;
    draft.plan = source.plan; // the copy belongs to the same plan (its retention in the target sees it)
    draft.options = source.options;
    draft.options.insert(QStringLiteral("copied_from"),
                         QJsonObject{{QStringLiteral("location"), m_source->location()},
                                     {QStringLiteral("copied"),
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
    draft.resources = source.resources;
    for (ProtectedResource &resource : draft.resources) {
        resource.status = QStringLiteral("protecting");
        resource.image.reset();
    }
    std::unique_ptr<CheckpointWriter> writer = m_target->beginCheckpoint(draft, &error);
    if (!writer) {
        fail(tr("Cannot copy backup %1 into %2: %3").arg(m_checkpointId, m_target->location(), error.message),
             error.path);
        return;
    }

    setStage(JobStage::Copying, totalBytes);
    CopyFigures figures;
    const auto stop = [&](const QString &reason) {
        BankError ignored;
        writer->fail(reason, &ignored);
    };
    for (const ProtectedResource &resource : std::as_const(source.resources)) {
        if (!resource.image)
            continue;
        const ImageRecord &from = *resource.image;
        ImageReader reader(m_source.get(), from);
        ImageWriter::Options options;
        options.computeMd5 = !from.md5.isEmpty();
        std::unique_ptr<ImageWriter> imageWriter = writer->createImageWriter(options);
        QByteArray chunk;
        bool written = true;
        while (!isCancelled() && reader.next(&chunk)) {
            if (!imageWriter->write(chunk)) {
                written = false;
                break;
            }
            figures.bytesRead += chunk.size();
            setBytesDone(figures.bytesRead);
            crashPoint("copy-chunk-written");
        }
        if (isCancelled()) {
            imageWriter->cancel();
            stop(tr("The copy was cancelled."));
            finishCancelled(tr("Copy of backup %1 cancelled; its unfinished copy in %2 is marked failed (the "
                               "next copy replaces it).")
                                .arg(m_checkpointId, m_target->location()));
            return;
        }
        if (reader.error().isError()) {
            imageWriter->cancel();
            const BankError readError = reader.error();
            stop(readError.message);
            fail(tr("Cannot copy backup %1: reading %2 %3 from %4 failed: %5 Run verify on %4 to see what is "
                    "damaged.")
                     .arg(m_checkpointId, resource.type, resource.name, m_source->location(), readError.message),
                 readError.path);
            return;
        }
        ImageRecord copied;
        if (!written || !imageWriter->finish(&copied, &error)) {
            const BankError writeError = imageWriter->error().isError() ? imageWriter->error() : error;
            stop(writeError.message);
            fail(tr("Cannot copy backup %1: writing into %2 failed: %3")
                     .arg(m_checkpointId, m_target->location(), writeError.message),
                 writeError.path);
            return;
        }
        // The chunker is not keyed, so the same bytes must come out the same image; proven here.
        if (copied.size != from.size || copied.sha512 != from.sha512 || (options.computeMd5 && copied.md5 != from.md5)) {
            const QString why = tr("the copy of %1 %2 has %3 bytes and sha512 %4, the source recorded %5 bytes and "
                                   "sha512 %6")
                                    .arg(resource.type, resource.name)
                                    .arg(copied.size)
                                    .arg(QString::fromLatin1(copied.sha512.left(16)))
                                    .arg(from.size)
                                    .arg(QString::fromLatin1(from.sha512.left(16)));
            stop(why);
            fail(tr("Cannot copy backup %1 into %2: %3.").arg(m_checkpointId, m_target->location(), why));
            return;
        }
        copied.diskFormat = from.diskFormat;
        copied.containerFormat = from.containerFormat;
        writer->resource(resource.type, resource.id)->image = copied;
        figures.newBytes += imageWriter->newBytes();
        figures.newStoredBytes += imageWriter->newStoredBytes();
        figures.chunks += imageWriter->chunks();
        figures.newChunks += imageWriter->newChunks();
        ++figures.images;
    }
    crashPoint("copy-before-commit");
    if (!writer->commit(&error)) {
        fail(tr("Cannot copy backup %1: committing it in %2 failed: %3")
                 .arg(m_checkpointId, m_target->location(), error.message),
             error.path);
        return;
    }
    const qint64 ms = clock.elapsed();
    data.insert(QStringLiteral("copied"), true);
    if (!existing.isEmpty())
        data.insert(QStringLiteral("replaced_status"), existing);
    data.insert(QStringLiteral("images"), figures.images);
    data.insert(QStringLiteral("bytes_read"), figures.bytesRead);
    data.insert(QStringLiteral("new_bytes"), figures.newBytes);
    data.insert(QStringLiteral("new_stored_bytes"), figures.newStoredBytes);
    data.insert(QStringLiteral("chunks_new"), figures.newChunks);
    data.insert(QStringLiteral("chunks_shared"), figures.chunks - figures.newChunks);
    data.insert(QStringLiteral("duration_ms"), ms);
    const QString message =
        tr("Copied backup %1 from %2 to %3 in %4 s: %5 read, %6 new to the target (%7 stored), %n chunk(s) "
           "new, %8 already there.",
           nullptr, int(figures.newChunks))
            .arg(m_checkpointId, m_source->location(), m_target->location(),
                 QString::number(double(ms) / 1000.0, 'f', 1), formatDataSize(figures.bytesRead),
                 formatDataSize(figures.newBytes), formatDataSize(figures.newStoredBytes))
            .arg(figures.chunks - figures.newChunks);
    finish(JobResult{JobOutcome::Succeeded, message, {}, data});
}

} // namespace sv
