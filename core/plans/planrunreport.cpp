#include "plans/planrunreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sv {

namespace {

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QJsonValue dateJson(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime dateFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}
} // namespace

QString PlanServerResult::resultName(Result result)
{
    switch (result) {
    case Result::Succeeded:
        return QStringLiteral("succeeded");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QJsonObject PlanServerResult::toJson() const
{
    return {{QStringLiteral("result"), resultName(result)},
            {QStringLiteral("cloud"), cloud},
            {QStringLiteral("server_id"), serverId},
            {QStringLiteral("server_name"), serverName},
            {QStringLiteral("bytes"), bytes},
            {QStringLiteral("new_bytes"), newBytes},
            {QStringLiteral("duration_ms"), durationMs},
            {QStringLiteral("checkpoint_id"), checkpointId.isEmpty() ? QJsonValue() : QJsonValue(checkpointId)},
            {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)}};
}

PlanServerResult PlanServerResult::fromJson(const QJsonObject &json)
{
    PlanServerResult result;
    const QString name = json.value(QLatin1String("result")).toString();
    result.result = name == u"succeeded" ? Result::Succeeded : name == u"cancelled" ? Result::Cancelled : Result::Failed;
    result.cloud = json.value(QLatin1String("cloud")).toString();
    result.serverId = json.value(QLatin1String("server_id")).toString();
    result.serverName = json.value(QLatin1String("server_name")).toString();
    result.bytes = qint64(json.value(QLatin1String("bytes")).toDouble());
    result.newBytes = qint64(json.value(QLatin1String("new_bytes")).toDouble());
    result.durationMs = qint64(json.value(QLatin1String("duration_ms")).toDouble());
    result.checkpointId = json.value(QLatin1String("checkpoint_id")).toString();
    result.error = json.value(QLatin1String("error")).toString();
    return result;
}

QString PlanRestoreTestResult::resultName(Result result)
{
    switch (result) {
    case Result::None:
        return {};
    case Result::Passed:
        return QStringLiteral("passed");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QJsonValue PlanRestoreTestResult::toJson() const
{
    if (result == Result::None)
        return QJsonValue();
    const auto text = [](const QString &value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); };
    return QJsonObject{{QStringLiteral("result"), resultName(result)},
                       {QStringLiteral("checkpoint_id"), text(checkpointId)},
                       {QStringLiteral("server_id"), text(serverId)},
                       {QStringLiteral("server_name"), text(serverName)},
                       {QStringLiteral("server_cloud"), text(serverCloud)},
                       {QStringLiteral("cloud"), text(cloud)},
                       {QStringLiteral("duration_ms"), durationMs},
                       {QStringLiteral("recorded"), recorded},
                       {QStringLiteral("message"), text(message)}};
}

PlanRestoreTestResult PlanRestoreTestResult::fromJson(const QJsonValue &value)
{
    PlanRestoreTestResult test;
    if (!value.isObject())
        return test;
    const QJsonObject json = value.toObject();
    const QString name = json.value(QLatin1String("result")).toString();
    test.result = name == u"passed" ? Result::Passed : name == u"skipped" ? Result::Skipped : Result::Failed;
    test.checkpointId = json.value(QLatin1String("checkpoint_id")).toString();
    test.serverId = json.value(QLatin1String("server_id")).toString();
    test.serverName = json.value(QLatin1String("server_name")).toString();
    test.serverCloud = json.value(QLatin1String("server_cloud")).toString();
    test.cloud = json.value(QLatin1String("cloud")).toString();
    test.durationMs = qint64(json.value(QLatin1String("duration_ms")).toDouble());
    test.recorded = json.value(QLatin1String("recorded")).toBool();
    test.message = json.value(QLatin1String("message")).toString();
    return test;
}

QString PlanRunReport::stateName(State state)
{
    switch (state) {
    case State::Running:
        return QStringLiteral("running");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    case State::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

PlanRunReport::State PlanRunReport::stateFromName(const QString &name)
{
    for (State state : {State::Running, State::Succeeded, State::Failed, State::Cancelled, State::Interrupted}) {
        if (stateName(state) == name)
            return state;
    }
    return State::Failed;
}

int PlanRunReport::succeededCount() const
{
    return int(std::count_if(servers.cbegin(), servers.cend(), [](const PlanServerResult &server) {
        return server.result == PlanServerResult::Result::Succeeded;
    }));
}

int PlanRunReport::failedCount() const
{
    return int(servers.size()) - succeededCount();
}

QJsonObject PlanRunReport::toJson() const
{
    QJsonArray serverArray;
    for (const PlanServerResult &server : servers)
        serverArray.append(server.toJson());
    return {{QStringLiteral("plan"), plan},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("state"), stateName(state)},
            {QStringLiteral("started"), dateJson(started)},
            {QStringLiteral("finished"), dateJson(finished)},
            {QStringLiteral("pid"), pid},
            {QStringLiteral("servers"), serverArray},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
            {QStringLiteral("retention"), retention},
            {QStringLiteral("restore_test"), restoreTest.toJson()}};
}

PlanRunReport PlanRunReport::fromJson(const QJsonObject &json)
{
    PlanRunReport report;
    report.plan = json.value(QLatin1String("plan")).toString();
    report.runId = json.value(QLatin1String("run_id")).toString();
    report.state = stateFromName(json.value(QLatin1String("state")).toString());
    report.started = dateFromJson(json.value(QLatin1String("started")));
    report.finished = dateFromJson(json.value(QLatin1String("finished")));
    report.pid = qint64(json.value(QLatin1String("pid")).toDouble());
    for (const QJsonValue &value : json.value(QLatin1String("servers")).toArray())
        report.servers.append(PlanServerResult::fromJson(value.toObject()));
    for (const QJsonValue &value : json.value(QLatin1String("problems")).toArray())
        report.problems.append(value.toString());
    for (const QJsonValue &value : json.value(QLatin1String("notes")).toArray())
        report.notes.append(value.toString());
    report.retention = json.value(QLatin1String("retention")).toString();
    report.restoreTest = PlanRestoreTestResult::fromJson(json.value(QLatin1String("restore_test")));
    return report;
}

PlanHistory::PlanHistory(const QString &runsDirectory, const QString &plan)
    : m_path(QDir(runsDirectory).filePath(plan + QStringLiteral(".json")))
{ }

bool PlanHistory::load(QList<PlanRunReport> *runs, QString *error) const
{
    runs->clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly))
        return setError(error, tr("Cannot read the run history %1: %2").arg(m_path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return setError(error, tr("The run history %1 is damaged (%2 at offset %3); move it away to start a new one.")
                                   .arg(m_path, parseError.errorString())
                                   .arg(parseError.offset));
    for (const QJsonValue &value : document.object().value(QLatin1String("runs")).toArray())
        runs->append(PlanRunReport::fromJson(value.toObject()));
    return true;
}

bool PlanHistory::record(const PlanRunReport &report, QString *error)
{
    QList<PlanRunReport> runs;
    if (!load(&runs, error))
        return false;
    const auto same = std::find_if(runs.begin(), runs.end(),
                                   [&](const PlanRunReport &run) { return run.runId == report.runId; });
    if (same != runs.end())
        *same = report;
    else
        runs.append(report);
    while (runs.size() > MaxRuns)
        runs.removeFirst();
    return save(runs, error);
}

bool PlanHistory::remove(QString *error)
{
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return setError(error, tr("Cannot remove the run history %1.").arg(m_path));
    return true;
}

bool PlanHistory::save(const QList<PlanRunReport> &runs, QString *error)
{
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(directory))
        return setError(error, tr("Cannot create the folder %1 for the run history.").arg(directory));
    QJsonArray array;
    for (const PlanRunReport &run : runs)
        array.append(run.toJson());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return setError(error, tr("Cannot save the run history %1: %2").arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("runs"), array}})
                   .toJson(QJsonDocument::Indented));
    if (!file.commit())
        return setError(error, tr("Cannot save the run history %1: %2").arg(m_path, file.errorString()));
    return true;
}

} // namespace sv
