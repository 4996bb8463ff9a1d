#pragma once

#include <QString>

#include <functional>
#include <future>

class QObject;
class QThread;

namespace sv {

// A thread with its own event loop for the network objects behind a blocking facade (a
// QNetworkAccessManager is bound to the thread that created it). A worker thread posts a request there
// and waits on a future for its answer, so no nested event loop runs anywhere. Calling await() from
// the I/O thread itself would deadlock: callers check isCurrent() and refuse.
class IoThread
{
public:
    explicit IoThread(const QString &name);
    ~IoThread();
    IoThread(const IoThread &) = delete;
    IoThread &operator=(const IoThread &) = delete;

    // Lives on the I/O thread: the parent of the objects made there, deleted when the thread stops.
    QObject *context() const { return m_context; }
    bool isCurrent() const;
    // Runs `work` on the I/O thread and returns once it has run.
    void runAndWait(const std::function<void()> &work) const;
    // Runs `start` on the I/O thread; it hands its result to `done` (then or later, from a signal).
    // Blocks the calling thread until then.
    template <typename Result>
    Result await(const std::function<void(const std::function<void(Result)> &done)> &start) const
    {
        std::promise<Result> promise;
        std::future<Result> future = promise.get_future();
        post([&start, &promise] { start([&promise](Result result) { promise.set_value(std::move(result)); }); });
        return future.get();
    }

private:
    void post(std::function<void()> work) const;

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;
};

} // namespace sv
