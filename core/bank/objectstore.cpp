#include "bank/objectstore.h"

namespace sv {

ObjectStore::~ObjectStore() = default;

} // namespace sv
