#include "openstack/servicecatalog.h"

#include <QJsonDocument>
#include <QTest>

using sv::openstack::Error;
using sv::openstack::ServiceCatalog;
using sv::openstack::ServiceType;

namespace {
QJsonArray catalogJson();
} // namespace

class TestServiceCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endpoint_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected"); // empty: NoEndpoint

        const int compute = int(ServiceType::Compute);
        const int image = int(ServiceType::Image);
        const int volume = int(ServiceType::BlockStorage);
        const int identity = int(ServiceType::Identity);
        const int object = int(ServiceType::ObjectStore);
        QTest::newRow("public by default") << compute << QString() << QString() << "https://nova.one.example/v2.1/abc";
        QTest::newRow("internal") << compute << "internal" << "RegionOne" << "http://nova.one.internal:8774/v2.1/abc";
        QTest::newRow("internalURL spelling") << compute << "internalURL" << QString()
                                              << "http://nova.one.internal:8774/v2.1/abc";
        QTest::newRow("region two") << compute << "public" << "RegionTwo" << "https://nova.two.example/compute/v2.1";
        QTest::newRow("no admin compute") << compute << "admin" << QString() << QString();
        QTest::newRow("unknown region") << compute << "public" << "RegionThree" << QString();
        QTest::newRow("image old region field") << image << "public" << "RegionTwo" << "https://two.example:9292";
        QTest::newRow("volumev3 beats volumev2 and volume")
            << volume << "public" << "RegionOne" << "https://one.example/volume/v3/abc";
        QTest::newRow("volumev2 when no v3 in region")
            << volume << "public" << "RegionTwo" << "https://two.example/volume/v2/abc";
        QTest::newRow("identity admin") << identity << "admin" << QString() << "https://id-admin.example/identity/v3";
        QTest::newRow("no object store") << object << QString() << QString() << QString();
    }
    void endpoint()
    {
        QFETCH(int, service);
        QFETCH(QString, interface);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        const ServiceCatalog catalog = ServiceCatalog::fromJson(catalogJson());
        Error error;
        const QUrl url = catalog.endpoint(ServiceType(service), interface, region, &error);
        if (expected.isEmpty()) {
            QVERIFY(url.isEmpty());
            QCOMPARE(error.kind, Error::Kind::NoEndpoint);
            QVERIFY(!error.message.isEmpty());
        } else {
            QVERIFY2(error.isOk(), qPrintable(error.message));
            QCOMPARE(url.toString(), expected);
        }
    }

    void block_storage_official_name_first()
    {
        const QByteArray json =
            "[{\"type\": \"volumev3\", \"endpoints\": [{\"interface\": \"public\", \"region_id\": \"R\", "
            "\"url\": \"http://h/v3/p\"}]},"
            " {\"type\": \"block-storage\", \"endpoints\": [{\"interface\": \"public\", \"region_id\": \"R\", "
            "\"url\": \"http://h/volume/v3/p\"}]}]";
        const ServiceCatalog catalog = ServiceCatalog::fromJson(QJsonDocument::fromJson(json).array());
        QCOMPARE(catalog.endpoint(ServiceType::BlockStorage, {}, {}, nullptr).toString(),
                 QStringLiteral("http://h/volume/v3/p"));
    }

    void missing_endpoint_message_lists_offers()
    {
        const ServiceCatalog catalog = ServiceCatalog::fromJson(catalogJson());
        Error error;
        catalog.endpoint(ServiceType::Compute, QStringLiteral("admin"), {}, &error);
        QVERIFY(error.message.contains(QLatin1String("public/RegionOne")));
        QVERIFY(error.message.contains(QLatin1String("\"admin\"")));
    }
};

namespace {
// A catalog in Keystone v3 shape: services with public/internal/admin endpoints in two regions,
// block storage registered under historical names only.
QJsonArray catalogJson()
{
    const QByteArray json = R"([
      {"type": "identity", "name": "keystone", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "https://id.example/identity"},
        {"interface": "admin", "region_id": "RegionOne", "url": "https://id-admin.example/identity/v3"}]},
      {"type": "compute", "name": "nova", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "https://nova.one.example/v2.1/abc"},
        {"interface": "internal", "region_id": "RegionOne", "url": "http://nova.one.internal:8774/v2.1/abc"},
        {"interface": "public", "region_id": "RegionTwo", "url": "https://nova.two.example/compute/v2.1"}]},
      {"type": "image", "name": "glance", "endpoints": [
        {"interface": "public", "region": "RegionOne", "url": "https://one.example/image"},
        {"interface": "public", "region": "RegionTwo", "url": "https://two.example:9292"}]},
      {"type": "volume", "name": "cinderv1", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "https://one.example/volume/v1/abc"}]},
      {"type": "volumev2", "name": "cinderv2", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "https://one.example/volume/v2/abc"},
        {"interface": "public", "region_id": "RegionTwo", "url": "https://two.example/volume/v2/abc"}]},
      {"type": "volumev3", "name": "cinderv3", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "url": "https://one.example/volume/v3/abc"}]}
    ])";
    return QJsonDocument::fromJson(json).array();
}
} // namespace

QTEST_GUILESS_MAIN(TestServiceCatalog)
#include "tst_servicecatalog.moc"
