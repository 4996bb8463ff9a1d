#include "protection/bankservice.h"

#include "bank/bank.h"
#include "bank/localbank.h"
#include "bank/swiftbank.h"
#include "openstack/session.h"
#include "profiles/cloudsessions.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThreadPool>

namespace sv {

namespace {

// A bank as the settings configure it.
template<typename B, typename... Args>
std::shared_ptr<B> configured(Args &&...args)
{
    auto bank = std::make_shared<B>(std::forward<Args>(args)...);
    bank->setRepackThreshold(AppSettings::instance()->repackThreshold() / 100.0);
    return bank;
}

} // namespace

BankService::BankService(CloudSessions *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
}

BankService::~BankService() = default;

QString BankService::locationError(const QString &location)
{
    if (location.trimmed().isEmpty())
        return tr("No backup storage is set: give a folder or swift:CLOUD/CONTAINER.");
    QString cloud;
    QString container;
    if (SwiftBank::isSwiftSpec(location) && !SwiftBank::parseSpec(location, &cloud, &container))
        return tr("Backup storage \"%1\": a Swift container is given as swift:CLOUD/CONTAINER (a saved cloud's name "
                  "and a container name).")
            .arg(location);
    return {};
}

std::shared_ptr<Bank> BankService::bankFor(const QString &location, const std::shared_ptr<openstack::Session> &session)
{
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    if (!m_swiftBank || m_swiftLocation != location || m_swiftSession != session) {
        m_swiftBank = configured<SwiftBank>(session, container);
        m_swiftLocation = location;
        m_swiftSession = session;
    }
    return m_swiftBank;
}

std::shared_ptr<Bank> BankService::bank(const QString &location, QString *error)
{
    if (const QString problem = locationError(location); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    if (!SwiftBank::isSwiftSpec(location))
        return configured<LocalBank>(location);
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    const std::shared_ptr<openstack::Session> session = m_sessions ? m_sessions->cached(cloud) : nullptr;
    if (!session) {
        if (error)
            *error = m_sessions && m_sessions->find(cloud)
                ? tr("StackVault has not signed in to the cloud %1 of the backup storage yet; wait for the backups "
                     "list to load.")
                      .arg(cloud)
                : tr("The backup storage is a Swift container of the cloud %1, which is not saved. Choose another "
                     "backup storage in Preferences (or --bank), or save the cloud.")
                      .arg(cloud);
        return nullptr;
    }
    return bankFor(location, session);
}

void BankService::open(const QString &location, QObject *context, Callback callback)
{
    const QPointer<QObject> guard(context);
    // Bank::open touches the disk (a folder) or Swift: on the thread pool, answered on this thread.
    const auto openOnPool = [this, guard, callback](std::shared_ptr<Bank> bank) {
        const QPointer<BankService> self(this);
        QThreadPool::globalInstance()->start([self, guard, callback, bank] {
            BankError error;
            const bool ok = bank->open(&error);
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, guard, callback, bank, ok, message = error.message] {
                    if (!self || !guard)
                        return;
                    callback(ok ? bank : nullptr, ok ? QString() : message);
                },
                Qt::QueuedConnection);
        });
    };
    if (const QString problem = locationError(location); !problem.isEmpty())
        return callback(nullptr, problem);
    if (!SwiftBank::isSwiftSpec(location))
        return openOnPool(configured<LocalBank>(location));
    QString cloud;
    QString container;
    SwiftBank::parseSpec(location, &cloud, &container);
    if (!m_sessions)
        return callback(nullptr, tr("StackVault is shutting down."));
    m_sessions->acquire(cloud, this,
                        [this, guard, location, callback, openOnPool](std::shared_ptr<openstack::Session> session,
                                                                      const QString &error) {
                            if (!guard)
                                return;
                            if (!session)
                                return callback(nullptr, error);
                            openOnPool(bankFor(location, session));
                        });
}

} // namespace sv
