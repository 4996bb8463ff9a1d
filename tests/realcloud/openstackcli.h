#pragma once
// Runs the real `openstack` CLI (python3-openstackclient, installed by install.sh) as user demo or
// admin of the real cloud (RealCloud::cliEnvironment), for tests that want an independent client.

#include "realcloud.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace real {

struct CliResult
{
    int exitCode = -1; // -1: crashed or did not exit in time (err says which)
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

// The `openstack` executable on PATH; empty when it is not installed.
QString openstackExecutable();
// Runs `openstack ARGUMENTS` and waits up to timeoutMs (the test's event loop keeps running).
CliResult runOpenstack(const RealCloud &cloud, const QStringList &arguments, bool asAdmin = false, int timeoutMs = 120000);
// The same with the OS_* variables given (tests of the fake cloud, which has no RealCloud).
CliResult runOpenstack(const QProcessEnvironment &environment, const QStringList &arguments, int timeoutMs = 120000);

} // namespace real
