// Streamed image download over real HTTP: verified hashes, Range resume after dropped
// connections, a corrupted byte detected, the consumer stopping the download.
#include "openstacktestcloud.h"

#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/showimagejob.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QTimer>

using namespace sv::openstack;

class TestImageDownloadJob : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<fake::FakeCloud> m_cloud;
    std::unique_ptr<Connection> m_connection;

private Q_SLOTS:
    void init()
    {
        m_cloud = testcloud::startCloud();
        m_connection = testcloud::connect(testcloud::passwordProfile(*m_cloud));
    }
    void cleanup()
    {
        m_connection.reset();
        m_cloud.reset();
    }

    void downloads_and_verifies_data()
    {
        QTest::addColumn<int>("drops");
        QTest::addColumn<bool>("withRecord");
        QTest::newRow("clean, record fetched by the job") << 0 << false;
        QTest::newRow("clean, record given") << 0 << true;
        QTest::newRow("one dropped connection") << 1 << false;
        QTest::newRow("three dropped connections") << 3 << true;
    }
    void downloads_and_verifies()
    {
        QFETCH(int, drops);
        QFETCH(bool, withRecord);
        for (int i = 0; i < drops; ++i) {
            fake::FaultSpec fault;
            fault.kind = fake::Fault::Drop;
            fault.afterBytes = 700 * 1024 + i * 333; // odd sizes: resumes land mid-block
            m_cloud->injectFault(fault);
        }
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        qint64 blocks = 0;
        auto *job = new ImageDownloadJob(m_connection.get(), testcloud::kUbuntuImageId, [&](const QByteArray &block) {
            sha256.addData(block);
            ++blocks;
            return true;
        });
        if (withRecord) {
            auto *show = new ShowImageJob(m_connection.get(), testcloud::kUbuntuImageId);
            QVERIFY(testcloud::run(show).isOk());
            job->setImage(show->image());
            delete show;
        }
        qint64 lastProgress = 0;
        connect(job, &ImageDownloadJob::progress, this, [&](qint64 done, qint64) { lastProgress = done; });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        // Each drop costs at most one resume (Qt may itself re-send a request whose connection
        // closed before the first byte, which then needs none).
        QVERIFY(job->resumeCount() <= drops);
        QVERIFY(drops == 0 || job->resumeCount() >= 1);
        QCOMPARE(job->bytesReceived(), qint64(6 * 1024 * 1024));
        QCOMPARE(lastProgress, job->bytesReceived());
        QCOMPARE(job->md5(), job->image().checksum.toLatin1());
        QCOMPARE(job->osHash(), job->image().osHashValue.toLatin1());
        // What the consumer got is exactly the image's bytes, in order, without gaps or repeats.
        QCOMPARE(sha256.result().toHex(), m_cloud->imageSha256(testcloud::kUbuntuImageId));
        QVERIFY(blocks > 0);
        QCOMPARE(m_cloud->pendingFaults(), 0);
        delete job;
    }

    void corrupted_byte_is_a_checksum_error()
    {
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Corrupt;
        fault.afterBytes = 1234567;
        m_cloud->injectFault(fault);
        auto *job = new ImageDownloadJob(m_connection.get(), testcloud::kCirrosImageId, [](const QByteArray &) { return true; });
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Checksum);
        QVERIFY2(error.message.contains(QLatin1String("cirros-0.6.2")), qPrintable(error.message));
        QVERIFY(error.message.contains(QLatin1String("MD5")));
        delete job;
    }

    void too_many_drops_fail_with_a_sentence()
    {
        // More drops than the job may resume: when a connection closes before Qt has read any of the
        // reply, Qt re-sends the request itself and that drop costs no resume (seen under load), so
        // exactly maxResumes + 1 drops would sometimes let the download succeed.
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Drop;
        fault.count = 20;
        fault.afterBytes = 100 * 1024;
        m_cloud->injectFault(fault);
        auto *job = new ImageDownloadJob(m_connection.get(), testcloud::kCirrosImageId, [](const QByteArray &) { return true; });
        job->setMaxResumes(2);
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Network);
        QCOMPARE(job->resumeCount(), 2);
        QVERIFY2(error.message.contains(QLatin1String("cirros-0.6.2")), qPrintable(error.message));
        delete job;
    }

    void stalled_transfer_times_out_and_resumes()
    {
        m_connection->setInactivityTimeout(std::chrono::milliseconds(700));
        fake::FaultSpec fault;
        fault.kind = fake::Fault::Slow;
        fault.bytesPerSecond = 1; // practically stalled after the first byte
        m_cloud->injectFault(fault);
        auto *job = new ImageDownloadJob(m_connection.get(), testcloud::kCirrosImageId, [](const QByteArray &) { return true; });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QVERIFY(job->retryCount() >= 1);
        delete job;
    }

    void consumer_can_stop_the_download()
    {
        qint64 seen = 0;
        auto *job = new ImageDownloadJob(m_connection.get(), testcloud::kUbuntuImageId, [&](const QByteArray &block) {
            seen += block.size();
            return seen < 1024 * 1024;
        });
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::Canceled);
        QVERIFY(seen < 6 * 1024 * 1024);
        delete job;
    }

    void pause_and_resume_keeps_the_stream_whole()
    {
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        ImageDownloadJob *job = nullptr;
        int pauses = 0;
        job = new ImageDownloadJob(m_connection.get(), testcloud::kCirrosImageId, [&](const QByteArray &block) {
            sha256.addData(block);
            if (pauses < 5) {
                ++pauses;
                job->pause();
                QTimer::singleShot(50, job, [&] { job->resume(); });
            }
            return true;
        });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QVERIFY(pauses >= 2);
        QCOMPARE(sha256.result().toHex(), m_cloud->imageSha256(testcloud::kCirrosImageId));
        delete job;
    }

    // A paused download holds back the sender: Qt stops reading the socket once the reply buffers
    // 4 MiB (ApiJob's stream read buffer), instead of taking the rest of the 6 MiB image into memory.
    void paused_download_buffers_at_most_the_read_buffer()
    {
        struct Probe : ImageDownloadJob
        {
            using ImageDownloadJob::ImageDownloadJob;
            QNetworkReply *reply() const { return currentReply(); }
        };
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        Probe *job = nullptr;
        qint64 firstBlock = -1;
        qint64 bufferedWhilePaused = -1;
        qint64 readBufferSize = -1;
        job = new Probe(m_connection.get(), testcloud::kUbuntuImageId, [&](const QByteArray &block) {
            sha256.addData(block);
            if (firstBlock < 0) {
                firstBlock = block.size();
                job->pause();
                QTimer::singleShot(800, job, [&] {
                    bufferedWhilePaused = job->reply()->bytesAvailable();
                    readBufferSize = job->reply()->readBufferSize();
                    job->resume();
                });
            }
            return true;
        });
        const Error error = testcloud::run(job);
        QVERIFY2(error.isOk(), qPrintable(error.toLogString()));
        QCOMPARE(readBufferSize, qint64(4 * 1024 * 1024));
        QVERIFY(firstBlock > 0);
        // Qt may read one socket chunk past the limit before it stops.
        QVERIFY2(bufferedWhilePaused <= readBufferSize + 512 * 1024, qPrintable(QString::number(bufferedWhilePaused)));
        QVERIFY(bufferedWhilePaused > 0);
        QCOMPARE(sha256.result().toHex(), m_cloud->imageSha256(testcloud::kUbuntuImageId));
        delete job;
    }

    void missing_image_is_not_found()
    {
        auto *job = new ImageDownloadJob(m_connection.get(), QStringLiteral("00000000-0000-4000-8000-000000000000"),
                                         [](const QByteArray &) { return true; });
        const Error error = testcloud::run(job);
        QCOMPARE(error.kind, Error::Kind::NotFound);
        QCOMPARE(error.httpStatus, 404);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestImageDownloadJob)
#include "tst_imagedownloadjob.moc"
