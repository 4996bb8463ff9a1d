// `stackvault-cli plans add|edit|list|show|remove|run|history|schedule`: saved backup plans (many servers of
// one or more clouds, chosen explicitly or by a selector evaluated at each run), their runs and their
// unattended schedules (systemd user timers, or a crontab line).
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "plans/planlock.h"
#include "plans/plannotifier.h"
#include "plans/planreportsender.h"
#include "plans/planrun.h"
#include "plans/planrunreport.h"
#include "plans/planscheduler.h"
#include "plans/planstore.h"
#include "plans/planunits.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "protection/bankservice.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

namespace cli {
namespace {

using sv::Plan;
using sv::PlanRunReport;
using sv::PlanSchedule;
using sv::PlanServerResult;
using sv::PlanSource;

const QStringList SubCommands{QStringLiteral("add"),    QStringLiteral("edit"),    QStringLiteral("list"),
                              QStringLiteral("show"),   QStringLiteral("remove"),  QStringLiteral("run"),
                              QStringLiteral("history"), QStringLiteral("schedule")};

const char *const KeepOptions[] = {"keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly",
                                   "keep-yearly"};

void usage(const QString &message)
{
    err() << "stackvault-cli plans: " << message << "\n";
    CliCommand::finish(ExitUsage);
}

// The saved plans and clouds, or null after printing why not (the process then ends with a failure).
// With `why`, a failure is only said there (the caller ends the command).
sv::PlanStore *planStore(QString *why = nullptr)
{
    static sv::PlanStore *store = nullptr;
    if (!store) {
        auto *loaded = new sv::PlanStore({}, QCoreApplication::instance());
        QString error;
        if (!loaded->load(&error)) {
            delete loaded;
            if (why) {
                *why = error;
                return nullptr;
            }
            err() << error << Qt::endl;
            CliCommand::finish(ExitFailure);
            return nullptr;
        }
        store = loaded;
    }
    return store;
}

// The saved plan called `name`, or nothing after saying so (exit code 1).
std::optional<Plan> existingPlan(sv::PlanStore &store, const QString &name)
{
    std::optional<Plan> plan = store.find(name);
    if (!plan) {
        err() << "No plan is named \"" << name << "\" (see `stackvault-cli plans list`)." << Qt::endl;
        CliCommand::finish(ExitFailure);
    }
    return plan;
}

// Adds the command's one argument (the plan's name), parses `arguments` and finds the plan with the store
// that holds it; nothing after saying why (--help, a usage error such as no name or several, an unreadable
// plans file, an unknown plan).
std::optional<Plan> parsePlanCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                     sv::PlanStore **store)
{
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The plan."));
    if (!parseArguments(parser, command, arguments))
        return std::nullopt;
    if (parser.positionalArguments().size() != 1) {
        usage(QStringLiteral("give the plan's name"));
        return std::nullopt;
    }
    *store = planStore();
    if (!*store)
        return std::nullopt;
    return existingPlan(**store, parser.positionalArguments().constFirst());
}

QStringList cloudNames()
{
    QStringList names;
    sv::ProfileStore store;
    if (store.load()) {
        for (const sv::CloudProfile &profile : store.profiles())
            names.append(profile.name);
    }
    return names;
}

QString localTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

// The next scheduled run: systemd's own answer when systemd-analyze is there, else StackVault's for the
// hourly/daily/weekly kinds; invalid (with `why`) otherwise.
QDateTime nextRun(const Plan &plan, QString *why)
{
    if (plan.schedule.isNone()) {
        *why = QStringLiteral("no schedule");
        return {};
    }
    bool missingTool = false;
    const QDateTime fromSystemd = PlanSchedule::nextRunFromSystemd(plan.schedule.onCalendar(), why, &missingTool);
    if (fromSystemd.isValid() || !missingTool)
        return fromSystemd;
    const QDateTime own = plan.schedule.nextRun(QDateTime::currentDateTime());
    if (!own.isValid())
        *why = QStringLiteral("unknown (systemd-analyze is not installed)");
    return own;
}

std::optional<PlanRunReport> lastRun(const sv::PlanStore &store, const QString &plan)
{
    QList<PlanRunReport> runs;
    if (!sv::PlanHistory(store.runsDirectory(), plan).load(&runs, nullptr) || runs.isEmpty())
        return std::nullopt;
    return runs.constLast();
}

QString lastRunText(const std::optional<PlanRunReport> &run)
{
    if (!run)
        return QStringLiteral("never run");
    return QStringLiteral("%1 %2 (%3/%4 servers)")
        .arg(PlanRunReport::stateName(run->state), localTime(run->started))
        .arg(run->succeededCount())
        .arg(run->servers.size());
}

// ---- add / edit ---------------------------------------------------------------------------------------

void addPlanOptions(QCommandLineParser &parser, bool editing)
{
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The plan's name."));
    parser.addOption({QStringLiteral("cloud"),
                      QStringLiteral("Back up servers of this saved cloud (all it sees, or those --tag and --name "
                                     "select); repeat for several clouds. Evaluated at every run, so new servers "
                                     "are picked up."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("With --cloud: only servers with this tag."),
                      QStringLiteral("tag")});
    parser.addOption({QStringLiteral("name-pattern"),
                      QStringLiteral("With --cloud: only servers whose whole name matches this wildcard pattern "
                                     "(* any text, ? one character, [abc] one of them), e.g. 'web-*'."),
                      QStringLiteral("pattern")});
    parser.addOption({QStringLiteral("all-projects"),
                      QStringLiteral("With --cloud: the servers of every project the cloud's admin credentials see "
                                     "(Nova's all_tenants listing), not only its own project's; --tag and "
                                     "--name-pattern still narrow them. Needs the cloud's admin role.")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("Back up this one server: CLOUD/SERVER, the server by id or exact name; repeat "
                                     "for several."),
                      QStringLiteral("cloud/server")});
    parser.addOption({QStringLiteral("include-data"), QStringLiteral("Snapshot each server first (the default).")});
    parser.addOption({QStringLiteral("no-include-data"),
                      QStringLiteral("Back up the servers' original images only (and no volume).")});
    parser.addOption({QStringLiteral("volumes"),
                      QStringLiteral("Attached volumes to save with the data: all (the default), none, or names or "
                                     "ids separated by commas."),
                      QStringLiteral("which")});
    parser.addOption({QStringLiteral("bank"),
                      QStringLiteral("Backup storage of the plan: a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET "
                                     "(default: the one in the settings, %1).")
                          .arg(sv::AppSettings::instance()->bankLocation()),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("schedule"),
                      QStringLiteral("When it runs unattended: none, hourly [:MM], daily [HH:MM], weekly [DAY HH:MM] "
                                     "or calendar EXPRESSION (systemd OnCalendar); local time. Default: none."),
                      QStringLiteral("when")});
    parser.addOption({QStringLiteral("parallel"),
                      QStringLiteral("Backups at once, 1 to %1 (default 2).").arg(Plan::MaxParallelism),
                      QStringLiteral("n")});
    for (const char *option : KeepOptions)
        parser.addOption({QLatin1String(option),
                          QStringLiteral("Retention: %1 (restic's meaning).").arg(QLatin1String(option).mid(5)),
                          QStringLiteral("n")});
    parser.addOption({QStringLiteral("keep-within"),
                      QStringLiteral("Retention: keep every backup within this duration of the newest, e.g. 2y5m7d3h."),
                      QStringLiteral("duration")});
    parser.addOption({QStringLiteral("test-restore"),
                      QStringLiteral("After each run's backups and retention, restore one backup the run made under a "
                                     "scratch name, wait until it boots, remove it, and record the result (a failed "
                                     "test fails the run).")});
    parser.addOption({QStringLiteral("test-cloud"),
                      QStringLiteral("With --test-restore: the saved cloud to test in (default: the server's own)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("test-marker"),
                      QStringLiteral("With --test-restore: text the test server's console log must show, e.g. "
                                     "\"login:\" (default: ACTIVE is enough; \"\" clears it)."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("test-timeout"),
                      QStringLiteral("With --test-restore: seconds each wait of the test (ACTIVE, then the marker) may "
                                     "take, %1 to %2 (default 600).")
                          .arg(sv::PlanRestoreTest::MinTimeout)
                          .arg(sv::PlanRestoreTest::MaxTimeout),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("disable"), QStringLiteral("Scheduled runs of the plan do nothing.")});
    if (editing) {
        parser.addOption({QStringLiteral("no-test-restore"), QStringLiteral("Stop testing restores after runs.")});
        parser.addOption({QStringLiteral("enable"), QStringLiteral("Scheduled runs of the plan run again.")});
        parser.addOption({QStringLiteral("keep-all"), QStringLiteral("Drop the retention policy: keep every backup.")});
        parser.addOption({QStringLiteral("rename"), QStringLiteral("Give the plan a new name."), QStringLiteral("name")});
    }
}

// Applies the options to `plan`; false after printing a usage error.
bool applyPlanOptions(const QCommandLineParser &parser, Plan &plan, bool editing)
{
    const auto isSet = [&](const char *name) { return parser.isSet(QLatin1String(name)); };
    if (isSet("tag") || isSet("name-pattern") || isSet("all-projects")) {
        if (!isSet("cloud")) {
            usage(QStringLiteral("--tag, --name-pattern and --all-projects select servers of the clouds given with "
                                 "--cloud"));
            return false;
        }
    }
    if (isSet("cloud") || isSet("server")) {
        plan.sources.clear();
        for (const QString &cloud : parser.values(QStringLiteral("cloud")))
            plan.sources.append({cloud, {}, parser.value(QStringLiteral("tag")), parser.value(QStringLiteral("name-pattern")),
                                 isSet("all-projects")});
        for (const QString &server : parser.values(QStringLiteral("server"))) {
            const qsizetype slash = server.indexOf(QLatin1Char('/'));
            if (slash <= 0 || slash == server.size() - 1) {
                usage(QStringLiteral("--server wants CLOUD/SERVER, got \"%1\"").arg(server));
                return false;
            }
            plan.sources.append({server.left(slash), server.mid(slash + 1), {}, {}, false});
        }
    }
    if (isSet("include-data") && isSet("no-include-data")) {
        usage(QStringLiteral("--include-data and --no-include-data exclude each other"));
        return false;
    }
    if (isSet("include-data"))
        plan.includeData = true;
    if (isSet("no-include-data")) {
        plan.includeData = false;
        if (!isSet("volumes"))
            plan.volumes = sv::VolumeSelection::none();
    }
    if (isSet("volumes")) {
        QString why;
        const auto volumes = sv::VolumeSelection::parse(parser.value(QStringLiteral("volumes")), &why);
        if (!volumes) {
            usage(QStringLiteral("--volumes: ") + why);
            return false;
        }
        plan.volumes = *volumes;
    }
    if (isSet("bank")) {
        plan.bank = parser.value(QStringLiteral("bank"));
        if (const QString problem = sv::BankService::locationError(plan.bank); !problem.isEmpty()) {
            usage(problem);
            return false;
        }
    } else if (!editing) {
        plan.bank = sv::AppSettings::instance()->bankLocation();
    }
    if (isSet("schedule")) {
        QString why;
        const auto schedule = PlanSchedule::parse(parser.value(QStringLiteral("schedule")), &why);
        if (!schedule) {
            usage(QStringLiteral("--schedule: ") + why);
            return false;
        }
        if (schedule->kind == PlanSchedule::Kind::Calendar) {
            // systemd is the judge of its own syntax; without systemd-analyze the expression is kept as given.
            bool missingTool = false;
            if (!PlanSchedule::nextRunFromSystemd(schedule->calendar, &why, &missingTool).isValid() && !missingTool) {
                usage(QStringLiteral("--schedule: ") + why);
                return false;
            }
        }
        plan.schedule = *schedule;
    }
    if (isSet("parallel")) {
        bool ok = false;
        plan.parallelism = parser.value(QStringLiteral("parallel")).toInt(&ok);
        if (!ok) {
            usage(QStringLiteral("--parallel wants a number, got \"%1\"").arg(parser.value(QStringLiteral("parallel"))));
            return false;
        }
    }
    if (editing && isSet("keep-all"))
        plan.retention = {};
    for (const char *option : KeepOptions) {
        if (!parser.isSet(QLatin1String(option)))
            continue;
        bool ok = false;
        const int count = parser.value(QLatin1String(option)).toInt(&ok);
        if (!ok || count < 0) {
            usage(QStringLiteral("--%1 wants a whole number of 0 or more, got \"%2\"")
                      .arg(QLatin1String(option), parser.value(QLatin1String(option))));
            return false;
        }
        const QString key = QString::fromLatin1(option).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (count == 0)
            plan.retention.remove(key);
        else
            plan.retention.insert(key, count);
    }
    if (isSet("keep-within"))
        plan.retention.insert(QStringLiteral("keep_within"), parser.value(QStringLiteral("keep-within")));
    if (isSet("disable"))
        plan.enabled = false;
    if (editing && isSet("enable")) {
        if (isSet("disable")) {
            usage(QStringLiteral("--enable and --disable exclude each other"));
            return false;
        }
        plan.enabled = true;
    }
    if (editing && isSet("rename"))
        plan.name = parser.value(QStringLiteral("rename"));
    if (editing && isSet("test-restore") && isSet("no-test-restore")) {
        usage(QStringLiteral("--test-restore and --no-test-restore exclude each other"));
        return false;
    }
    if (!editing && !isSet("test-restore") && (isSet("test-cloud") || isSet("test-marker") || isSet("test-timeout"))) {
        usage(QStringLiteral("--test-cloud, --test-marker and --test-timeout describe the restore test: add --test-restore"));
        return false;
    }
    if (isSet("test-restore"))
        plan.testRestore.enabled = true;
    if (editing && isSet("no-test-restore"))
        plan.testRestore.enabled = false;
    if (isSet("test-cloud"))
        plan.testRestore.cloud = parser.value(QStringLiteral("test-cloud"));
    if (isSet("test-marker"))
        plan.testRestore.marker = parser.value(QStringLiteral("test-marker"));
    if (isSet("test-timeout")) {
        bool ok = false;
        plan.testRestore.timeoutSeconds = parser.value(QStringLiteral("test-timeout")).toInt(&ok);
        if (!ok) {
            usage(QStringLiteral("--test-timeout wants a number of seconds, got \"%1\"").arg(parser.value(QStringLiteral("test-timeout"))));
            return false;
        }
    }
    return true;
}

// Where the units go and what they run (this stackvault-cli).
sv::PlanScheduler scheduler()
{
    return sv::PlanScheduler(sv::PlanScheduler::defaultTools(QCoreApplication::applicationFilePath()));
}

// After `plans edit`: an installed schedule follows the plan (its units rewritten when they no longer say
// what the plan and this stackvault-cli would write; removed when the plan has no schedule any more), so a
// changed time is not left waiting for `schedule install`. Says what it did on stderr (stdout may be JSON).
// False when the units could not be brought up to date.
bool followInstalledSchedule(const Plan &plan)
{
    const sv::PlanScheduler::Followed followed = scheduler().follow(plan);
    if (!followed.done)
        return true;
    if (!followed.installing) {
        const sv::PlanScheduler::Outcome &removed = followed.outcome;
        err() << (removed.ok ? QStringLiteral("The plan has no schedule any more: removed its installed units (%1, %2).")
                                   .arg(removed.timerPath, removed.servicePath)
                             : removed.message)
              << Qt::endl;
        return removed.ok;
    }
    const sv::PlanScheduler::Outcome &installed = followed.outcome;
    for (const QString &warning : installed.warnings)
        err() << warning << Qt::endl;
    if (installed.ok)
        err() << "Updated its installed schedule: " << installed.message << Qt::endl;
    else if (installed.unitsWritten && !installed.systemdRuns)
        err() << "Rewrote its schedule's units for the change. " << installed.message << Qt::endl;
    else
        err() << "Its installed schedule still has the old units: " << installed.message << Qt::endl;
    return installed.unitsWritten;
}

void printPlan(const sv::PlanStore &store, const Plan &plan, bool json)
{
    QString why;
    const QDateTime next = nextRun(plan, &why);
    const std::optional<PlanRunReport> last = lastRun(store, plan.name);
    if (json) {
        QJsonObject object = plan.toJson();
        object.insert(QStringLiteral("next_run"), next.isValid() ? QJsonValue(next.toUTC().toString(Qt::ISODate)) : QJsonValue());
        object.insert(QStringLiteral("last_run"), last ? QJsonValue(last->toJson()) : QJsonValue());
        object.insert(QStringLiteral("schedule_installed"), scheduler().isInstalled(plan.name));
        printJson(object);
        return;
    }
    out() << "Plan         " << plan.name << (plan.enabled ? "" : " (disabled)") << '\n';
    out() << "Servers      ";
    for (qsizetype i = 0; i < plan.sources.size(); ++i)
        out() << (i ? "             " : "") << plan.sources.at(i).describe() << '\n';
    out() << "Data         "
          << (plan.includeData ? QStringLiteral("snapshot first; volumes: %1").arg(plan.volumes.toString())
                               : QStringLiteral("original images only, no volume"))
          << '\n';
    out() << "Storage      " << plan.bank << '\n';
    out() << "Schedule     " << plan.schedule.toString() << '\n';
    out() << "Next run     " << (next.isValid() ? localTime(next) : why) << '\n';
    out() << "Retention    " << Plan::describeRetention(plan.retention)
          << (plan.retention.isEmpty() ? QString() : QStringLiteral(" (applied after every run)")) << '\n';
    out() << "Parallel     " << plan.parallelism << '\n';
    out() << "Restore test " << plan.testRestore.describe() << '\n';
    out() << "Last run     " << lastRunText(last) << '\n';
    out().flush();
}

void addOrEdit(const QStringList &arguments, bool editing)
{
    const QString verb = editing ? QStringLiteral("plans edit") : QStringLiteral("plans add");
    QCommandLineParser parser;
    parser.setApplicationDescription(editing ? QStringLiteral("Change a saved plan: only what the options say; "
                                                              "--cloud or --server replace the plan's servers. An "
                                                              "installed schedule follows the change (its units are "
                                                              "rewritten, or removed with --schedule none).")
                                             : QStringLiteral("Save a backup plan: which servers, how, where to, "
                                                              "when, and how long backups are kept."));
    addPlanOptions(parser, editing);
    addJsonOption(parser);
    if (!parseArguments(parser, verb, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("give the plan's name"));
    sv::PlanStore *store = planStore();
    if (!store)
        return;
    const QString name = parser.positionalArguments().constFirst();
    Plan plan;
    if (editing) {
        const auto existing = existingPlan(*store, name);
        if (!existing)
            return;
        plan = *existing;
    } else {
        plan.name = name;
    }
    if (!applyPlanOptions(parser, plan, editing))
        return;
    QString error;
    const QStringList clouds = cloudNames();
    const bool saved = editing ? store->update(name, plan, clouds, &error) : store->add(plan, clouds, &error);
    if (!saved) {
        err() << error << Qt::endl;
        return CliCommand::finish(ExitUsage);
    }
    if (!parser.isSet(QStringLiteral("json")))
        out() << (editing ? "Changed plan " : "Saved plan ") << plan.name << ".\n";
    const bool unitsFollow = !editing || followInstalledSchedule(plan);
    printPlan(*store, plan, parser.isSet(QStringLiteral("json")));
    CliCommand::finish(unitsFollow ? ExitOk : ExitFailure);
}

// ---- list / show / remove -----------------------------------------------------------------------------

void list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the saved plans with their schedule, next and last run."));
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("plans list"), arguments))
        return;
    sv::PlanStore *store = planStore();
    if (!store)
        return;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Plan &plan : store->plans()) {
            QString why;
            const QDateTime next = nextRun(plan, &why);
            const auto last = lastRun(*store, plan.name);
            QJsonObject object = plan.toJson();
            object.insert(QStringLiteral("next_run"), next.isValid() ? QJsonValue(next.toUTC().toString(Qt::ISODate)) : QJsonValue());
            object.insert(QStringLiteral("last_run"), last ? QJsonValue(last->toJson()) : QJsonValue());
            array.append(object);
        }
        printJson(array);
        return CliCommand::finish(ExitOk);
    }
    if (store->plans().isEmpty()) {
        out() << "No plans. Save one with `stackvault-cli plans add NAME --cloud CLOUD ...`." << Qt::endl;
        return CliCommand::finish(ExitOk);
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("SCHEDULE"), QStringLiteral("NEXT RUN"),
                             QStringLiteral("LAST RUN"), QStringLiteral("SERVERS")}};
    for (const Plan &plan : store->plans()) {
        QString why;
        const QDateTime next = nextRun(plan, &why);
        rows.append({plan.name + (plan.enabled ? QString() : QStringLiteral(" (disabled)")), plan.schedule.toString(),
                     next.isValid() ? localTime(next) : QStringLiteral("-"), lastRunText(lastRun(*store, plan.name)),
                     plan.describeSources()});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            out() << (i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i));
        out() << '\n';
    }
    CliCommand::finish(ExitOk);
}

