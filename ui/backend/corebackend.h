#pragma once

#include "backend/backend.h"

namespace sv::ui {

// The Backend over the real core: profiles, OpenStack sessions, the bank and the protection engine.
// Each piece is wired as it lands in core/; until then the request is answered with a plain message.
class CoreBackend : public Backend
{
    Q_OBJECT
public:
    explicit CoreBackend(QObject *parent = nullptr);
    ~CoreBackend() override;

    QList<CloudEntry> clouds() const override;
    void requestServers(const QString &cloudId) override;
    void requestCheckpoints() override;
    void requestTargetOptions(const QString &cloudId, const QString &region) override;

    Job *createBackupJob(const QString &cloudId, const ServerEntry &server, bool includeData,
                         QString *error) override;
    Job *createRestoreJob(const RestoreRequest &request, QString *error) override;
    Job *createVerifyJob(const CheckpointEntry &checkpoint, QString *error) override;
    Job *createDeleteJob(const CheckpointEntry &checkpoint, QString *error) override;
};

} // namespace sv::ui
