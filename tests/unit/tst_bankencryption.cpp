// Bank's encryption layer (bank.json version 2, key files, sealed chunks, indexes and journal entries)
// on a local-folder bank: round trip, passphrases, tampering, no plaintext, keys, old plain banks.
#include "bank/bank.h"
#include "bank/durablefile.h"
#include "bank/imagereader.h"
#include "bank/keyfile.h"
#include "bank/localbank.h"

#include "blobspot.h"
#include "checkpointfixtures.h"
#include "creationrace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace sv;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
// What "users wrote" on the disk and what the index says about the server: none of it may appear in a
// bank file in any form a grep finds.
const QByteArray kMarker = "STACKVAULT-PLAINTEXT-MARKER-7f3a9c";
const QString kSecretServer = QStringLiteral("payroll-db-secret-name");

// A bank object opened on `root`: encrypted when new, with `passphrase` (empty: none).
std::unique_ptr<LocalBank> openBank(const QString &root, const QByteArray &passphrase, BankError *error)
{
    auto bank = std::make_unique<LocalBank>(root);
    bank->setEncryptNewBank(true);
    if (!passphrase.isEmpty())
        bank->setPassphrase(passphrase);
    if (!bank->open(error))
        return {};
    return bank;
}

// A disk image: text with the marker spread through it, and incompressible bytes holding it too.
QByteArray markedImage()
{
    QByteArray image = svtest::generateImage(6 * 1024 * 1024, 42);
    for (qsizetype at = 1000; at + kMarker.size() < image.size(); at += 300 * 1024)
        image.replace(at, kMarker.size(), kMarker);
    return image;
}

QString backupMarked(Bank &bank, BankError *error, ImageRecord *record = nullptr)
{
    CheckpointIndex draft = svtest::draftFor(QStringLiteral("s1"));
    draft.resources[0].name = kSecretServer;
    auto checkpoint = bank.beginCheckpoint(draft, error);
    if (!checkpoint)
        return {};
    auto writer = checkpoint->createImageWriter();
    ImageRecord written;
    if (!svtest::feed(*writer, markedImage(), 1 << 20) || !writer->finish(&written, error))
        return {};
    checkpoint->resource(svtest::kImage, QStringLiteral("img-s1"))->image = written;
    if (record)
        *record = written;
    if (!checkpoint->commit(error))
        return {};
    return checkpoint->id();
}

QByteArray readImage(const Bank &bank, const QString &id, BankError *error)
{
    CheckpointIndex index;
    if (!bank.checkpoint(id, &index, error))
        return {};
    ImageReader reader(&bank, *index.resources.at(1).image);
    QByteArray all;
    QByteArray piece;
    while (reader.next(&piece))
        all += piece;
    *error = reader.error();
    return error->isError() ? QByteArray() : all;
}

JournalEntry journalEntry()
{
    JournalEntry entry;
    entry.kind = JournalEntry::TemporaryImage;
    entry.checkpointId = QStringLiteral("cp-1");
    entry.imageId = QStringLiteral("image-id-of-") + kSecretServer;
    entry.cloudProfileId = QStringLiteral("profile-1");
    entry.regionName = QStringLiteral("RegionOne");
    entry.created = QDateTime::currentDateTimeUtc();
    return entry;
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QString onlyFileIn(const QString &dir)
{
    const QStringList files = filesUnder(dir);
    return files.size() == 1 ? files.first() : QString();
}

// Flips a byte in the middle of, or cuts 7 bytes off, `length` bytes at `offset` of `path` (< 0: the
// whole file); cutting ends the file there.
bool damage(const QString &path, const QString &how, qint64 offset = 0, qint64 length = -1)
{
    QByteArray data;
    BankError error;
    if (!DurableFile::readAll(path, &data, &error) || data.size() < 64)
        return false;
    if (length < 0)
        length = data.size() - offset;
    if (how == QLatin1String("flip"))
        data[offset + length / 2] = char(data[offset + length / 2] ^ 0x01);
    else
        data.truncate(offset + length - 7);
    return DurableFile::writeAtomically(path, data, &error);
}

} // namespace

