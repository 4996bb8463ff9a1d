#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace sv::test {

// Measures how responsive the thread it lives on is (the GUI thread): a precise timer ticks every
// `interval`; the longest time between two ticks is the longest the event loop was busy elsewhere
// (a "stall"). Used by the tests and the GUI bench (tests/bench/guistall) while a backup runs, so
// that "the GUI thread never blocks" is a number, not a hope.
class StallMeter : public QObject
{
    Q_OBJECT
public:
    explicit StallMeter(std::chrono::milliseconds interval = std::chrono::milliseconds(5), QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // The longest time between two ticks, in milliseconds (the interval itself included).
    double maxGapMs() const { return double(m_maxGapNs) / 1e6; }
    // The longest gap minus the interval: how long the loop could not run anything.
    double maxStallMs() const;
    qint64 ticks() const { return m_ticks; }
    double elapsedMs() const { return double(m_elapsedNs) / 1e6; }
    // Gaps longer than 50 ms (the responsiveness goal), counted.
    qint64 longGaps() const { return m_longGaps; }

    // {"interval_ms", "max_gap_ms", "max_stall_ms", "ticks", "long_gaps", "elapsed_ms"}
    QJsonObject toJson() const;

private:
    void tick();

    std::chrono::milliseconds m_interval;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_elapsedNs = 0;
    qint64 m_ticks = 0;
    qint64 m_longGaps = 0;
};

} // namespace sv::test
