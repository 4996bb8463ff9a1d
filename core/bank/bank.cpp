#include "bank/bank.h"

#include "bank/banklog.h"
#include "bank/checkpointwriter.h"
#include "bank/chunkcodec.h"
#include "bank/chunklist.h"
#include "bank/keyfile.h"
#include "bank/packstore.h"
#include "util/crashpoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QScopeGuard>
#include <QtEndian>
#include <QSet>
#include <QUuid>

#include <openssl/crypto.h>

#include <thread>
#include <vector>

#include <openssl/evp.h>

Q_LOGGING_CATEGORY(lcBank, "stackvault.bank")

namespace sv {

QString Bank::layoutOf(const QJsonObject &description)
{
    // Format 1 has no "layout": one object per chunk.
    const QString layout = description.value(QStringLiteral("version")).toInt() == 1
        ? QString::fromLatin1(ChunksLayout)
        : description.value(QStringLiteral("layout")).toString();
    return layout == QLatin1String(ChunksLayout) || layout == QLatin1String(PacksLayout) ? layout : QString();
}

QString Bank::acceptedLayout() const
{
    std::lock_guard lock(m_keysMutex);
    return m_layout;
}

Bank::~Bank()
{
    setPassphrase({});
}

const BankKeys &Bank::keys() const
{
    std::lock_guard lock(m_keysMutex);
    return *m_keys; // m_keys is replaced only by open(), before the bank is used, and kept alive by m_knownKeys
}

std::shared_ptr<const BankKeys> Bank::sharedKeys() const
{
    std::lock_guard lock(m_keysMutex);
    return m_keys;
}

void Bank::setPassphrase(const QByteArray &passphrase)
{
    std::lock_guard lock(m_keysMutex);
    if (!m_passphrase.isEmpty())
        OPENSSL_cleanse(m_passphrase.data(), static_cast<size_t>(m_passphrase.size()));
    m_passphrase = passphrase;
    m_passphrase.detach();
}

QString Bank::unlockedKeyId() const
{
    std::lock_guard lock(m_keysMutex);
    return m_unlockedKeyId;
}

void Bank::setKnownKeys(std::shared_ptr<const BankKeys> keys)
{
    std::lock_guard lock(m_keysMutex);
    m_knownKeys = std::move(keys);
}

bool Bank::refuseKeysInPlainBank(const QString &path, BankError *error) const
{
    QStringList ids;
    BankError listError;
    if (!listKeyFileIds(&ids, &listError)) {
        if (listError.code == BankError::Code::NotFound)
            return true;
        *error = listError;
        return false;
    }
    if (ids.isEmpty())
        return true;
    // A plain description beside key files: someone rewrote bank.json to make this program write and
    // read plain objects in an encrypted bank. Never follow it.
    *error = BankError::make(BankError::Code::Tampered,
                             QStringLiteral("The backup storage %1 holds key files (keys/) but its description %2 "
                                            "says it is not encrypted: the description was changed. StackVault "
                                            "will not use it; restore bank.json from a copy.")
                                 .arg(location(), path),
                             path);
    return false;
}

bool Bank::acceptDescription(const QByteArray &json, const QString &path, BankError *error)
{
    const QJsonObject description = QJsonDocument::fromJson(json).object();
    const int version = description.value(QStringLiteral("version")).toInt();
    if (description.value(QStringLiteral("format")).toString() != QLatin1String("stackvault-bank") || version < 1) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("%1 is not a StackVault backup storage description. Choose an "
                                                "empty folder or an existing StackVault backup storage.")
                                     .arg(path),
                                 path);
        return false;
    }
    if (version > FormatVersion) {
        *error = BankError::make(BankError::Code::UnsupportedFormat,
                                 QStringLiteral("The backup storage %1 uses format version %2; this version of "
                                                "StackVault reads up to %3. Upgrade StackVault.")
                                     .arg(location())
                                     .arg(version)
                                     .arg(FormatVersion),
                                 path);
        return false;
    }
    // Checked after the encryption fields (a rewritten description is "tampered", not "unknown").
    const auto acceptLayout = [&] {
        const QString layout = layoutOf(description);
        if (layout.isEmpty()) {
            *error = BankError::make(BankError::Code::UnsupportedFormat,
                                     QStringLiteral("The backup storage %1 stores its chunks in the layout \"%2\", "
                                                    "which this version of StackVault does not know. Upgrade "
                                                    "StackVault.")
                                         .arg(location(), description.value(QStringLiteral("layout")).toString().left(100)),
                                     path);
            return false;
        }
        std::lock_guard lock(m_keysMutex);
        m_layout = layout;
        return true;
    };
    const QString encryption = version == 1 ? BankKeys::PlainName
                                            : description.value(QStringLiteral("encryption")).toString();
    const QString chunkId = version == 1 ? BankKeys::PlainIdName : description.value(QStringLiteral("chunk_id")).toString();
    if (encryption == BankKeys::PlainName && chunkId == BankKeys::PlainIdName) {
        if (!refuseKeysInPlainBank(path, error) || !acceptLayout())
            return false;
        setPassphrase({});
        std::lock_guard lock(m_keysMutex);
        m_keys = BankKeys::plain();
        return true;
    }
    if (encryption != BankKeys::CipherName || chunkId != BankKeys::KeyedIdName) {
        *error = BankError::make(BankError::Code::UnsupportedFormat,
                                 QStringLiteral("The backup storage %1 uses encryption \"%2\" with chunk ids \"%3\", "
                                                "which this version of StackVault does not know. Upgrade StackVault.")
                                     .arg(location(), encryption, chunkId),
                                 path);
        return false;
    }
    const QString bankId = description.value(QStringLiteral("bank_id")).toString();
    if (bankId.isEmpty()) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The description %1 of an encrypted backup storage has no bank_id.")
                                     .arg(path),
                                 path);
        return false;
    }
    return acceptLayout() && unlock(bankId, error);
}

