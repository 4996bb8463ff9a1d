#include "clicommand.h"
#include "util/appinfo.h"

namespace cli {
namespace {
const CliCommandRegistration registration{CliCommand{
    QStringLiteral("version"), QStringLiteral("print the version"), [](const QStringList &) {
        out() << "stackvault-cli " << sv::applicationVersion() << Qt::endl;
        CliCommand::finish(ExitOk);
    }}};
} // namespace
} // namespace cli
