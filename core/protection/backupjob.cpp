#include "protection/backupjob.h"

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/imagewriter.h"
#include "openstack/compute/createserverimagejob.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/compute/showserverjob.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/imagestatuswaiter.h"
#include "openstack/image/showimagejob.h"
#include "openstack/session.h"
#include "openstack/volume/showvolumejob.h"
#include "protection/imageproperties.h"
#include "protection/protectionlog.h"
#include "protection/serverprotectable.h"
#include "util/crashpoint.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace sv {

using openstack::Error;

namespace {
bool looksLikeId(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

bool hasSha512(const openstack::Image &image)
{
    return image.osHashAlgo == QLatin1String("sha512") && !image.osHashValue.isEmpty();
}
} // namespace

BackupJob::BackupJob(BackupRequest request, QObject *parent)
    : Job(tr("Back up %1").arg(request.serverLabel.isEmpty() ? request.server : request.serverLabel), parent)
    , m_request(std::move(request))
{
}

BackupJob::~BackupJob() = default;

template<typename T> T *BackupJob::track(T *apiJob)
{
    m_current = apiJob;
    return apiJob;
}

void BackupJob::run()
{
    m_connection = new openstack::Connection(m_request.session, this);
    setStage(JobStage::Checking);
    resolveServer();
}

void BackupJob::onCancel()
{
    if (m_imageWriter)
        m_imageWriter->cancel();
    // A createImage request in flight is let through: aborting it could leave a snapshot that Nova
    // made but whose id we never learnt. Its handler sees the cancel and deletes the snapshot.
    if (m_current && !qobject_cast<openstack::CreateServerImageJob *>(m_current.data()))
        m_current->abort();
    if (m_waiter)
        m_waiter->abort();
}

void BackupJob::resolveServer()
{
    auto *job = track(new openstack::ShowServerJob(m_connection, m_request.server, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.kind == Error::Kind::NotFound && !looksLikeId(m_request.server))
            return findServerByName();
        if (error)
            return abandon(error);
        checkServer(job->server());
    });
    job->start();
}

void BackupJob::findServerByName()
{
    auto *job = track(new openstack::ListServersJob(m_connection, this));
    job->setFilter(QStringLiteral("name"), QLatin1Char('^') + QRegularExpression::escape(m_request.server) + QLatin1Char('$'));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        QList<openstack::Server> matches;
        for (const auto &server : job->servers()) {
            if (server.name == m_request.server)
                matches.append(server);
        }
        const QString cloud = m_request.session->profile().name;
        if (matches.isEmpty())
            return abandon(tr("There is no server named %1 in cloud %2.").arg(m_request.server, cloud));
        if (matches.size() > 1)
            return abandon(tr("%n servers are named %1 in cloud %2; give the server's id instead.", nullptr,
                              int(matches.size()))
                               .arg(m_request.server, cloud));
        checkServer(matches.constFirst());
    });
    job->start();
}

void BackupJob::checkServer(const openstack::Server &server)
{
    m_server = server;
    if (const QString problem = ServerProtectable::precheckError(server.raw); !problem.isEmpty())
        return abandon(problem);
    showOriginalImage();
}

void BackupJob::showOriginalImage()
{
    auto *job = track(new openstack::ShowImageJob(m_connection, m_server.imageId, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.kind == Error::Kind::NotFound && m_request.enableServerSnapshot) {
            // The boot image may have been deleted since; the snapshot still holds the whole disk.
            qCInfo(lcProtection) << "boot image" << m_server.imageId << "of server" << m_server.id << "is gone";
        } else if (error.kind == Error::Kind::NotFound) {
            return abandon(tr("The original image %1 of server %2 no longer exists, so it cannot be backed up "
                              "alone. Turn on \"Include server data\" to back up a snapshot of the server instead.")
                               .arg(m_server.imageId, m_server.name));
        } else if (error) {
            return abandon(error);
        } else {
            m_originalImage = job->image();
            m_haveOriginalImage = true;
        }
        nameAttachedVolumes(0);
    });
    job->start();
}

