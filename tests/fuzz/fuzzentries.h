#pragma once
// One entry per parser of outside data. The libFuzzer targets (fuzz_<name>.cpp) call them with the
// fuzzer's bytes; the unit test unit.fuzzregressions calls them with the seed corpus and every input
// that once crashed (tests/fuzz/regressions/), so the normal build re-checks them on every run.

#include <QByteArray>
#include <QList>
#include <QString>

namespace fuzz {

struct Target
{
    const char *name;
    void (*run)(const QByteArray &data);
};

void keystoneToken(const QByteArray &data);  // POST /v3/auth/tokens answer: token, catalog, endpoints
void novaServers(const QByteArray &data);    // servers, server, flavors, keypairs, attachments
void glanceImages(const QByteArray &data);   // images list, image, next links
void faultBody(const QByteArray &data);      // Nova/Cinder, Keystone and Glance error bodies
void cloudsYaml(const QByteArray &data);     // clouds.yaml + secure.yaml (split at a "\n---secure---\n" line)
void bankIndex(const QByteArray &data);      // a checkpoint index, a journal entry
void chunkHeader(const QByteArray &data);    // a stored chunk: header, zstd payload

const QList<Target> &targets();

} // namespace fuzz
