#pragma once

#include <QJsonObject>
#include <QString>

namespace fake {

class CloudState;

// Fills a CloudState from a scenario (JSON; format in tests/fakecloud/README.md). Records without an id
// get one derived from their name, so the same scenario always yields the same ids.
class ScenarioLoader
{
public:
    explicit ScenarioLoader(CloudState &state);
    // Call with the state mutex held. On failure, *error names the offending entry.
    bool load(const QJsonObject &scenario, QString *error);

private:
    bool loadSettings(const QJsonObject &settings, QString *error);
    bool loadIdentity(const QJsonObject &scenario, QString *error);
    bool loadCompute(const QJsonObject &scenario, QString *error);
    bool loadImages(const QJsonObject &scenario, QString *error);
    bool loadVolumes(const QJsonObject &scenario, QString *error);
    bool loadServers(const QJsonObject &scenario, QString *error);
    QString projectRef(const QString &ref) const;
    QString userRef(const QString &ref) const;
    QString imageRef(const QString &ref) const;
    CloudState &m_state;
};

} // namespace fake
