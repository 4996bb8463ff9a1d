#include "mainwindow.h"
#include "util/appinfo.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(sv::applicationName());
    QApplication::setOrganizationName(sv::organizationName());
    QApplication::setApplicationVersion(sv::applicationVersion());
    sv::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