bool Bank::unlock(const QString &bankId, BankError *error)
{
    QByteArray passphrase;
    {
        std::lock_guard lock(m_keysMutex);
        if (m_keys->encrypted() && m_keys->bankId() == bankId)
            return true; // opened before
        if (m_knownKeys && m_knownKeys->encrypted() && m_knownKeys->bankId() == bankId) {
            m_keys = m_knownKeys;
            return true;
        }
        passphrase = m_passphrase;
    }
    setPassphrase({});
    const auto forget = qScopeGuard([&passphrase] {
        if (!passphrase.isEmpty())
            OPENSSL_cleanse(passphrase.data(), static_cast<size_t>(passphrase.size()));
    });
    if (passphrase.isEmpty()) {
        *error = BankError::make(BankError::Code::PassphraseRequired,
                                 QStringLiteral("The backup storage %1 is encrypted: its passphrase is needed.")
                                     .arg(location()));
        return false;
    }
    QStringList ids;
    if (!listKeyFileIds(&ids, error))
        return false;
    QStringList tried;
    QStringList damaged;
    for (const QString &id : std::as_const(ids)) {
        QByteArray data;
        KeyFile key;
        QString why;
        BankError readError;
        if (!readKeyFile(id, &data, &readError)) {
            damaged.append(readError.message);
            continue;
        }
        if (!KeyFile::fromJson(data, &key, &why) || key.id != id) {
            damaged.append(QStringLiteral("keys/%1: %2").arg(id, why.isEmpty() ? QStringLiteral("its id differs from its name") : why));
            continue;
        }
        if (key.bankId != bankId)
            continue; // left by an interrupted creation of another bank here
        QByteArray master;
        if (key.unwrap(passphrase, &master, &why)) {
            auto keys = BankKeys::fromMasterKey(master, bankId);
            OPENSSL_cleanse(master.data(), static_cast<size_t>(master.size()));
            std::lock_guard lock(m_keysMutex);
            m_keys = std::move(keys);
            m_unlockedKeyId = id;
            return true;
        }
        tried.append(QStringLiteral("keys/") + id);
    }
    if (tried.isEmpty()) {
        *error = BankError::make(BankError::Code::Tampered,
                                 QStringLiteral("The backup storage %1 is encrypted but holds no usable key file%2. "
                                                "Without one its backups cannot be read.")
                                     .arg(location(),
                                          damaged.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(damaged.join(QStringLiteral("; ")))));
        return false;
    }
    *error = BankError::make(BankError::Code::WrongPassphrase,
                             QStringLiteral("The passphrase is wrong for the backup storage %1: it opens none of its "
                                            "keys (%2).")
                                 .arg(location(), tried.join(QStringLiteral(", "))));
    return false;
}

bool Bank::createDescription(QByteArray *json, BankError *error)
{
    if (!m_createIfMissing) {
        *error = missingBankError(location());
        return false;
    }
    QJsonObject description{{QStringLiteral("format"), QStringLiteral("stackvault-bank")},
                            {QStringLiteral("version"), FormatVersion},
                            {QStringLiteral("layout"), QString::fromLatin1(PacksLayout)},
                            {QStringLiteral("chunking"), QStringLiteral("fastcdc-gear64-v1")},
                            {QStringLiteral("compression"), QStringLiteral("zstd")}};
    {
        std::lock_guard lock(m_keysMutex);
        m_layout = QString::fromLatin1(PacksLayout);
    }
    if (!m_encryptNewBank) {
        if (!refuseKeysInPlainBank(location(), error))
            return false;
        description.insert(QStringLiteral("encryption"), BankKeys::PlainName);
        description.insert(QStringLiteral("chunk_id"), BankKeys::PlainIdName);
        std::lock_guard lock(m_keysMutex);
        m_keys = BankKeys::plain();
        *json = QJsonDocument(description).toJson();
        return true;
    }
    QByteArray passphrase;
    {
        // Kept in m_passphrase: if another process makes the bank first, open() unlocks that one with it.
        std::lock_guard lock(m_keysMutex);
        passphrase = m_passphrase;
    }
    if (passphrase.isEmpty()) {
        *error = BankError::make(BankError::Code::NewPassphraseRequired,
                                 QStringLiteral("The new backup storage %1 will be encrypted: choose its passphrase.")
                                     .arg(location()));
        return false;
    }
    const QString bankId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArray master = BankKeys::randomMasterKey();
    const KeyFile key = KeyFile::create(master, bankId, passphrase);
    OPENSSL_cleanse(passphrase.data(), static_cast<size_t>(passphrase.size()));
    auto keys = BankKeys::fromMasterKey(master, bankId);
    OPENSSL_cleanse(master.data(), static_cast<size_t>(master.size()));
    if (!writeKeyFile(key.id, key.toJson(), error))
        return false;
    crashPoint("bank-key-written"); // a key file, no bank.json yet
    description.insert(QStringLiteral("bank_id"), bankId);
    description.insert(QStringLiteral("encryption"), BankKeys::CipherName);
    description.insert(QStringLiteral("chunk_id"), BankKeys::KeyedIdName);
    {
        std::lock_guard lock(m_keysMutex);
        m_keys = std::move(keys);
        m_unlockedKeyId = key.id;
        m_createdKeyId = key.id;
    }
    *json = QJsonDocument(description).toJson();
    return true;
}

