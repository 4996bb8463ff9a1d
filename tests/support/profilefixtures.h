#pragma once
// Saved-cloud profiles for the tests that talk to the fake cloud (tests/fakecloud).

#include "profiles/cloudprofile.h"

#include <QUrl>

namespace svtest {

// The fake cloud's demo user (password "demo-password", project demo, domain Default) at `authUrl`
// (FakeCloud::authUrl()), as a user would save it under `name`; a fresh id.
inline sv::CloudProfile fakeDemoProfile(const QString &authUrl, const QString &name)
{
    sv::CloudProfile profile;
    profile.id = sv::CloudProfile::generateId();
    profile.name = name;
    profile.authUrl = QUrl(authUrl);
    profile.userName = QStringLiteral("demo");
    profile.userDomainName = QStringLiteral("Default");
    profile.projectName = QStringLiteral("demo");
    profile.projectDomainName = QStringLiteral("Default");
    return profile;
}

inline const QString fakeDemoPassword = QStringLiteral("demo-password");

} // namespace svtest
