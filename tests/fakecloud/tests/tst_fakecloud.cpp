// The fake cloud as a whole: lifecycle (start/stop without leaked threads, the executable), every fault
// kind (C++ API and the /_fake/ control API), the control API's routes, and garbage input.
#include "fakecloud.h"
#include "httptestclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <dirent.h>

using fake::Fault;
using fake::FakeCloud;
using fake::FaultSpec;
using fake::HttpTestClient;

namespace {

const QString Web1 = QStringLiteral("5e7f0000-0000-4000-8000-000000000001");
const QString Web2 = QStringLiteral("5e7f0000-0000-4000-8000-000000000002");
const QString CirrosImage = QStringLiteral("e1a0b1c2-0000-4000-8000-000000000002");
const QString CirrosFile = QStringLiteral("/image/v2/images/e1a0b1c2-0000-4000-8000-000000000002/file");
const QString Scenario = QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json");

int threadCount()
{
    int count = 0;
    if (DIR *dir = ::opendir("/proc/self/task")) {
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] != '.')
                ++count;
        }
        ::closedir(dir);
    }
    return count;
}

QJsonObject createImageBody(const QString &name)
{
    return QJsonObject{{QStringLiteral("createImage"), QJsonObject{{QStringLiteral("name"), name}}}};
}

// Sends raw bytes and returns whatever comes back before the server closes or goes quiet.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int quietMs = 1500)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return "NO-CONNECT";
    socket.write(bytes);
    socket.flush();
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 8000 && socket.state() == QAbstractSocket::ConnectedState) {
        if (!socket.waitForReadyRead(quietMs))
            break;
        response += socket.readAll();
    }
    response += socket.readAll();
    return response;
}

} // namespace

