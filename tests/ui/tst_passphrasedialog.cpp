// The passphrase of an encrypted backup storage: once for an existing storage, twice (matching) for a
// new one; a wrong passphrase's reason is shown when it is asked again.
#include "dialogs/passphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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
};

QTEST_MAIN(TestPassphraseDialog)
#include "tst_passphrasedialog.moc"
