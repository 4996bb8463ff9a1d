#pragma once
// Shared by the core service layer's tests (CloudSessions, BankService, LeftoverSweep): two fake clouds
// on 127.0.0.1 saved as profiles "alpha" and "beta" in a temporary ProfileStore, their passwords in the
// real Secret Service under a service name of this process (scripts/test runs the suite inside
// dbus-run-session with gnome-keyring), and a CloudSessions over them.

#include "fakecloud.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

struct ServiceFixture
{
    fake::FakeCloud alphaCloud;
    fake::FakeCloud betaCloud;
    QTemporaryDir dir;
    std::unique_ptr<sv::ProfileStore> profiles;
    std::unique_ptr<sv::SecretStore> secrets;
    std::unique_ptr<sv::CloudSessions> sessions;
    sv::CloudProfile alpha;
    sv::CloudProfile beta;

    static sv::CloudProfile profileFor(const fake::FakeCloud &cloud, const QString &name)
    {
        sv::CloudProfile profile;
        profile.name = name;
        profile.authUrl = QUrl(cloud.authUrl());
        profile.userName = QStringLiteral("demo");
        profile.userDomainId = QStringLiteral("default");
        profile.projectName = QStringLiteral("demo");
        profile.projectDomainId = QStringLiteral("default");
        return profile;
    }

    // Runs one asynchronous keychain write to its end (the callback), without a nested event loop.
    bool writeSecret(const QString &id, const QString &secret)
    {
        std::optional<sv::SecretResult> result;
        secrets->write(id, secret, QCoreApplication::instance(), [&result](const sv::SecretResult &r) { result = r; });
        return QTest::qWaitFor([&] { return result.has_value(); }, 15000) && result->ok();
    }

    // Call with QVERIFY(f.start()).
    bool start()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            qWarning("needs a D-Bus session with a Secret Service: run through scripts/test");
            return false;
        }
        const QString scenario = QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json");
        if (!alphaCloud.loadScenario(scenario) || !alphaCloud.start() || !betaCloud.loadScenario(scenario)
            || !betaCloud.start())
            return false;
        profiles = std::make_unique<sv::ProfileStore>(dir.filePath(QStringLiteral("config")));
        secrets = std::make_unique<sv::SecretStore>(
            QStringLiteral("StackVault-servicetest-%1").arg(QCoreApplication::applicationPid()));
        if (!profiles->load())
            return false;
        alpha = profileFor(alphaCloud, QStringLiteral("alpha"));
        beta = profileFor(betaCloud, QStringLiteral("beta"));
        if (!profiles->add(alpha) || !profiles->add(beta))
            return false;
        if (!writeSecret(alpha.id, QStringLiteral("demo-password")) || !writeSecret(beta.id, QStringLiteral("demo-password")))
            return false;
        sessions = std::make_unique<sv::CloudSessions>(profiles.get(), secrets.get());
        return true;
    }

    // Requests the fake cloud answered (Keystone's included).
    static int requests(const fake::FakeCloud &cloud) { return int(cloud.requestLog().size()); }
};
