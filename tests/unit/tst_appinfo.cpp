#include "util/appinfo.h"

#include <QTest>

class TestAppInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names()
    {
        QCOMPARE(sv::applicationName(), QStringLiteral("StackVault"));
        QVERIFY(!sv::applicationVersion().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppInfo)
#include "tst_appinfo.moc"
