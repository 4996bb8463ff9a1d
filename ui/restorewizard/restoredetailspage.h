#pragma once

#include "backend/rebuildchoices.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace sv::ui {

struct CheckpointEntry;
class RestoreWizard;

// Page 4b (after the server page, for backups that saved the server's details): the NICs — one row
// per port on the networks chosen on the server page, with the saved fixed IP (blank: any address) and
// the port's security groups —, metadata (KEY=VALUE lines), tags, description, server group, config
// drive and user data, each editable. Key pair and zone stay on the server page.
class RestoreDetailsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreDetailsPage(RestoreWizard *wizard);

    // Whether the backup saved the details this page edits (backups before 2026-12-06 did not).
    static bool applies(const CheckpointEntry *checkpoint);

    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;

    RebuildChoices choices() const;
    // The NICs as the table shows them, one line each, for the summary: "private, fixed IP 10.0.0.5,
    // security groups web, default".
    QStringList nicLines() const;

private:
    void addNic(const QString &networkId, const QString &networkName, const QString &ip, const QString &groups);

    RestoreWizard *m_wizard;
    QTableWidget *m_nics;
    QLineEdit *m_tags;
    QPlainTextEdit *m_metadata;
    QLineEdit *m_description;
    QLineEdit *m_serverGroup;
    QCheckBox *m_configDrive;
    QCheckBox *m_userData;
    QLabel *m_error;
};

} // namespace sv::ui
