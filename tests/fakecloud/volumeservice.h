#pragma once

#include <QJsonObject>
#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Volume;

// Cinder v3 under /volume: versions, and volumes list/detail/show in the project (read-only).
class VolumeService
{
public:
    explicit VolumeService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    QJsonObject volumeJson(const Exchange &ex, const Volume &volume, bool detail) const;
    CloudState &m_state;
};

} // namespace fake
