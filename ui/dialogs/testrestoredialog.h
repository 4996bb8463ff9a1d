#pragma once

#include "backend/checkpointentry.h"
#include "backend/testrestorerequest.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sv::ui {

class Backend;

// "Test Restore…" in the Backups view: which cloud to test in, an optional console marker (e.g. "login:")
// and how long to wait for it. Start asks the backend for the cloud's session (asynchronously: the
// keychain answers later) and then emits testRequested() and closes; a cloud that cannot be signed in
// to is said here and the dialog stays open. Opened with open(): nothing blocks the GUI thread.
class TestRestoreDialog : public QDialog
{
    Q_OBJECT
public:
    TestRestoreDialog(Backend *backend, const CheckpointEntry &checkpoint, QWidget *parent = nullptr);

    TestRestoreRequest request() const;
    QString statusText() const;

    void accept() override;

Q_SIGNALS:
    void testRequested(const sv::ui::TestRestoreRequest &request);

private:
    void onSessionReady(const QString &cloudId, const QString &error);
    void setBusy(bool busy);

    Backend *m_backend;
    CheckpointEntry m_checkpoint;
    QComboBox *m_cloud;
    QLineEdit *m_marker;
    QSpinBox *m_timeout;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QString m_waitingFor; // the cloud whose session was asked for ("" when not waiting)
};

} // namespace sv::ui
