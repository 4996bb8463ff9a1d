#include "openstackcli.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

namespace real {

QString openstackExecutable()
{
    return QStandardPaths::findExecutable(QStringLiteral("openstack"));
}

CliResult runOpenstack(const RealCloud &cloud, const QStringList &arguments, bool asAdmin, int timeoutMs)
{
    return runOpenstack(cloud.cliEnvironment(asAdmin), arguments, timeoutMs);
}

CliResult runOpenstack(const QProcessEnvironment &environment, const QStringList &arguments, int timeoutMs)
{
    CliResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(openstackExecutable(), arguments);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "openstack " + arguments.join(QLatin1Char(' ')).toUtf8() + ": no exit within "
            + QByteArray::number(timeoutMs / 1000) + " s";
        return result;
    }
    result.elapsedMs = timer.elapsed();
    qInfo("openstack %s: %lld ms", qPrintable(arguments.mid(0, 2).join(QLatin1Char(' '))), result.elapsedMs);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace real
