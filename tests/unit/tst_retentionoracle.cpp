// decideRetention against restic itself (issue #15): a synthetic history of a few hundred checkpoints over
// two years (irregular times, several a day, five servers, edge times at week/month/year ends and at
// keep-within limits, one in the future) is backed up as restic snapshots with the same timestamps
// (`restic backup --time ... --host SERVER` of a tiny file), then every policy of a table is given to
// `restic forget --dry-run --json --group-by host` and to decideRetention: the kept and removed sets and
// the reasons must agree exactly. Both run in UTC (restic's --time is read in the local zone: TZ=UTC).
//
// Speed: restic derives its key with scrypt at every start (~0.4 CPU-s with the parameters `init`
// calibrates) and waits 200 ms after taking a lock; backups into one repository at once trip over each
// other's lock files (restic 0.14 then retries for up to a minute). So the test re-wraps the master key
// of one new repository with cheap scrypt parameters (N=1024, r=8, p=1: restic reads them from the key
// file), copies that empty repository once per server (a server is a host, and forget --group-by host
// decides each host alone, so one repository per host decides the same), and fills the repositories side
// by side, one backup at a time in each. The snapshots and every decision are still restic's own.
//
// Without restic the test skips; under CI=true it fails (scripts/lib/common.sh installs it).
#include "bank/bankreports.h"
#include "protection/retentionpolicy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "literals.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

using namespace sv;

namespace {

const QByteArray Password = "retention-oracle";

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// ---- restic's key file crypto (internal/crypto: AES-256-CTR + Poly1305-AES, key from scrypt) ----

QByteArray scrypt(const QByteArray &password, const QByteArray &salt, quint64 n, quint64 r, quint64 p)
{
    QByteArray out(64, Qt::Uninitialized);
    if (EVP_PBE_scrypt(password.constData(), size_t(password.size()), reinterpret_cast<const uchar *>(salt.constData()),
                       size_t(salt.size()), n, r, p, quint64(1) << 31, reinterpret_cast<uchar *>(out.data()), 64)
        != 1)
        return {};
    return out;
}

QByteArray aes(const EVP_CIPHER *cipher, const QByteArray &key, const QByteArray &iv, const QByteArray &in)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out(in.size() + 32, Qt::Uninitialized);
    int n = 0;
    int tail = 0;
    if (EVP_EncryptInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const uchar *>(key.constData()),
                           iv.isEmpty() ? nullptr : reinterpret_cast<const uchar *>(iv.constData()))
            != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<uchar *>(out.data()), &n,
                             reinterpret_cast<const uchar *>(in.constData()), int(in.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<uchar *>(out.data()) + n, &tail) != 1)
        return {};
    out.truncate(n + tail);
    return out;
}

// Poly1305-AES as restic computes it: r (masked) from the MAC key, s = AES-128(k, nonce).
QByteArray resticMac(const QByteArray &message, const QByteArray &nonce, const QByteArray &macKey)
{
    static const uchar mask[16] = {0xff, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f,
                                   0xfc, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f};
    QByteArray key = macKey.mid(16, 16);
    for (int i = 0; i < 16; ++i)
        key[i] = char(uchar(key[i]) & mask[i]);
    key += aes(EVP_aes_128_ecb(), macKey.left(16), {}, nonce);
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "POLY1305", nullptr), EVP_MAC_free);
    if (!mac)
        return {};
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()), EVP_MAC_CTX_free);
    QByteArray tag(16, Qt::Uninitialized);
    size_t length = 0;
    if (EVP_MAC_init(ctx.get(), reinterpret_cast<const uchar *>(key.constData()), size_t(key.size()), nullptr) != 1
        || EVP_MAC_update(ctx.get(), reinterpret_cast<const uchar *>(message.constData()), size_t(message.size())) != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<uchar *>(tag.data()), &length, size_t(tag.size())) != 1)
        return {};
    return tag;
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(QRandomGenerator::system()->bounded(1, 256));
    return bytes;
}

