#pragma once
// A job for UI tests: advances through a stage in steps on its worker thread; can fail or be cancelled.

#include "jobs/job.h"

#include <QTimer>

#include <functional>

class FakeJob : public sv::Job
{
public:
    struct Options
    {
        int steps = 10;
        int stepMs = 20;
        qint64 bytesPerStep = 1 << 20;
        bool fail = false;
        QVariantMap data;
    };

    FakeJob(const QString &title, Options options)
        : sv::Job(title)
        , m_options(std::move(options))
    {
    }

protected:
    void run() override
    {
        setStage(sv::JobStage::CreatingSnapshot);
        setStage(sv::JobStage::Downloading, m_options.bytesPerStep * m_options.steps);
        m_timer = new QTimer(this);
        m_timer->setInterval(m_options.stepMs);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { step(); });
        m_timer->start();
    }

    void onCancel() override
    {
        m_timer->stop();
        setStage(sv::JobStage::CleaningUp);
        finishCancelled();
    }

private:
    void step()
    {
        if (isCancelled())
            return;
        ++m_done;
        setBytesDone(m_done * m_options.bytesPerStep);
        if (m_done < m_options.steps)
            return;
        m_timer->stop();
        if (m_options.fail) {
            fail(QStringLiteral("The snapshot ended in status killed."), QStringLiteral("GET /v2/images/x: killed"));
            return;
        }
        setStage(sv::JobStage::Verifying);
        finish(sv::JobResult{sv::JobOutcome::Succeeded, QStringLiteral("Backed up."), {}, m_options.data});
    }

    Options m_options;
    QTimer *m_timer = nullptr;
    int m_done = 0;
};
