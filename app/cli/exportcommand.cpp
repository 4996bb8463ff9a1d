// The export verb: a backup's disks into raw or qcow2 files.
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "protection/exportjob.h"

namespace cli {
namespace {

void exportCheckpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a backup's disks into files: the root disk and each saved volume, one file each. Every byte is "
        "checked against the backup's hashes while it is written; zeros are left as holes (sparse files). The "
        "files appear under their names only once all of them are complete and verified; a failure or Ctrl-C "
        "removes what was written. With several disks, FILE names the root disk and each volume goes into "
        "BASE-VOLUME.SUFFIX beside it; into a folder, each disk goes into SERVER-root.FORMAT and "
        "SERVER-VOLUME.FORMAT. Converting between formats (a qcow2 snapshot as raw, a raw disk as qcow2) needs "
        "qemu-img (Debian package qemu-utils)."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    parser.addOption({QStringList{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("The file to write, or an existing folder to write every disk into (required)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("raw (the default) or qcow2."),
                      QStringLiteral("format"), QStringLiteral("raw")});
    parser.addOption({QStringLiteral("resource"),
                      QStringLiteral("Export only this disk: the id or name of the backup's image or one of its "
                                     "volumes (`stackvault-cli show ID` lists them)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("Replace files that exist already.")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("export"), arguments))
        return;
    if (parser.positionalArguments().size() != 1) {
        err() << "stackvault-cli export: give exactly one backup id (see `stackvault-cli checkpoints`)\n";
        return CliCommand::finish(ExitUsage);
    }
    if (parser.value(QStringLiteral("output")).isEmpty()) {
        err() << "stackvault-cli export: --output is required (a file, or a folder for every disk)\n";
        return CliCommand::finish(ExitUsage);
    }
    sv::ExportRequest request;
    request.checkpointId = parser.positionalArguments().constFirst();
    request.output = parser.value(QStringLiteral("output"));
    request.resourceId = parser.value(QStringLiteral("resource"));
    request.overwrite = parser.isSet(QStringLiteral("force"));
    if (!sv::ExportJob::parseFormat(parser.value(QStringLiteral("format")), &request.format)) {
        err() << "stackvault-cli export: --format is raw or qcow2, not '" << parser.value(QStringLiteral("format"))
              << "'\n";
        return CliCommand::finish(ExitUsage);
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    // Only read from: a storage that does not exist is an error, not made.
    sv::BankService::OpenOptions options;
    options.mustExist = true;
    const QString location = bankLocation(parser);
    withBankAt(location, true, options, QStringLiteral("The backup storage %1 cannot be opened: ").arg(location),
               [json, request](std::shared_ptr<sv::Bank> bank) { runJob(new sv::ExportJob(bank, request), json); });
}

const CliCommandRegistration exportVerb{
    {QStringLiteral("export"), QStringLiteral("write a backup's disks into raw or qcow2 files"), exportCheckpoint}};

} // namespace
} // namespace cli
