#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace sv {

enum class AuthType { Password, ApplicationCredential };

// A saved cloud: everything needed to authenticate except the secret (password or
// application-credential secret), which lives only in the OS keychain under `id`.
struct CloudProfile
{
    QString id; // stable, generated once (QUuid without braces); the keychain key
    QString name; // what the user calls it ("prod-fra1"); unique among profiles
    QUrl authUrl; // Keystone, with or without /v3
    AuthType authType = AuthType::Password;

    QString userName;
    QString userId;
    QString userDomainName;
    QString userDomainId;
    QString projectName;
    QString projectId;
    QString projectDomainName;
    QString projectDomainId;

    QString applicationCredentialId;
    QString applicationCredentialName; // with userName/userId when no id is given

    QString regionName;
    QString interface = QStringLiteral("public"); // public, internal or admin
    QString caBundlePath;
    bool verifyTls = true;

    // A new random id (QUuid without braces) for a profile about to be saved.
    static QString generateId();
    // Empty when the profile can be saved and used; otherwise one plain sentence saying what is missing.
    QString validationError() const;

    QJsonObject toJson() const; // never contains a secret
    static CloudProfile fromJson(const QJsonObject &json);
};

} // namespace sv

Q_DECLARE_METATYPE(sv::CloudProfile)
