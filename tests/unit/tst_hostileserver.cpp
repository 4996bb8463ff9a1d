// A hostile or broken server cannot hurt the client: a small HTTP server in this test (QTcpServer on
// 127.0.0.1, answering Keystone well enough to log in) then misbehaves per path — endless bodies, a
// declared 10 GB JSON document, deep nesting, wrong Content-Length, redirects and paging links to
// another host, ids with "../" — and each must end in a clear error, with no token sent anywhere but
// the cloud. A checkpoint index naming chunks outside the bank is refused too.
#include "openstack/compute/listserversjob.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/listimagesjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/session.h"
#include "bank/bank.h"
#include "bank/localbank.h"
#include "profiles/cloudprofile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sv::openstack;

namespace {

// One request as the server saw it.
struct Seen
{
    QByteArray method;
    QByteArray path;
    QByteArray token;
};

// A tiny HTTP/1.1 server: one request per connection (it always closes), routes by exact path or prefix.
class HostileServer : public QObject
{
public:
    using Handler = std::function<void(QTcpSocket *socket, const Seen &request)>;

    HostileServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    void route(const QByteArray &pathPrefix, Handler handler) { m_routes.prepend({pathPrefix, std::move(handler)}); }
    QList<Seen> seen;
    qint64 bytesSent = 0;

