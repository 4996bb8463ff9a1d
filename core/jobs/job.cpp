#include "jobs/job.h"

#include <QMetaObject>

namespace sv {

Job::Job(QString title, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
{
}

Job::~Job() = default;

void Job::cancel()
{
    if (m_cancelled.exchange(true))
        return;
    QMetaObject::invokeMethod(this, [this] {
        if (!m_finished)
            onCancel();
    }, Qt::QueuedConnection);
}

void Job::start()
{
    if (isCancelled()) {
        finishCancelled();
        return;
    }
    run();
}

void Job::setStage(JobStage stage, qint64 bytesTotal, qint64 bytesDone)
{
    m_progress.stage = stage;
    m_progress.bytesTotal = bytesTotal;
    m_progress.bytesDone = bytesDone;
    m_progress.bytesPerSecond = 0;
    m_progress.etaSeconds = -1;
    m_rate.start(bytesDone);
    emitProgress();
}

void Job::setBytesDone(qint64 bytesDone)
{
    m_progress.bytesDone = bytesDone;
    m_rate.update(bytesDone);
    if (m_lastEmit.isValid() && m_lastEmit.elapsed() < 100 && bytesDone != m_progress.bytesTotal)
        return;
    m_progress.bytesPerSecond = m_rate.bytesPerSecond();
    m_progress.etaSeconds = m_rate.etaSeconds(bytesDone, m_progress.bytesTotal);
    emitProgress();
}

void Job::setBytesTotal(qint64 bytesTotal)
{
    m_progress.bytesTotal = bytesTotal;
    m_progress.etaSeconds = m_rate.etaSeconds(m_progress.bytesDone, bytesTotal);
    emitProgress();
}

void Job::emitProgress()
{
    m_lastEmit.start();
    Q_EMIT progressChanged(m_progress);
}

void Job::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (result.outcome == JobOutcome::Succeeded) {
        m_progress.stage = JobStage::Done;
        emitProgress();
    }
    Q_EMIT finished(result);
}

void Job::fail(const QString &message, const QString &details)
{
    finish(JobResult{JobOutcome::Failed, message, details, {}});
}

void Job::finishCancelled(const QString &message)
{
    finish(JobResult{JobOutcome::Cancelled, message.isEmpty() ? tr("Cancelled.") : message, {}, {}});
}

} // namespace sv
