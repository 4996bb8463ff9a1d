// The translations are complete and alive: every translatable string in the sources is in each .ts file
// with a finished translation; every context of the .ts files is one the code looks up at run time, and
// the embedded .qm files translate a string of each; the importer's own errors come out translated.
#include "common/icons.h"
#include "common/languagemanager.h"
#include "profiles/cloudconfigimporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QMap>
#include <QSet>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tsFileIsComplete_data();
    void tsFileIsComplete();
    void embeddedTranslationLoads_data();
    void embeddedTranslationLoads();
    void languageManagerSwitches();
    void everyContextIsLookedUp_data();
    void everyContextIsLookedUp();
    void everyContextTranslates_data();
    void everyContextTranslates();
    void importerErrorsAreTranslated_data();
    void importerErrorsAreTranslated();

private:
    struct Message
    {
        QString context;
        QString source;
        QString translation;
    };
    // The finished, plain messages of a .ts file (no disambiguation, no plural forms).
    static QList<Message> readMessages(const QString &tsFile);
    // The contexts that code can look strings up under: the name of every class with Q_OBJECT or Q_GADGET
    // (tr() uses the class's qualified name), every Q_DECLARE_TR_FUNCTIONS argument, and every context
    // literal given to QCoreApplication::translate or QT_TRANSLATE_NOOP.
    static QSet<QString> contextsInCode();
    static QString tsFile(const QString &language);
};

void TestTranslations::initTestCase()
{
    sv::ui::initResources();
}

void TestTranslations::tsFileIsComplete_data()
{
    QTest::addColumn<QString>("tsFile");
    const QStringList files = QStringLiteral(STACKVAULT_TS_FILES).split(QLatin1Char('|'));
    for (const QString &file : files)
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
}

void TestTranslations::tsFileIsComplete()
{
    QFETCH(QString, tsFile);
    // Run lupdate over the sources into a copy: a string that is missing from the .ts file comes back as
    // a new, unfinished message; a string that was never translated is unfinished already.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
    QVERIFY(QFile::copy(tsFile, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QStringList args{QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                     QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-silent")};
    args += QStringLiteral(STACKVAULT_LUPDATE_DIRS).split(QLatin1Char('|'));
    args << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(STACKVAULT_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList missing;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == u"unfinished" || text.trimmed().isEmpty())
                missing << QStringLiteral("%1: \"%2\"").arg(context, source);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 50, "lupdate found suspiciously few strings");
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 missing or unfinished in %2 (run the "
                                                          "update_translations target and translate them):\n%3")
                                               .arg(missing.size())
                                               .arg(QFileInfo(tsFile).fileName(), missing.join(QLatin1Char('\n')))));
}

void TestTranslations::embeddedTranslationLoads_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("includeData");
    QTest::addColumn<QString>("creatingSnapshot");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Serverdaten einschließen")
                        << QStringLiteral("Snapshot wird erstellt");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("包含服务器数据") << QStringLiteral("正在创建快照");
}

void TestTranslations::embeddedTranslationLoads()
{
    QFETCH(QString, language);
    QFETCH(QString, includeData);
    QFETCH(QString, creatingSnapshot);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/stackvault_%1.qm").arg(language)));
    QCOMPARE(translator.translate("sv::ui::ServerDetailsWidget", "Include server data"), includeData);
    // Core strings are translated too (lupdate scans core/).
    QCOMPARE(translator.translate("sv::JobStage", "Creating snapshot"), creatingSnapshot);
}

