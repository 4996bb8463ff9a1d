#pragma once

#include <QLoggingCategory>

namespace sv::openstack {
// Every log line of the OpenStack client goes through this category, and every string that may
// carry a request or response (URLs, headers, bodies) goes through redact() first.
Q_DECLARE_LOGGING_CATEGORY(lcOpenStack)
} // namespace sv::openstack
