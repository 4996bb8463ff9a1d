#pragma once
// A small HTTP-aware relay for test code, in front of a real service on 127.0.0.1 (the real services
// never drop a connection or answer 503 on demand). Point a session's catalog at port() and:
// - dropFirstConnection(): the first connection is cut after N bytes towards the client, at a chosen
//   time (a dropped download);
// - failRequests(): the next N requests matching a method and path are answered with a status (503 +
//   Retry-After by default) instead of being forwarded.
// Requests are parsed one after the other on each connection (Content-Length bodies; a chunked
// request body is relayed as is and ends the parsing of that connection). Runs on the thread that
// owns it, which must spin its event loop (QSignalSpy::wait does).

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QTcpServer>

class QTcpSocket;

namespace real {

class HttpRelay : public QObject
{
public:
    explicit HttpRelay(quint16 upstreamPort, QObject *parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }

    // The first connection stalls after `afterBytes` bytes towards the client, and closes at
    // `atMsSinceEpoch` (or at once when that has passed).
    void dropFirstConnection(qint64 afterBytes, qint64 atMsSinceEpoch);
    // The next `count` requests whose method matches `methods` (a regular expression, e.g. "PUT|GET")
    // and whose path matches `path` get `status` with `Retry-After: retryAfter` (none when < 0).
    void failRequests(const QString &methods, const QRegularExpression &path, int count, int status = 503,
                      int retryAfter = 1);

    int connections() const { return m_connections; }
    bool dropped() const { return m_dropped; }
    int failedCount() const { return m_failed.size(); }
    int failuresLeft() const { return m_failCount; }
    int forwardedCount() const { return m_forwarded; }
    // "METHOD /path" of each request answered with the injected status, and when (ms since the relay
    // started), so a test can see the client waited between its tries.
    QList<QByteArray> failedRequests() const { return m_failed; }
    QList<qint64> failedAt() const { return m_failedAt; }
    // The requests forwarded after the first injected failure, with their times.
    QList<QByteArray> forwardedRequests() const { return m_forwardedLog; }
    QList<qint64> forwardedAt() const { return m_forwardedAt; }

private:
    struct Connection;
    void relay(QTcpSocket *client);
    void parse(Connection &c);
    void towardsClient(Connection &c);

    QTcpServer m_server;
    quint16 m_upstream;
    QElapsedTimer m_clock;
    qint64 m_dropAfter = -1;
    qint64 m_dropAt = 0;
    QString m_failMethods;
    QRegularExpression m_failPath;
    int m_failCount = 0;
    int m_failStatus = 503;
    int m_retryAfter = 1;
    int m_connections = 0;
    bool m_dropped = false;
    int m_forwarded = 0;
    QList<QByteArray> m_failed;
    QList<qint64> m_failedAt;
    QList<QByteArray> m_forwardedLog;
    QList<qint64> m_forwardedAt;
};

// A token's `catalog` with every endpoint of service `type` moved to `port` (the relay's), e.g. for a
// session's AuthState (openstack::ServiceCatalog::fromJson), so that its calls go through the relay.
QJsonArray catalogThrough(const QJsonArray &catalog, const QString &type, quint16 port);

} // namespace real
