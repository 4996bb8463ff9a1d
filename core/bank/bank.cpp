#include "bank/bank.h"

#include "bank/banklog.h"
#include "bank/checkpointwriter.h"
#include "bank/chunkcodec.h"
#include "bank/packstore.h"

#include <QSet>
#include <QUuid>

#include <openssl/evp.h>

Q_LOGGING_CATEGORY(lcBank, "stackvault.bank")

namespace sv {

Bank::~Bank() = default;

QJsonObject Bank::newBankDescription()
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("stackvault-bank")},
                       {QStringLiteral("version"), FormatVersion},
                       {QStringLiteral("layout"), QString::fromLatin1(PacksLayout)},
                       {QStringLiteral("chunking"), QStringLiteral("fastcdc-gear64-v1")},
                       {QStringLiteral("chunk_hash"), QStringLiteral("sha256")},
                       {QStringLiteral("compression"), QStringLiteral("zstd")}};
}

bool Bank::layoutOf(const QJsonObject &description, const QString &location, QString *layout, BankError *error)
{
    // Format 1 has no "layout": one object per chunk.
    *layout = description.value(QStringLiteral("version")).toInt() == 1
        ? QString::fromLatin1(ChunksLayout)
        : description.value(QStringLiteral("layout")).toString();
    if (*layout == QLatin1String(ChunksLayout) || *layout == QLatin1String(PacksLayout))
        return true;
    *error = BankError::make(BankError::Code::UnsupportedFormat,
                             QStringLiteral("The backup storage %1 stores its chunks in the layout \"%2\", which "
                                            "this version of StackVault does not know. Upgrade StackVault.")
                                 .arg(location, layout->left(100)),
                             location);
    return false;
}

std::unique_ptr<CheckpointWriter> Bank::beginCheckpoint(const CheckpointIndex &draft, BankError *error,
                                                        int lockTimeoutMs)
{
    CheckpointIndex index = draft;
    if (index.id.isEmpty())
        index.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!CheckpointIndex::isValidId(index.id)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("\"%1\" cannot be used as a checkpoint id (letters, digits, "
                                                "'-', '_' and '.' only).")
                                     .arg(index.id));
        return {};
    }
    if (!index.created.isValid())
        index.created = QDateTime::currentDateTimeUtc();
    index.status = QStringLiteral("protecting");
    QByteArray existing;
    BankError ignored;
    if (readIndex(index.id, &existing, &ignored)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("A checkpoint with id %1 already exists.").arg(index.id));
        return {};
    }
    auto held = lock(BankLock::Mode::Shared, lockTimeoutMs, error);
    if (!held)
        return {};
    // Deduplication trusts the cached pack index: reload it now that no GC can run (it may have run
    // since it was loaded, and forgotten chunks).
    if (packStore() && !packStore()->refresh(error))
        return {};
    if (!writeIndex(index.id, index.toJson(), error))
        return {};
    return std::make_unique<CheckpointWriter>(this, index, std::move(held));
}

CheckpointSummary Bank::summarize(const CheckpointIndex &index)
{
    CheckpointSummary summary;
    summary.id = index.id;
    if (const ProtectedResource *server = index.server()) {
        summary.serverId = server->id;
        summary.serverName = server->name;
    }
    summary.created = index.created;
    summary.status = index.status;
    summary.errorMessage = index.errorMessage;
    summary.consistency = index.consistency;
    summary.size = index.totalSize();
    summary.storedBytes = index.storedBytes();
    summary.newStoredBytes = index.newStoredBytes();
    return summary;
}

bool Bank::putChunk(const QByteArray &name, const QByteArray &encoded, BankError *error)
{
    StagedChunk staged;
    if (!stageChunk(name, encoded, &staged, error))
        return false;
    if (!publishChunks({staged}, error)) {
        discardChunks({staged});
        return false;
    }
    return true;
}

