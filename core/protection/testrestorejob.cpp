#include "protection/testrestorejob.h"

#include "bank/bank.h"
#include "openstack/compute/consoleoutputjob.h"
#include "openstack/compute/deleteserverjob.h"
#include "openstack/compute/serverstatuswaiter.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/session.h"
#include "openstack/volume/deletevolumejob.h"
#include "openstack/volume/volumestatuswaiter.h"
#include "protection/protectionlog.h"
#include "util/crashpoint.h"

#include <QUuid>

#include <algorithm>

namespace sv {

using openstack::Error;

namespace {
// How long the cleanup waits for the server to be gone (its volumes detached) and a volume to settle.
constexpr std::chrono::seconds CleanupWait{300};

QString lastLine(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (!line.isEmpty())
            return line.left(200);
    }
    return {};
}
} // namespace

TestRestoreJob::TestRestoreJob(TestRestoreRequest request, QObject *parent)
    : Job(tr("Test restore of backup %1").arg(request.restore.checkpointId.left(8)), parent)
    , m_request(std::move(request))
{
}

TestRestoreJob::~TestRestoreJob() = default;

QString TestRestoreJob::cloudName() const
{
    return m_request.restore.session->profile().name;
}

void TestRestoreJob::run()
{
    m_connection = new openstack::Connection(m_request.restore.session, this);
    m_pollTimer = new QTimer(this);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &TestRestoreJob::pollConsole);
    const QString id = m_request.restore.checkpointId;
    m_scratchName = scratchNamePrefix() + id.left(8) + QLatin1Char('-')
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(6);
    setStage(JobStage::Checking);
    BankError bankError;
    if (!m_request.restore.bank->open(&bankError))
        return fail(bankError.message, bankError.path);
    // Held to the end (the restore takes its own): a sweep must not take the scratch restore's journal
    // entries for a dead process's while this test still uses the server.
    m_bankLock = m_request.restore.bank->lock(BankLock::Mode::Shared, 10 * 60 * 1000, &bankError);
    if (!m_bankLock)
        return fail(bankError.message, bankError.path);
    RestoreRequest restore = m_request.restore;
    restore.serverName = m_scratchName;
    restore.keepJournaled = true;
    // A scratch server next to the original: Nova makes its ports (and deletes them with it), so no fixed
    // IP is taken from the original; it joins no server group (an anti-affinity group could refuse it)
    // and runs no user data (cloud-init scripts may act on other systems).
    restore.ports = false;
    restore.serverGroup = QString();
    restore.userData = false;
    m_restore = new RestoreJob(restore, this);
    connect(m_restore, &Job::progressChanged, this, [this](const JobProgress &progress) {
        if (progress.stage != JobStage::Queued && progress.stage != JobStage::Checking
            && progress.stage != JobStage::Done)
            m_restoreMadeSomething = true;
        if (progress.stage == JobStage::Done)
            return;
        if (progress.stage != this->progress().stage)
            setStage(progress.stage, progress.bytesTotal, progress.bytesDone);
        else
            setBytesDone(progress.bytesDone);
    });
    connect(m_restore, &Job::finished, this, &TestRestoreJob::restored);
    m_restore->start();
}

void TestRestoreJob::restored(const JobResult &result)
{
    const QString id = m_request.restore.checkpointId;
    m_data = result.data;
    m_data.insert(QStringLiteral("checkpoint_id"), id);
    m_data.insert(QStringLiteral("cloud"), cloudName());
    m_data.insert(QStringLiteral("server_name"), m_scratchName);
    if (result.outcome == JobOutcome::Cancelled) {
        m_bankLock.reset();
        return finish(JobResult{JobOutcome::Cancelled, result.message, result.details, m_data});
    }
    if (result.outcome == JobOutcome::Failed) {
        if (!m_restoreMadeSomething) {
            // Nothing was made, so the backup was not tested (a flavor or key pair the cloud lacks, ...).
            m_bankLock.reset();
            return fail(tr("The restore test of backup %1 could not start in cloud %2: %3").arg(id, cloudName(), result.message),
                        result.details);
        }
        // The restore removed what it had made (or left it journaled when it could not).
        return conclude(false, tr("Backup %1 failed its restore test in cloud %2: %3").arg(id, cloudName(), result.message),
                        result.details);
    }
    m_kept = m_restore->keptJournal();
    for (const JournalEntry &entry : std::as_const(m_kept)) {
        if (entry.kind == JournalEntry::RestoreServer)
            m_serverId = entry.serverId;
        else if (entry.kind == JournalEntry::RestoreImage)
            m_imageId = entry.imageId;
        else if (entry.kind == JournalEntry::RestoreVolume && !entry.volumeId.isEmpty())
            m_volumeIds.append(entry.volumeId);
    }
    if (isCancelled())
        return cancelTest();
    if (m_request.marker.isEmpty())
        return conclude(true, tr("Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE (no console "
                                 "marker was asked for).")
                                  .arg(id, cloudName(), m_scratchName));
    setStage(JobStage::WaitingForBoot);
    m_markerClock.start();
    m_pollInterval = openstack::cappedPollInterval(m_request.consolePoll.initial);
    crashPoint("test-restore-waiting-marker");
    pollConsole();
}

