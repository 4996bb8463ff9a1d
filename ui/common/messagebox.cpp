#include "common/messagebox.h"

#include <QAbstractButton>

namespace sv::ui {

namespace {
QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
QString g_lastText;
} // namespace

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

void MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                          QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                          Callback callback, const ButtonTexts &buttonTexts)
{
    show(parent, QMessageBox::Question, title, text, {}, buttons, defaultButton, std::move(callback), buttonTexts);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text, const QString &details,
                         Callback callback)
{
    show(parent, QMessageBox::Warning, title, text, details, QMessageBox::Ok, QMessageBox::Ok, std::move(callback));
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text, const QString &details,
                             Callback callback)
{
    show(parent, QMessageBox::Information, title, text, details, QMessageBox::Ok, QMessageBox::Ok,
         std::move(callback));
}

void MessageBox::show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                      const QString &details, QMessageBox::StandardButtons buttons,
                      QMessageBox::StandardButton defaultButton, Callback callback, const ButtonTexts &buttonTexts)
{
    g_lastText = text;
    if (g_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = g_nextAnswer;
        g_nextAnswer = QMessageBox::NoButton;
        if (callback)
            callback(answer);
        return;
    }
    auto *box = new QMessageBox(icon, title, text, buttons, parent);
    box->setObjectName(QStringLiteral("messageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(defaultButton);
    box->setEscapeButton(defaultButton);
    for (const auto &[button, label] : buttonTexts) {
        if (QAbstractButton *widget = box->button(button))
            widget->setText(label);
    }
    if (!details.isEmpty())
        box->setDetailedText(details);
    QObject::connect(box, &QMessageBox::finished, box, [box, callback = std::move(callback)](int) {
        if (callback) {
            const QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
            callback(answer == QMessageBox::NoButton ? QMessageBox::Cancel : answer);
        }
    });
    box->open();
}

} // namespace sv::ui