class TestBankEncryption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Small KDF parameters through the documented knob (FORMAT.md): keys open in milliseconds.
        qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
        qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
    }

    void newBankIsEncryptedAndRoundTrips()
    {
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        QVERIFY(bank->keys().encrypted());
        QByteArray json;
        QVERIFY(DurableFile::readAll(dir.filePath(QStringLiteral("bank.json")), &json, &error));
        const QJsonObject description = QJsonDocument::fromJson(json).object();
        QCOMPARE(description.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(description.value(QStringLiteral("encryption")).toString(), QStringLiteral("aes-256-gcm"));
        QCOMPARE(description.value(QStringLiteral("chunk_id")).toString(), QStringLiteral("hmac-sha256"));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("keys"))).entryList(QDir::Files).size(), 1);
        ImageRecord record;
        const QString id = backupMarked(*bank, &error, &record);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));

        // Another process: a new bank object, the passphrase again.
        auto again = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(again, qPrintable(error.message));
        QCOMPARE(readImage(*again, id, &error), markedImage());
        QVERIFY2(!error.isError(), qPrintable(error.message));
        VerifyReport report;
        QVERIFY2(again->verifyCheckpoint(id, &report, &error), qPrintable(error.message));
        QVERIFY(report.problems.isEmpty() && report.imageMismatches.isEmpty());
        // Chunk names are keyed: none is the SHA-256 of any chunk's bytes.
        const QByteArray image = markedImage();
        qint64 offset = 0;
        for (const ChunkRef &chunk : svtest::chunkRefs(*again, record)) {
            QVERIFY(chunk.sha256 != QCryptographicHash::hash(image.mid(offset, chunk.size), QCryptographicHash::Sha256).toHex());
            offset += chunk.size;
        }
        // A second backup of the same disk stores nothing new (keyed ids still deduplicate).
        ImageRecord second;
        QVERIFY2(!backupMarked(*again, &error, &second).isEmpty(), qPrintable(error.message));
        QCOMPARE(second.newBytes, 0);
        // Journal entries round trip too.
        QVERIFY2(again->addJournalEntry(journalEntry(), &error), qPrintable(error.message));
        QList<JournalEntry> entries;
        QVERIFY2(bank->journalEntries(&entries, &error), qPrintable(error.message));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().imageId, journalEntry().imageId);
        QVERIFY2(bank->removeJournalEntry(entries.first(), &error), qPrintable(error.message));
        QVERIFY(bank->journalEntries(&entries, &error) && entries.isEmpty());
    }

    void noPlaintextInAnyBankFile()
    {
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        QVERIFY2(!backupMarked(*bank, &error).isEmpty(), qPrintable(error.message));
        QVERIFY2(bank->addJournalEntry(journalEntry(), &error), qPrintable(error.message));
        const QStringList files = filesUnder(dir.path());
        QVERIFY(files.size() > 5);
        const QByteArray image = markedImage();
        const QList<QByteArray> needles{kMarker, kSecretServer.toUtf8(), QByteArray("img-s1"), QByteArray("m1.small"),
                                        QByteArray("RegionOne"), QByteArray("SVCK"), image.mid(4096, 64)};
        for (const QString &file : files) {
            QByteArray data;
            QVERIFY(DurableFile::readAll(file, &data, &error));
            for (const QByteArray &needle : needles)
                QVERIFY2(!data.contains(needle), qPrintable(file + QStringLiteral(" holds ") + QString::fromLatin1(needle.left(20))));
        }
        // The same backup in a plain bank does hold the marker: the check above can fail.
        QTemporaryDir plainDir;
        LocalBank plain(plainDir.path());
        QVERIFY(plain.open(&error));
        QVERIFY(!plain.keys().encrypted());
        QVERIFY(!backupMarked(plain, &error).isEmpty());
        bool found = false;
        for (const QString &file : filesUnder(plainDir.path())) {
            QByteArray data;
            DurableFile::readAll(file, &data, &error);
            found = found || data.contains(kSecretServer.toUtf8());
        }
        QVERIFY(found);
    }

    void passphraseNeededAndWrong()
    {
        QTemporaryDir dir;
        BankError error;
        QVERIFY(!openBank(dir.path(), {}, &error));
        QCOMPARE(error.code, BankError::Code::NewPassphraseRequired);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bank.json"))));
        QVERIFY2(openBank(dir.path(), kPassphrase, &error), qPrintable(error.message));
        QVERIFY(!openBank(dir.path(), {}, &error));
        QCOMPARE(error.code, BankError::Code::PassphraseRequired);
        QVERIFY2(error.message.contains(dir.path()), qPrintable(error.message));
        QVERIFY(!openBank(dir.path(), "not the passphrase", &error));
        QCOMPARE(error.code, BankError::Code::WrongPassphrase);
        const QString keyName = QDir(dir.filePath(QStringLiteral("keys"))).entryList(QDir::Files).value(0);
        QVERIFY2(error.message.contains(QStringLiteral("keys/") + keyName), qPrintable(error.message));
    }

    void tamperedOrTruncatedObject_data()
    {
        QTest::addColumn<QString>("object"); // chunk, index, journal, key
        QTest::addColumn<QString>("how");    // flip, truncate
        for (const char *object : {"chunk", "index", "journal", "key"}) {
            for (const char *how : {"flip", "truncate"})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(object), QLatin1String(how))))
                    << QString::fromLatin1(object) << QString::fromLatin1(how);
        }
    }

    void tamperedOrTruncatedObject()
    {
        QFETCH(QString, object);
        QFETCH(QString, how);
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        ImageRecord record;
        const QString id = backupMarked(*bank, &error, &record);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        QVERIFY(bank->addJournalEntry(journalEntry(), &error));
        QString path;
        QString name;
        QList<QByteArray> names;
        const QList<ChunkRef> refs = svtest::chunkRefs(*bank, record);
        for (const ChunkRef &chunk : refs)
            names.append(chunk.sha256);
        const qsizetype victim = svtest::lastInItsPack(*bank, names, 2);
        svtest::BlobSpot spot{QString(), 0, -1};
        if (object == QLatin1String("chunk")) {
            name = QString::fromLatin1(refs.at(victim).sha256);
            spot = svtest::blobSpot(*bank, refs.at(victim).sha256);
            path = spot.path;
        } else if (object == QLatin1String("index")) {
            name = QStringLiteral("checkpoints/%1.json").arg(id);
            path = bank->indexPath(id);
        } else if (object == QLatin1String("journal")) {
            path = onlyFileIn(dir.filePath(QStringLiteral("journal")));
            name = QStringLiteral("journal/") + QFileInfo(path).fileName();
        } else {
            path = onlyFileIn(dir.filePath(QStringLiteral("keys")));
            name = QStringLiteral("keys/") + QFileInfo(path).fileName();
        }
        QVERIFY(!path.isEmpty());
        QVERIFY(damage(path, how, spot.offset, spot.length));

        auto reopened = openBank(dir.path(), kPassphrase, &error);
        if (object == QLatin1String("key")) {
            // The only key is damaged: the bank cannot be opened, and the error says which file.
            QVERIFY(!reopened);
            QVERIFY2(error.message.contains(name), qPrintable(error.message));
            return;
        }
        QVERIFY2(reopened, qPrintable(error.message));
        if (object == QLatin1String("journal")) {
            QList<JournalEntry> entries;
            QVERIFY(!reopened->journalEntries(&entries, &error));
            QVERIFY2(error.message.contains(name), qPrintable(error.message));
            return;
        }
        // Never wrong bytes: the restore stops with an error naming the object.
        const QByteArray restored = readImage(*reopened, id, &error);
        QVERIFY(restored.isEmpty());
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(name), qPrintable(error.message));
        if (object == QLatin1String("chunk")) {
            QCOMPARE(error.code, BankError::Code::CorruptChunk);
            VerifyReport report;
            QVERIFY(reopened->verifyCheckpoint(id, &report, &error));
            QCOMPARE(report.problems.size(), 1);
            QCOMPARE(report.problems.first().sha256, refs.at(victim).sha256);
        } else {
            QCOMPARE(error.code, BankError::Code::BadIndex);
        }
    }

    void swappedObjectsRefused()
    {
        // Each sealed object is bound to its name: a chunk copied over another, or one index over another,
        // fails authentication instead of restoring the wrong data.
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        ImageRecord record;
        const QString id = backupMarked(*bank, &error, &record);
        const QString other = svtest::backup(*bank, QStringLiteral("s2"), svtest::generateImage(1024 * 1024, 3), &error);
        QVERIFY(!id.isEmpty() && !other.isEmpty());
        // Chunk 0's sealed blob over chunk 1's (in a pack: over the start of its range).
        const QList<ChunkRef> refs = svtest::chunkRefs(*bank, record);
        const svtest::BlobSpot from = svtest::blobSpot(*bank, refs.at(0).sha256);
        const svtest::BlobSpot to = svtest::blobSpot(*bank, refs.at(1).sha256);
        QFile source(from.path);
        QVERIFY(source.open(QIODevice::ReadOnly) && source.seek(from.offset));
        const QByteArray sealed = source.read(from.length);
        source.close();
        QFile target(to.path);
        QVERIFY(target.open(QIODevice::ReadWrite) && target.seek(to.offset));
        QCOMPARE(target.write(sealed.left(bank->packStore() ? to.length : sealed.size())),
                 bank->packStore() ? std::min(from.length, to.length) : from.length);
        if (!bank->packStore())
            QVERIFY(target.resize(from.length));
        target.close();
        QVERIFY(readImage(*bank, id, &error).isEmpty());
        QCOMPARE(error.code, BankError::Code::CorruptChunk);
        QVERIFY(QFile::remove(bank->indexPath(id)));
        QVERIFY(QFile::copy(bank->indexPath(other), bank->indexPath(id)));
        CheckpointIndex index;
        QVERIFY(!bank->checkpoint(id, &index, &error));
        QCOMPARE(error.code, BankError::Code::BadIndex);
    }

    void downgradedDescriptionRefused_data()
    {
        QTest::addColumn<QByteArray>("description");
        QTest::newRow("version 1") << QByteArray(R"({"format":"stackvault-bank","version":1})");
        QTest::newRow("encryption none") << QByteArray(
            R"({"format":"stackvault-bank","version":2,"encryption":"none","chunk_id":"sha256"})");
    }

    void downgradedDescriptionRefused()
    {
        QFETCH(QByteArray, description);
        QTemporaryDir dir;
        BankError error;
        QVERIFY(openBank(dir.path(), kPassphrase, &error));
        QVERIFY(DurableFile::writeAtomically(dir.filePath(QStringLiteral("bank.json")), description, &error));
        LocalBank bank(dir.path());
        QVERIFY(!bank.open(&error));
        QCOMPARE(error.code, BankError::Code::Tampered);
        QVERIFY2(error.message.contains(QStringLiteral("bank.json")), qPrintable(error.message));
    }

    void keysAddRemovePasswd()
    {
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        const QString id = backupMarked(*bank, &error);
        const QString first = bank->unlockedKeyId();
        QVERIFY(KeyFile::isValidId(first));
        KeyFile added;
        QVERIFY2(bank->addKey("second passphrase", &added, &error), qPrintable(error.message));
        QList<KeyFile> keys;
        QVERIFY(bank->listKeys(&keys, &error));
        QCOMPARE(keys.size(), 2);
        auto viaSecond = openBank(dir.path(), "second passphrase", &error);
        QVERIFY2(viaSecond, qPrintable(error.message));
        QCOMPARE(viaSecond->unlockedKeyId(), added.id);
        QCOMPARE(readImage(*viaSecond, id, &error), markedImage());
        // passwd = add the new key, then remove the one the old passphrase opened.
        QVERIFY2(viaSecond->removeKey(first, &error), qPrintable(error.message));
        QVERIFY(!openBank(dir.path(), kPassphrase, &error));
        QCOMPARE(error.code, BankError::Code::WrongPassphrase);
        QVERIFY(!viaSecond->removeKey(added.id, &error)); // the last key stays
        QVERIFY2(error.message.contains(QStringLiteral("last key")), qPrintable(error.message));
        QVERIFY(!viaSecond->removeKey(QStringLiteral("0123456789abcdef"), &error));
        QCOMPARE(error.code, BankError::Code::NotFound);
        QVERIFY(openBank(dir.path(), "second passphrase", &error));
    }

    void knownKeysSkipTheKdf()
    {
        QTemporaryDir dir;
        BankError error;
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        LocalBank again(dir.path());
        again.setKnownKeys(bank->sharedKeys());
        QVERIFY2(again.open(&error), qPrintable(error.message));
        QVERIFY(again.keys().encrypted());
        // Keys of another bank are not taken for this one.
        QTemporaryDir otherDir;
        auto other = openBank(otherDir.path(), "other", &error);
        LocalBank wrong(dir.path());
        wrong.setKnownKeys(other->sharedKeys());
        QVERIFY(!wrong.open(&error));
        QCOMPARE(error.code, BankError::Code::PassphraseRequired);
    }

    // Two creators of the same new folder bank: the one that publishes bank.json second opens the first
    // one's bank and removes its own key file (FORMAT.md, "Creating a bank").
    void creationRaceOneMasterKeyWins_data()
    {
        QTest::addColumn<bool>("samePassphrase");
        QTest::newRow("same passphrase") << true;
        QTest::newRow("another passphrase") << false;
    }

    void creationRaceOneMasterKeyWins()
    {
        QFETCH(bool, samePassphrase);
        QTemporaryDir dir;
        svtest::RacingBank<LocalBank> loser(dir.path());
        LocalBank winner(dir.path());
        svtest::creationRace(loser, loser.afterFirstKey, winner, samePassphrase);
    }

    // The same without a hook: two threads open one new bank at once, several times.
    void concurrentCreatorsAgree()
    {
        for (int round = 0; round < 8; ++round) {
            QTemporaryDir dir;
            BankError errors[2];
            std::unique_ptr<LocalBank> banks[2];
            std::thread threads[2];
            for (int i = 0; i < 2; ++i) {
                threads[i] = std::thread([&, i] { banks[i] = openBank(dir.path(), kPassphrase, &errors[i]); });
            }
            for (auto &thread : threads)
                thread.join();
            QVERIFY2(banks[0] && banks[1], qPrintable(errors[0].message + errors[1].message));
            QCOMPARE(banks[0]->keys().bankId(), banks[1]->keys().bankId());
            QCOMPARE(banks[0]->keys().masterKey(), banks[1]->keys().masterKey());
            const QStringList keyFiles = QDir(dir.filePath(QStringLiteral("keys"))).entryList(QDir::Files);
            QCOMPARE(keyFiles.size(), 1);
        }
    }

    void versionOnePlainBankStillRestores()
    {
        // A bank as version 1 wrote it: bank.json version 1, plain SHA-256-named chunks and JSON indexes.
        QTemporaryDir dir;
        const QByteArray v1 = R"({"format":"stackvault-bank","version":1,"chunking":"fastcdc-gear64-v1",)"
                              R"("chunk_hash":"sha256","compression":"zstd"})";
        BankError error;
        QVERIFY(DurableFile::writeAtomically(dir.filePath(QStringLiteral("bank.json")), v1, &error));
        QString id;
        ImageRecord record;
        {
            LocalBank writer(dir.path());
            QVERIFY2(writer.open(&error), qPrintable(error.message));
            id = backupMarked(writer, &error, &record);
            QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        }
        // Opened as the app does (new banks encrypted, a passphrase at hand): still plain, still readable.
        auto bank = openBank(dir.path(), kPassphrase, &error);
        QVERIFY2(bank, qPrintable(error.message));
        const ChunkRef first = svtest::chunkRefs(*bank, record).value(0);
        QCOMPARE(first.sha256, QCryptographicHash::hash(markedImage().left(first.size), QCryptographicHash::Sha256).toHex());
        QVERIFY(!bank->keys().encrypted());
        QCOMPARE(readImage(*bank, id, &error), markedImage());
        QByteArray json;
        QVERIFY(DurableFile::readAll(dir.filePath(QStringLiteral("bank.json")), &json, &error));
        QCOMPARE(json, v1); // never silently rewritten
        QVERIFY(QDir(dir.filePath(QStringLiteral("keys"))).entryList(QDir::Files).isEmpty());
        QList<KeyFile> keys;
        QVERIFY(!bank->listKeys(&keys, &error));
    }
};

QTEST_GUILESS_MAIN(TestBankEncryption)
#include "tst_bankencryption.moc"
