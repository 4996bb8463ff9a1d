// Bank verbs: checkpoints, show, verify, delete, check, prune.
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "protection/checkpointdetails.h"
#include "protection/deletecheckpointjob.h"
#include "protection/verifyjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {
namespace {

// "passed 2026-12-05 14:03", "FAILED 2026-12-05 14:03" or "-" (never tested), UTC.
QString testedText(const sv::RestoreTestRecord &test)
{
    if (test.isEmpty())
        return QStringLiteral("-");
    return (test.passed ? QStringLiteral("passed ") : QStringLiteral("FAILED "))
        + test.testedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QJsonObject summaryJson(const sv::CheckpointSummary &summary)
{
    return QJsonObject{{QStringLiteral("id"), summary.id},
                       {QStringLiteral("server_id"), summary.serverId},
                       {QStringLiteral("server_name"), summary.serverName},
                       {QStringLiteral("created"), summary.created.toString(Qt::ISODate)},
                       {QStringLiteral("status"), summary.status},
                       {QStringLiteral("plan"), summary.plan},
                       {QStringLiteral("consistency"),
                        sv::ConsistencyText::token(sv::ConsistencyText::parse(summary.consistency))},
                       {QStringLiteral("size"), summary.size},
                       {QStringLiteral("stored_bytes"), summary.storedBytes},
                       {QStringLiteral("new_stored_bytes"), summary.newStoredBytes},
                       {QStringLiteral("error"), summary.errorMessage},
                       {QStringLiteral("restore_test"), summary.restoreTest.isEmpty()
                            ? QJsonValue(QJsonValue::Null) : QJsonValue(summary.restoreTest.toJson())}};
}

// One positional CHECKPOINT argument, or a usage error.
bool takeCheckpointId(const QCommandLineParser &parser, const QString &verb, QString *id)
{
    if (parser.positionalArguments().size() != 1) {
        err() << "stackvault-cli " << verb << ": give exactly one backup id (see `stackvault-cli checkpoints`)\n";
        CliCommand::finish(ExitUsage);
        return false;
    }
    *id = parser.positionalArguments().constFirst();
    return true;
}

void listCheckpoints(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the backups (checkpoints) in the backup storage."));
    parser.addOption({QStringLiteral("server"), QStringLiteral("Only backups of this server (name or id)."),
                      QStringLiteral("server")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("checkpoints"), arguments))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString server = parser.value(QStringLiteral("server"));
    withBank(parser, [json, server](const std::shared_ptr<sv::Bank> &bank) {
        QList<sv::CheckpointSummary> checkpoints;
        sv::BankError error;
        if (!bank->listCheckpoints(&checkpoints, &error)) {
            err() << error.message << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        if (!server.isEmpty())
            checkpoints.removeIf([&](const sv::CheckpointSummary &c) { return c.serverId != server && c.serverName != server; });
        if (json) {
            QJsonArray array;
            for (const auto &checkpoint : std::as_const(checkpoints))
                array.append(summaryJson(checkpoint));
            printJson(array);
            return CliCommand::finish(ExitOk);
        }
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                     .arg(QStringLiteral("ID").leftJustified(36), QStringLiteral("SERVER").leftJustified(16),
                          QStringLiteral("CREATED (UTC)").leftJustified(19), QStringLiteral("STATUS").leftJustified(10),
                          QStringLiteral("CONSISTENCY").leftJustified(17), QStringLiteral("SIZE").rightJustified(10),
                          QStringLiteral("STORED NEW").rightJustified(10), QStringLiteral("RESTORE TEST (UTC)"));
        for (const auto &c : std::as_const(checkpoints)) {
            const QString consistency = sv::ConsistencyText::label(sv::ConsistencyText::parse(c.consistency));
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                         .arg(c.id.leftJustified(36), c.serverName.leftJustified(16),
                              c.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), c.status.leftJustified(10),
                              consistency.leftJustified(17), humanBytes(c.size).rightJustified(10),
                              humanBytes(c.newStoredBytes).rightJustified(10), testedText(c.restoreTest));
        }
        out() << (bank->keys().encrypted()
                      ? QStringLiteral("Backup storage %1: encrypted (AES-256-GCM).\n").arg(bank->location())
                      : QStringLiteral("Backup storage %1: not encrypted.\n").arg(bank->location()));
        CliCommand::finish(ExitOk);
    });
}

void showCheckpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show one backup's index: resources, metadata, images."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("show"), arguments))
        return;
    QString id;
    if (!takeCheckpointId(parser, QStringLiteral("show"), &id))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [json, id](std::shared_ptr<sv::Bank> bank) {
        sv::CheckpointIndex index;
        sv::BankError error;
        if (!bank->checkpoint(id, &index, &error)) {
            err() << error.message << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        if (json) {
            printJson(QJsonDocument::fromJson(index.toJson()).object());
            return CliCommand::finish(ExitOk);
        }
        const sv::CheckpointDetails details = sv::CheckpointDetails::fromIndex(index);
        const QString indent(13, QLatin1Char(' '));
        out() << "Backup       " << details.id << '\n'
              << "Server       " << details.serverName << " (" << details.serverId << ")\n"
              << "Cloud        " << (details.cloud.isEmpty() ? QStringLiteral("(not recorded)") : details.cloud)
              << (details.region.isEmpty() ? QString() : QStringLiteral(", region ") + details.region) << '\n'
              << "Created      " << details.created.toUTC().toString(Qt::ISODate) << '\n'
              << "Status       " << details.status
              << (details.errorMessage.isEmpty() ? QString() : QStringLiteral(": ") + details.errorMessage) << '\n'
              << (index.plan.isEmpty() ? QString() : QStringLiteral("Plan         %1\n").arg(index.plan))
              << "Restore test "
              << (index.restoreTest.isEmpty()
                      ? QStringLiteral("never (stackvault-cli test-restore)")
                      : QStringLiteral("%1 UTC, in cloud %2%3%4")
                            .arg(testedText(index.restoreTest), index.restoreTest.cloud,
                                 index.restoreTest.marker.isEmpty() ? QString()
                                                                    : QStringLiteral(", marker \"%1\"").arg(index.restoreTest.marker),
                                 index.restoreTest.message.isEmpty() ? QString() : QStringLiteral(": ") + index.restoreTest.message))
              << '\n'
              << "Consistency  " << sv::ConsistencyText::labelWithNote(details.consistency, details.requiresQuiesce) << '\n'
              << indent << sv::ConsistencyText::explanation(details.consistency, details.requiresQuiesce) << '\n'
              << "Server data  "
              << (!details.includeData      ? "original image only"
                      : details.bootFromVolume ? "included (snapshots taken first; the server boots from a volume)"
                                               : "included (snapshot taken first)")
              << '\n';
        // The saved volumes, one a line: name, size, device, type (the boot volume says so).
        for (qsizetype i = 0; i < details.volumes.size(); ++i) {
            const sv::SavedVolume &volume = details.volumes.at(i);
            QStringList facts{QStringLiteral("%1 GiB").arg(volume.sizeGb)};
            if (!volume.device.isEmpty())
                facts.append(volume.device);
            if (!volume.volumeType.isEmpty())
                facts.append(QStringLiteral("type ") + volume.volumeType);
            if (volume.bootIndex == 0)
                facts.append(QStringLiteral("boot volume"));
            out() << (i == 0 ? QStringLiteral("Volumes      ") : indent) << volume.label() << " (" << facts.join(QStringLiteral(", "))
                  << "; saved: " << humanBytes(volume.bytes) << ")\n";
        }
        if (!details.volumesNotIncluded.isEmpty())
            out() << (details.volumes.isEmpty() ? QStringLiteral("Volumes      ") : indent)
                  << sv::volumesNotIncludedSentence(details.volumesNotIncludedLabels()) << '\n';
        out() << "Size         " << humanBytes(details.size) << " (stored: " << humanBytes(details.storedBytes)
              << ", new in this backup: " << humanBytes(details.newStoredBytes) << ")\n";
        CliCommand::finish(ExitOk);
    });
}

void verifyCheckpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Re-read every chunk of a backup, re-hash it and recompute each image's sha512."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("verify"), arguments))
        return;
    QString id;
    if (!takeCheckpointId(parser, QStringLiteral("verify"), &id))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [json, id](std::shared_ptr<sv::Bank> bank) {
        runJob(new sv::VerifyJob(bank, id), json);
    });
}

void deleteCheckpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delete a backup, then remove the stored chunks no other backup uses."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("delete"), arguments))
        return;
    QString id;
    if (!takeCheckpointId(parser, QStringLiteral("delete"), &id))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [json, id](std::shared_ptr<sv::Bank> bank) {
        runJobThen(new sv::DeleteCheckpointJob(bank, id, QStringLiteral("Delete backup %1").arg(id)),
                   [json](const sv::JobResult &result) {
                       if (result.outcome != sv::JobOutcome::Succeeded) {
                           err() << result.message << Qt::endl;
                           return CliCommand::finish(ExitFailure);
                       }
                       if (json) {
                           const QVariantMap &data = result.data;
                           printJson(QJsonObject{{QStringLiteral("deleted"), data.value(QStringLiteral("checkpoint_id")).toString()},
                                                 {QStringLiteral("gc_done"), data.value(QStringLiteral("gc_done")).toBool()},
                                                 {QStringLiteral("chunks_removed"), data.value(QStringLiteral("chunks_removed")).toLongLong()},
                                                 {QStringLiteral("bytes_freed"), data.value(QStringLiteral("bytes_freed")).toLongLong()}});
                       } else {
                           out() << result.message << '\n';
                       }
                       CliCommand::finish(ExitOk);
                   });
    });
}

