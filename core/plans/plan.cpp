#include "plans/plan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace sv {

namespace {

const char *const RetentionCounts[] = {"keep_last", "keep_hourly", "keep_daily", "keep_weekly", "keep_monthly",
                                       "keep_yearly"};

QRegularExpression wildcard(const QString &pattern)
{
    return QRegularExpression::fromWildcard(pattern, Qt::CaseSensitive, QRegularExpression::DefaultWildcardConversion);
}
} // namespace

QString PlanSource::describe() const
{
    if (!isSelector())
        return tr("%1 in %2").arg(server, cloud);
    if (allProjects) {
        if (tag.isEmpty() && namePattern.isEmpty())
            return tr("all servers of all projects of %1").arg(cloud);
        if (namePattern.isEmpty())
            return tr("servers tagged %1 in all projects of %2").arg(tag, cloud);
        if (tag.isEmpty())
            return tr("servers named %1 in all projects of %2").arg(namePattern, cloud);
        return tr("servers tagged %1 named %2 in all projects of %3").arg(tag, namePattern, cloud);
    }
    if (tag.isEmpty() && namePattern.isEmpty())
        return tr("all servers of %1").arg(cloud);
    if (namePattern.isEmpty())
        return tr("servers tagged %1 in %2").arg(tag, cloud);
    if (tag.isEmpty())
        return tr("servers named %1 in %2").arg(namePattern, cloud);
    return tr("servers tagged %1 named %2 in %3").arg(tag, namePattern, cloud);
}

QJsonObject PlanSource::toJson() const
{
    QJsonObject json{{QStringLiteral("cloud"), cloud}};
    if (!server.isEmpty())
        json.insert(QStringLiteral("server"), server);
    if (!tag.isEmpty())
        json.insert(QStringLiteral("tag"), tag);
    if (!namePattern.isEmpty())
        json.insert(QStringLiteral("name_pattern"), namePattern);
    if (allProjects)
        json.insert(QStringLiteral("all_projects"), true);
    return json;
}

PlanSource PlanSource::fromJson(const QJsonObject &json)
{
    return {json.value(QLatin1String("cloud")).toString(), json.value(QLatin1String("server")).toString(),
            json.value(QLatin1String("tag")).toString(), json.value(QLatin1String("name_pattern")).toString(),
            json.value(QLatin1String("all_projects")).toBool(false)};
}

QString PlanSource::validationError() const
{
    if (cloud.isEmpty())
        return tr("A plan's servers need a saved cloud.");
    if (!isSelector() && (!tag.isEmpty() || !namePattern.isEmpty()))
        return tr("Server %1 is named explicitly: a tag or a name pattern does not apply to it.").arg(server);
    if (!isSelector() && allProjects)
        return tr("Server %1 is named explicitly: \"all projects\" applies to a selector (a cloud, a tag, a name "
                  "pattern), not to one server.")
            .arg(server);
    if (!namePattern.isEmpty()) {
        const QRegularExpression expression = wildcard(namePattern);
        if (!expression.isValid() || namePattern.count(QLatin1Char('[')) != namePattern.count(QLatin1Char(']')))
            return tr("The name pattern \"%1\" is not a valid wildcard pattern (use * for any text, ? for one "
                      "character, [abc] for one of a, b, c).")
                .arg(namePattern);
    }
    if (tag.contains(QLatin1Char(',')) || tag != tag.trimmed())
        return tr("The tag \"%1\" cannot hold a comma or begin or end with a space (Nova's tags cannot).").arg(tag);
    return {};
}

bool PlanSource::selects(const QString &name, const QStringList &tags) const
{
    if (!isSelector())
        return false;
    if (!tag.isEmpty() && !tags.contains(tag))
        return false;
    return namePattern.isEmpty() || wildcard(namePattern).match(name).hasMatch();
}

