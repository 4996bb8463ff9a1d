#pragma once

#include "model.h"
#include "remotecloud.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace fake {

class CloudState;

// What to break, and how often (see tests/fakecloud/README.md "Faults").
struct FaultSpec
{
    Fault::Kind kind = Fault::Unavailable;
    int count = 1;          // how many matching requests it hits
    QString method;         // empty: the kind's default
    QString path;           // regular expression on the request path; empty: the kind's default
    qint64 afterBytes = 0;  // Drop: body bytes sent before the connection closes; Corrupt: byte flipped
    int retryAfter = 1;     // Unavailable: Retry-After seconds
    qint64 bytesPerSecond = 64 * 1024; // Slow
};

// The fake OpenStack cloud (Keystone, Nova, Glance, Cinder, a control API) on 127.0.0.1, one port,
// devstack-like path prefixes. Tests start it in-process and talk to it over real HTTP; its server runs
// on its own threads, so the test's main thread keeps its event loop. Every method is thread-safe.
class FakeCloud
{
public:
    FakeCloud();
    ~FakeCloud();
    FakeCloud(const FakeCloud &) = delete;
    FakeCloud &operator=(const FakeCloud &) = delete;

    bool loadScenario(const QString &path, QString *error = nullptr);
    bool loadScenario(const QJsonObject &scenario, QString *error = nullptr);

