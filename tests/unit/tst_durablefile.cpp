// DurableFile (core/bank/durablefile.h): what writeTemporary writes is what was given, whether the bytes
// go around the page cache (O_DIRECT: large and aligned, as a local bank's packs are) or through it.
#include "bank/durablefile.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using sv::BankError;
using sv::DurableFile;

namespace {

constexpr qsizetype kPage = 4096;

// Whether the file system under `dir` takes O_DIRECT (statx's STATX_DIOALIGN, Linux 6.1+).
bool supportsDirectIo(const QString &dir)
{
    struct statx info = {};
    if (::statx(AT_FDCWD, QFile::encodeName(dir).constData(), 0, STATX_DIOALIGN, &info) != 0)
        return false;
    return (info.stx_mask & STATX_DIOALIGN) && info.stx_dio_mem_align > 0 && info.stx_dio_mem_align <= kPage
        && info.stx_dio_offset_align <= kPage;
}

// Pages of `path` within [0, length) that are in the page cache.
qsizetype residentPages(const QString &path, qsizetype length)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || length == 0)
        return -1;
    void *map = ::mmap(nullptr, size_t(length), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        return -1;
    std::vector<unsigned char> pages(size_t((length + kPage - 1) / kPage));
    const int rc = ::mincore(map, size_t(length), pages.data());
    ::munmap(map, size_t(length));
    if (rc != 0)
        return -1;
    qsizetype resident = 0;
    for (const unsigned char page : pages)
        resident += page & 1;
    return resident;
}

} // namespace

class TestDurableFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeTemporaryWritesTheBytes_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<qsizetype>("misalign"); // bytes past a 4096 boundary where the data starts
        QTest::addColumn<bool>("direct");        // expected around the page cache (where the FS takes it)
        QTest::newRow("1 MiB, aligned") << qsizetype(1024 * 1024) << qsizetype(0) << true;
        QTest::newRow("1 MiB + 123, aligned: a tail through the page cache") << qsizetype(1024 * 1024 + 123)
                                                                             << qsizetype(0) << true;
        QTest::newRow("16 MiB + 4000, aligned (a pack)") << qsizetype(16 * 1024 * 1024 + 4000) << qsizetype(0)
                                                          << true;
        QTest::newRow("2 MiB, not aligned") << qsizetype(2 * 1024 * 1024) << qsizetype(16) << false;
        QTest::newRow("8 KiB, aligned but small") << qsizetype(8192) << qsizetype(0) << false;
        QTest::newRow("empty") << qsizetype(0) << qsizetype(0) << false;
    }

    void writeTemporaryWritesTheBytes()
    {
        QFETCH(qsizetype, size);
        QFETCH(qsizetype, misalign);
        QFETCH(bool, direct);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray storage(size + 2 * kPage, Qt::Uninitialized);
        const auto address = reinterpret_cast<quintptr>(storage.constData());
        const qsizetype start = qsizetype((kPage - address % kPage) % kPage) + misalign;
        QRandomGenerator rng{quint32(size)};
        for (qsizetype i = 0; i < storage.size(); ++i)
            storage[i] = char(rng.bounded(256));
        const QByteArray data = QByteArray::fromRawData(storage.constData() + start, size);

        const QString path = dir.filePath(QStringLiteral("object"));
        QString temp;
        BankError error;
        QVERIFY2(DurableFile::writeTemporary(path, data, &temp, &error), qPrintable(error.message));
        QVERIFY(temp != path);
        QVERIFY(!QFile::exists(path)); // a temporary, renamed by the caller
        // Around the page cache: none of its whole blocks were cached by the write (checked before
        // reading it back, which caches them).
        const qsizetype whole = size / kPage * kPage;
        if (direct && supportsDirectIo(dir.path()))
            QCOMPARE(residentPages(temp, whole), qsizetype(0));
        QVERIFY2(DurableFile::syncFile(temp, &error), qPrintable(error.message));
        QFile file(temp);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), qint64(size));
        QVERIFY(file.readAll() == data);
        QCOMPARE(int(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    }
};

QTEST_GUILESS_MAIN(TestDurableFile)
#include "tst_durablefile.moc"
