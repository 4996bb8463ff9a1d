#pragma once
// Two creators of one new encrypted bank (FORMAT.md, "Creating a bank"), made deterministic: the loser
// has written its first key file and not yet published bank.json when the winner makes the whole bank.

#include "bank/bank.h"

#include <QTest>

#include <functional>
#include <utility>

namespace svtest {

// A bank of type `Base` that runs `afterFirstKey` once, right after writing a key file (in a new bank:
// between its key file and its bank.json).
template <class Base>
class RacingBank : public Base
{
public:
    using Base::Base;
    std::function<void()> afterFirstKey;

    bool writeKeyFile(const QString &id, const QByteArray &data, sv::BankError *error) override
    {
        const bool ok = Base::writeKeyFile(id, data, error);
        if (ok && afterFirstKey)
            std::exchange(afterFirstKey, {})();
        return ok;
    }
};

// Runs the race on two bank objects of the same new location: `loser` (a RacingBank, its hook given
// as `loserHook`) and `winner`. With the same passphrase both end on the winner's bank; with another
// the loser gets WrongPassphrase saying what happened, then opens with the winner's. Either way the
// bank holds only the winner's key file.
inline void creationRace(sv::Bank &loser, std::function<void()> &loserHook, sv::Bank &winner, bool samePassphrase)
{
    const QByteArray passphrase = "race passphrase";
    winner.setEncryptNewBank(true);
    winner.setPassphrase(passphrase);
    loser.setEncryptNewBank(true);
    loser.setPassphrase(samePassphrase ? passphrase : QByteArray("another passphrase"));
    bool winnerOk = false;
    sv::BankError winnerError;
    loserHook = [&] { winnerOk = winner.open(&winnerError); };
    sv::BankError loserError;
    const bool loserOk = loser.open(&loserError);
    QVERIFY2(winnerOk, qPrintable(winnerError.message));
    QVERIFY(!loserHook); // the hook ran: the loser did write a key file first
    QVERIFY(!winner.unlockedKeyId().isEmpty());

    sv::BankError error;
    QStringList ids;
    QVERIFY2(winner.listKeyFileIds(&ids, &error), qPrintable(error.message));
    QCOMPARE(ids, QStringList{winner.unlockedKeyId()}); // the loser's key file is gone

    if (samePassphrase) {
        QVERIFY2(loserOk, qPrintable(loserError.message));
    } else {
        QVERIFY(!loserOk);
        QCOMPARE(loserError.code, sv::BankError::Code::WrongPassphrase);
        QVERIFY2(loserError.message.contains(
                     QStringLiteral("Another StackVault made the backup storage %1 at the same moment").arg(loser.location())),
                 qPrintable(loserError.message));
        // What the desktop app and the CLI do next: ask again, and the winner's passphrase opens it.
        loser.setPassphrase(passphrase);
        QVERIFY2(loser.open(&loserError), qPrintable(loserError.message));
    }
    QCOMPARE(loser.keys().bankId(), winner.keys().bankId());
    QCOMPARE(loser.keys().masterKey(), winner.keys().masterKey());
    QCOMPARE(loser.unlockedKeyId(), winner.unlockedKeyId());
    QVERIFY2(loser.listKeyFileIds(&ids, &error), qPrintable(error.message));
    QCOMPARE(ids.size(), 1);
}

} // namespace svtest
