#include "clisupport.h"

#include "bank/bank.h"
#include "clicommand.h"
#include "jobs/jobmanager.h"
#include "openstack/connection.h"
#include "openstack/error.h"
#include "openstack/session.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "protection/bankservice.h"
#include "protection/leftoversweep.h"
#include "protection/sweepjob.h"
#include "util/appsettings.h"
#include "util/datasize.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <termios.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cli {

namespace {
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
} // namespace

// SIGINT/SIGTERM become a call of `handler` in the event loop (self-pipe), so that a job cancelled from
// the terminal still deletes its temporary snapshot. One handler per process.
void installInterruptHandler(QObject *context, std::function<void()> handler)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [handler = std::move(handler)] {
        char byte;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        err() << "\nCancelling… (cleaning up)" << Qt::endl;
        handler();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

namespace {
void installCancelHandler(sv::JobManager *manager)
{
    installInterruptHandler(manager, [manager] { manager->cancelAll(); });
}

// A job's result: its sentence (on stdout when it succeeded, else on stderr with the details), or one
// JSON line {"event": EVENT, "ok", "message", "details"?, ...the result's data}.
bool showDetails = false; // --verbose or --debug: a failed job's details (the cloud's own words) too

void printResult(const sv::JobResult &result, bool json, const QString &event)
{
    const bool ok = result.outcome == sv::JobOutcome::Succeeded;
    if (json) {
        QJsonObject object = QJsonObject::fromVariantMap(result.data);
        object.insert(QStringLiteral("event"), event);
        object.insert(QStringLiteral("ok"), ok);
        object.insert(QStringLiteral("message"), result.message);
        if (!result.details.isEmpty())
            object.insert(QStringLiteral("details"), result.details);
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    (ok ? out() : err()) << result.message << Qt::endl;
    if (!ok && showDetails && !result.details.isEmpty())
        err() << result.details << Qt::endl;
}

QString formatEta(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    return QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

bool parseArguments(QCommandLineParser &parser, const QString &verb, const QStringList &arguments)
{
    parser.addHelpOption();
    addLogOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("stackvault-cli ") + verb} + arguments)) {
        err() << "stackvault-cli " << verb << ": " << parser.errorText() << "\n\n" << helpText(parser, verb);
        CliCommand::finish(ExitUsage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpText(parser, verb);
        CliCommand::finish(ExitOk);
        return false;
    }
    applyLogOptions(parser);
    return true;
}

QString helpText(const QCommandLineParser &parser, const QString &verb)
{
    QString text = parser.helpText();
    // Its first line is "Usage: <the path the binary was started from> [options] …".
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), QStringLiteral("stackvault-cli ") + verb);
    return text;
}

void addLogOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("verbose"),
                      QStringLiteral("Also print StackVault's log (warnings and notes: retries, re-authentication) and, "
                                     "when a command fails, the cloud's own words about it.")});
    parser.addOption({QStringLiteral("debug"),
                      QStringLiteral("Print every log line, each HTTP request included (secrets are redacted).")});
}

namespace {
void setLogRules(bool verbose, bool debug)
{
    showDetails = verbose || debug || qEnvironmentVariableIntValue("STACKVAULT_DEBUG") != 0;
    if (debug || qEnvironmentVariableIntValue("STACKVAULT_DEBUG") != 0)
        QLoggingCategory::setFilterRules(QStringLiteral("stackvault.*=true"));
    else if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("stackvault.*=true\nstackvault.*.debug=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("stackvault.*=false\nstackvault.*.critical=true"));
}
} // namespace

void applyLogOptions(const QCommandLineParser &parser)
{
    setLogRules(parser.isSet(QStringLiteral("verbose")), parser.isSet(QStringLiteral("debug")));
}

void hideCoreLog()
{
    setLogRules(false, false);
}

void addBankOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("bank"),
                      QStringLiteral("Backup storage: a local folder, swift:CLOUD/CONTAINER for a Swift container of a "
                                     "saved cloud, or s3:PROFILE/BUCKET for a bucket of a saved S3 profile "
                                     "(stackvault-cli s3) (default: the one in the settings, %1).")
                          .arg(sv::AppSettings::instance()->bankLocation()),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("no-encryption"),
                      QStringLiteral("When the backup storage does not exist yet, make it without encryption (not "
                                     "recommended: anyone who can read it reads the disks). Existing storage keeps "
                                     "what it has.")});
}

void addJsonOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON for scripts.")});
}

