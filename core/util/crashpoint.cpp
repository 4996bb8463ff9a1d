#include "util/crashpoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace sv {

namespace {
struct Target
{
    QByteArray name;
    int hit = 1;
};

const Target &target()
{
    static const Target parsed = [] {
        Target t;
        const QByteArray value = qgetenv("STACKVAULT_CRASH_AT");
        const qsizetype colon = value.indexOf(':');
        t.name = colon < 0 ? value : value.left(colon);
        if (colon >= 0)
            t.hit = std::max(1, value.mid(colon + 1).toInt());
        return t;
    }();
    return parsed;
}

std::atomic_int g_hits{0};
} // namespace

void crashPoint(const char *name)
{
    const Target &t = target();
    if (t.name.isEmpty() || std::strcmp(t.name.constData(), name) != 0)
        return;
    if (g_hits.fetch_add(1) + 1 != t.hit)
        return;
    // Tell the harness where we died (unbuffered, async-signal-safe), then die at once.
    static const char prefix[] = "stackvault: crash point ";
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, prefix, sizeof(prefix) - 1);
    n = ::write(STDERR_FILENO, name, std::strlen(name));
    n = ::write(STDERR_FILENO, "\n", 1);
    ::kill(::getpid(), SIGKILL);
}

} // namespace sv
