// The translations are complete: every translatable string in the sources is in each .ts file with a
// finished translation, and the embedded .qm files load and translate.
#include "common/icons.h"
#include "common/languagemanager.h"

#include <QCoreApplication>
#include <QDir>
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

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
