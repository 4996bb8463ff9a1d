#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

// One verb of stackvault-cli (`clouds`, `servers`, `backup`, ...). Each verb lives in its own file and
// registers itself with a static CliCommandRegistration. A verb runs inside the one event loop of
// main(): it starts its (asynchronous) work and calls CliCommand::finish(exitCode) when done.
namespace cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

struct CliCommand
{
    QString name;
    QString summary; // one line for `stackvault-cli --help`
    std::function<void(const QStringList &arguments)> run; // arguments after the verb

    static void finish(int exitCode); // ends the process's event loop with this exit code
};

QTextStream &out();
QTextStream &err();

class CliCommandRegistration
{
public:
    explicit CliCommandRegistration(CliCommand command);
};

const QList<CliCommand> &registeredCommands();

} // namespace cli
