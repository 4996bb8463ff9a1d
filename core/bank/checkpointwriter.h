#pragma once

#include "bank/bankerror.h"
#include "bank/banklock.h"
#include "bank/checkpointindex.h"
#include "bank/imagewriter.h"

#include <memory>

namespace sv {

class Bank;

// A checkpoint being written (from Bank::beginCheckpoint). Holds the bank's shared lock so garbage
// collection cannot remove a chunk this checkpoint is about to reference. The engine fills the index
// (resources, metadata, image records from ImageWriter::finish), then commit() makes everything durable
// and only then marks the checkpoint `available`. Destroyed without commit() or fail(): marked `error`.
class CheckpointWriter
{
public:
    CheckpointWriter(Bank *bank, const CheckpointIndex &index, std::unique_ptr<BankLock> lock);
    ~CheckpointWriter();
    CheckpointWriter(const CheckpointWriter &) = delete;
    CheckpointWriter &operator=(const CheckpointWriter &) = delete;

    QString id() const { return m_index.id; }
    CheckpointIndex &index() { return m_index; }
    ProtectedResource *resource(const QString &type, const QString &id);

    std::unique_ptr<ImageWriter> createImageWriter() const;
    std::unique_ptr<ImageWriter> createImageWriter(const ImageWriter::Options &options) const;

    // Rewrites the `protecting` index (e.g. after adding metadata); optional.
    bool saveProgress(BankError *error);
    // Checks that every chunk the index names exists, makes them durable, then writes the index with
    // status `available` (resources still `protecting` become `available`).
    bool commit(BankError *error);
    // Marks the checkpoint `error` with the reason; its new chunks become orphans for the next GC.
    bool fail(const QString &reason, BankError *error = nullptr);

private:
    Bank *m_bank;
    CheckpointIndex m_index;
    std::unique_ptr<BankLock> m_lock;
    bool m_finished = false;
};

} // namespace sv
