#pragma once

#include "bank/objectstorebank.h"

#include <memory>

namespace sv::openstack {
class Session;
} // namespace sv::openstack

namespace sv {

class SwiftObjectStore;

// A bank in a Swift container (FORMAT.md, "Swift bank"): ObjectStoreBank's layout over a
// SwiftObjectStore in a saved cloud's container, authenticated with that cloud's token.
class SwiftBank : public ObjectStoreBank
{
public:
    SwiftBank(std::shared_ptr<openstack::Session> session, QString container);

    // "swift:CLOUD/CONTAINER" -> cloud profile name and container. False if `spec` is not of that form.
    static bool parseSpec(const QString &spec, QString *cloudName, QString *container);
    static bool isSwiftSpec(const QString &spec);

    const QString &container() const;
};

} // namespace sv
