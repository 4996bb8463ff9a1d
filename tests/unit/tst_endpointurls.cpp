#include "openstack/endpointurls.h"

#include <QTest>

namespace urls = sv::openstack::endpointurls;

class TestEndpointUrls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity_data()
    {
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("devstack unversioned") << "http://h/identity" << "http://h/identity/v3";
        QTest::newRow("devstack versioned") << "http://h/identity/v3" << "http://h/identity/v3";
        QTest::newRow("trailing slash") << "https://h:5000/v3/" << "https://h:5000/v3";
        QTest::newRow("port root") << "https://h:5000" << "https://h:5000/v3";
        QTest::newRow("stale v2.0") << "https://h:5000/v2.0" << "https://h:5000/v3";
    }
    void identity()
    {
        QFETCH(QString, authUrl);
        QFETCH(QString, expected);
        QCOMPARE(urls::identityBase(QUrl(authUrl)).toString(), expected);
    }

    void compute_data()
    {
        QTest::addColumn<QString>("catalogUrl");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("versionDocument");
        QTest::newRow("with project") << "https://h:8774/v2.1/6f70" << "https://h:8774/v2.1/6f70" << "https://h:8774/v2.1/";
        QTest::newRow("devstack prefix") << "http://h/compute/v2.1" << "http://h/compute/v2.1" << "http://h/compute/v2.1/";
        QTest::newRow("unversioned") << "http://h/compute" << "http://h/compute/v2.1" << "http://h/compute/v2.1/";
        QTest::newRow("unversioned root") << "http://h:8774/" << "http://h:8774/v2.1" << "http://h:8774/v2.1/";
        QTest::newRow("legacy v2 with project") << "http://h:8774/v2/abc" << "http://h:8774/v2.1/abc"
                                                << "http://h:8774/v2.1/";
    }
    void compute()
    {
        QFETCH(QString, catalogUrl);
        QFETCH(QString, base);
        QFETCH(QString, versionDocument);
        const QUrl computed = urls::computeBase(QUrl(catalogUrl));
        QCOMPARE(computed.toString(), base);
        QCOMPARE(urls::computeVersionUrl(computed).toString(), versionDocument);
    }

    void image_data()
    {
        QTest::addColumn<QString>("catalogUrl");
        QTest::addColumn<QString>("base");
        QTest::newRow("unversioned port") << "https://h:9292" << "https://h:9292/v2";
        QTest::newRow("unversioned prefix") << "http://127.0.0.1:4242/image" << "http://127.0.0.1:4242/image/v2";
        QTest::newRow("versioned") << "https://h:9292/v2" << "https://h:9292/v2";
        QTest::newRow("versioned prefix slash") << "http://h/image/v2/" << "http://h/image/v2";
    }
    void image()
    {
        QFETCH(QString, catalogUrl);
        QFETCH(QString, base);
        QCOMPARE(urls::imageBase(QUrl(catalogUrl)).toString(), base);
    }

    void glance_next_link_data()
    {
        QTest::addColumn<QString>("catalogUrl");
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("expected");
        QTest::newRow("path prefix kept") << "http://127.0.0.1:4242/image" << "/v2/images?marker=abc&limit=2"
                                          << "http://127.0.0.1:4242/image/v2/images?marker=abc&limit=2";
        QTest::newRow("versioned catalog url") << "http://h/image/v2" << "/v2/images?marker=abc"
                                               << "http://h/image/v2/images?marker=abc";
        QTest::newRow("no prefix") << "https://h:9292" << "/v2/images?marker=x&status=active"
                                   << "https://h:9292/v2/images?marker=x&status=active";
        QTest::newRow("absolute link with wrong host") << "http://h/image" << "http://internal:9292/v2/images?marker=m"
                                                       << "http://h/image/v2/images?marker=m";
        QTest::newRow("encoded query survives") << "http://h/image" << "/v2/images?marker=a&name=in%3Afoo"
                                                << "http://h/image/v2/images?marker=a&name=in%3Afoo";
    }
    void glance_next_link()
    {
        QFETCH(QString, catalogUrl);
        QFETCH(QString, link);
        QFETCH(QString, expected);
        QCOMPARE(urls::rebaseImageLink(QUrl(catalogUrl), link).toString(QUrl::FullyEncoded), expected);
    }

    void volume_data()
    {
        QTest::addColumn<QString>("catalogUrl");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("versionDocument");
        QTest::newRow("with project") << "http://h/volume/v3/p1" << "http://h/volume/v3/p1" << "http://h/volume/v3/";
        QTest::newRow("versioned without project") << "http://h/volume/v3" << "http://h/volume/v3/p1" << "http://h/volume/v3/";
        QTest::newRow("unversioned") << "https://h:8776" << "https://h:8776/v3/p1" << "https://h:8776/v3/";
        // No v3 document to read: the version request fails and StackVault speaks 3.0.
        QTest::newRow("v2") << "https://h:8776/v2/p1" << "https://h:8776/v2/p1" << "https://h:8776/v2/p1";
    }
    void volume()
    {
        QFETCH(QString, catalogUrl);
        QFETCH(QString, expected);
        QFETCH(QString, versionDocument);
        const QUrl base = urls::volumeBase(QUrl(catalogUrl), QStringLiteral("p1"));
        QCOMPARE(base.toString(), expected);
        QCOMPARE(urls::volumeVersionUrl(base).toString(), versionDocument);
    }

    void join_and_paging()
    {
        QCOMPARE(urls::join(QUrl(QStringLiteral("http://h/compute/v2.1")), QStringLiteral("servers/detail?limit=5"))
                     .toString(),
                 QStringLiteral("http://h/compute/v2.1/servers/detail?limit=5"));
        QCOMPARE(urls::withQueryOf(QUrl(QStringLiteral("http://h/compute/v2.1/servers/detail")),
                                   QStringLiteral("http://openstack.example.com/v2.1/6f/servers/detail?limit=1&marker=m1"))
                     .toString(),
                 QStringLiteral("http://h/compute/v2.1/servers/detail?limit=1&marker=m1"));
    }
};

QTEST_GUILESS_MAIN(TestEndpointUrls)
#include "tst_endpointurls.moc"
