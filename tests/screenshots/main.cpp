// stackvault-screenshots OUTPUT_DIR [--server NAME]: starts the desktop app exactly as app/gui/main.cpp
// does (sv::ui::DesktopApp), then tours its main screens and saves one PNG of each into OUTPUT_DIR
// (sv::ui::ScreenshotTour). Exits 0 when every picture is saved. Run by scripts/screenshots.
#include "desktopapp.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sv::initApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tour StackVault's main screens and save a PNG of each."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("Folder for the pictures."));
    parser.addOption({QStringLiteral("server"), QStringLiteral("The demo server to back up (default: jumphost)."),
                      QStringLiteral("name"), QStringLiteral("jumphost")});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    sv::ui::DesktopApp desktop;
    desktop.show();
    auto *tour = new sv::ui::ScreenshotTour(desktop.window(), desktop.jobs(), parser.positionalArguments().constFirst(),
                                            parser.value(QStringLiteral("server")), desktop.window());
    tour->start();
    return QApplication::exec();
}
