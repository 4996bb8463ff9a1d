// The profiles dialog against a real ProfileStore in a temporary folder and the real keychain under a
// test service name (scripts/test provides a private D-Bus session with gnome-keyring; without one the
// dialog must say plainly that no keyring is available).
#include "common/icons.h"
#include "fakebackend.h"
#include "common/messagebox.h"
#include "dialogs/cloudprofilesdialog.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCloudProfilesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { sv::ui::initResources(); }
    void addEditRemove();
    void invalidProfileIsRefused();
    void insecureChoiceIsFlagged();
    void testConnectionGoesThroughTheBackend();
};

void TestCloudProfilesDialog::testConnectionGoesThroughTheBackend()
{
    QTemporaryDir dir;
    sv::ProfileStore store(dir.path());
    QVERIFY(store.load());
    sv::SecretStore secrets(QStringLiteral("StackVault-uitest-test-%1").arg(QCoreApplication::applicationPid()));
    FakeBackend backend;
    backend.failures.insert(QStringLiteral("broken"), QStringLiteral("The password is wrong."));
    sv::ui::CloudProfilesDialog dialog(&store, &secrets, &backend);
    dialog.addNew();
    dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("lab"));
    dialog.findChild<QLineEdit *>(QStringLiteral("authUrlEdit"))->setText(QStringLiteral("https://keystone.lab.example:5000/v3"));
    dialog.findChild<QLineEdit *>(QStringLiteral("userNameEdit"))->setText(QStringLiteral("alice"));
    dialog.findChild<QLineEdit *>(QStringLiteral("projectNameEdit"))->setText(QStringLiteral("web"));
    dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(QStringLiteral("typed-secret"));
    QSignalSpy tested(&dialog, &sv::ui::CloudProfilesDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE(tested.size(), 1);
    QCOMPARE(backend.connectionTests, QStringList{QStringLiteral("lab")});
    QVERIFY(tested.first().at(0).toBool());
    QCOMPARE(dialog.statusText(), QStringLiteral("Signed in to project web."));

    // A failure is shown as one; an answer the dialog did not ask for is ignored.
    dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("broken"));
    dialog.testConnection();
    QTRY_COMPARE(tested.size(), 2);
    QVERIFY(!tested.at(1).at(0).toBool());
    QCOMPARE(dialog.statusText(), QStringLiteral("Could not connect: The password is wrong."));
    Q_EMIT backend.connectionTested(true, QStringLiteral("unasked"));
    QCOMPARE(tested.size(), 2);
}

void TestCloudProfilesDialog::insecureChoiceIsFlagged()
{
    QTemporaryDir dir;
    sv::ProfileStore store(dir.path());
    QVERIFY(store.load());
    sv::CloudProfile profile;
    profile.name = QStringLiteral("lab");
    profile.authUrl = QUrl(QStringLiteral("https://keystone.lab.example:5000/v3"));
    profile.userName = QStringLiteral("alice");
    profile.projectName = QStringLiteral("web");
    profile.verifyTls = false;
    QString error;
    QVERIFY2(store.add(profile, &error), qPrintable(error));
    sv::SecretStore secrets(QStringLiteral("StackVault-uitest-tls-%1").arg(QCoreApplication::applicationPid()));
    FakeBackend backend;
    sv::ui::CloudProfilesDialog dialog(&store, &secrets, &backend);
    dialog.show();
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("insecureTlsWarning"));
    auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verifyTlsCheck"));
    QVERIFY(warning && verify);
    // A cloud saved as insecure shows the warning; verification back on hides it.
    QVERIFY(!verify->isChecked());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QLatin1String("not checked")));
    verify->setChecked(true);
    QVERIFY(!warning->isVisible());
    verify->setChecked(false);
    QVERIFY(warning->isVisible());
    // The CA bundle field round-trips into the profile.
    dialog.findChild<QLineEdit *>(QStringLiteral("caBundleEdit"))->setText(QStringLiteral("/etc/lab-ca.pem"));
    dialog.save();
    QCOMPARE(store.profiles().first().caBundlePath, QStringLiteral("/etc/lab-ca.pem"));
    QCOMPARE(store.profiles().first().verifyTls, false);
}

void TestCloudProfilesDialog::addEditRemove()
{
    QTemporaryDir dir;
    sv::ProfileStore store(dir.path());
    sv::SecretStore secrets(QStringLiteral("StackVault-uitest-%1").arg(QCoreApplication::applicationPid()));
    store.setSecretStore(&secrets);
    QVERIFY(store.load());
    FakeBackend backend;
    sv::ui::CloudProfilesDialog dialog(&store, &secrets, &backend);
    QSignalSpy saved(&dialog, &sv::ui::CloudProfilesDialog::secretSaved);

    dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("demo"));
    dialog.findChild<QLineEdit *>(QStringLiteral("authUrlEdit"))->setText(QStringLiteral("http://127.0.0.1:5000/v3"));
    dialog.findChild<QLineEdit *>(QStringLiteral("userNameEdit"))->setText(QStringLiteral("alice"));
    dialog.findChild<QLineEdit *>(QStringLiteral("projectNameEdit"))->setText(QStringLiteral("web"));
    dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(QStringLiteral("s3cret"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfileButton")), Qt::LeftButton);
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().first().userName, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    const bool keyring = saved.first().at(1).toBool();
    if (keyring) {
        QVERIFY(dialog.statusText().contains(QStringLiteral("keyring")));
    } else {
        // No Secret Service here: the profile is saved, the dialog says why the password is not.
        QVERIFY2(dialog.statusText().contains(QStringLiteral("was not")), qPrintable(dialog.statusText()));
    }
    // The secret never lands in the profiles file.
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret"));

    // Edit: rename.
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profilesList"));
    QCOMPARE(list->count(), 1);
    dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("demo-2"));
    dialog.save();
    QCOMPARE(store.profiles().first().name, QStringLiteral("demo-2"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("demo-2"));

    // Remove, after a confirmation.
    sv::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeProfileButton")), Qt::LeftButton);
    QCOMPARE(store.profiles().size(), 0);
    QCOMPARE(list->count(), 0);
}

void TestCloudProfilesDialog::invalidProfileIsRefused()
{
    QTemporaryDir dir;
    sv::ProfileStore store(dir.path());
    sv::SecretStore secrets(QStringLiteral("StackVault-uitest-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(store.load());
    FakeBackend backend;
    sv::ui::CloudProfilesDialog dialog(&store, &secrets, &backend);
    dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("bad"));
    dialog.findChild<QLineEdit *>(QStringLiteral("authUrlEdit"))->setText(QStringLiteral("ftp://nope"));
    dialog.save();
    QCOMPARE(store.profiles().size(), 0);
    QVERIFY(dialog.statusText().contains(QStringLiteral("http")));
}

QTEST_MAIN(TestCloudProfilesDialog)
#include "tst_cloudprofilesdialog.moc"
