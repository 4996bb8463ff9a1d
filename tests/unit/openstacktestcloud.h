#pragma once
// Shared by the OpenStack client tests: an in-process fake cloud with the test scenario and
// profiles for its users. Header-only on purpose: it is test scaffolding, not product code.

#include "fakecloud.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "profiles/cloudprofile.h"

#include <QTest>

#include <memory>

namespace testcloud {

inline const QString kDemoServerId = QStringLiteral("5e7f0000-0000-4000-8000-000000000001"); // web-1
inline const QString kBfvServerId = QStringLiteral("5e7f0000-0000-4000-8000-000000000004");  // bfv-1
inline const QString kUbuntuImageId = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000001");
inline const QString kCirrosImageId = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002");
inline const QString kAppCredentialId = QStringLiteral("7c2e5a0b9d8f4e3a8b1c6d5e4f3a2b10");

inline std::unique_ptr<fake::FakeCloud> startCloud()
{
    auto cloud = std::make_unique<fake::FakeCloud>();
    QString error;
    if (!cloud->loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"), &error))
        qFatal("scenario: %s", qPrintable(error));
    if (!cloud->start())
        qFatal("the fake cloud did not start");
    return cloud;
}

inline sv::CloudProfile passwordProfile(const fake::FakeCloud &cloud)
{
    sv::CloudProfile profile;
    profile.id = QStringLiteral("test-profile");
    profile.name = QStringLiteral("fake");
    profile.authUrl = QUrl(cloud.authUrl());
    profile.authType = sv::AuthType::Password;
    profile.userName = QStringLiteral("demo");
    profile.userDomainName = QStringLiteral("Default");
    profile.projectName = QStringLiteral("demo");
    profile.projectDomainName = QStringLiteral("Default");
    return profile;
}

inline sv::CloudProfile appCredentialProfile(const fake::FakeCloud &cloud)
{
    sv::CloudProfile profile = passwordProfile(cloud);
    profile.authType = sv::AuthType::ApplicationCredential;
    profile.projectName.clear();
    profile.projectDomainName.clear();
    profile.applicationCredentialId = kAppCredentialId;
    return profile;
}

// A connection with short timeouts and quick retries so that failure paths run fast.
inline std::unique_ptr<sv::openstack::Connection> connect(const sv::CloudProfile &profile,
                                                          const QString &secret = QStringLiteral("demo-password"))
{
    auto connection = std::make_unique<sv::openstack::Connection>(sv::openstack::Session::create(profile, secret));
    connection->setInactivityTimeout(std::chrono::seconds(5));
    sv::openstack::RetryPolicy policy;
    policy.initialDelay = std::chrono::milliseconds(50);
    policy.maxDelay = std::chrono::milliseconds(200);
    policy.maxRetryAfter = std::chrono::seconds(3);
    connection->setRetryPolicy(policy);
    return connection;
}

// Starts `job` and waits (event loop running, test code only) for its one finished().
template<typename Job>
sv::openstack::Error run(Job *job, int timeoutMs = 30000)
{
    job->setAutoDelete(false);
    sv::openstack::Error result;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&](const sv::openstack::Error &error) {
        result = error;
        done = true;
    });
    job->start();
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        return sv::openstack::Error::make(sv::openstack::Error::Kind::Timeout, QStringLiteral("test timed out"));
    return result;
}

} // namespace testcloud
