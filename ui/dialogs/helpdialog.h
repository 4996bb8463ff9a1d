#pragma once

#include <QDialog>

class QTextBrowser;

namespace sv::ui {

// The app's help: what StackVault does, how to back up and restore, and the "Include server data"
// option (the setting enable_server_snapshot) — the seed specification's "Documentation Impact".
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HelpDialog(QWidget *parent = nullptr);

    static QString helpHtml();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace sv::ui