    // Serve HTTPS with this PEM certificate (chain) and key from the next start() on; empty: plain HTTP.
    void setTlsCertificate(const QString &certificateFile, const QString &privateKeyFile);
    bool isTls() const;
    // Listens on 127.0.0.1:port (0: a free port) and serves on worker threads.
    bool start(quint16 port = 0);
    // Closes the listener and every connection and joins all threads.
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT (https:// when serving TLS)
    QString authUrl() const; // http://127.0.0.1:PORT/identity/v3 (what a cloud profile uses)

    // Control API (also over HTTP under /_fake/). A disk is a server's root disk (for a server booted
    // from a volume: that volume's bytes) or a Cinder volume's bytes.
    enum class DiskOwner { Server, Volume };
    bool writeDisk(DiskOwner owner, const QString &id, qint64 offset, const QByteArray &data);
    QByteArray readDisk(DiskOwner owner, const QString &id, qint64 offset, qint64 length) const;
    QByteArray diskSha256(DiskOwner owner, const QString &id) const; // lower-case hex; empty when unknown
    qint64 diskSize(DiskOwner owner, const QString &id) const;       // -1 when unknown
    // A frozen copy of the disk (safe to read without the lock); nullopt when unknown.
    std::optional<VirtualDisk> diskCopy(DiskOwner owner, const QString &id) const;
    bool writeServerDisk(const QString &serverId, qint64 offset, const QByteArray &data)
    {
        return writeDisk(DiskOwner::Server, serverId, offset, data);
    }
    QByteArray readServerDisk(const QString &serverId, qint64 offset, qint64 length) const
    {
        return readDisk(DiskOwner::Server, serverId, offset, length);
    }
    QByteArray serverDiskSha256(const QString &serverId) const { return diskSha256(DiskOwner::Server, serverId); }
    qint64 serverDiskSize(const QString &serverId) const { return diskSize(DiskOwner::Server, serverId); }
    bool writeVolumeDisk(const QString &volumeId, qint64 offset, const QByteArray &data)
    {
        return writeDisk(DiskOwner::Volume, volumeId, offset, data);
    }
    QByteArray volumeDiskSha256(const QString &volumeId) const { return diskSha256(DiskOwner::Volume, volumeId); }
    QString volumeStatus(const QString &volumeId) const;     // empty when the volume does not exist
    QString snapshotStatus(const QString &snapshotId) const; // a Cinder snapshot's; empty when gone
    QString volumeIdByName(const QString &name) const;
    QByteArray imageSha256(const QString &imageId) const;       // of the image's bytes; empty without data
    QString imageStatus(const QString &imageId) const;          // empty when the image does not exist
    QString serverTaskState(const QString &serverId) const;
    QString serverStatus(const QString &serverId) const; // "" when there is no such server
    // What the server's console prints (os-getConsoleOutput; a new server reveals it line by line).
    bool setServerConsole(const QString &serverId, const QString &text);
    QString serverConsole(const QString &serverId) const;
    // The console log of servers created from now on ("%1": the server's name) and the seconds after
    // ACTIVE over which it appears.
    void setBootConsole(const QString &text, double seconds);
    QString serverIdByName(const QString &name) const;
    QString imageIdByName(const QString &name) const;
    int injectFault(const FaultSpec &spec); // returns the fault's id
    void clearFaults();
    int pendingFaults() const;
    // The requests answered so far (the most recent 20,000), oldest first; the control API's are left out.
    QList<RequestRecord> requestLog() const;
    // The values a server's task_state ("" for none) or an image's status went through, oldest first, as
    // the fake cloud changed them (not as someone polling saw them): field "task_state" or "status".
    QStringList stateLog(const QString &id, const QString &field) const;
    // Records made while running that still exist (what a client failed to clean up).
    QStringList leftoverImageIds() const;
    QStringList leftoverServerIds() const;
    QStringList leftoverVolumeIds() const;
    QStringList leftoverSnapshotIds() const; // Cinder snapshots (scenarios hold none)
    // Neutron ports made while running that still exist (a server's own ports die with it).
    QStringList leftoverPortIds() const;
    // Faithful rebuild (ports.h): a server as the cloud holds it — name, key_name, availability_zone,
    // metadata, tags, description (null when unset), config_drive (bool), user_data (base64 or null),
    // server_groups (names), nics [{network (name), ip, security_groups (names), port_id}] in NIC order;
    // empty when unknown.
    QJsonObject serverRecord(const QString &serverId) const;
    // A port on the network (by name or id) of the project (by name) holding `ip`, as if someone else
    // took the address; its id.
    QString takeAddress(const QString &projectName, const QString &network, const QString &ip);
    // A server group (GET /os-server-groups) of the project (by name); its id.
    QString addServerGroup(const QString &projectName, const QString &name, const QString &policy = QStringLiteral("anti-affinity"));
    // Makes the server a member of the group (by id), as Nova does for the scheduler hint.
    void joinServerGroup(const QString &serverId, const QString &groupId);
    void setTokenLifetime(int seconds);
    void expireTokens(); // every token issued so far answers 401 from now on
    bool expireToken(const QString &tokenId);
    void revokeTokens();
    void setSnapshotStepSeconds(double pending, double snapshot, double pendingUpload, double uploading);
    // How long a volume stays in each transitional status, and a Cinder snapshot creating/deleting
    // (defaults 0.3 s and 0.3 s).
    void setVolumeStepSeconds(double volumeStep, double volumeSnapshot);
    void setComputeMicroversionRange(int minMinor, int maxMinor);
    // Cinder's quotas of every project (-1: unlimited); defaults 10 volumes, 10 snapshots, 1000 GiB.
    void setVolumeQuota(int volumes, int snapshots, int gigabytes);
    // Off: images carry only Glance's md5 `checksum`, no os_hash_algo/os_hash_value (pre-Rocky Glance).
    void setImageMultihash(bool on);

    // External mode (tests/fakecloud/README.md): from now on the compute service validates tokens
    // against the real Keystone at services.authUrl and keeps snapshots and boot images in the real
    // Glance; the fake Keystone and Glance stay up but StackVault should use the real catalog.
    void setExternalServices(const ExternalServices &services);
    bool isExternal() const;

    static std::optional<Fault::Kind> faultKindFromName(const QString &name);
    static QString faultKindName(Fault::Kind kind);

    CloudState &state();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fake
