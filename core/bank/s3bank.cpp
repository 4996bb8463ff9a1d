#include "bank/s3bank.h"

#include "bank/s3objectstore.h"

namespace sv {

S3Bank::S3Bank(const S3Profile &profile, const QString &secretAccessKey, const QString &bucket)
    : S3Bank(new S3ObjectStore(profile, secretAccessKey, bucket))
{
}

S3Bank::S3Bank(S3ObjectStore *store)
    : ObjectStoreBank(std::unique_ptr<ObjectStore>(store))
    , m_s3(store)
{
}

bool S3Bank::isS3Spec(const QString &spec) { return spec.startsWith(QLatin1String("s3:")); }

bool S3Bank::parseSpec(const QString &spec, QString *profileName, QString *bucket)
{
    if (!isS3Spec(spec))
        return false;
    const QString rest = spec.mid(3);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == rest.size() - 1 || rest.indexOf(QLatin1Char('/'), slash + 1) >= 0)
        return false;
    *profileName = rest.left(slash);
    *bucket = rest.mid(slash + 1);
    return S3Profile::isValidName(*profileName);
}

} // namespace sv
