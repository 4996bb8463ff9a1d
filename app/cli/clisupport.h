#pragma once

#include "bank/bankerror.h"
#include "jobs/jobprogress.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QObject>

#include <memory>

namespace sv {
class Bank;
class Job;
class JobManager;
} // namespace sv

namespace cli {

// Parses a verb's arguments; on a usage error prints it with the verb's help and returns false.
bool parseArguments(QCommandLineParser &parser, const QString &verb, const QStringList &arguments);
void addBankOption(QCommandLineParser &parser);
void addJsonOption(QCommandLineParser &parser);

// The bank named by --bank, else the one in the settings (local folder by default).
std::shared_ptr<sv::Bank> openBank(const QCommandLineParser &parser, sv::BankError *error);

// openBank(), or prints why not and ends the process with a failure (then returns null).
std::shared_ptr<sv::Bank> openBankOrFail(const QCommandLineParser &parser);

void printJson(const QJsonValue &value);
QString humanBytes(qint64 bytes);

// Runs one job on a worker thread and prints its progress: a redrawn bar on a terminal, one line
// per stage otherwise, JSON lines with --json. Ends the process with 0 (succeeded), 1 (failed or
// cancelled). SIGINT cancels the job (and its cleanup runs) instead of killing the process.
void runJob(sv::Job *job, bool json);

} // namespace cli