QJsonObject PlanRestoreTest::toJson() const
{
    QJsonObject json{{QStringLiteral("enabled"), enabled}, {QStringLiteral("timeout_seconds"), timeoutSeconds}};
    if (!cloud.isEmpty())
        json.insert(QStringLiteral("cloud"), cloud);
    if (!marker.isEmpty())
        json.insert(QStringLiteral("marker"), marker);
    return json;
}

PlanRestoreTest PlanRestoreTest::fromJson(const QJsonObject &json)
{
    PlanRestoreTest test;
    test.enabled = json.value(QLatin1String("enabled")).toBool(false);
    test.cloud = json.value(QLatin1String("cloud")).toString();
    test.marker = json.value(QLatin1String("marker")).toString();
    test.timeoutSeconds = json.value(QLatin1String("timeout_seconds")).toInt(600);
    return test;
}

QString PlanRestoreTest::describe() const
{
    if (!enabled)
        return tr("off");
    const QString where = cloud.isEmpty() ? tr("in the server's own cloud") : tr("in %1").arg(cloud);
    if (marker.isEmpty())
        return tr("restore one new backup per run %1, wait up to %2 s for ACTIVE").arg(where).arg(timeoutSeconds);
    return tr("restore one new backup per run %1, wait up to %2 s for ACTIVE and for \"%3\" in the console")
        .arg(where)
        .arg(timeoutSeconds)
        .arg(marker);
}

QString PlanRestoreTest::validationError(const QStringList &clouds) const
{
    if (timeoutSeconds < MinTimeout || timeoutSeconds > MaxTimeout)
        return tr("A restore test waits %1 to %2 seconds, not %3.").arg(MinTimeout).arg(MaxTimeout).arg(timeoutSeconds);
    if (marker.contains(QLatin1Char('\n')))
        return tr("A restore test's console marker is one line of text.");
    if (enabled && !cloud.isEmpty() && !clouds.contains(cloud))
        return tr("The restore test names the cloud \"%1\", which is not saved (see `stackvault-cli clouds list`).")
            .arg(cloud);
    return {};
}

QJsonObject Plan::toJson() const
{
    QJsonArray servers;
    for (const PlanSource &source : sources)
        servers.append(source.toJson());
    return {{QStringLiteral("name"), name},
            {QStringLiteral("servers"), servers},
            {QStringLiteral("include_data"), includeData},
            {QStringLiteral("volumes"), volumes.toString()},
            {QStringLiteral("bank"), bank},
            {QStringLiteral("schedule"), schedule.toString()},
            {QStringLiteral("retention"), retention},
            {QStringLiteral("parallelism"), parallelism},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("restore_test"), testRestore.toJson()}};
}

Plan Plan::fromJson(const QJsonObject &json)
{
    Plan plan;
    plan.name = json.value(QLatin1String("name")).toString();
    for (const QJsonValue &value : json.value(QLatin1String("servers")).toArray())
        plan.sources.append(PlanSource::fromJson(value.toObject()));
    plan.includeData = json.value(QLatin1String("include_data")).toBool(true);
    plan.volumes = VolumeSelection::parse(json.value(QLatin1String("volumes")).toString(QStringLiteral("all")))
                       .value_or(VolumeSelection::all());
    plan.bank = json.value(QLatin1String("bank")).toString();
    // A schedule this version cannot read stays visible as an error instead of becoming "none".
    QString why;
    const QString scheduleText = json.value(QLatin1String("schedule")).toString();
    plan.schedule = PlanSchedule::parse(scheduleText, &why).value_or(PlanSchedule{PlanSchedule::Kind::Calendar, 0, 0, 1, scheduleText});
    plan.retention = json.value(QLatin1String("retention")).toObject();
    plan.parallelism = json.value(QLatin1String("parallelism")).toInt(2);
    plan.enabled = json.value(QLatin1String("enabled")).toBool(true);
    plan.testRestore = PlanRestoreTest::fromJson(json.value(QLatin1String("restore_test")).toObject());
    return plan;
}

