#pragma once

#include <QMessageBox>

#include <functional>
#include <utility>

namespace sv::ui {

// Message boxes that never run a nested event loop: the answer arrives in a callback. Tests preset
// the next answer with setNextAnswer() and the box is then not shown at all (KeePassXC's idea).
class MessageBox
{
public:
    using Callback = std::function<void(QMessageBox::StandardButton)>;
    // Plain words on buttons instead of Yes/No ("Keep Running", "Cancel Jobs and Quit").
    using ButtonTexts = QList<std::pair<QMessageBox::StandardButton, QString>>;

    // Asks a yes/no-style question; `defaultButton` is also the answer to Escape.
    static void question(QWidget *parent, const QString &title, const QString &text,
                         QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                         Callback callback, const ButtonTexts &buttonTexts = {});
    // Shows information or an error with optional details; `callback` may be empty.
    static void warning(QWidget *parent, const QString &title, const QString &text,
                        const QString &details = {}, Callback callback = {});
    static void information(QWidget *parent, const QString &title, const QString &text,
                            const QString &details = {}, Callback callback = {});

    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The last box shown (or answered in a test), for assertions.
    static QString lastText();

private:
    static void show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                     const QString &details, QMessageBox::StandardButtons buttons,
                     QMessageBox::StandardButton defaultButton, Callback callback, const ButtonTexts &buttonTexts = {});
};

} // namespace sv::ui
