// stackvault-cli forget: apply a retention policy (restic's --keep-* flags) to the backup storage.
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "protection/forgetjob.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cli {
namespace {

QString flagHelp(const QString &flag)
{
    if (flag == QLatin1String("keep-last"))
        return QStringLiteral("Keep the newest N backups.");
    if (flag == QLatin1String("keep-hourly"))
        return QStringLiteral("Keep the newest backup of each of the last N hours that have one.");
    if (flag == QLatin1String("keep-daily"))
        return QStringLiteral("Keep the newest backup of each of the last N days that have one.");
    if (flag == QLatin1String("keep-weekly"))
        return QStringLiteral("Keep the newest backup of each of the last N ISO weeks that have one.");
    if (flag == QLatin1String("keep-monthly"))
        return QStringLiteral("Keep the newest backup of each of the last N months that have one.");
    if (flag == QLatin1String("keep-yearly"))
        return QStringLiteral("Keep the newest backup of each of the last N years that have one.");
    return QStringLiteral("Keep every backup newer than the newest one minus DURATION (e.g. 30d, 6m, 1y5m7d2h).");
}

void forget(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Remove the backups a retention policy does not keep (restic's forget --keep-* rules, applied to each "
        "server's backups separately, in UTC), then free the space they alone used. Only complete backups "
        "count; unfinished and failed ones are neither counted nor removed. The newest backup of a server is "
        "always kept."));
    for (const QString &flag : sv::RetentionPolicy::flagNames())
        parser.addOption({flag, flagHelp(flag), flag == QLatin1String("keep-within") ? QStringLiteral("duration") : QStringLiteral("n")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("Only backups of this server (name or id); may be given several times."),
                      QStringLiteral("server")});
    parser.addOption({QStringLiteral("plan"),
                      QStringLiteral("Only backups this plan made (--plan \"\": only backups made by hand)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Only say what would be kept and removed.")});
    parser.addOption({QStringLiteral("prune"),
                      QStringLiteral("Afterwards, prune the backup storage (as `stackvault-cli prune`) instead of "
                                     "only removing the chunks no backup uses.")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("forget"), arguments))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << "stackvault-cli forget: unexpected argument \"" << parser.positionalArguments().constFirst()
              << "\"; to delete one backup use `stackvault-cli delete ID`\n";
        return CliCommand::finish(ExitUsage);
    }
    sv::ForgetRequest request;
    for (const QString &flag : sv::RetentionPolicy::flagNames()) {
        if (!parser.isSet(flag))
            continue;
        QString why;
        if (!request.policy.setFlag(flag, parser.value(flag), &why)) {
            err() << "stackvault-cli forget: " << why << '\n';
            return CliCommand::finish(ExitUsage);
        }
    }
    if (request.policy.isEmpty()) {
        err() << "stackvault-cli forget: no retention policy given, refusing to remove every backup. Give at least one "
                 "of --keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly, --keep-yearly (above 0) "
                 "or --keep-within (a duration such as 30d).\n";
        return CliCommand::finish(ExitUsage);
    }
    request.servers = parser.values(QStringLiteral("server"));
    if (parser.isSet(QStringLiteral("plan")))
        request.plan = parser.value(QStringLiteral("plan"));
    request.dryRun = parser.isSet(QStringLiteral("dry-run"));
    request.prune = parser.isSet(QStringLiteral("prune"));
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [request, json](std::shared_ptr<sv::Bank> bank) mutable {
        request.bank = std::move(bank);
        runJobThen(new sv::ForgetJob(request), [json](const sv::JobResult &result) {
            const QVariantMap &data = result.data;
            if (result.outcome != sv::JobOutcome::Succeeded) {
                if (json)
                    printJson(QJsonObject{{QStringLiteral("ok"), false},
                                          {QStringLiteral("error"), result.message},
                                          {QStringLiteral("removed_ids"), QJsonArray::fromStringList(data.value(QStringLiteral("removed_ids")).toStringList())}});
                else
                    err() << result.message << (result.details.isEmpty() ? QString() : QStringLiteral("\n") + result.details)
                          << Qt::endl;
                return CliCommand::finish(ExitFailure);
            }
            const QVariantList decisions = data.value(QStringLiteral("decisions")).toList();
            if (json) {
                QJsonObject object = QJsonObject::fromVariantMap(data);
                object.insert(QStringLiteral("ok"), true);
                object.remove(QStringLiteral("decisions"));
                object.insert(QStringLiteral("checkpoints"), QJsonArray::fromVariantList(decisions));
                printJson(object);
                return CliCommand::finish(ExitOk);
            }
            // One block per server, newest first, as restic prints its groups.
            QStringList servers;
            QHash<QString, QList<QVariantMap>> byServer;
            for (qsizetype i = decisions.size() - 1; i >= 0; --i) {
                const QVariantMap d = decisions.at(i).toMap();
                const QString server = d.value(QStringLiteral("server_id")).toString();
                if (!byServer.contains(server))
                    servers.append(server);
                byServer[server].append(d);
            }
            for (const QString &server : std::as_const(servers)) {
                const QList<QVariantMap> &rows = byServer.value(server);
                out() << "Server " << rows.constFirst().value(QStringLiteral("server_name")).toString() << " (" << server
                      << "):\n";
                for (const QVariantMap &d : rows) {
                    const bool keep = d.value(QStringLiteral("keep")).toBool();
                    const bool counted = d.value(QStringLiteral("counted")).toBool();
                    const QString verdict = !counted ? QStringLiteral("skip") : keep ? QStringLiteral("keep") : QStringLiteral("remove");
                    const QString created = QDateTime::fromString(d.value(QStringLiteral("created")).toString(), Qt::ISODate)
                                                .toUTC()
                                                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                    const QString plan = d.value(QStringLiteral("plan")).toString();
                    out() << "  " << verdict.leftJustified(7) << created << "  "
                          << d.value(QStringLiteral("checkpoint_id")).toString().leftJustified(36)
                          << (plan.isEmpty() ? QString() : QStringLiteral("  plan ") + plan) << "  "
                          << d.value(QStringLiteral("reasons")).toStringList().join(QStringLiteral(", ")) << '\n';
                }
            }
            out() << result.message << '\n';
            CliCommand::finish(ExitOk);
        });
    });
}

const CliCommandRegistration forgetVerb{
    {QStringLiteral("forget"), QStringLiteral("remove the backups a retention policy does not keep"), forget}};

} // namespace
} // namespace cli