bool Bank::adoptRivalDescription(const QByteArray &json, const QString &path, BankError *error)
{
    QString created;
    QString ours;
    {
        std::lock_guard lock(m_keysMutex);
        created = std::exchange(m_createdKeyId, QString());
        ours = m_keys->bankId();
    }
    const QString winner = QJsonDocument::fromJson(json).object().value(QStringLiteral("bank_id")).toString();
    // The same bank id: our own bank.json after all (a write retried after a lost answer).
    if (!created.isEmpty() && winner != ours) {
        BankError removeError;
        if (!removeKeyFile(created, &removeError))
            qCWarning(lcBank).noquote() << "could not remove the unused key file" << KeyFile::objectName(created) << "of"
                                        << location() << ":" << removeError.message;
    }
    if (acceptDescription(json, path, error)) {
        setPassphrase({});
        return true;
    }
    if (error->code == BankError::Code::WrongPassphrase && !created.isEmpty() && winner != ours) {
        *error = BankError::make(BankError::Code::WrongPassphrase,
                                 QStringLiteral("Another StackVault made the backup storage %1 at the same moment as "
                                                "this one, with another passphrase: give that passphrase to use it. "
                                                "(%2)")
                                     .arg(location(), error->message));
    }
    return false;
}

bool Bank::listKeys(QList<KeyFile> *keys, BankError *error) const
{
    keys->clear();
    const auto current = sharedKeys();
    if (!current->encrypted()) {
        *error = BankError::make(BankError::Code::UnsupportedFormat,
                                 QStringLiteral("The backup storage %1 is not encrypted: it has no keys.").arg(location()));
        return false;
    }
    QStringList ids;
    if (!listKeyFileIds(&ids, error))
        return false;
    for (const QString &id : std::as_const(ids)) {
        QByteArray data;
        if (!readKeyFile(id, &data, error))
            return false;
        KeyFile key;
        QString why;
        if (!KeyFile::fromJson(data, &key, &why)) {
            *error = BankError::make(BankError::Code::BadIndex,
                                     QStringLiteral("The key file keys/%1 of %2 is damaged: %3.").arg(id, location(), why));
            return false;
        }
        if (key.bankId == current->bankId())
            keys->append(key);
    }
    std::sort(keys->begin(), keys->end(), [](const KeyFile &a, const KeyFile &b) { return a.created < b.created; });
    return true;
}

bool Bank::addKey(const QByteArray &passphrase, KeyFile *added, BankError *error)
{
    const auto current = sharedKeys();
    if (!current->encrypted()) {
        *error = BankError::make(BankError::Code::UnsupportedFormat,
                                 QStringLiteral("The backup storage %1 is not encrypted: it has no keys.").arg(location()));
        return false;
    }
    if (passphrase.isEmpty()) {
        *error = BankError::make(BankError::Code::NewPassphraseRequired, QStringLiteral("An empty passphrase is not allowed."));
        return false;
    }
    *added = KeyFile::create(current->masterKey(), current->bankId(), passphrase);
    return writeKeyFile(added->id, added->toJson(), error);
}

bool Bank::removeKey(const QString &id, BankError *error)
{
    QList<KeyFile> keys;
    if (!listKeys(&keys, error))
        return false;
    const bool known = std::any_of(keys.cbegin(), keys.cend(), [&id](const KeyFile &k) { return k.id == id; });
    if (!known) {
        *error = BankError::make(BankError::Code::NotFound,
                                 QStringLiteral("The backup storage %1 has no key %2 (stackvault-cli key list shows "
                                                "its keys).")
                                     .arg(location(), id));
        return false;
    }
    if (keys.size() == 1) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("Key %1 is the last key of the backup storage %2: without it no backup "
                                                "could ever be read. Add another key first.")
                                     .arg(id, location()));
        return false;
    }
    return removeKeyFile(id, error);
}

QByteArray Bank::indexAssociatedData(const QString &checkpointId)
{
    return QByteArrayLiteral("stackvault index\n") + checkpointId.toUtf8();
}

QByteArray Bank::journalAssociatedData(const QString &key)
{
    return QByteArrayLiteral("stackvault journal\n") + key.toLatin1();
}

bool Bank::storeIndex(const CheckpointIndex &index, BankError *error)
{
    const QByteArray stored = keys().seal(index.toJson(), indexAssociatedData(index.id));
    if (!writeIndex(index.id, stored, error))
        return false;
    if (!keepsSummaries() || !SummaryFormat::isSettled(index.status))
        return true;
    // The index is the truth and is written: a summary missing from here on only makes listings read it.
    crashPoint("bank-index-stored"); // the settled index durable, its summary not written yet
    QList<QByteArray> written;
    BankError summaryError;
    if (!writeSummaries({SummaryFormat::Entry{summarize(index), SummaryFormat::md5Hex(stored)}}, &written, &summaryError)) {
        qCWarning(lcBank).noquote() << "could not write the summary of checkpoint" << index.id << "to" << location()
                                    << "(listings read its index instead):" << summaryError.message;
        return true;
    }
    crashPoint("bank-summary-written");
    int small = 0;
    if (!listSummaryObjects(
            [&small](const QByteArray &, qint64 bytes) {
                small += bytes < SummaryFormat::SmallBytes ? 1 : 0;
                return true;
            },
            &summaryError))
        return true;
    if (small > SummaryFormat::SmallObjectsBeforeCompaction) {
        int removed = 0;
        if (!compactSummaries(&removed, &summaryError))
            qCWarning(lcBank).noquote() << "could not merge the checkpoint summaries of" << location() << ":"
                                        << summaryError.message;
    }
    return true;
}

bool Bank::listIndexes(QList<ListedIndex> *indexes, BankError *error) const
{
    QStringList ids;
    if (!listIndexIds(&ids, error))
        return false;
    indexes->clear();
    indexes->reserve(ids.size());
    for (const QString &id : std::as_const(ids))
        indexes->append(ListedIndex{id, {}});
    return true;
}

