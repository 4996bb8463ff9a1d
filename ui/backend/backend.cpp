#include "backend/backend.h"

namespace sv::ui {

Backend::~Backend() = default;

} // namespace sv::ui