void show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show a saved plan."));
    addJsonOption(parser);
    sv::PlanStore *store = nullptr;
    const auto plan = parsePlanCommand(parser, QStringLiteral("plans show"), arguments, &store);
    if (!plan)
        return;
    printPlan(*store, *plan, parser.isSet(QStringLiteral("json")));
    CliCommand::finish(ExitOk);
}

// ---- schedules ----------------------------------------------------------------------------------------

// Disables and deletes the plan's units; prints what it did. False (after printing why) on a failure.
bool removeUnits(const QString &plan, bool quietWhenNone)
{
    const sv::PlanScheduler::Outcome removed = scheduler().remove(plan);
    for (const QString &warning : removed.warnings)
        err() << warning << Qt::endl;
    if (!removed.ok) {
        err() << removed.message << Qt::endl;
        return false;
    }
    if (!removed.nothingToDo || !quietWhenNone)
        out() << removed.message << Qt::endl;
    return true;
}

void schedule(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run plans unattended. install writes a systemd user service and timer for the plan (Persistent=true: a run "
        "missed while the machine was off happens at the next start) into %1 and enables the timer with "
        "systemctl --user; where no systemd user instance runs it says so and prints a crontab line instead. "
        "remove disables and deletes them; status shows each plan's schedule, next run and units.")
                                         .arg(sv::PlanUnits::unitDirectory()));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("install, remove or status."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The plan (status: all plans when omitted)."));
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("plans schedule"), arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (!(action == u"install" || action == u"remove" || action == u"status")
        || positional.size() > 2 || (action != u"status" && positional.size() != 2))
        return usage(QStringLiteral("schedule wants install NAME, remove NAME or status [NAME]"));
    sv::PlanStore *store = planStore();
    if (!store)
        return;
    const QString name = positional.value(1);
    std::optional<Plan> plan;
    if (!name.isEmpty()) {
        plan = store->find(name);
        if (!plan && action != u"remove") {
            err() << "No plan is named \"" << name << "\" (see `stackvault-cli plans list`)." << Qt::endl;
            return CliCommand::finish(ExitFailure);
        }
    }
    if (action == u"remove")
        return CliCommand::finish(removeUnits(name, false) ? ExitOk : ExitFailure);

    if (action == u"status") {
        QList<Plan> plans = plan ? QList<Plan>{*plan} : store->plans();
        const sv::PlanScheduler units = scheduler();
        QString why;
        const bool systemd = units.userSystemdRuns(&why);
        QJsonArray array;
        for (const Plan &p : plans) {
            QString nextWhy;
            const QDateTime next = nextRun(p, &nextWhy);
            const sv::PlanScheduler::Status unit = units.status(p, systemd);
            const bool installed = unit.installed;
            QString timerState = installed ? QStringLiteral("installed") : QStringLiteral("not installed");
            if (installed && systemd)
                timerState = unit.timerState;
            else if (installed)
                timerState = QStringLiteral("installed, not enabled (no systemd user instance)");
            if (installed && !unit.upToDate)
                timerState += QStringLiteral(" (written for an older schedule or another stackvault-cli: install it again)");
            if (parser.isSet(QStringLiteral("json"))) {
                array.append(QJsonObject{{QStringLiteral("plan"), p.name},
                                         {QStringLiteral("schedule"), p.schedule.toString()},
                                         {QStringLiteral("on_calendar"), p.schedule.onCalendar()},
                                         {QStringLiteral("next_run"), next.isValid() ? QJsonValue(next.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                                         {QStringLiteral("installed"), installed},
                                         {QStringLiteral("up_to_date"), unit.upToDate},
                                         {QStringLiteral("timer"), timerState},
                                         {QStringLiteral("enabled"), p.enabled}});
                continue;
            }
            out() << p.name << ": " << p.schedule.toString() << ", next run "
                  << (next.isValid() ? localTime(next) : nextWhy) << ", timer " << timerState
                  << (p.enabled ? "" : " (plan disabled: scheduled runs do nothing)") << '\n';
        }
        if (parser.isSet(QStringLiteral("json")))
            printJson(array);
        else if (!systemd)
            out() << "No systemd user instance runs here (" << why << ")." << '\n';
        out().flush();
        return CliCommand::finish(ExitOk);
    }

    // install
    const sv::PlanScheduler::Outcome installed = scheduler().install(*plan);
    for (const QString &warning : installed.warnings)
        err() << warning << Qt::endl;
    if (!installed.ok) {
        err() << installed.message << Qt::endl;
        if (!installed.systemdRuns && !installed.cronLine.isEmpty()) {
            err() << "To run the plan from cron instead, add this line with `crontab -e`:" << Qt::endl;
            out() << installed.cronLine << Qt::endl;
        } else if (!installed.cronWhy.isEmpty()) {
            err() << installed.cronWhy << Qt::endl;
        }
        return CliCommand::finish(ExitFailure);
    }
    QString nextWhy;
    const QDateTime next = nextRun(*plan, &nextWhy);
    out() << installed.message << " Next run: " << (next.isValid() ? localTime(next) : nextWhy) << "." << Qt::endl;
    CliCommand::finish(ExitOk);
}

void remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Remove a saved plan, its installed schedule and its run history. Its backups stay in the backup storage."));
    sv::PlanStore *store = nullptr;
    const auto plan = parsePlanCommand(parser, QStringLiteral("plans remove"), arguments, &store);
    if (!plan)
        return;
    const QString name = plan->name;
    QString error;
    const auto lock = sv::PlanLock::tryAcquire(store->runsDirectory(), name, &error);
    if (!lock) {
        err() << error << Qt::endl;
        return CliCommand::finish(ExitFailure);
    }
    if (!removeUnits(name, true))
        return CliCommand::finish(ExitFailure);
    if (!store->remove(name, &error) || !sv::PlanHistory(store->runsDirectory(), name).remove(&error)) {
        err() << error << Qt::endl;
        return CliCommand::finish(ExitFailure);
    }
    QFile::remove(QDir(store->runsDirectory()).filePath(name + QStringLiteral(".lock")));
    out() << "Removed plan " << name << "; its backups stay in " << "the backup storage." << Qt::endl;
    CliCommand::finish(ExitOk);
}

// ---- run / history ------------------------------------------------------------------------------------

void printServerLine(const PlanServerResult &server)
{
    const QString who = QStringLiteral("%1 (%2)").arg(server.serverName, server.cloud);
    switch (server.result) {
    case PlanServerResult::Result::Succeeded:
        out() << "  " << who << ": backed up in " << duration(server.durationMs) << ", " << humanBytes(server.bytes)
              << " (" << humanBytes(server.newBytes) << " new), checkpoint " << server.checkpointId << Qt::endl;
        break;
    case PlanServerResult::Result::Cancelled:
        err() << "  " << who << ": cancelled. " << server.error << Qt::endl;
        break;
    case PlanServerResult::Result::Failed:
        err() << "  " << who << ": FAILED: " << server.error << Qt::endl;
        break;
    }
}

void printReport(const PlanRunReport &report)
{
    if (!report.servers.isEmpty()) {
        QList<QStringList> rows{{QStringLiteral("SERVER"), QStringLiteral("CLOUD"), QStringLiteral("RESULT"),
                                 QStringLiteral("SIZE"), QStringLiteral("NEW"), QStringLiteral("TIME"),
                                 QStringLiteral("CHECKPOINT")}};
        for (const PlanServerResult &server : report.servers) {
            const bool ok = server.result == PlanServerResult::Result::Succeeded;
            rows.append({server.serverName, server.cloud, PlanServerResult::resultName(server.result),
                         ok ? humanBytes(server.bytes) : QStringLiteral("-"),
                         ok ? humanBytes(server.newBytes) : QStringLiteral("-"),
                         server.durationMs > 0 ? duration(server.durationMs) : QStringLiteral("-"),
                         ok ? server.checkpointId : QStringLiteral("-")});
        }
        QList<qsizetype> widths(rows.first().size(), 0);
        for (const QStringList &row : rows)
            for (qsizetype i = 0; i < row.size(); ++i)
                widths[i] = std::max(widths[i], row.at(i).size());
        out() << '\n';
        for (const QStringList &row : rows) {
            for (qsizetype i = 0; i < row.size(); ++i)
                out() << (i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i));
            out() << '\n';
        }
        out() << '\n';
    }
    const qint64 seconds = report.started.msecsTo(report.finished);
    const QString summary = QStringLiteral("Plan %1 %2 in %3: %4 of %5 servers backed up.")
                                .arg(report.plan, PlanRunReport::stateName(report.state), duration(seconds))
                                .arg(report.succeededCount())
                                .arg(report.servers.size());
    (report.state == PlanRunReport::State::Succeeded ? out() : err()) << summary << Qt::endl;
    if (!report.retention.isEmpty())
        err() << report.retention << Qt::endl;
    const sv::PlanRestoreTestResult &test = report.restoreTest;
    if (test.result == sv::PlanRestoreTestResult::Result::Passed)
        out() << "Restore test passed: " << test.message << Qt::endl;
    else if (test.result == sv::PlanRestoreTestResult::Result::Failed)
        err() << "Restore test FAILED: " << test.message << Qt::endl;
    else if (test.result == sv::PlanRestoreTestResult::Result::Skipped)
        err() << test.message << Qt::endl;
}

