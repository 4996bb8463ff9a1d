#include "jobs/jobprogress.h"

#include <QCoreApplication>

#include <algorithm>

namespace sv {

QString stageText(JobStage stage)
{
    switch (stage) {
    case JobStage::Queued:
        return QCoreApplication::translate("sv::JobStage", "Queued");
    case JobStage::Checking:
        return QCoreApplication::translate("sv::JobStage", "Checking");
    case JobStage::CreatingSnapshot:
        return QCoreApplication::translate("sv::JobStage", "Creating snapshot");
    case JobStage::WaitingForImage:
        return QCoreApplication::translate("sv::JobStage", "Waiting for image");
    case JobStage::PreparingVolume:
        return QCoreApplication::translate("sv::JobStage", "Preparing volume");
    case JobStage::Downloading:
        return QCoreApplication::translate("sv::JobStage", "Downloading");
    case JobStage::Verifying:
        return QCoreApplication::translate("sv::JobStage", "Verifying");
    case JobStage::Copying:
        return QCoreApplication::translate("sv::JobStage", "Copying");
    case JobStage::CreatingImage:
        return QCoreApplication::translate("sv::JobStage", "Creating image");
    case JobStage::Uploading:
        return QCoreApplication::translate("sv::JobStage", "Uploading");
    case JobStage::CreatingServer:
        return QCoreApplication::translate("sv::JobStage", "Creating server");
    case JobStage::WaitingForServer:
        return QCoreApplication::translate("sv::JobStage", "Waiting for server");
    case JobStage::CreatingVolume:
        return QCoreApplication::translate("sv::JobStage", "Creating volume");
    case JobStage::AttachingVolumes:
        return QCoreApplication::translate("sv::JobStage", "Attaching volumes");
    case JobStage::WaitingForBoot:
        return QCoreApplication::translate("sv::JobStage", "Waiting for boot");
    case JobStage::Exporting:
        return QCoreApplication::translate("sv::JobStage", "Exporting");
    case JobStage::Converting:
        return QCoreApplication::translate("sv::JobStage", "Converting");
    case JobStage::CleaningUp:
        return QCoreApplication::translate("sv::JobStage", "Cleaning up");
    case JobStage::Done:
        return QCoreApplication::translate("sv::JobStage", "Done");
    }
    return {};
}

QString stageName(JobStage stage)
{
    switch (stage) {
    case JobStage::Queued:
        return QStringLiteral("queued");
    case JobStage::Checking:
        return QStringLiteral("checking");
    case JobStage::CreatingSnapshot:
        return QStringLiteral("creating_snapshot");
    case JobStage::WaitingForImage:
        return QStringLiteral("waiting_for_image");
    case JobStage::PreparingVolume:
        return QStringLiteral("preparing_volume");
    case JobStage::Downloading:
        return QStringLiteral("downloading");
    case JobStage::Verifying:
        return QStringLiteral("verifying");
    case JobStage::Copying:
        return QStringLiteral("copying");
    case JobStage::CreatingImage:
        return QStringLiteral("creating_image");
    case JobStage::Uploading:
        return QStringLiteral("uploading");
    case JobStage::CreatingServer:
        return QStringLiteral("creating_server");
    case JobStage::WaitingForServer:
        return QStringLiteral("waiting_for_server");
    case JobStage::CreatingVolume:
        return QStringLiteral("creating_volume");
    case JobStage::AttachingVolumes:
        return QStringLiteral("attaching_volumes");
    case JobStage::WaitingForBoot:
        return QStringLiteral("waiting_for_boot");
    case JobStage::Exporting:
        return QStringLiteral("exporting");
    case JobStage::Converting:
        return QStringLiteral("converting");
    case JobStage::CleaningUp:
        return QStringLiteral("cleaning_up");
    case JobStage::Done:
        return QStringLiteral("done");
    }
    return {};
}

int JobProgress::percent() const
{
    if (bytesTotal <= 0)
        return -1;
    return int(std::clamp<qint64>(bytesDone * 100 / bytesTotal, 0, 100));
}

void TransferRate::start(qint64 bytesDone)
{
    m_clock.start();
    m_lastBytes = bytesDone;
    m_lastMs = 0;
    m_rate = 0;
}

void TransferRate::update(qint64 bytesDone)
{
    if (!m_clock.isValid())
        start(bytesDone);
    const qint64 now = m_clock.elapsed();
    const qint64 dt = now - m_lastMs;
    if (dt < 250)
        return;
    const double instant = double(bytesDone - m_lastBytes) * 1000.0 / double(dt);
    // Exponential smoothing: steady enough to read, quick enough to follow a stall.
    m_rate = m_rate <= 0 ? instant : 0.7 * m_rate + 0.3 * instant;
    m_lastBytes = bytesDone;
    m_lastMs = now;
}

qint64 TransferRate::etaSeconds(qint64 bytesDone, qint64 bytesTotal) const
{
    if (bytesTotal <= 0 || m_rate < 1)
        return -1;
    return qint64(double(qMax<qint64>(0, bytesTotal - bytesDone)) / m_rate + 0.5);
}

} // namespace sv
