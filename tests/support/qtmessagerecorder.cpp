#include "qtmessagerecorder.h"

#include <QMutexLocker>
#include <QRegularExpression>

namespace {
QtMessageRecorder *g_recorder = nullptr;
}

QtMessageRecorder::QtMessageRecorder()
{
    Q_ASSERT(!g_recorder);
    g_recorder = this;
    m_previous = qInstallMessageHandler(&QtMessageRecorder::handle);
}

QtMessageRecorder::~QtMessageRecorder()
{
    qInstallMessageHandler(m_previous);
    g_recorder = nullptr;
}

QStringList QtMessageRecorder::warnings() const
{
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

QStringList QtMessageRecorder::threadingWarnings() const
{
    static const QRegularExpression threading(QStringLiteral("thread|timer"), QRegularExpression::CaseInsensitiveOption);
    return warnings().filter(threading);
}

void QtMessageRecorder::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QtMessageRecorder *self = g_recorder;
    if (self && type != QtDebugMsg && type != QtInfoMsg) {
        QMutexLocker lock(&self->m_mutex);
        self->m_warnings.append(message);
    }
    if (self && self->m_previous)
        self->m_previous(type, context, message);
}
