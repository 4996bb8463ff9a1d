#include "bank/swiftbank.h"

#include "bank/swiftobjectstore.h"

namespace sv {

SwiftBank::SwiftBank(std::shared_ptr<openstack::Session> session, QString container)
    : ObjectStoreBank(std::make_unique<SwiftObjectStore>(std::move(session), std::move(container)))
{
}

bool SwiftBank::isSwiftSpec(const QString &spec) { return spec.startsWith(QLatin1String("swift:")); }

bool SwiftBank::parseSpec(const QString &spec, QString *cloudName, QString *container)
{
    if (!isSwiftSpec(spec))
        return false;
    const QString rest = spec.mid(6);
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == rest.size() - 1)
        return false;
    *cloudName = rest.left(slash);
    *container = rest.mid(slash + 1);
    return true;
}

const QString &SwiftBank::container() const { return static_cast<const SwiftObjectStore &>(store()).container(); }

} // namespace sv
