#include "openstack/logging.h"

namespace sv::openstack {
Q_LOGGING_CATEGORY(lcOpenStack, "stackvault.openstack")
} // namespace sv::openstack
