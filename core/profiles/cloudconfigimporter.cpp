#include "profiles/cloudconfigimporter.h"

#include "profiles/profileslog.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

namespace sv {

namespace {

// The helpers below are not members of CloudConfigImporter, yet their messages are its own: they call
// CloudConfigImporter::tr by name, so lupdate files them under the context that is looked up at run time.

// One value of a cloud's configuration with where it came from, so every message can name the file (or
// variable), the line and the key.
struct Setting
{
    QString value;
    QString where; // "/etc/openstack/clouds.yaml, line 7" or "environment variable OS_AUTH_URL"
    QString key; // "clouds.prod.auth.auth_url" or "OS_AUTH_URL"
    QStringList regions; // only for `regions`: every listed name
};
using Settings = QHash<QString, Setting>; // canonical key (auth keys without the "auth." prefix) → value

const QSet<QString> &authKeys()
{
    static const QSet<QString> keys {
        QStringLiteral("auth_url"),
        QStringLiteral("username"),
        QStringLiteral("user_id"),
        QStringLiteral("password"),
        QStringLiteral("project_name"),
        QStringLiteral("project_id"),
        QStringLiteral("tenant_name"),
        QStringLiteral("tenant_id"),
        QStringLiteral("user_domain_name"),
        QStringLiteral("user_domain_id"),
        QStringLiteral("project_domain_name"),
        QStringLiteral("project_domain_id"),
        QStringLiteral("domain_name"),
        QStringLiteral("domain_id"),
        QStringLiteral("default_domain"),
        QStringLiteral("application_credential_id"),
        QStringLiteral("application_credential_name"),
        QStringLiteral("application_credential_secret"),
    };
    return keys;
}

const QSet<QString> &cloudScalarKeys()
{
    static const QSet<QString> keys {
        QStringLiteral("auth_type"),
        QStringLiteral("region_name"),
        QStringLiteral("interface"),
        QStringLiteral("endpoint_type"),
        QStringLiteral("cacert"),
        QStringLiteral("verify"),
        QStringLiteral("insecure"),
        QStringLiteral("identity_api_version"),
        QStringLiteral("profile"),
        QStringLiteral("cloud"),
        QStringLiteral("default_domain"),
    };
    return keys;
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// The key named on (or just above) a line, to point at it when the parser only knows a position.
QString keyNearLine(const QByteArray &text, int line)
{
    static const QRegularExpression keyPattern(QStringLiteral("^\\s*(?:-\\s+)?([A-Za-z0-9_.-]+)\\s*:"));
    const QList<QByteArray> lines = text.split('\n');
    for (int i = std::min<int>(line, int(lines.size()) - 1); i >= 0 && i >= line - 2; --i) {
        const auto match = keyPattern.match(QString::fromUtf8(lines.at(i)));
        if (match.hasMatch())
            return match.captured(1);
    }
    return QString();
}

class YamlReader
{
public:
    YamlReader(QString fileName, QStringList *errors)
        : m_file(std::move(fileName))
        , m_errors(errors)
    { }

    // Parses the text; false (with an error naming file, line, column and nearby key) on bad syntax.
    bool load(const QByteArray &text, YAML::Node *root)
    {
        try {
            *root = YAML::Load(text.toStdString());
            return true;
        } catch (const YAML::Exception &e) {
            const QString key = keyNearLine(text, e.mark.line);
            const QString where = QStringLiteral("%1, line %2, column %3")
                                      .arg(m_file)
                                      .arg(e.mark.line + 1)
                                      .arg(e.mark.column + 1);
            m_errors->append(key.isEmpty()
                    ? sv::CloudConfigImporter::tr("%1: not valid YAML: %2").arg(where, fromStd(e.msg))
                    : sv::CloudConfigImporter::tr("%1 (key %2): not valid YAML: %3")
                          .arg(where, key, fromStd(e.msg)));
            return false;
        }
    }

    // The map under `clouds`, or a null node (with an error unless the file may be empty).
    YAML::Node clouds(const YAML::Node &root, bool mayBeEmpty)
    {
        if (root.IsNull() || (root.IsMap() && !root[std::string("clouds")])) {
            if (!mayBeEmpty)
                m_errors->append(
                    sv::CloudConfigImporter::tr("%1: there is no key clouds, so no cloud is defined.")
                        .arg(m_file));
            return YAML::Node();
        }
        if (!root.IsMap()) {
            m_errors->append(
                sv::CloudConfigImporter::tr("%1: key clouds: the file must be a map with a key clouds.")
                    .arg(where(root)));
            return YAML::Node();
        }
        const YAML::Node clouds = root[std::string("clouds")];
        if (clouds.IsNull())
            return YAML::Node();
        if (!clouds.IsMap()) {
            m_errors->append(
                sv::CloudConfigImporter::tr("%1: key clouds: expected a map of cloud names to settings.")
                    .arg(where(clouds)));
            return YAML::Node();
        }
        return clouds;
    }

    QString where(const YAML::Node &node) const
    {
        return sv::CloudConfigImporter::tr("%1, line %2").arg(m_file).arg(node.Mark().line + 1);
    }

    void flattenCloud(const YAML::Node &cloud, const QString &path, Settings &out, QStringList &notes)
    {
        if (!cloud.IsMap()) {
            if (!cloud.IsNull())
                m_errors->append(sv::CloudConfigImporter::tr("%1: key %2: expected a map of settings.")
                                     .arg(where(cloud), path));
            return;
        }
        // YAML merge keys ("<<: *base") are common in clouds.yaml; yaml-cpp leaves them to us. The merged
        // maps go first so that the cloud's own keys win.
        forEachMerged(cloud, [&](const YAML::Node &base) { flattenCloud(base, path, out, notes); });
        for (auto it = cloud.begin(); it != cloud.end(); ++it) {
            const QString key = fromStd(it->first.Scalar());
            const YAML::Node value = it->second;
            const QString keyPath = path + QLatin1Char('.') + key;
            if (key == QLatin1String("<<") || value.IsNull())
                continue;
            if (key == QLatin1String("auth"))
                flattenAuth(value, keyPath, out, notes);
            else if (key == QLatin1String("regions"))
                flattenRegions(value, keyPath, out);
            else if (cloudScalarKeys().contains(key))
                putScalar(key, value, keyPath, out);
            else if (key == QLatin1String("key") || key == QLatin1String("cert"))
                notes.append(
                    sv::CloudConfigImporter::tr("%1: key %2: client certificates are not supported; ignored.")
                        .arg(where(value), keyPath));
        }
    }

private:
    template <typename Function> void forEachMerged(const YAML::Node &map, Function function)
    {
        const YAML::Node merged = map[std::string("<<")];
        if (!merged)
            return;
        if (merged.IsMap()) {
            function(merged);
        } else if (merged.IsSequence()) {
            // In a list of merged maps the first one wins, so apply them last to first.
            for (std::size_t i = merged.size(); i-- > 0;)
                function(merged[i]);
        } else {
            m_errors->append(
                sv::CloudConfigImporter::tr("%1: key <<: a merge key must name a map (like <<: *base).")
                    .arg(where(merged)));
        }
    }

    void flattenAuth(const YAML::Node &auth, const QString &path, Settings &out, QStringList &notes)
    {
        if (!auth.IsMap()) {
            m_errors->append(
                sv::CloudConfigImporter::tr("%1: key %2: expected a map (auth_url, username, password, ...).")
                    .arg(where(auth), path));
            return;
        }
        forEachMerged(auth, [&](const YAML::Node &base) { flattenAuth(base, path, out, notes); });
        for (auto it = auth.begin(); it != auth.end(); ++it) {
            const QString key = fromStd(it->first.Scalar());
            const QString keyPath = path + QLatin1Char('.') + key;
            if (key == QLatin1String("<<") || it->second.IsNull())
                continue;
            if (authKeys().contains(key))
                putScalar(key, it->second, keyPath, out);
            else
                notes.append(sv::CloudConfigImporter::tr("%1: key %2 is not used by StackVault; ignored.")
                                 .arg(where(it->second), keyPath));
        }
    }

    void flattenRegions(const YAML::Node &regions, const QString &path, Settings &out)
    {
        if (!regions.IsSequence()) {
            m_errors->append(sv::CloudConfigImporter::tr("%1: key %2: expected a list of region names.")
                                 .arg(where(regions), path));
            return;
        }
        Setting setting { QString(), where(regions), path, {} };
        for (const YAML::Node &region : regions) {
            // (Never assign to a YAML::Node that refers into a document: that rewrites the document.)
            const YAML::Node name = region.IsMap() ? region[std::string("name")] : region;
            if (!name || !name.IsScalar() || name.Scalar().empty()) {
                m_errors->append(sv::CloudConfigImporter::tr(
                    "%1: key %2: each region must be a name or a map with a key name.")
                                     .arg(where(region), path));
                return;
            }
            setting.regions.append(fromStd(name.Scalar()));
        }
        if (!setting.regions.isEmpty()) {
            setting.value = setting.regions.constFirst();
            out.insert(QStringLiteral("regions"), setting);
        }
    }

    void putScalar(const QString &key, const YAML::Node &value, const QString &path, Settings &out)
    {
        if (!value.IsScalar()) {
            m_errors->append(
                sv::CloudConfigImporter::tr("%1: key %2: expected a single value, not a list or map.")
                    .arg(where(value), path));
            return;
        }
        out.insert(key, Setting { fromStd(value.Scalar()), where(value), path, {} });
    }

    QString m_file;
    QStringList *m_errors;
};

std::optional<bool> parseBool(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    // PyYAML (which openstacksdk uses) reads YAML 1.1 booleans; shell variables often say 1/0.
    if (lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QLatin1String("on")
        || lower == QLatin1String("1"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QLatin1String("off")
        || lower == QLatin1String("0"))
        return false;
    return std::nullopt;
}

QString expandPath(const QString &path, const QString &currentDirectory)
{
    if (path.isEmpty())
        return path;
    QString expanded = path;
    if (expanded == QLatin1String("~") || expanded.startsWith(QLatin1String("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    return QDir::cleanPath(QDir(currentDirectory).absoluteFilePath(expanded));
}

// Turns one cloud's settings (from YAML or the environment) into a profile, applying openstacksdk's
// aliases; appends an error naming where the offending value came from.
std::optional<ImportedCloud> buildCloud(const QString &name, const Settings &settings,
    const QString &cloudWhere, const QString &source, const QString &currentDirectory, QStringList &notes,
    QStringList &errors)
{
    const auto value = [&settings](const char *key) { return settings.value(QLatin1String(key)).value; };
    const auto has
        = [&settings](const char *key) { return !settings.value(QLatin1String(key)).value.isEmpty(); };
    const auto fail = [&errors](const Setting &setting, const QString &problem) {
        errors.append(sv::CloudConfigImporter::tr("%1: key %2: %3").arg(setting.where, setting.key, problem));
        return std::nullopt;
    };
    const auto setting = [&settings](const char *key) { return settings.value(QLatin1String(key)); };

    ImportedCloud cloud;
    cloud.source = source;
    CloudProfile &profile = cloud.profile;
    profile.name = name;

    if (!has("auth_url")) {
        QString problem
            = sv::CloudConfigImporter::tr("%1: cloud \"%2\": key auth.auth_url (or OS_AUTH_URL) is missing.")
                  .arg(cloudWhere, name);
        if (has("profile") || has("cloud"))
            problem += QLatin1Char(' ')
                + sv::CloudConfigImporter::tr(
                    "Vendor profiles (key profile: %1) are not supported; write the vendor's auth_url into "
                    "the cloud.")
                      .arg(has("profile") ? value("profile") : value("cloud"));
        errors.append(problem);
        return std::nullopt;
    }
    profile.authUrl = QUrl(value("auth_url"), QUrl::StrictMode);
    if (!profile.authUrl.isValid() || profile.authUrl.host().isEmpty()
        || (profile.authUrl.scheme() != QLatin1String("https")
            && profile.authUrl.scheme() != QLatin1String("http")))
        return fail(setting("auth_url"),
            sv::CloudConfigImporter::tr("\"%1\" is not an http:// or https:// URL.").arg(value("auth_url")));

    if (has("identity_api_version")) {
        const QString version = value("identity_api_version");
        if (!version.startsWith(QLatin1Char('3')))
            return fail(setting("identity_api_version"),
                sv::CloudConfigImporter::tr(
                    "Keystone v%1 is not supported; StackVault needs the Identity v3 API.")
                    .arg(version));
    }

    // Authentication type. Without auth_type openstacksdk assumes "password"; an application credential
    // given without it would fail there, so StackVault recognises it.
    const QString authType = value("auth_type").toLower();
    if (authType.isEmpty()) {
        profile.authType
            = (has("application_credential_secret") || has("application_credential_id")) && !has("password")
            ? AuthType::ApplicationCredential
            : AuthType::Password;
    } else if (authType == QLatin1String("password") || authType == QLatin1String("v3password")) {
        profile.authType = AuthType::Password;
    } else if (authType == QLatin1String("v3applicationcredential")
        || authType == QLatin1String("applicationcredential")
        || authType == QLatin1String("application_credential")) {
        profile.authType = AuthType::ApplicationCredential;
    } else {
        return fail(setting("auth_type"),
            sv::CloudConfigImporter::tr("auth type \"%1\" is not supported; use password or "
                                    "v3applicationcredential.")
                .arg(value("auth_type")));
    }

    profile.userName = value("username");
    profile.userId = value("user_id");
    profile.projectName = has("project_name") ? value("project_name") : value("tenant_name");
    profile.projectId = has("project_id") ? value("project_id") : value("tenant_id");

    // domain_name/domain_id stand for both the user's and the project's domain unless those are given;
    // default_domain (an id) is the last resort, as in python-openstackclient.
    const auto pickDomain
        = [&](const char *specificName, const char *specificId, QString *nameOut, QString *idOut) {
              if (has(specificName) || has(specificId)) {
                  *nameOut = value(specificName);
                  *idOut = value(specificId);
              } else if (has("domain_name") || has("domain_id")) {
                  *nameOut = value("domain_name");
                  *idOut = value("domain_id");
              } else {
                  *idOut = value("default_domain");
              }
          };
    pickDomain("user_domain_name", "user_domain_id", &profile.userDomainName, &profile.userDomainId);
    pickDomain(
        "project_domain_name", "project_domain_id", &profile.projectDomainName, &profile.projectDomainId);

    if (profile.authType == AuthType::ApplicationCredential) {
        profile.applicationCredentialId = value("application_credential_id");
        profile.applicationCredentialName = value("application_credential_name");
        cloud.secret = value("application_credential_secret");
        // Application credentials carry their own scope; a project in the file would be rejected by Keystone.
        if (has("project_name") || has("project_id") || has("tenant_name") || has("tenant_id")) {
            notes.append(sv::CloudConfigImporter::tr(
                "Cloud \"%1\": the project is ignored because an application credential carries its own.")
                             .arg(name));
            profile.projectName.clear();
            profile.projectId.clear();
            profile.projectDomainName.clear();
            profile.projectDomainId.clear();
        }
        if (!profile.applicationCredentialId.isEmpty()) {
            // With the credential's id Keystone needs no user; keeping one would only confuse.
            profile.userDomainName.clear();
            profile.userDomainId.clear();
        }
    } else {
        cloud.secret = value("password");
    }

    if (has("region_name")) {
        profile.regionName = value("region_name");
        const Setting regions = setting("regions");
        if (!regions.regions.isEmpty() && !regions.regions.contains(profile.regionName))
            return fail(setting("region_name"),
                sv::CloudConfigImporter::tr("region \"%1\" is not one of the cloud's regions (%2).")
                    .arg(profile.regionName, regions.regions.join(QLatin1String(", "))));
    } else if (has("regions")) {
        const Setting regions = setting("regions");
        profile.regionName = regions.value;
        if (regions.regions.size() > 1)
            notes.append(sv::CloudConfigImporter::tr(
                "Cloud \"%1\" lists the regions %2; using %3. Add another cloud for each other region.")
                             .arg(name, regions.regions.join(QLatin1String(", ")), profile.regionName));
    }

    const char *interfaceKey = has("interface") ? "interface" : "endpoint_type";
    if (has(interfaceKey)) {
        QString interface = value(interfaceKey).toLower();
        if (interface.endsWith(QLatin1String("url"))) // publicURL, internalURL, adminURL (old openrc files)
            interface.chop(3);
        if (interface != QLatin1String("public") && interface != QLatin1String("internal")
            && interface != QLatin1String("admin"))
            return fail(setting(interfaceKey),
                sv::CloudConfigImporter::tr("\"%1\" is not an interface; use public, internal or admin.")
                    .arg(value(interfaceKey)));
        profile.interface = interface;
    }

    profile.caBundlePath = expandPath(value("cacert"), currentDirectory);
    if (has("verify")) {
        const auto verify = parseBool(value("verify"));
        if (!verify)
            return fail(setting("verify"),
                sv::CloudConfigImporter::tr("expected true or false, not \"%1\".").arg(value("verify")));
        profile.verifyTls = *verify;
    }
    if (has("insecure")) {
        const auto insecure = parseBool(value("insecure"));
        if (!insecure)
            return fail(setting("insecure"),
                sv::CloudConfigImporter::tr("expected true or false, not \"%1\".").arg(value("insecure")));
        if (*insecure)
            profile.verifyTls = false;
    }

    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        errors.append(sv::CloudConfigImporter::tr("%1: cloud \"%2\": %3").arg(cloudWhere, name, invalid));
        return std::nullopt;
    }
    cloud.notes = notes;
    return cloud;
}

struct EnvironmentKey
{
    const char *variable;
    const char *key;
};

// OS_* variables of openrc files and python-openstackclient, mapped to clouds.yaml keys.
constexpr EnvironmentKey environmentKeys[] = {
    { "OS_AUTH_URL", "auth_url" },
    { "OS_USERNAME", "username" },
    { "OS_USER_ID", "user_id" },
    { "OS_PASSWORD", "password" },
    { "OS_PROJECT_NAME", "project_name" },
    { "OS_PROJECT_ID", "project_id" },
    { "OS_TENANT_NAME", "tenant_name" },
    { "OS_TENANT_ID", "tenant_id" },
    { "OS_USER_DOMAIN_NAME", "user_domain_name" },
    { "OS_USER_DOMAIN_ID", "user_domain_id" },
    { "OS_PROJECT_DOMAIN_NAME", "project_domain_name" },
    { "OS_PROJECT_DOMAIN_ID", "project_domain_id" },
    { "OS_DOMAIN_NAME", "domain_name" },
    { "OS_DOMAIN_ID", "domain_id" },
    { "OS_DEFAULT_DOMAIN", "default_domain" },
    { "OS_APPLICATION_CREDENTIAL_ID", "application_credential_id" },
    { "OS_APPLICATION_CREDENTIAL_NAME", "application_credential_name" },
    { "OS_APPLICATION_CREDENTIAL_SECRET", "application_credential_secret" },
    { "OS_AUTH_TYPE", "auth_type" },
    { "OS_REGION_NAME", "region_name" },
    { "OS_INTERFACE", "interface" },
    { "OS_ENDPOINT_TYPE", "endpoint_type" },
    { "OS_CACERT", "cacert" },
    { "OS_INSECURE", "insecure" },
    { "OS_IDENTITY_API_VERSION", "identity_api_version" },
};

void overlayEnvironment(const QProcessEnvironment &environment, Settings &settings)
{
    for (const EnvironmentKey &entry : environmentKeys) {
        const QString variable = QLatin1String(entry.variable);
        const QString text = environment.value(variable);
        if (text.isEmpty())
            continue;
        const QString key = QLatin1String(entry.key);
        // A variable replaces the file's value; when it sets one of a pair of aliases, the other must go.
        if (key == QLatin1String("project_name") || key == QLatin1String("tenant_name")) {
            settings.remove(QStringLiteral("project_name"));
            settings.remove(QStringLiteral("tenant_name"));
        } else if (key == QLatin1String("project_id") || key == QLatin1String("tenant_id")) {
            settings.remove(QStringLiteral("project_id"));
            settings.remove(QStringLiteral("tenant_id"));
        } else if (key == QLatin1String("region_name")) {
            settings.remove(QStringLiteral("regions"));
        }
        settings.insert(key,
            Setting { text, sv::CloudConfigImporter::tr("environment variable %1").arg(variable), variable, {} });
    }
}

bool readFile(const QString &path, QByteArray *contents, QStringList &errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.append(sv::CloudConfigImporter::tr("%1: cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    *contents = file.readAll();
    return true;
}

QString firstExisting(const QString &override, const QStringList &directories, const QString &baseName)
{
    if (!override.isEmpty() && QFileInfo(override).isFile())
        return override;
    for (const QString &directory : directories) {
        for (const char *suffix : { ".yaml", ".yml", ".json" }) {
            const QString candidate = QDir(directory).filePath(baseName + QLatin1String(suffix));
            if (QFileInfo(candidate).isFile())
                return candidate;
        }
    }
    return QString();
}

// The parse, with the cloud entries kept so that environment variables can be laid over one of them.
struct ParsedFiles
{
    QStringList names; // in file order: clouds.yaml's first, then secure.yaml's own
    QHash<QString, Settings> settings; // per cloud, secure.yaml merged over clouds.yaml
    QHash<QString, QString> where; // per cloud, the file and line of its entry
    QHash<QString, QStringList> notes;
};

ParsedFiles parseFiles(const QByteArray &clouds, const QString &cloudsName, const QByteArray &secure,
    const QString &secureName, QStringList &errors)
{
    ParsedFiles parsed;
    YamlReader cloudsReader(cloudsName, &errors);
    YAML::Node cloudsRoot;
    if (!cloudsReader.load(clouds, &cloudsRoot))
        return parsed;
    const YAML::Node cloudsMap = cloudsReader.clouds(cloudsRoot, false);

    YamlReader secureReader(secureName, &errors);
    YAML::Node secureRoot;
    YAML::Node secureMap;
    if (!secureName.isEmpty()) {
        if (!secureReader.load(secure, &secureRoot))
            return parsed;
        secureMap = secureReader.clouds(secureRoot, true);
    }

    // openstacksdk deep-merges secure.yaml over clouds.yaml: maps merge key by key, anything else is
    // replaced. Flattening each file and laying the second over the first does exactly that for the keys
    // read here, and keeps each value's own file and line for messages.
    const auto addFrom = [&parsed](YamlReader &reader, const YAML::Node &map) {
        if (!map || !map.IsMap())
            return;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString name = QString::fromStdString(it->first.Scalar());
            if (!parsed.settings.contains(name)) {
                parsed.names.append(name);
                parsed.where.insert(name, reader.where(it->first));
            }
            reader.flattenCloud(
                it->second, QStringLiteral("clouds.") + name, parsed.settings[name], parsed.notes[name]);
        }
    };
    addFrom(cloudsReader, cloudsMap);
    addFrom(secureReader, secureMap);
    return parsed;
}

} // namespace

QStringList CloudConfigImporter::searchDirectories(
    const QProcessEnvironment &environment, const QString &currentDirectory)
{
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    QStringList directories { currentDirectory };
    const QString configHome = environment.value(QStringLiteral("XDG_CONFIG_HOME"));
    if (!configHome.isEmpty())
        directories.append(QDir(configHome).filePath(QStringLiteral("openstack")));
    directories.append(QDir(home).filePath(QStringLiteral(".config/openstack")));
    const QString configDirs = environment.value(QStringLiteral("XDG_CONFIG_DIRS"));
    const QString siteConfig
        = configDirs.isEmpty() ? QStringLiteral("/etc/xdg") : configDirs.split(QLatin1Char(':')).constFirst();
    directories.append(QDir(siteConfig).filePath(QStringLiteral("openstack")));
    directories.append(QStringLiteral("/etc/openstack"));
    directories.removeDuplicates();
    return directories;
}

QString CloudConfigImporter::findCloudsFile(
    const QProcessEnvironment &environment, const QString &currentDirectory)
{
    return firstExisting(environment.value(QStringLiteral("OS_CLIENT_CONFIG_FILE")),
        searchDirectories(environment, currentDirectory), QStringLiteral("clouds"));
}

QString CloudConfigImporter::findSecureFile(
    const QProcessEnvironment &environment, const QString &currentDirectory)
{
    return firstExisting(environment.value(QStringLiteral("OS_CLIENT_SECURE_FILE")),
        searchDirectories(environment, currentDirectory), QStringLiteral("secure"));
}

CloudImportResult CloudConfigImporter::parse(const QByteArray &clouds, const QString &cloudsName,
    const QByteArray &secure, const QString &secureName, const QString &onlyCloud)
{
    CloudImportResult result;
    result.cloudsFile = cloudsName;
    result.secureFile = secureName;
    const ParsedFiles parsed = parseFiles(clouds, cloudsName, secure, secureName, result.errors);
    if (!result.errors.isEmpty())
        return result;
    if (!onlyCloud.isEmpty() && !parsed.settings.contains(onlyCloud)) {
        result.errors.append(sv::CloudConfigImporter::tr("%1: there is no cloud named \"%2\" (found: %3).")
                                 .arg(cloudsName, onlyCloud,
                                     parsed.names.isEmpty() ? sv::CloudConfigImporter::tr("none")
                                                            : parsed.names.join(QLatin1String(", "))));
        return result;
    }
    const QString currentDirectory = QDir::currentPath();
    for (const QString &name : parsed.names) {
        if (!onlyCloud.isEmpty() && name != onlyCloud)
            continue;
        QStringList notes = parsed.notes.value(name);
        if (auto cloud = buildCloud(name, parsed.settings.value(name), parsed.where.value(name), cloudsName,
                currentDirectory, notes, result.errors))
            result.clouds.append(*cloud);
    }
    return result;
}

CloudImportResult CloudConfigImporter::importFiles(
    const QString &cloudsFile, const QString &secureFile, const QString &onlyCloud)
{
    CloudImportResult result;
    QByteArray clouds;
    QByteArray secure;
    if (!readFile(cloudsFile, &clouds, result.errors)
        || (!secureFile.isEmpty() && !readFile(secureFile, &secure, result.errors))) {
        result.cloudsFile = cloudsFile;
        result.secureFile = secureFile;
        return result;
    }
    qCDebug(lcProfiles) << "importing" << cloudsFile << secureFile;
    return parse(clouds, cloudsFile, secure, secureFile, onlyCloud);
}

CloudImportResult CloudConfigImporter::importDefault(
    const QProcessEnvironment &environment, const QString &currentDirectory, const QString &onlyCloud)
{
    const QString cloudsFile = findCloudsFile(environment, currentDirectory);
    if (cloudsFile.isEmpty()) {
        CloudImportResult result;
        result.errors.append(
            sv::CloudConfigImporter::tr("No clouds.yaml was found (looked in $OS_CLIENT_CONFIG_FILE, %1).")
                .arg(searchDirectories(environment, currentDirectory).join(QLatin1String(", "))));
        return result;
    }
    return importFiles(cloudsFile, findSecureFile(environment, currentDirectory), onlyCloud);
}

CloudImportResult CloudConfigImporter::importEnvironment(
    const QProcessEnvironment &environment, const QString &currentDirectory)
{
    CloudImportResult result;
    const QString selected = environment.value(QStringLiteral("OS_CLOUD"));
    Settings settings;
    QStringList notes;
    QString name;
    QString where;
    QString source;
    if (!selected.isEmpty()) {
        // OS_CLOUD picks a clouds.yaml entry; other OS_* variables (typically OS_PASSWORD) override it.
        const QString cloudsFile = findCloudsFile(environment, currentDirectory);
        if (cloudsFile.isEmpty()) {
            result.errors.append(
                sv::CloudConfigImporter::tr(
                    "environment variable OS_CLOUD names \"%1\", but no clouds.yaml was found "
                    "(looked in $OS_CLIENT_CONFIG_FILE, %2).")
                    .arg(selected,
                        searchDirectories(environment, currentDirectory).join(QLatin1String(", "))));
            return result;
        }
        const QString secureFile = findSecureFile(environment, currentDirectory);
        QByteArray clouds;
        QByteArray secure;
        if (!readFile(cloudsFile, &clouds, result.errors)
            || (!secureFile.isEmpty() && !readFile(secureFile, &secure, result.errors)))
            return result;
        result.cloudsFile = cloudsFile;
        result.secureFile = secureFile;
        const ParsedFiles parsed = parseFiles(clouds, cloudsFile, secure, secureFile, result.errors);
        if (!result.errors.isEmpty())
            return result;
        if (!parsed.settings.contains(selected)) {
            result.errors.append(sv::CloudConfigImporter::tr(
                "environment variable OS_CLOUD: %1 has no cloud named \"%2\" (found: %3).")
                                     .arg(cloudsFile, selected,
                                         parsed.names.isEmpty() ? sv::CloudConfigImporter::tr("none")
                                                                : parsed.names.join(QLatin1String(", "))));
            return result;
        }
        name = selected;
        settings = parsed.settings.value(selected);
        notes = parsed.notes.value(selected);
        where = parsed.where.value(selected);
        source = cloudsFile;
    } else if (environment.contains(QStringLiteral("OS_AUTH_URL"))) {
        name = environment.value(QStringLiteral("OS_CLOUD_NAME"), QStringLiteral("envvars"));
        where = sv::CloudConfigImporter::tr("environment variables");
        source = where;
    } else {
        result.errors.append(sv::CloudConfigImporter::tr(
            "Neither OS_AUTH_URL nor OS_CLOUD is set: load your OpenStack RC file first "
            "(for example `source project-openrc.sh`)."));
        return result;
    }
    overlayEnvironment(environment, settings);
    if (auto cloud = buildCloud(name, settings, where, source, currentDirectory, notes, result.errors))
        result.clouds.append(*cloud);
    return result;
}

} // namespace sv