void BackupJob::nameAttachedVolumes(qsizetype next)
{
    const QStringList ids = ServerProtectable::attachedVolumeIds(m_server.raw);
    if (next >= ids.size())
        return beginCheckpoint();
    const QString id = ids.at(next);
    auto *job = track(new openstack::ShowVolumeJob(m_connection, id, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, id, next](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        // Not worth failing the backup for: the volume is then named by its id.
        if (error)
            qCInfo(lcProtection) << "attached volume" << id << "of server" << m_server.id << "not named:" << error.message;
        m_volumesNotIncluded.append(VolumeNotIncluded{id, error ? QString() : job->volume().name});
        nameAttachedVolumes(next + 1);
    });
    job->start();
}

void BackupJob::beginCheckpoint()
{
    const Resource graph = ServerProtectable::resourceGraph(m_server.raw);
    CheckpointIndex draft;
    ProtectedResource server;
    server.type = graph.type;
    server.id = graph.id;
    server.name = graph.name;
    // The server protection plugin's part: what a rebuild needs.
    server.metadata = ServerProtectable::rebuildMetadata(m_server.raw);
    server.metadata.insert(QLatin1String(CheckpointKey::Cloud), m_request.session->profile().name);
    server.metadata.insert(QLatin1String(CheckpointKey::Region), m_request.session->profile().regionName);
    // Volumes are not backed up yet: the checkpoint says which attached ones it lacks.
    QJsonArray volumes;
    for (const VolumeNotIncluded &volume : std::as_const(m_volumesNotIncluded))
        volumes.append(QJsonObject{{QLatin1String(CheckpointKey::Id), volume.id}, {QLatin1String(CheckpointKey::Name), volume.name}});
    server.metadata.insert(QLatin1String(CheckpointKey::VolumesNotIncluded), volumes);
    draft.resources.append(server);
    for (const Resource &child : graph.children) {
        ProtectedResource image;
        image.type = child.type;
        image.id = child.id;
        image.name = m_haveOriginalImage ? m_originalImage.name : child.name;
        image.parentType = graph.type;
        image.parentId = graph.id;
        image.extraInfo = child.extraInfo; // {"server_id": ...}: the seed's contract
        draft.resources.append(image);
    }
    draft.options = QJsonObject{{QLatin1String(CheckpointKey::IncludeData), m_request.enableServerSnapshot},
                                {QLatin1String(CheckpointKey::OriginalImageOnly), !m_request.enableServerSnapshot}};
    if (m_haveOriginalImage || !m_request.enableServerSnapshot)
        draft.consistency = ImageProperties::consistency(m_originalImage.raw, m_request.enableServerSnapshot);

    BankError error;
    m_checkpoint = m_request.bank->beginCheckpoint(draft, &error);
    if (!m_checkpoint)
        return abandon(error.message, error.path);
    if (!m_request.enableServerSnapshot) {
        // Option off: the original image, exactly as Karbor did before the seed.
        return download(m_originalImage);
    }
    createSnapshot();
}

