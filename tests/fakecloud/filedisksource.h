#pragma once

#include "disksource.h"

#include <QString>

namespace fake {

// Bytes uploaded to the fake Glance: a file in the cloud's temp dir, removed with the last reference.
class FileDiskSource : public DiskSource
{
public:
    FileDiskSource(const QString &path, qint64 size);
    ~FileDiskSource() override;
    FileDiskSource(const FileDiskSource &) = delete;
    FileDiskSource &operator=(const FileDiskSource &) = delete;
    qint64 size() const override { return m_size; }
    bool read(qint64 offset, char *buffer, qint64 length) const override;

private:
    QString m_path;
    qint64 m_size;
    int m_fd = -1;
};

} // namespace fake
