#include "util/iothread.h"

#include <QObject>
#include <QThread>

namespace sv {

IoThread::IoThread(const QString &name)
    : m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(name);
    m_context->moveToThread(m_thread);
    m_thread->start();
}

IoThread::~IoThread()
{
    // Deferred deletes still run after the event loop stopped (QThread::finished).
    m_context->deleteLater();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool IoThread::isCurrent() const { return QThread::currentThread() == m_thread; }

void IoThread::runAndWait(const std::function<void()> &work) const
{
    QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

void IoThread::post(std::function<void()> work) const
{
    QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
}

} // namespace sv
