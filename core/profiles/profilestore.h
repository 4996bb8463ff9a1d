#pragma once

#include "profiles/cloudprofile.h"
#include "profiles/secretresult.h"
#include "profiles/secretstore.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace sv {

// The saved cloud profiles: one JSON file (clouds.json) in the app's config location, written atomically.
// It never holds a secret; secrets live in the SecretStore under the profile's id. Names are unique.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    // `directory` empty: QStandardPaths::AppConfigLocation. Tests pass a temporary directory.
    explicit ProfileStore(const QString &directory = QString(), QObject *parent = nullptr);

    static QString defaultDirectory();
    QString filePath() const;

    // When set, remove() also deletes the profile's secret and reports it with secretRemoved().
    void setSecretStore(SecretStore *secrets);
    SecretStore *secretStore() const { return m_secrets; }

    // Reads the file; a missing file is an empty store. On failure the store keeps what it had.
    bool load(QString *error = nullptr);

    QList<CloudProfile> profiles() const { return m_profiles; }
    std::optional<CloudProfile> findById(const QString &id) const;
    std::optional<CloudProfile> findByName(const QString &name) const;

    // Assigns a new id when `profile.id` is empty. Fails on an invalid profile or a taken name.
    bool add(CloudProfile &profile, QString *error = nullptr);
    // Replaces the profile with the same id (it may be renamed, to a name not taken by another).
    bool update(const CloudProfile &profile, QString *error = nullptr);
    // Removes the profile from the file; with a SecretStore set, also starts deleting its secret.
    bool remove(const QString &id, QString *error = nullptr);

Q_SIGNALS:
    void profilesChanged();
    // After remove(): the secret's deletion finished (result.ok() also when none was stored).
    void secretRemoved(const QString &profileId, const sv::SecretResult &result);

private:
    qsizetype indexOfId(const QString &id) const;
    qsizetype indexOfName(const QString &name) const;
    bool save(const QList<CloudProfile> &profiles, QString *error);

    QString m_directory;
    QList<CloudProfile> m_profiles;
    QPointer<SecretStore> m_secrets;
};

} // namespace sv