// Where a run's outcome goes besides the terminal: the desktop (a failed unattended run), a JSON file or
// standard output, an HTTP endpoint.
struct RunOutputs
{
    bool notifyOnFailure = false;
    QString reportFile; // "-": standard output
    QUrl reportUrl;
    bool statusToErr = false; // standard output carries JSON: say what happened on standard error
};

// The report as sent by --report-json and --report-url: the run history's entry plus the exit status.
QByteArray reportDocument(const PlanRunReport &report, int exitCode)
{
    QJsonObject json = report.toJson();
    json.insert(QStringLiteral("exit_status"), exitCode);
    json.insert(QStringLiteral("report_version"), 1);
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

// After a run (or a run that could not start): raises the desktop notification of a failure, writes and posts
// the JSON report; none of them changes the run's outcome. `done` gets the report with what happened added to
// its notes (a notification that could not be shown, a report that could not be sent).
void deliverReport(const RunOutputs &outputs, const PlanRunReport &report, int exitCode,
                   const sv::PlanFailureNotice &notice, std::function<void(const PlanRunReport &)> done)
{
    auto final = std::make_shared<PlanRunReport>(report);
    const auto say = [outputs](const QString &sentence, bool problem) {
        (problem || outputs.statusToErr ? err() : out()) << sentence << Qt::endl;
    };
    const auto post = [outputs, final, exitCode, say, done] {
        const QByteArray document = reportDocument(*final, exitCode);
        if (outputs.reportFile == u"-") {
            out() << document;
            out().flush();
        } else if (!outputs.reportFile.isEmpty()) {
            QSaveFile file(outputs.reportFile);
            if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit()) {
                const QString sentence = QStringLiteral("The run report could not be written to %1: %2")
                                             .arg(outputs.reportFile, file.errorString());
                say(sentence, true);
                final->notes.append(sentence);
            }
        }
        if (outputs.reportUrl.isEmpty())
            return done(*final);
        auto *sender = new sv::PlanReportSender(QCoreApplication::instance());
        sender->post(outputs.reportUrl, document, [sender, final, say, done](bool ok, const QString &message) {
            sender->deleteLater();
            say(message, !ok);
            if (!ok)
                final->notes.append(message);
            done(*final);
        });
    };
    if (!outputs.notifyOnFailure || notice.isEmpty())
        return post();
    auto *notifier = new sv::PlanNotifier({}, QCoreApplication::instance());
    notifier->send(notice, [notifier, final, say, post](bool shown, const QString &why) {
        notifier->deleteLater();
        const QString sentence = shown ? QStringLiteral("A desktop notification told of the failure.")
                                       : QStringLiteral("No desktop notification was shown: %1.").arg(why);
        say(sentence, !shown);
        final->notes.append(sentence);
        post();
    });
}

