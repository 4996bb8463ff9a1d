// stackvault-cli with its backup storage in a real Swift container (--bank swift:CLOUD/CONTAINER): the
// cloud is saved with `clouds add` (password into the real keyring), the container is created on first
// use, and the bank verbs (checkpoints, show, verify, check, delete) work on what a writer put there.
#include "bank/checkpointwriter.h"
#include "bank/packstore.h"
#include "bank/swiftbank.h"
#include "bank/swiftobjectstore.h"
#include "keyringprobe.h"
#include "openstack/session.h"

#include "bankfixtures.h"
#include "checkpointfixtures.h"
#include "clirunner.h"
#include "realcloud.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sv;

class TestCliSwift : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    QTemporaryDir m_home;
    QString m_cloudName;
    QString m_container;
    std::shared_ptr<SwiftBank> m_bank;
    std::shared_ptr<openstack::Session> m_session;
    QList<std::shared_ptr<SwiftBank>> m_otherBanks;

    svtest::CliRunner m_runner = relayedRunner(m_home.path());

    static svtest::CliRunner relayedRunner(const QString &home)
    {
        svtest::CliRunner runner(home);
        runner.setEnvironment(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1,localhost"));
        return runner;
    }

    svtest::CliRun cli(const QStringList &arguments, const QByteArray &input = {})
    {
        return m_runner.run(arguments, input);
    }

    QString bankSpec() const { return QStringLiteral("swift:%1/%2").arg(m_cloudName, m_container); }

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_home.isValid());
        m_cloudName = QStringLiteral("real-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        m_container = QStringLiteral("sv-cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const real::Credentials demo = m_cloud.demo();
        svtest::CliRun add = cli({QStringLiteral("clouds"), QStringLiteral("add"), m_cloudName, QStringLiteral("--auth-url"),
                       m_cloud.authUrl().toString(), QStringLiteral("--user"), demo.username, QStringLiteral("--project"),
                       demo.projectName, QStringLiteral("--region"), m_cloud.regionName(),
                       QStringLiteral("--password-stdin")},
                      demo.password.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());

        const sv::CloudProfile profile = real::demoProfile(m_cloud, m_cloudName);
        m_session = openstack::Session::create(profile, demo.password);
        m_bank = std::make_shared<SwiftBank>(m_session, m_container);
    }

    void cleanupTestCase()
    {
        if (!m_bank)
            return;
        BankError error;
        real::deleteAllObjects(*m_bank, &error);
        for (const auto &bank : std::as_const(m_otherBanks))
            real::deleteAllObjects(*bank, &error);
        cli({QStringLiteral("clouds"), QStringLiteral("remove"), m_cloudName});
    }

    void bankVerbsOnSwift()
    {
        // First use creates the container and the format marker; the bank is empty.
        svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
        qint64 size = -1;
        BankError error;
        QVERIFY2(m_bank->headObject(QStringLiteral("bank.json"), &size, &error), qPrintable(error.message));

        // A checkpoint written by another process (here: this test through the bank API). The CLI made
        // the bank encrypted with the suite's passphrase (tests/CMakeLists.txt sets it for every test).
        m_bank->setPassphrase(qgetenv("STACKVAULT_BANK_PASSPHRASE"));
        QVERIFY2(m_bank->open(&error), qPrintable(error.message));
        CheckpointIndex draft;
        ProtectedResource server;
        server.type = QStringLiteral("OS::Nova::Server");
        server.id = QStringLiteral("srv-1");
        server.name = QStringLiteral("web-1");
        ProtectedResource image;
        image.type = QStringLiteral("OS::Glance::Image");
        image.id = QStringLiteral("img-1");
        image.parentType = server.type;
        image.parentId = server.id;
        draft.resources = {server, image};
        auto checkpoint = m_bank->beginCheckpoint(draft, &error);
        QVERIFY2(checkpoint, qPrintable(error.message));
        auto writer = checkpoint->createImageWriter();
        const QByteArray bytes = svtest::generateImage(5 * 1024 * 1024 + 17, 7);
        ImageRecord record;
        QVERIFY(svtest::feed(*writer, bytes, 1 << 20));
        QVERIFY2(writer->finish(&record, &error), qPrintable(error.message));
        checkpoint->resource(image.type, image.id)->image = record;
        QVERIFY2(checkpoint->commit(&error), qPrintable(error.message));
        const QString id = checkpoint->id();
        checkpoint.reset();

        list = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const QJsonArray checkpoints = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(checkpoints.size(), 1);
        const QJsonObject summary = checkpoints.first().toObject();
        QCOMPARE(summary.value(QLatin1String("id")).toString(), id);
        QCOMPARE(summary.value(QLatin1String("status")).toString(), QStringLiteral("available"));
        QCOMPARE(summary.value(QLatin1String("server_name")).toString(), QStringLiteral("web-1"));
        QCOMPARE(summary.value(QLatin1String("size")).toInteger(), bytes.size());

        svtest::CliRun show = cli({QStringLiteral("show"), id, QStringLiteral("--bank"), bankSpec()});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY2(show.out.contains("web-1"), show.out.constData());

        svtest::CliRun verify = cli({QStringLiteral("verify"), id, QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(verify.exitCode == 0, QByteArray(verify.err + verify.out).constData());

        svtest::CliRun check = cli({QStringLiteral("check"), QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, QByteArray(check.err + check.out).constData());
        QCOMPARE(QJsonDocument::fromJson(check.out).object().value(QLatin1String("checkpoints")).toInt(), 1);
        QCOMPARE(QJsonDocument::fromJson(check.out).object().value(QLatin1String("summary_objects")).toInt(), 1);

        // A damaged summary object (tampered: a flipped byte; truncated) is a finding naming it (exit 1);
        // put back, the check is clean again.
        QList<QByteArray> summaries;
        QVERIFY(m_bank->listSummaryObjects([&](const QByteArray &name, qint64) {
            summaries.append(name);
            return true;
        }, &error));
        QCOMPARE(summaries.size(), 1);
        const QString summaryObject = SummaryFormat::objectName(summaries.first());
        QByteArray original;
        QVERIFY2(m_bank->getObject(summaryObject, &original, &error), qPrintable(error.message));
        for (const bool truncate : {false, true}) {
            QByteArray damaged = original;
            if (truncate)
                damaged.chop(damaged.size() / 2);
            else
                damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x01);
            QVERIFY2(m_bank->putObject(summaryObject, damaged, &error), qPrintable(error.message));
            check = cli({QStringLiteral("check"), QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
            QCOMPARE(check.exitCode, 1);
            const QJsonObject found = QJsonDocument::fromJson(check.out).object();
            QCOMPARE(found.value(QLatin1String("ok")).toBool(true), false);
            const QJsonArray named = found.value(QLatin1String("damaged_summary_objects")).toArray();
            QCOMPARE(named.size(), 1);
            QVERIFY2(named.first().toString().contains(summaryObject), qPrintable(named.first().toString()));
            check = cli({QStringLiteral("check"), QStringLiteral("--bank"), bankSpec()});
            QCOMPARE(check.exitCode, 1);
            QVERIFY2(check.err.contains("problem: ") && check.err.contains(summaryObject.toUtf8()), check.err.constData());
            QVERIFY2(check.out.contains("Backup storage has problems."), check.out.constData());
        }
        QVERIFY2(m_bank->putObject(summaryObject, original, &error), qPrintable(error.message));
        check = cli({QStringLiteral("check"), QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, QByteArray(check.err + check.out).constData());

        // A damaged chunk in Swift (a flipped byte inside its range of its pack): verify fails (exit 1).
        CheckpointIndex index;
        QVERIFY(m_bank->checkpoint(id, &index, &error));
        const QByteArray victim = svtest::chunkRefs(*m_bank, *index.resources[1].image).value(0).sha256;
        PackStore *packs = m_bank->packStore();
        QVERIFY2(packs, "a bank the CLI makes stores packs");
        PackStore::Location where;
        QVERIFY(packs->locate(victim, &where));
        const QString packObject = QString::fromLatin1(PackStore::packObjectName(where.pack));
        QByteArray pack;
        QVERIFY2(m_bank->getObject(packObject, &pack, &error), qPrintable(error.message));
        const qint64 at = qint64(where.offset) + where.length / 2;
        pack[at] = char(pack[at] ^ 0x20);
        QVERIFY2(m_bank->putObject(packObject, pack, &error), qPrintable(error.message));
        verify = cli({QStringLiteral("verify"), id, QStringLiteral("--bank"), bankSpec()});
        QCOMPARE(verify.exitCode, 1);

        // The chunk list is read before the delete: its list parts go with the checkpoint.
        QSet<QByteArray> distinct;
        for (const ChunkRef &c : svtest::chunkRefs(*m_bank, record))
            distinct.insert(c.sha256);
        QVERIFY(!distinct.isEmpty());
        svtest::CliRun del = cli({QStringLiteral("delete"), id, QStringLiteral("--bank"), bankSpec(), QStringLiteral("--json")});
        QVERIFY2(del.exitCode == 0, del.err.constData());
        const QJsonObject deleted = QJsonDocument::fromJson(del.out).object();
        QVERIFY(deleted.value(QLatin1String("gc_done")).toBool());
        QCOMPARE(deleted.value(QLatin1String("chunks_removed")).toInteger(), qint64(distinct.size()));
        bool anyChunk = false;
        QVERIFY(m_bank->listChunks([&](const QByteArray &, qint64) {
            anyChunk = true;
            return false;
        }, &error));
        QVERIFY(!anyChunk);
    }

    // stackvault-cli killed (STACKVAULT_CRASH_AT) between a settled index and its summary object (prune
    // marking a dead backup `error`), and between a merged summary object and the removal of the objects it
    // merged (the garbage collection of a delete): `checkpoints` still says what the indexes say, and the
    // next prune leaves one summary object.
    void killedAroundSummaries()
    {
        auto bank = std::make_shared<SwiftBank>(m_session, QStringLiteral("sv-cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_otherBanks.append(bank);
        bank->setEncryptNewBank(true);
        bank->setPassphrase(qgetenv("STACKVAULT_BANK_PASSPHRASE"));
        BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
        const QString spec = QStringLiteral("swift:%1/%2").arg(m_cloudName, static_cast<const SwiftObjectStore &>(bank->store()).container());
        const QString first = svtest::backup(*bank, QStringLiteral("k"), svtest::generateImage(2 * 1024 * 1024, 9), &error);
        QVERIFY2(!first.isEmpty(), qPrintable(error.message));
        CheckpointIndex model;
        QVERIFY2(bank->checkpoint(first, &model, &error), qPrintable(error.message));
        const auto copy = [&](const QString &id, const QString &status, int i) {
            CheckpointIndex index = model;
            index.id = id;
            index.status = status;
            index.created = model.created.addSecs(i);
            return index;
        };
        // A backup that died: its index still says `protecting` (it has no summary).
        QVERIFY2(bank->storeIndex(copy(QStringLiteral("dead"), QStringLiteral("protecting"), 1), &error), qPrintable(error.message));
        const auto summaryObjects = [&] {
            QList<QByteArray> names;
            BankError listError;
            bank->listSummaryObjects([&names](const QByteArray &name, qint64) { names.append(name); return true; }, &listError);
            return names;
        };
        const auto entriesFor = [&](const QString &id) {
            QList<QByteArray> md5s;
            for (const QByteArray &name : summaryObjects()) {
                QList<SummaryFormat::Entry> entries;
                int version = 0;
                BankError readError;
                if (!bank->readSummaryObject(name, &entries, &version, &readError))
                    qWarning("%s", qPrintable(readError.message));
                for (const SummaryFormat::Entry &entry : std::as_const(entries)) {
                    if (entry.summary.id == id)
                        md5s.append(entry.indexMd5);
                }
            }
            return md5s;
        };
        // A killed process leaves its lock object until the lock TTL (10 minutes) says it is dead; removed
        // here as that expiry would.
        const auto expireLocks = [&] {
            QStringList locks;
            BankError listError;
            QVERIFY(bank->listObjects(QStringLiteral("locks/"), [&locks](const ObjectStore::Listed &entry) {
                locks.append(entry.name);
                return true;
            }, &listError));
            for (const QString &lock : std::as_const(locks)) {
                bool existed = false;
                QVERIFY(bank->deleteObject(lock, &existed, &listError));
            }
        };
        // `checkpoints --json` as id → status, against the indexes read one by one.
        const auto listedByCli = [&] {
            const svtest::CliRun list = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), spec, QStringLiteral("--json")});
            QMap<QString, QString> statuses;
            for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array())
                statuses.insert(value.toObject().value(QLatin1String("id")).toString(), value.toObject().value(QLatin1String("status")).toString());
            return statuses;
        };
        const auto truth = [&] {
            QMap<QString, QString> statuses;
            QStringList ids;
            BankError listError;
            bank->listIndexIds(&ids, &listError);
            for (const QString &id : std::as_const(ids)) {
                CheckpointIndex index;
                if (bank->checkpoint(id, &index, &listError))
                    statuses.insert(id, index.status);
            }
            return statuses;
        };

        svtest::CliRun prune = m_runner.run({QStringLiteral("prune"), QStringLiteral("--bank"), spec}, {},
                                            {{QStringLiteral("STACKVAULT_CRASH_AT"), QStringLiteral("bank-index-stored")}});
        QVERIFY2(prune.crashed, prune.describe().constData());
        CheckpointIndex dead;
        QVERIFY2(bank->checkpoint(QStringLiteral("dead"), &dead, &error), qPrintable(error.message));
        QCOMPARE(dead.status, QStringLiteral("error")); // the index was written ...
        QCOMPARE(entriesFor(QStringLiteral("dead")), QList<QByteArray>()); // ... its summary was not
        QCOMPARE(listedByCli(), truth());
        QCOMPARE(listedByCli().value(QStringLiteral("dead")), QStringLiteral("error"));
        expireLocks();

        // More backups, each with its summary object; a delete whose garbage collection is killed after the
        // merged summary object is written, before the merged ones are removed.
        for (int i = 0; i < 3; ++i)
            QVERIFY2(bank->storeIndex(copy(QStringLiteral("more-%1").arg(i), QStringLiteral("available"), 2 + i), &error),
                     qPrintable(error.message));
        QVERIFY(summaryObjects().size() >= 4);
        svtest::CliRun del = m_runner.run({QStringLiteral("delete"), QStringLiteral("more-1"), QStringLiteral("--bank"), spec}, {},
                                          {{QStringLiteral("STACKVAULT_CRASH_AT"), QStringLiteral("bank-summaries-merged")}});
        QVERIFY2(del.crashed, del.describe().constData());
        QVERIFY(summaryObjects().size() >= 2); // the merged object beside the ones it merged
        QCOMPARE(listedByCli(), truth());
        QVERIFY(!listedByCli().contains(QStringLiteral("more-1")));
        expireLocks();

        prune = cli({QStringLiteral("prune"), QStringLiteral("--bank"), spec});
        QVERIFY2(prune.exitCode == 0, prune.describe().constData());
        QCOMPARE(summaryObjects().size(), 1);
        QCOMPARE(entriesFor(QStringLiteral("more-1")), QList<QByteArray>());
        QCOMPARE(entriesFor(QStringLiteral("more-2")).size(), 1);
        QCOMPARE(listedByCli(), truth());
        QCOMPARE(truth().size(), 4);
    }

    void badSwiftSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no container") << QStringLiteral("swift:onlycloud") << 2;
        QTest::newRow("unknown cloud") << QStringLiteral("swift:nosuchcloud/c") << 1;
    }
    void badSwiftSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(int, exitCode);
        svtest::CliRun run = cli({QStringLiteral("checkpoints"), QStringLiteral("--bank"), spec});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliSwift)
#include "tst_cliswift.moc"
