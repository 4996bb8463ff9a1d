#include "plans/planunits.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>

namespace sv {

namespace {
// systemd's quoting (systemd.syntax(7)): double quotes, with \ and " escaped; % is a specifier.
QString systemdQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    quoted.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return u'"' + quoted + u'"';
}

// POSIX shell quoting for the crontab line; % must be escaped there too (cron turns it into a newline).
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    quoted.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    return u'\'' + quoted + u'\'';
}

QStringList sortedKeys(const QHash<QString, QString> &environment)
{
    QStringList keys = environment.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}
} // namespace

QString PlanUnits::serviceName(const QString &plan)
{
    return QStringLiteral("stackvault-plan-%1.service").arg(plan);
}

QString PlanUnits::timerName(const QString &plan)
{
    return QStringLiteral("stackvault-plan-%1.timer").arg(plan);
}

QString PlanUnits::unitDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)).filePath(QStringLiteral("systemd/user"));
}

QString PlanUnits::serviceText(const Plan &plan, const QString &program, const QHash<QString, QString> &environment)
{
    QString text = QStringLiteral(
                       "# Written by StackVault (plans schedule install, or Install Schedule in the Plans view); removed by plans schedule remove.\n"
                       "[Unit]\n"
                       "Description=StackVault backup plan %1\n"
                       "Wants=network-online.target\n"
                       "After=network-online.target\n"
                       "\n"
                       "[Service]\n"
                       "Type=oneshot\n")
                       .arg(plan.name);
    for (const QString &key : sortedKeys(environment))
        text += QStringLiteral("Environment=%1\n").arg(systemdQuote(key + u'=' + environment.value(key)));
    // Unattended: a failure raises a desktop notification (nobody watches the output).
    text += QStringLiteral("ExecStart=%1 plans run %2 --scheduled --notify-on-failure\n").arg(systemdQuote(program), plan.name);
    return text;
}

QString PlanUnits::programError(const QString &program)
{
    for (const QChar c : program) {
        if (c == u'"' || c == u'\'' || c == u'\\' || c.category() == QChar::Other_Control)
            return tr("systemd cannot run a program whose path holds a quote, a backslash or "
                                               "a control character: %1. Install or link stackvault-cli elsewhere.")
                .arg(program);
    }
    return {};
}

QString PlanUnits::timerText(const Plan &plan)
{
    if (plan.schedule.isNone())
        return {};
    return QStringLiteral("# Written by StackVault (plans schedule install, or Install Schedule in the Plans view); removed by plans schedule remove.\n"
                          "[Unit]\n"
                          "Description=Schedule of StackVault backup plan %1 (%2)\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=%3\n"
                          "Persistent=true\n"
                          "Unit=%4\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(plan.name, plan.schedule.toString(), plan.schedule.onCalendar(), serviceName(plan.name));
}

QString PlanUnits::cronLine(const Plan &plan, const QString &program, const QHash<QString, QString> &environment,
                            QString *why)
{
    const QString fields = plan.schedule.cronFields(why);
    if (fields.isEmpty())
        return {};
    QString line = fields + u' ';
    for (const QString &key : sortedKeys(environment))
        line += key + u'=' + shellQuote(environment.value(key)) + u' ';
    return line + shellQuote(program) + QStringLiteral(" plans run ") + plan.name + QStringLiteral(" --scheduled --notify-on-failure");
}

QHash<QString, QString> PlanUnits::runEnvironment()
{
    QHash<QString, QString> environment;
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            environment.insert(QLatin1String(name), value);
    }
    return environment;
}

} // namespace sv
