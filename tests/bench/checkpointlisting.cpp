// Index scale (issue 14): how long listing many checkpoints takes, and how much memory the chunk list of
// a 2 TiB image takes to write and read back. scripts/bench (case `checkpoints`) runs it.
//
//   stackvault-bench-checkpoints --bank LOCATION --count N [--runs R]
//       Opens the bank as the CLI does (a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET; an
//       encrypted bank's passphrase from $STACKVAULT_BANK_PASSPHRASE), makes it hold N checkpoints (each
//       a server with a 100 GiB volume whose chunk list is in list parts, as a backup writes them: the
//       parts are written once and shared, the indexes one by one, 8 at a time, each with its summary
//       object in an object store, merged as writers merge them), then lists them R times. A bank keeps
//       nothing in memory between listings: each is what a client that never saw the bank does (LISTs,
//       then the summary objects and the indexes no summary matches). Prints one JSON line per listing.
//   stackvault-bench-checkpoints --list-memory DIR
//       A 2 TiB image's chunk list (2,097,152 refs to real 1 MiB chunks) written into a new local bank
//       and read back; prints the list bytes held at most and the peak RSS growth (JSON).
//
// Speed goals are printed, never asserted (machines here are noisy); the unit tests assert behaviour.

#include "bank/bank.h"
#include "bank/chunkcodec.h"
#include "bank/chunklist.h"
#include "bank/localbank.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "protection/bankservice.h"
#include "util/appinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace {

constexpr qint64 MiB = 1024 * 1024;