// Re-wraps the master key of the repository's only key file under cheap scrypt parameters.
bool cheapenKey(const QString &repository, QString *why)
{
    QDir keys(repository + QStringLiteral("/keys"));
    const QStringList names = keys.entryList(QDir::Files);
    if (names.size() != 1) {
        *why = QStringLiteral("expected one key file, found %1").arg(names.size());
        return false;
    }
    QFile file(keys.filePath(names.constFirst()));
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    QJsonObject key = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    const QByteArray salt = QByteArray::fromBase64(key.value(QLatin1String("salt")).toString().toLatin1());
    const QByteArray data = QByteArray::fromBase64(key.value(QLatin1String("data")).toString().toLatin1());
    const QByteArray user = scrypt(Password, salt, quint64(key.value(QLatin1String("N")).toInteger()),
                                   quint64(key.value(QLatin1String("r")).toInteger()),
                                   quint64(key.value(QLatin1String("p")).toInteger()));
    if (user.isEmpty() || data.size() < 33) {
        *why = QStringLiteral("cannot derive the key or the key file is short");
        return false;
    }
    const QByteArray nonce = data.left(16);
    const QByteArray sealed = data.mid(16, data.size() - 32);
    if (resticMac(sealed, nonce, user.mid(32)) != data.right(16)) {
        *why = QStringLiteral("the key file's MAC does not verify (password or format differ)");
        return false;
    }
    const QByteArray master = aes(EVP_aes_256_ctr(), user.left(32), nonce, sealed);
    if (!QJsonDocument::fromJson(master).isObject()) {
        *why = QStringLiteral("the master key is not JSON");
        return false;
    }
    const QByteArray newSalt = randomBytes(64);
    const QByteArray newUser = scrypt(Password, newSalt, 1024, 8, 1);
    const QByteArray newNonce = randomBytes(16);
    const QByteArray newSealed = aes(EVP_aes_256_ctr(), newUser.left(32), newNonce, master);
    key.insert(QStringLiteral("N"), 1024);
    key.insert(QStringLiteral("r"), 8);
    key.insert(QStringLiteral("p"), 1);
    key.insert(QStringLiteral("salt"), QString::fromLatin1(newSalt.toBase64()));
    key.insert(QStringLiteral("data"),
               QString::fromLatin1(QByteArray(newNonce + newSealed + resticMac(newSealed, newNonce, newUser.mid(32))).toBase64()));
    const QByteArray json = QJsonDocument(key).toJson(QJsonDocument::Compact);
    QFile out(keys.filePath(QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex())));
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
        *why = out.errorString();
        return false;
    }
    out.close();
    return keys.remove(names.constFirst());
}

// ---- the synthetic history ----

struct Point
{
    QString server;
    QDateTime created;
    QString status = QStringLiteral("available");
};

