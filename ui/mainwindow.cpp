#include "mainwindow.h"

#include <QLabel>
#include <QSplitter>
#include <QTreeView>

namespace sv::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("StackVault"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(new QTreeView(splitter));
    splitter->addWidget(new QLabel(tr("Select a server to see its details."), splitter));
    setCentralWidget(splitter);
    resize(1100, 700);
}

} // namespace sv::ui