void BackupJob::createSnapshot()
{
    setStage(JobStage::CreatingSnapshot);
    const QString name = QStringLiteral("stackvault-%1-%2").arg(m_server.name, m_checkpoint->id().left(8));
    const QJsonObject metadata{{QStringLiteral("stackvault_checkpoint"), m_checkpoint->id()},
                               {QStringLiteral("stackvault_temporary"), QStringLiteral("true")}};
    // An intent first: a process killed after Nova made the snapshot but before its id arrived leaves
    // this entry, and the sweep finds the snapshot by its stackvault_checkpoint property.
    JournalEntry intent;
    intent.checkpointId = m_checkpoint->id();
    intent.cloudProfileId = m_request.session->profile().id;
    intent.regionName = m_request.session->profile().regionName;
    intent.created = QDateTime::currentDateTimeUtc();
    BankError intentError;
    if (!m_request.bank->addJournalEntry(intent, &intentError))
        return abandon(intentError.message, intentError.path);
    auto *job = track(new openstack::CreateServerImageJob(m_connection, m_server.id, name, metadata, this));
    job->setServerName(m_server.name);
    connect(job, &openstack::ApiJob::finished, this, [this, job, intent](const Error &error) {
        if (error) {
            // Nova refused (4xx): no snapshot was made, forget the intent. Otherwise (connection lost,
            // 5xx) the request may have made one: the intent stays for the sweep.
            if (error.httpStatus >= 400 && error.httpStatus < 500) {
                BankError ignored;
                m_request.bank->removeJournalEntry(intent, &ignored);
            }
            return abandon(error);
        }
        m_snapshotId = job->imageId();
        crashPoint("backup-after-create-image");
        // Journal before waiting: if this process dies now, the next start-up sweep deletes the snapshot.
        JournalEntry entry;
        entry.checkpointId = m_checkpoint->id();
        entry.imageId = m_snapshotId;
        entry.cloudProfileId = m_request.session->profile().id;
        entry.regionName = m_request.session->profile().regionName;
        entry.created = QDateTime::currentDateTimeUtc();
        BankError bankError;
        if (!m_request.bank->addJournalEntry(entry, &bankError))
            return abandon(bankError.message, bankError.path);
        m_snapshotJournaled = true;
        if (!m_request.bank->removeJournalEntry(intent, &bankError))
            qCWarning(lcProtection) << "journal intent for" << m_checkpoint->id() << "not removed:" << bankError.message;
        qCInfo(lcProtection) << "snapshot" << m_snapshotId << "of server" << m_server.id << "for checkpoint"
                             << m_checkpoint->id();
        if (isCancelled())
            return abandon(tr("Cancelled."));
        setStage(JobStage::WaitingForImage);
        const double diskGiB = qMax(double(m_server.flavorDisk),
                                    m_haveOriginalImage ? double(m_originalImage.size) / double(1 << 30) : 0.0);
        const auto timeout = m_request.snapshotTimeoutBase
            + std::chrono::seconds(qint64(double(m_request.snapshotTimeoutPerGiB.count()) * diskGiB));
        waitForSnapshot(timeout);
    });
    job->start();
}

void BackupJob::waitForSnapshot(std::chrono::milliseconds timeout)
{
    auto *waiter = new openstack::ImageStatusWaiter(m_connection, m_snapshotId, timeout, this);
    waiter->setPollInterval(m_request.poll);
    connect(waiter, &openstack::StatusWaiter::finished, this, [] { crashPoint("backup-waited"); });
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.kind == Error::Kind::NotFound || error.httpStatus == 404) {
            // Nova deletes a failed snapshot; the cleanup then finds it gone and clears the journal.
            return abandon(tr("The snapshot of server %1 disappeared while it was being made (OpenStack deletes a "
                              "failed snapshot). Check the server's state and try again.")
                               .arg(m_server.name));
        }
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("The snapshot of server %1 ended in status %2 instead of active; OpenStack could not "
                              "save the server's disk. Check the compute and image services' logs, then try again.")
                               .arg(m_server.name, waiter->image().status));
        if (error)
            return abandon(error);
        download(waiter->image());
    });
    waiter->start();
    crashPoint("backup-waiting");
}

void BackupJob::download(const openstack::Image &image)
{
    setStage(JobStage::Downloading, image.size);
    // Verify what Glance gives: its sha512 os_hash_value when present (Glance since Rocky), else its md5
    // `checksum`. md5 on top of sha512 adds nothing to the check and costs a whole core on 2-core
    // machines (ingest 202 → 335 MB/s without it), so it is only computed when it is the check.
    ImageWriter::Options options;
    options.computeMd5 = !hasSha512(image);
    m_imageWriter = m_checkpoint->createImageWriter(options);
    ImageWriter *writer = m_imageWriter.get();
    // The writer hashes on its own threads, so the download need not hash again.
    auto *job = track(new openstack::ImageDownloadJob(
        m_connection, image.id,
        [writer](const QByteArray &block) {
            crashPoint("backup-download");
            return writer->write(block);
        },
        this));
    job->setImage(image);
    job->setVerifyChecksums(false);
    connect(job, &openstack::ImageDownloadJob::progress, this, [this](qint64 received, qint64) { setBytesDone(received); });
    connect(job, &openstack::ApiJob::finished, this, [this, image, writer](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.kind == Error::Kind::Canceled && writer->error().isError())
            return abandon(writer->error().message, writer->error().path);
        if (error)
            return abandon(error);
        verifyAndCommit(image);
    });
    job->start();
}

