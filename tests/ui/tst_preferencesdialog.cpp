// Preferences: the backup storage is a local folder by default, or a Swift container of a saved cloud
// (written as swift:CLOUD/CONTAINER, what the CLI's --bank takes too), or a bucket of an S3 profile
// (s3:PROFILE/BUCKET; the profile in the settings, the secret key handed to the keychain only).
#include "dialogs/preferencesdialog.h"
#include "util/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sv::AppSettings;
using sv::ui::PreferencesDialog;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<AppSettings> freshSettings(const QString &name)
    {
        return std::make_unique<AppSettings>(m_dir.filePath(name + QStringLiteral(".conf")));
    }

    static QPushButton *okButton(PreferencesDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"))->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    // An enable_server_snapshot that is no yes/no value is shown, with the default (checked) offered,
    // and OK writes a readable value even when the checkbox was left alone.
    void unreadableSnapshotSettingIsShownAndReplaced()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[image_backup_plugin]\nenable_server_snapshot=sometimes\n");
        file.close();
        AppSettings settings(path);
        PreferencesDialog dialog(&settings, {});
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("includeDataDefaultCheck"))->isChecked());
        const QString help = dialog.findChild<QLabel *>(QStringLiteral("includeDataDefaultHelp"))->text();
        QVERIFY2(help.contains(path) && help.contains(QStringLiteral("\"sometimes\"")), qPrintable(help));
        dialog.accept();
        QString problem;
        QCOMPARE(settings.enableServerSnapshot(&problem), true);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void chooseS3Bucket()
    {
        auto settings = freshSettings(QStringLiteral("s3"));
        {
            PreferencesDialog dialog(settings.get(), {});
            QSignalSpy secrets(&dialog, &PreferencesDialog::s3SecretEntered);
            dialog.findChild<QComboBox *>(QStringLiteral("storageKindCombo"))->setCurrentIndex(2);
            QVERIFY(!okButton(dialog)->isEnabled()); // no endpoint yet
            dialog.findChild<QLineEdit *>(QStringLiteral("s3ProfileEdit"))->setText(QStringLiteral("offsite"));
            dialog.findChild<QLineEdit *>(QStringLiteral("s3EndpointEdit"))->setText(QStringLiteral("https://s3.example.com"));
            dialog.findChild<QLineEdit *>(QStringLiteral("s3AccessKeyEdit"))->setText(QStringLiteral("AKIAEXAMPLE"));
            QVERIFY(!okButton(dialog)->isEnabled()); // a new profile needs its secret
            const QString problem = dialog.findChild<QLabel *>(QStringLiteral("s3ProblemLabel"))->text();
            QVERIFY2(problem.contains(QStringLiteral("keyring")), qPrintable(problem));
            dialog.findChild<QLineEdit *>(QStringLiteral("s3SecretEdit"))->setText(QStringLiteral("the-secret"));
            dialog.findChild<QComboBox *>(QStringLiteral("s3AddressingCombo"))->setCurrentIndex(1);
            dialog.findChild<QLineEdit *>(QStringLiteral("s3BucketEdit"))->setText(QStringLiteral("backups"));
            QVERIFY(okButton(dialog)->isEnabled());
            dialog.accept();
            QCOMPARE(secrets.count(), 1);
            QCOMPARE(secrets.at(0).at(0).toString(), QStringLiteral("s3:offsite"));
            QCOMPARE(secrets.at(0).at(1).toString(), QStringLiteral("the-secret"));
        }
        QCOMPARE(settings->bankLocation(), QStringLiteral("s3:offsite/backups"));
        const auto profile = settings->s3Profile(QStringLiteral("offsite"));
        QVERIFY(profile);
        QCOMPARE(profile->endpoint, QUrl(QStringLiteral("https://s3.example.com")));
        QVERIFY(profile->virtualHostStyle);
        QFile file(settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("the-secret"));

        // Opened again: the saved profile is shown, and its secret may stay as it is.
        PreferencesDialog again(settings.get(), {});
        QSignalSpy secrets(&again, &PreferencesDialog::s3SecretEntered);
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("storageKindCombo"))->currentIndex(), 2);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("s3BucketEdit"))->text(), QStringLiteral("backups"));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("s3AccessKeyEdit"))->text(), QStringLiteral("AKIAEXAMPLE"));
        QVERIFY(okButton(again)->isEnabled());
        again.accept();
        QCOMPARE(secrets.count(), 0);
    }

    void localFolderIsTheDefault()
    {
        auto settings = freshSettings(QStringLiteral("default"));
        PreferencesDialog dialog(settings.get(), {QStringLiteral("prod")});
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("storageKindCombo"));
        QVERIFY(kind);
        QCOMPARE(kind->currentIndex(), 0);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("bankLocationEdit"))->text(),
                 AppSettings::defaultBankLocation());
        dialog.accept();
        QCOMPARE(settings->bankLocation(), AppSettings::defaultBankLocation());
    }

    void chooseSwiftContainer()
    {
        auto settings = freshSettings(QStringLiteral("swift"));
        {
            PreferencesDialog dialog(settings.get(), {QStringLiteral("prod"), QStringLiteral("lab")});
            auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("storageKindCombo"));
            kind->setCurrentIndex(1);
            dialog.findChild<QComboBox *>(QStringLiteral("swiftCloudCombo"))->setCurrentText(QStringLiteral("lab"));
            auto *container = dialog.findChild<QLineEdit *>(QStringLiteral("swiftContainerEdit"));
            container->setText(QStringLiteral("a/b"));
            QVERIFY(!okButton(dialog)->isEnabled()); // a container name has no slash
            container->clear();
            QVERIFY(!okButton(dialog)->isEnabled());
            container->setText(QStringLiteral(" backups "));
            QVERIFY(okButton(dialog)->isEnabled());
            dialog.accept();
        }
        QCOMPARE(settings->bankLocation(), QStringLiteral("swift:lab/backups"));

        // Reopened: shows what is stored; switching back to a folder writes the folder.
        PreferencesDialog dialog(settings.get(), {QStringLiteral("prod"), QStringLiteral("lab")});
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("storageKindCombo"));
        QCOMPARE(kind->currentIndex(), 1);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("swiftCloudCombo"))->currentText(), QStringLiteral("lab"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("swiftContainerEdit"))->text(), QStringLiteral("backups"));
        kind->setCurrentIndex(0);
        dialog.findChild<QLineEdit *>(QStringLiteral("bankLocationEdit"))->setText(m_dir.filePath(QStringLiteral("bank")));
        dialog.accept();
        QCOMPARE(settings->bankLocation(), m_dir.filePath(QStringLiteral("bank")));
    }

    // back_up_volumes: all (the default), none, or names; "only these" needs a name before OK.
    void volumesToBackUp()
    {
        auto settings = freshSettings(QStringLiteral("volumes"));
        {
            PreferencesDialog dialog(settings.get(), {});
            auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("backUpVolumesCombo"));
            auto *names = dialog.findChild<QLineEdit *>(QStringLiteral("backUpVolumeNamesEdit"));
            QCOMPARE(combo->currentText(), QStringLiteral("All attached volumes"));
            QVERIFY(!names->isEnabled());
            combo->setCurrentIndex(2);
            QVERIFY(names->isEnabled());
            QVERIFY(!okButton(dialog)->isEnabled());
            names->setText(QStringLiteral(" , "));
            QVERIFY(!okButton(dialog)->isEnabled());
            names->setText(QStringLiteral("db-data, 76010000-0000-4000-8000-000000000003"));
            QVERIFY(okButton(dialog)->isEnabled());
            dialog.accept();
        }
        QCOMPARE(settings->backUpVolumes(),
                 sv::VolumeSelection::named({QStringLiteral("db-data"), QStringLiteral("76010000-0000-4000-8000-000000000003")}));
        {
            // Reopened: shows what is stored; "No volume" writes none.
            PreferencesDialog dialog(settings.get(), {});
            auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("backUpVolumesCombo"));
            QCOMPARE(combo->currentIndex(), 2);
            QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("backUpVolumeNamesEdit"))->text(),
                     QStringLiteral("db-data, 76010000-0000-4000-8000-000000000003"));
            combo->setCurrentIndex(1);
            dialog.accept();
        }
        QCOMPARE(settings->backUpVolumes().mode, sv::VolumeSelection::Mode::None);
    }

    // A back_up_volumes that names nothing is shown, the default offered, and OK writes a readable value.
    void unreadableVolumesSettingIsShownAndReplaced()
    {
        const QString path = m_dir.filePath(QStringLiteral("brokenvolumes.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[protection]\nback_up_volumes=\" , \"\n");
        file.close();
        AppSettings settings(path);
        QString problem;
        settings.backUpVolumes(&problem);
        QVERIFY(!problem.isEmpty());
        PreferencesDialog dialog(&settings, {});
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("backUpVolumesCombo"))->currentIndex(), 0);
        const QString help = dialog.findChild<QLabel *>(QStringLiteral("backUpVolumesHelp"))->text();
        QVERIFY2(help.contains(path) && help.contains(QStringLiteral("OK saves")), qPrintable(help));
        dialog.accept();
        problem.clear();
        QCOMPARE(settings.backUpVolumes(&problem).mode, sv::VolumeSelection::Mode::All);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void swiftNeedsASavedCloud()
    {
        auto settings = freshSettings(QStringLiteral("noclouds"));
        PreferencesDialog dialog(settings.get(), {});
        dialog.findChild<QComboBox *>(QStringLiteral("storageKindCombo"))->setCurrentIndex(1);
        QVERIFY(!okButton(dialog)->isEnabled());
    }
};

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
