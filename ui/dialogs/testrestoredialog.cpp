#include "dialogs/testrestoredialog.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "common/icons.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sv::ui {

TestRestoreDialog::TestRestoreDialog(Backend *backend, const CheckpointEntry &checkpoint, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_checkpoint(checkpoint)
{
    setObjectName(QStringLiteral("testRestoreDialog"));
    const QString server = checkpoint.serverName.isEmpty() ? checkpoint.serverId : checkpoint.serverName;
    setWindowTitle(tr("Test Restore of “%1”").arg(server));
    setWindowIcon(icon(QStringLiteral("verify")));

    auto *intro = new QLabel(
        tr("Proves that the backup of %1 from %2 boots: StackVault restores it under a scratch name "
           "(stackvault-restore-test-…) in the chosen cloud, with the flavor, networks and key pair saved in the "
           "backup, waits until the server is ACTIVE and, with a marker, until its console log shows the marker. "
           "Then it deletes everything the test made, whatever the outcome, and records the result in the backup.")
            .arg(server, formatDateTime(checkpoint.created)),
        this);
    intro->setObjectName(QStringLiteral("testRestoreIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_cloud = new QComboBox(this);
    m_cloud->setObjectName(QStringLiteral("testRestoreCloudCombo"));
    const auto clouds = backend->clouds();
    for (const CloudEntry &cloud : clouds)
        m_cloud->addItem(cloud.name, cloud.id);
    const int own = m_cloud->findData(checkpoint.cloudId);
    m_cloud->setCurrentIndex(own >= 0 ? own : (m_cloud->count() > 0 ? 0 : -1));

    m_marker = new QLineEdit(this);
    m_marker->setObjectName(QStringLiteral("testRestoreMarkerEdit"));
    m_marker->setPlaceholderText(tr("optional, e.g. login:"));
    m_marker->setToolTip(tr("Text the server's console log must show (read with the compute API's console "
                            "output). Empty: the server becoming ACTIVE is enough."));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("testRestoreTimeoutSpin"));
    m_timeout->setRange(1, 24 * 3600);
    m_timeout->setValue(600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for the marker once the server is ACTIVE."));
    m_timeout->setEnabled(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("testRestoreStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *start = m_buttons->button(QDialogButtonBox::Ok);
    start->setText(tr("&Start Test"));
    start->setObjectName(QStringLiteral("startTestRestoreButton"));
    start->setEnabled(m_cloud->count() > 0);
    if (m_cloud->count() == 0)
        m_status->setText(tr("No cloud is saved: add one under Manage Clouds first."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Cloud:"), m_cloud);
    form->addRow(tr("Console &marker:"), m_marker);
    form->addRow(tr("&Wait for the marker:"), m_timeout);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_marker, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_timeout->setEnabled(!text.isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TestRestoreDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(backend, &Backend::cloudSessionReady, this, &TestRestoreDialog::onSessionReady);
    resize(520, sizeHint().height());
}

TestRestoreRequest TestRestoreDialog::request() const
{
    TestRestoreRequest request;
    request.checkpointId = m_checkpoint.id;
    request.targetCloudId = m_cloud->currentData().toString();
    request.marker = m_marker->text();
    request.markerTimeoutSeconds = m_timeout->value();
    return request;
}

QString TestRestoreDialog::statusText() const
{
    return m_status->text();
}

void TestRestoreDialog::accept()
{
    // The job needs the cloud's session: asked for first (the keychain answers asynchronously).
    if (!m_waitingFor.isEmpty() || m_cloud->currentIndex() < 0)
        return;
    m_waitingFor = m_cloud->currentData().toString();
    setBusy(true);
    m_status->setText(tr("Signing in to %1…").arg(m_cloud->currentText()));
    m_backend->requestCloudSession(m_waitingFor);
}

void TestRestoreDialog::onSessionReady(const QString &cloudId, const QString &error)
{
    if (m_waitingFor.isEmpty() || cloudId != m_waitingFor)
        return;
    m_waitingFor.clear();
    setBusy(false);
    if (!error.isEmpty()) {
        m_status->setText(tr("StackVault cannot sign in to %1: %2").arg(m_cloud->currentText(), error));
        return;
    }
    m_status->clear();
    Q_EMIT testRequested(request());
    QDialog::accept();
}

void TestRestoreDialog::setBusy(bool busy)
{
    m_cloud->setEnabled(!busy);
    m_marker->setEnabled(!busy);
    m_timeout->setEnabled(!busy && !m_marker->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace sv::ui
