#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace sv {

// Where and as whom to reach an S3 service (AWS, Ceph RGW, Swift's s3api, MinIO, ...), named so that a
// bank location `s3:NAME/BUCKET` can refer to it. Saved in the app settings (AppSettings::s3Profiles);
// the secret access key is never part of it: it lives in the keychain under keychainKey().
struct S3Profile
{
    Q_DECLARE_TR_FUNCTIONS(sv::S3Profile)

public:
    QString name;
    QUrl endpoint;                          // https://s3.example.com, http://127.0.0.1:8080
    QString region = QStringLiteral("us-east-1"); // what requests are signed for
    bool virtualHostStyle = false;          // BUCKET.host/OBJECT instead of host/BUCKET/OBJECT
    QString accessKeyId;

    // Letters, digits, '.', '_' and '-': a name fits in `s3:NAME/BUCKET` and in the settings file.
    static bool isValidName(const QString &name);
    // An empty string when the profile can be saved, else one sentence naming what is wrong.
    QString validationError() const;
    // The keychain entry of the secret access key (the SecretStore key).
    QString keychainKey() const { return QStringLiteral("s3:") + name; }
};

} // namespace sv
