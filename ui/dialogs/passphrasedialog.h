#pragma once

#include "protection/bankservice.h"

#include <QByteArray>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sv::ui {

// Asks the passphrase of an encrypted backup storage (or, for a new one, a passphrase chosen twice).
// Opened with open() by whoever needs it: it never blocks the GUI thread, and the answer comes with
// finished(). The passphrase is kept in the keychain once it opened the storage (BankService).
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    // `problem`: why it is asked again (a wrong passphrase), empty the first time.
    PassphraseDialog(const QString &location, bool newStorage, const QString &problem, QWidget *parent = nullptr);
    ~PassphraseDialog() override;

    QByteArray passphrase() const;

    // The prompt the desktop app gives BankService: a dialog over `parent` opened with open() (no nested
    // event loop), deleted when closed, its answer passed on. BankService asks one at a time per storage.
    static BankService::PassphrasePrompt prompt(QWidget *parent);

private:
    void updateOk();

    bool m_newStorage;
    QLineEdit *m_passphrase;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_mismatch = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace sv::ui
