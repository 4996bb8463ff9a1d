// ApiJob, the base of every OpenStack call, against a real HTTP server on 127.0.0.1 (a QTcpServer that
// answers what each test tells it): a 2xx reaches onSuccess with the body, an HTTP error becomes the
// matching Error kind, a server that stops sending trips the inactivity timeout, abort() ends the job
// with Canceled — each with exactly one finished().
#include "openstack/apijob.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "profiles/cloudprofile.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using sv::openstack::ApiJob;
using sv::openstack::Error;

namespace {

// GET of an absolute URL without authentication; keeps the body of a success.
class GetJob : public ApiJob
{
public:
    GetJob(sv::openstack::Connection *connection, QUrl url)
        : ApiJob(connection)
        , m_url(std::move(url))
    {
    }
    QByteArray body;

protected:
    void run() override
    {
        Request request = makeRequest(sv::openstack::ServiceType::Identity, "GET", QString());
        request.url = m_url;
        request.authenticate = false;
        sendRequest(request);
    }
    void onSuccess(QNetworkReply *, const QByteArray &replyBody) override
    {
        body = replyBody;
        finish();
    }

private:
    QUrl m_url;
};

// Answers every request with `response` (raw HTTP); an empty response: reads the request and never
// answers (a stalled cloud).
class Server : public QObject
{
public:
    QByteArray response;
    int requests = 0;

    Server()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    ++requests;
                    if (!response.isEmpty())
                        socket->write(response);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v3").arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

QByteArray httpResponse(const QByteArray &status, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class TestApiJob : public QObject
{
    Q_OBJECT

    std::unique_ptr<sv::openstack::Connection> m_connection;
    Server m_server;

    // Starts the job and waits for its end; fails the test unless finished() came exactly once.
    static Error runToEnd(GetJob &job)
    {
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &ApiJob::finished);
        job.start();
        finished.wait(20000);
        QTest::qWait(50); // a second finished() would arrive meanwhile
        if (finished.size() != 1) {
            QTest::qFail(qPrintable(QStringLiteral("finished() came %1 times").arg(finished.size())), __FILE__, __LINE__);
            return Error::make(Error::Kind::InvalidArgument, QStringLiteral("no single finished()"));
        }
        return finished.first().first().value<Error>();
    }

private Q_SLOTS:
    void init()
    {
        sv::CloudProfile profile;
        profile.id = QStringLiteral("apijob");
        profile.name = QStringLiteral("apijob");
        profile.authUrl = m_server.url();
        profile.userName = QStringLiteral("u");
        m_connection = std::make_unique<sv::openstack::Connection>(sv::openstack::Session::create(profile, QStringLiteral("pw")));
        sv::openstack::RetryPolicy policy;
        policy.initialDelay = std::chrono::milliseconds(20);
        policy.maxDelay = std::chrono::milliseconds(50);
        m_connection->setRetryPolicy(policy);
        m_server.requests = 0;
    }

    void successDeliversTheBody()
    {
        m_server.response = httpResponse("200 OK", R"({"version": {"id": "v3.14"}})");
        GetJob job(m_connection.get(), m_server.url());
        const Error error = runToEnd(job);
        QCOMPARE(error.kind, Error::Kind::None);
        QCOMPARE(job.body, QByteArray(R"({"version": {"id": "v3.14"}})"));
        QVERIFY(!job.isRunning());
    }

    void httpErrorsAreMapped_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("403") << QByteArray("403 Forbidden") << int(Error::Kind::Forbidden);
        QTest::newRow("404") << QByteArray("404 Not Found") << int(Error::Kind::NotFound);
        QTest::newRow("409") << QByteArray("409 Conflict") << int(Error::Kind::Conflict);
        QTest::newRow("400") << QByteArray("400 Bad Request") << int(Error::Kind::BadRequest);
        QTest::newRow("418") << QByteArray("418 I'm a teapot") << int(Error::Kind::HttpError);
    }
    void httpErrorsAreMapped()
    {
        QFETCH(QByteArray, status);
        QFETCH(int, kind);
        m_server.response = httpResponse(status, R"({"error": {"message": "told by the server"}})");
        GetJob job(m_connection.get(), m_server.url());
        const Error error = runToEnd(job);
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(!error.message.isEmpty(), "no sentence for the user");
        QVERIFY(job.body.isEmpty()); // onSuccess never ran
    }

    void inactivityTimesOut()
    {
        m_server.response.clear(); // the request arrives, no byte comes back
        m_connection->setInactivityTimeout(std::chrono::milliseconds(300));
        GetJob job(m_connection.get(), m_server.url());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runToEnd(job).kind, Error::Kind::Timeout);
        QVERIFY(timer.elapsed() >= 300);
        // An idempotent GET is sent again (each attempt timing out) before the job gives up.
        QVERIFY(job.retryCount() >= 1);
        QCOMPARE(m_server.requests, job.retryCount() + 1);
    }

    void abortCancels()
    {
        m_server.response.clear();
        GetJob job(m_connection.get(), m_server.url());
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &ApiJob::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_server.requests >= 1, 10000);
        job.abort();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().value<Error>().kind, Error::Kind::Canceled);
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1); // exactly one finished()
        QVERIFY(!job.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestApiJob)
#include "tst_apijob.moc"
