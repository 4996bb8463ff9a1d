#pragma once
// Looks into the session's Secret Service (the desktop keyring the tests run with, see scripts/test) to
// prove what StackVault did or did not store there.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

// For a test's initTestCase(): fails (never skips) when the test runs without the D-Bus session and
// Secret Service it needs for the keychain.
#define SVTEST_REQUIRE_SECRET_SERVICE()                                                                      \
    do {                                                                                                     \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))                                         \
            QFAIL("needs a D-Bus session with a Secret Service (scripts/test runs the suite inside "        \
                  "dbus-run-session with gnome-keyring)");                                                   \
    } while (false)

namespace svtest {

struct KeyringProbe
{
    bool ok = false;   // false: the keyring could not be searched (error says why)
    int items = 0;     // how many items were looked at
    bool found = false; // one of them holds exactly the secret
    QString error;
};

// Searches every item of the default Secret Service for `secret`.
KeyringProbe findSecretInKeyring(const QByteArray &secret);

} // namespace svtest
