#include "openstack/redaction.h"

#include <QTest>

class TestRedaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redact_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("kept"); // must survive
        QTest::newRow("auth token header") << "X-Auth-Token: gAAAAABk123" << "gAAAAABk123" << "X-Auth-Token";
        QTest::newRow("subject token header any case") << "x-subject-token:gAAAAxyz\r\nVary: X-Auth-Token"
                                                       << "gAAAAxyz" << "Vary";
        QTest::newRow("password json") << "{\"user\": {\"name\": \"demo\", \"password\": \"demo-password\"}}"
                                       << "demo-password" << "\"demo\"";
        QTest::newRow("password with escaped quote") << "{\"password\": \"a\\\"b-secret\"}" << "b-secret" << "password";
        QTest::newRow("app credential secret") << "{\"application_credential\": {\"id\": \"ac1\", \"secret\": \"s3cr3t\"}}"
                                               << "s3cr3t" << "ac1";
        QTest::newRow("adminPass") << "{\"server\": {\"adminPass\": \"xyzzy42\"}}" << "xyzzy42" << "server";
        QTest::newRow("query parameter") << "http://h/v3?password=pw123&user=demo" << "pw123" << "user=demo";
        QTest::newRow("authorization bearer") << "Authorization: Bearer abc.def" << "abc.def" << "Authorization";
        QTest::newRow("aws signature v4") << "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/s3/"
                                             "aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa3155\r\nHost: h"
                                          << "5fa00fa3155" << "Host: h";
        QTest::newRow("presigned url") << "http://h/b/o?X-Amz-Credential=AKID%2F2015&X-Amz-Signature=5fa00fa3155&x=1"
                                       << "5fa00fa3155" << "x=1";
    }
    void redact()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const QString output = sv::openstack::redact(input);
        QVERIFY2(!output.contains(secret), qPrintable(output));
        QVERIFY2(output.contains(kept), qPrintable(output));
        QVERIFY(output.contains(QLatin1String("***")));
        QVERIFY(!sv::openstack::redact(input.toUtf8()).contains(secret));
    }

    void harmless_text_unchanged()
    {
        const QString text = QStringLiteral("GET http://h/compute/v2.1/servers/detail?limit=100 200");
        QCOMPARE(sv::openstack::redact(text), text);
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
