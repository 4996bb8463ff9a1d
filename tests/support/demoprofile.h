#pragma once

#include "profiles/cloudprofile.h"

// The fake cloud's user demo in project demo (password demo-password), as a saved cloud profile.
sv::CloudProfile demoProfile(const QString &authUrl, const QString &id = QStringLiteral("demo"));
