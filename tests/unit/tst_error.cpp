#include "openstack/error.h"

#include <QTest>

using sv::openstack::Error;

class TestError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_service_message_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nova conflictingRequest")
            << QByteArray(R"({"conflictingRequest": {"code": 409, "message": "Cannot 'createImage' instance 9a0 while it is in task_state image_snapshot"}})")
            << "Cannot 'createImage' instance 9a0 while it is in task_state image_snapshot";
        QTest::newRow("nova itemNotFound")
            << QByteArray(R"({"itemNotFound": {"message": "Instance abc could not be found.", "code": 404}})")
            << "Instance abc could not be found.";
        QTest::newRow("cinder badRequest")
            << QByteArray(R"({"badRequest": {"code": 400, "message": "Invalid input received: size must be > 0."}})")
            << "Invalid input received: size must be > 0.";
        QTest::newRow("keystone error")
            << QByteArray(R"({"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}})")
            << "The request you have made requires authentication.";
        QTest::newRow("glance webob json")
            << QByteArray(R"({"message": "No image found with ID 42<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"})")
            << "No image found with ID 42";
        QTest::newRow("glance webob text")
            << QByteArray("404 Not Found\n\nNo image found with ID 42\n\n   ")
            << "No image found with ID 42";
        QTest::newRow("glance 409 text")
            << QByteArray("409 Conflict\n\nImage status transition from active to active is not allowed\n\n   ")
            << "Image status transition from active to active is not allowed";
        QTest::newRow("html")
            << QByteArray("<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>")
            << "No server is available to handle this request.";
        QTest::newRow("plain text") << QByteArray("Service temporarily overloaded") << "Service temporarily overloaded";
        QTest::newRow("empty") << QByteArray("  ") << QString();
        QTest::newRow("json without message") << QByteArray(R"({"foo": 1})") << QString();
    }
    void parse_service_message()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QCOMPARE(Error::parseServiceMessage(body), expected);
    }

    void kind_for_status_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("200") << 200 << int(Error::Kind::None);
        QTest::newRow("400") << 400 << int(Error::Kind::BadRequest);
        QTest::newRow("401") << 401 << int(Error::Kind::Authentication);
        QTest::newRow("403") << 403 << int(Error::Kind::Forbidden);
        QTest::newRow("404") << 404 << int(Error::Kind::NotFound);
        QTest::newRow("409") << 409 << int(Error::Kind::Conflict);
        QTest::newRow("413") << 413 << int(Error::Kind::OverLimit);
        QTest::newRow("429") << 429 << int(Error::Kind::OverLimit);
        QTest::newRow("418") << 418 << int(Error::Kind::HttpError);
        QTest::newRow("503") << 503 << int(Error::Kind::Unavailable);
    }
    void kind_for_status()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QCOMPARE(int(Error::kindForStatus(status)), kind);
    }

    void sentences_are_plain()
    {
        for (int k = int(Error::Kind::Network); k <= int(Error::Kind::InvalidArgument); ++k) {
            const QString sentence = Error::defaultSentence(Error::Kind(k), 503, QStringLiteral("detail"));
            QVERIFY2(!sentence.isEmpty(), qPrintable(Error::kindName(Error::Kind(k))));
            QVERIFY(sentence.endsWith(QLatin1Char('.')));
        }
        QVERIFY(Error().isOk());
        QVERIFY(!bool(Error()));
    }

    void log_string_is_redacted()
    {
        Error error = Error::make(Error::Kind::BadRequest, QStringLiteral("bad"), 400);
        error.serviceMessage = QStringLiteral(R"(echo {"password": "hunter2"})");
        QVERIFY(!error.toLogString().contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