sv::CloudSessions *cloudSessions()
{
    // One profile store, keyring and session cache per process: a Swift bank, the sweep and a backup
    // of the same cloud share one token.
    static sv::CloudSessions *sessions = nullptr;
    if (!sessions) {
        auto *app = QCoreApplication::instance();
        auto *profiles = new sv::ProfileStore({}, app);
        QString error;
        if (!profiles->load(&error)) {
            err() << error << Qt::endl;
            CliCommand::finish(ExitFailure);
            return nullptr;
        }
        sessions = new sv::CloudSessions(profiles, new sv::SecretStore(app), app);
    }
    return sessions;
}

void withSession(const QString &cloud, std::function<void(std::shared_ptr<sv::openstack::Session>)> next)
{
    sv::CloudSessions *sessions = cloudSessions();
    if (!sessions)
        return;
    sessions->acquire(cloud, QCoreApplication::instance(),
                      [next = std::move(next)](std::shared_ptr<sv::openstack::Session> session, const QString &problem) {
                          if (!session) {
                              err() << problem << Qt::endl;
                              return CliCommand::finish(ExitFailure);
                          }
                          next(std::move(session));
                      });
}

void authenticateThen(const std::shared_ptr<sv::openstack::Session> &session, std::function<void()> next)
{
    auto *connection = new sv::openstack::Connection(session, QCoreApplication::instance());
    connection->ensureAuthenticated(sv::openstack::ServiceType::Compute, connection,
                                    [connection, next = std::move(next)](const sv::openstack::Error &) {
                                        connection->deleteLater();
                                        next();
                                    });
}

QByteArray askNewPassphrase(const QString &what)
{
    const QString first = readSecretFromStdin(QStringLiteral("New passphrase for %1: ").arg(what), false);
    if (first.isEmpty())
        return {};
    if (::isatty(STDIN_FILENO)) {
        const QString again = readSecretFromStdin(QStringLiteral("The same passphrase again: "), false);
        if (again != first) {
            err() << "The two passphrases differ." << Qt::endl;
            return {};
        }
    }
    return first.toUtf8();
}

namespace {

void askBankPassphrase(const sv::BankService::PassphraseRequest &request, sv::BankService::PassphraseAnswer answer)
{
    if (!request.problem.isEmpty())
        err() << request.problem << Qt::endl;
    if (request.newBank) {
        err() << "The new backup storage " << request.location
              << " will be encrypted. Its passphrase cannot be recovered: without it the backups cannot be read."
              << Qt::endl;
        const QByteArray passphrase = askNewPassphrase(request.location);
        return answer(!passphrase.isEmpty(), passphrase);
    }
    // Asked once per wrong answer on a terminal; a piped passphrase is not asked for again.
    if (!request.problem.isEmpty() && !::isatty(STDIN_FILENO))
        return answer(false, {});
    const QString passphrase = readSecretFromStdin(QStringLiteral("Passphrase for %1: ").arg(request.location), false);
    answer(!passphrase.isEmpty(), passphrase.toUtf8());
}

} // namespace

QString bankLocation(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("bank")) ? parser.value(QStringLiteral("bank"))
                                                : sv::AppSettings::instance()->bankLocation();
}

void withBank(const QCommandLineParser &parser, std::function<void(std::shared_ptr<sv::Bank>)> next)
{
    withBankAt(bankLocation(parser), !parser.isSet(QStringLiteral("no-encryption")), sv::BankService::OpenOptions(),
               QString(), std::move(next));
}

void withBankAt(const QString &location, bool encryptNew, const sv::BankService::OpenOptions &options,
                const QString &what, std::function<void(std::shared_ptr<sv::Bank>)> next,
                std::function<void(const QString &error)> failed)
{
    if (const QString problem = sv::BankService::locationError(location); !problem.isEmpty()) {
        err() << problem << Qt::endl;
        if (failed)
            return failed(what + problem);
        return CliCommand::finish(ExitUsage);
    }
    sv::CloudSessions *sessions = cloudSessions();
    if (!sessions)
        return;
    static auto *banks = [] {
        auto *service = new sv::BankService(cloudSessions(), QCoreApplication::instance());
        service->setSecretStore(new sv::SecretStore(QCoreApplication::instance()));
        service->setPassphrasePrompt(askBankPassphrase);
        return service;
    }();
    banks->setEncryptNewBanks(encryptNew);
    banks->open(
        location, QCoreApplication::instance(),
        [what, next = std::move(next), failed = std::move(failed)](std::shared_ptr<sv::Bank> bank, const QString &error) {
            if (!bank) {
                err() << what << error << Qt::endl;
                if (failed)
                    return failed(what + error);
                return CliCommand::finish(ExitFailure);
            }
            next(std::move(bank));
        },
        options);
}