class TestFakeCloud : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cloud.loadScenario(Scenario, &error), qPrintable(error));
        m_cloud.setSnapshotStepSeconds(0.05, 0.05, 0.05, 0.05);
        QVERIFY(m_cloud.start());
    }

    void init()
    {
        m_cloud.clearFaults();
        m_client = std::make_unique<HttpTestClient>(m_cloud.baseUrl());
        QVERIFY(!m_client->login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
    }

    void lifecycleJoinsThreads()
    {
        const int before = threadCount();
        for (int round = 0; round < 3; ++round) {
            FakeCloud cloud;
            QVERIFY(cloud.loadScenario(Scenario));
            QVERIFY(cloud.start());
            QVERIFY(cloud.isRunning());
            QVERIFY(!cloud.start()); // already running
            HttpTestClient client(cloud.baseUrl());
            QVERIFY(!client.login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
            QCOMPARE(client.get(QStringLiteral("/compute/v2.1/servers")).status, 200);
            // The client keeps its keep-alive connection open: stop() must not wait for it.
            QElapsedTimer timer;
            timer.start();
            cloud.stop();
            // Waiting for the idle connection would take the 5 s keep-alive timeout; the bound leaves
            // room for a loaded machine (this is a behaviour check, not a speed goal).
            QVERIFY2(timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed())));
            QVERIFY(!cloud.isRunning());
        }
        QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= before + 1, 5000); // QNAM may keep one helper thread
    }

    void fixedPort()
    {
        FakeCloud probe;
        QVERIFY(probe.start());
        const quint16 port = probe.port();
        FakeCloud clash;
        QVERIFY(!clash.start(port)); // taken
        probe.stop();
        FakeCloud again;
        QVERIFY(again.start(port));
        QCOMPARE(again.port(), port);
        QCOMPARE(again.baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    void executable()
    {
        QProcess process;
        process.setProgram(QStringLiteral(STACKVAULT_BINARY_DIR "/tests/fakecloud/fakecloud"));
        process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"), Scenario});
        process.start();
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
        const QByteArray line = process.readLine().trimmed();
        QVERIFY2(line.startsWith("port "), line.constData());
        const quint16 port = line.mid(5).toUShort();
        QVERIFY(port > 0);
        HttpTestClient client(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(!client.login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
        QCOMPARE(client.get(QStringLiteral("/compute/v2.1/servers/") + Web1).status, 200);
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        QProcess bad;
        bad.start(QStringLiteral(STACKVAULT_BINARY_DIR "/tests/fakecloud/fakecloud"),
                  {QStringLiteral("--scenario"), QStringLiteral("/nonexistent.json")});
        QVERIFY(bad.waitForFinished(5000));
        QCOMPARE(bad.exitCode(), 1);
    }

    void faultDrop()
    {
        FaultSpec spec;
        spec.kind = Fault::Drop;
        spec.afterBytes = 100000;
        m_cloud.injectFault(spec);
        const auto dropped = m_client->get(CirrosFile);
        // The body is cut at the drop. (Qt reports the early close as an error almost always, but not
        // always — seen once in ~20 runs of a loaded machine — so the cut is what this checks.)
        QVERIFY2(dropped.body.size() <= 100000, qPrintable(QString::number(dropped.body.size())));
        QCOMPARE(m_cloud.pendingFaults(), 0);
        const auto whole = m_client->get(CirrosFile);
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.body.startsWith(dropped.body));
        // Resume as a client would: Range from where the drop happened.
        const auto rest = m_client->get(CirrosFile, {{"Range", "bytes=" + QByteArray::number(dropped.body.size()) + '-'}});
        QCOMPARE(rest.status, 206);
        QCOMPARE(dropped.body + rest.body, whole.body);
        // The request log shows the same story: two whole answers, then the range answered 206.
        QList<fake::RequestRecord> file;
        for (const fake::RequestRecord &request : m_cloud.requestLog()) {
            if (request.path == CirrosFile)
                file.append(request);
        }
        QVERIFY(file.size() >= 3); // Qt may re-send the dropped request itself
        const fake::RequestRecord &last = file.last();
        QCOMPARE(last.method, QStringLiteral("GET"));
        QCOMPARE(last.status, 206);
        QCOMPARE(last.range, "bytes=" + QByteArray::number(dropped.body.size()) + '-');
        QCOMPARE(file.at(file.size() - 2).status, 200);
        QVERIFY(file.at(file.size() - 2).range.isEmpty());
    }

    void faultUnavailable()
    {
        FaultSpec spec;
        spec.kind = Fault::Unavailable;
        spec.count = 2;
        spec.retryAfter = 7;
        m_cloud.injectFault(spec);
        for (int i = 0; i < 2; ++i) {
            const auto reply = m_client->get(QStringLiteral("/compute/v2.1/servers"));
            QCOMPARE(reply.status, 503);
            QCOMPARE(reply.header("Retry-After"), QByteArray("7"));
            QCOMPARE(reply.json()[QStringLiteral("serviceUnavailable")][QStringLiteral("code")].toInt(), 503);
        }
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 200);
        // Identity is not hit by default: re-authentication still works.
        m_cloud.injectFault(spec);
        QVERIFY(!m_client->login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images")).status, 503);
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images")).json()[QStringLiteral("code")].toString(), QStringLiteral("503 Service Unavailable"));
        QCOMPARE(m_client->get(QStringLiteral("/image/v2/images")).status, 200);
    }

    void faultUnauthorized()
    {
        FaultSpec spec;
        spec.kind = Fault::Unauthorized;
        m_cloud.injectFault(spec);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 401); // the token expired for good
        QVERIFY(!m_client->login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 200);
    }

    void faultConflict()
    {
        FaultSpec spec;
        spec.kind = Fault::Conflict;
        m_cloud.injectFault(spec);
        const QString action = QStringLiteral("/compute/v2.1/servers/") + Web2 + QStringLiteral("/action");
        const HttpTestClient::Headers v245{{"OpenStack-API-Version", "compute 2.45"}};
        const auto refused = m_client->postJson(action, createImageBody(QStringLiteral("c1")), v245);
        QCOMPARE(refused.status, 409);
        QVERIFY(refused.json().contains(QStringLiteral("conflictingRequest")));
        const auto accepted = m_client->postJson(action, createImageBody(QStringLiteral("c2")), v245);
        QCOMPARE(accepted.status, 202);
        const QString imageId = accepted.json()[QStringLiteral("image_id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.imageStatus(imageId), QStringLiteral("active"), 5000);
        QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
    }

    void faultSnapshotEnds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("finalStatus");
        QTest::newRow("killed") << int(Fault::SnapshotKilled) << QStringLiteral("killed");
        QTest::newRow("vanishes") << int(Fault::SnapshotVanishes) << QString();
    }

    void faultSnapshotEnds()
    {
        QFETCH(int, kind);
        QFETCH(QString, finalStatus);
        FaultSpec spec;
        spec.kind = static_cast<Fault::Kind>(kind);
        m_cloud.injectFault(spec);
        const auto reply = m_client->postJson(QStringLiteral("/compute/v2.1/servers/") + Web1 + QStringLiteral("/action"),
                                              createImageBody(QStringLiteral("doomed")), {{"OpenStack-API-Version", "compute 2.45"}});
        QCOMPARE(reply.status, 202);
        const QString imageId = reply.json()[QStringLiteral("image_id")].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_cloud.serverTaskState(Web1), QString(), 5000);
        QCOMPARE(m_cloud.imageStatus(imageId), finalStatus);
        const auto image = m_client->get(QStringLiteral("/image/v2/images/") + imageId);
        QCOMPARE(image.status, finalStatus.isEmpty() ? 404 : 200);
        if (!finalStatus.isEmpty()) {
            QCOMPARE(image.json()[QStringLiteral("status")].toString(), finalStatus);
            QCOMPARE(m_client->get(QStringLiteral("/image/v2/images/") + imageId + QStringLiteral("/file")).status, 204);
            QCOMPARE(m_client->request("DELETE", QStringLiteral("/image/v2/images/") + imageId).status, 204);
        }
        QVERIFY(m_cloud.leftoverImageIds().isEmpty());
    }

    void faultTooLarge()
    {
        FaultSpec spec;
        spec.kind = Fault::TooLarge;
        m_cloud.injectFault(spec);
        const QJsonObject body{{QStringLiteral("name"), QStringLiteral("big")}, {QStringLiteral("disk_format"), QStringLiteral("raw")},
                               {QStringLiteral("container_format"), QStringLiteral("bare")}};
        const auto refused = m_client->postJson(QStringLiteral("/image/v2/images"), body);
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.json()[QStringLiteral("code")].toString(), QStringLiteral("413 Request Entity Too Large"));
        const auto created = m_client->postJson(QStringLiteral("/image/v2/images"), body);
        QCOMPARE(created.status, 201);
        const QString path = QStringLiteral("/image/v2/images/") + created.json()[QStringLiteral("id")].toString();
        spec.path = QStringLiteral("/file$");
        m_cloud.injectFault(spec);
        QCOMPARE(m_client->request("PUT", path + QStringLiteral("/file"), QByteArray(300000, 'x'),
                                   {{"Content-Type", "application/octet-stream"}}).status, 413);
        // The image stays queued; the upload can be retried.
        QCOMPARE(m_client->request("PUT", path + QStringLiteral("/file"), QByteArray(300000, 'x'),
                                   {{"Content-Type", "application/octet-stream"}}).status, 204);
        QCOMPARE(m_client->request("DELETE", path).status, 204);
    }

    void faultSlow()
    {
        FaultSpec spec;
        spec.kind = Fault::Slow;
        spec.bytesPerSecond = 4 * 1024 * 1024; // 3 MiB image: about 0.75 s
        m_cloud.injectFault(spec);
        QElapsedTimer timer;
        timer.start();
        const auto slow = m_client->get(CirrosFile);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(slow.status, 200);
        QCOMPARE(slow.body.size(), 3 * 1024 * 1024);
        QVERIFY2(elapsed >= 600, qPrintable(QString::number(elapsed)));
        timer.restart();
        QCOMPARE(m_client->get(CirrosFile).status, 200);
        QVERIFY(timer.elapsed() < elapsed);
    }

    void controlApiFaults()
    {
        HttpTestClient control(m_cloud.baseUrl());
        const auto created = control.postJson(QStringLiteral("/_fake/faults"),
                                              QJsonObject{{QStringLiteral("kind"), QStringLiteral("unavailable")},
                                                          {QStringLiteral("count"), 3}, {QStringLiteral("retry_after"), 2},
                                                          {QStringLiteral("path"), QStringLiteral("^/volume/")}});
        QCOMPARE(created.status, 201);
        const auto list = control.get(QStringLiteral("/_fake/faults"));
        QCOMPARE(list.json()[QStringLiteral("faults")].toArray().size(), 1);
        QCOMPARE(list.json()[QStringLiteral("faults")][0][QStringLiteral("kind")].toString(), QStringLiteral("unavailable"));
        QCOMPARE(list.json()[QStringLiteral("faults")][0][QStringLiteral("remaining")].toInt(), 3);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 200); // path does not match
        QCOMPARE(m_client->get(QStringLiteral("/volume/v3/a1b2c3d4e5f60718293a4b5c6d7e8f90/volumes")).status, 503);
        QCOMPARE(control.request("DELETE", QStringLiteral("/_fake/faults")).status, 204);
        QCOMPARE(m_cloud.pendingFaults(), 0);
        for (const char *kind : {"drop", "unauthorized", "conflict", "snapshot_killed", "snapshot_vanishes", "too_large", "slow"}) {
            const auto reply = control.postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), QLatin1String(kind)}});
            QVERIFY2(reply.status == 201, kind);
        }
        QCOMPARE(m_cloud.pendingFaults(), 7);
        m_cloud.clearFaults();
        QCOMPARE(control.postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("meteor")}}).status, 400);
        QCOMPARE(control.postJson(QStringLiteral("/_fake/faults"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("slow")},
                                                                               {QStringLiteral("count"), 0}}).status, 400);
    }

    void controlApiDisks()
    {
        HttpTestClient control(m_cloud.baseUrl());
        const QString disk = QStringLiteral("/_fake/servers/") + Web2 + QStringLiteral("/disk");
        const auto before = control.get(disk + QStringLiteral("/sha256"));
        QCOMPARE(before.status, 200);
        QCOMPARE(before.json()[QStringLiteral("sha256")].toString().toLatin1(), m_cloud.serverDiskSha256(Web2));
        const auto written = control.request("PUT", disk + QStringLiteral("?offset=4096"), "hello disk", {{"Content-Type", "application/octet-stream"}});
        QCOMPARE(written.status, 200);
        QCOMPARE(m_cloud.readServerDisk(Web2, 4096, 10), QByteArray("hello disk"));
        const auto raw = control.get(disk);
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.body.size(), m_cloud.serverDiskSize(Web2));
        QCOMPARE(QCryptographicHash::hash(raw.body, QCryptographicHash::Sha256).toHex(), m_cloud.serverDiskSha256(Web2));
        QVERIFY(before.json()[QStringLiteral("sha256")].toString().toLatin1() != m_cloud.serverDiskSha256(Web2));
        // Writing past the end grows the disk; the gap reads as zeros.
        const qint64 size = m_cloud.serverDiskSize(Web2);
        QVERIFY(m_cloud.writeServerDisk(Web2, size + 10, "tail"));
        QCOMPARE(m_cloud.serverDiskSize(Web2), size + 14);
        QCOMPARE(m_cloud.readServerDisk(Web2, size, 14), QByteArray(10, '\0') + "tail");
        QCOMPARE(control.get(QStringLiteral("/_fake/servers/00000000-0000-0000-0000-000000000000/disk/sha256")).status, 404);
        QCOMPARE(control.get(QStringLiteral("/_fake/images/") + CirrosImage + QStringLiteral("/sha256")).json()[QStringLiteral("sha256")].toString().toLatin1(),
                 m_cloud.imageSha256(CirrosImage));
    }

    void controlApiMisc()
    {
        HttpTestClient control(m_cloud.baseUrl());
        QCOMPARE(control.get(QStringLiteral("/_fake/ping")).status, 200);
        const auto leftovers = control.get(QStringLiteral("/_fake/leftovers"));
        QCOMPARE(leftovers.status, 200);
        QVERIFY(leftovers.json()[QStringLiteral("images")].toArray().isEmpty());
        QVERIFY(leftovers.json()[QStringLiteral("servers")].toArray().isEmpty());
        const auto settings = control.request("PATCH", QStringLiteral("/_fake/settings"), R"({"token_lifetime_seconds": 77})");
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json()[QStringLiteral("token_lifetime_seconds")].toInt(), 77);
        HttpTestClient other(m_cloud.baseUrl());
        QVERIFY(!other.login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo")).isEmpty());
        const auto token = other.get(QStringLiteral("/identity/v3/auth/tokens"), {{"X-Subject-Token", other.token().toLatin1()}});
        const QDateTime expires = QDateTime::fromString(token.json()[QStringLiteral("token")][QStringLiteral("expires_at")].toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 77) < 10);
        control.request("PATCH", QStringLiteral("/_fake/settings"), R"({"token_lifetime_seconds": 3600})");
        QCOMPARE(control.postJson(QStringLiteral("/_fake/tokens/expire"), QJsonObject{{QStringLiteral("token"), other.token()}}).status, 204);
        QCOMPARE(other.get(QStringLiteral("/compute/v2.1/servers")).status, 401);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 200); // only that one
        QCOMPARE(control.request("POST", QStringLiteral("/_fake/tokens/revoke")).status, 204);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers")).status, 401);
        QCOMPARE(control.get(QStringLiteral("/_fake/nothing")).status, 404);
        QCOMPARE(control.request("DELETE", QStringLiteral("/_fake/leftovers")).status, 405);
    }

    void garbageOverHttp_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray junk = QByteArray::fromHex("00ff10fe7b227822") + QByteArray(1000, '{');
        QTest::newRow("unknown root") << QByteArray("GET") << QStringLiteral("/nova/servers") << QByteArray() << 404;
        QTest::newRow("root") << QByteArray("GET") << QStringLiteral("/") << QByteArray() << 404;
        QTest::newRow("traversal") << QByteArray("GET") << QStringLiteral("/image/../../etc/passwd") << QByteArray() << 404;
        QTest::newRow("junk token body") << QByteArray("POST") << QStringLiteral("/identity/v3/auth/tokens") << junk << 400;
        QTest::newRow("junk server create") << QByteArray("POST") << QStringLiteral("/compute/v2.1/servers") << junk << 400;
        QTest::newRow("junk action") << QByteArray("POST") << QStringLiteral("/compute/v2.1/servers/") + Web1 + QStringLiteral("/action") << junk << 400;
        QTest::newRow("action not an object") << QByteArray("POST") << QStringLiteral("/compute/v2.1/servers/") + Web1 + QStringLiteral("/action") << QByteArray(R"({"createImage": 5})") << 400;
        QTest::newRow("junk image create") << QByteArray("POST") << QStringLiteral("/image/v2/images") << junk << 400;
        QTest::newRow("junk patch") << QByteArray("PATCH") << QStringLiteral("/image/v2/images/") + CirrosImage << junk << 415;
        QTest::newRow("junk fault") << QByteArray("POST") << QStringLiteral("/_fake/faults") << junk << 400;
        QTest::newRow("wrong verb on servers") << QByteArray("PATCH") << QStringLiteral("/compute/v2.1/servers") << QByteArray("{}") << 405;
        QTest::newRow("wrong verb on images") << QByteArray("DELETE") << QStringLiteral("/image/v2/images") << QByteArray() << 405;
        QTest::newRow("wrong verb on volumes") << QByteArray("PUT") << QStringLiteral("/volume/v3/a1b2c3d4e5f60718293a4b5c6d7e8f90/volumes") << QByteArray("{}") << 405;
        QTest::newRow("OPTIONS") << QByteArray("OPTIONS") << QStringLiteral("/compute/v2.1/servers") << QByteArray() << 405;
        QTest::newRow("deep unknown") << QByteArray("GET") << QStringLiteral("/compute/v2.1/servers/a/b/c/d/e") << QByteArray() << 404;
        QTest::newRow("huge limit") << QByteArray("GET") << QStringLiteral("/compute/v2.1/servers?limit=99999999999999999999") << QByteArray() << 400;
        QTest::newRow("bad regex filter") << QByteArray("GET") << QStringLiteral("/compute/v2.1/servers?name=(") << QByteArray() << 400;
    }

    void garbageOverHttp()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto reply = m_client->request(verb, path, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web1).status, 200); // still alive
    }

    void garbageOnTheWire()
    {
        QByteArray random(4096, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        const QList<QByteArray> inputs{
            random,
            "\r\n\r\n\r\n",
            "GET\r\n\r\n",
            "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /identity HTTP/1.1\r\nHost: x\r\nX-Long: " + QByteArray(100000, 'b') + "\r\n\r\n",
            "POST /image/v2/images HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n{}",
            "POST /image/v2/images HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            "PUT /image/v2/images/x/file HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort",
            "GET /image/v2/images/" + CirrosImage.toLatin1() + "/file HTTP/1.1\r\nHost: x\r\nRange: bytes=zz-yy\r\n\r\n",
            "GET /compute/v2.1/servers HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \xff\xfe\x00\r\n\r\n",
            "GET /%00%ff%2e%2e HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /identity HTTP/9.9\r\n\r\n",
        };
        for (const QByteArray &input : inputs) {
            const QByteArray response = rawExchange(m_cloud.port(), input, 300);
            QVERIFY(response != "NO-CONNECT");
            if (!response.isEmpty())
                QVERIFY2(response.startsWith("HTTP/1.1 "), response.left(60).constData());
        }
        // Still serving.
        QCOMPARE(m_client->get(QStringLiteral("/compute/v2.1/servers/") + Web1).status, 200);
        QCOMPARE(rawExchange(m_cloud.port(), "GET /identity/v3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").left(15),
                 QByteArray("HTTP/1.1 200 OK"));
    }

    void cleanupTestCase() { m_cloud.stop(); }

private:
    FakeCloud m_cloud;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestFakeCloud)
#include "tst_fakecloud.moc"
