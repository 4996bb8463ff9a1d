// VirtualDisk and its sources: deterministic generated content with a realistic mix, overlays that
// split and merge correctly, cheap frozen copies, and sizes far beyond memory.
#include "generateddisksource.h"
#include "virtualdisk.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <map>

using fake::GeneratedDiskSource;
using fake::VirtualDisk;

namespace {

QByteArray readAll(const VirtualDisk &disk)
{
    QByteArray bytes(disk.size(), Qt::Uninitialized);
    if (!disk.read(0, bytes.data(), bytes.size()))
        return {};
    return bytes;
}

} // namespace

class TestVirtualDisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatedIsDeterministic()
    {
        GeneratedDiskSource a(7, 3 * 1024 * 1024 + 5);
        GeneratedDiskSource b(7, 3 * 1024 * 1024 + 5);
        GeneratedDiskSource c(8, 3 * 1024 * 1024 + 5);
        QByteArray x(a.size(), Qt::Uninitialized);
        QByteArray y(b.size(), Qt::Uninitialized);
        QByteArray z(c.size(), Qt::Uninitialized);
        QVERIFY(a.read(0, x.data(), x.size()));
        QVERIFY(b.read(0, y.data(), y.size()));
        QVERIFY(c.read(0, z.data(), z.size()));
        QCOMPARE(x, y);
        QVERIFY(x != z);
        QVERIFY(x.startsWith("FAKECLOUD-DISK seed=7\n"));
        // Unaligned reads agree with the whole.
        QByteArray part(70000, Qt::Uninitialized);
        QVERIFY(a.read(65530, part.data(), part.size()));
        QCOMPARE(part, x.mid(65530, 70000));
        QVERIFY(!a.read(x.size() - 1, part.data(), 2));
        // A realistic mix: some zero blocks, some text, some incompressible ones.
        int zero = 0;
        int text = 0;
        for (qint64 block = 0; block < x.size() / GeneratedDiskSource::BlockSize; ++block) {
            const QByteArray b64 = x.mid(block * GeneratedDiskSource::BlockSize, GeneratedDiskSource::BlockSize);
            if (b64.count('\0') == b64.size())
                ++zero;
            else if (b64.contains("server "))
                ++text;
        }
        QVERIFY(zero > 0);
        QVERIFY(text > 0);
        QVERIFY(qCompress(x).size() < x.size() * 0.9);
        QVERIFY(qCompress(x).size() > x.size() * 0.2);
    }

    void overlayMatchesModel()
    {
        // Random writes against a plain byte array as the reference model.
        const qint64 size = 256 * 1024;
        VirtualDisk disk(std::make_shared<GeneratedDiskSource>(3, size));
        QByteArray model = readAll(disk);
        QRandomGenerator rng(99);
        for (int i = 0; i < 300; ++i) {
            const qint64 offset = rng.bounded(int(size + 1000));
            QByteArray data(rng.bounded(1, 5000), Qt::Uninitialized);
            for (char &ch : data)
                ch = char(rng.bounded(256));
            disk.write(offset, data);
            if (model.size() < offset + data.size())
                model.append(QByteArray(offset + data.size() - model.size(), '\0'));
            model.replace(offset, data.size(), data);
        }
        QCOMPARE(disk.size(), model.size());
        QCOMPARE(readAll(disk), model);
        QCOMPARE(disk.sha256(), QCryptographicHash::hash(model, QCryptographicHash::Sha256).toHex());
    }

    void frozenCopyIsIndependent()
    {
        VirtualDisk disk(std::make_shared<GeneratedDiskSource>(5, 100000));
        disk.write(10, "before");
        const VirtualDisk snapshot = disk;
        disk.write(12, "AFTER");
        QByteArray a(6, Qt::Uninitialized);
        QVERIFY(snapshot.read(10, a.data(), 6));
        QCOMPARE(a, QByteArray("before"));
        QVERIFY(disk.read(10, a.data(), 6));
        QCOMPARE(a, QByteArray("beAFTE"));
    }

    void hugeDiskCostsNothing()
    {
        // 64 GiB: reads anywhere, writes at the end, without memory to match.
        const qint64 size = qint64(64) << 30;
        VirtualDisk disk(std::make_shared<GeneratedDiskSource>(11, size));
        QCOMPARE(disk.size(), size);
        disk.write(size - 4, "last");
        QByteArray tail(4, Qt::Uninitialized);
        QVERIFY(disk.read(size - 4, tail.data(), 4));
        QCOMPARE(tail, QByteArray("last"));
        QCOMPARE(disk.overlayBytes(), 4);
        qint64 streamed = 0;
        QVERIFY(disk.stream(size - 3 * 1024 * 1024, 3 * 1024 * 1024, [&](const char *, qint64 n) {
            streamed += n;
            return true;
        }));
        QCOMPARE(streamed, 3 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestVirtualDisk)
#include "tst_virtualdisk.moc"
