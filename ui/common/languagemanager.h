#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTranslator;

namespace sv::ui {

// Installs the translators for the chosen language: StackVault's own (embedded under :/i18n) and,
// when the system has them, Qt's (standard buttons and dialogs).
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    struct Language
    {
        QString code;       // "" for the system's language, else "de", "zh_CN", …
        QString nativeName; // shown in Preferences in its own language
    };

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // The languages StackVault is translated into, plus English and the system default.
    static QList<Language> availableLanguages();

    // An empty code follows the system's locale. Returns false when no translation exists (English
    // is then used, which is never an error).
    bool apply(const QString &code);
    QString currentCode() const { return m_current; }

private:
    void removeTranslators();

    QString m_current;
    QList<QTranslator *> m_installed;
};

} // namespace sv::ui
