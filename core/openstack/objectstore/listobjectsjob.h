#pragma once

#include "openstack/apijob.h"

#include <QDateTime>

namespace sv::openstack {

// GET /{container}?format=json&prefix=&marker=&limit=: one page of the listing (Swift returns at most
// `limit` names after `marker`, sorted); the caller asks for the next page with the last name as the
// marker until a page comes back shorter than the limit (or empty).
class ListObjectsJob : public ApiJob
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        qint64 bytes = 0;
        QByteArray hash;
        QDateTime lastModified; // UTC, from the object server's clock
    };

    ListObjectsJob(Connection *connection, QString container, QString prefix, QString marker, int limit,
                   QObject *parent = nullptr);
    const QList<Entry> &entries() const { return m_entries; }
    // True when this was the last page.
    bool atEnd() const { return m_atEnd; }
    // The object store's clock (the Date header); invalid if it sent none.
    const QDateTime &serverTime() const { return m_serverTime; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_container;
    QString m_prefix;
    QString m_marker;
    int m_limit;
    QList<Entry> m_entries;
    bool m_atEnd = true;
    QDateTime m_serverTime;
};

} // namespace sv::openstack
