#pragma once
// Shared by the backup and restore tests: an in-process fake cloud with the test scenario, a bank in
// a temporary folder, a session as user demo, and a JobManager to run jobs on worker threads.

#include "bank/localbank.h"
#include "fakecloud.h"
#include "jobs/jobmanager.h"
#include "openstack/session.h"
#include "profiles/cloudprofile.h"
#include "protection/backupjob.h"
#include "protection/restorejob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

struct ProtectionFixture
{
    // The fake cloud answers in milliseconds; the waiters need not wait seconds between polls.
    static constexpr sv::openstack::PollInterval fastPoll{std::chrono::milliseconds(50), std::chrono::milliseconds(200)};

    fake::FakeCloud cloud;
    QTemporaryDir dir;
    std::shared_ptr<sv::LocalBank> bank;
    std::shared_ptr<sv::openstack::Session> session;
    sv::JobManager manager;

    // `tweak` may change the test scenario before it loads (e.g. a bigger image).
    bool start(const std::function<void(QJsonObject &)> &tweak = {})
    {
        QString error;
        QFile file(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
        if (tweak)
            tweak(scenario);
        if (!cloud.loadScenario(scenario, &error)) {
            qWarning() << error;
            return false;
        }
        if (!cloud.start())
            return false;
        bank = std::make_shared<sv::LocalBank>(dir.filePath(QStringLiteral("bank")));
        sv::BankError bankError;
        if (!bank->open(&bankError))
            return false;
        session = makeSession(QStringLiteral("demo"), QStringLiteral("demo"), QStringLiteral("demo-password"));
        return true;
    }

    std::shared_ptr<sv::openstack::Session> makeSession(const QString &user, const QString &project, const QString &password)
    {
        sv::CloudProfile profile;
        profile.id = QStringLiteral("profile-") + user;
        profile.name = QStringLiteral("fake-") + project;
        profile.authUrl = QUrl(cloud.authUrl());
        profile.userName = user;
        profile.userDomainId = QStringLiteral("default");
        profile.projectName = project;
        profile.projectDomainId = QStringLiteral("default");
        return sv::openstack::Session::create(profile, password);
    }

    sv::BackupRequest backupRequest(const QString &server, bool withData)
    {
        sv::BackupRequest request;
        request.session = session;
        request.bank = bank;
        request.server = server;
        request.enableServerSnapshot = withData;
        request.poll = fastPoll;
        return request;
    }

    sv::RestoreRequest restoreRequest(const QString &checkpointId, const QString &newName)
    {
        sv::RestoreRequest request;
        request.session = session;
        request.bank = bank;
        request.checkpointId = checkpointId;
        request.serverName = newName;
        request.poll = fastPoll;
        return request;
    }

    // Runs the job to its end and returns its result.
    sv::JobResult run(sv::Job *job, int timeoutMs = 60000)
    {
        QSignalSpy finished(&manager, &sv::JobManager::jobFinished);
        manager.enqueue(job);
        if (!finished.wait(timeoutMs))
            return sv::JobResult{sv::JobOutcome::Running, QStringLiteral("timed out"), {}, {}};
        return finished.constFirst().at(1).value<sv::JobResult>();
    }
};
