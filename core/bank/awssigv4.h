#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace sv {

// AWS Signature Version 4 (header-based, single chunk) as S3 uses it: the canonical request, the
// string to sign and the Authorization header, written after AWS's "Create a signed AWS API request"
// and checked against the published test vectors (tests/unit/tst_awssigv4.cpp). Pure functions: no
// clock, no network, so every step can be compared with a vector on its own.
class AwsSigV4
{
public:
    struct Request
    {
        QByteArray method = "GET";
        QString host;                                     // the Host header (with :port when not default)
        QString path = QStringLiteral("/");               // not encoded; starts with '/'
        QList<std::pair<QString, QString>> query;         // not encoded
        QList<std::pair<QByteArray, QByteArray>> headers; // besides Host; e.g. x-amz-date, x-amz-content-sha256
        QByteArray payloadHash;                           // hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
    };
    struct Credentials
    {
        QString accessKeyId;
        QString secretAccessKey;
    };

    // RFC 3986 percent-encoding of everything but A-Z a-z 0-9 - _ . ~ (and '/' when `keepSlash`), with
    // uppercase hex, over the UTF-8 bytes: the one encoding S3 signs (a path is encoded once, not twice).
    static QByteArray uriEncode(const QString &text, bool keepSlash);
    // "a=1&b=2": names and values encoded, sorted by name, then value.
    static QByteArray canonicalQuery(const QList<std::pair<QString, QString>> &query);
    // The six lines of the canonical request; `signedHeaders` gets "host;x-amz-date;...".
    static QByteArray canonicalRequest(const Request &request, QByteArray *signedHeaders = nullptr);
    // "AWS4-HMAC-SHA256\n<time>\n<scope>\n<hex sha256 of the canonical request>".
    static QByteArray stringToSign(const QByteArray &canonicalRequest, const QDateTime &time, const QString &region,
                                   const QString &service);
    // "AWS4-HMAC-SHA256 Credential=<key id>/<scope>, SignedHeaders=..., Signature=<hex>".
    static QByteArray authorization(const Request &request, const Credentials &credentials, const QDateTime &time,
                                    const QString &region, const QString &service);

    // 20150830T123600Z, the form of the x-amz-date header (UTC).
    static QByteArray amzDate(const QDateTime &time);
    static QByteArray sha256Hex(const QByteArray &data);
};

} // namespace sv