namespace {

BankError noSummaries(const Bank &bank)
{
    return BankError::make(BankError::Code::UnsupportedFormat,
                           QStringLiteral("The backup storage %1 keeps no summary objects.").arg(bank.location()));
}

// Runs `work(i)` for i in [0, n) on up to `threads` threads.
void forEachParallel(int threads, qsizetype n, const std::function<void(qsizetype)> &work)
{
    std::atomic<qsizetype> next{0};
    const auto run = [&] {
        for (qsizetype i = next++; i < n; i = next++)
            work(i);
    };
    threads = int(std::min<qsizetype>(std::max(1, threads), n));
    if (threads <= 1) {
        run();
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(run);
    for (std::thread &thread : pool)
        thread.join();
}

} // namespace

bool Bank::putSummaryObject(const QByteArray &, const QByteArray &, BankError *error) const
{
    *error = noSummaries(*this);
    return false;
}

bool Bank::getSummaryObject(const QByteArray &, QByteArray *, BankError *error) const
{
    *error = noSummaries(*this);
    return false;
}

bool Bank::removeSummaryObject(const QByteArray &, BankError *error) const
{
    *error = noSummaries(*this);
    return false;
}

bool Bank::listSummaryObjects(const std::function<bool(const QByteArray &, qint64)> &, BankError *) const
{
    return true; // none
}

bool Bank::writeSummaries(const QList<SummaryFormat::Entry> &entries, QList<QByteArray> *names, BankError *error) const
{
    const BankKeys &k = keys();
    for (qsizetype from = 0; from < entries.size(); from += SummaryFormat::MaxEntries) {
        const QByteArray plain = SummaryFormat::encode(entries.mid(from, SummaryFormat::MaxEntries));
        const QByteArray name = k.chunkId(plain);
        if (!putSummaryObject(name, k.seal(plain, SummaryFormat::associatedData(name)), error))
            return false;
        names->append(name);
    }
    return true;
}

bool Bank::readSummaryObject(const QByteArray &name, QList<SummaryFormat::Entry> *entries, int *version,
                             BankError *error) const
{
    *version = 0;
    const QString object = SummaryFormat::objectName(name);
    const auto damaged = [&](const QString &why) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The checkpoint summary object %1 of %2 is damaged: %3. Listings read "
                                                "the checkpoints' indexes instead; garbage collection removes it.")
                                     .arg(object, location(), why),
                                 object);
        return false;
    };
    if (!ChunkCodec::isValidName(name))
        return damaged(QStringLiteral("its name is not 64 lowercase hex characters"));
    QByteArray stored;
    if (!getSummaryObject(name, &stored, error))
        return false;
    const BankKeys &k = keys();
    QByteArray plain;
    QString why;
    if (!k.open(stored, SummaryFormat::associatedData(name), &plain, &why))
        return damaged(why);
    if (k.chunkId(plain) != name)
        return damaged(QStringLiteral("its content no longer has that %1")
                           .arg(k.encrypted() ? QStringLiteral("keyed id") : QStringLiteral("SHA-256")));
    if (!SummaryFormat::decode(plain, entries, version, &why)) {
        if (*version > 0 && *version != SummaryFormat::Version) {
            *error = BankError::make(BankError::Code::UnsupportedFormat,
                                     QStringLiteral("The checkpoint summary object %1 of %2 is of another version "
                                                    "(%3).")
                                         .arg(object, location(), why),
                                     object);
            return false;
        }
        return damaged(why);
    }
    return true;
}

bool Bank::compactSummaries(int *removed, BankError *error) const
{
    *removed = 0;
    if (!keepsSummaries())
        return true;
    if (m_compacting.exchange(true))
        return true; // this bank object is merging already
    const auto done = qScopeGuard([this] { m_compacting = false; });
    QList<QByteArray> names;
    if (!listSummaryObjects(
            [&names](const QByteArray &name, qint64) {
                names.append(name);
                return true;
            },
            error))
        return false;
    if (names.isEmpty())
        return true;
    // Read every object; merge what is read, remove what is read or damaged (never one that could not be
    // fetched: its entries would be lost), leave objects of a newer version alone.
    std::vector<QList<SummaryFormat::Entry>> sets(size_t(names.size()));
    std::vector<char> merge(size_t(names.size()), 0);
    std::vector<char> drop(size_t(names.size()), 0);
    forEachParallel(indexReadsInFlight(), names.size(), [&](qsizetype i) {
        int version = 0;
        BankError readError;
        if (readSummaryObject(names.at(i), &sets[size_t(i)], &version, &readError)) {
            merge[size_t(i)] = 1;
        } else if (readError.code == BankError::Code::BadIndex
                   || (readError.code == BankError::Code::UnsupportedFormat && version < SummaryFormat::Version)) {
            drop[size_t(i)] = 1;
            if (readError.code == BankError::Code::BadIndex)
                qCWarning(lcBank).noquote() << readError.message;
        }
    });
    QList<ListedIndex> indexes;
    if (!listIndexes(&indexes, error))
        return false;
    QHash<QString, QByteArray> listed;
    for (const ListedIndex &index : std::as_const(indexes))
        listed.insert(index.id, index.md5);
    QList<SummaryFormat::Entry> kept;
    QSet<QString> seen; // id + md5
    int mergedObjects = 0;
    qsizetype entriesRead = 0;
    for (size_t i = 0; i < sets.size(); ++i) {
        if (!merge[i])
            continue;
        ++mergedObjects;
        for (SummaryFormat::Entry &entry : sets[i]) {
            ++entriesRead;
            const auto at = listed.constFind(entry.summary.id);
            if (at == listed.constEnd() || (!at->isEmpty() && *at != entry.indexMd5))
                continue; // deleted, or rewritten since (another state)
            const QString key = entry.summary.id + QLatin1Char('/') + QString::fromLatin1(entry.indexMd5);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            kept.append(std::move(entry));
        }
    }
    const bool anyDropped = std::any_of(drop.cbegin(), drop.cend(), [](char d) { return d != 0; });
    const int needed = int((kept.size() + SummaryFormat::MaxEntries - 1) / SummaryFormat::MaxEntries);
    if (!anyDropped && mergedObjects <= std::max(1, needed) && kept.size() == entriesRead)
        return true; // nothing to merge, nothing stale
    std::sort(kept.begin(), kept.end(), [](const SummaryFormat::Entry &a, const SummaryFormat::Entry &b) {
        return a.summary.created < b.summary.created;
    });
    QList<QByteArray> written;
    if (!kept.isEmpty() && !writeSummaries(kept, &written, error))
        return false;
    crashPoint("bank-summaries-merged"); // the merged object written, the merged ones still there
    for (size_t i = 0; i < sets.size(); ++i) {
        if ((!merge[i] && !drop[i]) || written.contains(names.at(qsizetype(i))))
            continue;
        if (!removeSummaryObject(names.at(qsizetype(i)), error))
            return false;
        ++*removed;
    }
    qCInfo(lcBank) << "merged" << mergedObjects << "checkpoint summary objects into" << written.size() << "of"
                   << location() << "(" << kept.size() << "checkpoints;" << *removed << "objects removed)";
    return true;
}

