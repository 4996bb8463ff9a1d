#pragma once

#include "fakecloud.h"

#include <QStringList>

namespace fake {

class Exchange;

// The fake's own JSON API under /_fake/ (clearly not OpenStack): poke server and volume disks, inject faults,
// list leftovers, change settings, expire tokens. Routes are listed in tests/fakecloud/README.md.
class ControlApi
{
public:
    explicit ControlApi(FakeCloud &cloud);
    void handle(Exchange &ex, const QStringList &segments);

private:
    void error(Exchange &ex, int code, const QString &message);
    void faults(Exchange &ex, const QStringList &rest);
    void disk(Exchange &ex, FakeCloud::DiskOwner owner, const QStringList &rest);
    void settings(Exchange &ex);
    FakeCloud &m_cloud;
};

} // namespace fake
