#include "servicetestsupport.h"

#include "fakecloud.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace fake {

QJsonObject apiSample(const QString &path)
{
    QFile file(QStringLiteral(STACKVAULT_TEST_DATA_DIR "/openstack-api-samples/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing API sample %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

void compareShape(const QJsonObject &sample, const QJsonObject &actual, const QString &where,
                  const QStringList &ignore, bool recursive)
{
    static const QStringList freeFormMaps{QStringLiteral("metadata"), QStringLiteral("addresses"),
                                          QStringLiteral("extra_specs")};
    for (auto it = sample.constBegin(); it != sample.constEnd(); ++it) {
        if (ignore.contains(it.key()))
            continue;
        const QString path = where + QLatin1Char('.') + it.key();
        QVERIFY2(actual.contains(it.key()), qPrintable(QStringLiteral("missing ") + path));
        const QJsonValue expected = it.value();
        const QJsonValue value = actual.value(it.key());
        if (expected.isNull() || value.isNull())
            continue;
        QVERIFY2(expected.type() == value.type(), qPrintable(QStringLiteral("type differs at ") + path));
        if (recursive && expected.isObject() && !expected.toObject().isEmpty() && !freeFormMaps.contains(it.key()))
            compareShape(expected.toObject(), value.toObject(), path, ignore, recursive);
    }
}

void startTestScenario(FakeCloud &cloud, const QString &scenario)
{
    QString error;
    QVERIFY2(cloud.loadScenario(QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/") + scenario, &error),
             qPrintable(error));
    QVERIFY(cloud.start());
}

std::unique_ptr<HttpTestClient> demoClient(const FakeCloud &cloud)
{
    auto client = std::make_unique<HttpTestClient>(cloud.baseUrl());
    client->login(QStringLiteral("demo"), QStringLiteral("demo-password"), QStringLiteral("demo"));
    return client;
}

} // namespace fake
