#include "dialogs/helpdialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sv::ui {

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("StackVault Help"));
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setHtml(helpHtml());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(640, 560);
}

QString HelpDialog::helpHtml()
{
    // One translatable string per paragraph keeps each translation unit small and reviewable.
    QString html;
    const auto heading = [&html](const QString &text) { html += QStringLiteral("<h2>") + text + QStringLiteral("</h2>"); };
    const auto paragraph = [&html](const QString &text) { html += QStringLiteral("<p>") + text + QStringLiteral("</p>"); };
    heading(tr("Backing up a server"));
    paragraph(tr("Add your cloud under <b>Cloud › Manage Clouds…</b> (or import a clouds.yaml file). Its servers "
                 "appear in the tree on the left. Select a server, choose whether to include its data, and click "
                 "<b>Back Up</b>. The job appears at the bottom of the window with its progress; you can cancel it "
                 "at any time."));
    paragraph(tr("Quitting while jobs run asks first: <b>Keep Running</b>, or <b>Cancel Jobs and Quit</b>. Then "
                 "StackVault cancels the jobs and waits until each has removed what it made in the cloud (the status "
                 "bar says “Cleaning up…”; at most a minute), and quits."));
    heading(tr("Include server data"));
    paragraph(tr("A server started from an image keeps writing to its disk after it boots. With <b>Include server "
                 "data</b> turned on, StackVault first takes a snapshot of the server, waits until the snapshot "
                 "image is ready, and backs up that new image instead of the original one, so the backup contains "
                 "everything written since boot. The temporary snapshot is deleted afterwards, also when the backup "
                 "fails or is cancelled."));
    paragraph(tr("If StackVault is stopped in the middle of a backup (a crash, a power cut), the snapshot is removed "
                 "by itself the next time StackVault starts; the Jobs list says what was removed."));
    paragraph(tr("With the option turned off, only the original image the server was started from is saved: data "
                 "written after boot is <b>not</b> included. This is faster and needs no snapshot, and is enough "
                 "for servers that keep no data of their own."));
    paragraph(tr("The option is on by default. Change its default under <b>Settings › Preferences…</b>, or per "
                 "backup with the checkbox next to the Back Up button. The setting is stored as "
                 "<code>enable_server_snapshot</code> in the <code>[protection]</code> section of StackVault's "
                 "settings file (Karbor's section <code>[image_backup_plugin]</code> is read too when "
                 "<code>[protection]</code> does not set it); it takes true/false, yes/no, on/off or 1/0. The command "
                 "line's <code>--include-data</code> and <code>--no-include-data</code> override it for one backup."));
    heading(tr("Volumes"));
    paragraph(tr("A server's attached volumes are listed under it in the tree, with their size and device, and in the "
                 "details pane with a checkbox each: the pane lists exactly what a backup will contain. With "
                 "<b>Include server data</b> on, StackVault snapshots the checked volumes right after the root disk, "
                 "reads each snapshot through a temporary volume and image, and saves its bytes with the server; the "
                 "temporary snapshots, volumes and images are deleted afterwards, also when the backup fails or is "
                 "cancelled, and after a crash the next time StackVault starts."));
    paragraph(tr("Which volumes are checked at first is the setting <code>back_up_volumes</code> in the "
                 "<code>[protection]</code> section: <code>all</code> (the default), <code>none</code>, or names and "
                 "ids separated by commas. The command line's <code>--volumes</code> overrides it for one backup."));
    paragraph(tr("With the option turned off, no volume is saved (a volume has no original image to fall back on): "
                 "the checkboxes are disabled and the pane says so. A server that boots from a volume is backed up "
                 "from snapshots of its volumes, its boot volume always included; without its data it cannot be "
                 "backed up at all, and the pane says why."));
    heading(tr("Consistency"));
    paragraph(tr("Each backup says what is known about its disk: <b>original image</b> (no snapshot was taken), "
                 "<b>crash-consistent</b> (a snapshot of a server whose image has no QEMU guest agent: the disk is "
                 "as after a power cut) or <b>quiesce requested</b> (the image has the guest agent, so Nova tried to "
                 "freeze the guest's file systems for the snapshot). OpenStack does not report whether the freeze "
                 "happened: Nova goes on without it if it fails, unless the image has "
                 "<code>os_require_quiesce=yes</code>, which is then noted."));
    heading(tr("Restoring a backup"));
    paragraph(tr("Open the <b>Backups</b> tab, select a backup and click <b>Restore…</b>. The wizard asks for the "
                 "target cloud and for the new server's name, flavor, networks, key pair, security groups and "
                 "availability zone; it suggests the values saved with the backup. A saved cloud belongs to one "
                 "project and region: to restore into another, save a cloud for it under Manage Clouds."));
    paragraph(tr("When the backup holds volumes, the wizard lists them and asks whether to restore the server with "
                 "its volumes or only the volumes. A saved volume type that the target cloud does not have gets the "
                 "target's default type, with a warning, unless you choose another of the target's types."));
    heading(tr("Backup storage"));
    paragraph(tr("Backups are stored in a folder on this computer, in a Swift container of a saved cloud, or in an "
                 "S3 bucket (see Preferences). Data shared between backups "
                 "is stored only once, so a second backup of an unchanged server takes almost no space. "
                 "<b>Verify</b> reads a backup back and checks every piece of it."));
    heading(tr("Encryption"));
    paragraph(tr("A new backup storage is encrypted: the data of every disk and the description of every backup "
                 "are sealed with AES-256-GCM under a random key kept in the storage, locked by your passphrase. "
                 "StackVault asks for the passphrase once (twice for a new storage) and keeps it in the keychain. "
                 "It cannot be recovered: without it, no backup in that storage can be read. Storage made by an "
                 "earlier version stays unencrypted and the <b>Backups</b> tab says so. Add or change passphrases "
                 "with <code>stackvault-cli key</code>."));
    return html;
}

} // namespace sv::ui