void BackupJob::verifyAndCommit(const openstack::Image &image)
{
    setStage(JobStage::Verifying);
    ImageRecord record;
    BankError bankError;
    if (!m_imageWriter->finish(&record, &bankError))
        return abandon(bankError.message, bankError.path);
    m_imageWriter.reset();
    const QString what = m_request.enableServerSnapshot ? tr("the snapshot of server %1").arg(m_server.name)
                                                        : tr("image %1 of server %2").arg(image.id, m_server.name);
    if (image.size >= 0 && record.size != image.size)
        return abandon(tr("The download of %1 ended after %2 of %3 bytes; nothing was saved. Try again.")
                           .arg(what).arg(record.size).arg(image.size));
    if (!hasSha512(image) && !image.checksum.isEmpty() && QString::fromLatin1(record.md5) != image.checksum)
        return abandon(tr("The bytes downloaded for %1 do not match the image's MD5 checksum; nothing was saved. "
                          "Try again; if it persists, the image in the cloud may be damaged.")
                           .arg(what),
                       tr("expected md5 %1, got %2").arg(image.checksum, QString::fromLatin1(record.md5)));
    if (hasSha512(image) && QString::fromLatin1(record.sha512) != image.osHashValue)
        return abandon(tr("The bytes downloaded for %1 do not match the image's SHA-512 hash; nothing was saved.")
                           .arg(what),
                       tr("expected sha512 %1, got %2").arg(image.osHashValue, QString::fromLatin1(record.sha512)));
    if (record.size == 0)
        return abandon(tr("%1 has no data (0 bytes); nothing was saved.").arg(what));
    record.diskFormat = image.diskFormat;
    record.containerFormat = image.containerFormat;

    const Resource graph = ServerProtectable::resourceGraph(m_server.raw);
    ProtectedResource *imageResource = m_checkpoint->resource(QLatin1String(ImageResourceType), m_server.imageId);
    if (!imageResource)
        return abandon(tr("Internal error: the checkpoint has no image resource for server %1.").arg(m_server.name));
    // Image properties for the restore: the backed-up image's settable set (Nova copies the boot
    // image's properties onto a snapshot), without the snapshot's own bookkeeping.
    QJsonObject properties = ImageProperties::withoutSnapshotBookkeeping(ImageProperties::settable(image.raw));
    if (m_haveOriginalImage && properties.value(QLatin1String("name")).toString().startsWith(QLatin1String("stackvault-")))
        properties.insert(QStringLiteral("name"), m_originalImage.name);
    imageResource->metadata = QJsonObject{{QLatin1String(CheckpointKey::Properties), properties},
                                          {QLatin1String(CheckpointKey::BackedUpImageId), image.id},
                                          {QLatin1String(CheckpointKey::OriginalImageId), m_server.imageId},
                                          {QLatin1String(CheckpointKey::FromServerSnapshot), m_request.enableServerSnapshot}};
    imageResource->image = record;
    // Decided by the image that was saved: a snapshot carries the boot image's hw_qemu_guest_agent.
    m_checkpoint->index().consistency = ImageProperties::consistency(image.raw, m_request.enableServerSnapshot);

    BankError commitError;
    if (!m_checkpoint->commit(&commitError))
        return abandon(commitError.message, commitError.path);

    const Consistency consistency = ConsistencyText::parse(m_checkpoint->index().consistency);
    QString message = m_request.enableServerSnapshot
        ? tr("Backed up server %1 with its data (%2 bytes, %3 bytes new in the backup storage; %4).")
              .arg(m_server.name)
              .arg(record.size)
              .arg(record.newStoredBytes)
              .arg(ConsistencyText::labelWithNote(consistency, ImageProperties::requiresQuiesce(properties)))
        : tr("Backed up the original image of server %1 (%2 bytes); data written since boot is not included.")
              .arg(m_server.name)
              .arg(record.size);
    QStringList volumeLabels;
    for (const VolumeNotIncluded &volume : std::as_const(m_volumesNotIncluded))
        volumeLabels.append(volume.label());
    if (!volumeLabels.isEmpty())
        message += QLatin1Char(' ') + volumesNotIncludedSentence(volumeLabels);
    m_success = JobResult{JobOutcome::Succeeded,
                          message,
                          {},
                          {{QStringLiteral("checkpoint_id"), m_checkpoint->id()},
                           {QStringLiteral("server_id"), m_server.id},
                           {QStringLiteral("server_name"), m_server.name},
                           {QStringLiteral("include_data"), m_request.enableServerSnapshot},
                           {QStringLiteral("size"), record.size},
                           {QStringLiteral("new_bytes"), record.newBytes},
                           {QStringLiteral("new_stored_bytes"), record.newStoredBytes},
                           {QStringLiteral("consistency"), m_checkpoint->index().consistency},
                           {QStringLiteral("volumes_not_included"), volumeLabels}}};
    m_checkpoint.reset();
    cleanUp();
}