QString Bank::journalKey(const JournalEntry &entry) const
{
    return QString::fromLatin1(keys().objectName(entry.keyMaterial()));
}

QByteArray Bank::encodeJournalEntry(const JournalEntry &entry) const
{
    return keys().seal(QJsonDocument(entry.toJson()).toJson(), journalAssociatedData(journalKey(entry)));
}

bool Bank::decodeJournalEntry(const QString &key, const QByteArray &data, JournalEntry *entry, BankError *error) const
{
    const QString object = QStringLiteral("journal/%1.json").arg(key);
    QByteArray json;
    QString why;
    if (!keys().open(data, journalAssociatedData(key), &json, &why)) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The journal entry %1 of %2 cannot be read: %3. It may name a leftover "
                                                "that must be deleted in the cloud by hand; then remove the entry.")
                                     .arg(object, location(), why),
                                 object);
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The journal entry %1 of %2 is not JSON.").arg(object, location()), object);
        return false;
    }
    *entry = JournalEntry::fromJson(doc.object());
    return true;
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
    if (!storeIndex(index, error))
        return {};
    return std::make_unique<CheckpointWriter>(this, index, std::move(held));
}

BankError Bank::missingBankError(const QString &location)
{
    return BankError::make(BankError::Code::NotFound,
                           QStringLiteral("There is no backup storage at %1 (it has no bank.json). Check the "
                                          "location.")
                               .arg(location),
                           location);
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
    summary.plan = index.plan;
    summary.restoreTest = index.restoreTest;
    summary.size = index.totalSize();
    summary.storedBytes = index.storedBytes();
    summary.newStoredBytes = index.newStoredBytes();
    return summary;
}

namespace {

BankError noListParts(const Bank &bank)
{
    return BankError::make(BankError::Code::UnsupportedFormat,
                           QStringLiteral("The backup storage %1 (format 1) cannot hold chunk list parts; its "
                                          "checkpoints keep their chunk lists in their indexes.")
                               .arg(bank.location()));
}

} // namespace

bool Bank::putListPart(const QByteArray &, const QByteArray &, BankError *error)
{
    *error = noListParts(*this);
    return false;
}

bool Bank::getListPart(const QByteArray &, QByteArray *, BankError *error) const
{
    *error = noListParts(*this);
    return false;
}

bool Bank::removeListPart(const QByteArray &, BankError *error)
{
    *error = noListParts(*this);
    return false;
}

bool Bank::listListParts(const std::function<bool(const QByteArray &, qint64)> &, BankError *) const
{
    return true; // none
}

bool Bank::writeChunkListPart(const QByteArray &plain, QByteArray *name, BankError *error)
{
    const BankKeys &k = keys();
    *name = k.chunkId(plain);
    if (!putListPart(*name, k.seal(plain, ChunkListFormat::associatedData(*name)), error))
        return false;
    crashPoint("bank-list-part-written"); // durable, named by no index yet
    return true;
}

