#include "profiles/cloudprofile.h"

#include <QCoreApplication>
#include <QUuid>

namespace sv {

namespace {
QString authTypeName(AuthType type)
{
    return type == AuthType::ApplicationCredential ? QStringLiteral("v3applicationcredential")
                                                   : QStringLiteral("password");
}
} // namespace

QString CloudProfile::generateId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString CloudProfile::validationError() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("sv::CloudProfile", text); };
    if (name.trimmed().isEmpty())
        return tr("The cloud needs a name.");
    if (name != name.trimmed())
        return tr("The cloud's name must not start or end with spaces.");
    if (!authUrl.isValid() || authUrl.host().isEmpty()
        || (authUrl.scheme() != QLatin1String("https") && authUrl.scheme() != QLatin1String("http")))
        return tr("The authentication URL must be an http:// or https:// address, such as "
                  "https://keystone.example.com:5000/v3.");
    if (interface != QLatin1String("public") && interface != QLatin1String("internal")
        && interface != QLatin1String("admin"))
        return tr("The interface must be public, internal or admin.");
    if (authType == AuthType::Password) {
        if (userName.isEmpty() && userId.isEmpty())
            return tr("Password authentication needs a user name or user id.");
    } else if (applicationCredentialId.isEmpty()
        && (applicationCredentialName.isEmpty() || (userName.isEmpty() && userId.isEmpty()))) {
        return tr("Application credential authentication needs the credential's id, or its name together "
                  "with the user's name or id.");
    }
    return QString();
}

QJsonObject CloudProfile::toJson() const
{
    QJsonObject json {
        { QStringLiteral("id"), id },
        { QStringLiteral("name"), name },
        { QStringLiteral("auth_url"), authUrl.toString() },
        { QStringLiteral("auth_type"), authTypeName(authType) },
        { QStringLiteral("interface"), interface },
        { QStringLiteral("verify"), verifyTls },
    };
    const auto putIfSet = [&json](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    putIfSet("username", userName);
    putIfSet("user_id", userId);
    putIfSet("user_domain_name", userDomainName);
    putIfSet("user_domain_id", userDomainId);
    putIfSet("project_name", projectName);
    putIfSet("project_id", projectId);
    putIfSet("project_domain_name", projectDomainName);
    putIfSet("project_domain_id", projectDomainId);
    putIfSet("application_credential_id", applicationCredentialId);
    putIfSet("application_credential_name", applicationCredentialName);
    putIfSet("region_name", regionName);
    putIfSet("cacert", caBundlePath);
    return json;
}

CloudProfile CloudProfile::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    CloudProfile profile;
    profile.id = text("id");
    profile.name = text("name");
    profile.authUrl = QUrl(text("auth_url"));
    profile.authType = text("auth_type") == QLatin1String("v3applicationcredential")
        ? AuthType::ApplicationCredential
        : AuthType::Password;
    profile.userName = text("username");
    profile.userId = text("user_id");
    profile.userDomainName = text("user_domain_name");
    profile.userDomainId = text("user_domain_id");
    profile.projectName = text("project_name");
    profile.projectId = text("project_id");
    profile.projectDomainName = text("project_domain_name");
    profile.projectDomainId = text("project_domain_id");
    profile.applicationCredentialId = text("application_credential_id");
    profile.applicationCredentialName = text("application_credential_name");
    profile.regionName = text("region_name");
    if (json.contains(QLatin1String("interface")))
        profile.interface = text("interface");
    profile.caBundlePath = text("cacert");
    profile.verifyTls = json.value(QLatin1String("verify")).toBool(true);
    return profile;
}

} // namespace sv