void checkBank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check the whole backup storage: every backup's chunks exist and hash right; report orphan chunks."));
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Only check that chunks exist (no re-hashing).")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("check"), arguments))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool deep = !parser.isSet(QStringLiteral("quick"));
    withBank(parser, [json, deep](std::shared_ptr<sv::Bank> bank) {
        sv::CheckReport report;
        sv::BankError error;
        if (!bank->check(&report, &error, deep)) {
            err() << error.message << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        QStringList problems = report.unreadableIndexes;
        for (const auto &problem : std::as_const(report.problems))
            problems.append(problem.error.message);
        problems.append(report.damagedSummaries);
        if (json) {
            printJson(QJsonObject{{QStringLiteral("ok"), report.ok()},
                                  {QStringLiteral("checkpoints"), report.checkpoints},
                                  {QStringLiteral("chunks_referenced"), report.chunksReferenced},
                                  {QStringLiteral("orphan_chunks"), qint64(report.orphans.size())},
                                  {QStringLiteral("orphan_bytes"), report.orphanBytes},
                                  {QStringLiteral("orphan_list_parts"), report.orphanListParts},
                                  {QStringLiteral("summary_objects"), report.summaryObjects},
                                  {QStringLiteral("damaged_summary_objects"),
                                   QJsonArray::fromStringList(report.damagedSummaries)},
                                  {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}});
        } else {
            out() << report.checkpoints << " backups, " << report.chunksReferenced << " chunks referenced, "
                  << report.orphans.size() << " orphan chunks (" << humanBytes(report.orphanBytes)
                  << (report.orphanListParts > 0 ? QStringLiteral(", %1 unused chunk list parts").arg(report.orphanListParts)
                                                 : QString())
                  << "; `stackvault-cli prune` removes them).\n";
            for (const QString &problem : std::as_const(problems))
                err() << "problem: " << problem << '\n';
            out() << (report.ok() ? "Backup storage is consistent.\n" : "Backup storage has problems.\n");
        }
        CliCommand::finish(report.ok() ? ExitOk : ExitFailure);
    });
}

void pruneBank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tidy the backup storage after a crash: mark interrupted backups as failed, finish interrupted "
        "deletes, remove temporary files and chunks no backup uses."));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("prune"), arguments))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [json](std::shared_ptr<sv::Bank> bank) {
        sv::PruneReport report;
        sv::BankError error;
        if (!bank->prune(&report, &error)) {
            err() << error.message << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
        if (json) {
            printJson(QJsonObject{{QStringLiteral("interrupted_marked_error"), report.interruptedMarkedError},
                                  {QStringLiteral("unfinished_deletes_removed"), report.unfinishedDeletesRemoved},
                                  {QStringLiteral("temporaries_removed"), report.temporariesRemoved},
                                  {QStringLiteral("chunks_removed"), report.gc.chunksRemoved},
                                  {QStringLiteral("bytes_freed"), report.gc.bytesFreed}});
        } else {
            out() << "Interrupted backups marked failed: " << report.interruptedMarkedError
                  << "; unfinished deletes completed: " << report.unfinishedDeletesRemoved
                  << "; temporary files removed: " << report.temporariesRemoved << "; chunks removed: "
                  << report.gc.chunksRemoved << " (" << humanBytes(report.gc.bytesFreed) << ").\n";
        }
        CliCommand::finish(ExitOk);
    });
}

const CliCommandRegistration checkpointsVerb{
    {QStringLiteral("checkpoints"), QStringLiteral("list backups in the backup storage"), listCheckpoints}};
const CliCommandRegistration showVerb{{QStringLiteral("show"), QStringLiteral("show one backup"), showCheckpoint}};
const CliCommandRegistration verifyVerb{
    {QStringLiteral("verify"), QStringLiteral("re-read and re-hash a backup"), verifyCheckpoint}};
const CliCommandRegistration deleteVerb{
    {QStringLiteral("delete"), QStringLiteral("delete a backup and free its space"), deleteCheckpoint}};
const CliCommandRegistration checkVerb{
    {QStringLiteral("check"), QStringLiteral("check the whole backup storage"), checkBank}};
const CliCommandRegistration pruneVerb{
    {QStringLiteral("prune"), QStringLiteral("tidy the backup storage after a crash"), pruneBank}};

} // namespace
} // namespace cli