void TestRestoreJob::pollConsole()
{
    if (m_concluding)
        return;
    if (isCancelled())
        return cancelTest();
    auto *job = new openstack::ConsoleOutputJob(m_connection, m_serverId, -1, this);
    job->setServerName(m_scratchName);
    m_console = job;
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        m_console = nullptr;
        if (isCancelled())
            return cancelTest();
        ++m_consoleReads;
        const QString id = m_request.restore.checkpointId;
        const qint64 waitedMs = m_markerClock.elapsed();
        if (!error) {
            const QString line = lastLine(job->output());
            if (!line.isEmpty())
                m_lastConsoleLine = line;
            if (job->output().contains(m_request.marker)) {
                m_data.insert(QStringLiteral("marker_seconds"), double(waitedMs) / 1000.0);
                return conclude(true, tr("Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE and "
                                         "its console log showed \"%4\" after %5 s.")
                                          .arg(id, cloudName(), m_scratchName, m_request.marker)
                                          .arg(double(waitedMs) / 1000.0, 0, 'f', 1));
            }
        } else if (error.kind == Error::Kind::Conflict) {
            m_lastConsoleError = error.message; // not booted far enough for a log yet
        } else {
            return conclude(false,
                            tr("Backup %1 failed its restore test in cloud %2: the console log of server %3 could not "
                               "be read: %4 Test without a marker (ACTIVE only) if this cloud offers no console logs.")
                                .arg(id, cloudName(), m_scratchName, error.message),
                            error.serviceMessage);
        }
        if (std::chrono::milliseconds(waitedMs) >= m_request.markerTimeout) {
            const QString seen = m_lastConsoleLine.isEmpty()
                ? (m_lastConsoleError.isEmpty() ? tr("the log stayed empty") : m_lastConsoleError)
                : tr("its last line: \"%1\"").arg(m_lastConsoleLine);
            return conclude(false, tr("Backup %1 failed its restore test in cloud %2: server %3 became ACTIVE, but its "
                                      "console log did not show \"%4\" within %5 s (%6). The image may not boot in that "
                                      "cloud, or may not log to the serial console; a longer marker timeout or another "
                                      "marker may help.")
                                       .arg(id, cloudName(), m_scratchName, m_request.marker)
                                       .arg(qint64(m_request.markerTimeout.count()))
                                       .arg(seen));
        }
        scheduleConsolePoll();
    });
    job->start();
}

void TestRestoreJob::scheduleConsolePoll()
{
    const auto left = m_request.markerTimeout - std::chrono::milliseconds(m_markerClock.elapsed());
    const auto interval = std::max(std::chrono::milliseconds(1),
                                   std::min(m_pollInterval, std::chrono::duration_cast<std::chrono::milliseconds>(left)));
    m_pollInterval = openstack::cappedPollInterval(std::min(m_request.consolePoll.max, m_pollInterval + m_pollInterval / 2));
    m_pollTimer->start(interval);
}

void TestRestoreJob::onCancel()
{
    if (m_restore && !m_restore->isFinished()) {
        m_restore->cancel(); // it removes what it made, then restored() finishes this job cancelled
        return;
    }
    if (m_concluding)
        return; // the cleanup runs to its end
    if (m_console) {
        m_console->abort(); // its handler cancels the test
        return;
    }
    cancelTest();
}

void TestRestoreJob::cancelTest()
{
    if (m_concluding)
        return;
    m_record = false;
    m_cancelledDuringTest = true;
    conclude(false, tr("Cancelled."));
}

void TestRestoreJob::conclude(bool passed, const QString &message, const QString &details)
{
    if (m_concluding)
        return;
    m_concluding = true;
    m_passed = passed;
    m_message = message;
    m_details = details;
    if (m_pollTimer)
        m_pollTimer->stop();
    qCInfo(lcProtection) << "restore test of" << m_request.restore.checkpointId << (passed ? "passed" : "ended:") << message;
    if (!m_serverId.isEmpty() || !m_imageId.isEmpty() || !m_volumeIds.isEmpty())
        setStage(JobStage::CleaningUp);
    cleanUp();
}

JournalEntry TestRestoreJob::keptEntry(const QString &kind) const
{
    for (const JournalEntry &entry : m_kept) {
        if (entry.kind != kind)
            continue;
        if ((kind == JournalEntry::RestoreServer && entry.serverId == m_serverId)
            || (kind == JournalEntry::RestoreImage && entry.imageId == m_imageId)
            || (kind == JournalEntry::RestoreVolume && !m_volumeIds.isEmpty() && entry.volumeId == m_volumeIds.constFirst()))
            return entry;
    }
    return {};
}

