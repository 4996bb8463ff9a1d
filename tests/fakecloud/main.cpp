// The fake OpenStack cloud as a process, for the demo and for manual testing:
//   fakecloud [--port N] [--scenario FILE]
// prints "port N" on stdout once listening, logs to stderr, stops on SIGINT/SIGTERM.
#include "fakecloud.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fakecloud"));
    QLoggingCategory::setFilterRules(QStringLiteral("stackvault.fakecloud.debug=true"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake OpenStack cloud (Keystone, Nova, Glance, Cinder) on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0: a free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Scenario file (JSON)."),
                                            QStringLiteral("FILE"));
    parser.addOption(portOption);
    parser.addOption(scenarioOption);
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "fakecloud: --port needs a number from 0 to 65535\n");
        return 2;
    }
    fake::FakeCloud cloud;
    if (parser.isSet(scenarioOption)) {
        QString error;
        if (!cloud.loadScenario(parser.value(scenarioOption), &error)) {
            std::fprintf(stderr, "fakecloud: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (!cloud.start(static_cast<quint16>(port))) {
        std::fprintf(stderr, "fakecloud: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return 1;
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    std::fprintf(stdout, "port %u\n", cloud.port());
    std::fflush(stdout);
    std::fprintf(stderr, "fakecloud: Keystone at %s\n", qPrintable(cloud.authUrl()));
    const int rc = QCoreApplication::exec();
    cloud.stop();
    std::fprintf(stderr, "fakecloud: stopped\n");
    return rc;
}
