// LeftoverSweep, the start-up sweep shared by the desktop app and the CLI: reads the bank's journal and
// signs in to exactly the clouds it names — another saved cloud's secret is never read and its Keystone
// never asked — then hands back a SweepJob that removes the leftovers. Two fake clouds over real HTTP,
// the secrets in the real Secret Service.
#include "bank/journalentry.h"
#include "bank/localbank.h"
#include "jobs/jobmanager.h"
#include "openstack/compute/createserverimagejob.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "protection/leftoversweep.h"
#include "protection/sweepjob.h"
#include "servicefixture.h"

#include <QSignalSpy>

namespace {
const QString kWeb1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000001");
}

class TestLeftoverSweep : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServiceFixture> f;
    std::shared_ptr<sv::LocalBank> bank;
    sv::JobManager manager;

    struct Prepared
    {
        sv::SweepJob *job = nullptr;
        QStringList problems;
    };
    Prepared prepare(const QString &cloud)
    {
        std::optional<Prepared> got;
        sv::LeftoverSweep::prepare(bank, f->sessions.get(), cloud, this,
                                   [&got](sv::SweepJob *job, const QStringList &problems) { got = Prepared{job, problems}; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 20000); }();
        return got.value_or(Prepared{});
    }
    sv::JobResult run(sv::Job *job)
    {
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        manager.enqueue(job);
        if (!finished.wait(30000))
            return sv::JobResult{sv::JobOutcome::Running, QStringLiteral("timed out"), {}, {}};
        return finished.constFirst().at(1).value<sv::JobResult>();
    }

    // What a backup killed mid-download leaves: a snapshot of web-1 in `cloud` and the journal entry
    // naming it. Made on a session of its own, not through the CloudSessions under test.
    QString leaveSnapshot(const sv::CloudProfile &profile, const QString &checkpointId)
    {
        sv::openstack::Connection connection(sv::openstack::Session::create(profile, QStringLiteral("demo-password")));
        auto *create = new sv::openstack::CreateServerImageJob(&connection, kWeb1, QStringLiteral("leftover"),
                                                               {{QStringLiteral("stackvault_checkpoint"), checkpointId}},
                                                               &connection);
        create->setAutoDelete(false);
        QSignalSpy finished(create, &sv::openstack::ApiJob::finished);
        create->start();
        if (!finished.wait(15000) || create->imageId().isEmpty())
            return {};
        sv::JournalEntry entry;
        entry.checkpointId = checkpointId;
        entry.imageId = create->imageId();
        entry.cloudProfileId = profile.id;
        entry.created = QDateTime::currentDateTimeUtc();
        sv::BankError error;
        return bank->addJournalEntry(entry, &error) ? entry.imageId : QString();
    }
    int journalSize() const
    {
        QList<sv::JournalEntry> entries;
        sv::BankError error;
        bank->journalEntries(&entries, &error);
        return int(entries.size());
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ServiceFixture>();
        QVERIFY(f->start());
        bank = std::make_shared<sv::LocalBank>(f->dir.filePath(QStringLiteral("bank")));
        sv::BankError error;
        QVERIFY2(bank->open(&error), qPrintable(error.message));
    }
    void cleanup()
    {
        bank.reset();
        f.reset();
    }

    void nothingLeftSignsInNowhere()
    {
        const Prepared prepared = prepare({});
        QVERIFY(!prepared.job);
        QVERIFY(prepared.problems.isEmpty());
        QVERIFY(!f->sessions->cached(f->alpha.id));
        QVERIFY(!f->sessions->cached(f->beta.id));
        QCOMPARE(ServiceFixture::requests(f->alphaCloud), 0);
        QCOMPARE(ServiceFixture::requests(f->betaCloud), 0);
    }

    void onlyTheCloudsTheJournalNames()
    {
        const QString snapshot = leaveSnapshot(f->alpha, QStringLiteral("c-alpha"));
        QVERIFY(!snapshot.isEmpty());
        QCOMPARE(f->alphaCloud.leftoverImageIds(), QStringList{snapshot});

        const Prepared prepared = prepare({});
        QVERIFY(prepared.job);
        QVERIFY2(prepared.problems.isEmpty(), qPrintable(prepared.problems.join(u'\n')));
        const sv::JobResult result = run(prepared.job);
        QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + u' ' + result.details));
        QCOMPARE(result.data.value(QStringLiteral("deleted")).toInt(), 1);
        QVERIFY2(result.message.startsWith(QStringLiteral("Removed 1 leftover")), qPrintable(result.message));
        QVERIFY2(result.message.contains(snapshot), qPrintable(result.message));
        QVERIFY(f->alphaCloud.leftoverImageIds().isEmpty());
        QCOMPARE(journalSize(), 0);
        // beta is named nowhere: its secret was never read and its Keystone never asked.
        QVERIFY(!f->sessions->cached(f->beta.id));
        QCOMPARE(ServiceFixture::requests(f->betaCloud), 0);
    }

    void oneCloudLeavesTheOthersAlone()
    {
        const QString onAlpha = leaveSnapshot(f->alpha, QStringLiteral("c-alpha"));
        const QString onBeta = leaveSnapshot(f->beta, QStringLiteral("c-beta"));
        QVERIFY(!onAlpha.isEmpty() && !onBeta.isEmpty());
        const int betaRequests = ServiceFixture::requests(f->betaCloud);

        // Before a CLI backup on alpha: alpha's leftovers only.
        const Prepared prepared = prepare(f->alpha.id);
        QVERIFY(prepared.job);
        const sv::JobResult result = run(prepared.job);
        QVERIFY2(result.outcome == sv::JobOutcome::Succeeded, qPrintable(result.message + u' ' + result.details));
        QCOMPARE(result.data.value(QStringLiteral("deleted")).toInt(), 1);
        QCOMPARE(result.data.value(QStringLiteral("kept")).toInt(), 0);
        QVERIFY(f->alphaCloud.leftoverImageIds().isEmpty());
        QCOMPARE(f->betaCloud.leftoverImageIds(), QStringList{onBeta});
        QCOMPARE(journalSize(), 1);
        QVERIFY(!f->sessions->cached(f->beta.id));
        QCOMPARE(ServiceFixture::requests(f->betaCloud), betaRequests);

        // A cloud with nothing left over gets no job and no sign-in.
        QVERIFY(!prepare(f->alpha.id).job);
    }

    void aCloudThatCannotBeSignedInToIsReportedAndKept()
    {
        sv::JournalEntry entry;
        entry.checkpointId = QStringLiteral("c-gone");
        entry.imageId = QStringLiteral("0000-gone");
        entry.cloudProfileId = QStringLiteral("profile-that-was-removed");
        entry.created = QDateTime::currentDateTimeUtc();
        sv::BankError error;
        QVERIFY(bank->addJournalEntry(entry, &error));
        const Prepared prepared = prepare({});
        QVERIFY(prepared.job);
        QCOMPARE(prepared.problems.size(), 1);
        QVERIFY2(prepared.problems.first().contains(entry.cloudProfileId), qPrintable(prepared.problems.first()));
        const sv::JobResult result = run(prepared.job);
        QCOMPARE(result.outcome, sv::JobOutcome::Failed);
        QVERIFY(result.details.contains(entry.imageId));
        QCOMPARE(journalSize(), 1);
        QCOMPARE(ServiceFixture::requests(f->alphaCloud) + ServiceFixture::requests(f->betaCloud), 0);
    }
};

QTEST_GUILESS_MAIN(TestLeftoverSweep)
#include "tst_leftoversweep.moc"
