#pragma once

#include "model.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcFake)

namespace fake {

class RemoteCloud;

// Sets the Cinder quotas named in `quota` ({"volumes", "snapshots", "gigabytes"}; -1: unlimited).
void applyVolumeQuota(const QJsonObject &quota, Settings &settings);
QJsonObject volumeQuotaJson(const Settings &settings);

// Everything the fake cloud knows, behind one recursive mutex (services lock it per request; the state
// is small, and one lock keeps every transition atomic). Time-driven transitions (BUILD -> ACTIVE, the
// createImage task_state steps) are evaluated lazily by advance(), so no timer thread is needed.
class CloudState
{
public:
    CloudState();
    ~CloudState();
    CloudState(const CloudState &) = delete;
    CloudState &operator=(const CloudState &) = delete;

    std::recursive_mutex mutex;

    Settings settings;
    QMap<QString, QString> domains; // id -> name
    QMap<QString, Project> projects;
    QMap<QString, User> users;
    QMap<QString, AppCredential> appCredentials;
    QHash<QString, Token> tokens;
    QList<Flavor> flavors;
    QList<Network> networks;
    QList<KeyPair> keyPairs;
    QList<SecurityGroup> securityGroups;
    QMap<QString, Port> ports;
    QList<ServerGroup> serverGroups;
    QMap<QString, Image> images;
    QMap<QString, Server> servers; // add and remove with addServer() and removeServer()
    QMap<QString, Volume> volumes;
    QMap<QString, VolumeSnapshot> volumeSnapshots;
    QList<VolumeType> volumeTypes; // always holds __DEFAULT__
    QList<Fault> faults;
    // The most recent requests (at most RequestLogLimit), oldest first: tests check what was asked and answered.
    static constexpr int RequestLogLimit = 20000;
    QList<RequestRecord> requestLog;
    // Every change of a server's task_state and of an image's status during a snapshot, oldest first,
    // as the fake made it: the createImage steps are recorded as they are passed, also when nobody
    // asked in between (FakeCloud::stateLog()).
    QList<StateChange> stateLog;
    void setTaskState(Server &server, const QString &taskState, const QDateTime &at);
    void setImageStatus(Image &image, const QString &status, const QDateTime &at);
    int nextFaultId = 1;
    int nextInstanceNumber = 1;

    // Drops all records (not the settings' defaults) before a scenario is loaded.
    void clear();
    // Evaluates the time-driven transitions that are due. Only servers that can change with time (BUILD,
    // a snapshot under way: watchServer()) are looked at: every request calls this, and an admin's
    // cloud of 50,000 servers made each request walk them all (issue 15's all-projects benchmark).
    void advance();
    // Servers go into `servers` through these: they keep the per-project index and the timed set.
    Server &addServer(Server server);
    void removeServer(const QString &id);
    // advance() looks at this server until it is neither building nor snapshotting.
    void watchServer(const QString &id) { m_timedServers.insert(id); }
    // The ids of a project's servers (any order): a project-scoped listing needs only these.
    QList<QString> serverIdsOfProject(const QString &projectId) const { return m_serversByProject.value(projectId).values(); }

    static QString newUuid();
    static QString newHexId();
    static QString isoTime(const QDateTime &time); // 2026-01-02T03:04:05Z
    static QString isoTimeMicro(const QDateTime &time); // 2026-01-02T03:04:05.000000Z

    Token issueToken(const QString &userId, const QString &projectId, const QStringList &methods,
                     const QString &appCredentialId);
    // The live token with this id, or null when unknown, expired or revoked.
    const Token *validToken(const QString &id);

    const Project *projectById(const QString &id) const;
    const Project *projectByName(const QString &name, const QString &domainId) const;
    const User *userByName(const QString &name, const QString &domainId) const;
    const Flavor *flavor(const QString &id) const;
    const Network *network(const QString &idOrName) const;
    const SecurityGroup *securityGroup(const QString &projectId, const QString &idOrName) const;
    const KeyPair *keyPair(const QString &userId, const QString &name) const;
    QString domainIdByName(const QString &name) const;

    // Consumes one use of the first fault of this kind that matches the request; null when none.
    std::optional<Fault> takeFault(Fault::Kind kind, const QString &method, const QString &path);

    // A path in the temp dir for an uploaded image's bytes.
    QString newDataFilePath();

    // Computes md5 + sha512 of a frozen disk on a worker thread (joined on destruction), as Glance does
    // while the bytes arrive; ready flips once done.
    struct HashJob
    {
        VirtualDisk disk;
        QByteArray md5;
        QByteArray sha512;
        std::atomic_bool ready{false};
    };
    std::shared_ptr<HashJob> startHashing(const VirtualDisk &disk);
    // The image data of a finished hash job.
    static std::shared_ptr<ImageData> imageData(const HashJob &job);
    static std::shared_ptr<ImageData> hashNow(const VirtualDisk &disk);
    void joinWorkers();

    // A server's root disk: its own, or its boot volume's when it was booted from a volume (the bytes
    // live in the volume, so writes through either are the same).
    VirtualDisk *rootDisk(Server &server);
    // Cinder's volume_image_metadata of a volume made from this image.
    static QJsonObject volumeImageMetadata(const Image &image);
    // The other way: the image properties in a volume's image metadata (without what Glance owns).
    static QJsonObject imagePropertiesOf(const QJsonObject &volumeImageMetadata);
    // The type with this name or id; null when unknown.
    const VolumeType *volumeType(const QString &nameOrId) const;
    // Volume and snapshot lookups of a project; null when unknown or another project's.
    Volume *volume(const QString &projectId, const QString &id);
    // A new Cinder snapshot of the volume (creating; available, or error, after volumeSnapshotSeconds),
    // holding the volume's bytes as they are now.
    VolumeSnapshot &snapshotVolume(const Volume &volume, const QString &userId, const QString &name, const QString &description,
                                   const QJsonObject &metadata, bool endsInError);
    // The next free device name of a server (/dev/vdb, /dev/vdc, ...; /dev/vda is its root disk).
    QString nextDeviceName(const Server &server) const;
    bool deviceFree(const Server &server, const QString &device) const;
    // Starts a timed volume transition: status now, then `next` after settings.volumeStepSeconds.
    void startVolumeTransition(Volume &volume, const QString &status, const QString &next, const QDateTime &now);
    QHash<QString, std::shared_ptr<HashJob>> hashJobs; // snapshot image id -> its digests in progress

    // External mode (FakeCloud::setExternalServices): Nova on the real Keystone and Glance; null: off.
    std::shared_ptr<RemoteCloud> external;
    QHash<QString, std::shared_ptr<RemoteTransfer>> remoteUploads; // snapshot image id -> its upload
    // Runs work on a thread joined by joinWorkers() (transfers to and from the real Glance).
    void startWorker(std::function<void()> work);

private:
    void advanceServer(Server &server, const QDateTime &now);
    void advanceVolumes(const QDateTime &now);
    void advanceUpload(Volume &volume, const QDateTime &now);
    void change(const QString &id, const QString &field, QString &value, QDateTime &updatedAt,
                const QString &newValue, const QDateTime &at);
    QTemporaryDir m_tempDir;
    int m_nextFile = 1;
    std::vector<std::thread> m_workers;
    QSet<QString> m_timedServers;                      // servers advance() looks at
    QHash<QString, QSet<QString>> m_serversByProject; // project id -> its servers' ids
};

} // namespace fake