void TestRestoreJob::unjournal(const JournalEntry &entry)
{
    if (entry.cloudProfileId.isEmpty())
        return;
    BankError error;
    if (!m_request.restore.bank->removeJournalEntry(entry, &error))
        qCWarning(lcProtection) << "restore test journal entry not removed:" << error.message;
}

// The server first (it uses the image and the volumes), then the volumes once settled, then the image.
void TestRestoreJob::cleanUp()
{
    if (!m_serverId.isEmpty()) {
        crashPoint("test-restore-cleanup");
        auto *job = new openstack::DeleteServerJob(m_connection, m_serverId, this);
        connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
            if (error) {
                m_cleanupProblems.append(tr("server %1 (%2): %3").arg(m_scratchName, m_serverId, error.message));
                m_serverId.clear();
                return cleanUp();
            }
            auto *waiter = new openstack::ServerStatusWaiter(m_connection, m_serverId, {}, CleanupWait, this);
            waiter->setWaitForDeletion(true);
            waiter->setPollInterval(m_request.restore.poll);
            connect(waiter, &openstack::StatusWaiter::finished, this, [this](const Error &waitError) {
                if (waitError)
                    m_cleanupProblems.append(tr("server %1 (%2) is still being deleted: %3").arg(m_scratchName, m_serverId, waitError.message));
                else
                    unjournal(keptEntry(JournalEntry::RestoreServer));
                m_serverId.clear();
                cleanUp();
            });
            waiter->start();
        });
        return job->start();
    }
    if (!m_volumeIds.isEmpty())
        return removeVolume(0);
    if (!m_imageId.isEmpty()) {
        auto *job = new openstack::DeleteImageJob(m_connection, m_imageId, this);
        connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
            if (error)
                m_cleanupProblems.append(tr("image %1: %2").arg(m_imageId, error.message));
            else
                unjournal(keptEntry(JournalEntry::RestoreImage));
            m_imageId.clear();
            cleanUp();
        });
        return job->start();
    }
    concluded();
}

void TestRestoreJob::removeVolume(int)
{
    const QString volumeId = m_volumeIds.constFirst();
    auto *waiter = new openstack::VolumeStatusWaiter(m_connection, volumeId, CleanupWait, this);
    waiter->setPollInterval(m_request.restore.poll);
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, volumeId] {
        auto *job = new openstack::DeleteVolumeJob(m_connection, volumeId, this);
        connect(job, &openstack::ApiJob::finished, this, [this, volumeId](const Error &error) {
            if (error)
                m_cleanupProblems.append(tr("volume %1: %2").arg(volumeId, error.message));
            else
                unjournal(keptEntry(JournalEntry::RestoreVolume));
            m_volumeIds.removeFirst();
            cleanUp();
        });
        job->start();
    });
    waiter->start();
}

void TestRestoreJob::concluded()
{
    const QString id = m_request.restore.checkpointId;
    QString message = m_message;
    if (m_cleanupProblems.isEmpty()) {
        if (!m_cancelledDuringTest)
            message += QLatin1Char(' ') + tr("Everything the test made was removed.");
    } else {
        message += QLatin1Char('\n')
            + tr("Not everything the test made could be removed: %1. It stays in the backup storage's journal: the "
                 "next sweep (stackvault-cli sweep, or the desktop app's next start) removes it.")
                  .arg(m_cleanupProblems.join(QStringLiteral("; ")));
    }
    m_data.insert(QStringLiteral("passed"), m_passed);
    m_data.insert(QStringLiteral("marker"), m_request.marker);
    m_data.insert(QStringLiteral("console_reads"), m_consoleReads);
    m_data.insert(QStringLiteral("leftovers"), QVariant(m_cleanupProblems));
    if (m_record) {
        RestoreTestRecord record;
        record.testedAt = QDateTime::currentDateTimeUtc();
        record.passed = m_passed;
        record.cloud = cloudName();
        record.marker = m_request.marker;
        record.message = m_passed ? QString() : m_message;
        BankError error;
        if (m_request.restore.bank->recordRestoreTest(id, record, &error)) {
            m_data.insert(QStringLiteral("tested_at"), record.testedAt.toString(Qt::ISODateWithMs));
            m_data.insert(QStringLiteral("recorded"), true);
        } else {
            m_data.insert(QStringLiteral("recorded"), false);
            message += QLatin1Char('\n') + tr("The result was not recorded in the backup: %1").arg(error.message);
        }
    }
    m_bankLock.reset();
    if (m_cancelledDuringTest)
        return finish(JobResult{JobOutcome::Cancelled, message, m_details, m_data});
    finish(JobResult{m_passed ? JobOutcome::Succeeded : JobOutcome::Failed, message, m_details, m_data});
}

} // namespace sv
