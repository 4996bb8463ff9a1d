#include "backend/backend.h"

namespace sv::ui {

Backend::~Backend() = default;

void Backend::requestProjects(const QString &cloudId)
{
    Q_EMIT projectsFailed(cloudId, tr("This backend cannot list a cloud's projects."));
}

void Backend::requestProjectServers(const QString &cloudId, const QString &projectId)
{
    Q_EMIT projectServersFailed(cloudId, projectId, tr("This backend cannot list another project's servers."));
}

} // namespace sv::ui
