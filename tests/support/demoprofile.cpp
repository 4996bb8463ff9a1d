#include "demoprofile.h"

sv::CloudProfile demoProfile(const QString &authUrl, const QString &id)
{
    sv::CloudProfile profile;
    profile.id = id;
    profile.name = QStringLiteral("demo");
    profile.authUrl = QUrl(authUrl);
    profile.userName = QStringLiteral("demo");
    profile.userDomainId = QStringLiteral("default");
    profile.projectName = QStringLiteral("demo");
    profile.projectDomainId = QStringLiteral("default");
    return profile;
}
