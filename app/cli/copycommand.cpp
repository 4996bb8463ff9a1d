// The copy verb: one backup from one backup storage into another.
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "protection/bankservice.h"
#include "protection/copycheckpointjob.h"
#include "util/appsettings.h"

namespace cli {
namespace {

// The target's passphrase for unattended runs; the source's is STACKVAULT_BANK_PASSPHRASE, as for every
// other command. README ("Copying a backup to another storage") says the risk.
constexpr const char *TargetPassphraseVariable = "STACKVAULT_TARGET_BANK_PASSPHRASE";

void copy(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Copy one backup into another backup storage (a folder, swift:CLOUD/CONTAINER or "
                       "s3:PROFILE/BUCKET on either side). Only the chunks the target lacks are stored there, "
                       "sealed with the target's own key; every chunk read is verified, and each image's size and "
                       "sha512 must come out equal before the copy is committed. A backup the target already has "
                       "is not copied again. Passphrases: the source's from %1, the target's from %2, else each "
                       "storage's keychain entry, else asked on standard input (source first).")
            .arg(QString::fromLatin1(sv::BankService::PassphraseVariable),
                 QString::fromLatin1(TargetPassphraseVariable)));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("The backup storage to copy from: a folder, swift:CLOUD/CONTAINER or "
                                     "s3:PROFILE/BUCKET; it must exist (default: the one in the settings, %1).")
                          .arg(sv::AppSettings::instance()->bankLocation()),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("The backup storage to copy into (required); made if missing, encrypted "
                                     "unless --no-encryption."),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("no-encryption"),
                      QStringLiteral("When the target storage does not exist yet, make it without encryption (not "
                                     "recommended: anyone who can read it reads the disks). Existing storage keeps "
                                     "what it has.")});
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("copy"), arguments))
        return;
    if (parser.positionalArguments().size() != 1) {
        err() << "stackvault-cli copy: give exactly one backup id (see `stackvault-cli checkpoints --bank FROM`)\n";
        return CliCommand::finish(ExitUsage);
    }
    if (!parser.isSet(QStringLiteral("to"))) {
        err() << "stackvault-cli copy: --to is required (the backup storage to copy into)\n";
        return CliCommand::finish(ExitUsage);
    }
    const QString id = parser.positionalArguments().constFirst();
    const QString from = parser.isSet(QStringLiteral("from")) ? parser.value(QStringLiteral("from"))
                                                               : sv::AppSettings::instance()->bankLocation();
    const QString to = parser.value(QStringLiteral("to"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool encryptNew = !parser.isSet(QStringLiteral("no-encryption"));

    sv::BankService::OpenOptions sourceOptions;
    sourceOptions.mustExist = true;
    sv::BankService::OpenOptions targetOptions;
    targetOptions.passphraseVariable = TargetPassphraseVariable;
    // One after the other: each may ask its passphrase on standard input, naming its storage.
    withBankAt(from, false, sourceOptions,
               QStringLiteral("The source backup storage %1 cannot be opened: ").arg(from),
               [=](std::shared_ptr<sv::Bank> source) {
                   withBankAt(to, encryptNew, targetOptions,
                              QStringLiteral("The target backup storage %1 cannot be opened: ").arg(to),
                              [=](std::shared_ptr<sv::Bank> target) {
                                  runJob(new sv::CopyCheckpointJob(source, target, id), json);
                              });
               });
}

const CliCommandRegistration copyVerb{
    {QStringLiteral("copy"), QStringLiteral("copy a backup into another backup storage"), copy}};

} // namespace
} // namespace cli