void BackupJob::abandon(const Error &error)
{
    abandon(error.message, error.serviceMessage);
}

void BackupJob::abandon(const QString &message, const QString &details)
{
    if (!m_failure.isEmpty())
        return;
    m_failure = isCancelled() ? tr("Cancelled.") : message;
    m_failureDetails = details;
    qCInfo(lcProtection) << "backup of" << m_request.server << "stopped:" << m_failure;
    if (m_imageWriter) {
        m_imageWriter->cancel();
        m_imageWriter.reset();
    }
    if (m_checkpoint) {
        m_checkpoint->fail(m_failure);
        m_checkpoint.reset();
    }
    cleanUp();
}

void BackupJob::cleanUp()
{
    if (m_snapshotId.isEmpty())
        return done();
    setStage(JobStage::CleaningUp);
    crashPoint("backup-cleanup");
    const QString imageId = m_snapshotId;
    auto *job = new openstack::DeleteImageJob(m_connection, imageId, this);
    m_current = nullptr; // a cancel must not abort the cleanup
    connect(job, &openstack::ApiJob::finished, this, [this, imageId](const Error &error) {
        if (error) {
            // Keep the journal entry: the next start tries again.
            m_cleanupProblem = tr("The temporary snapshot %1 could not be deleted (%2); StackVault tries again when "
                                  "the desktop app starts next or before the next backup or restore on this cloud.")
                                   .arg(imageId, error.message);
        } else if (m_snapshotJournaled) {
            JournalEntry entry;
            entry.imageId = imageId;
            entry.cloudProfileId = m_request.session->profile().id;
            entry.regionName = m_request.session->profile().regionName;
            BankError bankError;
            if (!m_request.bank->removeJournalEntry(entry, &bankError))
                qCWarning(lcProtection) << "journal entry for" << imageId << "not removed:" << bankError.message;
        }
        m_snapshotId.clear();
        done();
    });
    job->start();
}

void BackupJob::done()
{
    if (m_failure.isEmpty()) {
        if (!m_cleanupProblem.isEmpty())
            m_success.details = m_cleanupProblem;
        return finish(m_success);
    }
    QString details = m_failureDetails;
    if (!m_cleanupProblem.isEmpty())
        details += (details.isEmpty() ? QString() : QStringLiteral("\n")) + m_cleanupProblem;
    if (isCancelled())
        return finish(JobResult{JobOutcome::Cancelled, m_failure, details, {}});
    fail(m_failure, details);
}

} // namespace sv
