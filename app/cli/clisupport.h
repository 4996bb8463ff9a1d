#pragma once

#include "bank/bankerror.h"
#include "jobs/jobprogress.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QObject>

#include <functional>
#include <memory>

namespace sv {
class Bank;
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

// A session for the named saved cloud (its secret read from the keyring), handed to `next` on the main
// thread; or prints why not and ends the process with a failure. One session per cloud per process.
void withSession(const QString &cloud, std::function<void(std::shared_ptr<sv::openstack::Session>)> next);

// The bank named by --bank, else the one in the settings (a local folder by default): a folder path or
// swift:CLOUD/CONTAINER (a Swift container of a saved cloud; created if missing). Opens it and hands it
// to `next` (at once for a folder, after signing in for Swift), or prints why not and ends the process
// with a failure. `next` may run after the verb returned: it must not use the parser.
void withBank(const QCommandLineParser &parser, std::function<void(std::shared_ptr<sv::Bank>)> next);

void printJson(const QJsonValue &value);
QString humanBytes(qint64 bytes);

// Runs one job on a worker thread and prints its progress: a redrawn bar on a terminal, one line
// per stage otherwise, JSON lines with --json. Ends the process with 0 (succeeded), 1 (failed or
// cancelled). SIGINT cancels the job (and its cleanup runs) instead of killing the process.
void runJob(sv::Job *job, bool json);

} // namespace cli
