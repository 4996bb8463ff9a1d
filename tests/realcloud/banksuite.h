#pragma once

#include "bank/objectstorebank.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The bank test suite shared by the bank backends (banksuite.cpp says what it covers). A test
// executable derives from it, names its backends ("local" is built in) and makes a fresh, empty
// object-store bank; its cleanupTestCase() calls deleteWhatTestsWrote().
class BankSuite : public QObject
{
    Q_OBJECT

protected:
    // The data rows of the suite: "local" and/or the object-store backend's name.
    virtual QStringList backends() const = 0;
    // A fresh, empty bank (a new container or bucket) of the object-store backend under test.
    virtual std::shared_ptr<sv::ObjectStoreBank> newObjectStoreBank() = 0;
    // Another store object for the container or bucket of `bank` (a second client of the same bank).
    virtual std::unique_ptr<sv::ObjectStore> storeLike(const sv::ObjectStoreBank &bank) = 0;

    std::shared_ptr<sv::Bank> makeBank(const QString &backend);
    // newObjectStoreBank(), remembered for deleteWhatTestsWrote().
    std::shared_ptr<sv::ObjectStoreBank> makeObjectStoreBank();
    void deleteWhatTestsWrote();
    void addBackendRows();

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void dedup_data();
    void dedup();
    void deleteAndGc_data();
    void deleteAndGc();
    void corruptedChunkDetected_data();
    void corruptedChunkDetected();
    void halfWrittenCheckpointNeverLooksComplete_data();
    void halfWrittenCheckpointNeverLooksComplete();
    void splitChunkLists_data();
    void splitChunkLists();
    void listingManyCheckpoints_data();
    void listingManyCheckpoints();
    void listingFollowsTheIndexes_data();
    void listingFollowsTheIndexes();
    void twoWritersLoseNoSummary();
    void tamperedSummaryNeverListed_data();
    void tamperedSummaryNeverListed();
    void checkReportsDamagedSummaries_data();
    void checkReportsDamagedSummaries();
    void banksWithoutSummaries_data();
    void banksWithoutSummaries();
    void locking_data();
    void locking();
    void expiredLockObjectIgnored();
    void listingPaginates();
    void rangedRead();
    void creationRace_data();
    void creationRace();
    void reopenWhileWriting_data();
    void reopenWhileWriting();

private:
    QList<std::shared_ptr<sv::ObjectStoreBank>> m_objectStoreBanks;
    QList<std::shared_ptr<QTemporaryDir>> m_dirs;
};
