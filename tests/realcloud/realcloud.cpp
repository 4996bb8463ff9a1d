#include "realcloud.h"

#include "bank/objectstorebank.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace real {

RealCloud RealCloud::fromEnvironment()
{
    RealCloud cloud;
    cloud.m_dir = qEnvironmentVariable("REALCLOUD_DIR");
    if (cloud.m_dir.isEmpty()) {
        cloud.m_error = QStringLiteral("REALCLOUD_DIR is not set");
        return cloud;
    }
    // stop.sh renames pids to pids.stopped: a stopped cloud's files say nothing about live services.
    if (!QFileInfo::exists(cloud.m_dir + QStringLiteral("/pids"))) {
        cloud.m_error = QStringLiteral("%1/pids is missing: the services were never started or are stopped")
                            .arg(cloud.m_dir);
        return cloud;
    }
    if (!cloud.load(cloud.m_dir + QStringLiteral("/env"), &cloud.m_values)
        || !cloud.load(cloud.m_dir + QStringLiteral("/env.admin"), &cloud.m_adminValues))
        return cloud;
    for (const char *required : {"OS_AUTH_URL", "OS_PASSWORD", "REALCLOUD_GLANCE_URL", "REALCLOUD_SWIFT_URL",
                                 "REALCLOUD_S3_ENDPOINT", "REALCLOUD_S3_ACCESS_KEY", "REALCLOUD_S3_SECRET_KEY"}) {
        if (cloud.m_values.value(QLatin1String(required)).isEmpty()) {
            cloud.m_error = QStringLiteral("%1/env has no %2").arg(cloud.m_dir, QLatin1String(required));
            return cloud;
        }
    }
    return cloud;
}

bool RealCloud::isRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// start.sh writes one `export NAME=value` per line, values without quotes or spaces.
bool RealCloud::load(const QString &fileName, QHash<QString, QString> *values)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_error = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
        return false;
    }
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7);
        // A line like `export a=1 b=2` holds several assignments.
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            const qsizetype eq = word.indexOf(QLatin1Char('='));
            if (eq <= 0 || word.startsWith(QLatin1Char('#')))
                break;
            values->insert(word.left(eq), word.mid(eq + 1));
        }
    }
    return true;
}

QUrl RealCloud::authUrl() const
{
    return QUrl(value(QStringLiteral("OS_AUTH_URL")));
}

QUrl RealCloud::glanceUrl() const
{
    return QUrl(value(QStringLiteral("REALCLOUD_GLANCE_URL")));
}

QUrl RealCloud::swiftUrl() const
{
    return QUrl(value(QStringLiteral("REALCLOUD_SWIFT_URL")));
}

QString RealCloud::regionName() const
{
    return value(QStringLiteral("OS_REGION_NAME"));
}

QUrl RealCloud::shortAuthUrl() const
{
    return QUrl(value(QStringLiteral("REALCLOUD_SHORT_AUTH_URL")));
}

int RealCloud::shortTokenLifetime() const
{
    return value(QStringLiteral("REALCLOUD_SHORT_TOKEN_EXPIRATION")).toInt();
}

Credentials RealCloud::demo() const
{
    Credentials c;
    c.username = m_values.value(QStringLiteral("OS_USERNAME"));
    c.password = m_values.value(QStringLiteral("OS_PASSWORD"));
    c.projectName = m_values.value(QStringLiteral("OS_PROJECT_NAME"));
    return c;
}

Credentials RealCloud::admin() const
{
    Credentials c;
    c.username = m_adminValues.value(QStringLiteral("OS_USERNAME"));
    c.password = m_adminValues.value(QStringLiteral("OS_PASSWORD"));
    c.projectName = m_adminValues.value(QStringLiteral("OS_PROJECT_NAME"));
    return c;
}

QProcessEnvironment RealCloud::cliEnvironment(bool asAdmin) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("OS_")))
            env.remove(name);
    }
    const QHash<QString, QString> &values = asAdmin ? m_adminValues : m_values;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

sv::CloudProfile demoProfile(const RealCloud &cloud, const QString &name, const QUrl &authUrl)
{
    const Credentials demo = cloud.demo();
    sv::CloudProfile profile;
    profile.id = sv::CloudProfile::generateId();
    profile.name = name;
    profile.authUrl = authUrl.isEmpty() ? cloud.authUrl() : authUrl;
    profile.userName = demo.username;
    profile.userDomainName = demo.userDomainName;
    profile.projectName = demo.projectName;
    profile.projectDomainName = demo.projectDomainName;
    profile.regionName = cloud.regionName();
    return profile;
}

bool deleteAllObjects(sv::ObjectStoreBank &bank, sv::BankError *error)
{
    QStringList names;
    const bool listed = bank.listObjects({}, [&](const sv::ObjectStoreBank::Listed &entry) {
        names.append(entry.name);
        return true;
    }, error);
    for (const QString &name : std::as_const(names)) {
        bool existed = false;
        sv::BankError ignored; // a name another cleanup removed first is gone either way
        bank.deleteObject(name, &existed, &ignored);
    }
    return listed;
}

sv::S3Profile s3Profile(const RealCloud &cloud, const QString &name)
{
    sv::S3Profile profile;
    profile.name = name;
    profile.endpoint = QUrl(cloud.value(QStringLiteral("REALCLOUD_S3_ENDPOINT")));
    profile.region = cloud.value(QStringLiteral("REALCLOUD_S3_REGION"));
    profile.accessKeyId = cloud.value(QStringLiteral("REALCLOUD_S3_ACCESS_KEY"));
    return profile;
}

} // namespace real
