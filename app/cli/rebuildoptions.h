#pragma once

#include <QCommandLineParser>

namespace sv {
struct RestoreRequest;
}

namespace cli {

// `restore`'s faithful-rebuild options (README "Faithful rebuild"): what of the saved NICs, addresses,
// tags, metadata, description, server group, config drive and user data to leave out or change.
void addRebuildOptions(QCommandLineParser &parser);
// The option names, for the checks that refuse them with --image-only or --volumes-only.
QStringList rebuildOptionNames();
// False after saying what is wrong (a usage error).
bool readRebuildOptions(const QCommandLineParser &parser, sv::RestoreRequest *request);

} // namespace cli
