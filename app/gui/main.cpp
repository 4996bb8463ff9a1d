#include "backend/corebackend.h"
#include "common/icons.h"
#include "common/languagemanager.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "util/appinfo.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sv::initApplication();
    QApplication::setDesktopFileName(QStringLiteral("org.stackvault.StackVault"));
    sv::ui::initResources();
    QApplication::setWindowIcon(sv::ui::icon(QStringLiteral("org.stackvault.StackVault")));

    sv::ui::LanguageManager languages;
    languages.apply(QString());

    sv::JobManager jobs;
    sv::ui::CoreBackend backend;
    sv::ui::MainWindow window(&backend, &jobs);
    window.show();
    return QApplication::exec();
}
