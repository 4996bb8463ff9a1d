#include "openstack/statuswaiter.h"

#include "openstack/apijob.h"
#include "openstack/connection.h"

namespace sv::openstack {

StatusWaiter::StatusWaiter(Connection *connection, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StatusWaiter::pollNow);
}

std::chrono::milliseconds cappedPollInterval(std::chrono::milliseconds interval)
{
    static const qint64 cap = [] {
        bool ok = false;
        const qint64 value = qEnvironmentVariable("STACKVAULT_POLL_MAX_MS").toLongLong(&ok);
        return ok && value > 0 ? value : qint64(0);
    }();
    return cap > 0 ? std::min(interval, std::chrono::milliseconds(cap)) : interval;
}

StatusWaiter::~StatusWaiter()
{
    if (m_job)
        m_job->abort();
}

void StatusWaiter::setPollInterval(std::chrono::milliseconds initial, std::chrono::milliseconds max)
{
    m_interval = initial;
    m_maxInterval = std::max(initial, max);
}

Connection *StatusWaiter::connection() const { return m_connection.data(); }

void StatusWaiter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_error = {};
    m_polls = 0;
    m_nextInterval = cappedPollInterval(m_interval);
    m_elapsed.start();
    if (!m_connection) {
        finish(Error::make(Error::Kind::InvalidArgument, tr("The connection to the cloud is gone.")));
        return;
    }
    pollNow();
}

void StatusWaiter::abort()
{
    if (m_running)
        finish(Error::make(Error::Kind::Canceled, Error::defaultSentence(Error::Kind::Canceled, 0, {})));
}

void StatusWaiter::pollNow()
{
    if (!m_running)
        return;
    ++m_polls;
    poll();
}

void StatusWaiter::trackJob(ApiJob *job)
{
    m_job = job;
    job->start();
}

void StatusWaiter::keepWaiting()
{
    if (!m_running)
        return;
    const qint64 remaining = m_timeout.count() - m_elapsed.elapsed();
    if (remaining <= 0) {
        finish(Error::make(Error::Kind::WaitTimeout, timeoutMessage(m_elapsed.elapsed() / 1000)));
        return;
    }
    m_timer.start(std::chrono::milliseconds(std::min<qint64>(m_nextInterval.count(), remaining)));
    m_nextInterval = cappedPollInterval(std::min(m_maxInterval, m_nextInterval + m_nextInterval / 2));
}

void StatusWaiter::finishDisappeared(const Error &notFound, const QString &message)
{
    Error failed = notFound;
    failed.kind = Error::Kind::WaitFailed;
    failed.message = message;
    finish(failed);
}

void StatusWaiter::finish(Error error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    if (m_job) {
        ApiJob *job = m_job;
        m_job = nullptr;
        job->abort();
    }
    m_error = std::move(error);
    Q_EMIT finished(m_error);
    if (m_autoDelete)
        deleteLater();
}

} // namespace sv::openstack
