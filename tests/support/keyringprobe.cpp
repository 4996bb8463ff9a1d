#include "keyringprobe.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QMap>

namespace svtest {

namespace {
const QString secretsService = QStringLiteral("org.freedesktop.secrets");
}

KeyringProbe findSecretInKeyring(const QByteArray &secret)
{
    using Attributes = QMap<QString, QString>;
    qDBusRegisterMetaType<Attributes>();
    KeyringProbe probe;
    QDBusInterface service(secretsService, QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    if (!service.isValid()) {
        probe.error = QStringLiteral("no Secret Service on the session bus: %1").arg(service.lastError().message());
        return probe;
    }
    // A "plain" session: secrets come back unencrypted, which is fine on a private test bus.
    const QDBusMessage opened = service.call(QStringLiteral("OpenSession"), QStringLiteral("plain"),
                                             QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() != 2) {
        probe.error = QStringLiteral("OpenSession failed: %1").arg(opened.errorMessage());
        return probe;
    }
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
    // No attributes: every item of every collection.
    const QDBusMessage searched = service.call(QStringLiteral("SearchItems"), QVariant::fromValue(Attributes()));
    if (searched.type() == QDBusMessage::ErrorMessage || searched.arguments().size() != 2) {
        probe.error = QStringLiteral("SearchItems failed: %1").arg(searched.errorMessage());
        return probe;
    }
    const auto unlocked = qdbus_cast<QList<QDBusObjectPath>>(searched.arguments().at(0));
    const auto locked = qdbus_cast<QList<QDBusObjectPath>>(searched.arguments().at(1));
    if (!locked.isEmpty()) {
        probe.error = QStringLiteral("%1 keyring items are locked").arg(locked.size());
        return probe;
    }
    for (const QDBusObjectPath &path : unlocked) {
        QDBusInterface item(secretsService, path.path(), QStringLiteral("org.freedesktop.Secret.Item"),
                            QDBusConnection::sessionBus());
        const QDBusMessage reply = item.call(QStringLiteral("GetSecret"), QVariant::fromValue(session));
        if (reply.type() == QDBusMessage::ErrorMessage || reply.arguments().isEmpty())
            continue; // deleted meanwhile by a test running in parallel
        // (oayays): session, parameters, value, content type
        const QDBusArgument structure = reply.arguments().at(0).value<QDBusArgument>();
        QDBusObjectPath itemSession;
        QByteArray parameters;
        QByteArray value;
        QString contentType;
        structure.beginStructure();
        structure >> itemSession >> parameters >> value >> contentType;
        structure.endStructure();
        ++probe.items;
        if (value == secret)
            probe.found = true;
    }
    probe.ok = true;
    return probe;
}

} // namespace svtest
