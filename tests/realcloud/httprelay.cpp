#include "httprelay.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrl>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace real {

struct HttpRelay::Connection
{
    enum State { Head, Body, Raw };
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    bool cut = false;       // the connection dropFirstConnection() cuts
    qint64 sent = 0;        // bytes sent towards the client
    QByteArray in;          // client bytes not yet parsed
    State state = Head;
    qint64 bodyLeft = 0;
    bool discarding = false; // the body of a request that gets the injected status
    QByteArray answer;       // that status, sent once its body is read
    bool closing = false;
};

HttpRelay::HttpRelay(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstream(upstreamPort)
{
    m_clock.start();
    m_server.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection())
            relay(client);
    });
}

void HttpRelay::dropFirstConnection(qint64 afterBytes, qint64 atMsSinceEpoch)
{
    m_dropAfter = afterBytes;
    m_dropAt = atMsSinceEpoch;
}

void HttpRelay::failRequests(const QString &methods, const QRegularExpression &path, int count, int status, int retryAfter)
{
    m_failMethods = methods;
    m_failPath = path;
    m_failCount = count;
    m_failStatus = status;
    m_retryAfter = retryAfter;
}

void HttpRelay::relay(QTcpSocket *client)
{
    auto c = std::make_shared<Connection>();
    c->client = client;
    c->cut = m_dropAfter >= 0 && m_connections == 0;
    ++m_connections;
    c->upstream = new QTcpSocket(client);
    client->setParent(this);
    QObject::connect(client, &QTcpSocket::readyRead, client, [this, c] {
        if (c->closing) {
            c->client->readAll();
            return;
        }
        c->in += c->client->readAll();
        parse(*c);
    });
    QObject::connect(c->upstream, &QTcpSocket::readyRead, client, [this, c] { towardsClient(*c); });
    QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    QObject::connect(c->upstream, &QTcpSocket::disconnected, client, [c] { c->client->disconnectFromHost(); });
    c->upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
}

void HttpRelay::towardsClient(Connection &c)
{
    if (c.closing)
        return;
    if (c.cut && c.sent >= m_dropAfter)
        return; // stall: leave the rest in the upstream socket
    const QByteArray data = c.upstream->read(c.cut ? m_dropAfter - c.sent : c.upstream->bytesAvailable());
    c.sent += data.size();
    c.client->write(data);
    if (c.cut && c.sent >= m_dropAfter) {
        const qint64 wait = std::max<qint64>(0, m_dropAt - QDateTime::currentMSecsSinceEpoch());
        QTcpSocket *client = c.client;
        QTimer::singleShot(wait, client, [this, client] {
            m_dropped = true;
            client->abort();
            client->deleteLater();
        });
    }
}

void HttpRelay::parse(Connection &c)
{
    for (;;) {
        if (c.state == Connection::Raw) {
            if (!c.in.isEmpty())
                c.upstream->write(c.in);
            c.in.clear();
            return;
        }
        if (c.state == Connection::Body) {
            const qint64 n = std::min<qint64>(c.bodyLeft, c.in.size());
            if (!c.discarding)
                c.upstream->write(c.in.left(n));
            c.in.remove(0, n);
            c.bodyLeft -= n;
            if (c.bodyLeft > 0)
                return;
            c.state = Connection::Head;
            if (c.discarding) {
                // The whole request is read: answer it and close (Connection: close), as a proxy would.
                c.closing = true;
                c.client->write(c.answer);
                c.client->disconnectFromHost();
                c.upstream->abort();
                return;
            }
            continue;
        }
        const qsizetype end = c.in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = c.in.left(end + 4);
        c.in.remove(0, end + 4);
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QByteArray method = requestLine.value(0);
        QByteArray path = requestLine.value(1);
        if (const qsizetype q = path.indexOf('?'); q >= 0)
            path.truncate(q);
        qint64 length = 0;
        bool chunked = false;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                chunked = true;
        }
        const QString methodText = QString::fromLatin1(method);
        const QString pathText = QString::fromLatin1(path);
        const bool fail = m_failCount > 0 && !chunked
            && QRegularExpression(QRegularExpression::anchoredPattern(m_failMethods)).match(methodText).hasMatch()
            && m_failPath.match(pathText).hasMatch();
        const QByteArray what = method + ' ' + path;
        if (fail) {
            --m_failCount;
            m_failed.append(what);
            m_failedAt.append(m_clock.elapsed());
            const QByteArray body = "<html><h1>Service Unavailable</h1><p>Injected by the test relay.</p></html>";
            c.answer = "HTTP/1.1 " + QByteArray::number(m_failStatus) + " Service Unavailable\r\n"
                + (m_retryAfter >= 0 ? "Retry-After: " + QByteArray::number(m_retryAfter) + "\r\n" : QByteArray())
                + "Content-Type: text/html; charset=UTF-8\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\nConnection: close\r\n\r\n" + body;
            c.discarding = true;
            c.bodyLeft = length;
            c.state = Connection::Body;
            continue;
        }
        ++m_forwarded;
        if (!m_failed.isEmpty()) {
            m_forwardedLog.append(what);
            m_forwardedAt.append(m_clock.elapsed());
        }
        c.upstream->write(head);
        c.discarding = false;
        c.bodyLeft = length;
        c.state = chunked ? Connection::Raw : Connection::Body;
    }
}

QJsonArray catalogThrough(const QJsonArray &catalog, const QString &type, quint16 port)
{
    QJsonArray result;
    for (const QJsonValue &service : catalog) {
        QJsonObject s = service.toObject();
        if (s.value(QStringLiteral("type")).toString() == type) {
            QJsonArray endpoints;
            for (const QJsonValue &endpoint : s.value(QStringLiteral("endpoints")).toArray()) {
                QJsonObject e = endpoint.toObject();
                QUrl url(e.value(QStringLiteral("url")).toString());
                url.setPort(port);
                e.insert(QStringLiteral("url"), url.toString());
                endpoints.append(e);
            }
            s.insert(QStringLiteral("endpoints"), endpoints);
        }
        result.append(s);
    }
    return result;
}

} // namespace real