bool Bank::listCheckpoints(QList<CheckpointSummary> *checkpoints, BankError *error) const
{
    QStringList ids;
    if (!listIndexIds(&ids, error))
        return false;
    checkpoints->clear();
    for (const QString &id : std::as_const(ids)) {
        CheckpointIndex index;
        BankError indexError;
        if (!checkpoint(id, &index, &indexError)) {
            // One damaged index must not hide the others: list it as an error.
            CheckpointSummary summary;
            summary.id = id;
            summary.status = QStringLiteral("error");
            summary.errorMessage = indexError.message;
            checkpoints->append(summary);
            continue;
        }
        checkpoints->append(summarize(index));
    }
    std::sort(checkpoints->begin(), checkpoints->end(),
              [](const CheckpointSummary &a, const CheckpointSummary &b) { return a.created < b.created; });
    return true;
}

bool Bank::checkpoint(const QString &id, CheckpointIndex *index, BankError *error) const
{
    if (!CheckpointIndex::isValidId(id)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("\"%1\" is not a valid checkpoint id.").arg(id.left(100)));
        return false;
    }
    QByteArray json;
    if (!readIndex(id, &json, error)) {
        if (error->code == BankError::Code::NotFound)
            error->message = QStringLiteral("There is no checkpoint %1 in the backup storage %2.").arg(id, location());
        return false;
    }
    QString why;
    if (!CheckpointIndex::fromJson(json, index, &why)) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The index of checkpoint %1 is damaged or from an unknown "
                                                "version: %2.")
                                     .arg(id, why));
        return false;
    }
    if (index->id != id) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The index file of checkpoint %1 names checkpoint %2.")
                                     .arg(id, index->id));
        return false;
    }
    return true;
}

bool Bank::readVerifiedChunk(const ChunkRef &chunk, QByteArray *data, BankError *error) const
{
    const QString name = QString::fromLatin1(chunk.sha256);
    if (!ChunkCodec::isValidName(chunk.sha256)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("Refusing chunk name \"%1\": not 64 lowercase hex characters.")
                                     .arg(name.left(100)));
        return false;
    }
    QByteArray encoded;
    if (!getChunk(chunk.sha256, &encoded, error)) {
        if (error->code == BankError::Code::NotFound) {
            error->code = BankError::Code::MissingChunk;
            error->message = QStringLiteral("Chunk %1 is missing from the backup storage (%2).").arg(name, error->path);
        }
        return false;
    }
    QString why;
    if (!ChunkCodec::decode(encoded, data, &why)) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1 is corrupted: %2.").arg(name, why), error->path);
        return false;
    }
    if (data->size() != chunk.size) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1 is corrupted: %2 bytes, the index says %3.")
                                     .arg(name)
                                     .arg(data->size())
                                     .arg(chunk.size));
        return false;
    }
    if (ChunkCodec::sha256Hex(*data) != chunk.sha256) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1 is corrupted: its content no longer has that SHA-256.")
                                     .arg(name));
        return false;
    }
    return true;
}

bool Bank::deleteCheckpoint(const QString &id, GcReport *report, BankError *error, int gcLockTimeoutMs)
{
    CheckpointIndex index;
    if (!checkpoint(id, &index, error)) {
        if (error->code != BankError::Code::BadIndex)
            return false;
        // A damaged index can still be deleted: without it, its chunks become orphans.
        QByteArray ignored;
        BankError readError;
        if (!readIndex(id, &ignored, &readError))
            return false;
        index = CheckpointIndex{};
        index.id = id;
    } else {
        index.status = QStringLiteral("deleting");
        if (!writeIndex(id, index.toJson(), error))
            return false;
    }
    if (!removeIndex(id, error))
        return false;
    qCInfo(lcBank) << "checkpoint" << id << "deleted; collecting garbage";
    *report = GcReport{};
    BankError gcError;
    if (!collectGarbage(report, &gcError, gcLockTimeoutMs)) {
        report->done = false;
        report->deferredReason = gcError.message;
    }
    return true;
}

