#pragma once

#include "bank/bankerror.h"
#include "jobs/jobprogress.h"
#include "protection/bankservice.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QObject>

#include <functional>
#include <memory>

namespace sv {
struct SecretResult;
class Bank;
class CloudSessions;
class Job;
class JobManager;
namespace openstack {
class Session;
}
} // namespace sv

namespace cli {

// Parses a verb's arguments (adding --help, --verbose and --debug) and applies the log options. Returns
// false when the verb is done: --help printed its help (exit code 0), or a usage error was printed
// with the help (exit code 2); the process's exit is already requested.
bool parseArguments(QCommandLineParser &parser, const QString &verb, const QStringList &arguments);
// The verb's help, headed `Usage: stackvault-cli VERB [options]` (QCommandLineParser would name the
// binary by the path it was started from).
QString helpText(const QCommandLineParser &parser, const QString &verb);

// The core's log lines (the stackvault.* categories) are for finding bugs, not for users: by default a
// command prints only its own sentences. `--verbose` shows the core's warnings and notes, `--debug`
// every line (as STACKVAULT_DEBUG=1 does).
void addLogOptions(QCommandLineParser &parser);
void applyLogOptions(const QCommandLineParser &parser);
void hideCoreLog(); // the default, set before any verb runs
void addBankOption(QCommandLineParser &parser);
void addJsonOption(QCommandLineParser &parser);

// The process's one CloudSessions (saved profiles + keyring), or null after printing why the profiles
// could not be loaded (the process then ends with a failure).
sv::CloudSessions *cloudSessions();

// A session for the named saved cloud (its secret read from the keyring), handed to `next` on the main
// thread; or prints why not and ends the process with a failure. One session per cloud per process.
void withSession(const QString &cloud, std::function<void(std::shared_ptr<sv::openstack::Session>)> next);
// Fetches the session's token (and the compute microversion) now, then calls `next` whether that
// worked or not (a job that needs the cloud reports a failure itself): lets a command authenticate
// while something else runs, such as the KDF of an encrypted backup storage.
void authenticateThen(const std::shared_ptr<sv::openstack::Session> &session, std::function<void()> next);

// The bank named by --bank, else the one in the settings (a local folder by default): a folder path,
// swift:CLOUD/CONTAINER (a Swift container of a saved cloud; created if missing) or s3:PROFILE/BUCKET
// (a bucket of a saved S3 profile; created if missing). Opens it and hands it to `next` (at once for a
// folder, after signing in for Swift, after reading the secret key for S3), or prints why not and ends
// the process with a failure. `next` may run after the verb returned: it must not use the parser.
// An encrypted bank's passphrase comes from $STACKVAULT_BANK_PASSPHRASE, the keychain, or standard input
// (without echo on a terminal); --no-encryption makes a new bank plain.
void withBank(const QCommandLineParser &parser, std::function<void(std::shared_ptr<sv::Bank>)> next);
// The same for a bank named by `location` (a copy's --from and --to): `encryptNew` makes a bank that does
// not exist yet encrypted; `options` say where the passphrase comes from and whether the bank must exist.
// A failure is printed after `what` ("The source backup storage X cannot be opened: "); then `failed` (when
// given) gets that sentence and ends the command itself, else the command ends with exit code 1.
void withBankAt(const QString &location, bool encryptNew, const sv::BankService::OpenOptions &options,
                const QString &what, std::function<void(std::shared_ptr<sv::Bank>)> next,
                std::function<void(const QString &error)> failed = {});
// The location withBank opens: --bank, else the settings' backup storage (as given, so also the key of
// its keychain entry, sv::BankService::keychainKey).
QString bankLocation(const QCommandLineParser &parser);
// Asks a new passphrase for `what` on standard input (twice on a terminal); empty when not given or the
// two differ (said on standard error).
QByteArray askNewPassphrase(const QString &what);

// Before a backup or restore on `session`'s cloud: removes what interrupted backups and restores left
// on that cloud (the bank's journal; sv::LeftoverSweep), prints one line saying what was removed (a JSON
// line {"event": "swept", ...} with --json), then calls `next` — also when the sweep failed (it says
// so; the entries stay for the next try). Nothing is printed when nothing was left over.
void sweepCloudThen(const std::shared_ptr<sv::Bank> &bank, const std::shared_ptr<sv::openstack::Session> &session,
                    bool json, std::function<void()> next);

// Runs one job on a worker thread without printing anything and hands its result to `done`.
void runJobThen(sv::Job *job, std::function<void(const sv::JobResult &result)> done);

// Reads a secret from standard input: one line without echo when it is a terminal (after printing
// `prompt` to standard error); when piped, the whole input or (wholeInputWhenPiped false) one line,
// without its final newline.
QString readSecretFromStdin(const QString &prompt, bool wholeInputWhenPiped = true);
// The keyring's sentence for the user plus its own words, which help whoever sets up the session.
QString keyringProblem(const sv::SecretResult &result);

void printJson(const QJsonValue &value);
QString humanBytes(qint64 bytes);

// Runs one job on a worker thread and prints its progress: a redrawn bar on a terminal, one line
// per stage otherwise, JSON lines with --json. Ends the process with 0 (succeeded), 1 (failed or
// cancelled). SIGINT cancels the job (and its cleanup runs) instead of killing the process.
void runJob(sv::Job *job, bool json);

// SIGINT and SIGTERM call `handler` in the event loop (once per signal) instead of killing the process, so
// that what runs can cancel and clean up. One handler per process.
void installInterruptHandler(QObject *context, std::function<void()> handler);

} // namespace cli
