#include "profiles/cloudsessions.h"

#include "openstack/session.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCoreApplication>

namespace sv {

CloudSessions::CloudSessions(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    connect(profiles, &ProfileStore::profilesChanged, this, [this] {
        // A renamed or edited profile must not keep talking with its old settings.
        for (auto it = m_sessions.begin(); it != m_sessions.end();) {
            const auto current = m_profiles->findById(it.key());
            if (!current || current->toJson() != it.value()->profile().toJson())
                it = m_sessions.erase(it);
            else
                ++it;
        }
    });
}

void CloudSessions::acquire(const QString &cloudNameOrId, QObject *context, Callback callback)
{
    auto profile = m_profiles->findByName(cloudNameOrId);
    if (!profile)
        profile = m_profiles->findById(cloudNameOrId);
    if (!profile) {
        callback({}, QCoreApplication::translate("sv::CloudSessions",
                                                 "There is no saved cloud named %1. Add it first (Clouds → Add, or "
                                                 "`stackvault-cli clouds add`).")
                         .arg(cloudNameOrId));
        return;
    }
    if (const auto cached = m_sessions.value(profile->id)) {
        callback(cached, {});
        return;
    }
    const CloudProfile found = *profile;
    QPointer<QObject> guard(context);
    m_secrets->read(found.id, this, [this, found, guard, callback](const SecretResult &result) {
        if (!guard)
            return;
        if (!result.ok()) {
            callback({}, QCoreApplication::translate("sv::CloudSessions", "Cloud %1: %2").arg(found.name, result.message));
            return;
        }
        auto session = m_sessions.value(found.id);
        if (!session) {
            session = openstack::Session::create(found, result.secret);
            m_sessions.insert(found.id, session);
        }
        callback(session, {});
    });
}

void CloudSessions::forget(const QString &profileId)
{
    m_sessions.remove(profileId);
}

} // namespace sv
