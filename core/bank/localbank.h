#pragma once

#include "bank/bank.h"

namespace sv {

// A bank in a local folder (FORMAT.md): chunks/<2 hex>/<64 hex>, checkpoints/<id>.json,
// journal/<key>.json, keys/<id>, bank.json, lock. Folders are created 0700, files 0600.
class LocalBank : public Bank
{
public:
    // `root` is the bank folder; the app passes one under QStandardPaths::AppDataLocation by default.
    explicit LocalBank(const QString &root);

    bool open(BankError *error) override;
    QString location() const override { return m_root; }

    bool chunkInfo(const QByteArray &name, qint64 *storedSize) const override;
    bool stageChunk(const QByteArray &name, const QByteArray &encoded, StagedChunk *staged,
                    BankError *error) override;
    bool publishChunks(const QList<StagedChunk> &staged, BankError *error) override;
    void discardChunks(const QList<StagedChunk> &staged) override;
    bool getChunk(const QByteArray &name, QByteArray *encoded, BankError *error) const override;
    bool removeChunk(const QByteArray &name, qint64 *freedBytes, BankError *error) override;
    bool listChunks(const std::function<bool(const QByteArray &, qint64)> &visit,
                    BankError *error) const override;
    bool syncChunks(const QList<QByteArray> &names, BankError *error) override;
    bool writeIndex(const QString &checkpointId, const QByteArray &json, BankError *error) override;
    bool readIndex(const QString &checkpointId, QByteArray *json, BankError *error) const override;
    bool removeIndex(const QString &checkpointId, BankError *error) override;
    bool listIndexIds(QStringList *ids, BankError *error) const override;
    std::unique_ptr<BankLock> lock(BankLock::Mode mode, int timeoutMs, BankError *error) const override;
    bool removeStaleTemporaries(int *removed, BankError *error) override;

    bool writeKeyFile(const QString &id, const QByteArray &data, BankError *error) override;
    bool readKeyFile(const QString &id, QByteArray *data, BankError *error) const override;
    bool removeKeyFile(const QString &id, BankError *error) override;
    bool listKeyFileIds(QStringList *ids, BankError *error) const override;

    bool addJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool removeJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool journalEntries(QList<JournalEntry> *entries, BankError *error) const override;

    QString chunkPath(const QByteArray &name) const;
    QString indexPath(const QString &checkpointId) const;
    QString keyPath(const QString &id) const;

private:
    QString m_root;
};

} // namespace sv
