#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace httplib {
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

namespace fake {

// One HTTP request and its response, as the services see them: decoded path, ordered query items,
// lazy body reading (whole for JSON, streamed for image uploads) and responses that are either small
// bodies or streamed from a reader. Faults that act on the wire (drop after N bytes, slow body) are
// applied in finish(), whatever the service answered.
class Exchange
{
public:
    using ReadFn = std::function<bool(qint64 offset, char *buffer, qint64 length)>;
    static constexpr qint64 MaxJsonBody = 16 * 1024 * 1024;

    Exchange(const httplib::Request &request, httplib::Response &response, const httplib::ContentReader *reader,
             const QString &baseUrl, const std::atomic_bool *stopping);

    QString method() const { return m_method; }
    QString path() const { return m_path; }
    QString baseUrl() const { return m_baseUrl; }
    QByteArray header(const char *name) const;
    bool hasHeader(const char *name) const;
    QList<QPair<QString, QString>> queryItems() const { return m_query; }
    bool hasQuery(const QString &name) const;
    QString query(const QString &name) const;
    QStringList queryAll(const QString &name) const;

    bool hasBody() const;
    // Reads the whole body (at most maxBytes); false when it is larger or the connection failed.
    bool readBody(QByteArray *body, qint64 maxBytes = MaxJsonBody);
    // Streams the body through sink; false when the sink or the connection stopped it.
    bool streamBody(const std::function<bool(const char *, qint64)> &sink);

    void setHeader(const QByteArray &name, const QByteArray &value);
    void json(int status, const QJsonObject &body);
    void json(int status, const QJsonArray &body);
    void body(int status, const QByteArray &body, const QByteArray &contentType);
    void empty(int status);
    void stream(int status, qint64 length, const QByteArray &contentType, ReadFn read);
    // The connection closes after this many body bytes (a drop fault).
    void dropAfter(qint64 bytes) { m_dropAfter = bytes; }
    void limitRate(qint64 bytesPerSecond) { m_bytesPerSecond = bytesPerSecond; }
    // The body byte at this offset is inverted on the wire (a corrupt fault).
    void corruptAt(qint64 offset) { m_corruptAt = offset; }
    int status() const;

    // Installs the body on the wire (draining an unread request body first).
    void finish();

private:
    const httplib::Request &m_request;
    httplib::Response &m_response;
    const httplib::ContentReader *m_reader;
    const std::atomic_bool *m_stopping;
    QString m_method;
    QString m_path;
    QString m_baseUrl;
    QList<QPair<QString, QString>> m_query;
    bool m_bodyConsumed = false;
    bool m_bodyFailed = false;
    QByteArray m_body;
    QByteArray m_contentType;
    ReadFn m_read;
    qint64 m_length = 0;
    bool m_streaming = false;
    qint64 m_dropAfter = -1;
    qint64 m_bytesPerSecond = 0;
    qint64 m_corruptAt = -1;
};

} // namespace fake
