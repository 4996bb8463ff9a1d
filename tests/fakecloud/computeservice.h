#pragma once

#include <QJsonObject>
#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Server;
struct Token;

// Nova (compute API v2.1 with microversions) under /compute: servers (list, detail, show, create,
// delete, actions createImage/os-stop/os-start), flavors, key pairs, availability zones, volume
// attachments. Accepts both /compute/v2.1/... and /compute/v2.1/{project_id}/....
class ComputeService
{
public:
    explicit ComputeService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    struct Call
    {
        Exchange &ex;
        const Token &token;
        int minor;          // negotiated microversion 2.<minor>
        QString prefix;     // http://host:port/compute/v2.1[/project]
        QString bookmark;   // http://host:port/compute[/project]
        bool admin;
        // External mode: the caller as the real Keystone names it (for Nova's snapshot properties).
        QString userName = {};
        QString projectName = {};
        QStringList roles = {};
    };
    void versions(Exchange &ex);
    void version(Exchange &ex);
    void route(Call &call, const QStringList &rest);
    void listServers(Call &call, bool detail);
    void showServer(Call &call, const QString &id);
    void createServer(Call &call);
    void deleteServer(Call &call, const QString &id);
    void serverAction(Call &call, const QString &id);
    void createImage(Call &call, Server &server, const QJsonObject &body);
    // External mode: the snapshot goes to the real Glance (created with the caller's token, the disk
    // uploaded from a worker thread).
    void createRemoteSnapshot(Call &call, Server &server, const QString &name, const QJsonObject &properties);
    // External mode: the boot image comes from the real Glance; false after answering an error.
    bool bootFromRemoteImage(Call &call, Server &server, const QString &imageId, int flavorDiskGiB, int flavorRamMiB);
    void stopStart(Call &call, Server &server, bool stop);
    void consoleOutput(Call &call, Server &server, const QJsonValue &body);
    void volumeAttachments(Call &call, const QString &id);
    void showVolumeAttachment(Call &call, const QString &id, const QString &volumeId);
    // os-volume_attachments POST: the volume goes attaching -> in-use; DELETE: detaching -> available.
    void attachVolume(Call &call, const QString &id);
    void detachVolume(Call &call, const QString &id, const QString &volumeId);
    QJsonObject volumeAttachmentJson(const Call &call, const Server &server, const QString &volumeId, bool attachAnswer = false) const;
    void listFlavors(Call &call, bool detail);
    void showFlavor(Call &call, const QString &id);
    void flavorExtraSpecs(Call &call, const QString &id);
    void listKeyPairs(Call &call);
    void showKeyPair(Call &call, const QString &name);
    void availabilityZones(Call &call);
    QJsonObject serverJson(const Call &call, const Server &server, bool detail) const;
    QJsonObject flavorJson(const Call &call, const QString &id, bool detail) const;
    Server *findServer(Call &call, const QString &id);
    // Parses the JSON body, then finds the server; null after answering 400 or 404.
    Server *findServerWithBody(Call &call, const QString &id, QJsonObject *request);
    CloudState &m_state;
};

} // namespace fake
