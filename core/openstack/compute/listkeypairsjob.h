#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/keypair.h"

namespace sv::openstack {

// GET /os-keypairs (all pages; paging exists from 2.35).
class ListKeyPairsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListKeyPairsJob(Connection *connection, QObject *parent = nullptr);
    const QList<KeyPair> &keyPairs() const { return m_keyPairs; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<KeyPair> m_keyPairs;
    QString m_lastLink;
};

} // namespace sv::openstack
