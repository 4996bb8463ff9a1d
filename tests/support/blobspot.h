#pragma once

// Where a chunk's stored bytes are in a local bank: its own file (layout chunks-v1) or a range of a
// pack (packs-v1), for tests that damage them on purpose.

#include "bank/localbank.h"
#include "bank/packstore.h"

#include <QFileInfo>

namespace svtest {

struct BlobSpot
{
    QString path;
    qint64 offset = 0;
    qint64 length = 0;
};

inline BlobSpot blobSpot(const sv::LocalBank &bank, const QByteArray &name)
{
    if (sv::PackStore *packs = bank.packStore()) {
        sv::PackStore::Location where;
        if (!packs->locate(name, &where))
            return {};
        return BlobSpot{bank.location() + QLatin1Char('/') + QString::fromLatin1(sv::PackStore::packObjectName(where.pack)),
                        where.offset, where.length};
    }
    return BlobSpot{bank.chunkPath(name), 0, QFileInfo(bank.chunkPath(name)).size()};
}

// Of `names`, the index of the one stored last in its pack (truncating the pack there damages that
// chunk alone); with one file per chunk, `fallback`.
inline qsizetype lastInItsPack(const sv::LocalBank &bank, const QList<QByteArray> &names, qsizetype fallback)
{
    if (!bank.packStore())
        return fallback;
    qsizetype best = fallback;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (blobSpot(bank, names[i]).offset > blobSpot(bank, names[best]).offset)
            best = i;
    }
    return best;
}

} // namespace svtest
