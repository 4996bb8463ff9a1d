#include "bank/checkpointindex.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sv;

namespace {

QByteArray hex64(const char *seed) { return QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex(); }

// `split`: the chunk list in two list parts (format 2) instead of inline (format 1).
CheckpointIndex sample(bool split = false)
{
    CheckpointIndex index;
    index.id = QStringLiteral("0b0f7c1e-1111-4a4a-9c9c-123456789abc");
    index.created = QDateTime(QDate(2026, 11, 25), QTime(16, 0, 0, 123), Qt::UTC);
    index.status = QStringLiteral("available");
    index.consistency = QStringLiteral("quiesced");
    index.options = QJsonObject{{QStringLiteral("include_data"), false}, {QStringLiteral("original_image_only"), true}};
    ProtectedResource server;
    server.type = QStringLiteral("OS::Nova::Server");
    server.id = QStringLiteral("srv-1");
    server.name = QStringLiteral("web-1");
    server.status = QStringLiteral("available");
    server.metadata = QJsonObject{{QStringLiteral("flavor"), QJsonObject{{QStringLiteral("vcpus"), 2}}},
                                  {QStringLiteral("tags"), QJsonArray{QStringLiteral("prod")}}};
    ProtectedResource image;
    image.type = QStringLiteral("OS::Glance::Image");
    image.id = QStringLiteral("img-1");
    image.parentType = server.type;
    image.parentId = server.id;
    image.extraInfo = QJsonObject{{QStringLiteral("server_id"), server.id}};
    image.status = QStringLiteral("available");
    image.metadata = QJsonObject{{QStringLiteral("hw_firmware_type"), QStringLiteral("uefi")},
                                 {QStringLiteral("min_ram"), 512}};
    ImageRecord record;
    if (split) {
        record.splitList = true;
        record.listParts = {ChunkListPart{hex64("part 1"), 2, 1000000}, ChunkListPart{hex64("part 2"), 1, 300000}};
    } else {
        record.chunks = {ChunkRef{hex64("a"), 300000}, ChunkRef{hex64("b"), 700000}, ChunkRef{hex64("a"), 300000}};
    }
    record.size = 1300000;
    record.md5 = QByteArray(32, 'c');
    record.sha512 = QByteArray(128, 'd');
    record.diskFormat = QStringLiteral("raw");
    record.containerFormat = QStringLiteral("bare");
    record.newBytes = 1000000;
    record.newStoredBytes = 400000;
    record.storedBytes = 400000;
    image.image = record;
    index.resources = {server, image};
    return index;
}

QByteArray withImageField(const QString &key, const QJsonValue &value, bool split = false)
{
    QJsonObject json = QJsonDocument::fromJson(sample(split).toJson()).object();
    QJsonArray resources = json.value(QStringLiteral("resources")).toArray();
    QJsonObject image = resources[1].toObject();
    QJsonObject data = image.value(QStringLiteral("image_data")).toObject();
    data[key] = value;
    image[QStringLiteral("image_data")] = data;
    resources[1] = image;
    json[QStringLiteral("resources")] = resources;
    return QJsonDocument(json).toJson();
}

} // namespace

class TestCheckpointIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<bool>("split");
        QTest::addColumn<int>("version");
        QTest::newRow("inline chunk list: format 1") << false << 1;
        QTest::newRow("split chunk list: format 2") << true << 2;
    }

    void roundTrip()
    {
        QFETCH(bool, split);
        QFETCH(int, version);
        const CheckpointIndex original = sample(split);
        CheckpointIndex parsed;
        QString why;
        QVERIFY2(CheckpointIndex::fromJson(original.toJson(), &parsed, &why), qPrintable(why));
        QCOMPARE(parsed.toJson(), original.toJson());
        QCOMPARE(parsed.created, original.created);
        QCOMPARE(parsed.server()->name, QStringLiteral("web-1"));
        QCOMPARE(parsed.totalSize(), qint64(1300000));
        QCOMPARE(parsed.resources[1].extraInfo.value(QStringLiteral("server_id")).toString(), QStringLiteral("srv-1"));
        QCOMPARE(parsed.resources[1].image->chunkCount(), 3);
        QCOMPARE(parsed.resources[1].image->splitList, split);
        if (split) {
            QVERIFY(parsed.resources[1].image->chunks.isEmpty());
            QCOMPARE(parsed.resources[1].image->listParts.size(), 2);
            QCOMPARE(parsed.resources[1].image->listParts[1].name, hex64("part 2"));
            QCOMPARE(parsed.resources[1].image->listParts[0].bytes, qint64(1000000));
        } else {
            QCOMPARE(parsed.resources[1].image->chunks[2].sha256, hex64("a"));
        }
        QCOMPARE(parsed.options.value(QStringLiteral("original_image_only")).toBool(), true);
        const QJsonObject json = QJsonDocument::fromJson(original.toJson()).object();
        QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), version);
        const QJsonObject data = json.value(QStringLiteral("resources")).toArray()[1].toObject().value(QStringLiteral("image_data")).toObject();
        QCOMPARE(data.contains(QStringLiteral("chunk_list")), split);
        QCOMPARE(data.contains(QStringLiteral("chunks")), !split);
    }

    // "plan" is optional: absent when made by hand and in indexes written before plans (read as empty).
    void planName_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::newRow("by hand") << QString();
        QTest::newRow("a plan's run") << QStringLiteral("nightly prod ü");
    }

    void planName()
    {
        QFETCH(QString, plan);
        CheckpointIndex index = sample(true);
        index.plan = plan;
        const QByteArray json = index.toJson();
        QCOMPARE(QJsonDocument::fromJson(json).object().contains(QStringLiteral("plan")), !plan.isEmpty());
        CheckpointIndex parsed;
        QString why;
        QVERIFY2(CheckpointIndex::fromJson(json, &parsed, &why), qPrintable(why));
        QCOMPARE(parsed.plan, plan);
        QCOMPARE(parsed.toJson(), json);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QJsonArray traversal{QJsonArray{QStringLiteral("../../etc/shadow"), 1300000}};
        QTest::newRow("traversal chunk name") << withImageField(QStringLiteral("chunks"), traversal)
                                              << QStringLiteral("invalid name");
        QJsonArray upper{QJsonArray{QString::fromLatin1(hex64("a").toUpper()), 1300000}};
        QTest::newRow("upper-case chunk name") << withImageField(QStringLiteral("chunks"), upper)
                                               << QStringLiteral("invalid name");
        QTest::newRow("sizes do not add up") << withImageField(QStringLiteral("size"), 5) << QStringLiteral("add up");
        QTest::newRow("short sha512") << withImageField(QStringLiteral("sha512"), QStringLiteral("abc"))
                                      << QStringLiteral("sha512");
        QJsonArray negative{QJsonArray{QString::fromLatin1(hex64("a")), -4}};
        QTest::newRow("negative chunk size") << withImageField(QStringLiteral("chunks"), negative)
                                             << QStringLiteral("invalid size");
        QByteArray future = sample().toJson();
        future.replace("\"format_version\": 1", "\"format_version\": 99");
        QTest::newRow("newer format") << future << QStringLiteral("upgrade");
        QByteArray badId = sample().toJson();
        badId.replace("0b0f7c1e-1111-4a4a-9c9c-123456789abc", "../../x");
        QTest::newRow("id with a path") << badId << QStringLiteral("invalid checkpoint id");
        QTest::newRow("not JSON") << QByteArray("{\"format\":") << QStringLiteral("JSON");
        const auto part = [](const QJsonValue &name, qint64 chunks, qint64 bytes) {
            return QJsonArray{QJsonArray{name, chunks, bytes}};
        };
        QTest::newRow("traversal list part name")
            << withImageField(QStringLiteral("chunk_list"), part(QStringLiteral("../../etc/shadow"), 3, 1300000), true)
            << QStringLiteral("invalid name");
        QTest::newRow("list part without chunks")
            << withImageField(QStringLiteral("chunk_list"), part(QString::fromLatin1(hex64("p")), 0, 1300000), true)
            << QStringLiteral("invalid chunk count");
        QTest::newRow("list part larger than its chunks can be")
            << withImageField(QStringLiteral("chunk_list"), part(QString::fromLatin1(hex64("p")), 1, 65 * 1024 * 1024), true)
            << QStringLiteral("invalid chunk count");
        QTest::newRow("list part counts differ from chunk_count")
            << withImageField(QStringLiteral("chunk_count"), 4, true) << QStringLiteral("hold 3 chunks");
        QTest::newRow("list part bytes do not add up")
            << withImageField(QStringLiteral("size"), 1300001, true) << QStringLiteral("add up");
        QByteArray splitInOne = sample(true).toJson();
        splitInOne.replace("\"format_version\": 2", "\"format_version\": 1");
        QTest::newRow("split list in a format-1 index") << splitInOne << QStringLiteral("split chunk list in a format 1");
    }

    void rejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        CheckpointIndex parsed;
        QString why;
        QVERIFY(!CheckpointIndex::fromJson(json, &parsed, &why));
        QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("uuid") << QStringLiteral("0b0f7c1e-1111-4a4a-9c9c-123456789abc") << true;
        QTest::newRow("dotted") << QStringLiteral("daily.2026-11-25_1") << true;
        QTest::newRow("leading dot") << QStringLiteral(".hidden") << false;
        QTest::newRow("dot dot") << QStringLiteral("..") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("non-ascii") << QStringLiteral("sauvegarde-é") << false;
    }

    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(CheckpointIndex::isValidId(id), valid);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointIndex)
#include "tst_checkpointindex.moc"