void sweepCloudThen(const std::shared_ptr<sv::Bank> &bank, const std::shared_ptr<sv::openstack::Session> &session,
                    bool json, std::function<void()> next)
{
    sv::LeftoverSweep::prepare(
        bank, cloudSessions(), session->profile().id, QCoreApplication::instance(),
        [json, next = std::move(next)](sv::SweepJob *job, const QStringList &problems) {
            for (const QString &problem : problems)
                err() << problem << Qt::endl;
            if (!job)
                return next();
            runJobThen(job, [json, next](const sv::JobResult &result) {
                printResult(result, json, QStringLiteral("swept"));
                next();
            });
        });
}

void runJobThen(sv::Job *job, std::function<void(const sv::JobResult &result)> done)
{
    auto *manager = new sv::JobManager(QCoreApplication::instance());
    QObject::connect(manager, &sv::JobManager::jobFinished, manager,
                     [manager, done = std::move(done)](int, const sv::JobResult &result) {
                         manager->deleteLater();
                         done(result);
                     });
    manager->enqueue(job);
}

QString readSecretFromStdin(const QString &prompt, bool wholeInputWhenPiped)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return QString();
    if (isatty(STDIN_FILENO)) {
        err() << prompt << Qt::flush;
        termios saved {};
        const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
        if (haveTerminal) {
            termios silent = saved;
            silent.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
        }
        QByteArray line = input.readLine();
        if (haveTerminal)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << "\n" << Qt::flush;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    }
    QByteArray all = wholeInputWhenPiped ? input.readAll() : input.readLine();
    // `echo pw |` and here-strings add one newline; a password may legitimately end in spaces.
    if (all.endsWith('\n'))
        all.chop(1);
    if (all.endsWith('\r'))
        all.chop(1);
    return QString::fromUtf8(all);
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

QString humanBytes(qint64 bytes)
{
    return sv::formatDataSize(bytes, QLocale::c());
}

void runJob(sv::Job *job, bool json)
{
    auto *manager = new sv::JobManager(QCoreApplication::instance());
    installCancelHandler(manager);
    const bool terminal = ::isatty(STDERR_FILENO) && !json;
    auto lastStage = std::make_shared<sv::JobStage>(sv::JobStage::Queued);
    QObject::connect(manager, &sv::JobManager::jobProgress, manager,
                     [terminal, json, lastStage](int, const sv::JobProgress &progress) {
        if (json) {
            if (progress.stage != *lastStage) {
                out() << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("stage")},
                                                   {QStringLiteral("stage"), sv::stageName(progress.stage)}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
                out().flush();
            }
        } else if (terminal) {
            const int percent = progress.percent();
            const int width = 30;
            const int filled = percent < 0 ? 0 : percent * width / 100;
            err() << '\r' << sv::stageText(progress.stage).leftJustified(20).left(20) << " ["
                  << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char(' ')) << "] "
                  << (percent < 0 ? QStringLiteral("   ") : QStringLiteral("%1%").arg(percent, 3)) << ' '
                  << humanBytes(qint64(progress.bytesPerSecond)) << "/s ETA " << formatEta(progress.etaSeconds)
                  << "   ";
            err().flush();
        } else if (progress.stage != *lastStage && progress.stage != sv::JobStage::Done) {
            // "Done" needs no line of its own: the result's sentence follows at once.
            err() << sv::stageText(progress.stage) << "…" << Qt::endl;
        }
        *lastStage = progress.stage;
    });
    QObject::connect(manager, &sv::JobManager::jobFinished, manager,
                     [manager, terminal, json](int, const sv::JobResult &result) {
        if (terminal)
            err() << '\n';
        const bool ok = result.outcome == sv::JobOutcome::Succeeded;
        printResult(result, json, QStringLiteral("finished"));
        // The process ends once the manager has ended the job's thread, while events are still delivered.
        QObject::connect(manager, &QObject::destroyed, [ok] { CliCommand::finish(ok ? ExitOk : ExitFailure); });
        manager->deleteLater();
    });
    manager->enqueue(job);
}

// The user's sentence plus the keyring's own words, which help whoever sets up the desktop session.
QString keyringProblem(const sv::SecretResult &result)
{
    return result.detail.isEmpty() ? result.message
                                   : result.message + QStringLiteral(" (") + result.detail + u')';
}

} // namespace cli