// Five servers over two years (2024-11-20 .. 2026-11-25): backup days 1..N days apart (N from 24 to 44), 1 to 4 backups on such a day at random seconds, sometimes minutes apart; edge times added by
// hand; a few failed and unfinished ones (never in restic: they are not backups for retention).
QList<Point> makeHistory()
{
    QRandomGenerator random(20261205);
    QList<Point> points;
    const struct
    {
        const char *server;
        int maxDayGap;
        QDate last;
    } servers[] = {{"srv-a", 24, QDate(2026, 9, 25)},
                   {"srv-b", 36, QDate(2026, 11, 25)},
                   {"srv-c", 40, QDate(2026, 11, 25)},
                   {"srv-d", 30, QDate(2026, 11, 25)},
                   {"srv-e", 44, QDate(2026, 11, 25)}};
    for (const auto &s : servers) {
        QSet<qint64> used;
        for (QDate day = QDate(2024, 11, 20).addDays(random.bounded(3)); day <= s.last;
             day = day.addDays(1 + random.bounded(s.maxDayGap))) {
            const int roll = random.bounded(100);
            const int count = roll < 50 ? 1 : roll < 75 ? 2 : roll < 92 ? 3 : 4;
            qint64 second = random.bounded(86400);
            for (int i = 0; i < count && second < 86400; ++i) {
                const QDateTime t = QDateTime(day, QTime(0, 0), Qt::UTC).addSecs(second);
                if (!used.contains(t.toSecsSinceEpoch())) {
                    used.insert(t.toSecsSinceEpoch());
                    points.append({QString::fromLatin1(s.server), t});
                }
                second += random.bounded(4) == 0 ? 60 + random.bounded(1200) : 1800 + random.bounded(6 * 3600);
            }
        }
    }
    // srv-a ends on 31 October: keep-within months roll over like Go's AddDate (31 Oct - 1m = "31 Sep" =
    // 1 Oct), exact limits are excluded.
    for (const QDateTime &t : {utc(2026, 9, 30, 18), utc(2026, 10, 1, 12), utc(2026, 10, 1, 12, 0, 1),
                               utc(2026, 10, 30, 0), utc(2026, 10, 30, 12), utc(2026, 10, 30, 12, 0, 1),
                               utc(2026, 10, 31, 11, 59, 59), utc(2026, 10, 31, 12)})
        points.append({QStringLiteral("srv-a"), t});
    // srv-b: ISO week and year ends (2024-12-30 is in 2025-W01, 2025-12-29 in 2026-W01).
    for (const QDateTime &t : {utc(2024, 12, 29, 23, 59, 59), utc(2024, 12, 30, 0, 0, 1), utc(2024, 12, 31, 23, 59, 59),
                               utc(2025, 1, 1, 0, 0, 1), utc(2025, 12, 28, 23, 59, 58), utc(2025, 12, 29, 0, 0, 2),
                               utc(2025, 12, 31, 23, 59, 58), utc(2026, 1, 1, 0, 0, 2)})
        points.append({QStringLiteral("srv-b"), t});
    // srv-c: one in the future (a clock ahead): not the reference of keep-within.
    points.append({QStringLiteral("srv-c"), utc(2031, 1, 1, 12)});
    // Not backups for retention (decideRetention only; never given to restic).
    points.append({QStringLiteral("srv-a"), utc(2026, 10, 31, 13), QStringLiteral("protecting")});
    points.append({QStringLiteral("srv-a"), utc(2026, 6, 1, 12, 30, 7), QStringLiteral("error")});
    points.append({QStringLiteral("srv-b"), utc(2026, 11, 26, 2, 0, 3), QStringLiteral("error")});
    points.append({QStringLiteral("srv-c"), utc(2025, 3, 3, 3, 3, 3), QStringLiteral("deleting")});
    // Duplicates of the hand-made ones with generated times are dropped (same server and second).
    QList<Point> unique;
    QSet<QString> seen;
    for (const Point &p : std::as_const(points)) {
        const QString key = p.server + p.created.toString(Qt::ISODate);
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(p);
        }
    }
    return unique;
}

QString mapReason(const QString &ours)
{
    if (ours.startsWith(QLatin1String("within ")))
        return ours; // restic: "within " + its Duration.String()
    return ours.section(QLatin1Char(' '), 0, 0) + QStringLiteral(" snapshot"); // "daily 2026-12-03" → "daily snapshot"
}

} // namespace

class TestRetentionOracle : public QObject
{
    Q_OBJECT
private:
    // On a RAM file system where there is one: restic syncs every file it writes (~10 per backup), which
    // on a busy disk costs seconds per backup.
    QTemporaryDir m_dir{(QFileInfo(QStringLiteral("/dev/shm")).isWritable() ? QStringLiteral("/dev/shm") : QDir::tempPath())
                        + QStringLiteral("/sv-retention-oracle-XXXXXX")};
    QString m_restic;
    QStringList m_servers; // each one's repository is m_dir/repo-<server>
    QList<Point> m_history;
    QList<CheckpointSummary> m_checkpoints;

    QProcess *startRestic(const QString &server, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RESTIC_REPOSITORY"), m_dir.filePath(QStringLiteral("repo-") + server));
        env.insert(QStringLiteral("RESTIC_PASSWORD"), QString::fromLatin1(Password));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        auto *process = new QProcess;
        process->setProcessEnvironment(env);
        process->setWorkingDirectory(m_dir.path());
        process->start(m_restic, QStringList{QStringLiteral("--no-cache"), QStringLiteral("--quiet")} + arguments);
        return process;
    }

