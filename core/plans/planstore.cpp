#include "plans/planstore.h"

#include "plans/planslog.h"
#include "profiles/profilestore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sv {

namespace {
constexpr int FormatVersion = 1;

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

PlanStore::PlanStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? ProfileStore::defaultDirectory() : directory)
{ }

QString PlanStore::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("plans.json"));
}

QString PlanStore::runsDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("plan-runs"));
}

bool PlanStore::load(QString *error)
{
    QFile file(filePath());
    if (!file.exists()) {
        m_plans.clear();
        Q_EMIT plansChanged();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly))
        return setError(error, tr("Cannot read the saved plans from %1: %2").arg(filePath(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return setError(error, tr("The saved plans file %1 is damaged (%2 at offset %3).")
                                   .arg(filePath(), parseError.errorString())
                                   .arg(parseError.offset));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("version")).toInt() > FormatVersion)
        return setError(error, tr("The saved plans file %1 was written by a newer StackVault.").arg(filePath()));
    QList<Plan> loaded;
    for (const QJsonValue &value : root.value(QLatin1String("plans")).toArray()) {
        const Plan plan = Plan::fromJson(value.toObject());
        const bool duplicate = std::any_of(loaded.cbegin(), loaded.cend(),
                                           [&](const Plan &other) { return other.name == plan.name; });
        if (!Plan::nameError(plan.name).isEmpty() || duplicate) {
            qCWarning(lcPlans) << "skipping a plan with a bad or repeated name:" << plan.name;
            continue;
        }
        loaded.append(plan);
    }
    m_plans = loaded;
    Q_EMIT plansChanged();
    return true;
}

std::optional<Plan> PlanStore::find(const QString &name) const
{
    const qsizetype index = indexOf(name);
    return index < 0 ? std::nullopt : std::optional<Plan>(m_plans.at(index));
}

bool PlanStore::add(const Plan &plan, const QStringList &clouds, QString *error)
{
    if (const QString invalid = plan.validationError(clouds); !invalid.isEmpty())
        return setError(error, invalid);
    if (indexOf(plan.name) >= 0)
        return setError(error, tr("A plan named \"%1\" already exists.").arg(plan.name));
    QList<Plan> changed = m_plans;
    changed.append(plan);
    if (!save(changed, error))
        return false;
    m_plans = changed;
    Q_EMIT plansChanged();
    return true;
}

bool PlanStore::update(const QString &name, const Plan &plan, const QStringList &clouds, QString *error)
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return setError(error, tr("No plan is named \"%1\".").arg(name));
    if (const QString invalid = plan.validationError(clouds); !invalid.isEmpty())
        return setError(error, invalid);
    const qsizetype sameName = indexOf(plan.name);
    if (sameName >= 0 && sameName != index)
        return setError(error, tr("A plan named \"%1\" already exists.").arg(plan.name));
    QList<Plan> changed = m_plans;
    changed[index] = plan;
    if (!save(changed, error))
        return false;
    m_plans = changed;
    Q_EMIT plansChanged();
    return true;
}

bool PlanStore::remove(const QString &name, QString *error)
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return setError(error, tr("No plan is named \"%1\".").arg(name));
    QList<Plan> changed = m_plans;
    changed.removeAt(index);
    if (!save(changed, error))
        return false;
    m_plans = changed;
    Q_EMIT plansChanged();
    return true;
}

qsizetype PlanStore::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_plans.size(); ++i) {
        if (m_plans.at(i).name == name)
            return i;
    }
    return -1;
}

bool PlanStore::save(const QList<Plan> &plans, QString *error)
{
    if (!QDir().mkpath(m_directory))
        return setError(error, tr("Cannot create the folder %1 for the saved plans.").arg(m_directory));
    QJsonArray array;
    for (const Plan &plan : plans)
        array.append(plan.toJson());
    const QJsonObject root{{QStringLiteral("version"), FormatVersion}, {QStringLiteral("plans"), array}};
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return setError(error, tr("Cannot save the plans to %1: %2").arg(filePath(), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return setError(error, tr("Cannot save the plans to %1: %2").arg(filePath(), file.errorString()));
    return true;
}

} // namespace sv
