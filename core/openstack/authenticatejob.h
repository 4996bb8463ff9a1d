#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// Internal to Connection: POST /v3/auth/tokens (password or application credential), store the
// token, expiry and catalog in the Session; then, when asked, read the compute version document to
// negotiate the microversion. The only job that sees the secret (as an opaque request body).
class AuthenticateJob : public ApiJob
{
    Q_OBJECT
public:
    AuthenticateJob(Connection *connection, bool needComputeVersion);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    enum class Step { Token, ComputeVersion };
    void requestComputeVersion();
    void handleToken(QNetworkReply *reply, const QByteArray &body);
    void handleComputeVersion(const QByteArray &body);

    bool m_needComputeVersion;
    Step m_step = Step::Token;
};

} // namespace sv::openstack
