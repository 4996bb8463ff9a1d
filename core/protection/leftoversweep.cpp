#include "protection/leftoversweep.h"

#include "bank/bank.h"
#include "bank/journalentry.h"
#include "openstack/session.h"
#include "profiles/cloudsessions.h"
#include "protection/protectionlog.h"
#include "protection/sweepjob.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

namespace sv {

void LeftoverSweep::prepare(std::shared_ptr<Bank> bank, CloudSessions *sessions, const QString &cloud, QObject *context,
                            Callback callback)
{
    const QPointer<QObject> guard(context);
    const QPointer<CloudSessions> sessionsGuard(sessions);
    // The journal is a folder of files (or Swift objects): read it off the calling thread.
    QThreadPool::globalInstance()->start([bank, sessionsGuard, cloud, guard, callback] {
        QList<JournalEntry> entries;
        BankError error;
        const bool read = bank->journalEntries(&entries, &error);
        QStringList clouds; // profile ids, in journal order
        for (const JournalEntry &entry : std::as_const(entries)) {
            if ((cloud.isEmpty() || entry.cloudProfileId == cloud) && !clouds.contains(entry.cloudProfileId))
                clouds.append(entry.cloudProfileId);
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [bank, sessionsGuard, guard, callback, clouds, read, message = error.message] {
                if (!guard || !sessionsGuard)
                    return;
                if (!read)
                    return callback(nullptr, {message});
                if (clouds.isEmpty())
                    return callback(nullptr, {});
                qCInfo(lcProtection) << "leftovers in the journal for" << clouds.size() << "cloud(s)";
                struct Pending
                {
                    QHash<QString, std::shared_ptr<openstack::Session>> sessions;
                    QStringList problems;
                    qsizetype remaining = 0;
                };
                auto pending = std::make_shared<Pending>();
                pending->remaining = clouds.size();
                for (const QString &id : clouds) {
                    sessionsGuard->acquire(id, guard, [bank, guard, callback, clouds, pending, id](
                                                          std::shared_ptr<openstack::Session> session,
                                                          const QString &problem) {
                        if (session)
                            pending->sessions.insert(id, std::move(session));
                        else
                            pending->problems.append(problem);
                        if (--pending->remaining > 0 || !guard)
                            return;
                        auto *job = new SweepJob(bank, pending->sessions);
                        job->setClouds(clouds);
                        callback(job, pending->problems);
                    });
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace sv
