#pragma once
// Runs the built stackvault-cli as a user would, for the tests that drive the real binary: a private
// home (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and HOME below one folder, so the developer's
// settings and clouds stay untouched), without the developer's OS_* variables, the secret on standard
// input. The calling thread's event loop keeps turning while the CLI runs, so servers living on the
// test's thread (a mini Keystone, a relay) still answer.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QObject;
class QProcess;

namespace svtest {

struct CliRun
{
    bool finished = false; // false: it did not start, or was killed after the time limit
    bool crashed = false;  // ended by a signal (a crash or an injected STACKVAULT_CRASH_AT)
    int exitCode = -1;     // the exit code when it finished normally, -1 otherwise
    QByteArray out;
    QByteArray err;

    // The last line of standard output as JSON (with --json, jobs print one event per line).
    QJsonObject lastJson() const;
    // What to show when an assertion about this run fails.
    QByteArray describe() const;
};

// The last line of `out` as JSON.
QJsonObject lastJsonLine(const QByteArray &out);

class CliRunner
{
public:
    explicit CliRunner(const QString &home);

    // Added to (or, with an empty value, removed from) the environment of every later run.
    void setEnvironment(const QString &name, const QString &value);
    CliRun run(const QStringList &arguments, const QByteArray &input = {},
               const QHash<QString, QString> &environment = {}, int timeoutMs = 120000) const;
    // Starts it in the background (standard input closed), for runs that overlap; owned by `parent`.
    QProcess *start(const QStringList &arguments, QObject *parent) const;

    static QString binary(); // the stackvault-cli of this build

private:
    QProcessEnvironment environment(const QHash<QString, QString> &extra) const;

    QString m_home;
    QHash<QString, QString> m_environment;
};

} // namespace svtest
