#include "profiles/secretstore.h"

#include <optional>
#include <QCoreApplication>
#include <QTest>
#include <QUuid>

using sv::SecretResult;
using sv::SecretStore;

// Runs against the real Secret Service: scripts/test starts ctest inside dbus-run-session with an
// unlocked gnome-keyring. A service name of its own keeps these entries apart from real ones.
class TestSecretStore : public QObject
{
    Q_OBJECT

    SecretStore m_store { QStringLiteral("StackVault-test") };

    static QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // Runs one asynchronous keychain call to its end (the callback), without a nested event loop of ours.
    template <typename Start> SecretResult run(Start start)
    {
        std::optional<SecretResult> result;
        start([&result](const SecretResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
        return result.value_or(
            SecretResult { SecretResult::Status::Failed, {}, QStringLiteral("timeout"), {} });
    }

    SecretResult write(const QString &key, const QString &secret)
    {
        return run([&](SecretStore::Callback cb) { m_store.write(key, secret, this, std::move(cb)); });
    }
    SecretResult read(const QString &key)
    {
        return run([&](SecretStore::Callback cb) { m_store.read(key, this, std::move(cb)); });
    }
    SecretResult remove(const QString &key)
    {
        return run([&](SecretStore::Callback cb) { m_store.remove(key, this, std::move(cb)); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "needs a D-Bus session with a Secret Service: run through scripts/test");
        QCOMPARE(SecretStore().service(), QStringLiteral("StackVault"));
    }

    void writeReadDelete_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii") << QStringLiteral("s3cret-Passw0rd");
        QTest::newRow("spaces and quotes") << QStringLiteral(" pass word \"'\\ ");
        QTest::newRow("unicode") << QStringLiteral("Pässwört-密码-🔑");
        QTest::newRow("newline inside") << QStringLiteral("line1\nline2");
        QTest::newRow("long application credential secret") << QString(512, QLatin1Char('x'));
    }

    void writeReadDelete()
    {
        QFETCH(QString, secret);
        const QString key = newKey();

        SecretResult result = write(key, secret);
        QVERIFY2(result.ok(), qPrintable(result.message + QLatin1String(" / ") + result.detail));

        result = read(key);
        QVERIFY2(result.ok(), qPrintable(result.message + QLatin1String(" / ") + result.detail));
        QCOMPARE(result.secret, secret);

        result = remove(key);
        QVERIFY2(result.ok(), qPrintable(result.detail));

        result = read(key);
        QCOMPARE(result.status, SecretResult::Status::NotFound);
        QVERIFY(result.secret.isEmpty());
    }

    void overwriteReplaces()
    {
        const QString key = newKey();
        QVERIFY(write(key, QStringLiteral("old")).ok());
        QVERIFY(write(key, QStringLiteral("new")).ok());
        QCOMPARE(read(key).secret, QStringLiteral("new"));
        QVERIFY(remove(key).ok());
    }

    void keysAreSeparate()
    {
        const QString a = newKey();
        const QString b = newKey();
        QVERIFY(write(a, QStringLiteral("secret-a")).ok());
        QVERIFY(write(b, QStringLiteral("secret-b")).ok());
        QCOMPARE(read(a).secret, QStringLiteral("secret-a"));
        QVERIFY(remove(a).ok());
        QCOMPARE(read(b).secret, QStringLiteral("secret-b"));
        QCOMPARE(read(a).status, SecretResult::Status::NotFound);
        QVERIFY(remove(b).ok());
    }

    void missingEntry()
    {
        const SecretResult result = read(newKey());
        QCOMPARE(result.status, SecretResult::Status::NotFound);
        QVERIFY(!result.ok());
        QCOMPARE(result.message, SecretStore::notFoundMessage());
        QVERIFY(result.message.contains(QLatin1String("No password is stored")));
    }

    void deletingMissingEntrySucceeds()
    {
        const SecretResult result = remove(newKey());
        QVERIFY2(result.ok(), qPrintable(result.detail));
    }

    // A callback whose context is gone must not run (it would touch a deleted object).
    void callbackDroppedWithContext()
    {
        const QString key = newKey();
        bool called = false;
        auto *context = new QObject;
        m_store.write(key, QStringLiteral("x"), context, [&called](const SecretResult &) { called = true; });
        delete context;
        // The keyring still completes the write; a later read proves the job ran to its end.
        QCOMPARE(read(key).secret, QStringLiteral("x"));
        QVERIFY(!called);
        QVERIFY(remove(key).ok());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
