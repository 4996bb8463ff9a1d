#include "cloudtree/serverstatustext.h"

#include <QCoreApplication>

namespace sv::ui {

QString serverStatusText(const QString &status, const QString &taskState)
{
    QString text;
    if (status == u"ACTIVE")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Active");
    else if (status == u"SHUTOFF")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Shut off");
    else if (status == u"PAUSED")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Paused");
    else if (status == u"SUSPENDED")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Suspended");
    else if (status == u"ERROR")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Error");
    else if (status == u"BUILD")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Building");
    else if (status == u"REBOOT" || status == u"HARD_REBOOT")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Rebooting");
    else if (status == u"SHELVED" || status == u"SHELVED_OFFLOADED")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Shelved");
    else if (status == u"RESCUE")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Rescue mode");
    else if (status == u"RESIZE" || status == u"VERIFY_RESIZE" || status == u"REVERT_RESIZE")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Resizing");
    else if (status == u"MIGRATING")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Migrating");
    else if (status == u"DELETED" || status == u"SOFT_DELETED")
        text = QCoreApplication::translate("sv::ui::ServerStatus", "Deleted");
    else
        text = status;
    if (!taskState.isEmpty())
        return QCoreApplication::translate("sv::ui::ServerStatus", "%1 (%2)").arg(text, taskState);
    return text;
}

} // namespace sv::ui
