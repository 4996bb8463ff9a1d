#pragma once

#include "backend/volumetypeentry.h"

#include <QHash>
#include <QList>
#include <QWizardPage>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QRadioButton;

namespace sv::ui {

class RestoreWizard;

// Page 3 when the backup holds volumes: the saved volumes; whether to restore the server with its
// volumes or only the volumes; and, for each saved volume type the target does not have, which of the
// target's types to use (default: the target's default type, with a warning). The target's types are
// asked for asynchronously when the page opens.
class RestoreVolumesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreVolumesPage(RestoreWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    bool restoreServer() const;
    // Saved type → chosen target type, for the types the user mapped; a type left at "the target's
    // default" is not in it (the restore then uses the default type and warns).
    QHash<QString, QString> volumeTypes() const;
    bool typesLoaded() const { return m_typesAnswered; }
    // The saved types the target does not have (after the types are loaded).
    QStringList missingTypes() const { return m_missingTypes; }

private:
    void onTypesReady(const QString &cloudId, const QList<VolumeTypeEntry> &types);
    void onTypesFailed(const QString &cloudId, const QString &message);
    void fillMapping(const QList<VolumeTypeEntry> &types);

    RestoreWizard *m_wizard;
    QListWidget *m_volumes;
    QRadioButton *m_withServer;
    QRadioButton *m_volumesOnly;
    QGroupBox *m_typesBox;
    QFormLayout *m_typesForm;
    QLabel *m_typesStatus;
    QHash<QString, QComboBox *> m_typeCombos; // saved type → its combo
    QStringList m_missingTypes;
    QString m_cloudId;
    bool m_typesAnswered = false;
};

} // namespace sv::ui
