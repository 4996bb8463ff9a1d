#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace sv {

// Which of a server's attached volumes a backup saves: all (the default), none, or those named (by
// name or id). The CLI's `--volumes all|none|NAME,...` and the settings' `back_up_volumes` use the
// same text.
struct VolumeSelection
{
    enum class Mode { All, None, Named };
    Mode mode = Mode::All;
    QStringList names; // names or ids (Named)

    static VolumeSelection all() { return {}; }
    static VolumeSelection none() { return {Mode::None, {}}; }
    static VolumeSelection named(QStringList namesOrIds) { return {Mode::Named, std::move(namesOrIds)}; }

    // "all", "none" (any case) or a comma-separated list of names or ids; nullopt with `why` otherwise.
    static std::optional<VolumeSelection> parse(const QString &text, QString *why = nullptr);
    QString toString() const;
    bool includes(const QString &id, const QString &name) const;
    // The names in a Named selection that match none of the given volumes (for a clear error).
    QStringList unmatched(const QStringList &ids, const QStringList &names) const;

    friend bool operator==(const VolumeSelection &a, const VolumeSelection &b)
    {
        return a.mode == b.mode && a.names == b.names;
    }
};

} // namespace sv
