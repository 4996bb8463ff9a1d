#pragma once

#include "openstack/authstate.h"
#include "profiles/cloudprofile.h"

#include <QMutex>
#include <QVersionNumber>

#include <chrono>
#include <memory>

namespace sv::openstack {

// One per cloud profile, shared (std::shared_ptr) by every thread that talks to that cloud. Holds the
// profile, the secret and the auth state (token, expiry, catalog, compute and block-storage microversions) behind a
// mutex. It sends nothing itself: each thread's Connection authenticates with its own
// QNetworkAccessManager and stores the result here, so all threads share one token.
class Session
{
public:
    // We speak compute 2.79 at most: 2.45 (createImage returns image_id), 2.47 (flavor embedded in
    // the server), 2.67 (volume_type in block_device_mapping_v2), 2.75/2.79 (stable flavor and
    // attachment fields). Newer versions change shapes we do not need and are not tested against.
    static QVersionNumber maxSupportedComputeVersion();

    static std::shared_ptr<Session> create(CloudProfile profile, QString secret);
    Session(CloudProfile profile, QString secret);
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    const CloudProfile &profile() const { return m_profile; } // immutable after creation

    AuthState authState() const;
    // True when a token exists that is valid for at least `margin` more (half its lifetime at most).
    bool hasValidToken(std::chrono::seconds margin) const;
    void storeAuthState(AuthState state); // assigns the next generation
    // Drops the token if it is still the one of `generation` (a 401 seen by several jobs re-auths once).
    void invalidateToken(quint64 generation);

    // The negotiated compute microversion; null until the version document was read.
    QVersionNumber computeMicroversion() const;
    QVersionNumber computeMaxVersion() const; // what the cloud offers
    void storeComputeVersions(const QVersionNumber &cloudMax);

    // We speak block storage 3.66 at most: from 3.66 a snapshot of an in-use volume needs no `force`
    // (and `force: false` is refused); below it needs `force: true`. Null until the version document
    // was read; a cloud whose document cannot be read is treated as 3.0.
    static QVersionNumber maxSupportedBlockStorageVersion();
    QVersionNumber blockStorageMicroversion() const;
    void storeBlockStorageVersions(const QVersionNumber &cloudMax);

    // The POST /v3/auth/tokens body. The only place the secret leaves this object.
    QByteArray authRequestBody() const;

    static constexpr std::chrono::seconds kRefreshMargin{120};

private:
    const CloudProfile m_profile;
    const QString m_secret;
    mutable QMutex m_mutex;
    AuthState m_state;
    quint64 m_generation = 0;
    QVersionNumber m_computeMax;
    QVersionNumber m_computeVersion;
    QVersionNumber m_blockStorageVersion;
};

} // namespace sv::openstack
