// The floor of issue 14's CPU goal: what the parts an encrypted backup must run cost on this machine,
// with nothing else around them. One thread, no Qt event loop, no copy but the kernel's: the download is
// received (plain HTTP/1.1 on a socket) straight into the chunk buffer, cut by StackVault's Chunker,
// hashed with SHA-512 as a whole (the check against Glance's os_hash_value), each chunk named by its keyed
// id (HMAC-SHA256), compressed (zstd -1) straight into a 16 MiB pack buffer, sealed in place (AES-256-GCM)
// and the packs written with O_DIRECT; the key is derived once with Argon2id at KeyFile's default cost.
// No checkpoint, index, journal, fsync, retries or progress: a lower bound, not a backup.
//
//   STACKVAULT_BENCH_TOKEN=… stackvault-bench-floor --url http://127.0.0.1:PORT/…/file --dir DIR
//                                                  [--without sha512,hmac,zstd,argon2id]
//
// Prints the bytes received, chunks, new chunks and bytes written. scripts/bench runs it under GNU time
// beside stackvault-cli (cpu rows "floor: …").

#include "bank/bankkeys.h"
#include "bank/chunkcodec.h"
#include "bank/chunker.h"
#include "bank/keyfile.h"

#include <QByteArray>
#include <QSet>
#include <QUrl>

#include <openssl/evp.h>
#include <sodium.h>
#include <zstd.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace {

constexpr size_t kReceiveCapacity = 64u << 20; // the unfinished chunk moves to the front when < 4 MiB is left
constexpr size_t kPackTarget = 16u << 20;
constexpr size_t kPackCapacity = kPackTarget + (8u << 20);
constexpr size_t kAlign = 4096;

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "stackvault-bench-floor: %s\n", what.c_str());
    std::exit(1);
}

struct Without
{
    bool sha512 = false, hmac = false, zstd = false, argon2id = false;
};

char *alignedBuffer(size_t size)
{
    auto *buffer = static_cast<char *>(std::aligned_alloc(kAlign, size));
    if (!buffer)
        die("out of memory");
    return buffer;
}

} // namespace

