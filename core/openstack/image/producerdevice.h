#pragma once

#include <QByteArray>
#include <QIODevice>

#include <functional>

namespace sv::openstack {

// A sequential QIODevice over a pull callback, so an upload can stream from anything that hands out
// blocks (a bank's image reader that decompresses chunk by chunk) with memory bounded by one block
// plus Qt's socket buffer. The callback runs on the uploading thread and may block there briefly.
class ProducerDevice : public QIODevice
{
    Q_OBJECT
public:
    // Fills `block` with the next bytes (any size > 0) and returns true; returns true with an empty
    // block at the end; false on error (the upload then fails).
    using Producer = std::function<bool(QByteArray *block)>;

    ProducerDevice(Producer producer, qint64 size, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_size; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    bool refill();

    Producer m_producer;
    qint64 m_size;
    qint64 m_produced = 0; // bytes handed out by the producer so far
    QByteArray m_block;
    qsizetype m_offset = 0;
    bool m_ended = false;
    bool m_failed = false;
};

} // namespace sv::openstack