bool Bank::collectGarbage(GcReport *report, BankError *error, int lockTimeoutMs)
{
    auto held = lock(BankLock::Mode::Exclusive, lockTimeoutMs, error);
    if (!held) {
        report->done = false;
        report->deferredReason = error->message;
        return error->code == BankError::Code::Busy;
    }
    return collectGarbageLocked(report, error);
}

bool Bank::collectGarbageLocked(GcReport *report, BankError *error)
{
    QStringList ids;
    if (!listIndexIds(&ids, error))
        return false;
    QSet<QByteArray> referenced;
    for (const QString &id : std::as_const(ids)) {
        CheckpointIndex index;
        if (!checkpoint(id, &index, error)) {
            // Never guess what an unreadable index references: deleting its chunks could destroy a backup.
            error->message = QStringLiteral("Garbage collection stopped, nothing was removed: %1 Repair or "
                                            "delete that checkpoint first.")
                                 .arg(error->message);
            return false;
        }
        for (const ProtectedResource &r : std::as_const(index.resources)) {
            if (r.image) {
                for (const ChunkRef &chunk : r.image->chunks)
                    referenced.insert(chunk.sha256);
            }
        }
    }
    if (PackStore *packs = packStore())
        return packs->collectGarbage(referenced, m_repackThreshold, report, error);
    QList<QByteArray> orphans;
    if (!listChunks(
            [&](const QByteArray &name, qint64) {
                if (!referenced.contains(name))
                    orphans.append(name);
                return true;
            },
            error))
        return false;
    for (const QByteArray &name : std::as_const(orphans)) {
        qint64 freed = 0;
        if (!removeChunk(name, &freed, error))
            return false;
        ++report->chunksRemoved;
        report->bytesFreed += freed;
    }
    report->done = true;
    qCInfo(lcBank) << "garbage collection removed" << report->chunksRemoved << "chunks," << report->bytesFreed
                   << "bytes";
    return true;
}

bool Bank::verifyCheckpoint(const QString &id, VerifyReport *report, BankError *error, const Progress &progress,
                            const std::atomic_bool *cancel) const
{
    CheckpointIndex index;
    if (!checkpoint(id, &index, error))
        return false;
    *report = VerifyReport{};
    report->checkpointId = id;
    const qint64 total = index.totalSize();
    qint64 done = 0;
    for (const ProtectedResource &r : std::as_const(index.resources)) {
        if (!r.image)
            continue;
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        EVP_DigestInit_ex(ctx, EVP_sha512(), nullptr);
        bool complete = true;
        for (qsizetype i = 0; i < r.image->chunks.size(); ++i) {
            if (cancel && cancel->load()) {
                EVP_MD_CTX_free(ctx);
                *error = BankError::make(BankError::Code::Cancelled, QStringLiteral("Verification was cancelled."));
                return false;
            }
            const ChunkRef &chunk = r.image->chunks.at(i);
            QByteArray data;
            BankError chunkError;
            if (readVerifiedChunk(chunk, &data, &chunkError)) {
                EVP_DigestUpdate(ctx, data.constData(), static_cast<size_t>(data.size()));
                report->bytesChecked += data.size();
            } else {
                complete = false;
                chunkError.message = QStringLiteral("Checkpoint %1, image %2, chunk %3 of %4: %5")
                                         .arg(id, r.id)
                                         .arg(i + 1)
                                         .arg(r.image->chunks.size())
                                         .arg(chunkError.message);
                report->problems.append(ChunkProblem{id, r.id, i, chunk.sha256, chunkError});
            }
            ++report->chunksChecked;
            done += chunk.size;
            if (progress)
                progress(done, total);
        }
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx, digest, &length);
        EVP_MD_CTX_free(ctx);
        const QByteArray hex = QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
        if (hex != r.image->sha512) {
            report->imageMismatches.append(
                complete ? QStringLiteral("Checkpoint %1, image %2: the bytes read back have sha512 %3 but the "
                                          "backup recorded %4.")
                               .arg(id, r.id, QString::fromLatin1(hex), QString::fromLatin1(r.image->sha512))
                         : QStringLiteral("Checkpoint %1, image %2: cannot be read back whole (see the bad "
                                          "chunks).")
                               .arg(id, r.id));
        }
    }
    return true;
}

