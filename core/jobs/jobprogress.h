#pragma once

#include <QElapsedTimer>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace sv {

// Where a job is. The UI shows stageText(); scripts get stageName().
enum class JobStage {
    Queued,
    Checking,
    CreatingSnapshot,
    WaitingForImage,
    PreparingVolume, // a backup's volume: its snapshot, a temporary volume, the upload to an image
    Downloading,
    Verifying,
    Copying, // a copy between banks: read, verified, re-chunked and stored in the target
    CreatingImage,
    Uploading,
    CreatingServer,
    WaitingForServer,
    CreatingVolume,   // a restore: a Cinder volume from the restored bytes
    AttachingVolumes, // a restore: the data volumes onto the restored server
    WaitingForBoot,   // a restore test: the restored server's console log awaited for the marker
    Exporting,        // an export: a backup's disks read, verified and written into files
    Converting,       // an export: qemu-img converting the written disk to the asked format
    CleaningUp,
    Done,
};

QString stageText(JobStage stage); // translated, for people
QString stageName(JobStage stage); // stable, for --json

struct JobProgress
{
    JobStage stage = JobStage::Queued;
    qint64 bytesDone = 0;
    qint64 bytesTotal = -1; // -1: unknown
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1; // -1: unknown

    int percent() const; // -1 when the total is unknown
};

enum class JobOutcome { Running, Succeeded, Failed, Cancelled };

struct JobResult
{
    JobOutcome outcome = JobOutcome::Running;
    QString message; // one plain sentence for the user
    QString details; // what a bug report or an admin needs (never a secret)
    QVariantMap data; // e.g. {"checkpoint_id": ...}, {"server_id": ...}
};

// Smoothed transfer rate and ETA, fed with the running byte count.
class TransferRate
{
public:
    void start(qint64 bytesDone = 0);
    void update(qint64 bytesDone); // cheap; samples at most every 250 ms
    double bytesPerSecond() const { return m_rate; }
    qint64 etaSeconds(qint64 bytesDone, qint64 bytesTotal) const;

private:
    QElapsedTimer m_clock;
    qint64 m_lastBytes = 0;
    qint64 m_lastMs = 0;
    double m_rate = 0;
};

} // namespace sv

Q_DECLARE_METATYPE(sv::JobProgress)
Q_DECLARE_METATYPE(sv::JobResult)
