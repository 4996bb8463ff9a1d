#include "filedisksource.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace fake {

FileDiskSource::FileDiskSource(const QString &path, qint64 size)
    : m_path(path)
    , m_size(size)
{
    // pread() on one descriptor is safe from many download threads at once; QFile is not.
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
}

FileDiskSource::~FileDiskSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
    QFile::remove(m_path);
}

bool FileDiskSource::read(qint64 offset, char *buffer, qint64 length) const
{
    if (m_fd < 0 || offset < 0 || length < 0 || offset + length > m_size)
        return false;
    while (length > 0) {
        const ssize_t n = ::pread(m_fd, buffer, static_cast<size_t>(length), static_cast<off_t>(offset));
        if (n <= 0)
            return false;
        buffer += n;
        offset += n;
        length -= n;
    }
    return true;
}

} // namespace fake