void run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run a plan now: remove what interrupted backups left on its clouds, choose its servers (selectors are "
        "evaluated now), back them up several at a time, apply the retention policy, test a restore when the plan "
        "says so, and record the report in the plan's run history. Exit code 1 when any server or the restore "
        "test failed (the others still ran). Ctrl-C cancels cleanly."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The plan."));
    parser.addOption({QStringLiteral("scheduled"),
                      QStringLiteral("A run started by the plan's schedule: a disabled plan does nothing.")});
    parser.addOption({QStringLiteral("notify-on-failure"),
                      QStringLiteral("When the run fails or cannot start, raise a desktop notification (freedesktop "
                                     "Notifications on the D-Bus session bus). The installed schedules pass it.")});
    parser.addOption({QStringLiteral("report-json"),
                      QStringLiteral("Write the run report as JSON to this file ('-': standard output)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("report-url"),
                      QStringLiteral("POST the run report as JSON to this http:// or https:// URL; a failed POST is "
                                     "reported and does not change the exit code."),
                      QStringLiteral("url")});
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("plans run"), arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("give the plan's name"));
    const bool json = parser.isSet(QStringLiteral("json"));
    RunOutputs outputs;
    outputs.notifyOnFailure = parser.isSet(QStringLiteral("notify-on-failure"));
    outputs.reportFile = parser.value(QStringLiteral("report-json"));
    if (parser.isSet(QStringLiteral("report-json")) && outputs.reportFile.isEmpty())
        return usage(QStringLiteral("--report-json wants a file name, or - for standard output"));
    if (json && outputs.reportFile == u"-")
        return usage(QStringLiteral("--json and --report-json - both print the report on standard output: choose one"));
    if (parser.isSet(QStringLiteral("report-url"))) {
        outputs.reportUrl = QUrl(parser.value(QStringLiteral("report-url")), QUrl::StrictMode);
        if (const QString problem = sv::PlanReportSender::urlError(outputs.reportUrl); !problem.isEmpty())
            return usage(problem);
    }
    outputs.statusToErr = json || outputs.reportFile == u"-";
    const QString name = parser.positionalArguments().constFirst();
    // A run that cannot start fails like one whose servers all failed: said, notified, reported.
    const auto failBeforeStart = [outputs, name](const QString &why) {
        PlanRunReport report;
        report.plan = name;
        report.state = PlanRunReport::State::Failed;
        report.started = report.finished = QDateTime::currentDateTimeUtc();
        report.pid = QCoreApplication::applicationPid();
        report.problems.append(why);
        deliverReport(outputs, report, ExitFailure, sv::PlanFailureNotice::forStartFailure(name, why),
                      [](const PlanRunReport &) { CliCommand::finish(ExitFailure); });
    };
    QString error;
    sv::PlanStore *store = planStore(&error);
    if (!store) {
        err() << error << Qt::endl;
        return failBeforeStart(error);
    }
    const std::optional<Plan> plan = store->find(name);
    if (!plan) {
        error = QStringLiteral("No plan is named \"%1\" (see `stackvault-cli plans list`).").arg(name);
        err() << error << Qt::endl;
        return failBeforeStart(error);
    }
    if (parser.isSet(QStringLiteral("scheduled")) && !plan->enabled) {
        out() << "Plan " << name << " is disabled: its scheduled run did nothing (`plans edit " << name
              << " --enable` turns it on)." << Qt::endl;
        return CliCommand::finish(ExitOk);
    }
    if (const QString problem = plan->validationError(cloudNames()); !problem.isEmpty()) {
        err() << problem << Qt::endl;
        return failBeforeStart(problem);
    }
    std::shared_ptr<sv::PlanLock> lock = sv::PlanLock::tryAcquire(store->runsDirectory(), name, &error);
    if (!lock) {
        err() << error << Qt::endl;
        return failBeforeStart(error);
    }
    withBankAt(plan->bank, true, sv::BankService::OpenOptions(),
               QStringLiteral("The backup storage %1 of plan %2 cannot be opened: ").arg(plan->bank, name),
               [plan = *plan, lock, json, quiet = outputs.statusToErr, store, outputs](std::shared_ptr<sv::Bank> bank) {
                   auto *planRun = new sv::PlanRun(plan, std::move(bank), cloudSessions(), store->runsDirectory(),
                                                   QCoreApplication::instance());
                   installInterruptHandler(planRun, [planRun] { planRun->cancel(); });
                   QObject::connect(planRun, &sv::PlanRun::note, planRun,
                                    [quiet](const QString &sentence) { (quiet ? err() : out()) << sentence << Qt::endl; });
                   QObject::connect(planRun, &sv::PlanRun::problem, planRun,
                                    [](const QString &sentence) { err() << sentence << Qt::endl; });
                   QObject::connect(planRun, &sv::PlanRun::serverStarted, planRun,
                                    [quiet](const QString &cloud, const QString &server) {
                                        if (!quiet)
                                            out() << "  " << server << " (" << cloud << "): started" << Qt::endl;
                                    });
                   QObject::connect(planRun, &sv::PlanRun::serverFinished, planRun,
                                    [quiet](const PlanServerResult &server) {
                                        if (!quiet)
                                            printServerLine(server);
                                    });
                   QObject::connect(
                       planRun, &sv::PlanRun::finished, planRun,
                       [json, quiet, lock, outputs, store](const PlanRunReport &report) mutable {
                           if (!quiet)
                               printReport(report);
                           const int exitCode = report.state == PlanRunReport::State::Succeeded ? ExitOk : ExitFailure;
                           deliverReport(outputs, report, exitCode, sv::PlanFailureNotice::forReport(report),
                                         [json, lock, store, report, exitCode](const PlanRunReport &delivered) mutable {
                                             // What the delivery added (a notification not shown, a report not
                                             // sent) goes into the run history too: the log of an unattended run.
                                             QString historyError;
                                             if (delivered.notes != report.notes
                                                 && !sv::PlanHistory(store->runsDirectory(), delivered.plan)
                                                         .record(delivered, &historyError))
                                                 err() << historyError << Qt::endl;
                                             if (json)
                                                 out() << QJsonDocument(delivered.toJson()).toJson(QJsonDocument::Compact)
                                                       << Qt::endl;
                                             lock.reset();
                                             CliCommand::finish(exitCode);
                                         });
                       });
                   if (!quiet)
                       out() << "Running plan " << plan.name << "." << Qt::endl;
                   planRun->start();
               },
               failBeforeStart);
}

