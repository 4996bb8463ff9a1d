#pragma once

#include "openstack/error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace sv::openstack {

class ApiJob;
class Connection;

// How often a waiter asks: the first interval, growing by half each poll up to `max`. Long jobs carry
// one in their request so that tests can wait in milliseconds where a real cloud needs seconds.
struct PollInterval
{
    std::chrono::milliseconds initial{500};
    std::chrono::milliseconds max{10000};
};

// The environment variable STACKVAULT_POLL_MAX_MS (for tests against the fake cloud, which answers in
// milliseconds; never needed against a real cloud): no wait between two polls of any waiter, nor of a
// test restore's console, is longer than this many milliseconds. `interval` as it is when unset.
std::chrono::milliseconds cappedPollInterval(std::chrono::milliseconds interval);

// Base of the asynchronous waiters (server status, image status): polls with a growing interval
// until the subclass sees a final state or the caller's timeout runs out. No nested event loop; one
// finished() per start(); deletes itself afterwards unless setAutoDelete(false).
class StatusWaiter : public QObject
{
    Q_OBJECT
public:
    StatusWaiter(Connection *connection, std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~StatusWaiter() override;

    // First interval, growing by half each poll up to `max` (defaults 2 s and 15 s).
    void setPollInterval(std::chrono::milliseconds initial, std::chrono::milliseconds max);
    void setPollInterval(const PollInterval &interval) { setPollInterval(interval.initial, interval.max); }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    void abort();
    bool isRunning() const { return m_running; }
    const Error &error() const { return m_error; }
    int pollCount() const { return m_polls; }

Q_SIGNALS:
    void finished(const sv::openstack::Error &error);

protected:
    // Send one status request (start it with trackJob()) and, when it answers, call either
    // keepWaiting() or finish().
    virtual void poll() = 0;
    // The sentence for the timeout ("Image X is still saving after 600 s.").
    virtual QString timeoutMessage(qint64 waitedSeconds) const = 0;

    void trackJob(ApiJob *job);
    void keepWaiting();
    void finish(Error error = {});
    // The resource answered 404 while waited for: finish with Kind::WaitFailed and `message`.
    void finishDisappeared(const Error &notFound, const QString &message);
    Connection *connection() const;

private:
    void pollNow();

    QPointer<Connection> m_connection;
    std::chrono::milliseconds m_timeout;
    std::chrono::milliseconds m_interval{2000};
    std::chrono::milliseconds m_maxInterval{15000};
    std::chrono::milliseconds m_nextInterval{2000};
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    QPointer<ApiJob> m_job;
    Error m_error;
    int m_polls = 0;
    bool m_running = false;
    bool m_autoDelete = true;
};

} // namespace sv::openstack