bool Bank::readChunkListPart(const ChunkListPart &part, QByteArray *plain, BankError *error) const
{
    const QString object = ChunkListFormat::objectName(part.name);
    const auto damaged = [&](const QString &why) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("The chunk list part %1 in the backup storage %2 is damaged: %3. The "
                                                "checkpoint that names it cannot be read; delete it.")
                                     .arg(object, location(), why),
                                 object);
        return false;
    };
    if (!ChunkCodec::isValidName(part.name)) {
        *error = BankError::make(BankError::Code::InvalidName,
                                 QStringLiteral("Refusing chunk list part name \"%1\": not 64 lowercase hex characters.")
                                     .arg(QString::fromLatin1(part.name.left(100))));
        return false;
    }
    QByteArray stored;
    if (!getListPart(part.name, &stored, error)) {
        if (error->code == BankError::Code::NotFound) {
            *error = BankError::make(BankError::Code::MissingChunk,
                                     QStringLiteral("The chunk list part %1 is missing from the backup storage %2. "
                                                    "The checkpoint that names it cannot be read; delete it.")
                                         .arg(object, location()),
                                     object);
        }
        return false;
    }
    const BankKeys &k = keys();
    QString why;
    QByteArray opened;
    if (!k.open(stored, ChunkListFormat::associatedData(part.name), &opened, &why))
        return damaged(why);
    stored = QByteArray();
    if (k.chunkId(opened) != part.name)
        return damaged(QStringLiteral("its content no longer has that %1")
                           .arg(k.encrypted() ? QStringLiteral("keyed id") : QStringLiteral("SHA-256")));
    if (opened.size() < ChunkListFormat::HeaderSize
        || std::memcmp(opened.constData(), ChunkListFormat::Magic, ChunkListFormat::MagicSize) != 0)
        return damaged(QStringLiteral("not a chunk list part"));
    const qint64 count = qFromLittleEndian<quint32>(opened.constData() + ChunkListFormat::MagicSize);
    if (count != part.chunks || opened.size() != ChunkListFormat::HeaderSize + count * ChunkListFormat::EntrySize)
        return damaged(QStringLiteral("it holds %1 bytes for %2 chunks; the index says %3 chunks")
                           .arg(opened.size())
                           .arg(count)
                           .arg(part.chunks));
    qint64 bytes = 0;
    for (qint64 i = 0; i < count; ++i) {
        const qint64 size = qFromLittleEndian<quint32>(opened.constData() + ChunkListFormat::HeaderSize
                                                       + i * ChunkListFormat::EntrySize + 32);
        if (size <= 0 || size > ImageRecord::MaxChunkSize)
            return damaged(QStringLiteral("chunk %1 has an invalid size").arg(i));
        bytes += size;
    }
    if (bytes != part.bytes)
        return damaged(QStringLiteral("its chunks add up to %1 bytes; the index says %2").arg(bytes).arg(part.bytes));
    *plain = std::move(opened);
    return true;
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
    QList<ListedIndex> indexes;
    if (!listIndexes(&indexes, error))
        return false;
    // The listed indexes are the truth; a summary counts only for an index listed with the MD5 it names
    // (FORMAT.md, "Checkpoint summaries"). Everything else is read from its index.
    QHash<QString, CheckpointSummary> summarized;
    QHash<QString, QByteArray> listedMd5;
    for (const ListedIndex &index : std::as_const(indexes)) {
        if (!index.md5.isEmpty())
            listedMd5.insert(index.id, index.md5);
    }
    if (keepsSummaries() && !listedMd5.isEmpty()) {
        QSet<QByteArray> read;
        // A second round when an object vanished meanwhile (merged by a compaction into a new one).
        for (int round = 0; round < 2; ++round) {
            QList<QByteArray> names;
            BankError listError;
            if (!listSummaryObjects(
                    [&](const QByteArray &name, qint64) {
                        if (!read.contains(name))
                            names.append(name);
                        return true;
                    },
                    &listError)) {
                qCWarning(lcBank).noquote() << "could not list the checkpoint summaries of" << location()
                                            << "(reading the indexes instead):" << listError.message;
                break;
            }
            std::vector<QList<SummaryFormat::Entry>> sets(size_t(names.size()));
            std::atomic_bool vanished{false};
            forEachParallel(indexReadsInFlight(), names.size(), [&](qsizetype i) {
                int version = 0;
                BankError readError;
                if (readSummaryObject(names.at(i), &sets[size_t(i)], &version, &readError))
                    return;
                if (readError.code == BankError::Code::NotFound)
                    vanished = true;
                else if (readError.code != BankError::Code::UnsupportedFormat)
                    qCWarning(lcBank).noquote() << readError.message;
            });
            for (qsizetype i = 0; i < names.size(); ++i) {
                read.insert(names.at(i));
                for (const SummaryFormat::Entry &entry : sets[size_t(i)]) {
                    if (listedMd5.value(entry.summary.id) == entry.indexMd5)
                        summarized.insert(entry.summary.id, entry.summary);
                }
            }
            if (!vanished)
                break;
        }
    }
    // Indexes of format 2 are small (their chunk lists are in list parts, which listing never reads);
    // an object store reads several at once, so round trips do not add up.
    std::vector<CheckpointSummary> summaries(size_t(indexes.size()));
    std::vector<QByteArray> readMd5(size_t(indexes.size()));
    forEachParallel(indexReadsInFlight(), indexes.size(), [&](qsizetype i) {
        const QString &id = indexes.at(i).id;
        CheckpointSummary &summary = summaries[size_t(i)];
        const auto known = summarized.constFind(id);
        if (known != summarized.constEnd()) {
            summary = *known;
            return;
        }
        CheckpointIndex index;
        BankError indexError;
        QByteArray stored;
        if (CheckpointIndex::isValidId(id) && readIndex(id, &stored, &indexError)
            && openIndex(id, stored, &index, &indexError)) {
            summary = summarize(index);
            readMd5[size_t(i)] = SummaryFormat::md5Hex(stored);
            return;
        }
        if (indexError.code == BankError::Code::NotFound)
            indexError.message = QStringLiteral("There is no checkpoint %1 in the backup storage %2.").arg(id, location());
        // One damaged index must not hide the others: list it as an error.
        summary.id = id;
        summary.status = QStringLiteral("error");
        summary.errorMessage = indexError.message;
    });
    if (keepsSummaries()) {
        // Checkpoints written before summaries existed, or by a version without them: summarize what was
        // just read, so that the next listing (on any machine) reads one object instead.
        QList<SummaryFormat::Entry> backfill;
        for (size_t i = 0; i < summaries.size(); ++i) {
            if (!readMd5[i].isEmpty() && SummaryFormat::isSettled(summaries[i].status))
                backfill.append(SummaryFormat::Entry{summaries[i], readMd5[i]});
        }
        QList<QByteArray> written;
        BankError backfillError;
        if (backfill.size() >= SummaryFormat::BackfillAtLeast && !writeSummaries(backfill, &written, &backfillError))
            qCInfo(lcBank).noquote() << "could not write checkpoint summaries to" << location() << ":"
                                     << backfillError.message;
    }
    checkpoints->clear();
    checkpoints->reserve(indexes.size());
    for (CheckpointSummary &summary : summaries)
        checkpoints->append(std::move(summary));
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
    return openIndex(id, json, index, error);
}

