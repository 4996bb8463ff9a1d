#pragma once

#include "bank/bank.h"

#include <memory>
#include <mutex>

namespace sv {

class PackStore;

// A bank in a local folder (FORMAT.md): bank.json, checkpoints/<id>.json, journal/<key>.json, keys/<id>,
// lock, and the chunk blobs: in a new bank (format 2, layout "packs-v1") packs/<2 hex>/<64 hex> and
// index/<64 hex> (see PackStore); in a bank of format 1 one file per chunk, chunks/<2 hex>/<64 hex>.
// Folders are created 0700, files 0600.
class LocalBank : public Bank
{
public:
    // `root` is the bank folder; the app passes one under QStandardPaths::AppDataLocation by default.
    explicit LocalBank(const QString &root);
    ~LocalBank() override;

    PackStore *packStore() const override;

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
    bool putListPart(const QByteArray &name, const QByteArray &data, BankError *error) override;
    bool getListPart(const QByteArray &name, QByteArray *data, BankError *error) const override;
    bool removeListPart(const QByteArray &name, BankError *error) override;
    bool listListParts(const std::function<bool(const QByteArray &, qint64)> &visit, BankError *error) const override;
    std::unique_ptr<BankLock> lock(BankLock::Mode mode, int timeoutMs, BankError *error) const override;
    bool removeStaleTemporaries(int *removed, BankError *error) override;

    bool writeKeyFile(const QString &id, const QByteArray &data, BankError *error) override;
    bool readKeyFile(const QString &id, QByteArray *data, BankError *error) const override;
    bool removeKeyFile(const QString &id, BankError *error) override;
    bool listKeyFileIds(QStringList *ids, BankError *error) const override;

    bool addJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool removeJournalEntry(const JournalEntry &entry, BankError *error) override;
    bool journalEntries(QList<JournalEntry> *entries, BankError *error) const override;

    // The file of a chunk in a bank with layout "chunks-v1" (format 1).
    QString chunkPath(const QByteArray &name) const;
    QString indexPath(const QString &checkpointId) const;
    QString keyPath(const QString &id) const;

private:
    class Objects;
    void useLayout(const QString &layout) const;
    Objects *objects(BankError *error) const; // the packs layout's object files; null (and *error) otherwise
    QString m_root;
    // The chunk layout, from bank.json: set by open(), or read on first use by a bank never opened.
    mutable std::mutex m_layoutMutex;
    mutable bool m_layoutKnown = false;
    mutable std::unique_ptr<Objects> m_objects;
    mutable std::unique_ptr<PackStore> m_packs; // layout "packs-v1" only
    mutable QString m_storeLayout; // the layout and keys m_packs was made for
    mutable std::shared_ptr<const BankKeys> m_packKeys;
};

} // namespace sv
