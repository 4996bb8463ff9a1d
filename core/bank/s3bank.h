#pragma once

#include "bank/objectstorebank.h"
#include "profiles/s3profile.h"

namespace sv {

class S3ObjectStore;

// A bank in an S3 bucket: the same objects as a Swift bank (ObjectStoreBank's layout) over an
// S3ObjectStore of a saved S3 profile, with the profile's secret key from the keychain.
class S3Bank : public ObjectStoreBank
{
public:
    S3Bank(const S3Profile &profile, const QString &secretAccessKey, const QString &bucket);

    // "s3:PROFILE/BUCKET" -> profile name and bucket. False if `spec` is not of that form.
    static bool parseSpec(const QString &spec, QString *profileName, QString *bucket);
    static bool isS3Spec(const QString &spec);

    S3ObjectStore &s3Store() const { return *m_s3; }

private:
    explicit S3Bank(S3ObjectStore *store);
    S3ObjectStore *m_s3; // owned by ObjectStoreBank
};

} // namespace sv
