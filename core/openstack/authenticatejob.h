#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// Internal to Connection: POST /v3/auth/tokens (password or application credential), store the
// token, expiry and catalog in the Session; then, when asked, read the compute or block-storage
// version document to negotiate that service's microversion. The only job that sees the secret (as an opaque request body).
class AuthenticateJob : public ApiJob
{
    Q_OBJECT
public:
    // `versionOf`: Compute or BlockStorage to negotiate that microversion too; Identity for none.
    AuthenticateJob(Connection *connection, ServiceType versionOf);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    enum class Step { Token, ServiceVersion };
    void requestServiceVersion();
    void handleToken(QNetworkReply *reply, const QByteArray &body);
    void handleComputeVersion(const QByteArray &body);
    void handleBlockStorageVersion(const QByteArray &body);
    void continueAfterToken();

    ServiceType m_versionOf;
    Step m_step = Step::Token;
};

} // namespace sv::openstack
