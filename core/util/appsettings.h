#pragma once

#include "profiles/s3profile.h"
#include "protection/volumeselection.h"

#include <memory>
#include <optional>
#include <QList>
#include <QObject>
#include <QString>

class QSettings;

namespace sv {

// The application's own settings (not cloud profiles): one typed accessor per key so that callers never
// spell a key or a default twice. The file is INI (QSettings) in QStandardPaths::AppConfigLocation.
// Tests use createTempFileInstance() (or a constructor path) so they never touch the user's real file.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    // The settings file's keys, "section/key" in INI terms. The seed's option must keep exactly this
    // spelling: section `protection`, key `enable_server_snapshot`.
    static constexpr const char *EnableServerSnapshotKey = "protection/enable_server_snapshot";
    // Karbor registered the option in its image protection plugin's own section (image_backup_plugin,
    // karbor/services/protection/protection_plugins/image/image_protection_plugin.py): read there too,
    // when [protection] does not set it.
    static constexpr const char *KarborEnableServerSnapshotKey = "image_backup_plugin/enable_server_snapshot";
    // Which attached volumes a backup with the server's data saves: all (default), none, or NAME,...
    static constexpr const char *BackUpVolumesKey = "protection/back_up_volumes";
    static constexpr const char *BankLocationKey = "bank/location";
    static constexpr const char *ConcurrentJobsKey = "jobs/concurrent";
    // Garbage collection of a pack bank repacks a pack when at least this percentage of its bytes is
    // garbage (1..100; 100 repacks only packs that are entirely garbage, which are removed anyway).
    static constexpr const char *RepackThresholdKey = "bank/repack_threshold";
    static constexpr int DefaultRepackThreshold = 50;
    static constexpr const char *LanguageKey = "ui/language";
    // Section of the saved S3 profiles: s3_profiles/NAME/{endpoint,region,addressing,access_key_id}.
    static constexpr const char *S3ProfilesGroup = "s3_profiles";

    static constexpr int DefaultConcurrentJobs = 2;
    static constexpr int MaxConcurrentJobs = 16;

    // An empty path means the default file, <AppConfigLocation>/stackvault.conf.
    explicit AppSettings(const QString &filePath = QString(), QObject *parent = nullptr);
    ~AppSettings() override;

    // The process-wide instance (created on first use with the default file).
    static AppSettings *instance();
    // Replaces the process-wide instance with one backed by a fresh temporary file (tests).
    static void createTempFileInstance();
    static QString defaultFilePath();

    QString fileName() const;

    // Snapshot the server before backing up its boot image, so data written after boot is included.
    // Default true. Read like oslo.config's BoolOpt: true/false, yes/no, on/off, 1/0 in any case. Any
    // other value gives the default and, in *error, one sentence naming the file, the key and the value.
    bool enableServerSnapshot(QString *error = nullptr) const;
    void setEnableServerSnapshot(bool enabled);

    // The default volume selection of a backup (`[protection] back_up_volumes`): "all" (the default),
    // "none" or a comma-separated list of volume names or ids. A value that is not one of those gives
    // all and, in *error, one sentence naming the file, the key and the value.
    VolumeSelection backUpVolumes(QString *error = nullptr) const;
    void setBackUpVolumes(const VolumeSelection &selection);

    // Where backups are stored: a local folder path (default <AppDataLocation>/bank),
    // swift:CLOUD/CONTAINER for a Swift container of a saved cloud (SwiftBank::parseSpec), or
    // s3:PROFILE/BUCKET for a bucket of a saved S3 profile (S3Bank::parseSpec).
    QString bankLocation() const;
    void setBankLocation(const QString &location);
    static QString defaultBankLocation();

    // The saved S3 profiles (never their secrets), sorted by name; a profile whose entries are not
    // valid is left out.
    QList<S3Profile> s3Profiles() const;
    std::optional<S3Profile> s3Profile(const QString &name) const;
    // Adds or replaces the profile of that name; false with *error when it is not valid.
    bool setS3Profile(const S3Profile &profile, QString *error = nullptr);
    void removeS3Profile(const QString &name);

    int concurrentJobs() const; // default 2, always within 1..MaxConcurrentJobs

    // Percent, default 50, always within 1..100 (another value gives the default).
    int repackThreshold() const;
    void setRepackThreshold(int percent);
    void setConcurrentJobs(int jobs);

    // A locale name such as "de" or "zh_CN"; empty means the system's language.
    QString language() const;
    void setLanguage(const QString &language);

    void sync();

Q_SIGNALS:
    void changed(const QString &key);

private:
    void write(const char *key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace sv