bool Bank::check(CheckReport *report, BankError *error, bool deep) const
{
    auto held = lock(BankLock::Mode::Shared, 60 * 1000, error);
    if (!held)
        return false;
    *report = CheckReport{};
    if (packStore() && !packStore()->refresh(error))
        return false;
    QStringList ids;
    if (!listIndexIds(&ids, error))
        return false;
    QSet<QByteArray> referenced;
    for (const QString &id : std::as_const(ids)) {
        CheckpointIndex index;
        BankError indexError;
        if (!checkpoint(id, &index, &indexError)) {
            report->unreadableIndexes.append(indexError.message);
            continue;
        }
        ++report->checkpoints;
        for (const ProtectedResource &r : std::as_const(index.resources)) {
            if (!r.image)
                continue;
            for (qsizetype i = 0; i < r.image->chunks.size(); ++i) {
                const ChunkRef &chunk = r.image->chunks.at(i);
                if (referenced.contains(chunk.sha256))
                    continue;
                referenced.insert(chunk.sha256);
                BankError chunkError;
                bool ok = true;
                if (deep) {
                    QByteArray data;
                    ok = readVerifiedChunk(chunk, &data, &chunkError);
                } else {
                    qint64 storedSize = 0;
                    ok = chunkInfo(chunk.sha256, &storedSize);
                    if (!ok)
                        chunkError = BankError::make(BankError::Code::MissingChunk,
                                                     QStringLiteral("Chunk %1 is missing from the backup storage.")
                                                         .arg(QString::fromLatin1(chunk.sha256)));
                }
                if (!ok) {
                    chunkError.message = QStringLiteral("Checkpoint %1, image %2, chunk %3: %4")
                                             .arg(id, r.id)
                                             .arg(i + 1)
                                             .arg(chunkError.message);
                    report->problems.append(ChunkProblem{id, r.id, i, chunk.sha256, chunkError});
                }
            }
        }
    }
    report->chunksReferenced = referenced.size();
    return listChunks(
        [&](const QByteArray &name, qint64 storedSize) {
            ++report->chunksPresent;
            if (!referenced.contains(name)) {
                report->orphans.append(name);
                report->orphanBytes += storedSize;
            }
            return true;
        },
        error);
}

bool Bank::prune(PruneReport *report, BankError *error, int lockTimeoutMs)
{
    *report = PruneReport{};
    auto held = lock(BankLock::Mode::Exclusive, lockTimeoutMs, error);
    if (!held)
        return false;
    // Under the exclusive lock no writer is alive: `protecting` means its writer died.
    QStringList ids;
    if (!listIndexIds(&ids, error))
        return false;
    for (const QString &id : std::as_const(ids)) {
        CheckpointIndex index;
        BankError indexError;
        if (!checkpoint(id, &index, &indexError))
            continue; // collectGarbageLocked refuses below and names it
        if (index.status == QLatin1String("protecting")) {
            index.status = QStringLiteral("error");
            index.errorMessage = QStringLiteral("The backup was interrupted (the program stopped) before it "
                                                "completed.");
            if (!writeIndex(id, index.toJson(), error))
                return false;
            ++report->interruptedMarkedError;
        } else if (index.status == QLatin1String("deleting")) {
            if (!removeIndex(id, error))
                return false;
            ++report->unfinishedDeletesRemoved;
        }
    }
    if (!removeStaleTemporaries(&report->temporariesRemoved, error))
        return false;
    if (PackStore *packs = packStore()) {
        int strays = 0;
        if (!packs->removeUnindexedPacks(&strays, error))
            return false;
        report->temporariesRemoved += strays;
    }
    return collectGarbageLocked(&report->gc, error);
}

} // namespace sv
