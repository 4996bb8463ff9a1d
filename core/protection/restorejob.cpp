#include "protection/restorejob.h"

#include "bank/bank.h"
#include "openstack/compute/createserverjob.h"
#include "openstack/compute/deleteserverjob.h"
#include "openstack/compute/listflavorsjob.h"
#include "openstack/compute/listkeypairsjob.h"
#include "openstack/compute/showserverjob.h"
#include "openstack/connection.h"
#include "openstack/image/createimagejob.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imageuploadjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/network/listnetworksjob.h"
#include "openstack/session.h"
#include "bank/imagereader.h"
#include "openstack/compute/serverstatuswaiter.h"
#include "openstack/image/imagestatuswaiter.h"
#include "openstack/image/producerdevice.h"
#include "protection/protectionlog.h"
#include "protection/resource.h"
#include "util/crashpoint.h"

#include <QJsonArray>
#include <QUuid>

namespace sv {

using openstack::Error;

namespace {
constexpr qint64 GiB = qint64(1) << 30;
}

RestoreJob::RestoreJob(RestoreRequest request, QObject *parent)
    : Job(tr("Restore backup %1").arg(request.checkpointId.left(8)), parent)
    , m_request(std::move(request))
{
}

RestoreJob::~RestoreJob() = default;

template<typename T> T *RestoreJob::track(T *apiJob)
{
    m_current = apiJob;
    return apiJob;
}

void RestoreJob::onCancel()
{
    if (m_reader)
        m_reader->cancel();
    if (m_waiter)
        m_waiter->abort();
    // POST /servers in flight is let through: its handler sees the cancel and deletes the server.
    if (m_current && !qobject_cast<openstack::CreateServerJob *>(m_current.data())
        && !qobject_cast<openstack::CreateImageJob *>(m_current.data()))
        m_current->abort();
}

void RestoreJob::run()
{
    m_connection = new openstack::Connection(m_request.session, this);
    m_tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setStage(JobStage::Checking);
    BankError bankError;
    // Shared, like a backup: a sweep (exclusive) must not take this run's journal entries for a dead
    // process's, and garbage collection must not remove chunks being read.
    m_bankLock = m_request.bank->lock(BankLock::Mode::Shared, 10 * 60 * 1000, &bankError);
    if (!m_bankLock)
        return abandon(bankError.message, bankError.path);
    if (!m_request.bank->checkpoint(m_request.checkpointId, &m_index, &bankError))
        return abandon(bankError.message, bankError.path);
    if (m_index.status != QLatin1String("available"))
        return abandon(tr("Backup %1 is %2, not available; only a complete backup can be restored.")
                           .arg(m_request.checkpointId, m_index.status),
                       m_index.errorMessage);
    m_serverResource = m_index.server();
    for (const ProtectedResource &resource : std::as_const(m_index.resources)) {
        if (resource.image && resource.type == QLatin1String("OS::Glance::Image"))
            m_imageResource = &resource;
    }
    if (!m_serverResource || !m_imageResource)
        return abandon(tr("Backup %1 holds no server image to restore.").arg(m_request.checkpointId));
    m_saved = CheckpointDetails::fromIndex(m_index);
    m_newServerName = m_request.serverName.isEmpty() ? m_saved.serverName : m_request.serverName;
    checkFlavor();
}

void RestoreJob::checkFlavor()
{
    auto *job = track(new openstack::ListFlavorsJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        const QString cloud = m_request.session->profile().name;
        const QList<openstack::Flavor> &flavors = job->flavors();
        const auto find = [&flavors](const QString &idOrName) -> const openstack::Flavor * {
            for (const auto &flavor : flavors) {
                if (!idOrName.isEmpty() && (flavor.id == idOrName || flavor.name == idOrName))
                    return &flavor;
            }
            return nullptr;
        };
        const openstack::Flavor *flavor = nullptr;
        if (!m_request.flavor.isEmpty()) {
            flavor = find(m_request.flavor);
            if (!flavor)
                return abandon(tr("Cloud %1 has no flavor %2. Choose one of its flavors.").arg(cloud, m_request.flavor));
        } else {
            flavor = find(m_saved.flavorId);
            if (!flavor)
                flavor = find(m_saved.flavorName);
            if (!flavor)
                return abandon(tr("Cloud %1 has no flavor like the saved one (%2); choose a flavor for the restored "
                                  "server.")
                                   .arg(cloud, m_saved.flavorName));
        }
        m_flavor = *flavor;
        const qint64 minDisk = m_saved.minDiskGiB;
        const qint64 minRam = m_saved.minRamMiB;
        const qint64 imageSize = m_imageResource->image->size;
        if (m_flavor.disk > 0 && m_flavor.disk < minDisk)
            return abandon(tr("Flavor %1 has a %2 GiB disk, but the image needs at least %3 GiB (min_disk). Choose a "
                              "larger flavor.")
                               .arg(m_flavor.name)
                               .arg(m_flavor.disk)
                               .arg(minDisk));
        if (m_flavor.disk > 0 && qint64(m_flavor.disk) * GiB < imageSize)
            return abandon(tr("Flavor %1 has a %2 GiB disk, smaller than the %3-byte image. Choose a larger flavor.")
                               .arg(m_flavor.name)
                               .arg(m_flavor.disk)
                               .arg(imageSize));
        if (m_flavor.ram > 0 && m_flavor.ram < minRam)
            return abandon(tr("Flavor %1 has %2 MiB of memory, but the image needs at least %3 MiB (min_ram). Choose "
                              "a larger flavor.")
                               .arg(m_flavor.name)
                               .arg(m_flavor.ram)
                               .arg(minRam));
        checkKeyPair();
    });
    job->start();
}

