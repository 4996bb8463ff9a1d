// `stackvault-cli export` as a user runs it: the passphrase from STACKVAULT_BANK_PASSPHRASE, progress as
// JSON stage lines, the result with every file; usage errors; a storage that does not exist is not made;
// Ctrl-C in the middle removes the unfinished file.
#include "bank/localbank.h"
#include "clirunner.h"

#include "checkpointfixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QString kPassphrase = QStringLiteral("export passphrase");
const QString kVariable = QStringLiteral("STACKVAULT_BANK_PASSPHRASE");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    svtest::CliRunner m_runner{m_home.path()};
    QByteArray m_image;
    QString m_bank;
    QString m_id;

    QString newFolder(const QString &name)
    {
        const QString path = m_home.filePath(name);
        QDir().mkpath(path);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("STACKVAULT_KDF_OPSLIMIT", "1");
        qputenv("STACKVAULT_KDF_MEMLIMIT_KIB", "8192");
        m_runner.setEnvironment(QStringLiteral("STACKVAULT_KDF_OPSLIMIT"), QStringLiteral("1"));
        m_runner.setEnvironment(QStringLiteral("STACKVAULT_KDF_MEMLIMIT_KIB"), QStringLiteral("8192"));
        m_bank = m_home.filePath(QStringLiteral("bank"));
        sv::LocalBank bank(m_bank);
        bank.setEncryptNewBank(true);
        bank.setPassphrase(kPassphrase.toUtf8());
        sv::BankError error;
        QVERIFY2(bank.open(&error), qPrintable(error.message));
        m_image = svtest::generateImage(5 * 1024 * 1024 + 7, 21);
        m_id = svtest::backup(bank, QStringLiteral("s1"), m_image, &error);
        QVERIFY2(!m_id.isEmpty(), qPrintable(error.message));
    }

    void exportsWithProgressAndResult()
    {
        const QString out = newFolder(QStringLiteral("out"));
        const svtest::CliRun run =
            m_runner.run({QStringLiteral("export"), m_id, QStringLiteral("--output"), out + QStringLiteral("/web.img"),
                          QStringLiteral("--format"), QStringLiteral("qcow2"), QStringLiteral("--bank"), m_bank,
                          QStringLiteral("--json")},
                         {}, {{kVariable, kPassphrase}});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains("{\"event\":\"stage\",\"stage\":\"exporting\"}"), run.describe().constData());
        const QJsonObject result = run.lastJson();
        const QJsonArray files = result.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().toObject().value(QStringLiteral("path")).toString(), out + QStringLiteral("/web.img"));
        QCOMPARE(files.first().toObject().value(QStringLiteral("size")).toInteger(), qint64(m_image.size()));
        // The fixture records its image as qcow2: exported as qcow2, the stored bytes are written as they are.
        QVERIFY(readFile(out + QStringLiteral("/web.img")) == m_image);
        QCOMPARE(entriesOf(out), QStringList{QStringLiteral("web.img")});
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no output") << QStringList{QStringLiteral("ID")} << QStringLiteral("--output is required");
        QTest::newRow("no id") << QStringList{QStringLiteral("--output"), QStringLiteral("x.raw")}
                               << QStringLiteral("give exactly one backup id");
        QTest::newRow("bad format") << QStringList{QStringLiteral("ID"), QStringLiteral("--output"), QStringLiteral("x"),
                                                   QStringLiteral("--format"), QStringLiteral("vmdk")}
                                    << QStringLiteral("--format is raw or qcow2");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const svtest::CliRun run = m_runner.run(QStringList{QStringLiteral("export")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says.toUtf8()), run.describe().constData());
    }

    void missingStorageIsNotMade()
    {
        const QString missing = m_home.filePath(QStringLiteral("no-bank"));
        const svtest::CliRun run = m_runner.run({QStringLiteral("export"), m_id, QStringLiteral("--output"),
                                                 m_home.filePath(QStringLiteral("x.raw")), QStringLiteral("--bank"), missing},
                                                {}, {{kVariable, kPassphrase}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing.toUtf8()), run.describe().constData());
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("x.raw"))));
    }

    // Ctrl-C (SIGINT) in the middle: exit code 1, the unfinished file removed, nothing left in the folder.
    void ctrlCRemovesTheUnfinishedFile()
    {
        const QString root = m_home.filePath(QStringLiteral("big-bank"));
        sv::LocalBank bank(root);
        sv::BankError error;
        QVERIFY(bank.open(&error)); // plain: the test's time goes into the export, not the KDF
        const QString id = svtest::backup(bank, QStringLiteral("s9"), svtest::generateImage(192 * 1024 * 1024, 9), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        const QString out = newFolder(QStringLiteral("interrupted"));
        QProcess *process = m_runner.start({QStringLiteral("export"), id, QStringLiteral("--output"),
                                            out + QStringLiteral("/big.qcow2"), QStringLiteral("--format"),
                                            QStringLiteral("qcow2"), QStringLiteral("--bank"), root, QStringLiteral("--json")},
                                           this);
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += process->readAllStandardOutput()).contains("\"stage\":\"exporting\""), 60000);
        ::kill(pid_t(process->processId()), SIGSTOP);
        QCOMPARE(entriesOf(out).size(), 1);
        QVERIFY2(entriesOf(out).first().startsWith(QLatin1String(".big.qcow2.")), qPrintable(entriesOf(out).join(u',')));
        ::kill(pid_t(process->processId()), SIGINT);
        ::kill(pid_t(process->processId()), SIGCONT);
        QVERIFY(process->waitForFinished(60000));
        output += process->readAllStandardOutput();
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(svtest::lastJsonLine(output).value(QStringLiteral("message")).toString().contains(QLatin1String("cancelled")),
                 output.constData());
        QCOMPARE(entriesOf(out), QStringList());
    }

    void helpNamesTheOptions()
    {
        const svtest::CliRun help = m_runner.run({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"stackvault-cli export", "--output", "--format", "--resource", "--force", "qemu-utils"})
            QVERIFY2(help.out.contains(word), help.describe().constData());
        const svtest::CliRun usage = m_runner.run({QStringLiteral("--help")});
        QVERIFY(usage.out.contains("write a backup's disks into raw or qcow2 files"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
