#include "exchange.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <httplib.h>

#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace fake {

Exchange::Exchange(const httplib::Request &request, httplib::Response &response,
                   const httplib::ContentReader *reader, const QString &baseUrl, const std::atomic_bool *stopping)
    : m_request(request)
    , m_response(response)
    , m_reader(reader)
    , m_stopping(stopping)
    , m_method(QString::fromStdString(request.method))
    , m_path(QString::fromStdString(request.path))
    , m_baseUrl(baseUrl)
{
    const QByteArray target = QByteArray::fromStdString(request.target);
    const qsizetype q = target.indexOf('?');
    if (q >= 0) {
        // Keep the order the client used: Glance's `next` link repeats the query as it came.
        const QUrlQuery query(QString::fromUtf8(target.mid(q + 1)));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
            m_query.append({key, value});
    }
    if (!reader)
        m_bodyConsumed = true;
}

QByteArray Exchange::header(const char *name) const
{
    return QByteArray::fromStdString(m_request.get_header_value(name));
}

bool Exchange::hasHeader(const char *name) const
{
    return m_request.has_header(name);
}

bool Exchange::hasQuery(const QString &name) const
{
    for (const auto &item : m_query) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString Exchange::query(const QString &name) const
{
    for (const auto &item : m_query) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

QStringList Exchange::queryAll(const QString &name) const
{
    QStringList values;
    for (const auto &item : m_query) {
        if (item.first == name)
            values.append(item.second);
    }
    return values;
}

bool Exchange::hasBody() const
{
    if (!m_request.body.empty())
        return true;
    const QByteArray length = header("Content-Length");
    return (!length.isEmpty() && length.toLongLong() > 0) || hasHeader("Transfer-Encoding");
}

bool Exchange::readBody(QByteArray *body, qint64 maxBytes)
{
    if (m_bodyConsumed) {
        *body = m_reader ? m_body : QByteArray::fromStdString(m_request.body);
        return !m_bodyFailed;
    }
    m_bodyConsumed = true;
    bool tooLarge = false;
    const bool ok = (*m_reader)([&](const char *data, size_t length) {
        if (m_body.size() + static_cast<qint64>(length) > maxBytes) {
            tooLarge = true;
            return false;
        }
        m_body.append(data, static_cast<qsizetype>(length));
        return true;
    });
    m_bodyFailed = !ok || tooLarge;
    *body = m_body;
    return !m_bodyFailed;
}

bool Exchange::streamBody(const std::function<bool(const char *, qint64)> &sink)
{
    if (m_bodyConsumed) {
        if (!m_reader)
            return sink(m_request.body.data(), static_cast<qint64>(m_request.body.size()));
        return false;
    }
    m_bodyConsumed = true;
    const bool ok = (*m_reader)([&](const char *data, size_t length) {
        return sink(data, static_cast<qint64>(length));
    });
    m_bodyFailed = !ok;
    return ok;
}

void Exchange::setHeader(const QByteArray &name, const QByteArray &value)
{
    // httplib appends; a header set twice (e.g. Content-Range on an error path) must replace the first.
    m_response.headers.erase(name.toStdString());
    m_response.set_header(name.toStdString(), value.toStdString());
}

void Exchange::json(int status, const QJsonObject &body)
{
    this->body(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

void Exchange::json(int status, const QJsonArray &body)
{
    this->body(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

void Exchange::body(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_response.status = status;
    m_body = body;
    m_contentType = contentType;
    m_streaming = false;
    m_read = {};
    m_length = body.size();
}

void Exchange::empty(int status)
{
    body(status, QByteArray(), QByteArray());
}

void Exchange::stream(int status, qint64 length, const QByteArray &contentType, ReadFn read)
{
    m_response.status = status;
    m_contentType = contentType;
    m_streaming = true;
    m_read = std::move(read);
    m_length = length;
}

int Exchange::status() const
{
    return m_response.status;
}

void Exchange::finish()
{
    if (!m_bodyConsumed) {
        // Unread request bytes would be parsed as the next request on this keep-alive connection.
        streamBody([](const char *, qint64) { return true; });
    }
    if (m_response.status < 0)
        m_response.status = 500;
    if (!m_streaming && m_dropAfter < 0 && m_bytesPerSecond <= 0 && m_corruptAt < 0) {
        if (m_body.isEmpty() && m_contentType.isEmpty()) {
            m_response.body.clear();
            if (m_response.status != 204 && m_response.status != 304)
                m_response.set_header("Content-Length", "0");
        } else {
            m_response.set_content(m_body.constData(), static_cast<size_t>(m_body.size()),
                                   m_contentType.toStdString());
        }
        return;
    }
    ReadFn read = m_read;
    if (!m_streaming) {
        const QByteArray bytes = m_body;
        read = [bytes](qint64 offset, char *buffer, qint64 length) {
            std::memcpy(buffer, bytes.constData() + offset, static_cast<size_t>(length));
            return true;
        };
    }
    const qint64 total = m_length;
    if (total <= 0) {
        if (m_dropAfter >= 0) {
            // Nothing to cut short: promise one byte and close instead, so the client sees a broken reply.
            m_response.set_content_provider(1, m_contentType.toStdString(),
                                            [](size_t, size_t, httplib::DataSink &) { return false; });
        } else {
            m_response.body.clear();
        }
        return;
    }
    const qint64 dropAfter = m_dropAfter;
    const qint64 rate = m_bytesPerSecond;
    const qint64 corruptAt = m_corruptAt;
    const std::atomic_bool *stopping = m_stopping;
    m_response.set_content_provider(
        static_cast<size_t>(total), m_contentType.toStdString(),
        [read, dropAfter, rate, corruptAt, stopping](size_t offset, size_t length, httplib::DataSink &sink) {
            if (stopping && *stopping)
                return false;
            const qint64 pos = static_cast<qint64>(offset);
            if (dropAfter >= 0 && pos >= dropAfter)
                return false;
            qint64 chunk = std::min<qint64>(static_cast<qint64>(length), 256 * 1024);
            if (dropAfter >= 0)
                chunk = std::min(chunk, dropAfter - pos);
            if (rate > 0)
                chunk = std::min(chunk, std::max<qint64>(1, rate / 10));
            std::vector<char> buffer(static_cast<size_t>(chunk));
            if (!read(pos, buffer.data(), chunk))
                return false;
            if (corruptAt >= pos && corruptAt < pos + chunk)
                buffer[static_cast<size_t>(corruptAt - pos)] ^= char(0xff);
            if (!sink.write(buffer.data(), static_cast<size_t>(chunk)))
                return false;
            if (rate > 0) {
                const auto wait = std::chrono::microseconds(chunk * 1000000 / rate);
                std::this_thread::sleep_for(wait);
            }
            return true;
        });
}

} // namespace fake
