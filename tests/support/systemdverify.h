#pragma once
// `systemd-analyze --user verify` over unit files, as the tests of the plans' schedules check what they wrote
// (tst_planunits, tst_cliplans, the Plans view's Install Schedule). `--user` needs a runtime directory: a
// private one keeps the user's untouched.
#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

namespace svtest {

struct UnitVerification
{
    bool available = false; // systemd-analyze is installed (Debian package systemd)
    bool passed = false;    // exit code 0 and nothing said
    QByteArray output;
};

inline UnitVerification verifyUserUnits(const QStringList &files)
{
    UnitVerification result;
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty())
        return result;
    result.available = true;
    QTemporaryDir runtime;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(analyze, QStringList{QStringLiteral("--user"), QStringLiteral("verify")} + files);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.output = "systemd-analyze verify did not finish within 60 s";
        return result;
    }
    result.output = process.readAll();
    result.passed = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 && result.output.trimmed().isEmpty();
    return result;
}

} // namespace svtest

// In a test function: fails (CI=true) or skips without systemd-analyze, fails when the units do not verify.
#define SVTEST_VERIFY_USER_UNITS(files)                                                                            \
    do {                                                                                                           \
        const svtest::UnitVerification verified_ = svtest::verifyUserUnits(files);                                 \
        if (!verified_.available) {                                                                                \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                               \
                QFAIL("systemd-analyze is missing (Debian package systemd)");                                      \
            QSKIP("systemd-analyze is not installed");                                                             \
        }                                                                                                          \
        QVERIFY2(verified_.passed, verified_.output.constData());                                                  \
    } while (false)