void history(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The plan's recent runs (at most %1 are kept), newest last.")
                                         .arg(sv::PlanHistory::MaxRuns));
    parser.addOption({QStringLiteral("last"), QStringLiteral("Only the last N runs, with each server's result."),
                      QStringLiteral("n")});
    addJsonOption(parser);
    sv::PlanStore *store = nullptr;
    const auto plan = parsePlanCommand(parser, QStringLiteral("plans history"), arguments, &store);
    if (!plan)
        return;
    const QString name = plan->name;
    QList<PlanRunReport> runs;
    QString error;
    if (!sv::PlanHistory(store->runsDirectory(), name).load(&runs, &error)) {
        err() << error << Qt::endl;
        return CliCommand::finish(ExitFailure);
    }
    // A run still "running" whose lock is free was killed: say so (the next run records it as interrupted).
    // Asked without taking the lock: a run starting meanwhile is not refused.
    if (!runs.isEmpty() && runs.constLast().state == PlanRunReport::State::Running
        && sv::PlanLock::isHeld(store->runsDirectory(), name) == sv::PlanLock::Probe::Free)
        runs.last().state = PlanRunReport::State::Interrupted;
    if (parser.isSet(QStringLiteral("last"))) {
        bool ok = false;
        const int last = parser.value(QStringLiteral("last")).toInt(&ok);
        if (!ok || last < 1)
            return usage(QStringLiteral("--last wants a number of 1 or more"));
        runs = runs.mid(std::max<qsizetype>(0, runs.size() - last));
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const PlanRunReport &run : std::as_const(runs))
            array.append(run.toJson());
        printJson(array);
        return CliCommand::finish(ExitOk);
    }
    if (runs.isEmpty()) {
        out() << "Plan " << name << " has not run yet." << Qt::endl;
        return CliCommand::finish(ExitOk);
    }
    for (const PlanRunReport &run : std::as_const(runs)) {
        out() << localTime(run.started) << "  " << PlanRunReport::stateName(run.state).leftJustified(12)
              << run.succeededCount() << "/" << run.servers.size() << " servers"
              << (run.finished.isValid() ? QStringLiteral(", %1").arg(duration(run.started.msecsTo(run.finished))) : QString())
              << '\n';
        if (parser.isSet(QStringLiteral("last"))) {
            for (const PlanServerResult &server : run.servers) {
                out() << "    " << server.serverName << " (" << server.cloud << ") "
                      << PlanServerResult::resultName(server.result)
                      << (server.checkpointId.isEmpty() ? QString() : QStringLiteral(" ") + server.checkpointId)
                      << (server.error.isEmpty() ? QString() : QStringLiteral(": ") + server.error) << '\n';
            }
            for (const QString &problem : run.problems)
                out() << "    " << problem << '\n';
        }
    }
    out().flush();
    CliCommand::finish(ExitOk);
}

