#include "bank/banklock.h"

namespace sv {

BankLock::~BankLock() = default;

} // namespace sv
