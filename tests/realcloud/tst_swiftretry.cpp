// The Swift bank backs off on 503 (issue #6: "401 → re-auth, 503 → backoff"), against the real Swift:
// an HTTP-aware relay (httprelay.h) in front of the real proxy answers the first object PUTs and GETs
// with `503 Service Unavailable` + `Retry-After`, and forwards everything else. A backup and a read of
// it still succeed, each refused request is sent again only after Retry-After, and a storage that
// keeps answering 503 ends in a clear error naming the container.
#include "bank/imagereader.h"
#include "bank/swiftbank.h"
#include "openstack/authstate.h"
#include "openstack/session.h"

#include "checkpointfixtures.h"
#include "httprelay.h"
#include "keystone.h"
#include "realcloud.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QUuid>

#include <future>

using namespace sv;

namespace {

// The bank's calls block until its I/O thread has the answer, and the relay lives on this thread:
// run them elsewhere and keep this thread's event loop turning.
template <typename F>
auto offThread(F work)
{
    auto result = std::async(std::launch::async, std::move(work));
    while (result.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready)
        QTest::qWait(5);
    return result.get();
}

} // namespace

class TestSwiftRetry : public QObject
{
    Q_OBJECT

    real::RealCloud m_cloud = real::RealCloud::fromEnvironment();
    real::Keystone m_keystone{m_cloud};
    std::shared_ptr<openstack::Session> m_session;
    std::unique_ptr<real::HttpRelay> m_relay;
    std::shared_ptr<SwiftBank> m_bank;
    QString m_container = QStringLiteral("sv-retry-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QRegularExpression m_objects;

private Q_SLOTS:
    void initTestCase()
    {
        REALCLOUD_REQUIRE(m_cloud);
        QVERIFY2(m_keystone.login(m_cloud.demo()), qPrintable(m_keystone.error()));
        const real::Credentials demo = m_cloud.demo();
        const sv::CloudProfile profile = real::demoProfile(m_cloud);
        m_session = openstack::Session::create(profile, demo.password);
        m_bank = std::make_shared<SwiftBank>(m_session, m_container);
        BankError error;
        QVERIFY2(offThread([&] { return m_bank->open(&error); }), qPrintable(error.message));

        // From now on the session's object-store endpoint is the relay (the token stays valid for an hour).
        m_relay = std::make_unique<real::HttpRelay>(quint16(m_cloud.swiftUrl().port()));
        QVERIFY(m_relay->port() != 0);
        openstack::AuthState state = m_session->authState();
        state.catalog = openstack::ServiceCatalog::fromJson(
            real::catalogThrough(m_keystone.catalog(), QStringLiteral("object-store"), m_relay->port()));
        m_session->storeAuthState(state);
        m_objects = QRegularExpression(QStringLiteral("^/v1/AUTH_[0-9a-f]+/%1/.").arg(QRegularExpression::escape(m_container)));
    }

    void backupAndReadWaitOut503()
    {
        const QByteArray image = svtest::generateImage(3 * 1024 * 1024 + 77, 6);
        // The PUTs of the image's bytes (packs; chunk files in a format-1 bank), not the lock or index objects.
        const QRegularExpression chunks(
            QStringLiteral("^/v1/AUTH_[0-9a-f]+/%1/(chunks|packs)/").arg(QRegularExpression::escape(m_container)));
        m_relay->failRequests(QStringLiteral("PUT"), chunks, 3, 503, 1);
        BankError error;
        ImageRecord record;
        QElapsedTimer timer;
        timer.start();
        const QString id = offThread([&] { return svtest::backup(*m_bank, QStringLiteral("s1"), image, &error, &record); });
        const qint64 backupMs = timer.elapsed();
        QVERIFY2(!id.isEmpty(), qPrintable(error.message));
        QCOMPARE(m_relay->failedCount(), 3);
        QCOMPARE(m_relay->failuresLeft(), 0);
        QVERIFY(m_relay->forwardedCount() > 3); // the bank really went through the relay

        // Each refused PUT was sent again, and not before its Retry-After (1 s; 50 ms of timer slack).
        const QList<QByteArray> failed = m_relay->failedRequests();
        const QList<qint64> failedAt = m_relay->failedAt();
        for (qsizetype i = 0; i < failed.size(); ++i) {
            const qsizetype again = m_relay->forwardedRequests().indexOf(failed.at(i));
            QVERIFY2(again >= 0, qPrintable(QStringLiteral("%1 was not sent again").arg(QString::fromLatin1(failed.at(i)))));
            const qint64 waited = m_relay->forwardedAt().at(again) - failedAt.at(i);
            qInfo("%s: sent again after %lld ms", failed.at(i).constData(), waited);
            QVERIFY2(waited >= 950, qPrintable(QStringLiteral("retried after %1 ms, Retry-After was 1 s").arg(waited)));
        }
        QVERIFY(backupMs >= 950);
        qInfo("backup of %lld bytes with 3 injected 503s: %lld ms", qlonglong(image.size()), backupMs);

        // Reading it back: the first chunk GETs are refused too.
        m_relay->failRequests(QStringLiteral("GET"), chunks, 2, 503, 1);
        timer.restart();
        CheckpointIndex index;
        QByteArray out;
        const bool read = offThread([&] {
            if (!m_bank->checkpoint(id, &index, &error))
                return false;
            ImageReader reader(m_bank.get(), *index.resources[1].image);
            QByteArray piece;
            while (reader.next(&piece))
                out.append(piece);
            error = reader.error();
            return !error.isError();
        });
        QVERIFY2(read, qPrintable(error.message));
        QCOMPARE(m_relay->failedCount(), 5);
        QVERIFY(timer.elapsed() >= 950);
        QCOMPARE(out.size(), image.size());
        QVERIFY(out == image);
        QCOMPARE(index.resources[1].image->sha512, QCryptographicHash::hash(image, QCryptographicHash::Sha512).toHex());
    }

    void endless503FailsNamingTheContainer()
    {
        // A storage that never recovers (Retry-After: 0 keeps the test short): the retries run out.
        const int before = m_relay->failedCount();
        m_relay->failRequests(QStringLiteral("PUT|GET"), m_objects, 1000, 503, 0);
        BankError error;
        const QString id = offThread(
            [&] { return svtest::backup(*m_bank, QStringLiteral("s2"), svtest::generateImage(2 * 1024 * 1024, 7), &error); });
        const int refused = m_relay->failedCount() - before;
        m_relay->failRequests(QStringLiteral("PUT|GET"), m_objects, 0);
        QVERIFY(id.isEmpty());
        qInfo("error after %d refused requests: %s", refused, qPrintable(error.message));
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(m_container), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("503")) || error.message.contains(QLatin1String("unavailable"), Qt::CaseInsensitive),
                 qPrintable(error.message));
        QVERIFY(refused >= 5); // the first try and four retries of at least one object
    }

    void cleanupTestCase()
    {
        if (!m_bank)
            return;
        if (m_relay)
            m_relay->failRequests(QStringLiteral("PUT|GET"), m_objects, 0);
        BankError error;
        offThread([&] { return real::deleteAllObjects(*m_bank, &error); });
        m_bank.reset();
        const QUrl container(m_cloud.swiftUrl().toString() + QStringLiteral("/AUTH_") + m_keystone.projectId()
                             + QLatin1Char('/') + m_container);
        const int status = m_keystone.http().send("DELETE", container).status;
        QVERIFY2(status == 204 || status == 404, qPrintable(QStringLiteral("DELETE %1: %2").arg(container.toString()).arg(status)));
    }
};

QTEST_GUILESS_MAIN(TestSwiftRetry)
#include "tst_swiftretry.moc"
