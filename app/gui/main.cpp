#include "desktopapp.h"
#include "util/appinfo.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sv::initApplication();
    sv::ui::DesktopApp desktop;
    desktop.show();
    return QApplication::exec();
}
