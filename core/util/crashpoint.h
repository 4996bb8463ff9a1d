#pragma once

namespace sv {

// A named place in a backup or restore where a process may die. The crash-safety test matrix
// (tests/crash) sets STACKVAULT_CRASH_AT=<name>[:<n>] and the process kills itself with SIGKILL the
// n-th time (default: first) it reaches that place: no destructor, no cleanup, exactly like a power
// cut or `kill -9` at that moment. Without the variable this is a cheap no-op.
void crashPoint(const char *name);

} // namespace sv
