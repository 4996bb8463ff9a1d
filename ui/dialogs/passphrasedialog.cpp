#include "dialogs/passphrasedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace sv::ui {

BankService::PassphrasePrompt PassphraseDialog::prompt(QWidget *parent)
{
    return [window = QPointer<QWidget>(parent)](const BankService::PassphraseRequest &request,
                                                BankService::PassphraseAnswer answer) {
        auto *dialog = new PassphraseDialog(request.location, request.newBank, request.problem, window.data());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answer = std::move(answer)](int result) {
            answer(result == QDialog::Accepted, result == QDialog::Accepted ? dialog->passphrase() : QByteArray());
        });
        dialog->open();
    };
}

PassphraseDialog::PassphraseDialog(const QString &location, bool newStorage, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_newStorage(newStorage)
    , m_passphrase(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(newStorage ? tr("New Encrypted Backup Storage") : tr("Encrypted Backup Storage"));
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("passphraseIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(newStorage
                       ? tr("The backup storage %1 is new and will be encrypted. Choose its passphrase. It cannot be "
                            "recovered: without it, no backup in this storage can be read. StackVault keeps it in "
                            "the keychain.")
                             .arg(location)
                       : tr("The backup storage %1 is encrypted. Enter its passphrase; StackVault keeps it in the "
                            "keychain.")
                             .arg(location));
    auto *problemLabel = new QLabel(this);
    problemLabel->setObjectName(QStringLiteral("passphraseProblemLabel"));
    problemLabel->setWordWrap(true);
    problemLabel->setTextFormat(Qt::PlainText);
    problemLabel->setText(problem);
    problemLabel->setVisible(!problem.isEmpty());
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (newStorage) {
        m_repeat = new QLineEdit(this);
        m_repeat->setObjectName(QStringLiteral("passphraseRepeatEdit"));
        m_repeat->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Repeat:"), m_repeat);
        m_mismatch = new QLabel(tr("The two passphrases differ."), this);
        m_mismatch->setObjectName(QStringLiteral("passphraseMismatchLabel"));
        m_mismatch->hide();
        form->addRow(QString(), m_mismatch);
        connect(m_repeat, &QLineEdit::textChanged, this, &PassphraseDialog::updateOk);
    }
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(problemLabel);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    updateOk();
}

PassphraseDialog::~PassphraseDialog()
{
    // Qt keeps no other copy we could reach; at least the line edits forget it.
    m_passphrase->clear();
    if (m_repeat)
        m_repeat->clear();
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void PassphraseDialog::updateOk()
{
    const bool differ = m_newStorage && m_repeat->text() != m_passphrase->text();
    if (m_mismatch)
        m_mismatch->setVisible(differ && !m_repeat->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_passphrase->text().isEmpty() && !differ);
}

} // namespace sv::ui
