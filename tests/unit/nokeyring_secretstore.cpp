#include "profiles/secretstore.h"

#include <optional>
#include <QTest>

using sv::SecretResult;
using sv::SecretStore;

// SecretStore when no keyring can be reached: CMake starts this test with DBUS_SESSION_BUS_ADDRESS
// pointing at a socket that does not exist, as on a desktop-less server or a broken session.
class TestSecretStoreNoKeyring : public QObject
{
    Q_OBJECT

    SecretStore m_store { QStringLiteral("StackVault-test") };

    template <typename Start> SecretResult run(Start start)
    {
        std::optional<SecretResult> result;
        start([&result](const SecretResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
        return result.value_or(
            SecretResult { SecretResult::Status::Failed, {}, QStringLiteral("timeout"), {} });
    }

    static void checkNoKeyring(const SecretResult &result)
    {
        QCOMPARE(result.status, SecretResult::Status::NoKeyring);
        QCOMPARE(result.message, SecretStore::noKeyringMessage());
        // The sentence says what is wrong and what to install.
        QVERIFY(result.message.contains(QLatin1String("No keyring is available")));
        QVERIFY(result.message.contains(QLatin1String("gnome-keyring")));
        QVERIFY(result.message.contains(QLatin1String("KWallet")));
        QVERIFY(result.secret.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("nonexistent")),
            "CMake must point DBUS_SESSION_BUS_ADDRESS at a missing socket for this test");
    }

    // qtkeychain picks its backend from the desktop: libsecret on GNOME and others, KWallet on KDE.
    // Both must report "no keyring", never "no secret stored".
    void operations_data()
    {
        QTest::addColumn<QByteArray>("desktop");
        QTest::newRow("GNOME") << QByteArrayLiteral("GNOME");
        QTest::newRow("KDE") << QByteArrayLiteral("KDE");
        QTest::newRow("none") << QByteArray();
    }

    void operations()
    {
        QFETCH(QByteArray, desktop);
        qputenv("XDG_CURRENT_DESKTOP", desktop);
        qputenv("KDE_SESSION_VERSION", desktop == "KDE" ? QByteArrayLiteral("5") : QByteArray());

        const QString key = QStringLiteral("no-keyring-test");
        checkNoKeyring(run([&](SecretStore::Callback cb) { m_store.read(key, this, std::move(cb)); }));
        checkNoKeyring(run([&](SecretStore::Callback cb) {
            m_store.write(key, QStringLiteral("pw"), this, std::move(cb));
        }));
        checkNoKeyring(run([&](SecretStore::Callback cb) { m_store.remove(key, this, std::move(cb)); }));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreNoKeyring)
#include "nokeyring_secretstore.moc"
