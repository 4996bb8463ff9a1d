#include "mainwindow.h"
#include "util/appinfo.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sv::initApplication();
    sv::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
