// The passphrase of an encrypted backup storage: once for an existing storage, twice (matching) for a
// new one; a wrong passphrase's reason is shown when it is asked again.
#include "bank/localbank.h"
#include "dialogs/passphrasedialog.h"
#include "protection/bankservice.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sv::ui::PassphraseDialog;

class TestPassphraseDialog : public QObject
{
    Q_OBJECT

    static QPushButton *ok(PassphraseDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void existingStorageAsksOnce()
    {
        PassphraseDialog dialog(QStringLiteral("/srv/bank"), false, QString());
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("passphraseRepeatEdit")));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("passphraseIntroLabel"))->text().contains(QStringLiteral("/srv/bank")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("passphraseProblemLabel"))->isHidden());
        QTest::keyClicks(edit, QStringLiteral("s3cret"));
        edit->setText(edit->text() + QStringLiteral(" pässphrase"));
        QVERIFY(ok(dialog)->isEnabled());
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.open();
        ok(dialog)->click();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
        QCOMPARE(dialog.passphrase(), QStringLiteral("s3cret pässphrase").toUtf8());
    }

    void newStorageNeedsTheSameTwice_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("repeat");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << true;
        QTest::newRow("differ") << QStringLiteral("abc") << QStringLiteral("abd") << false;
        QTest::newRow("repeat missing") << QStringLiteral("abc") << QString() << false;
        QTest::newRow("both empty") << QString() << QString() << false;
    }

    void newStorageNeedsTheSameTwice()
    {
        QFETCH(QString, first);
        QFETCH(QString, repeat);
        QFETCH(bool, accepted);
        PassphraseDialog dialog(QStringLiteral("swift:cloud/bank"), true, QString());
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
        auto *again = dialog.findChild<QLineEdit *>(QStringLiteral("passphraseRepeatEdit"));
        QVERIFY(edit && again);
        QCOMPARE(again->echoMode(), QLineEdit::Password);
        edit->setText(first);
        again->setText(repeat);
        QCOMPARE(ok(dialog)->isEnabled(), accepted);
        auto *mismatch = dialog.findChild<QLabel *>(QStringLiteral("passphraseMismatchLabel"));
        QCOMPARE(!mismatch->isHidden(), !repeat.isEmpty() && repeat != first);
    }

    void problemIsShown()
    {
        const QString problem = QStringLiteral("The passphrase is wrong for the backup storage /srv/bank.");
        PassphraseDialog dialog(QStringLiteral("/srv/bank"), false, problem);
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("passphraseProblemLabel"));
        QVERIFY(!label->isHidden());
        QCOMPARE(label->text(), problem);
    }

    // Two opens of one encrypted storage at once (the backups list and a job): one dialog, whose answer
    // serves both; declining it fails both. The second dialog must not appear, not even after a while.
    void twoOpensShareOneDialog_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("answered") << true;
        QTest::newRow("declined") << false;
    }

    void twoOpensShareOneDialog()
    {
        QFETCH(bool, accept);
        qunsetenv(sv::BankService::PassphraseVariable);
        QTemporaryDir dir;
        {
            sv::LocalBank bank(dir.path());
            bank.setEncryptNewBank(true);
            bank.setPassphrase("shared secret");
            sv::BankError error;
            QVERIFY2(bank.open(&error), qPrintable(error.message));
        }
        QWidget window;
        sv::BankService banks(nullptr);
        banks.setPassphrasePrompt(PassphraseDialog::prompt(&window));
        QList<std::shared_ptr<sv::Bank>> opened;
        QStringList errors;
        for (int i = 0; i < 2; ++i) {
            banks.open(dir.path(), &window, [&](std::shared_ptr<sv::Bank> bank, const QString &error) {
                opened.append(bank);
                errors.append(error);
            });
        }
        const auto dialogs = [&window] { return window.findChildren<PassphraseDialog *>(); };
        QTRY_COMPARE(dialogs().size(), 1);
        QTest::qWait(500); // both opens have asked by now (a KDF-free failure each)
        QCOMPARE(dialogs().size(), 1);
        QVERIFY(opened.isEmpty());
        PassphraseDialog *dialog = dialogs().constFirst();
        QVERIFY(dialog->isVisible());
        if (accept) {
            dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->setText(QStringLiteral("shared secret"));
            ok(*dialog)->click();
        } else {
            dialog->reject();
        }
        QTRY_COMPARE(opened.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(bool(opened.at(i)), accept);
            if (accept) {
                QVERIFY2(errors.at(i).isEmpty(), qPrintable(errors.at(i)));
                QVERIFY(opened.at(i)->keys().encrypted());
            } else {
                QVERIFY2(errors.at(i).contains(QStringLiteral("is encrypted: its passphrase is needed")),
                         qPrintable(errors.at(i)));
            }
        }
        QTRY_COMPARE(dialogs().size(), 0); // closed and deleted, and no other one came
        qputenv(sv::BankService::PassphraseVariable, "stackvault-test-passphrase");
    }
};

QTEST_MAIN(TestPassphraseDialog)
#include "tst_passphrasedialog.moc"