void RestoreJob::checkKeyPair()
{
    const QString keyName = m_request.keyName.isEmpty()
        ? m_saved.keyName
        : m_request.keyName;
    if (keyName.isEmpty())
        return resolveNetworks();
    auto *job = track(new openstack::ListKeyPairsJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, keyName](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        const auto &keys = job->keyPairs();
        const bool found = std::any_of(keys.begin(), keys.end(), [&](const auto &key) { return key.name == keyName; });
        if (!found)
            return abandon(tr("Cloud %1 has no key pair %2. Import the key there, or choose another key pair.")
                               .arg(m_request.session->profile().name, keyName));
        m_request.keyName = keyName;
        resolveNetworks();
    });
    job->start();
}

void RestoreJob::resolveNetworks()
{
    const QStringList wanted = m_request.networks.isEmpty() ? m_saved.networkNames : m_request.networks;
    if (wanted.isEmpty() || wanted == QStringList{QStringLiteral("auto")} || wanted == QStringList{QStringLiteral("none")}) {
        m_networkIds = wanted;
        return createImage();
    }
    auto *job = track(new openstack::ListNetworksJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, wanted](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        QStringList missing;
        for (const QString &name : wanted) {
            QString id;
            for (const auto &network : job->networks()) {
                if (network.id == name || network.name == name)
                    id = network.id;
            }
            if (id.isEmpty())
                missing.append(name);
            else
                m_networkIds.append(id);
        }
        if (!missing.isEmpty())
            return abandon(tr("Cloud %1 has no network named %2. Choose the networks for the restored server.")
                               .arg(m_request.session->profile().name, missing.join(QStringLiteral(", "))));
        createImage();
    });
    job->start();
}

void RestoreJob::createImage()
{
    setStage(JobStage::CreatingImage);
    QJsonObject properties = m_imageResource->metadata.value(QLatin1String(CheckpointKey::Properties)).toObject();
    properties.insert(QStringLiteral("name"), QStringLiteral("%1-restored-%2").arg(m_newServerName, m_index.id.left(8)));
    properties.insert(QStringLiteral("disk_format"), m_imageResource->image->diskFormat);
    properties.insert(QStringLiteral("container_format"), m_imageResource->image->containerFormat);
    properties.insert(QStringLiteral("stackvault_restored_from"), m_index.id);
    properties.insert(QStringLiteral("stackvault_restore_job"), m_tag);
    // Glance wants custom properties as strings.
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (it.key() != QLatin1String(CheckpointKey::MinDisk) && it.key() != QLatin1String(CheckpointKey::MinRam)
            && !it.value().isString())
            it.value() = it.value().isBool() ? QJsonValue(it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                             : QJsonValue(it.value().toVariant().toString());
    }
    journal(JournalEntry::RestoreImage, {}, {});
    auto *job = track(new openstack::CreateImageJob(m_connection, properties, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (!error) {
            m_imageId = job->image().id;
            crashPoint("restore-after-create-image");
            journal(JournalEntry::RestoreImage, m_imageId, {});
            unjournal(JournalEntry::RestoreImage, {}, {});
        }
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        uploadImage();
    });
    job->start();
}

