#pragma once

#include "bank/objectstore.h"
#include "util/iothread.h"

#include <functional>
#include <memory>

namespace sv::openstack {
class ApiJob;
class Connection;
class Session;
struct Error;
} // namespace sv::openstack

namespace sv {

// A Swift container as an ObjectStore, through the OpenStack client's object-store jobs (token auth,
// retries, ETag checks). The jobs are asynchronous on their Connection's thread, so this store owns
// an I/O thread with its own Connection over the shared Session (one token for the whole cloud);
// every call runs there as one job while the calling worker thread waits.
class SwiftObjectStore : public ObjectStore
{
public:
    SwiftObjectStore(std::shared_ptr<openstack::Session> session, QString container);
    ~SwiftObjectStore() override;

    QString location() const override;
    QString containerNoun() const override;
    const QString &container() const { return m_container; }

    bool createContainer(BankError *error) const override;
    bool putObject(const QString &object, const QByteArray &data, BankError *error) const override;
    bool createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const override;
    bool getObject(const QString &object, QByteArray *data, BankError *error) const override;
    bool getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                        BankError *error) const override;
    bool headObject(const QString &object, qint64 *size, BankError *error) const override;
    bool deleteObject(const QString &object, bool *existed, BankError *error) const override;
    bool listPage(const QString &prefix, const QString &marker, int limit, Page *page,
                  BankError *error) const override;

private:
    struct Outcome;
    using JobFactory = std::function<openstack::ApiJob *(openstack::Connection *)>;
    using Collector = std::function<void(openstack::ApiJob *, Outcome &)>;
    // Runs one job on the I/O thread and waits for it; `object` names it in an error.
    bool call(const QString &object, const JobFactory &make, const Collector &collect, Outcome *outcome,
              BankError *error) const;
    BankError toBankError(const openstack::Error &error, const QString &object) const;

    std::shared_ptr<openstack::Session> m_session;
    QString m_container;
    IoThread m_io;
    openstack::Connection *m_connection = nullptr; // lives on m_io, a child of its context
};

} // namespace sv
