#include "profiles/s3profile.h"

#include <QRegularExpression>

namespace sv {

bool S3Profile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QString S3Profile::validationError() const
{
    if (!isValidName(name))
        return tr("\"%1\" cannot be the name of an S3 profile: use 1 to 64 letters, digits, '.', '_' or '-'.")
            .arg(name);
    if (!endpoint.isValid() || endpoint.host().isEmpty()
        || (endpoint.scheme() != QLatin1String("https") && endpoint.scheme() != QLatin1String("http")))
        return tr("The endpoint of S3 profile %1 must be an http:// or https:// URL, such as "
                  "https://s3.example.com.")
            .arg(name);
    if (region.trimmed().isEmpty())
        return tr("S3 profile %1 needs a region (the one its requests are signed for, e.g. us-east-1).").arg(name);
    if (accessKeyId.trimmed().isEmpty())
        return tr("S3 profile %1 needs an access key id.").arg(name);
    return {};
}

} // namespace sv
