#include "openstack/image/producerdevice.h"

#include <cstring>

namespace sv::openstack {

ProducerDevice::ProducerDevice(Producer producer, qint64 size, QObject *parent)
    : QIODevice(parent)
    , m_producer(std::move(producer))
    , m_size(size)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool ProducerDevice::atEnd() const { return m_ended && m_offset >= m_block.size(); }

qint64 ProducerDevice::bytesAvailable() const
{
    // Qt's upload path asks before reading; promise what remains of the announced size.
    const qint64 inBlock = m_block.size() - m_offset;
    return std::max<qint64>(inBlock, m_ended ? 0 : m_size - m_produced + inBlock) + QIODevice::bytesAvailable();
}

bool ProducerDevice::refill()
{
    m_block.clear();
    m_offset = 0;
    if (m_ended)
        return false;
    if (!m_producer || !m_producer(&m_block)) {
        m_failed = true;
        m_ended = true;
        setErrorString(tr("The data source of the upload failed."));
        return false;
    }
    if (m_block.isEmpty()) {
        m_ended = true;
        return false;
    }
    m_produced += m_block.size();
    return true;
}

qint64 ProducerDevice::readData(char *data, qint64 maxSize)
{
    qint64 copied = 0;
    while (copied < maxSize) {
        if (m_offset >= m_block.size() && !refill())
            break;
        const qint64 n = std::min<qint64>(maxSize - copied, m_block.size() - m_offset);
        std::memcpy(data + copied, m_block.constData() + m_offset, size_t(n));
        m_offset += n;
        copied += n;
    }
    if (copied == 0 && m_failed)
        return -1;
    return copied;
}

qint64 ProducerDevice::writeData(const char *, qint64) { return -1; }

} // namespace sv::openstack