void RestoreJob::uploadImage()
{
    const ImageRecord &record = *m_imageResource->image;
    setStage(JobStage::Uploading, record.size);
    // Chunks are read, decompressed and SHA-256-checked ahead on the reader's threads; the upload
    // pulls them in order, so memory stays at a few chunks whatever the image size.
    m_reader = std::make_shared<ImageReader>(m_request.bank.get(), record);
    auto *device = new openstack::ProducerDevice(
        [reader = m_reader](QByteArray *block) {
            crashPoint("restore-upload");
            block->clear();
            return reader->next(block) || !reader->error().isError();
        },
        record.size, this);
    device->open(QIODevice::ReadOnly);
    auto *job = track(new openstack::ImageUploadJob(m_connection, m_imageId, device, record.size, this));
    connect(job, &openstack::ImageUploadJob::progress, this, [this](qint64 sent, qint64) { setBytesDone(sent); });
    connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (m_reader->error().isError())
            return abandon(tr("Backup %1 is damaged; the restore stopped: %2").arg(m_index.id, m_reader->error().message));
        if (error)
            return abandon(error);
        setStage(JobStage::Verifying);
        waitForImage();
    });
    job->start();
}

void RestoreJob::waitForImage()
{
    crashPoint("restore-waiting-image");
    auto *waiter = new openstack::ImageStatusWaiter(m_connection, m_imageId, m_request.imageActiveTimeout, this);
    waiter->setPollInterval(m_request.poll);
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        // What the cloud computed over what it received must equal what was backed up.
        const auto image = waiter->image();
        const ImageRecord &record = *m_imageResource->image;
        // A backup from a Glance with sha512 holds no md5 (BackupJob skips it): compare what both have.
        if ((!image.checksum.isEmpty() && !record.md5.isEmpty() && image.checksum != QString::fromLatin1(record.md5))
            || (image.osHashAlgo == QLatin1String("sha512") && image.osHashValue != QString::fromLatin1(record.sha512))
            || (image.size >= 0 && image.size != record.size))
            return abandon(tr("Cloud %1 stored different bytes than the backup holds (checksum mismatch); the "
                              "restored image was removed. Try again.")
                               .arg(m_request.session->profile().name),
                           tr("expected md5 %1 sha512 %2 size %3; got md5 %4 sha512 %5 size %6")
                               .arg(QString::fromLatin1(record.md5), QString::fromLatin1(record.sha512))
                               .arg(record.size)
                               .arg(image.checksum, image.osHashValue)
                               .arg(image.size));
        createServer();
    });
    waiter->start();
}

void RestoreJob::createServer()
{
    setStage(JobStage::CreatingServer);
    openstack::ServerCreateRequest create;
    create.name = m_newServerName;
    create.flavorRef = m_flavor.id;
    create.imageRef = m_imageId;
    if (m_networkIds == QStringList{QStringLiteral("none")}) {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::None;
    } else if (m_networkIds.isEmpty() || m_networkIds == QStringList{QStringLiteral("auto")}) {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::Auto;
    } else {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::Explicit;
        for (const QString &id : std::as_const(m_networkIds))
            create.networks.append(openstack::ServerCreateRequest::Network{id, {}, {}});
    }
    create.keyName = m_request.keyName;
    if (!m_request.securityGroups.isEmpty()) {
        create.securityGroups = m_request.securityGroups;
    } else {
        create.securityGroups = m_saved.securityGroups;
    }
    create.availabilityZone = !m_request.availabilityZone.isEmpty() ? m_request.availabilityZone
        : m_request.useSavedAvailabilityZone ? m_saved.availabilityZone
                                             : QString();
    create.metadata = m_serverResource->metadata.value(QLatin1String(CheckpointKey::ServerMetadata)).toObject();
    create.metadata.insert(QStringLiteral("stackvault_restored_from"), m_index.id);
    create.metadata.insert(QStringLiteral("stackvault_restore_job"), m_tag);
    journal(JournalEntry::RestoreServer, {}, {});
    auto *job = track(new openstack::CreateServerJob(m_connection, create, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (!error) {
            m_serverId = job->serverId();
            crashPoint("restore-after-create-server");
            journal(JournalEntry::RestoreServer, {}, m_serverId);
            unjournal(JournalEntry::RestoreServer, {}, {});
        }
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        setStage(JobStage::WaitingForServer);
        waitForServer();
    });
    job->start();
}

