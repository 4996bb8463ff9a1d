// Every seed (tests/fuzz/corpus/<target>/) and every input that once crashed a parser
// (tests/fuzz/regressions/<target>/) goes through that parser in the normal build, so a fixed
// crash stays fixed without clang or libFuzzer.
#include "fuzzentries.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inputs_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        int rows = 0;
        for (const fuzz::Target &target : fuzz::targets()) {
            for (const char *kind : {"corpus", "regressions"}) {
                const QDir dir(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fuzz/%1/%2")
                                   .arg(QLatin1String(kind), QLatin1String(target.name)));
                const QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
                for (const QString &file : files) {
                    QTest::addRow("%s/%s/%s", kind, target.name, qPrintable(file))
                        << QString::fromLatin1(target.name) << dir.filePath(file);
                    ++rows;
                }
            }
        }
        QVERIFY2(rows > 30, "the seed corpus is in the source tree");
    }
    void inputs()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        for (const fuzz::Target &t : fuzz::targets()) {
            if (target == QLatin1String(t.name))
                t.run(data); // must simply return: no crash, no hang, no sanitizer report
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
