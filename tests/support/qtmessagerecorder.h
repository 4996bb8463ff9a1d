#pragma once

#include <QMutex>
#include <QStringList>
#include <QtGlobal>

// Records every Qt warning (and worse) printed from any thread while it exists, and still passes
// each message on to the handler that was installed before. Tests assert on what Qt printed, e.g.
// that no "Timers cannot be stopped from another thread" appeared. One recorder at a time.
class QtMessageRecorder
{
public:
    QtMessageRecorder();
    ~QtMessageRecorder();
    QtMessageRecorder(const QtMessageRecorder &) = delete;
    QtMessageRecorder &operator=(const QtMessageRecorder &) = delete;

    QStringList warnings() const;
    // The recorded warnings that mention threads or timers (Qt's threading complaints).
    QStringList threadingWarnings() const;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    mutable QMutex m_mutex;
    QStringList m_warnings;
    QtMessageHandler m_previous = nullptr;
};
