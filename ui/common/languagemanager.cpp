#include "common/languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sv::ui {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QList<LanguageManager::Language> LanguageManager::availableLanguages()
{
    // Native names are deliberately not translated: people look for their own language's name.
    return {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
}

bool LanguageManager::apply(const QString &code)
{
    removeTranslators();
    m_current = code;
    // English is the source language: nothing to load (and QTranslator would fall back to another
    // of the system's preferred languages).
    if (code == u"en") {
        QLocale::setDefault(QLocale(QLocale::English));
        return true;
    }
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);

    auto *own = new QTranslator(this);
    // QTranslator::load(locale, …) tries "stackvault_zh_CN", then "stackvault_zh", … in :/i18n.
    const bool found = own->load(locale, QStringLiteral("stackvault"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found) {
        QCoreApplication::installTranslator(own);
        m_installed.append(own);
    } else {
        delete own;
    }

    auto *qt = new QTranslator(this);
    if (found && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_installed.append(qt);
    } else {
        delete qt;
    }
    return found;
}

void LanguageManager::removeTranslators()
{
    for (QTranslator *translator : std::as_const(m_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
}

} // namespace sv::ui