qint64 statusKib(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void quit(int code)
{
    QMetaObject::invokeMethod(qApp, [code] { QCoreApplication::exit(code); });
}

void printJson(const QJsonObject &json)
{
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Stores `count` distinct 1 MiB chunks (compressible: tiny on disk) and returns their refs.
bool storeChunks(sv::Bank &bank, int count, QList<sv::ChunkRef> *refs, sv::BankError *error)
{
    for (int k = 0; k < count; ++k) {
        QByteArray data(MiB, char(k));
        data.replace(0, 8, QByteArray::number(k).rightJustified(8, '0'));
        const QByteArray name = bank.keys().chunkId(data);
        qint64 stored = 0;
        if (!bank.chunkInfo(name, &stored) && !bank.putChunk(name, sv::ChunkCodec::encode(data, 1, bank.keys(), name), error))
            return false;
        refs->append(sv::ChunkRef{name, MiB});
    }
    return true;
}

// The chunk list of an image of `chunks` MiB, over `distinct` real chunks in a scrambled order.
bool writeList(sv::Bank &bank, qint64 chunks, const QList<sv::ChunkRef> &distinct, sv::ImageRecord *record,
               qint64 *peakHeld, sv::BankError *error)
{
    sv::ChunkListWriter list(&bank, bank.splitsChunkLists(), sv::ChunkListWriter::Params{});
    quint32 state = 12345;
    for (qint64 i = 0; i < chunks; ++i) {
        state = state * 1664525u + 1013904223u;
        if (!list.add(distinct[int(state % quint32(distinct.size()))], error))
            return false;
    }
    if (!list.finish(record, error))
        return false;
    record->size = chunks * MiB;
    record->sha512 = QByteArray(128, '0');
    record->md5 = QByteArray(32, '0');
    record->diskFormat = QStringLiteral("raw");
    record->containerFormat = QStringLiteral("bare");
    *peakHeld = list.peakBytesHeld();
    return true;
}

// A checkpoint index as a backup of a server with one 100 GiB volume writes it.
sv::CheckpointIndex indexFor(int i, const sv::ImageRecord &record)
{
    sv::CheckpointIndex index;
    index.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    index.created = QDateTime::currentDateTimeUtc().addSecs(i);
    index.status = QStringLiteral("available");
    index.consistency = QStringLiteral("crash-consistent");
    index.options = QJsonObject{{QStringLiteral("include_data"), true}, {QStringLiteral("volumes"), QStringLiteral("all")}};
    sv::ProtectedResource server;
    server.type = QStringLiteral("OS::Nova::Server");
    server.id = QStringLiteral("server-%1").arg(i % 50);
    server.name = QStringLiteral("db-%1").arg(i % 50);
    server.status = QStringLiteral("available");
    server.metadata = QJsonObject{
        {QStringLiteral("flavor"), QJsonObject{{QStringLiteral("name"), QStringLiteral("m1.large")}, {QStringLiteral("vcpus"), 4}}},
        {QStringLiteral("networks"), QJsonObject{{QStringLiteral("private"), QStringLiteral("10.0.0.12")}}},
        {QStringLiteral("boot_from_volume"), true}};
    sv::ProtectedResource volume;
    volume.type = QStringLiteral("OS::Cinder::Volume");
    volume.id = QStringLiteral("volume-%1").arg(i % 50);
    volume.name = QStringLiteral("db-data-%1").arg(i % 50);
    volume.parentType = server.type;
    volume.parentId = server.id;
    volume.status = QStringLiteral("available");
    volume.extraInfo = QJsonObject{{QStringLiteral("server_id"), server.id}, {QStringLiteral("device"), QStringLiteral("/dev/vda")},
                                   {QStringLiteral("boot_index"), 0}};
    volume.metadata = QJsonObject{{QStringLiteral("size_gb"), 100}, {QStringLiteral("volume_type"), QStringLiteral("ceph-ssd")}};
    volume.image = record;
    index.resources = {server, volume};
    return index;
}

int listCheckpoints(sv::BankService *service, const QString &location, int count, int runs)
{
    service->open(location, QCoreApplication::instance(), [=](std::shared_ptr<sv::Bank> bank, const QString &problem) {
        if (!bank) {
            std::fprintf(stderr, "%s\n", qPrintable(problem));
            return quit(1); // (the callback may come before the event loop runs)
        }
        std::thread([=] {
            sv::BankError error;
            QList<sv::CheckpointSummary> present;
            if (!bank->listCheckpoints(&present, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error.message));
                return quit(1);
            }
            if (present.size() < count) {
                QList<sv::ChunkRef> distinct;
                sv::ImageRecord record;
                qint64 peak = 0;
                if (!storeChunks(*bank, 16, &distinct, &error) || !writeList(*bank, 100 * 1024, distinct, &record, &peak, &error)) {
                    std::fprintf(stderr, "%s\n", qPrintable(error.message));
                    return quit(1);
                }
                std::atomic<int> next{int(present.size())};
                std::atomic_bool failed{false};
                std::vector<std::thread> writers;
                for (int t = 0; t < 8; ++t) {
                    writers.emplace_back([&] {
                        for (int i = next++; i < count && !failed; i = next++) {
                            sv::BankError writeError;
                            if (!bank->storeIndex(indexFor(i, record), &writeError)) {
                                std::fprintf(stderr, "%s\n", qPrintable(writeError.message));
                                failed = true;
                            }
                        }
                    });
                }
                for (std::thread &writer : writers)
                    writer.join();
                if (failed)
                    return quit(1);
            }
            for (int run = 0; run < runs; ++run) {
                // Nothing is cached between listings (FORMAT.md, "Checkpoint summaries").
                QList<sv::CheckpointSummary> listed;
                QElapsedTimer timer;
                timer.start();
                const bool ok = bank->listCheckpoints(&listed, &error);
                const double seconds = double(timer.nsecsElapsed()) / 1e9;
                const bool allRead = std::all_of(listed.cbegin(), listed.cend(), [](const sv::CheckpointSummary &s) {
                    return s.status == QLatin1String("available") && s.size == 100 * 1024 * MiB;
                });
                if (!ok || listed.size() < count || !allRead) {
                    std::fprintf(stderr, "listing failed: %s (%lld listed)\n", qPrintable(error.message), qlonglong(listed.size()));
                    return quit(1);
                }
                printJson(QJsonObject{{QStringLiteral("listed"), listed.size()}, {QStringLiteral("seconds"), seconds},
                                      {QStringLiteral("encrypted"), bank->keys().encrypted()}});
            }
            quit(0);
        }).detach();
    });
    return QCoreApplication::exec();
}

int listMemory(const QString &dir)
{
    sv::LocalBank bank(dir);
    sv::BankError error;
    QList<sv::ChunkRef> distinct;
    if (!bank.open(&error) || !storeChunks(bank, 64, &distinct, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs")); // resets VmHWM to the current RSS
    const bool reset = clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
    clearRefs.close();
    const qint64 baseKib = statusKib("VmRSS:");
    const qint64 chunks = 2 * 1024 * 1024;
    sv::ImageRecord record;
    qint64 writerPeak = 0;
    QElapsedTimer timer;
    timer.start();
    if (!writeList(bank, chunks, distinct, &record, &writerPeak, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const double writeSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    sv::LocalBank reader(dir);
    sv::ChunkListReader refs(&reader, record);
    sv::ChunkRef ref;
    qint64 bytes = 0;
    while (refs.next(&ref))
        bytes += ref.size;
    if (refs.error().isError() || refs.position() != chunks || bytes != chunks * MiB) {
        std::fprintf(stderr, "read back %lld refs: %s\n", qlonglong(refs.position()), qPrintable(refs.error().message));
        return 1;
    }
    const double readSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 peakKib = statusKib("VmHWM:");
    printJson(QJsonObject{{QStringLiteral("chunks"), chunks},
                          {QStringLiteral("parts"), record.listParts.size()},
                          {QStringLiteral("write_seconds"), writeSeconds},
                          {QStringLiteral("read_seconds"), readSeconds},
                          {QStringLiteral("writer_list_mib"), double(writerPeak) / MiB},
                          {QStringLiteral("reader_list_mib"), double(refs.peakBytesHeld()) / MiB},
                          {QStringLiteral("rss_growth_mib"), reset && baseKib > 0 ? double(peakKib - baseKib) / 1024 : -1.0}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    sv::initApplication(); // the CLI's settings, saved clouds and keychain entries
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bank"), QStringLiteral("Backup storage location."), QStringLiteral("location")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Checkpoints to list."), QStringLiteral("n"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Listings."), QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("list-memory"), QStringLiteral("2 TiB chunk list into a new bank in DIR."), QStringLiteral("dir")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("list-memory")))
        return listMemory(parser.value(QStringLiteral("list-memory")));
    if (!parser.isSet(QStringLiteral("bank"))) {
        std::fprintf(stderr, "--bank or --list-memory is needed\n");
        return 2;
    }
    auto *profiles = new sv::ProfileStore({}, &app);
    QString problem;
    if (!profiles->load(&problem)) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    auto *secrets = new sv::SecretStore(&app);
    auto *service = new sv::BankService(new sv::CloudSessions(profiles, secrets, &app), &app);
    service->setSecretStore(secrets);
    return listCheckpoints(service, parser.value(QStringLiteral("bank")), parser.value(QStringLiteral("count")).toInt(),
                           parser.value(QStringLiteral("runs")).toInt());
}