    // Waits for a restic started by startRestic (and deletes it); its stdout, or empty after a warning
    // naming the command and restic's stderr.
    static QByteArray finish(QProcess *started, bool *ok)
    {
        std::unique_ptr<QProcess> process(started);
        // (waitForFinished() is false for a process that already finished)
        *ok = (process->state() == QProcess::NotRunning || process->waitForFinished(120000))
            && process->exitStatus() == QProcess::NormalExit
            && process->exitCode() == 0;
        if (!*ok)
            qWarning("restic %s failed: %s", qPrintable(process->arguments().join(QLatin1Char(' '))),
                     process->readAllStandardError().constData());
        return process->readAllStandardOutput();
    }

    static bool copyTree(const QString &from, const QString &to)
    {
        if (!QDir().mkpath(to))
            return false;
        const QDir source(from);
        for (const QFileInfo &entry : source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
            const QString target = to + QLatin1Char('/') + entry.fileName();
            if (entry.isDir() ? !copyTree(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_restic = QStandardPaths::findExecutable(QStringLiteral("restic"));
        if (m_restic.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("restic is not installed, required under CI=true (scripts/lib/common.sh installs it)");
            QSKIP("restic is not installed (scripts/lib/common.sh installs it): the retention oracle cannot run");
        }
        QVERIFY(m_dir.isValid());
        QFile file(m_dir.filePath(QStringLiteral("data.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("one tiny file\n") > 0);
        file.close();

        m_history = makeHistory();
        QHash<QString, QList<qsizetype>> queues; // per server, what to back up
        for (qsizetype i = 0; i < m_history.size(); ++i) {
            const Point &p = m_history.at(i);
            CheckpointSummary c;
            c.id = QStringLiteral("cp-%1").arg(i, 4, 10, QLatin1Char('0'));
            c.serverId = p.server;
            c.serverName = p.server;
            c.created = p.created;
            c.status = p.status;
            m_checkpoints.append(c);
            if (!m_servers.contains(p.server))
                m_servers.append(p.server);
            if (p.status == QLatin1String("available"))
                queues[p.server].append(i);
        }
        qsizetype snapshots = 0;
        for (const auto &queue : std::as_const(queues))
            snapshots += queue.size();
        QVERIFY2(snapshots >= 300, qPrintable(QString::number(snapshots)));

        QElapsedTimer clock;
        clock.start();
        bool ok = false;
        finish(startRestic(QStringLiteral("template"), {QStringLiteral("init")}), &ok);
        QVERIFY(ok);
        QString why;
        QVERIFY2(cheapenKey(m_dir.filePath(QStringLiteral("repo-template")), &why), qPrintable(why));
        for (const QString &server : std::as_const(m_servers))
            QVERIFY(copyTree(m_dir.filePath(QStringLiteral("repo-template")), m_dir.filePath(QStringLiteral("repo-") + server)));
        const qint64 initMs = clock.restart();

        // One backup at a time per repository, all repositories at once.
        QHash<QString, std::pair<qsizetype, QProcess *>> running;
        const auto startNext = [&](const QString &server) {
            QList<qsizetype> &queue = queues[server];
            if (queue.isEmpty())
                return;
            const qsizetype index = queue.takeFirst();
            const Point &p = m_history.at(index);
            running.insert(server, {index, startRestic(server, {QStringLiteral("backup"), QStringLiteral("--host"), p.server,
                                                                QStringLiteral("--time"),
                                                                p.created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                                QStringLiteral("data.txt")})});
        };
        for (const QString &server : std::as_const(m_servers))
            startNext(server);
        bool allDone = true;
        while (!running.isEmpty()) {
            for (const QString &server : std::as_const(m_servers)) {
                if (!running.contains(server) || !running.value(server).second->waitForFinished(10))
                    continue;
                const auto [index, process] = running.take(server);
                bool done = false;
                finish(process, &done);
                allDone &= done;
                startNext(server);
            }
        }
        QVERIFY(allDone);
        const qint64 backupMs = clock.elapsed();

        // restic has exactly the history's times.
        QSet<QString> resticTimes;
        for (const QString &server : std::as_const(m_servers)) {
            const QByteArray listed = finish(startRestic(server, {QStringLiteral("snapshots"), QStringLiteral("--json")}), &ok);
            QVERIFY(ok);
            for (const QJsonValue &s : QJsonDocument::fromJson(listed).array())
                resticTimes.insert(s[QLatin1String("hostname")].toString() + QLatin1Char(' ')
                                   + QDateTime::fromString(s[QLatin1String("time")].toString(), Qt::ISODate).toUTC().toString(Qt::ISODate));
        }
        QSet<QString> ours;
        for (const Point &p : std::as_const(m_history)) {
            if (p.status == QLatin1String("available"))
                ours.insert(p.server + QLatin1Char(' ') + p.created.toString(Qt::ISODate));
        }
        QCOMPARE(resticTimes, ours);
        qInfo("retention oracle: %lld restic snapshots of %lld servers (%lld checkpoints with the failed and "
              "unfinished ones), %s .. 2026-10-31, and one in 2031; restic init + key + copies %lld ms, backups "
              "%lld ms",
              qint64(snapshots), qint64(m_servers.size()), qint64(m_history.size()),
              qPrintable(m_history.constFirst().created.toString(Qt::ISODate)), initMs, backupMs);
    }

    void agreesWithRestic_data()
    {
        QTest::addColumn<QStringList>("flags");
        const auto row = [](const char *name, std::initializer_list<const char *> flags) {
            QTest::newRow(name) << svtest::names(flags);
        };
        row("last 1", {"--keep-last", "1"});
        row("last 25", {"--keep-last", "25"});
        row("last 1000", {"--keep-last", "1000"});
        row("hourly 5", {"--keep-hourly", "5"});
        row("hourly 80", {"--keep-hourly", "80"});
        row("daily 7", {"--keep-daily", "7"});
        row("daily 100", {"--keep-daily", "100"});
        row("weekly 4", {"--keep-weekly", "4"});
        row("weekly 60", {"--keep-weekly", "60"});
        row("monthly 6", {"--keep-monthly", "6"});
        row("monthly 30", {"--keep-monthly", "30"});
        row("yearly 1", {"--keep-yearly", "1"});
        row("yearly 5", {"--keep-yearly", "5"});
        row("within 12h", {"--keep-within", "12h"});
        row("within 36h", {"--keep-within", "36h"});
        row("within 1d", {"--keep-within", "1d"});
        row("within 30d", {"--keep-within", "30d"});
        row("within 1m", {"--keep-within", "1m"});
        row("within 6m", {"--keep-within", "6m"});
        row("within 1y", {"--keep-within", "1y"});
        row("within 1y6m", {"--keep-within", "1y6m"});
        row("within 2m15d12h", {"--keep-within", "2m15d12h"});
        row("within 5y", {"--keep-within", "5y"});
        row("daily 7 weekly 4 monthly 6", {"--keep-daily", "7", "--keep-weekly", "4", "--keep-monthly", "6"});
        row("every rule", {"--keep-last", "3", "--keep-hourly", "24", "--keep-daily", "7", "--keep-weekly", "4",
                           "--keep-monthly", "12", "--keep-yearly", "3", "--keep-within", "10d"});
        row("within 10d monthly 12", {"--keep-within", "10d", "--keep-monthly", "12"});
        row("last 2 within 1y", {"--keep-last", "2", "--keep-within", "1y"});
        row("hourly 10 yearly 2", {"--keep-hourly", "10", "--keep-yearly", "2"});
        row("weekly 10 yearly 10", {"--keep-weekly", "10", "--keep-yearly", "10"});
    }

    void agreesWithRestic()
    {
        QFETCH(QStringList, flags);
        RetentionPolicy policy;
        for (qsizetype i = 0; i + 1 < flags.size(); i += 2) {
            QString why;
            QVERIFY2(policy.setFlag(flags.at(i).mid(2), flags.at(i + 1), &why), qPrintable(why));
        }
        // restic's verdicts by "host time": "keep: reason, reason" or "remove" (all repositories at once).
        QList<QProcess *> forgets;
        for (const QString &server : std::as_const(m_servers))
            forgets.append(startRestic(server, QStringList{QStringLiteral("--no-lock"), QStringLiteral("forget"),
                                                           QStringLiteral("--dry-run"), QStringLiteral("--json"),
                                                           QStringLiteral("--group-by"), QStringLiteral("host")}
                                                   + flags));
        QHash<QString, QString> restic;
        int groupCount = 0;
        bool allOk = true;
        for (QProcess *process : std::as_const(forgets)) {
            bool ok = false;
            const QByteArray json = finish(process, &ok);
            allOk &= ok;
            const QJsonArray groups = QJsonDocument::fromJson(json).array();
            groupCount += int(groups.size());
            for (const QJsonValue &group : groups) {
                const QString host = group[QLatin1String("host")].toString();
                const auto key = [&](const QJsonValue &snapshot) -> QString {
                    return host + QLatin1Char(' ')
                        + QDateTime::fromString(snapshot[QLatin1String("time")].toString(), Qt::ISODate).toUTC().toString(Qt::ISODate);
                };
                for (const QJsonValue &reason : group[QLatin1String("reasons")].toArray()) {
                    QStringList matches;
                    for (const QJsonValue &m : reason[QLatin1String("matches")].toArray())
                        matches.append(m.toString());
                    restic.insert(key(reason[QLatin1String("snapshot")]), QStringLiteral("keep: ") + matches.join(QStringLiteral(", ")));
                }
                for (const QJsonValue &kept : group[QLatin1String("keep")].toArray())
                    QVERIFY2(restic.contains(key(kept)), qPrintable(key(kept)));
                for (const QJsonValue &removed : group[QLatin1String("remove")].toArray())
                    restic.insert(key(removed), QStringLiteral("remove"));
            }
        }
        QVERIFY(allOk);
        QCOMPARE(groupCount, int(m_servers.size()));

        const QList<RetentionDecision> decisions = decideRetention(m_checkpoints, policy);
        QCOMPARE(decisions.size(), m_checkpoints.size());
        QStringList differences;
        int kept = 0;
        int removed = 0;
        QHash<QString, qsizetype> newest;
        for (qsizetype i = 0; i < m_checkpoints.size(); ++i) {
            const CheckpointSummary &c = m_checkpoints.at(i);
            const RetentionDecision &d = decisions.at(i);
            QCOMPARE(d.checkpointId, c.id);
            if (c.status != QLatin1String("available")) {
                QVERIFY2(d.keep && !d.counted, qPrintable(c.id));
                continue;
            }
            if (!newest.contains(c.serverId) || m_checkpoints.at(newest.value(c.serverId)).created < c.created)
                newest.insert(c.serverId, i);
            QStringList reasons;
            for (const QString &reason : d.reasons)
                reasons.append(mapReason(reason));
            const QString ours = d.keep ? QString(QStringLiteral("keep: ") + reasons.join(QStringLiteral(", "))) : QStringLiteral("remove");
            const QString key = c.serverId + QLatin1Char(' ') + c.created.toString(Qt::ISODate);
            (d.keep ? kept : removed)++;
            if (restic.value(key) != ours)
                differences.append(QStringLiteral("%1: restic %2, StackVault %3 (%4)")
                                       .arg(key, restic.value(key, QStringLiteral("(absent)")), ours, d.reasons.join(QStringLiteral(", "))));
            restic.remove(key);
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY2(restic.isEmpty(), qPrintable(QStringList(restic.keys()).mid(0, 10).join(QLatin1Char('\n'))));
        for (qsizetype i : std::as_const(newest))
            QVERIFY2(decisions.at(i).keep, qPrintable(m_checkpoints.at(i).id));
        qInfo("%s: %d kept, %d removed; restic agrees", QTest::currentDataTag(), kept, removed);
    }
};

QTEST_GUILESS_MAIN(TestRetentionOracle)
#include "tst_retentionoracle.moc"
