// Glance paging: `next` links ("/v2/images?marker=...") re-based onto the /image endpoint prefix.
#include "openstacktestcloud.h"

#include "openstack/image/listimagesjob.h"

using namespace sv::openstack;

class TestListImagesJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void follows_next_links_with_path_prefix()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new ListImagesJob(connection.get());
        job->setPageSize(1);
        int pages = 0;
        connect(job, &ListImagesJob::pageReceived, this, [&](const QList<Image> &page) {
            ++pages;
            QVERIFY(page.size() <= 1);
        });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QVERIFY(job->images().size() >= 3); // the demo project sees the public images and its own
        QCOMPARE(pages, job->pageCount());
        QVERIFY(job->requestedUrls().size() >= 3);
        const QString prefix = cloud->baseUrl() + QStringLiteral("/image/v2/images?");
        for (const QUrl &url : job->requestedUrls())
            QVERIFY2(url.toString().startsWith(prefix), qPrintable(url.toString()));
        QVERIFY(job->requestedUrls().at(1).query().contains(QLatin1String("marker=")));
        QStringList ids;
        for (const Image &image : job->images())
            ids.append(image.id);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), job->images().size());
        QVERIFY(ids.contains(testcloud::kUbuntuImageId));
        delete job;
    }

    void filters_are_kept_across_pages()
    {
        auto cloud = testcloud::startCloud();
        auto connection = testcloud::connect(testcloud::passwordProfile(*cloud));
        auto *job = new ListImagesJob(connection.get());
        job->setPageSize(1);
        job->setFilter(QStringLiteral("visibility"), QStringLiteral("public"));
        QVERIFY(testcloud::run(job).isOk());
        QVERIFY(job->images().size() >= 2);
        for (const Image &image : job->images())
            QCOMPARE(image.visibility, QStringLiteral("public"));
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestListImagesJob)
#include "tst_listimagesjob.moc"
