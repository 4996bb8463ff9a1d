#pragma once

#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Token;

// Nova's /os-server-groups (2.64 shape: `policy` a string, `rules`): list, show, create, delete. A
// server joins a group through the scheduler hint `group` when it is created (ComputeService). The
// caller holds the state's mutex.
void handleServerGroups(CloudState &state, Exchange &ex, const Token &token, const QStringList &rest);

} // namespace fake
