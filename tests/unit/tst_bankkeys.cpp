#include "bank/bankkeys.h"
#include "bank/chunkcodec.h"
#include "bank/keyfile.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QTest>

using sv::BankKeys;
using sv::ChunkCodec;
using sv::KeyFile;

class TestBankKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Small KDF parameters (the documented knob): key files made here take milliseconds.
        qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
        qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
    }

    void plainIsIdentity()
    {
        const auto keys = BankKeys::plain();
        QVERIFY(!keys->encrypted());
        const QByteArray data("some bytes");
        QCOMPARE(keys->chunkId(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QCOMPARE(keys->seal(data, "ad"), data);
        QByteArray plain;
        QString why;
        QVERIFY(keys->open(data, "ad", &plain, &why));
        QCOMPARE(plain, data);
    }

    void chunkIdIsKeyedHmac()
    {
        const QByteArray master = BankKeys::randomMasterKey();
        const auto keys = BankKeys::fromMasterKey(master, QStringLiteral("bank"));
        QVERIFY(keys && keys->encrypted());
        const QByteArray data("a known file");
        const QByteArray id = keys->chunkId(data);
        QCOMPARE(id.size(), 64);
        QVERIFY(ChunkCodec::isValidName(id));
        QVERIFY(id != QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QCOMPARE(keys->chunkId(data), id); // deterministic: deduplication still works
        const auto other = BankKeys::fromMasterKey(BankKeys::randomMasterKey(), QStringLiteral("bank"));
        QVERIFY(other->chunkId(data) != id); // another bank cannot tell that it holds the same data
        QCOMPARE(BankKeys::fromMasterKey(master, QStringLiteral("bank"))->chunkId(data), id);
    }

    void sealRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("1 MiB") << QByteArray(1024 * 1024, 'q');
    }

    void sealRoundTrip()
    {
        QFETCH(QByteArray, plain);
        const auto keys = BankKeys::fromMasterKey(BankKeys::randomMasterKey(), QStringLiteral("b"));
        const QByteArray sealed = keys->seal(plain, "name");
        QCOMPARE(sealed.size(), plain.size() + BankKeys::Overhead);
        QCOMPARE(sealed.left(4), QByteArray("SVX1"));
        if (plain.size() > 16)
            QVERIFY(!sealed.contains(plain.left(16)));
        QVERIFY(keys->seal(plain, "name") != sealed); // a fresh nonce each time
        QByteArray opened;
        QString why;
        QVERIFY2(keys->open(sealed, "name", &opened, &why), qPrintable(why));
        QCOMPARE(opened, plain);
        // In place (how chunk blobs are sealed): the same format, opened by the same open().
        QByteArray buffer(BankKeys::SealPrefix, 'p');
        buffer += plain + QByteArray(BankKeys::TagSize, 't');
        const qsizetype size = keys->sealInPlace(buffer.data(), plain.size(), "name");
        QCOMPARE(size, plain.size() + BankKeys::Overhead);
        QCOMPARE(buffer.size(), size);
        QCOMPARE(buffer.left(4), QByteArray("SVX1"));
        if (plain.size() > 16)
            QVERIFY(!buffer.contains(plain.left(16)));
        QVERIFY2(keys->open(buffer, "name", &opened, &why), qPrintable(why));
        QCOMPARE(opened, plain);
        QVERIFY(!keys->open(buffer, "other name", &opened, &why));
    }

    void openRefuses_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("magic") << QStringLiteral("magic");
        QTest::newRow("nonce") << QStringLiteral("nonce");
        QTest::newRow("ciphertext") << QStringLiteral("ciphertext");
        QTest::newRow("tag") << QStringLiteral("tag");
        QTest::newRow("truncated by one") << QStringLiteral("truncate1");
        QTest::newRow("truncated to header") << QStringLiteral("truncate");
        QTest::newRow("other associated data") << QStringLiteral("ad");
        QTest::newRow("other key") << QStringLiteral("key");
    }

    void openRefuses()
    {
        QFETCH(QString, damage);
        const auto keys = BankKeys::fromMasterKey(BankKeys::randomMasterKey(), QStringLiteral("b"));
        QByteArray sealed = keys->seal(QByteArray(1000, 's'), "name");
        QByteArray ad = "name";
        auto opener = keys;
        if (damage == QLatin1String("magic"))
            sealed[0] = 'X';
        else if (damage == QLatin1String("nonce"))
            sealed[6] = char(sealed[6] ^ 1);
        else if (damage == QLatin1String("ciphertext"))
            sealed[500] = char(sealed[500] ^ 0x80);
        else if (damage == QLatin1String("tag"))
            sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 1);
        else if (damage == QLatin1String("truncate1"))
            sealed.chop(1);
        else if (damage == QLatin1String("truncate"))
            sealed.truncate(20);
        else if (damage == QLatin1String("ad"))
            ad = "other name";
        else
            opener = BankKeys::fromMasterKey(BankKeys::randomMasterKey(), QStringLiteral("b"));
        QByteArray plain("untouched");
        QString why;
        QVERIFY(!opener->open(sealed, ad, &plain, &why));
        QCOMPARE(plain, QByteArray("untouched"));
        QVERIFY2(!why.isEmpty(), "a reason is given");
    }

    void chunkBlobBoundToItsId()
    {
        const auto keys = BankKeys::fromMasterKey(BankKeys::randomMasterKey(), QStringLiteral("b"));
        const QByteArray raw(300 * 1024, 'z');
        const QByteArray id = keys->chunkId(raw);
        const QByteArray blob = ChunkCodec::encode(raw, 1, *keys, id);
        QVERIFY(!blob.contains("SVCK")); // the header is inside the ciphertext
        QCOMPARE(blob.size(), ChunkCodec::encode(raw, 1).size() + BankKeys::Overhead); // sealed in place, no slack
        QByteArray decoded;
        QString why;
        QVERIFY2(ChunkCodec::decode(blob, *keys, id, &decoded, &why), qPrintable(why));
        QCOMPARE(decoded, raw);
        // Incompressible bytes are stored as they are, inside the same in-place sealed blob.
        QByteArray random;
        for (int i = 0; i < 4096; ++i)
            random += QByteArray::fromHex(keys->chunkId(QByteArray::number(i)));
        const QByteArray randomBlob = ChunkCodec::encode(random, 1, *keys, "a");
        QCOMPARE(randomBlob.size(), random.size() + ChunkCodec::HeaderSize + BankKeys::Overhead);
        QVERIFY2(ChunkCodec::decode(randomBlob, *keys, "a", &decoded, &why), qPrintable(why));
        QCOMPARE(decoded, random);
        const QByteArray otherId = keys->chunkId("other");
        QVERIFY(!ChunkCodec::decode(blob, *keys, otherId, &decoded, &why));
        // Plain bank: the blob is the version-1 chunk file.
        QCOMPARE(ChunkCodec::encode(raw, 1, *BankKeys::plain(), id).left(4), QByteArray("SVCK"));
    }

    void keyFileRoundTrip()
    {
        const QByteArray master = BankKeys::randomMasterKey();
        const KeyFile key = KeyFile::create(master, QStringLiteral("bank-1"), "correct horse");
        QVERIFY(KeyFile::isValidId(key.id));
        QCOMPARE(key.opsLimit, quint64(1));
        QCOMPARE(key.memLimitKib, quint64(8192));
        const QByteArray json = key.toJson();
        QVERIFY(!json.contains(master.toBase64()));
        KeyFile read;
        QString why;
        QVERIFY2(KeyFile::fromJson(json, &read, &why), qPrintable(why));
        QCOMPARE(read.id, key.id);
        QCOMPARE(read.bankId, QStringLiteral("bank-1"));
        QByteArray opened;
        QVERIFY2(read.unwrap("correct horse", &opened, &why), qPrintable(why));
        QCOMPARE(opened, master);
        QVERIFY(!read.unwrap("wrong horse", &opened, &why));
        QVERIFY2(why.contains(key.id), qPrintable(why));
        // The sealed master key is bound to the bank id: a key file moved to another bank does not open.
        read.bankId = QStringLiteral("bank-2");
        QVERIFY(!read.unwrap("correct horse", &opened, &why));
    }

    // New key files get the defaults (64 MiB, 8 passes: FORMAT.md says why); a key file made with other
    // parameters (the 256 MiB, 3 passes of the first encrypted banks) still opens, as it records its own.
    void defaultParametersAndOlderKeyFiles()
    {
        const QByteArray master = BankKeys::randomMasterKey();
        const auto restore = qScopeGuard([] {
            qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
            qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
        });
        qunsetenv("STACKVAULT_KDF_OPSLIMIT");
        qunsetenv("STACKVAULT_KDF_MEMLIMIT_KIB");
        const KeyFile fresh = KeyFile::create(master, QStringLiteral("bank-1"), "pass");
        QCOMPARE(fresh.opsLimit, quint64(8));
        QCOMPARE(fresh.memLimitKib, quint64(64 * 1024));
        QVERIFY(fresh.toJson().contains("\"memlimit_kib\": 65536"));
        qputenv("STACKVAULT_KDF_OPSLIMIT", "3");
        qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "262144");
        const QByteArray older = KeyFile::create(master, QStringLiteral("bank-1"), "pass").toJson();
        qunsetenv("STACKVAULT_KDF_OPSLIMIT");
        qunsetenv("STACKVAULT_KDF_MEMLIMIT_KIB");
        for (const QByteArray &json : {fresh.toJson(), older}) {
            KeyFile read;
            QString why;
            QVERIFY2(KeyFile::fromJson(json, &read, &why), qPrintable(why));
            QByteArray opened;
            QVERIFY2(read.unwrap("pass", &opened, &why), qPrintable(why));
            QCOMPARE(opened, master);
        }
        KeyFile read;
        QString why;
        QVERIFY(KeyFile::fromJson(older, &read, &why));
        QCOMPARE(read.memLimitKib, quint64(262144));
        QCOMPARE(read.opsLimit, quint64(3));
    }

    void keyFileRefusesDamage_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("huge memory") << QByteArray("\"memlimit_kib\": 8192") << QByteArray("\"memlimit_kib\": 999999999");
        QTest::newRow("zero ops") << QByteArray("\"opslimit\": 1") << QByteArray("\"opslimit\": 0");
        QTest::newRow("other kdf") << QByteArray("\"argon2id\"") << QByteArray("\"argon2i\"");
        QTest::newRow("version") << QByteArray("\"version\": 1") << QByteArray("\"version\": 2");
        QTest::newRow("not json") << QByteArray("{") << QByteArray("[");
    }

    void keyFileRefusesDamage()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QByteArray json = KeyFile::create(BankKeys::randomMasterKey(), QStringLiteral("b"), "p").toJson();
        QVERIFY2(json.contains(from), json.constData());
        json.replace(from, to);
        KeyFile read;
        QString why;
        QVERIFY(!KeyFile::fromJson(json, &read, &why));
        QVERIFY(!why.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBankKeys)
#include "tst_bankkeys.moc"
