#pragma once

#include "profiles/cloudprofile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sv {

// One cloud read from clouds.yaml/secure.yaml or OS_* variables: the profile (without id) and its secret,
// which the caller stores in the keychain — never in the profile file.
struct ImportedCloud
{
    CloudProfile profile;
    QString secret; // password or application-credential secret; empty when none was given
    QString source; // where it came from, for messages ("/home/u/.config/openstack/clouds.yaml")
    QStringList notes; // remarks that did not stop the import (unsupported keys, a region chosen of several)
};

struct CloudImportResult
{
    QList<ImportedCloud> clouds;
    QStringList errors; // each names the file (or variable), the line and the key
    QString cloudsFile; // the files actually read, empty when none
    QString secureFile;

    bool ok() const { return errors.isEmpty(); }
};

// Reads the configuration that the `openstack` CLI and openstacksdk use, so a user's existing setup
// becomes StackVault cloud profiles: clouds.yaml with secure.yaml deep-merged over it, found in
// openstacksdk's order, and the OS_* variables of an openrc file.
class CloudConfigImporter
{
    Q_DECLARE_TR_FUNCTIONS(sv::CloudConfigImporter)

public:
    // The directories searched, in openstacksdk's order: the current directory, $XDG_CONFIG_HOME/openstack,
    // ~/.config/openstack, the first of $XDG_CONFIG_DIRS (or /etc/xdg) + /openstack, /etc/openstack.
    static QStringList searchDirectories(
        const QProcessEnvironment &environment, const QString &currentDirectory);
    // The first existing clouds.{yaml,yml,json} (OS_CLIENT_CONFIG_FILE first), or empty.
    static QString findCloudsFile(const QProcessEnvironment &environment, const QString &currentDirectory);
    // The first existing secure.{yaml,yml,json} (OS_CLIENT_SECURE_FILE first), or empty.
    static QString findSecureFile(const QProcessEnvironment &environment, const QString &currentDirectory);

    // Parses the given texts; the names are used in messages. `onlyCloud` empty: every cloud.
    static CloudImportResult parse(const QByteArray &clouds, const QString &cloudsName,
        const QByteArray &secure, const QString &secureName, const QString &onlyCloud = QString());
    // Reads and parses the files; `secureFile` may be empty.
    static CloudImportResult importFiles(
        const QString &cloudsFile, const QString &secureFile, const QString &onlyCloud = QString());
    // Finds the files in openstacksdk's order and imports them.
    static CloudImportResult importDefault(const QProcessEnvironment &environment,
        const QString &currentDirectory, const QString &onlyCloud = QString());
    // An openrc environment: OS_AUTH_URL and friends make one cloud (named $OS_CLOUD_NAME or "envvars");
    // OS_CLOUD alone selects a clouds.yaml entry, with any other OS_* variables laid over it.
    static CloudImportResult importEnvironment(
        const QProcessEnvironment &environment, const QString &currentDirectory);
};

} // namespace sv
