#pragma once

#include "plans/plan.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace sv {

// The saved plans: one JSON file (plans.json) beside the saved clouds (ProfileStore's folder), written
// atomically, never holding a secret. Each plan's run history and run lock live in the folder
// plan-runs/ next to it (PlanHistory, PlanLock). Names are unique.
class PlanStore : public QObject
{
    Q_OBJECT
public:
    // `directory` empty: ProfileStore::defaultDirectory(). Tests pass a temporary directory.
    explicit PlanStore(const QString &directory = QString(), QObject *parent = nullptr);

    QString directory() const { return m_directory; }
    QString filePath() const;
    QString runsDirectory() const; // plan-runs/: histories and locks

    // Reads the file; a missing file is an empty store. On failure the store keeps what it had.
    bool load(QString *error = nullptr);
    QList<Plan> plans() const { return m_plans; }
    std::optional<Plan> find(const QString &name) const;

    // `clouds`: the saved clouds' names, for the validation. Fail with one sentence.
    bool add(const Plan &plan, const QStringList &clouds, QString *error = nullptr);
    // Replaces the plan named `name` (which may be renamed to a free name).
    bool update(const QString &name, const Plan &plan, const QStringList &clouds, QString *error = nullptr);
    bool remove(const QString &name, QString *error = nullptr);

Q_SIGNALS:
    void plansChanged();

private:
    qsizetype indexOf(const QString &name) const;
    bool save(const QList<Plan> &plans, QString *error);

    QString m_directory;
    QList<Plan> m_plans;
};

} // namespace sv