void TestTranslations::languageManagerSwitches()
{
    sv::ui::LanguageManager languages;
    QVERIFY(languages.apply(QStringLiteral("de")));
    QCOMPARE(QCoreApplication::translate("sv::ui::ServerDetailsWidget", "Include server data"),
             QStringLiteral("Serverdaten einschließen"));
    QVERIFY(languages.apply(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("sv::ui::ServerDetailsWidget", "Include server data"),
             QStringLiteral("Include server data"));
    QVERIFY(languages.availableLanguages().size() >= 4);
}

QString TestTranslations::tsFile(const QString &language)
{
    const QStringList files = QStringLiteral(STACKVAULT_TS_FILES).split(QLatin1Char('|'));
    for (const QString &file : files) {
        if (QFileInfo(file).fileName() == QStringLiteral("stackvault_%1.ts").arg(language))
            return file;
    }
    return {};
}

QList<TestTranslations::Message> TestTranslations::readMessages(const QString &tsFile)
{
    QList<Message> messages;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool plain = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"message") {
            message = Message{context, {}, {}};
            plain = xml.attributes().value(QStringLiteral("numerus")) != u"yes";
        } else if (xml.isStartElement() && xml.name() == u"comment") {
            plain = false;
        } else if (xml.isStartElement() && xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"translation") {
            if (!xml.attributes().value(QStringLiteral("type")).isEmpty())
                plain = false;
            message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (xml.isEndElement() && xml.name() == u"message" && plain) {
            messages.append(message);
        }
    }
    return messages;
}

QSet<QString> TestTranslations::contextsInCode()
{
    static const QRegularExpression literal(
        QStringLiteral(R"re((?:\btranslate|\bQT_TRANSLATE_N?_?NOOP3?)\(\s*"([^"]+)")re"));
    static const QRegularExpression declared(QStringLiteral(R"(\bQ_DECLARE_TR_FUNCTIONS\(\s*([\w:]+)\s*\))"));
    static const QRegularExpression namespaces(QStringLiteral(R"(\bnamespace\s+([\w:]+)\s*\{)"));
    static const QRegularExpression classes(
        QStringLiteral(R"(\b(?:class|struct)\s+(?:\w+_EXPORT\s+)?(\w+)[^;{}()]*\{\s*Q_(?:OBJECT|GADGET)\b)"));
    QSet<QString> contexts;
    const QStringList dirs = QStringLiteral(STACKVAULT_LUPDATE_DIRS).split(QLatin1Char('|'));
    for (const QString &dir : dirs) {
        QDirIterator it(dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            for (const auto &re : {literal, declared}) {
                for (auto match = re.globalMatch(text); match.hasNext();)
                    contexts.insert(match.next().captured(1));
            }
            // A class's context is its name qualified by the namespaces it is declared in; the file's
            // namespaces, outermost first, give the candidates (sv, sv::ui, ...).
            QStringList prefixes{QString()};
            QString chain;
            for (auto match = namespaces.globalMatch(text); match.hasNext();) {
                const QString name = match.next().captured(1);
                chain = chain.isEmpty() || name.startsWith(chain + QLatin1String("::")) ? name
                                                                                          : chain + QLatin1String("::") + name;
                prefixes << name + QLatin1String("::") << chain + QLatin1String("::");
            }
            for (auto match = classes.globalMatch(text); match.hasNext();) {
                const QString name = match.next().captured(1);
                for (const QString &prefix : std::as_const(prefixes))
                    contexts.insert(prefix + name);
            }
        }
    }
    return contexts;
}

void TestTranslations::everyContextIsLookedUp_data()
{
    QTest::addColumn<QString>("context");
    QSet<QString> seen;
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
        for (const Message &message : readMessages(tsFile(language))) {
            if (!seen.contains(message.context)) {
                seen.insert(message.context);
                QTest::newRow(qPrintable(message.context)) << message.context;
            }
        }
    }
}

void TestTranslations::everyContextIsLookedUp()
{
    // A context that no code looks up holds dead translations: lupdate files a tr() in a free function
    // or a class without Q_OBJECT under a name that exists only in the .ts file (this happened to
    // the clouds.yaml importer: "sv", "sv::YamlReader", "YAML").
    QFETCH(QString, context);
    static const QSet<QString> inCode = contextsInCode();
    QVERIFY2(inCode.size() > 20, "the source scan found suspiciously few contexts");
    QVERIFY2(inCode.contains(context),
             qPrintable(QStringLiteral("no code looks strings up in the context \"%1\": call tr() in a class "
                                       "with Q_OBJECT or Q_DECLARE_TR_FUNCTIONS, or Class::tr() from a free "
                                       "function")
                            .arg(context)));
}

void TestTranslations::everyContextTranslates_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
        const QList<Message> messages = readMessages(tsFile(language));
        QVERIFY2(!messages.isEmpty(), qPrintable(tsFile(language)));
        // One message per context, preferably one whose translation reads differently from the English
        // (German writes "%1 min %2 s" as English does: such a context is checked with its first message).
        QMap<QString, Message> chosen;
        for (const Message &message : messages) {
            const auto it = chosen.constFind(message.context);
            if (it == chosen.cend() || (it->translation == it->source && message.translation != message.source))
                chosen.insert(message.context, message);
        }
        for (const Message &message : std::as_const(chosen))
            QTest::addRow("%s %s", qPrintable(language), qPrintable(message.context))
                << language << message.context << message.source << message.translation;
    }
}

