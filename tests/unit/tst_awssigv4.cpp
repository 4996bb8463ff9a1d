// AwsSigV4 against published vectors: AWS's Signature Version 4 test suite (credentials AKIDEXAMPLE,
// 2015-08-30T12:36:00Z, us-east-1, service "service") and the worked examples of the S3 API
// reference ("Signature calculations for the Authorization header", examplebucket, 2013-05-24).
// Each step is compared on its own where the vector publishes it, so a failure names the wrong step.
#include "bank/awssigv4.h"

#include <QTest>
#include <QTimeZone>

using sv::AwsSigV4;

namespace {

const QDateTime kSuiteTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC);
const AwsSigV4::Credentials kSuiteCredentials{QStringLiteral("AKIDEXAMPLE"),
                                              QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")};
const QDateTime kS3Time(QDate(2013, 5, 24), QTime(0, 0, 0), Qt::UTC);
// (The S3 reference's example secret has "/bPxR" where the suite's has "+bPxR".)
const AwsSigV4::Credentials kS3Credentials{QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                           QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")};
const QByteArray kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

AwsSigV4::Request suiteRequest(const QByteArray &method, const QString &path,
                               const QList<std::pair<QString, QString>> &query = {})
{
    AwsSigV4::Request request;
    request.method = method;
    request.host = QStringLiteral("example.amazonaws.com");
    request.path = path;
    request.query = query;
    request.headers = {{"X-Amz-Date", "20150830T123600Z"}};
    request.payloadHash = kEmptySha256;
    return request;
}

AwsSigV4::Request s3Request(const QByteArray &method, const QString &path,
                            const QList<std::pair<QString, QString>> &query, const QByteArray &payloadHash)
{
    AwsSigV4::Request request;
    request.method = method;
    request.host = QStringLiteral("examplebucket.s3.amazonaws.com");
    request.path = path;
    request.query = query;
    request.headers = {{"x-amz-date", "20130524T000000Z"}, {"x-amz-content-sha256", payloadHash}};
    request.payloadHash = payloadHash;
    return request;
}

QByteArray signatureOf(const QByteArray &authorization)
{
    return authorization.mid(authorization.indexOf("Signature=") + 10);
}

} // namespace

class TestAwsSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The suite's vectors: the hash of the canonical request (the last line of its .sts file) and the
    // signature of its .authz file.
    void suiteVectors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("queryName");
        QTest::addColumn<QString>("queryValue");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("canonicalRequestHash");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("get-vanilla") << QByteArray("GET") << QStringLiteral("/") << QString() << QString()
                                     << QByteArray() << QByteArray()
                                     << QByteArray("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
                                     << QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        QTest::newRow("post-x-www-form-urlencoded")
            << QByteArray("POST") << QStringLiteral("/") << QString() << QString()
            << QByteArray("application/x-www-form-urlencoded") << QByteArray("Param1=value1")
            << QByteArray("42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281")
            << QByteArray("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }
    void suiteVectors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, canonicalRequestHash);
        QFETCH(QByteArray, signature);
        AwsSigV4::Request request = suiteRequest(method, path);
        if (!contentType.isEmpty())
            request.headers.prepend({"Content-Type", contentType});
        request.payloadHash = AwsSigV4::sha256Hex(body);
        const QByteArray canonical = AwsSigV4::canonicalRequest(request);
        QCOMPARE(AwsSigV4::sha256Hex(canonical), canonicalRequestHash);
        QCOMPARE(AwsSigV4::stringToSign(canonical, kSuiteTime, QStringLiteral("us-east-1"), QStringLiteral("service")),
                 "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                     + canonicalRequestHash);
        const QByteArray authorization = AwsSigV4::authorization(request, kSuiteCredentials, kSuiteTime,
                                                                 QStringLiteral("us-east-1"), QStringLiteral("service"));
        QVERIFY(authorization.startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders="));
        QCOMPARE(signatureOf(authorization), signature);
    }

    // get-vanilla-query-order-key-case: the query is sorted by name before signing.
    void queryIsSortedByName()
    {
        const AwsSigV4::Request request = suiteRequest(
            "GET", QStringLiteral("/"),
            {{QStringLiteral("Param2"), QStringLiteral("value2")}, {QStringLiteral("Param1"), QStringLiteral("value1")}});
        const QByteArray canonical = AwsSigV4::canonicalRequest(request);
        QCOMPARE(canonical.split('\n').value(2), QByteArray("Param1=value1&Param2=value2"));
        QCOMPARE(AwsSigV4::sha256Hex(canonical),
                 QByteArray("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"));
        QCOMPARE(signatureOf(AwsSigV4::authorization(request, kSuiteCredentials, kSuiteTime, QStringLiteral("us-east-1"),
                                                     QStringLiteral("service"))),
                 QByteArray("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
    }

    // get-utf8: a non-ASCII path is percent-encoded once, over UTF-8, with uppercase hex.
    void utf8PathIsEncodedOnce()
    {
        const AwsSigV4::Request request = suiteRequest("GET", QString::fromUtf8("/\xe1\x88\xb4"));
        const QByteArray canonical = AwsSigV4::canonicalRequest(request);
        QCOMPARE(canonical.split('\n').value(1), QByteArray("/%E1%88%B4"));
        QCOMPARE(AwsSigV4::sha256Hex(canonical),
                 QByteArray("2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102"));
    }

    // get-header-value-trim style: values are trimmed and inner runs of spaces collapse.
    void headerValuesAreTrimmed()
    {
        AwsSigV4::Request request = suiteRequest("GET", QStringLiteral("/"));
        request.headers.emplaceBack("My-Header1", "  value1   with  spaces ");
        QByteArray signedHeaders;
        const QByteArray canonical = AwsSigV4::canonicalRequest(request, &signedHeaders);
        QVERIFY(canonical.contains("\nmy-header1:value1 with spaces\n"));
        QCOMPARE(signedHeaders, QByteArray("host;my-header1;x-amz-date"));
    }

    void encoding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("keepSlash");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unreserved") << QStringLiteral("AZaz09-_.~") << false << QByteArray("AZaz09-_.~");
        QTest::newRow("space and plus") << QStringLiteral("a b+c") << false << QByteArray("a%20b%2Bc");
        QTest::newRow("slash in a path") << QStringLiteral("chunks/ab/x") << true << QByteArray("chunks/ab/x");
        QTest::newRow("slash in a query") << QStringLiteral("locks/") << false << QByteArray("locks%2F");
        QTest::newRow("dollar") << QStringLiteral("test$file.text") << true << QByteArray("test%24file.text");
    }
    void encoding()
    {
        QFETCH(QString, text);
        QFETCH(bool, keepSlash);
        QFETCH(QByteArray, encoded);
        QCOMPARE(AwsSigV4::uriEncode(text, keepSlash), encoded);
    }

    // The S3 API reference's examples: GET Object with a Range, GET Bucket lifecycle (a query name
    // without value), ListObjects (prefix + max-keys), PUT Object (a body and extra headers).
    void s3Examples_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("queryName1");
        QTest::addColumn<QString>("queryValue1");
        QTest::addColumn<QString>("queryName2");
        QTest::addColumn<QString>("queryValue2");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("GET Object") << QByteArray("GET") << QStringLiteral("/test.txt") << QString() << QString()
                                    << QString() << QString() << QByteArray()
                                    << QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        QTest::newRow("GET Bucket lifecycle")
            << QByteArray("GET") << QStringLiteral("/") << QStringLiteral("lifecycle") << QString() << QString()
            << QString() << QByteArray()
            << QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        QTest::newRow("ListObjects") << QByteArray("GET") << QStringLiteral("/") << QStringLiteral("max-keys")
                                     << QStringLiteral("2") << QStringLiteral("prefix") << QStringLiteral("J")
                                     << QByteArray()
                                     << QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        QTest::newRow("PUT Object") << QByteArray("PUT") << QStringLiteral("/test$file.text") << QString() << QString()
                                    << QString() << QString() << QByteArray("Welcome to Amazon S3.")
                                    << QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }
    void s3Examples()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, queryName1);
        QFETCH(QString, queryValue1);
        QFETCH(QString, queryName2);
        QFETCH(QString, queryValue2);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        QList<std::pair<QString, QString>> query;
        if (!queryName1.isEmpty())
            query.append({queryName1, queryValue1});
        if (!queryName2.isEmpty())
            query.append({queryName2, queryValue2});
        AwsSigV4::Request request = s3Request(method, path, query, AwsSigV4::sha256Hex(body));
        if (QTest::currentDataTag() == QByteArrayLiteral("GET Object"))
            request.headers.emplaceBack("Range", "bytes=0-9");
        if (method == "PUT") {
            request.headers.emplaceBack("Date", "Fri, 24 May 2013 00:00:00 GMT");
            request.headers.emplaceBack("x-amz-storage-class", "REDUCED_REDUNDANCY");
        }
        const QByteArray authorization = AwsSigV4::authorization(request, kS3Credentials, kS3Time,
                                                                 QStringLiteral("us-east-1"), QStringLiteral("s3"));
        QVERIFY(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                                         "aws4_request, SignedHeaders="));
        QCOMPARE(signatureOf(authorization), signature);
    }

    void amzDateIsUtc()
    {
        const QDateTime berlin(QDate(2015, 8, 30), QTime(14, 36, 0), QTimeZone("Europe/Berlin"));
        QCOMPARE(AwsSigV4::amzDate(berlin), QByteArray("20150830T123600Z"));
    }
};

QTEST_GUILESS_MAIN(TestAwsSigV4)
#include "tst_awssigv4.moc"
