#pragma once

#include <QMetaType>
#include <QString>

class QNetworkReply;

namespace sv::openstack {

// The one result type of every OpenStack call. `kind` is for code to branch on, `message` is a
// plain sentence for the user, `serviceMessage` is what the service itself said (parsed from the
// Nova/Cinder, Keystone or Glance fault body). Never contains a token or a password.
struct Error
{
    enum class Kind {
        None,
        Network,        // connection refused/reset/closed, DNS failure
        Timeout,        // no byte moved within the inactivity timeout
        Tls,            // certificate or handshake failure
        Authentication, // 401 from Keystone: wrong credentials
        Forbidden,      // 403
        NotFound,       // 404
        Conflict,       // 409: resource busy or in the wrong state
        BadRequest,     // 400, 413, 415, 422
        OverLimit,      // 413 quota / 429 rate limit
        Unavailable,    // 5xx after the retries
        HttpError,      // any other HTTP status
        Protocol,       // a response we could not understand
        NoEndpoint,     // the catalog has no such service/interface/region
        Checksum,       // downloaded bytes do not match checksum/os_hash_value
        Canceled,       // abort() or the consumer refused data
        WaitTimeout,    // a waiter ran out of time
        WaitFailed,     // a waiter saw a failure status (ERROR, killed, deleted, ...)
        InvalidArgument,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString serviceMessage;
    QString message;
    QString host;      // which host was involved (TLS and network errors)
    QString requestId; // x-openstack-request-id / x-compute-request-id, for bug reports

    bool isOk() const { return kind == Kind::None; }
    explicit operator bool() const { return kind != Kind::None; } // true when there IS an error

    static Error make(Kind kind, QString message, int httpStatus = 0);
    // Maps an HTTP status to a kind; 0 means no HTTP response.
    static Kind kindForStatus(int httpStatus);
    // Extracts the human message from a fault body: Nova/Cinder `{"conflictingRequest": {"message"}}`,
    // Keystone `{"error": {"message"}}`, Glance/webob `{"message", "title"}`, or text/HTML bodies.
    static QString parseServiceMessage(const QByteArray &body);
    // A sentence for the user built from the kind, the status and the service message.
    static QString defaultSentence(Kind kind, int httpStatus, const QString &serviceMessage);
    static QString kindName(Kind kind);
    // "kind (HTTP n): message [service: ...]" for logs; already redacted.
    QString toLogString() const;
};

} // namespace sv::openstack

Q_DECLARE_METATYPE(sv::openstack::Error)
