#pragma once

// Test data for the bank tests: deterministic synthetic "disk images" mixing zeros, text and random bytes
// like a real disk, and a scattered-change mutation (writes of ~1 MiB at random places, as a guest does).

#include "bank/bank.h"
#include "bank/imagereader.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

#include <algorithm>
#include <cstring>

namespace svtest {

inline void appendText(QByteArray *out, qint64 length, QRandomGenerator &rng)
{
    static const char *const words[] = {"server", "image", "backup", "restore", "kernel", "the", "of", "and",
                                        "log", "error:", "INFO", "cloud", "volume", "2026-11-25", "\n", "=",
                                        "/var/lib", "user", "data", "config", "port", "8080", "OK", "root"};
    const qint64 end = out->size() + length;
    while (out->size() < end) {
        const char *word = words[rng.bounded(int(sizeof(words) / sizeof(words[0])))];
        out->append(word);
        out->append(rng.bounded(8) == 0 ? '\n' : ' ');
    }
    out->truncate(end);
}

inline void appendRandom(QByteArray *out, qint64 length, QRandomGenerator &rng)
{
    const qint64 start = out->size();
    out->resize(start + length);
    qint64 i = start;
    for (; i + 8 <= out->size(); i += 8) {
        const quint64 v = rng.generate64();
        std::memcpy(out->data() + i, &v, 8);
    }
    for (; i < out->size(); ++i)
        (*out)[i] = char(rng.generate());
}

// About 40 % zeros, 30 % text, 30 % random, in segments of 64 KiB .. 2 MiB.
inline QByteArray generateImage(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out;
    out.reserve(size);
    while (out.size() < size) {
        const qint64 length = std::min<qint64>(size - out.size(), 64 * 1024 + rng.bounded(2 * 1024 * 1024));
        const int kind = rng.bounded(10);
        if (kind < 4)
            out.append(length, '\0');
        else if (kind < 7)
            appendText(&out, length, rng);
        else
            appendRandom(&out, length, rng);
    }
    return out;
}

// Overwrites `fraction` of the bytes in `regions` scattered places (random content).
inline QByteArray mutate(QByteArray data, double fraction, int regions, quint32 seed)
{
    QRandomGenerator rng(seed);
    const qint64 perRegion = qint64(double(data.size()) * fraction / regions);
    for (int r = 0; r < regions; ++r) {
        // Regions in distinct slices of the image so they never overlap.
        const qint64 slice = data.size() / regions;
        const qint64 offset = r * slice + rng.bounded(quint64(std::max<qint64>(1, slice - perRegion)));
        QByteArray fresh;
        appendRandom(&fresh, perRegion, rng);
        std::memcpy(data.data() + offset, fresh.constData(), size_t(perRegion));
    }
    return data;
}

// Feeds `data` in pieces of `pieceSize` (a download's read size).
template<typename Writer>
bool feed(Writer &writer, const QByteArray &data, qsizetype pieceSize)
{
    for (qsizetype offset = 0; offset < data.size(); offset += pieceSize) {
        if (!writer.write(data.constData() + offset, std::min(pieceSize, data.size() - offset)))
            return false;
    }
    return true;
}

// An image's whole chunk list in memory (read with Bank::forEachChunk); empty if it cannot be read. For
// the small images of tests only.
inline QList<sv::ChunkRef> chunkRefs(const sv::Bank &bank, const sv::ImageRecord &record)
{
    QList<sv::ChunkRef> refs;
    sv::BankError error;
    if (!bank.forEachChunk(record,
                           [&refs](qint64, const sv::ChunkRef &chunk) {
                               refs.append(chunk);
                               return true;
                           },
                           &error))
        return {};
    return refs;
}

// An image's bytes read back with ImageReader; empty and *error set when reading fails.
inline QByteArray readBack(const sv::Bank &bank, const sv::ImageRecord &record, sv::BankError *error)
{
    sv::ImageReader reader(&bank, record);
    QByteArray out;
    QByteArray piece;
    while (reader.next(&piece))
        out.append(piece);
    *error = reader.error();
    return error->isError() ? QByteArray() : out;
}

} // namespace svtest