void RestoreJob::waitForServer()
{
    crashPoint("restore-waiting-server");
    auto *waiter = new openstack::ServerStatusWaiter(m_connection, m_serverId, {QStringLiteral("ACTIVE")},
                                                     m_request.serverActiveTimeout, this);
    waiter->setPollInterval(m_request.poll);
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        const auto server = waiter->server();
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("The restored server %1 went into status %2 in cloud %3; it was removed. The cloud's "
                              "scheduler may lack capacity for flavor %4.")
                               .arg(m_newServerName, server.status, m_request.session->profile().name, m_flavor.name),
                           server.raw.value(QLatin1String("fault")).toObject().value(QLatin1String("message")).toString());
        if (error)
            return abandon(error);
        m_success = JobResult{JobOutcome::Succeeded,
                              tr("Restored server %1 in cloud %2 (server %3, image %4).")
                                  .arg(server.name, m_request.session->profile().name, m_serverId, m_imageId),
                              {},
                              {{QStringLiteral("checkpoint_id"), m_index.id},
                               {QStringLiteral("server_id"), m_serverId},
                               {QStringLiteral("server_name"), server.name},
                               {QStringLiteral("image_id"), m_imageId},
                               {QStringLiteral("cloud"), m_request.session->profile().name}}};
        done();
    });
    waiter->start();
}

void RestoreJob::abandon(const Error &error)
{
    abandon(error.message, error.serviceMessage);
}

void RestoreJob::abandon(const QString &message, const QString &details)
{
    if (!m_failure.isEmpty())
        return;
    m_failure = isCancelled() ? tr("Cancelled.") : message;
    m_failureDetails = details;
    qCInfo(lcProtection) << "restore of" << m_request.checkpointId << "stopped:" << m_failure;
    removeHalfMade();
}

// A failed restore leaves nothing behind: the server first (it uses the image), then the image.
void RestoreJob::removeHalfMade()
{
    m_current = nullptr;
    m_waiter = nullptr;
    if (!m_serverId.isEmpty() || !m_imageId.isEmpty())
        setStage(JobStage::CleaningUp);
    if (!m_serverId.isEmpty()) {
        auto *job = new openstack::DeleteServerJob(m_connection, m_serverId, this);
        connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
            if (error)
                m_failureDetails += tr("\nThe half-restored server %1 could not be removed: %2").arg(m_serverId, error.message);
            else
                unjournal(JournalEntry::RestoreServer, {}, m_serverId);
            m_serverId.clear();
            removeHalfMade();
        });
        return job->start();
    }
    if (!m_imageId.isEmpty()) {
        auto *job = new openstack::DeleteImageJob(m_connection, m_imageId, this);
        connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
            if (error)
                m_failureDetails += tr("\nThe half-restored image %1 could not be removed: %2").arg(m_imageId, error.message);
            else
                unjournal(JournalEntry::RestoreImage, m_imageId, {});
            m_imageId.clear();
            removeHalfMade();
        });
        return job->start();
    }
    done();
}

JournalEntry RestoreJob::journalEntry(const QString &kind, const QString &imageId, const QString &serverId) const
{
    JournalEntry entry;
    entry.kind = kind;
    entry.checkpointId = m_index.id;
    entry.imageId = imageId;
    entry.serverId = serverId;
    entry.tag = m_tag;
    entry.cloudProfileId = m_request.session->profile().id;
    entry.regionName = m_request.session->profile().regionName;
    return entry;
}

void RestoreJob::journal(const QString &kind, const QString &imageId, const QString &serverId)
{
    JournalEntry entry = journalEntry(kind, imageId, serverId);
    entry.created = QDateTime::currentDateTimeUtc();
    BankError error;
    if (!m_request.bank->addJournalEntry(entry, &error))
        qCWarning(lcProtection) << "restore journal entry not written:" << error.message;
}

void RestoreJob::unjournal(const QString &kind, const QString &imageId, const QString &serverId)
{
    BankError error;
    if (!m_request.bank->removeJournalEntry(journalEntry(kind, imageId, serverId), &error))
        qCWarning(lcProtection) << "restore journal entry not removed:" << error.message;
}

void RestoreJob::done()
{
    if (m_failure.isEmpty()) {
        // The restore is complete: its image and server are the user's now, no longer leftovers.
        unjournal(JournalEntry::RestoreServer, {}, m_serverId);
        unjournal(JournalEntry::RestoreImage, m_imageId, {});
        m_bankLock.reset();
        return finish(m_success);
    }
    m_bankLock.reset();
    if (isCancelled())
        return finish(JobResult{JobOutcome::Cancelled, m_failure, m_failureDetails.trimmed(), {}});
    fail(m_failure, m_failureDetails.trimmed());
}

} // namespace sv