void TestTranslations::everyContextTranslates()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, translation);
    // Through the compiled, embedded .qm installed on the application, as the GUI does.
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/stackvault_%1.qm").arg(language)));
    // The .qm holds the message under this context (an unknown one translates to an empty string)...
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), translation);
    // ...and the application's lookup, as tr() does it, finds it.
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData());
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, translation);
}

void TestTranslations::importerErrorsAreTranslated_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("onlyCloud");
    QTest::addColumn<QString>("englishPart");
    // Each error comes from another part of the importer: the YAML reader, the per-cloud checks, the
    // lookup of one cloud.
    QTest::newRow("no key clouds") << QByteArray("profiles: {}\n") << QString() << QStringLiteral("there is no key clouds");
    QTest::newRow("bad syntax") << QByteArray("clouds:\n  a: [1\n") << QString() << QStringLiteral("not valid YAML");
    QTest::newRow("settings not a map") << QByteArray("clouds:\n  a: 3\n") << QString()
                                        << QStringLiteral("expected a map of settings");
    QTest::newRow("no auth_url") << QByteArray("clouds:\n  a:\n    auth:\n      username: u\n") << QString()
                                 << QStringLiteral("is missing");
    QTest::newRow("not a URL") << QByteArray("clouds:\n  a:\n    auth:\n      auth_url: ftp://x/v3\n") << QString()
                               << QStringLiteral("is not an http:// or https:// URL");
    QTest::newRow("bad boolean") << QByteArray("clouds:\n  a:\n    auth:\n      auth_url: https://k/v3\n"
                                               "      username: u\n    verify: maybe\n")
                                 << QString() << QStringLiteral("expected true or false");
    QTest::newRow("unknown cloud") << QByteArray("clouds:\n  a:\n    auth:\n      auth_url: https://k/v3\n")
                                   << QStringLiteral("b") << QStringLiteral("there is no cloud named");
}

void TestTranslations::importerErrorsAreTranslated()
{
    // The importer's real errors, not a lookup by hand: they come out in German once the German
    // translator is installed, wherever in the importer they are made.
    QFETCH(QByteArray, yaml);
    QFETCH(QString, onlyCloud);
    QFETCH(QString, englishPart);
    const QString name = QStringLiteral("/home/u/clouds.yaml");
    const QStringList english = sv::CloudConfigImporter::parse(yaml, name, {}, {}, onlyCloud).errors;
    QCOMPARE(english.size(), 1);
    QVERIFY2(english.constFirst().contains(englishPart), qPrintable(english.constFirst()));

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/stackvault_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QStringList german = sv::CloudConfigImporter::parse(yaml, name, {}, {}, onlyCloud).errors;
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(german.size(), 1);
    QVERIFY2(german.constFirst() != english.constFirst(), qPrintable(german.constFirst()));
    QVERIFY2(!german.constFirst().contains(englishPart), qPrintable(german.constFirst()));
    QVERIFY2(german.constFirst().contains(name), qPrintable(german.constFirst())); // still names the file
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
