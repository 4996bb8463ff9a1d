#pragma once

// What the tests of the fake services share: the test scenario, a logged-in client, and comparing
// answers with the upstream API samples (tests/data/openstack-api-samples).

#include "httptestclient.h"

#include <memory>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fake {

class FakeCloud;

// A sample by its path below openstack-api-samples/ ("nova/server-get-resp.json"); fatal when missing.
QJsonObject apiSample(const QString &path);

// Every key of the sample is present in the answer with the same JSON type; null matches anything
// (samples show null where real values vary). With `recursive`, nested objects are compared the same
// way, except free-form maps (metadata, addresses, extra_specs). Reports failures with QVERIFY2, so
// callers check QTest::currentTestFailed() when they must stop.
void compareShape(const QJsonObject &sample, const QJsonObject &actual, const QString &where,
                  const QStringList &ignore = {}, bool recursive = false);

// Loads tests/fakecloud/scenarios/<scenario> into the cloud and starts it (QVERIFY on failure).
void startTestScenario(FakeCloud &cloud, const QString &scenario = QStringLiteral("test.json"));

// A client logged in as demo/demo-password, scoped to project demo; its token is empty when that failed.
std::unique_ptr<HttpTestClient> demoClient(const FakeCloud &cloud);

} // namespace fake