int main(int argc, char **argv)
{
    QUrl url;
    std::string dir;
    Without without;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--url" && i + 1 < argc) {
            url = QUrl(QString::fromLocal8Bit(argv[++i]));
        } else if (arg == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else if (arg == "--without" && i + 1 < argc) {
            for (const QByteArray &part : QByteArray(argv[++i]).split(',')) {
                if (part == "sha512")
                    without.sha512 = true;
                else if (part == "hmac")
                    without.hmac = true;
                else if (part == "zstd")
                    without.zstd = true;
                else if (part == "argon2id")
                    without.argon2id = true;
                else
                    die("unknown part for --without: " + part.toStdString() + " (sha512, hmac, zstd, argon2id)");
            }
        } else {
            die("usage: stackvault-bench-floor --url http://127.0.0.1:PORT/PATH --dir DIR [--without PARTS]");
        }
    }
    const char *token = std::getenv("STACKVAULT_BENCH_TOKEN");
    if (url.scheme() != QLatin1String("http") || url.host() != QLatin1String("127.0.0.1") || dir.empty() || !token)
        die("needs --url http://127.0.0.1:PORT/PATH (loopback, plain HTTP), --dir and STACKVAULT_BENCH_TOKEN");
    if (sodium_init() < 0)
        die("libsodium failed to start");

    // The storage's key: Argon2id once, at the cost KeyFile uses for a new bank.
    if (!without.argon2id) {
        unsigned char kek[32];
        unsigned char salt[crypto_pwhash_SALTBYTES];
        randombytes_buf(salt, sizeof salt);
        const char passphrase[] = "stackvault-bench";
        if (crypto_pwhash(kek, sizeof kek, passphrase, sizeof passphrase - 1, salt, sv::KeyFile::DefaultOpsLimit,
                          size_t(sv::KeyFile::DefaultMemLimitKib) * 1024, crypto_pwhash_ALG_ARGON2ID13)
            != 0)
            die("Argon2id failed (out of memory?)");
    }
    const auto keys = sv::BankKeys::fromMasterKey(sv::BankKeys::randomMasterKey(), QStringLiteral("floor"));

    const int socketFd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(url.port(80)));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (socketFd < 0 || ::connect(socketFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        die("cannot connect to " + url.toString().toStdString());
    const std::string request = "GET " + url.path(QUrl::FullyEncoded).toStdString() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "X-Auth-Token: " + token + "\r\nConnection: close\r\n\r\n";
    if (::write(socketFd, request.data(), request.size()) != ssize_t(request.size()))
        die("cannot send the request");

    char *buffer = alignedBuffer(kReceiveCapacity);
    size_t filled = 0;
    for (;;) { // the response head
        const ssize_t n = ::recv(socketFd, buffer + filled, kReceiveCapacity - filled, 0);
        if (n <= 0)
            die("the connection closed before the response head ended");
        filled += size_t(n);
        const auto *end = static_cast<const char *>(memmem(buffer, filled, "\r\n\r\n", 4));
        if (!end)
            continue;
        if (std::strncmp(buffer, "HTTP/1.1 200", 12) != 0)
            die("the image service answered: " + std::string(buffer, std::min<size_t>(filled, 80)));
        const size_t body = size_t(end - buffer) + 4;
        std::memmove(buffer, buffer + body, filled - body); // once, the first bytes
        filled -= body;
        break;
    }

    EVP_MD_CTX *sha512 = EVP_MD_CTX_new();
    EVP_DigestInit_ex(sha512, EVP_sha512(), nullptr);
    ZSTD_CCtx *zstd = ZSTD_createCCtx();
    char *pack = alignedBuffer(kPackCapacity);
    size_t packFilled = 0;
    const std::string packPath = dir + "/pack";
    const int packFd = ::open(packPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_DIRECT, 0600);
    if (packFd < 0)
        die("cannot open " + packPath + " with O_DIRECT");
    QSet<QByteArray> seen;
    qint64 received = qint64(filled), chunks = 0, newChunks = 0, written = 0;

    const auto writePack = [&] {
        const size_t size = (packFilled + kAlign - 1) / kAlign * kAlign;
        if (::write(packFd, pack, size) != ssize_t(size))
            die("cannot write " + packPath);
        written += qint64(size);
        packFilled = 0;
    };
    const auto storeChunk = [&](const char *data, size_t size) {
        ++chunks;
        const QByteArray raw = QByteArray::fromRawData(data, qsizetype(size));
        if (!without.sha512)
            EVP_DigestUpdate(sha512, data, size);
        const QByteArray id = without.hmac ? QByteArray::number(chunks) : keys->chunkId(raw);
        if (seen.contains(id))
            return;
        seen.insert(id);
        ++newChunks;
        const size_t bound = ZSTD_compressBound(size);
        if (packFilled + sv::BankKeys::Overhead + sv::ChunkCodec::HeaderSize + bound > kPackCapacity)
            writePack();
        char *payload = pack + packFilled + sv::BankKeys::SealPrefix + sv::ChunkCodec::HeaderSize;
        size_t payloadSize = without.zstd ? 0 : ZSTD_compressCCtx(zstd, payload, bound, data, size, 1);
        if (without.zstd || ZSTD_isError(payloadSize) || payloadSize >= size) {
            std::memcpy(payload, data, size); // stored as is, as the codec does
            payloadSize = size;
        }
        packFilled += size_t(keys->sealInPlace(pack + packFilled, qsizetype(sv::ChunkCodec::HeaderSize + payloadSize), id));
        if (packFilled >= kPackTarget)
            writePack();
    };

    sv::Chunker chunker;
    size_t chunkStart = 0, scanned = 0;
    bool ended = false;
    for (;;) {
        while (scanned < filled) {
            const qsizetype cut = chunker.scan(reinterpret_cast<const uchar *>(buffer) + scanned, qsizetype(filled - scanned));
            if (cut < 0) {
                scanned = filled;
                break;
            }
            scanned += size_t(cut);
            storeChunk(buffer + chunkStart, scanned - chunkStart);
            chunkStart = scanned;
        }
        if (ended)
            break;
        if (kReceiveCapacity - filled < (4u << 20)) { // the unfinished chunk to the front (once per ~60 MiB)
            std::memmove(buffer, buffer + chunkStart, filled - chunkStart);
            filled -= chunkStart;
            scanned -= chunkStart;
            chunkStart = 0;
        }
        const ssize_t n = ::recv(socketFd, buffer + filled, kReceiveCapacity - filled, 0);
        if (n < 0)
            die("receiving failed");
        if (n == 0)
            ended = true;
        filled += size_t(n);
        received += n;
    }
    if (chunkStart < filled)
        storeChunk(buffer + chunkStart, filled - chunkStart);
    if (packFilled > 0)
        writePack();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    EVP_DigestFinal_ex(sha512, digest, &digestSize);
    std::printf("received %lld bytes, %lld chunks, %lld new, %lld bytes written\n", received, chunks, newChunks,
                written);
    ::close(packFd);
    ::unlink(packPath.c_str());
    return 0;
}