bool Bank::openIndex(const QString &id, const QByteArray &json, CheckpointIndex *index, BankError *error) const
{
    QString why;
    QByteArray plain;
    if (!keys().open(json, indexAssociatedData(id), &plain, &why)) {
        *error = BankError::make(BankError::Code::BadIndex,
                                 QStringLiteral("The index of checkpoint %1 (checkpoints/%1.json) cannot be read: %2.")
                                     .arg(id, why));
        return false;
    }
    if (!CheckpointIndex::fromJson(plain, index, &why)) {
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

bool Bank::forEachChunk(const ImageRecord &record, const std::function<bool(qint64, const ChunkRef &)> &visit,
                        BankError *error) const
{
    ChunkListReader reader(this, record);
    ChunkRef chunk;
    while (reader.next(&chunk)) {
        if (!visit(reader.position() - 1, chunk))
            return true;
    }
    if (reader.error().isError()) {
        *error = reader.error();
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
    // Which object holds the damaged bytes: the pack in a pack bank (what to restore or remove).
    const auto where = [&] {
        const QString pack = packStore() ? packStore()->describePackOf(chunk.sha256) : QString();
        return pack.isEmpty() ? QString() : QStringLiteral(" (in pack %1)").arg(pack);
    };
    const auto objectPath = [&] { return packStore() ? packStore()->describePackOf(chunk.sha256) : error->path; };
    QString why;
    if (!ChunkCodec::decode(encoded, keys(), chunk.sha256, data, &why)) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1%2 is corrupted: %3.").arg(name, where(), why), objectPath());
        return false;
    }
    if (data->size() != chunk.size) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1%2 is corrupted: %3 bytes, the index says %4.")
                                     .arg(name, where())
                                     .arg(data->size())
                                     .arg(chunk.size),
                                 objectPath());
        return false;
    }
    if (keys().chunkId(*data) != chunk.sha256) {
        *error = BankError::make(BankError::Code::CorruptChunk,
                                 QStringLiteral("Chunk %1%2 is corrupted: its content no longer has that %3.")
                                     .arg(name, where(), keys().encrypted() ? QStringLiteral("keyed id") : QStringLiteral("SHA-256")),
                                 objectPath());
        return false;
    }
    return true;
}

bool Bank::deleteCheckpoint(const QString &id, GcReport *report, BankError *error, int gcLockTimeoutMs)
{
    CheckpointIndex index;
    // A backup or copy still writing this checkpoint holds the shared lock: deleting under it would
    // pull the index from a writer that then finishes into a checkpoint without one. Held to the end.
    std::unique_ptr<BankLock> exclusive;
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
        if (index.status == QLatin1String("protecting")) {
            exclusive = lock(BankLock::Mode::Exclusive, 0, error);
            if (!exclusive) {
                if (error->code == BankError::Code::Busy)
                    error->message = QStringLiteral("Backup %1 is still being written (status protecting) by a backup "
                                                    "or copy that runs now. Wait until it ends or cancel it, then "
                                                    "delete it.")
                                         .arg(id);
                return false;
            }
        }
        index.status = QStringLiteral("deleting");
        if (!storeIndex(index, error))
            return false;
    }
    if (!removeIndex(id, error))
        return false;
    qCInfo(lcBank) << "checkpoint" << id << "deleted; collecting garbage";
    *report = GcReport{};
    BankError gcError;
    if (exclusive ? !collectGarbageLocked(report, &gcError) : !collectGarbage(report, &gcError, gcLockTimeoutMs)) {
        report->done = false;
        report->deferredReason = gcError.message;
    }
    return true;
}

bool Bank::recordRestoreTest(const QString &id, const RestoreTestRecord &record, BankError *error)
{
    CheckpointIndex index;
    if (!checkpoint(id, &index, error)) {
        if (error->code == BankError::Code::NotFound)
            error->message = QStringLiteral("Backup %1 was deleted while it was being tested; the test's result was "
                                            "not recorded.")
                                 .arg(id);
        return false;
    }
    if (index.status != QLatin1String("available")) {
        *error = BankError::make(BankError::Code::NotFound,
                                 QStringLiteral("Backup %1 is %2 now, no longer available; the test's result was not "
                                                "recorded.")
                                     .arg(id, index.status));
        return false;
    }
    index.restoreTest = record;
    return storeIndex(index, error); // toJson keeps the index's format version (it follows its lists)
}

bool Bank::deleteCheckpoints(const QStringList &ids, QStringList *deleted, GcReport *report, BankError *error,
                             int gcLockTimeoutMs)
{
    deleted->clear();
    if (report)
        *report = GcReport{};
    for (const QString &id : ids) {
        CheckpointIndex index;
        if (!checkpoint(id, &index, error)) {
            if (error->code == BankError::Code::NotFound)
                continue; // deleted meanwhile
            return false;
        }
        if (index.status != QLatin1String("available")) {
            *error = BankError::make(BankError::Code::Busy,
                                     QStringLiteral("Backup %1 is %2, not available: retention removes only complete "
                                                    "backups.")
                                         .arg(id, index.status));
            return false;
        }
        index.status = QStringLiteral("deleting");
        if (!storeIndex(index, error) || !removeIndex(id, error))
            return false;
        deleted->append(id);
    }
    qCInfo(lcBank) << deleted->size() << "checkpoints deleted by retention";
    if (deleted->isEmpty() || !report)
        return true;
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
    QSet<QByteArray> listParts; // chunk list parts the indexes name
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
            if (!r.image)
                continue;
            // A list part several checkpoints share (named by its content: an unchanged stretch of a
            // disk) is read once.
            ImageRecord unread = *r.image;
            unread.listParts.clear();
            for (const ChunkListPart &part : std::as_const(r.image->listParts)) {
                if (!listParts.contains(part.name))
                    unread.listParts.append(part);
                listParts.insert(part.name);
            }
            const bool read = forEachChunk(unread,
                                           [&referenced](qint64, const ChunkRef &chunk) {
                                               referenced.insert(chunk.sha256);
                                               return true;
                                           },
                                           error);
            if (!read) {
                error->message = QStringLiteral("Garbage collection stopped, nothing was removed: %1 Repair or "
                                                "delete checkpoint %2 first.")
                                     .arg(error->message, id);
                return false;
            }
        }
    }
    // Summaries of deleted or rewritten checkpoints go, the rest is merged (FORMAT.md, "Checkpoint
    // summaries"). They only speed up listings: a failure here is logged, not a failed collection.
    BankError summaryError;
    if (!compactSummaries(&report->summaryObjectsRemoved, &summaryError))
        qCWarning(lcBank).noquote() << "could not merge the checkpoint summaries of" << location() << ":"
                                    << summaryError.message;
    if (PackStore *packs = packStore()) {
        if (!packs->collectGarbage(referenced, m_repackThreshold, report, error))
            return false;
        return removeUnnamedListParts(listParts, report, error);
    }
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

