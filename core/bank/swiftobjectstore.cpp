#include "bank/swiftobjectstore.h"

#include "openstack/connection.h"
#include "openstack/objectstore/createcontainerjob.h"
#include "openstack/objectstore/deleteobjectjob.h"
#include "openstack/objectstore/getobjectjob.h"
#include "openstack/objectstore/headobjectjob.h"
#include "openstack/objectstore/listobjectsjob.h"
#include "openstack/objectstore/putobjectjob.h"
#include "openstack/session.h"

namespace sv {

using openstack::ApiJob;
using openstack::Connection;

struct SwiftObjectStore::Outcome
{
    openstack::Error error;
    QByteArray data;
    qint64 size = -1;
    bool existed = true;
    bool atEnd = true;
    QDateTime serverTime;
    QList<openstack::ListObjectsJob::Entry> entries;
};

SwiftObjectStore::SwiftObjectStore(std::shared_ptr<openstack::Session> session, QString container)
    : m_session(std::move(session))
    , m_container(std::move(container))
    , m_io(QStringLiteral("swift-bank-io"))
{
    // The Connection (and its QNetworkAccessManager) must be created on the thread that uses it.
    m_io.runAndWait([this] { m_connection = new Connection(m_session, m_io.context()); });
}

SwiftObjectStore::~SwiftObjectStore() = default;

QString SwiftObjectStore::location() const
{
    return QStringLiteral("swift:") + m_session->profile().name + QLatin1Char('/') + m_container;
}

QString SwiftObjectStore::containerNoun() const { return QStringLiteral("container"); }

bool SwiftObjectStore::call(const QString &object, const JobFactory &make, const Collector &collect,
                            Outcome *outcome, BankError *error) const
{
    if (m_io.isCurrent()) {
        *error = toBankError(openstack::Error::make(openstack::Error::Kind::InvalidArgument,
                                                    QStringLiteral("Internal error: the Swift bank was called from "
                                                                   "its own I/O thread.")),
                             object);
        return false;
    }
    *outcome = m_io.await<Outcome>([this, &make, &collect](const std::function<void(Outcome)> &done) {
        ApiJob *job = make(m_connection);
        QObject::connect(job, &ApiJob::finished, m_io.context(), [job, &collect, done](const openstack::Error &e) {
            Outcome result;
            result.error = e;
            collect(job, result);
            done(std::move(result));
        });
        job->start();
    });
    if (!outcome->error.isOk()) {
        *error = toBankError(outcome->error, object);
        return false;
    }
    return true;
}

BankError SwiftObjectStore::toBankError(const openstack::Error &error, const QString &object) const
{
    using Kind = openstack::Error::Kind;
    BankError::Code code = BankError::Code::Io;
    switch (error.kind) {
    case Kind::NotFound:
        code = BankError::Code::NotFound;
        break;
    case Kind::Forbidden:
    case Kind::Authentication:
        code = BankError::Code::NotWritable;
        break;
    case Kind::OverLimit:
        code = BankError::Code::DiskFull;
        break;
    case Kind::Checksum:
        code = BankError::Code::CorruptChunk;
        break;
    case Kind::Canceled:
        code = BankError::Code::Cancelled;
        break;
    default:
        break;
    }
    return BankError::make(code,
                           QStringLiteral("Backup storage %1, object %2: %3").arg(location(), object, error.message),
                           location() + QLatin1Char('/') + object);
}

bool SwiftObjectStore::createContainer(BankError *error) const
{
    Outcome outcome;
    return call(
        QString(), [&](Connection *c) { return new openstack::CreateContainerJob(c, m_container); },
        [](ApiJob *, Outcome &) {}, &outcome, error);
}

bool SwiftObjectStore::putObject(const QString &object, const QByteArray &data, BankError *error) const
{
    Outcome outcome;
    return call(
        object, [&](Connection *c) { return new openstack::PutObjectJob(c, m_container, object, data); },
        [](ApiJob *, Outcome &) {}, &outcome, error);
}

bool SwiftObjectStore::createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const
{
    Outcome outcome;
    *existed = false;
    if (call(
            object,
            [&](Connection *c) {
                auto *job = new openstack::PutObjectJob(c, m_container, object, data);
                job->setOnlyIfAbsent(true);
                return job;
            },
            [](ApiJob *, Outcome &) {}, &outcome, error))
        return true;
    if (outcome.error.httpStatus != 412) // Precondition Failed: the object exists
        return false;
    *existed = true;
    *error = BankError();
    return true;
}

bool SwiftObjectStore::getObject(const QString &object, QByteArray *data, BankError *error) const
{
    return getObjectRange(object, -1, 0, data, error);
}

bool SwiftObjectStore::getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                                      BankError *error) const
{
    if (offset >= 0 && length <= 0) {
        data->clear();
        return true;
    }
    Outcome outcome;
    if (!call(
            object,
            [&](Connection *c) {
                auto *job = new openstack::GetObjectJob(c, m_container, object);
                if (offset >= 0)
                    job->setRange(offset, length);
                return job;
            },
            [](ApiJob *job, Outcome &o) { o.data = static_cast<openstack::GetObjectJob *>(job)->data(); }, &outcome,
            error))
        return false;
    *data = outcome.data;
    return true;
}

bool SwiftObjectStore::deleteObject(const QString &object, bool *existed, BankError *error) const
{
    Outcome outcome;
    if (!call(
            object, [&](Connection *c) { return new openstack::DeleteObjectJob(c, m_container, object); },
            [](ApiJob *job, Outcome &o) { o.existed = static_cast<openstack::DeleteObjectJob *>(job)->existed(); },
            &outcome, error))
        return false;
    *existed = outcome.existed;
    return true;
}

bool SwiftObjectStore::headObject(const QString &object, qint64 *size, BankError *error) const
{
    Outcome outcome;
    if (!call(
            object, [&](Connection *c) { return new openstack::HeadObjectJob(c, m_container, object); },
            [](ApiJob *job, Outcome &o) { o.size = static_cast<openstack::HeadObjectJob *>(job)->size(); },
            &outcome, error))
        return false;
    *size = outcome.size;
    return true;
}

bool SwiftObjectStore::listPage(const QString &prefix, const QString &marker, int limit, Page *page,
                                BankError *error) const
{
    Outcome outcome;
    if (!call(
            prefix + QLatin1Char('*'),
            [&](Connection *c) { return new openstack::ListObjectsJob(c, m_container, prefix, marker, limit); },
            [](ApiJob *job, Outcome &o) {
                auto *list = static_cast<openstack::ListObjectsJob *>(job);
                o.entries = list->entries();
                o.atEnd = list->atEnd();
                o.serverTime = list->serverTime();
            },
            &outcome, error))
        return false;
    page->entries.clear();
    for (const auto &entry : std::as_const(outcome.entries))
        page->entries.append(Listed{entry.name, entry.bytes, entry.lastModified,
                                   entry.hash.size() == 32 ? entry.hash.toLower() : QByteArray()});
    page->atEnd = outcome.atEnd || outcome.entries.isEmpty();
    page->serverTime = outcome.serverTime;
    return true;
}

} // namespace sv
