#include "profiles/profilestore.h"

#include "profiles/profileslog.h"
#include "profiles/secretstore.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace sv {

namespace {
constexpr int FormatVersion = 1;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

ProfileStore::ProfileStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{ }

QString ProfileStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString ProfileStore::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("clouds.json"));
}

void ProfileStore::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
}

bool ProfileStore::load(QString *error)
{
    QFile file(filePath());
    if (!file.exists()) {
        m_profiles.clear();
        Q_EMIT profilesChanged();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot read the saved clouds from %1: %2").arg(filePath(), file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(error,
            tr("The saved clouds file %1 is damaged (%2 at offset %3).")
                .arg(filePath(), parseError.errorString())
                .arg(parseError.offset));
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("version")).toInt() > FormatVersion) {
        setError(error, tr("The saved clouds file %1 was written by a newer StackVault.").arg(filePath()));
        return false;
    }
    QList<CloudProfile> loaded;
    const QJsonArray clouds = root.value(QLatin1String("clouds")).toArray();
    for (const QJsonValue &value : clouds) {
        CloudProfile profile = CloudProfile::fromJson(value.toObject());
        const bool duplicate = std::any_of(loaded.cbegin(), loaded.cend(),
            [&](const CloudProfile &other) { return other.id == profile.id || other.name == profile.name; });
        // A hand-edited file may repeat a name or id; the first one wins so lookups stay unambiguous.
        if (profile.id.isEmpty() || duplicate) {
            qCWarning(lcProfiles) << "skipping a cloud without id or with a repeated name/id:"
                                  << profile.name;
            continue;
        }
        loaded.append(profile);
    }
    m_profiles = loaded;
    Q_EMIT profilesChanged();
    return true;
}

std::optional<CloudProfile> ProfileStore::findById(const QString &id) const
{
    const qsizetype index = indexOfId(id);
    return index < 0 ? std::nullopt : std::optional<CloudProfile>(m_profiles.at(index));
}

std::optional<CloudProfile> ProfileStore::findByName(const QString &name) const
{
    const qsizetype index = indexOfName(name);
    return index < 0 ? std::nullopt : std::optional<CloudProfile>(m_profiles.at(index));
}

bool ProfileStore::add(CloudProfile &profile, QString *error)
{
    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        setError(error, invalid);
        return false;
    }
    if (indexOfName(profile.name) >= 0) {
        setError(error, tr("A cloud named \"%1\" already exists.").arg(profile.name));
        return false;
    }
    if (profile.id.isEmpty())
        profile.id = CloudProfile::generateId();
    else if (indexOfId(profile.id) >= 0) {
        setError(error, tr("A cloud with id %1 already exists.").arg(profile.id));
        return false;
    }
    QList<CloudProfile> changed = m_profiles;
    changed.append(profile);
    if (!save(changed, error))
        return false;
    m_profiles = changed;
    Q_EMIT profilesChanged();
    return true;
}

bool ProfileStore::update(const CloudProfile &profile, QString *error)
{
    const qsizetype index = indexOfId(profile.id);
    if (index < 0) {
        setError(error, tr("The cloud \"%1\" is no longer saved.").arg(profile.name));
        return false;
    }
    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        setError(error, invalid);
        return false;
    }
    const qsizetype sameName = indexOfName(profile.name);
    if (sameName >= 0 && sameName != index) {
        setError(error, tr("A cloud named \"%1\" already exists.").arg(profile.name));
        return false;
    }
    QList<CloudProfile> changed = m_profiles;
    changed[index] = profile;
    if (!save(changed, error))
        return false;
    m_profiles = changed;
    Q_EMIT profilesChanged();
    return true;
}

bool ProfileStore::remove(const QString &id, QString *error)
{
    const qsizetype index = indexOfId(id);
    if (index < 0) {
        setError(error, tr("No saved cloud has the id %1.").arg(id));
        return false;
    }
    QList<CloudProfile> changed = m_profiles;
    changed.removeAt(index);
    if (!save(changed, error))
        return false;
    m_profiles = changed;
    Q_EMIT profilesChanged();
    if (m_secrets) {
        m_secrets->remove(
            id, this, [this, id](const SecretResult &result) { Q_EMIT secretRemoved(id, result); });
    }
    return true;
}

qsizetype ProfileStore::indexOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

qsizetype ProfileStore::indexOfName(const QString &name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

bool ProfileStore::save(const QList<CloudProfile> &profiles, QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        setError(error, tr("Cannot create the folder %1 for the saved clouds.").arg(m_directory));
        return false;
    }
    QJsonArray clouds;
    for (const CloudProfile &profile : profiles)
        clouds.append(profile.toJson());
    const QJsonObject root { { QStringLiteral("version"), FormatVersion },
        { QStringLiteral("clouds"), clouds } };

    // QSaveFile writes a temporary file and renames it over the old one on commit(): a crash or a full
    // disk leaves the previous file intact instead of a truncated one.
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("Cannot save the clouds to %1: %2").arg(filePath(), file.errorString()));
        return false;
    }
    // No secrets are in it, but user names and endpoints are nobody else's business either.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        setError(error, tr("Cannot save the clouds to %1: %2").arg(filePath(), file.errorString()));
        return false;
    }
    return true;
}

} // namespace sv