QString Plan::nameError(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    if (!allowed.match(name).hasMatch())
        return tr("The plan name \"%1\" cannot be used: give 1 to 64 letters, digits, '-', '_' or '.', starting "
                  "with a letter or digit (it also names the plan's files and systemd units).")
            .arg(name);
    return {};
}

QString Plan::validationError(const QStringList &clouds) const
{
    if (const QString problem = nameError(name); !problem.isEmpty())
        return problem;
    if (sources.isEmpty())
        return tr("Plan %1 names no servers: give servers, or a cloud to select them from.").arg(name);
    for (const PlanSource &source : sources) {
        if (const QString problem = source.validationError(); !problem.isEmpty())
            return problem;
        if (!clouds.contains(source.cloud))
            return tr("Plan %1 names the cloud \"%2\", which is not saved (see `stackvault-cli clouds list`).")
                .arg(name, source.cloud);
    }
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (sources.indexOf(sources.at(i)) != i)
            return tr("Plan %1 names %2 twice.").arg(name, sources.at(i).describe());
    }
    if (parallelism < 1 || parallelism > MaxParallelism)
        return tr("A plan runs 1 to %1 backups at once, not %2.").arg(MaxParallelism).arg(parallelism);
    if (bank.isEmpty())
        return tr("Plan %1 has no backup storage.").arg(name);
    if (!includeData && volumes.mode != VolumeSelection::Mode::None)
        return tr("Without the servers' data (--no-include-data) no volume can be saved: choose --volumes none "
                  "or include the data.");
    if (const QString problem = testRestore.validationError(clouds); !problem.isEmpty())
        return problem;
    return retentionError(retention);
}

QString Plan::describeSources() const
{
    QStringList explicitServers;
    QStringList parts;
    for (const PlanSource &source : sources) {
        if (source.isSelector())
            parts.append(source.describe());
        else
            explicitServers.append(source.describe());
    }
    if (explicitServers.size() > 2)
        parts.prepend(tr("%1 servers").arg(explicitServers.size()));
    else
        parts = explicitServers + parts;
    return parts.join(QStringLiteral("; "));
}

QString Plan::describeRetention(const QJsonObject &retention)
{
    QStringList parts;
    const char *const labels[] = {"last", "hourly", "daily", "weekly", "monthly", "yearly"};
    for (int i = 0; i < 6; ++i) {
        const int count = retention.value(QLatin1String(RetentionCounts[i])).toInt();
        if (count > 0)
            parts.append(QStringLiteral("%1 %2").arg(count).arg(QLatin1String(labels[i])));
    }
    const QString within = retention.value(QLatin1String("keep_within")).toString();
    if (!within.isEmpty())
        parts.append(tr("all within %1").arg(within));
    return parts.isEmpty() ? tr("keep everything") : tr("keep %1").arg(parts.join(QStringLiteral(", ")));
}

QString Plan::retentionError(const QJsonObject &retention)
{
    for (auto it = retention.constBegin(); it != retention.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"keep_within") {
            static const QRegularExpression duration(QStringLiteral("^(\\d+[ymdh])+$"));
            if (!duration.match(it.value().toString()).hasMatch())
                return tr("keep_within \"%1\" is not a duration such as 2y5m7d3h (years, months, days, hours).")
                    .arg(it.value().toString());
            continue;
        }
        const bool known = std::any_of(std::begin(RetentionCounts), std::end(RetentionCounts),
                                       [&](const char *name) { return key == QLatin1String(name); });
        if (!known)
            return tr("Unknown retention rule \"%1\".").arg(key);
        if (!it.value().isDouble() || it.value().toDouble() < 0 || it.value().toDouble() != it.value().toInt())
            return tr("%1 must be a whole number of 0 or more.").arg(key);
    }
    return {};
}

} // namespace sv