void plans(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub.isEmpty() || sub == u"--help" || sub == u"-h") {
        (sub.isEmpty() ? err() : out())
            << "Usage: stackvault-cli plans <add|edit|list|show|remove|run|history|schedule> ...\n\n"
               "Backup plans: many servers of one or more saved clouds, chosen by name or by a selector evaluated "
               "at every run, backed up several at a time, by hand or on a schedule.\n\n"
               "  add NAME           save a plan (--cloud, --tag, --name-pattern, --all-projects, --server, --schedule, --keep-*...)\n"
               "  edit NAME          change a plan\n"
               "  list               the plans with their next and last run\n"
               "  show NAME          one plan\n"
               "  remove NAME        remove a plan (its backups stay)\n"
               "  run NAME           run a plan now\n"
               "  history NAME       its recent runs\n"
               "  schedule install|remove|status [NAME]\n"
               "                     run it unattended (systemd user timer, or a crontab line)\n\n"
               "Run `stackvault-cli plans <subcommand> --help` for its options.\n";
        return CliCommand::finish(sub.isEmpty() ? ExitUsage : ExitOk);
    }
    const QStringList rest = arguments.mid(1);
    if (sub == u"add")
        return addOrEdit(rest, false);
    if (sub == u"edit")
        return addOrEdit(rest, true);
    if (sub == u"list")
        return list(rest);
    if (sub == u"show")
        return show(rest);
    if (sub == u"remove")
        return remove(rest);
    if (sub == u"run")
        return run(rest);
    if (sub == u"history")
        return history(rest);
    if (sub == u"schedule")
        return schedule(rest);
    usage(QStringLiteral("unknown subcommand '%1' (one of %2)").arg(sub, SubCommands.join(QStringLiteral(", "))));
}

const CliCommandRegistration registration{
    {QStringLiteral("plans"), QStringLiteral("backup plans: many servers, on a schedule"), plans}};

} // namespace
} // namespace cli
