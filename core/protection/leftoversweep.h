#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace sv {

class Bank;
class CloudSessions;
class SweepJob;

// The start-up sweep, shared by the desktop app (when it starts) and the CLI (before a backup or a
// restore): reads the bank's journal on the thread pool, and when it names leftovers — of `cloud`
// only, when one is given — signs in to exactly the clouds it names (nothing is read from the keychain
// and no token is asked for any other cloud) and hands back a SweepJob limited to those clouds.
class LeftoverSweep
{
public:
    // `job` is null when nothing is left over (or the journal cannot be read); the caller owns it and
    // runs it (a JobManager). `problems`: one sentence each — an unreadable journal, a cloud StackVault
    // could not sign in to (its entries stay in the journal; the job reports them as kept).
    using Callback = std::function<void(SweepJob *job, const QStringList &problems)>;

    // Calls `callback` on this (the GUI or CLI main) thread unless `context` is gone by then.
    // `cloud`: a saved cloud's profile id, or empty for every cloud the journal names.
    static void prepare(std::shared_ptr<Bank> bank, CloudSessions *sessions, const QString &cloud, QObject *context,
                        Callback callback);
};

} // namespace sv
