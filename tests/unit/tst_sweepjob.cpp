// A backup process killed (SIGKILL) while its temporary snapshot exists leaves a journal entry; the
// next start's sweep deletes the snapshot, prune marks the interrupted checkpoint failed, and a new
// backup of the same server succeeds. The killed process is this test executable in "child" mode.
#include "bank/bank.h"
#include "cloudstate.h"
#include "openstack/compute/createserverimagejob.h"
#include "openstack/compute/createserverjob.h"
#include "openstack/connection.h"
#include "openstack/image/createimagejob.h"
#include "openstack/network/createportjob.h"
#include "openstack/volume/createvolumejob.h"
#include "openstack/volume/createvolumesnapshotjob.h"
#include "protection/sweepjob.h"
#include "protectionfixture.h"

#include <QCoreApplication>
#include <QProcess>

#include <algorithm>

#include <csignal>

using sv::JobOutcome;

namespace {
// Child mode: back up web-1 from the fake cloud at $SWEEP_AUTH_URL into $SWEEP_BANK, slowly, until killed.
int runChild()
{
    sv::CloudProfile profile;
    profile.id = QStringLiteral("profile-demo");
    profile.name = QStringLiteral("fake-demo");
    profile.authUrl = QUrl(qEnvironmentVariable("SWEEP_AUTH_URL"));
    profile.userName = QStringLiteral("demo");
    profile.userDomainId = QStringLiteral("default");
    profile.projectName = QStringLiteral("demo");
    profile.projectDomainId = QStringLiteral("default");
    auto bank = std::make_shared<sv::LocalBank>(qEnvironmentVariable("SWEEP_BANK"));
    sv::BankError error;
    if (!bank->open(&error))
        return 3;
    sv::BackupRequest request;
    request.session = sv::openstack::Session::create(profile, QStringLiteral("demo-password"));
    request.bank = bank;
    request.server = QStringLiteral("web-1");
    request.volumes = sv::VolumeSelection::none(); // its root disk's snapshot is the one leftover counted
    request.poll.initial = std::chrono::milliseconds(50);
    auto *manager = new sv::JobManager(QCoreApplication::instance());
    QObject::connect(manager, &sv::JobManager::jobFinished, manager, [](int, const sv::JobResult &) {
        QCoreApplication::exit(4); // the parent kills us long before this
    });
    manager->enqueue(new sv::BackupJob(request));
    return QCoreApplication::exec();
}
} // namespace

class TestSweepJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProtectionFixture> f;

    QList<sv::JournalEntry> journal()
    {
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        f->bank->journalEntries(&entries, &error);
        return entries;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ProtectionFixture>();
        QVERIFY(f->start());
    }
    void cleanup() { f.reset(); }

    void killedBackupIsSweptAndPruned()
    {
        fake::FaultSpec slow;
        slow.kind = fake::Fault::Slow;
        slow.bytesPerSecond = 256 * 1024; // the download takes ~25 s: plenty of time to kill it
        f->cloud.injectFault(slow);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STACKVAULT_SWEEP_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("SWEEP_AUTH_URL"), f->cloud.authUrl());
        env.insert(QStringLiteral("SWEEP_BANK"), f->bank->location());
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        // Kill it mid-download: the snapshot exists and the journal names it.
        QTRY_VERIFY_WITH_TIMEOUT(!journal().isEmpty() && !f->cloud.leftoverImageIds().isEmpty(), 30000);
        QTest::qWait(500);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(f->cloud.leftoverImageIds().size(), 1);
        f->cloud.clearFaults();

        // Next start: the sweep deletes the snapshot the journal names.
        QHash<QString, std::shared_ptr<sv::openstack::Session>> sessions{{QStringLiteral("profile-demo"), f->session}};
        const sv::JobResult swept = f->run(new sv::SweepJob(f->bank, sessions));
        QVERIFY2(swept.outcome == JobOutcome::Succeeded, qPrintable(swept.message + QLatin1Char(' ') + swept.details));
        QCOMPARE(swept.data.value(QStringLiteral("deleted")).toInt(), 1);
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        QVERIFY(journal().isEmpty());

        // The interrupted checkpoint never looks complete, and prune marks it failed.
        sv::PruneReport prune;
        sv::BankError error;
        QVERIFY2(f->bank->prune(&prune, &error), qPrintable(error.message));
        QCOMPARE(prune.interruptedMarkedError, 1);
        QList<sv::CheckpointSummary> list;
        QVERIFY(f->bank->listCheckpoints(&list, &error));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().status, QStringLiteral("error"));

        // And a new backup of the same server succeeds and checks clean.
        const sv::JobResult again = f->run(new sv::BackupJob(f->backupRequest(QStringLiteral("web-1"), true)));
        QVERIFY2(again.outcome == JobOutcome::Succeeded, qPrintable(again.message));
        sv::CheckReport check;
        QVERIFY(f->bank->check(&check, &error));
        QVERIFY(check.ok());
    }

    // Cinder snapshots named by id, and by an intent's checkpoint marker, are deleted after images
    // (a volume cloned from a snapshot blocks its delete); another checkpoint's snapshot stays.
    void volumeSnapshotsAreSweptByIdAndMarker()
    {
        sv::openstack::Connection connection(f->session);
        const auto snapshot = [&connection](const QString &checkpoint) {
            auto *job = new sv::openstack::CreateVolumeSnapshotJob(
                &connection, QStringLiteral("f0a1b2c3-0000-4000-8000-00000000c003"), QStringLiteral("sv-test"),
                QJsonObject{{QStringLiteral("stackvault_checkpoint"), checkpoint}}, false);
            job->setAutoDelete(false);
            QSignalSpy done(job, &sv::openstack::ApiJob::finished);
            job->start();
            const bool finished = done.wait(10000) && job->error().isOk();
            const QString id = finished ? job->snapshot().id : QString();
            delete job;
            return id;
        };
        const QString byId = snapshot(QStringLiteral("c-other-1"));
        const QString byMarker = snapshot(QStringLiteral("c-vol"));
        const QString unrelated = snapshot(QStringLiteral("c-other-2"));
        QVERIFY(!byId.isEmpty() && !byMarker.isEmpty() && !unrelated.isEmpty());
        const auto status = [this](const QString &id) {
            std::lock_guard lock(f->cloud.state().mutex);
            f->cloud.state().advance();
            return f->cloud.state().volumeSnapshots.value(id).status;
        };
        // Cinder deletes only available (or error) snapshots; a sweep that meets one still creating
        // reports it and keeps its entry for the next sweep.
        QTRY_VERIFY_WITH_TIMEOUT(status(byId) == QLatin1String("available") && status(byMarker) == QLatin1String("available"), 5000);

        const auto add = [this](sv::JournalEntry entry) {
            entry.cloudProfileId = QStringLiteral("profile-demo");
            entry.created = QDateTime::currentDateTimeUtc();
            sv::BankError error;
            return f->bank->addJournalEntry(entry, &error);
        };
        sv::JournalEntry concrete;
        concrete.kind = sv::JournalEntry::TemporaryVolumeSnapshot;
        concrete.checkpointId = QStringLiteral("c-other-1");
        concrete.snapshotId = byId;
        sv::JournalEntry intent;
        intent.kind = sv::JournalEntry::TemporaryVolumeSnapshot;
        intent.checkpointId = QStringLiteral("c-vol");
        QVERIFY(intent.isIntent());
        sv::JournalEntry image; // already gone in the cloud: counts as deleted
        image.checkpointId = QStringLiteral("c-other-1");
        image.imageId = QStringLiteral("e1a0b1c2-0000-4000-8000-0000000000ff");
        QVERIFY(add(concrete) && add(intent) && add(image));
        QCOMPARE(journal().size(), 3);

        QHash<QString, std::shared_ptr<sv::openstack::Session>> sessions{{QStringLiteral("profile-demo"), f->session}};
        const sv::JobResult swept = f->run(new sv::SweepJob(f->bank, sessions));
        QVERIFY2(swept.outcome == JobOutcome::Succeeded, qPrintable(swept.message + QLatin1Char(' ') + swept.details));
        QCOMPARE(swept.data.value(QStringLiteral("deleted")).toInt(), 3);
        const QStringList removed = swept.data.value(QStringLiteral("removed")).toStringList();
        QCOMPARE(removed.size(), 3);
        QCOMPARE(removed.at(0), QStringLiteral("snapshot ") + image.imageId); // images before volume snapshots
        QVERIFY(removed.contains(QStringLiteral("volume snapshot ") + byId));
        QVERIFY(removed.contains(QStringLiteral("volume snapshot ") + byMarker));
        QVERIFY(journal().isEmpty());
        const auto exists = [this](const QString &id) {
            std::lock_guard lock(f->cloud.state().mutex);
            f->cloud.state().advance();
            return f->cloud.state().volumeSnapshots.contains(id);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!exists(byId) && !exists(byMarker), 5000);
        QVERIFY2(exists(unrelated), "a snapshot of another checkpoint must not be touched");
    }

    // Intents for a backup's temporary volume (checkpoint marker) and a restore's volume (restore tag):
    // the sweep finds the volumes by their metadata and deletes them; other volumes stay.
    void volumesAreFoundByMarker()
    {
        sv::openstack::Connection connection(f->session);
        const auto volume = [&connection](const QJsonObject &metadata) {
            sv::openstack::VolumeCreateRequest request;
            request.name = QStringLiteral("sv-test");
            request.sizeGb = 1;
            request.metadata = metadata;
            auto *job = new sv::openstack::CreateVolumeJob(&connection, request);
            job->setAutoDelete(false);
            QSignalSpy done(job, &sv::openstack::ApiJob::finished);
            job->start();
            const bool finished = done.wait(10000) && job->error().isOk();
            const QString id = finished ? job->volume().id : QString();
            delete job;
            return id;
        };
        const QString temporary = volume({{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c-vol")},
                                          {QStringLiteral("stackvault_temporary"), QStringLiteral("true")}});
        const QString restored = volume({{QStringLiteral("stackvault_restore_job"), QStringLiteral("r-7")}});
        const QString unrelated = volume({{QStringLiteral("stackvault_restore_job"), QStringLiteral("r-8")}});
        QVERIFY(!temporary.isEmpty() && !restored.isEmpty() && !unrelated.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.volumeStatus(temporary) == QLatin1String("available")
                                     && f->cloud.volumeStatus(restored) == QLatin1String("available"),
                                 5000);
        sv::JournalEntry backupIntent;
        backupIntent.kind = sv::JournalEntry::TemporaryVolume;
        backupIntent.checkpointId = QStringLiteral("c-vol");
        sv::JournalEntry restoreIntent;
        restoreIntent.kind = sv::JournalEntry::RestoreVolume;
        restoreIntent.checkpointId = QStringLiteral("c-old");
        restoreIntent.tag = QStringLiteral("r-7");
        for (sv::JournalEntry entry : {backupIntent, restoreIntent}) {
            entry.cloudProfileId = QStringLiteral("profile-demo");
            entry.created = QDateTime::currentDateTimeUtc();
            sv::BankError error;
            QVERIFY(f->bank->addJournalEntry(entry, &error));
        }
        QHash<QString, std::shared_ptr<sv::openstack::Session>> sessions{{QStringLiteral("profile-demo"), f->session}};
        const sv::JobResult swept = f->run(new sv::SweepJob(f->bank, sessions));
        QVERIFY2(swept.outcome == JobOutcome::Succeeded, qPrintable(swept.message + QLatin1Char(' ') + swept.details));
        // The journal lists its entries in no particular order.
        QStringList removed = swept.data.value(QStringLiteral("removed")).toStringList();
        removed.sort();
        QStringList expected{QStringLiteral("volume ") + temporary, QStringLiteral("volume ") + restored};
        expected.sort();
        QCOMPARE(removed, expected);
        QVERIFY(journal().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.volumeStatus(temporary).isEmpty() && f->cloud.volumeStatus(restored).isEmpty(), 5000);
        QCOMPARE(f->cloud.volumeStatus(unrelated), QStringLiteral("available"));
    }

    // Intents for a restore's server, image and port (the restore's tag), a temporary image Cinder uploads
    // a volume into (its name) and a backup's snapshot image (the checkpoint marker): the sweep finds the
    // resource the intent marks and deletes it; the one with another marker stays.
    void intentsAreFoundByMarker_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<QString>("removedAs");
        QTest::newRow("restore server") << QStringLiteral("server") << sv::JournalEntry::RestoreServer
                                        << QStringLiteral("r-7") << QStringLiteral("c-old") << QStringLiteral("server ");
        QTest::newRow("restore image") << QStringLiteral("image-restore") << sv::JournalEntry::RestoreImage
                                       << QStringLiteral("r-7") << QStringLiteral("c-old") << QStringLiteral("image ");
        QTest::newRow("uploaded volume image") << QStringLiteral("image-name") << sv::JournalEntry::TemporaryImage
                                               << QStringLiteral("stackvault-upload-7") << QStringLiteral("c-up")
                                               << QStringLiteral("snapshot ");
        QTest::newRow("snapshot image") << QStringLiteral("image-checkpoint") << sv::JournalEntry::TemporaryImage
                                        << QString() << QStringLiteral("c-img") << QStringLiteral("snapshot ");
        QTest::newRow("restore port") << QStringLiteral("port") << sv::JournalEntry::RestorePort << QStringLiteral("r-7")
                                      << QStringLiteral("c-old") << QStringLiteral("port ");
    }
    void intentsAreFoundByMarker()
    {
        QFETCH(QString, resource);
        QFETCH(QString, kind);
        QFETCH(QString, tag);
        QFETCH(QString, checkpoint);
        QFETCH(QString, removedAs);
        sv::openstack::Connection connection(f->session);
        // Makes the resource carrying `marker` where the intent looks for it; its id, empty on failure.
        const auto make = [&connection, &resource](const QString &marker) {
            std::unique_ptr<sv::openstack::ApiJob> job;
            const auto image = [&connection](QJsonObject properties) {
                properties.insert(QStringLiteral("disk_format"), QStringLiteral("qcow2"));
                properties.insert(QStringLiteral("container_format"), QStringLiteral("bare"));
                if (!properties.contains(QStringLiteral("name")))
                    properties.insert(QStringLiteral("name"), QStringLiteral("sv-test"));
                return new sv::openstack::CreateImageJob(&connection, properties);
            };
            if (resource == u"server") {
                sv::openstack::ServerCreateRequest request;
                request.name = QStringLiteral("sv-test");
                request.flavorRef = QStringLiteral("1");
                request.imageRef = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002");
                request.networkMode = sv::openstack::ServerCreateRequest::NetworkMode::Explicit;
                request.networks = {{QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a001"), {}, {}}};
                request.metadata = {{QStringLiteral("stackvault_restore_job"), marker}};
                job.reset(new sv::openstack::CreateServerJob(&connection, request));
            } else if (resource == u"image-restore") {
                job.reset(image({{QStringLiteral("stackvault_restore_job"), marker}}));
            } else if (resource == u"image-name") {
                job.reset(image({{QStringLiteral("name"), marker}}));
            } else if (resource == u"image-checkpoint") {
                job.reset(image({{QStringLiteral("stackvault_checkpoint"), marker}}));
            } else {
                auto *port = new sv::openstack::CreatePortJob(&connection, QStringLiteral("b7a1c2d3-0000-4000-8000-00000000a001"),
                                                              {}, {}, QStringLiteral("sv-test"));
                port->setDescription(QStringLiteral("stackvault_restore_job:") + marker);
                job.reset(port);
            }
            job->setAutoDelete(false);
            QSignalSpy done(job.get(), &sv::openstack::ApiJob::finished);
            job->start();
            if (!done.wait(10000) || !job->error().isOk())
                return QString();
            if (auto *server = qobject_cast<sv::openstack::CreateServerJob *>(job.get()))
                return server->serverId();
            if (auto *created = qobject_cast<sv::openstack::CreateImageJob *>(job.get()))
                return created->image().id;
            return static_cast<sv::openstack::CreatePortJob *>(job.get())->port().id;
        };
        const QString marker = tag.isEmpty() ? checkpoint : tag;
        const QString marked = make(marker);
        const QString other = make(marker + QStringLiteral("-other"));
        QVERIFY(!marked.isEmpty() && !other.isEmpty());
        const auto exists = [this, &resource](const QString &id) {
            std::lock_guard lock(f->cloud.state().mutex);
            f->cloud.state().advance();
            if (resource == u"server")
                return f->cloud.state().servers.contains(id);
            if (resource == u"port")
                return f->cloud.state().ports.contains(id);
            return f->cloud.state().images.contains(id);
        };

        sv::JournalEntry intent;
        intent.kind = kind;
        intent.tag = tag;
        intent.checkpointId = checkpoint;
        intent.cloudProfileId = QStringLiteral("profile-demo");
        intent.created = QDateTime::currentDateTimeUtc();
        QVERIFY(intent.isIntent());
        sv::BankError error;
        QVERIFY(f->bank->addJournalEntry(intent, &error));
        QHash<QString, std::shared_ptr<sv::openstack::Session>> sessions{{QStringLiteral("profile-demo"), f->session}};
        const sv::JobResult swept = f->run(new sv::SweepJob(f->bank, sessions));
        QVERIFY2(swept.outcome == JobOutcome::Succeeded, qPrintable(swept.message + QLatin1Char(' ') + swept.details));
        QCOMPARE(swept.data.value(QStringLiteral("removed")).toStringList(), QStringList{removedAs + marked});
        QVERIFY(journal().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!exists(marked), 5000);
        QVERIFY2(exists(other), "a resource with another marker must not be touched");
    }

    // Nova's snapshot of a boot-from-volume server is a 0-byte image naming Cinder snapshots in its
    // block_device_mapping; a backup killed before it journaled them leaves only the image's entry. The
    // sweep reads the mapping and deletes the snapshots too.
    void bootFromVolumeSnapshotsAreFoundThroughTheImage()
    {
        sv::openstack::Connection connection(f->session);
        auto *job = new sv::openstack::CreateServerImageJob(&connection, QStringLiteral("5e7f0000-0000-4000-8000-000000000004"),
                                                            QStringLiteral("stackvault-bfv-1-test"),
                                                            QJsonObject{{QStringLiteral("stackvault_checkpoint"), QStringLiteral("c-bfv")}});
        job->setAutoDelete(false);
        QSignalSpy done(job, &sv::openstack::ApiJob::finished);
        job->start();
        QVERIFY(done.wait(10000));
        QVERIFY2(job->error().isOk(), qPrintable(job->error().message));
        const QString imageId = job->imageId();
        delete job;
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.imageStatus(imageId) == QLatin1String("active"), 10000);
        const QStringList snapshots = f->cloud.leftoverSnapshotIds();
        QVERIFY2(!snapshots.isEmpty(), "Nova snapshots the boot volume of a boot-from-volume server");
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(snapshots.cbegin(), snapshots.cend(),
                                             [this](const QString &id) { return f->cloud.snapshotStatus(id) == QLatin1String("available"); }),
                                 10000);
        sv::JournalEntry image;
        image.checkpointId = QStringLiteral("c-bfv");
        image.imageId = imageId;
        image.cloudProfileId = QStringLiteral("profile-demo");
        image.created = QDateTime::currentDateTimeUtc();
        sv::BankError error;
        QVERIFY(f->bank->addJournalEntry(image, &error));

        QHash<QString, std::shared_ptr<sv::openstack::Session>> sessions{{QStringLiteral("profile-demo"), f->session}};
        const sv::JobResult swept = f->run(new sv::SweepJob(f->bank, sessions));
        QVERIFY2(swept.outcome == JobOutcome::Succeeded, qPrintable(swept.message + QLatin1Char(' ') + swept.details));
        QCOMPARE(swept.data.value(QStringLiteral("deleted")).toInt(), 1 + snapshots.size());
        QVERIFY(journal().isEmpty());
        QVERIFY(f->cloud.leftoverImageIds().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(f->cloud.leftoverSnapshotIds().isEmpty(), 5000);
    }

    void entriesOfUnavailableCloudsAreKept()
    {
        sv::JournalEntry entry;
        entry.checkpointId = QStringLiteral("c1");
        entry.imageId = QStringLiteral("0000-unknown");
        entry.cloudProfileId = QStringLiteral("profile-gone");
        entry.created = QDateTime::currentDateTimeUtc();
        sv::BankError error;
        QVERIFY(f->bank->addJournalEntry(entry, &error));
        const sv::JobResult result = f->run(new sv::SweepJob(f->bank, {}));
        QCOMPARE(result.outcome, JobOutcome::Failed);
        QVERIFY(result.details.contains(QLatin1String("0000-unknown")));
        QCOMPARE(journal().size(), 1);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("STACKVAULT_SWEEP_CHILD"))
        return runChild();
    TestSweepJob test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sweepjob.moc"
