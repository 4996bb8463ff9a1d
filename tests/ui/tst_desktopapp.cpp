// The desktop app's start-up (sv::ui::DesktopApp, what app/gui/main.cpp runs) after a backup was killed
// with SIGKILL mid-download: the snapshot it left in the fake cloud disappears by itself, with no click,
// and the jobs dock says what was removed. Only the cloud the journal names is signed in to: the other
// saved cloud's Keystone is never asked (its fake cloud's request log stays empty) and its secret is
// never read. Real keyring (scripts/test's private D-Bus session), real CLI for the killed backup.
#include "backend/corebackend.h"
#include "clirunner.h"
#include "bank/localbank.h"
#include "desktopapp.h"
#include "fakecloud.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "keyringprobe.h"
#include "mainwindow.h"
#include "profiles/cloudsessions.h"
#include "util/appinfo.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestDesktopApp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    fake::FakeCloud m_alpha;
    fake::FakeCloud m_beta;

    std::unique_ptr<svtest::CliRunner> m_cli;

    void addCloud(const QString &name, const fake::FakeCloud &cloud)
    {
        const svtest::CliRun add = m_cli->run({QStringLiteral("clouds"), QStringLiteral("add"), name, QStringLiteral("--auth-url"),
                                               cloud.authUrl(), QStringLiteral("--user"), QStringLiteral("demo"),
                                               QStringLiteral("--project"), QStringLiteral("demo"),
                                               QStringLiteral("--password-stdin")},
                                              "demo-password\n");
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }
    static QStringList jobsDockStatuses(sv::ui::MainWindow *window)
    {
        QStringList statuses;
        const sv::ui::JobListModel *model = window->jobsDock()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            statuses.append(model->index(row, sv::ui::JobListModel::StatusColumn).data().toString());
        return statuses;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SVTEST_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_home.isValid());
        sv::initApplication(); // as app/gui/main.cpp: the app's name picks its settings and bank folders
        // This process and the CLI it runs share settings, profiles and the default bank in the temporary
        // home (the folders svtest::CliRunner gives the CLI).
        m_cli = std::make_unique<svtest::CliRunner>(m_home.path());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        const QString scenario = QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json");
        QVERIFY(m_alpha.loadScenario(scenario) && m_alpha.start());
        QVERIFY(m_beta.loadScenario(scenario) && m_beta.start());
    }

    void startUpSweepsWhatAKilledBackupLeft()
    {
        addCloud(QStringLiteral("alpha"), m_alpha);
        addCloud(QStringLiteral("beta"), m_beta);
        const int betaRequestsBefore = int(m_beta.requestLog().size());

        // A backup with data killed (SIGKILL) mid-download: its snapshot stays in alpha, the journal names it.
        const svtest::CliRun killed = m_cli->run({QStringLiteral("backup"), QStringLiteral("--cloud"), QStringLiteral("alpha"),
                                                  QStringLiteral("--server"), QStringLiteral("web-1"),
                                                  QStringLiteral("--include-data"), QStringLiteral("--volumes"), QStringLiteral("none")},
                                                 {}, {{QStringLiteral("STACKVAULT_CRASH_AT"), QStringLiteral("backup-download:3")}});
        QVERIFY2(killed.crashed, killed.describe().constData());
        QCOMPARE(m_alpha.leftoverImageIds().size(), 1);
        const QString snapshot = m_alpha.leftoverImageIds().constFirst();
        sv::LocalBank bank(m_home.filePath(QStringLiteral("data/StackVault/bank")));
        QList<sv::JournalEntry> journal;
        sv::BankError error;
        bank.setPassphrase(qgetenv("STACKVAULT_BANK_PASSPHRASE")); // the CLI made it encrypted
        QVERIFY2(bank.open(&error), qPrintable(error.message));
        QVERIFY2(bank.journalEntries(&journal, &error), qPrintable(error.message));
        QCOMPARE(journal.size(), 1);

        // The app starts; nobody clicks anything.
        QElapsedTimer clock;
        clock.start();
        sv::ui::DesktopApp app;
        app.show();
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        QTRY_VERIFY2_WITH_TIMEOUT(m_alpha.leftoverImageIds().isEmpty(),
                                  qPrintable(jobsDockStatuses(app.window()).join(u'\n')), 60000);
        qInfo("the leftover snapshot was gone %lld ms after the app started", qint64(clock.elapsed()));
        QTRY_VERIFY_WITH_TIMEOUT(jobsDockStatuses(app.window()).join(u'\n').contains(QStringLiteral("Removed 1 leftover")),
                                 10000);
        QVERIFY2(jobsDockStatuses(app.window()).join(u'\n').contains(snapshot),
                 qPrintable(jobsDockStatuses(app.window()).join(u'\n')));
        QVERIFY(app.window()->jobsDock()->isVisible());
        QVERIFY(bank.journalEntries(&journal, &error));
        QVERIFY(journal.isEmpty());

        // beta is not named by the journal: never signed in to, its secret never read.
        QCOMPARE(int(m_beta.requestLog().size()), betaRequestsBefore);
        QVERIFY(!app.backend()->cloudSessions()->cached(QStringLiteral("beta")));
        QVERIFY(app.backend()->cloudSessions()->cached(QStringLiteral("alpha")));
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