bool Bank::removeUnnamedListParts(const QSet<QByteArray> &named, GcReport *report, BankError *error)
{
    // Under the exclusive lock no writer is alive: a part no index names belongs to a deleted
    // checkpoint or to a backup that died before its index named it.
    QList<QByteArray> unnamed;
    if (!listListParts(
            [&](const QByteArray &name, qint64) {
                if (!named.contains(name))
                    unnamed.append(name);
                return true;
            },
            error))
        return false;
    for (const QByteArray &name : std::as_const(unnamed)) {
        if (!removeListPart(name, error))
            return false;
        ++report->listPartsRemoved;
    }
    if (!unnamed.isEmpty())
        qCInfo(lcBank) << "garbage collection removed" << unnamed.size() << "chunk list parts";
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
        bool cancelled = false;
        const qint64 count = r.image->chunkCount();
        BankError listError;
        const bool listed = forEachChunk(
            *r.image,
            [&](qint64 i, const ChunkRef &chunk) {
                if (cancel && cancel->load()) {
                    cancelled = true;
                    return false;
                }
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
                                             .arg(count)
                                             .arg(chunkError.message);
                    report->problems.append(ChunkProblem{id, r.id, qsizetype(i), chunk.sha256, chunkError});
                }
                ++report->chunksChecked;
                done += chunk.size;
                if (progress)
                    progress(done, total);
                return true;
            },
            &listError);
        if (cancelled) {
            EVP_MD_CTX_free(ctx);
            *error = BankError::make(BankError::Code::Cancelled, QStringLiteral("Verification was cancelled."));
            return false;
        }
        if (!listed) {
            // The chunk list itself is missing or damaged: the image cannot be read back.
            EVP_MD_CTX_free(ctx);
            report->imageMismatches.append(QStringLiteral("Checkpoint %1, image %2: %3").arg(id, r.id, listError.message));
            continue;
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
    QSet<QByteArray> namedParts;
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
            for (const ChunkListPart &part : std::as_const(r.image->listParts))
                namedParts.insert(part.name);
            BankError listError;
            const bool listed = forEachChunk(
                *r.image,
                [&](qint64 i, const ChunkRef &chunk) {
                    if (referenced.contains(chunk.sha256))
                        return true;
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
                        report->problems.append(ChunkProblem{id, r.id, qsizetype(i), chunk.sha256, chunkError});
                    }
                    return true;
                },
                &listError);
            if (!listed)
                report->unreadableIndexes.append(
                    QStringLiteral("Checkpoint %1, image %2: %3").arg(id, r.id, listError.message));
        }
    }
    report->chunksReferenced = referenced.size();
    if (!checkSummaries(report, error))
        return false;
    if (!listListParts(
            [&](const QByteArray &name, qint64) {
                report->orphanListParts += namedParts.contains(name) ? 0 : 1;
                return true;
            },
            error))
        return false;
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

bool Bank::checkSummaries(CheckReport *report, BankError *error) const
{
    if (!keepsSummaries())
        return true;
    QList<QByteArray> names;
    if (!listSummaryObjects(
            [&](const QByteArray &name, qint64) {
                names.append(name);
                return true;
            },
            error))
        return false;
    for (const QByteArray &name : std::as_const(names)) {
        QList<SummaryFormat::Entry> entries;
        int version = 0;
        BankError readError;
        if (readSummaryObject(name, &entries, &version, &readError)) {
            ++report->summaryObjects;
            continue;
        }
        switch (readError.code) {
        case BankError::Code::BadIndex: // damaged: a finding naming the object (readSummaryObject's sentence)
            ++report->summaryObjects;
            report->damagedSummaries.append(readError.message);
            break;
        case BankError::Code::NotFound:          // merged away between the listing and the read
        case BankError::Code::UnsupportedFormat: // a newer version's object: not ours to judge
            break;
        default:
            *error = readError;
            return false;
        }
    }
    return true;
}

bool Bank::removeStrayKeyFiles(int *removed, BankError *error)
{
    const auto current = sharedKeys();
    if (!current->encrypted())
        return true; // open() refuses a plain bank that holds key files
    QStringList ids;
    if (!listKeyFileIds(&ids, error))
        return false;
    for (const QString &id : std::as_const(ids)) {
        QByteArray data;
        KeyFile key;
        QString why;
        BankError readError;
        // A damaged key file is left for a person to look at; only a readable one of another bank goes.
        if (!readKeyFile(id, &data, &readError) || !KeyFile::fromJson(data, &key, &why) || key.id != id
            || key.bankId == current->bankId())
            continue;
        if (!removeKeyFile(id, error))
            return false;
        qCInfo(lcBank).noquote() << "removed" << KeyFile::objectName(id) << "of" << location()
                                 << "(left by an interrupted creation; it belongs to no bank)";
        ++*removed;
    }
    return true;
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
            if (!storeIndex(index, error))
                return false;
            ++report->interruptedMarkedError;
        } else if (index.status == QLatin1String("deleting")) {
            if (!removeIndex(id, error))
                return false;
            ++report->unfinishedDeletesRemoved;
        }
    }
    if (!removeStaleTemporaries(&report->temporariesRemoved, error)
        || !removeStrayKeyFiles(&report->temporariesRemoved, error))
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