    static void reply(QTcpSocket *socket, const QByteArray &status, const QByteArray &body,
                      const QByteArray &extraHeaders = {}, qint64 contentLength = -1)
    {
        QByteArray head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + "Content-Length: " + QByteArray::number(contentLength >= 0 ? contentLength : body.size()) + "\r\n"
            + extraHeaders + "\r\n";
        socket->write(head + body);
        socket->flush();
        socket->disconnectFromHost();
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            qint64 length = 0;
            Seen request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                else if (name == "x-auth-token")
                    request.token = value;
            }
            if (buffer->size() < end + 4 + length)
                return;
            buffer->clear();
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            connect(socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) { bytesSent += n; });
            seen.append(request);
            for (const auto &[prefix, handler] : std::as_const(m_routes)) {
                if (request.path.startsWith(prefix))
                    return handler(socket, request);
            }
            reply(socket, "404 Not Found", "{\"itemNotFound\": {\"code\": 404, \"message\": \"no such thing\"}}");
        });
    }

    QTcpServer m_server;
    QList<std::pair<QByteArray, Handler>> m_routes;
};

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<HostileServer> m_elsewhere; // "another host": must never see a request
    std::unique_ptr<Connection> m_connection;

    template<typename Job> Error run(Job *job)
    {
        job->setAutoDelete(false);
        Error result;
        bool done = false;
        QObject::connect(job, &Job::finished, job, [&](const Error &error) {
            result = error;
            done = true;
        });
        job->start();
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return Error::make(Error::Kind::Timeout, QStringLiteral("test timed out"));
        return result;
    }

    // Requests with a token that reached the cloud's own server (to check nothing else got one).
    qsizetype tokensSeenElsewhere() const
    {
        qsizetype n = 0;
        for (const Seen &seen : m_elsewhere->seen)
            n += seen.token.isEmpty() ? 0 : 1;
        return n;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<HostileServer>();
        m_elsewhere = std::make_unique<HostileServer>();
        const QString base = m_server->base();
        m_server->route("/identity/v3/auth/tokens", [base](QTcpSocket *socket, const Seen &) {
            const auto endpoint = [](const QString &type, const QString &url) {
                return QJsonObject{{QStringLiteral("type"), type},
                                   {QStringLiteral("endpoints"),
                                    QJsonArray{QJsonObject{{QStringLiteral("interface"), QStringLiteral("public")},
                                                           {QStringLiteral("region_id"), QStringLiteral("RegionOne")},
                                                           {QStringLiteral("url"), url}}}}};
            };
            const QJsonObject token{
                {QStringLiteral("token"),
                 QJsonObject{{QStringLiteral("expires_at"), QStringLiteral("2099-01-01T00:00:00.000000Z")},
                             {QStringLiteral("issued_at"), QStringLiteral("2098-12-31T23:00:00.000000Z")},
                             {QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), QStringLiteral("p1")},
                                                                     {QStringLiteral("name"), QStringLiteral("demo")}}},
                             {QStringLiteral("catalog"),
                              QJsonArray{endpoint(QStringLiteral("image"), base + QStringLiteral("/image")),
                                         endpoint(QStringLiteral("compute"), base + QStringLiteral("/compute/v2.1"))}}}}};
            HostileServer::reply(socket, "201 Created", QJsonDocument(token).toJson(QJsonDocument::Compact),
                                 "X-Subject-Token: the-secret-token\r\n");
        });
        m_server->route("/compute/", [](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "200 OK",
                                 "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.79\", \"min_version\": \"2.1\"}}");
        });
        sv::CloudProfile profile;
        profile.id = QStringLiteral("hostile");
        profile.name = QStringLiteral("hostile");
        profile.authUrl = QUrl(base + QStringLiteral("/identity/v3"));
        profile.userName = QStringLiteral("demo");
        profile.userDomainName = QStringLiteral("Default");
        profile.projectName = QStringLiteral("demo");
        profile.projectDomainName = QStringLiteral("Default");
        m_connection = std::make_unique<Connection>(Session::create(profile, QStringLiteral("pw")));
        m_connection->setInactivityTimeout(std::chrono::seconds(3));
        RetryPolicy policy;
        policy.maxRetries = 1;
        policy.initialDelay = std::chrono::milliseconds(10);
        policy.maxDelay = std::chrono::milliseconds(20);
        m_connection->setRetryPolicy(policy);
    }
    void cleanup()
    {
        m_connection.reset();
        m_server.reset();
        m_elsewhere.reset();
    }

    void declared_huge_json_is_refused_at_once()
    {
        // Content-Length says 10 GB; a few bytes follow. Nothing near that much is read or allocated.
        m_server->route("/image/v2/images/", [](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "200 OK", "{\"id\": \"", {}, 10LL * 1024 * 1024 * 1024);
        });
        auto *job = new ShowImageJob(m_connection.get(), QStringLiteral("abc"));
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::Protocol);
        QVERIFY2(error.message.contains(QLatin1String("larger than 64 MiB")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("127.0.0.1")), qPrintable(error.message));
        delete job;
    }

    void json_over_the_cap_is_refused()
    {
        // An endless JSON body (no length, chunked, never ends): reading stops at the cap.
        m_connection->setMaxResponseBytes(1024 * 1024);
        m_server->route("/image/v2/images", [](QTcpSocket *socket, const Seen &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            const QByteArray piece = QByteArray("{\"images\": [") + QByteArray(60000, ' ');
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, piece] {
                if (socket->bytesToWrite() < 1024 * 1024)
                    socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            });
            timer->start(1);
        });
        auto *job = new ListImagesJob(m_connection.get());
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::Protocol);
        QVERIFY2(error.message.contains(QLatin1String("larger than 1 MiB")), qPrintable(error.message));
        delete job;
    }

    void endless_image_body_stops_at_the_image_size()
    {
        m_server->route("/image/v2/images/img1/file", [](QTcpSocket *socket, const Seen &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            const QByteArray piece(64 * 1024, 'x');
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, piece] {
                if (socket->bytesToWrite() < 1024 * 1024)
                    socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            });
            timer->start(1);
        });
        Image image;
        image.id = QStringLiteral("img1");
        image.name = QStringLiteral("endless");
        image.size = 1024 * 1024;
        qint64 consumed = 0;
        auto *job = new ImageDownloadJob(m_connection.get(), image.id, [&](const QByteArray &block) {
            consumed += block.size();
            return true;
        });
        job->setImage(image);
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::Protocol);
        QVERIFY2(error.message.contains(QLatin1String("more than the 1048576 bytes")), qPrintable(error.message));
        QVERIFY(consumed <= image.size);
        delete job;
    }

    void deep_nesting_is_a_clear_error()
    {
        const QByteArray deep = QByteArray(200000, '[') + QByteArray(200000, ']');
        m_server->route("/image/v2/images/", [deep](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "200 OK", deep);
        });
        auto *job = new ShowImageJob(m_connection.get(), QStringLiteral("abc"));
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::Protocol);
        QVERIFY2(error.message.contains(QLatin1String("not the expected JSON object")), qPrintable(error.message));
        delete job;
    }

    void content_length_longer_than_the_body()
    {
        m_server->route("/image/v2/images/", [](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "200 OK", "{\"id\": \"abc\", \"status\": \"active\"}", {}, 5000);
        });
        auto *job = new ShowImageJob(m_connection.get(), QStringLiteral("abc"));
        const Error error = run(job);
        QVERIFY(!error.isOk());
        QCOMPARE(error.kind, Error::Kind::Network);
        QVERIFY2(error.message.contains(QLatin1String("broke off before the whole response arrived")),
                 qPrintable(error.message));
        delete job;
    }

    void content_length_shorter_than_the_body()
    {
        m_server->route("/image/v2/images/", [](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "200 OK", "{\"image\": {\"id\": \"abc\", \"status\": \"active\"}}", {}, 10);
        });
        auto *job = new ShowImageJob(m_connection.get(), QStringLiteral("abc"));
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::Protocol);
        delete job;
    }

    void redirect_to_another_host_is_not_followed()
    {
        const QString elsewhere = QStringLiteral("http://localhost:%1/steal").arg(m_elsewhere->port());
        m_server->route("/image/v2/images/", [elsewhere](QTcpSocket *socket, const Seen &) {
            HostileServer::reply(socket, "302 Found", {}, "Location: " + elsewhere.toUtf8() + "\r\n");
        });
        auto *job = new ShowImageJob(m_connection.get(), QStringLiteral("abc"));
        const Error error = run(job);
        QCOMPARE(error.kind, Error::Kind::HttpError);
        QVERIFY2(error.message.contains(QLatin1String("does not follow redirects to other hosts")), qPrintable(error.message));
        QVERIFY2(error.message.contains(elsewhere), qPrintable(error.message));
        QCOMPARE(job->retryCount(), 0);
        QTest::qWait(100);
        QCOMPARE(m_elsewhere->seen.size(), 0);
        delete job;
    }

    void glance_next_link_to_another_host_stays_home()
    {
        const QString next = QStringLiteral("http://localhost:%1/v2/images?marker=m1").arg(m_elsewhere->port());
        int pages = 0;
        m_server->route("/image/v2/images", [next, &pages](QTcpSocket *socket, const Seen &request) {
            ++pages;
            if (request.path.contains("marker=m1"))
                HostileServer::reply(socket, "200 OK", "{\"images\": [{\"id\": \"b\", \"name\": \"b\", \"status\": \"active\"}]}");
            else
                HostileServer::reply(socket, "200 OK",
                                     "{\"images\": [{\"id\": \"a\", \"name\": \"a\", \"status\": \"active\"}], \"next\": \""
                                         + next.toUtf8() + "\"}");
        });
        auto *job = new ListImagesJob(m_connection.get());
        const Error error = run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QCOMPARE(job->images().size(), 2);
        QCOMPARE(pages, 2);
        QCOMPARE(m_elsewhere->seen.size(), 0);
        QCOMPARE(tokensSeenElsewhere(), 0);
        delete job;
    }

    void nova_next_link_to_another_host_stays_home()
    {
        const QString next = QStringLiteral("http://localhost:%1/compute/v2.1/servers/detail?marker=s1").arg(m_elsewhere->port());
        m_server->route("/compute/v2.1/servers/detail", [next](QTcpSocket *socket, const Seen &request) {
            if (request.path.contains("marker=s1"))
                HostileServer::reply(socket, "200 OK", "{\"servers\": [{\"id\": \"s2\", \"name\": \"two\", \"status\": \"ACTIVE\"}]}");
            else
                HostileServer::reply(socket, "200 OK",
                                     "{\"servers\": [{\"id\": \"s1\", \"name\": \"one\", \"status\": \"ACTIVE\"}], \"servers_links\": [{\"rel\": \"next\", \"href\": \""
                                         + next.toUtf8() + "\"}]}");
        });
        auto *job = new ListServersJob(m_connection.get());
        const Error error = run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QCOMPARE(job->servers().size(), 2);
        QCOMPARE(m_elsewhere->seen.size(), 0);
        delete job;
    }

    void image_id_with_dot_dot_is_refused()
    {
        // e.g. a createImage answer naming "../../identity/v3/auth/tokens" as the new image's id.
        const QStringList ids{QStringLiteral("../../identity/v3/auth/tokens"), QStringLiteral(".."),
                              QStringLiteral("a/../../b"), QStringLiteral("%2e%2e")};
        for (const QString &id : ids) {
            const qsizetype before = m_server->seen.size();
            auto *job = new DeleteImageJob(m_connection.get(), id);
            const Error error = run(job);
            QCOMPARE(error.kind, Error::Kind::Protocol);
            QVERIFY2(error.message.contains(QLatin1String("path characters")), qPrintable(error.message));
            for (qsizetype i = before; i < m_server->seen.size(); ++i)
                QVERIFY2(m_server->seen.at(i).method != "DELETE", m_server->seen.at(i).path.constData());
            delete job;
        }
    }

    void index_naming_chunks_outside_the_bank_is_refused()
    {
        QTemporaryDir dir;
        const QString secretFile = dir.filePath(QStringLiteral("outside.txt"));
        {
            QFile file(secretFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a chunk");
        }
        sv::LocalBank bank(dir.filePath(QStringLiteral("bank")));
        sv::BankError error;
        QVERIFY(bank.open(&error));
        const QString id = QStringLiteral("0badc0de-0000-4000-8000-000000000001");
        // A well-formed index whose one chunk name is then replaced by a path.
        sv::CheckpointIndex crafted;
        crafted.id = id;
        crafted.status = QStringLiteral("available");
        sv::ProtectedResource resource;
        resource.type = QStringLiteral("OS::Glance::Image");
        resource.id = QStringLiteral("i");
        resource.status = QStringLiteral("available");
        sv::ImageRecord record;
        const QByteArray name(64, 'a');
        record.chunks.append(sv::ChunkRef{name, 11});
        record.size = 11;
        record.md5 = QByteArray(32, '0');
        record.sha512 = QByteArray(128, '0');
        record.diskFormat = QStringLiteral("raw");
        record.containerFormat = QStringLiteral("bare");
        resource.image = record;
        crafted.resources.append(resource);
        const QByteArray json = crafted.toJson().replace(name, "../../outside.txt");
        QVERIFY(json.contains("../../outside.txt"));
        QFile file(dir.filePath(QStringLiteral("bank/checkpoints/") + id + QStringLiteral(".json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();

        sv::CheckpointIndex read;
        QVERIFY(!bank.checkpoint(id, &read, &error));
        QVERIFY2(error.message.contains(QLatin1String("../../outside.txt")) || error.message.contains(QLatin1String("chunk")),
                 qPrintable(error.message));
        sv::VerifyReport verify;
        sv::BankError verifyError;
        const bool verified = bank.verifyCheckpoint(id, &verify, &verifyError);
        QVERIFY(!verified || !verify.ok());
        sv::CheckReport check;
        sv::BankError checkError;
        QVERIFY(bank.check(&check, &checkError));
        QVERIFY(!check.ok());
        QCOMPARE(check.unreadableIndexes.size(), 1);

        // A chunk name that is a path is refused by the bank itself, whoever asks.
        QByteArray data;
        QVERIFY(!bank.getChunk("../../outside.txt", &data, &error));
        QCOMPARE(error.code, sv::BankError::Code::InvalidName);
        QVERIFY(data.isEmpty());
        // And checkpoint ids cannot walk out of the checkpoints folder either.
        QVERIFY(!bank.checkpoint(QStringLiteral("../../outside"), &read, &error));
        QCOMPARE(error.code, sv::BankError::Code::InvalidName);
    }
};

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
