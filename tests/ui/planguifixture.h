#pragma once
// What the Plans GUI tests share: the fake cloud on 127.0.0.1 saved as cloud "fake-demo" (its password in
// the keychain, so a Secret Service is needed: scripts/test and /tmp/ktest.sh provide one), the REAL core
// backend over it (CoreBackend: sessions, backup storage in a temporary folder), and a PlansService whose
// plans.json lives beside the saved clouds in that temporary folder. Without a Secret Service the tests are
// skipped, loudly; under CI=true that is a failure.
#include "backend/corebackend.h"
#include "common/icons.h"
#include "demoprofile.h"
#include "fakecloud.h"
#include "plans/plansservice.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

class PlanGuiFixture
{
public:
    // Call from initTestCase(); QSKIP/QFAIL there when there is no keychain.
    void setUp(QObject *context)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("StackVault-plans-uitest"));
        sv::ui::initResources();
        QVERIFY(dir.isValid());
        sv::AppSettings::createTempFileInstance();
        sv::AppSettings::instance()->setBankLocation(dir.filePath(QStringLiteral("bank")));
        QString error;
        QVERIFY2(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"), &error),
                 qPrintable(error));
        QVERIFY(cloud.start());

        profiles = std::make_unique<sv::ProfileStore>(dir.filePath(QStringLiteral("profiles")));
        secrets = std::make_unique<sv::SecretStore>(
            QStringLiteral("StackVault-plans-uitest-%1").arg(QCoreApplication::applicationPid()));
        profiles->setSecretStore(secrets.get());
        QVERIFY(profiles->load());
        sv::CloudProfile profile = demoProfile(cloud.authUrl(), sv::CloudProfile::generateId());
        profile.name = QStringLiteral("fake-demo");
        std::optional<sv::SecretResult> written;
        secrets->write(profile.id, QStringLiteral("demo-password"), context,
                       [&written](const sv::SecretResult &result) { written = result; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
        if (!written->ok()) {
            const QString why = QStringLiteral("no usable Secret Service in this session (%1; scripts/test runs the "
                                               "tests in a D-Bus session with an unlocked gnome-keyring)")
                                    .arg(written->message);
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(qPrintable(QStringLiteral("required under CI=true: ") + why));
            QSKIP(qPrintable(QStringLiteral("SKIPPED: ") + why));
        }
        QVERIFY2(profiles->add(profile, &error), qPrintable(error));
        cloudId = profile.id;
        backend = std::make_unique<sv::ui::CoreBackend>(profiles.get(), secrets.get());
        plans = std::make_unique<sv::ui::PlansService>(profiles.get(), backend->cloudSessions(), backend->bankService());
        QVERIFY2(plans->loadError().isEmpty(), qPrintable(plans->loadError()));
    }

    // Call from cleanupTestCase().
    void tearDown(QObject *context)
    {
        plans.reset();
        if (!cloudId.isEmpty() && secrets) {
            bool removed = false;
            secrets->remove(cloudId, context, [&removed](const sv::SecretResult &) { removed = true; });
            QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
        }
        backend.reset();
    }

    // A plan of the fake cloud's servers named web-* (web-1, web-2), without volumes, kept by `retention`.
    sv::Plan webPlan(const QString &name, const QJsonObject &retention = {}) const
    {
        sv::Plan plan;
        plan.name = name;
        plan.sources = {sv::PlanSource{QStringLiteral("fake-demo"), {}, {}, QStringLiteral("web-*")}};
        plan.volumes = sv::VolumeSelection::none();
        plan.bank = sv::AppSettings::instance()->bankLocation();
        plan.schedule = sv::PlanSchedule{sv::PlanSchedule::Kind::Daily, 30, 2, 1, {}};
        plan.retention = retention;
        return plan;
    }

    fake::FakeCloud cloud;
    QTemporaryDir dir;
    std::unique_ptr<sv::ProfileStore> profiles;
    std::unique_ptr<sv::SecretStore> secrets;
    std::unique_ptr<sv::ui::CoreBackend> backend;
    std::unique_ptr<sv::ui::PlansService> plans;
    QString cloudId;
};
