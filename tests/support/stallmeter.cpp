#include "stallmeter.h"

#include <algorithm>

namespace sv::test {

StallMeter::StallMeter(std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_interval(interval)
{
    // A coarse timer may fire up to 5 % late by design; a precise one measures the loop, not Qt's slack.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_maxGapNs = 0;
    m_elapsedNs = 0;
    m_ticks = 0;
    m_longGaps = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void StallMeter::stop()
{
    if (!m_timer.isActive())
        return;
    tick(); // the time since the last tick counts too
    m_timer.stop();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    m_elapsedNs = now;
    ++m_ticks;
    m_maxGapNs = std::max(m_maxGapNs, gap);
    if (gap > 50'000'000)
        ++m_longGaps;
}

double StallMeter::maxStallMs() const
{
    return std::max(0.0, maxGapMs() - double(m_interval.count()));
}

QJsonObject StallMeter::toJson() const
{
    return QJsonObject{
        {QStringLiteral("interval_ms"), double(m_interval.count())},
        {QStringLiteral("max_gap_ms"), maxGapMs()},
        {QStringLiteral("max_stall_ms"), maxStallMs()},
        {QStringLiteral("ticks"), double(m_ticks)},
        {QStringLiteral("long_gaps"), double(m_longGaps)},
        {QStringLiteral("elapsed_ms"), elapsedMs()},
    };
}

} // namespace sv::test
