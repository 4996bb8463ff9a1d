#include "util/appsettings.h"

#include <algorithm>
#include <QDir>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVariant>

namespace sv {

namespace {
Q_LOGGING_CATEGORY(lcSettings, "stackvault.settings")

std::unique_ptr<AppSettings> &globalInstance()
{
    static std::unique_ptr<AppSettings> settings;
    return settings;
}

// Owned here so the temporary file of createTempFileInstance() lives as long as the instance.
std::unique_ptr<QTemporaryDir> &globalTempDir()
{
    static std::unique_ptr<QTemporaryDir> dir;
    return dir;
}
} // namespace

AppSettings::AppSettings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(
          filePath.isEmpty() ? defaultFilePath() : filePath, QSettings::IniFormat))
{
    qCDebug(lcSettings) << "settings file" << m_settings->fileName();
}

AppSettings::~AppSettings() = default;

AppSettings *AppSettings::instance()
{
    auto &settings = globalInstance();
    if (!settings)
        settings = std::make_unique<AppSettings>();
    return settings.get();
}

void AppSettings::createTempFileInstance()
{
    auto dir = std::make_unique<QTemporaryDir>();
    auto settings = std::make_unique<AppSettings>(dir->filePath(QStringLiteral("stackvault.conf")));
    globalInstance() = std::move(settings);
    globalTempDir() = std::move(dir);
}

QString AppSettings::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("stackvault.conf"));
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

bool AppSettings::enableServerSnapshot(QString *error) const
{
    // [protection] is what Preferences writes; Karbor's section is read only when it is absent.
    const char *key = m_settings->contains(QLatin1String(EnableServerSnapshotKey)) ? EnableServerSnapshotKey
        : m_settings->contains(QLatin1String(KarborEnableServerSnapshotKey))     ? KarborEnableServerSnapshotKey
                                                                                 : nullptr;
    if (!key)
        return true;
    const QVariant raw = m_settings->value(QLatin1String(key));
    // An unquoted comma makes QSettings read a list ("yes, please"): not a boolean either.
    const QString value = raw.userType() == QMetaType::QStringList ? raw.toStringList().join(QLatin1String(", "))
                                                                    : raw.toString();
    // oslo.config types.Boolean: these spellings, any case.
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("on"), QStringLiteral("yes")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("off"), QStringLiteral("no")};
    const QString lower = value.trimmed().toLower();
    if (yes.contains(lower))
        return true;
    if (no.contains(lower))
        return false;
    const QString name = QLatin1String(key);
    const QString problem = tr("%1: [%2] %3 = \"%4\" is not a yes/no value; write true or false (yes/no, "
                               "on/off and 1/0 work too).")
                                .arg(m_settings->fileName(), name.section(QLatin1Char('/'), 0, 0),
                                     name.section(QLatin1Char('/'), 1), value);
    // Not logged here: the caller says it once, where the user sees it (CLI error, GUI warning).
    if (error)
        *error = problem;
    return true;
}

void AppSettings::setEnableServerSnapshot(bool enabled)
{
    write(EnableServerSnapshotKey, enabled);
}

VolumeSelection AppSettings::backUpVolumes(QString *error) const
{
    const QString key = QLatin1String(BackUpVolumesKey);
    if (!m_settings->contains(key))
        return VolumeSelection::all();
    const QVariant raw = m_settings->value(key);
    // Unquoted commas make QSettings read a list: "db-data, logs" is two names.
    const QString value = raw.userType() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(','))
                                                                    : raw.toString();
    QString why;
    if (const std::optional<VolumeSelection> selection = VolumeSelection::parse(value, &why))
        return *selection;
    if (error)
        *error = tr("%1: [protection] back_up_volumes: %2").arg(m_settings->fileName(), why);
    return VolumeSelection::all();
}

void AppSettings::setBackUpVolumes(const VolumeSelection &selection)
{
    write(BackUpVolumesKey, selection.toString());
}

QString AppSettings::bankLocation() const
{
    const QString location = m_settings->value(QLatin1String(BankLocationKey)).toString();
    return location.isEmpty() ? defaultBankLocation() : location;
}

void AppSettings::setBankLocation(const QString &location)
{
    write(BankLocationKey, location);
}

QString AppSettings::defaultBankLocation()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("bank"));
}

