#include "bank/checkpointwriter.h"

#include "bank/bank.h"
#include "bank/banklog.h"

#include <QHash>

namespace sv {

CheckpointWriter::CheckpointWriter(Bank *bank, const CheckpointIndex &index, std::unique_ptr<BankLock> lock)
    : m_bank(bank)
    , m_index(index)
    , m_lock(std::move(lock))
{
}

CheckpointWriter::~CheckpointWriter()
{
    if (!m_finished)
        fail(QStringLiteral("The backup was interrupted before it completed."));
}

ProtectedResource *CheckpointWriter::resource(const QString &type, const QString &id)
{
    for (ProtectedResource &r : m_index.resources) {
        if (r.type == type && r.id == id)
            return &r;
    }
    return nullptr;
}

std::unique_ptr<ImageWriter> CheckpointWriter::createImageWriter() const
{
    return std::make_unique<ImageWriter>(m_bank);
}

std::unique_ptr<ImageWriter> CheckpointWriter::createImageWriter(const ImageWriter::Options &options) const
{
    return std::make_unique<ImageWriter>(m_bank, options);
}

bool CheckpointWriter::saveProgress(BankError *error)
{
    m_index.status = QStringLiteral("protecting");
    return m_bank->storeIndex(m_index, error);
}

bool CheckpointWriter::commit(BankError *error)
{
    // Every chunk is looked up (an in-memory lookup in a pack bank); runs of one chunk (zeros) once.
    // syncChunks needs one name per fan-out folder, so at most 256 names are kept whatever the image size.
    QHash<QByteArray, QByteArray> byFanout;
    for (const ProtectedResource &r : std::as_const(m_index.resources)) {
        if (!r.image)
            continue;
        QByteArray previous;
        bool missing = false;
        const bool listed = m_bank->forEachChunk(
            *r.image,
            [&](qint64, const ChunkRef &chunk) {
                if (chunk.sha256 == previous)
                    return true;
                previous = chunk.sha256;
                qint64 storedSize = 0;
                if (!m_bank->chunkInfo(chunk.sha256, &storedSize)) {
                    *error = BankError::make(BankError::Code::MissingChunk,
                                             QStringLiteral("Cannot complete checkpoint %1: chunk %2 of %3 is not "
                                                            "in the backup storage.")
                                                 .arg(m_index.id, QString::fromLatin1(chunk.sha256), r.id));
                    missing = true;
                    return false;
                }
                byFanout.insert(chunk.sha256.left(2), chunk.sha256);
                return true;
            },
            error);
        if (!listed || missing) {
            fail(error->message);
            return false;
        }
    }
    const QList<QByteArray> names = byFanout.values();
    if (!m_bank->syncChunks(names, error)) {
        fail(error->message);
        return false;
    }
    CheckpointIndex done = m_index;
    done.status = QStringLiteral("available");
    for (ProtectedResource &r : done.resources) {
        if (r.status == QLatin1String("protecting"))
            r.status = QStringLiteral("available");
    }
    if (!m_bank->storeIndex(done, error)) {
        fail(error->message);
        return false;
    }
    m_index = done;
    m_finished = true;
    m_lock.reset();
    qCInfo(lcBank) << "checkpoint" << m_index.id << "available:" << m_index.totalSize() << "bytes,"
                   << m_index.newStoredBytes() << "new bytes stored";
    return true;
}

bool CheckpointWriter::fail(const QString &reason, BankError *error)
{
    m_finished = true;
    m_index.status = QStringLiteral("error");
    m_index.errorMessage = reason;
    for (ProtectedResource &r : m_index.resources) {
        if (r.status == QLatin1String("protecting"))
            r.status = QStringLiteral("error");
    }
    BankError local;
    const bool ok = m_bank->storeIndex(m_index, &local);
    if (!ok) {
        // Nothing claims `available`: the index still says `protecting`, and prune will mark it error.
        qCWarning(lcBank) << "could not mark checkpoint" << m_index.id << "as error:" << local.message;
        if (error)
            *error = local;
    }
    m_lock.reset();
    return ok;
}

} // namespace sv
