#include "clicommand.h"
#include "clisupport.h"
#include "util/appinfo.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace cli {

namespace {
QList<CliCommand> &registry()
{
    static QList<CliCommand> commands;
    return commands;
}

void printUsage(QTextStream &stream)
{
    stream << "Usage: stackvault-cli <command> [options]\n\nCommands:\n";
    auto commands = registeredCommands();
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand &a, const CliCommand &b) { return a.name < b.name; });
    for (const CliCommand &command : commands)
        stream << "  " << command.name.leftJustified(14) << command.summary << '\n';
    stream << "\nRun `stackvault-cli <command> --help` for a command's options.\n";
    stream.flush();
}
} // namespace

CliCommandRegistration::CliCommandRegistration(CliCommand command) { registry().append(std::move(command)); }

const QList<CliCommand> &registeredCommands() { return registry(); }

void CliCommand::finish(int exitCode)
{
    out().flush();
    err().flush();
    QCoreApplication::exit(exitCode);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    sv::initApplication();
    cli::hideCoreLog();

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        cli::printUsage(arguments.isEmpty() ? cli::err() : cli::out());
        return arguments.isEmpty() ? cli::ExitUsage : cli::ExitOk;
    }
    if (arguments.first() == QLatin1String("--version")) {
        cli::out() << "stackvault-cli " << sv::applicationVersion() << Qt::endl;
        return cli::ExitOk;
    }
    const QString verb = arguments.takeFirst();
    const auto &commands = cli::registeredCommands();
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&](const cli::CliCommand &c) { return c.name == verb; });
    if (it == commands.end()) {
        cli::err() << "stackvault-cli: unknown command '" << verb << "'\n";
        cli::printUsage(cli::err());
        return cli::ExitUsage;
    }
    QTimer::singleShot(0, &app, [run = it->run, arguments] { run(arguments); });
    return QCoreApplication::exec();
}
