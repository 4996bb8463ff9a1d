#include "clirunner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>

namespace svtest {

QJsonObject lastJsonLine(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
}

QJsonObject CliRun::lastJson() const
{
    return lastJsonLine(out);
}

QByteArray CliRun::describe() const
{
    return "exit code " + QByteArray::number(exitCode) + (crashed ? " (crashed)" : "")
           + (finished ? "" : " (did not finish)") + "\nstdout:\n" + out + "\nstderr:\n" + err;
}

CliRunner::CliRunner(const QString &home)
    : m_home(home)
{
}

void CliRunner::setEnvironment(const QString &name, const QString &value)
{
    m_environment.insert(name, value);
}

QString CliRunner::binary()
{
    return QStringLiteral(STACKVAULT_BINARY_DIR "/app/stackvault-cli");
}

QProcessEnvironment CliRunner::environment(const QHash<QString, QString> &extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The developer's own openrc must not leak into the test.
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("OS_")))
            env.remove(key);
    }
    const QDir home(m_home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HOME"), home.filePath(QStringLiteral("home")));
    QDir().mkpath(home.filePath(QStringLiteral("home")));
    for (const auto *values : {&m_environment, &extra}) {
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            if (it.value().isEmpty())
                env.remove(it.key());
            else
                env.insert(it.key(), it.value());
        }
    }
    return env;
}

QProcess *CliRunner::start(const QStringList &arguments, QObject *parent) const
{
    auto *process = new QProcess(parent);
    process->setProcessEnvironment(environment({}));
    process->setWorkingDirectory(m_home);
    process->start(binary(), arguments);
    process->closeWriteChannel();
    return process;
}

CliRun CliRunner::run(const QStringList &arguments, const QByteArray &input,
                      const QHash<QString, QString> &extra, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(environment(extra));
    process.setWorkingDirectory(m_home); // where a test puts a clouds.yaml to be found
    process.start(binary(), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    const QDeadlineTimer deadline(timeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        process.waitForFinished(20);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(10000);
    } else {
        run.finished = true;
        run.crashed = process.exitStatus() == QProcess::CrashExit;
        run.exitCode = run.crashed ? -1 : process.exitCode();
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace svtest