QList<S3Profile> AppSettings::s3Profiles() const
{
    m_settings->beginGroup(QLatin1String(S3ProfilesGroup));
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort();
    QList<S3Profile> profiles;
    for (const QString &name : std::as_const(names)) {
        if (const std::optional<S3Profile> profile = s3Profile(name))
            profiles.append(*profile);
    }
    return profiles;
}

std::optional<S3Profile> AppSettings::s3Profile(const QString &name) const
{
    if (!S3Profile::isValidName(name))
        return std::nullopt;
    const QString prefix = QLatin1String(S3ProfilesGroup) + QLatin1Char('/') + name + QLatin1Char('/');
    if (!m_settings->contains(prefix + QLatin1String("endpoint")))
        return std::nullopt;
    S3Profile profile;
    profile.name = name;
    profile.endpoint = QUrl(m_settings->value(prefix + QLatin1String("endpoint")).toString());
    profile.region = m_settings->value(prefix + QLatin1String("region"), profile.region).toString();
    profile.virtualHostStyle
        = m_settings->value(prefix + QLatin1String("addressing")).toString() == QLatin1String("virtual-host");
    profile.accessKeyId = m_settings->value(prefix + QLatin1String("access_key_id")).toString();
    if (!profile.validationError().isEmpty()) {
        qCWarning(lcSettings).noquote() << "ignoring S3 profile" << name << "in" << m_settings->fileName() << ":"
                                        << profile.validationError();
        return std::nullopt;
    }
    return profile;
}

bool AppSettings::setS3Profile(const S3Profile &profile, QString *error)
{
    if (const QString problem = profile.validationError(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QString group = QLatin1String(S3ProfilesGroup) + QLatin1Char('/') + profile.name;
    m_settings->remove(group);
    m_settings->beginGroup(group);
    m_settings->setValue(QStringLiteral("endpoint"), profile.endpoint.toString());
    m_settings->setValue(QStringLiteral("region"), profile.region);
    m_settings->setValue(QStringLiteral("addressing"),
                         profile.virtualHostStyle ? QStringLiteral("virtual-host") : QStringLiteral("path"));
    m_settings->setValue(QStringLiteral("access_key_id"), profile.accessKeyId);
    m_settings->endGroup();
    m_settings->sync();
    Q_EMIT changed(group);
    return true;
}

void AppSettings::removeS3Profile(const QString &name)
{
    if (!S3Profile::isValidName(name))
        return;
    const QString group = QLatin1String(S3ProfilesGroup) + QLatin1Char('/') + name;
    m_settings->remove(group);
    m_settings->sync();
    Q_EMIT changed(group);
}

int AppSettings::concurrentJobs() const
{
    bool ok = false;
    const int jobs = m_settings->value(QLatin1String(ConcurrentJobsKey), DefaultConcurrentJobs).toInt(&ok);
    // A hand-edited file may hold anything; a nonsensical value must not stall or flood the job queue.
    if (!ok || jobs < 1)
        return DefaultConcurrentJobs;
    return std::min(jobs, MaxConcurrentJobs);
}

void AppSettings::setConcurrentJobs(int jobs)
{
    write(ConcurrentJobsKey, std::clamp(jobs, 1, MaxConcurrentJobs));
}

int AppSettings::repackThreshold() const
{
    bool ok = false;
    const int percent = m_settings->value(QLatin1String(RepackThresholdKey), DefaultRepackThreshold).toInt(&ok);
    return ok && percent >= 1 && percent <= 100 ? percent : DefaultRepackThreshold;
}

void AppSettings::setRepackThreshold(int percent)
{
    write(RepackThresholdKey, std::clamp(percent, 1, 100));
}

QString AppSettings::language() const
{
    return m_settings->value(QLatin1String(LanguageKey)).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    write(LanguageKey, language);
}

void AppSettings::sync()
{
    m_settings->sync();
}

void AppSettings::write(const char *key, const QVariant &value)
{
    const QString name = QLatin1String(key);
    if (m_settings->value(name) == value)
        return;
    m_settings->setValue(name, value);
    // Written at once so that the CLI and the GUI (separate processes) see the same values.
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcSettings) << "could not write" << m_settings->fileName();
    Q_EMIT changed(name);
}

} // namespace sv
