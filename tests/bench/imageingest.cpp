// Backup ingest of one Glance image, the way BackupJob's download stage does it (ImageDownloadJob
// streaming into an ImageWriter: chunk + SHA-256 + zstd + store, sha512 of the whole image — md5 only
// when Glance gives no sha512), then the same verification against the image record. For clouds
// without Nova (tests/realcloud has only Keystone, Glance and Swift), where `stackvault-cli backup`
// cannot run; scripts/bench times it from outside, like its peers. A new bank is encrypted, as one the
// CLI makes (passphrase from $STACKVAULT_BANK_PASSPHRASE, the KDF run once, while the cloud is asked for
// a token and the image record, as the CLI does), unless --no-encryption.
//
//   OS_PASSWORD=… STACKVAULT_BANK_PASSPHRASE=… stackvault-bench-ingest --auth-url URL --user U --project P
//       --image ID --bank DIR [--no-encryption]
//
// Prints one JSON line: bytes, seconds (download to durable), new_stored_bytes, verified digest.

#include "bank/imagewriter.h"
#include "bank/localbank.h"
#include "openstack/connection.h"
#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/session.h"
#include "profiles/cloudprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <future>
#include <memory>

using namespace sv;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "stackvault-bench-ingest: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("auth-url"), QStringLiteral("Keystone v3 URL."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("User (domain Default)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project (domain Default)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("image"), QStringLiteral("Image id."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("bank"), QStringLiteral("Local bank folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("no-encryption"), QStringLiteral("Make a new bank plain (not encrypted).")});
    parser.process(app);

    CloudProfile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("bench");
    profile.authUrl = QUrl(parser.value(QStringLiteral("auth-url")));
    profile.userName = parser.value(QStringLiteral("user"));
    profile.userDomainId = QStringLiteral("default");
    profile.projectName = parser.value(QStringLiteral("project"));
    profile.projectDomainId = QStringLiteral("default");
    profile.regionName = QStringLiteral("RegionOne");
    auto session = openstack::Session::create(profile, qEnvironmentVariable("OS_PASSWORD"));
    auto bank = std::make_shared<LocalBank>(parser.value(QStringLiteral("bank")));
    // As BankService prepares every bank the CLI opens: new banks encrypted, the passphrase from the environment.
    const bool encrypt = !parser.isSet(QStringLiteral("no-encryption"));
    bank->setEncryptNewBank(encrypt);
    const QByteArray passphrase = qgetenv("STACKVAULT_BANK_PASSPHRASE");
    if (encrypt && passphrase.isEmpty())
        return fail(QStringLiteral("set STACKVAULT_BANK_PASSPHRASE (or pass --no-encryption)"));
    bank->setPassphrase(passphrase);
    // As the CLI's backup does: the bank opens (for an encrypted one that runs the KDF, ~0.25 s of one
    // core) on another thread while the token and the image record are fetched; the download starts
    // when both are there.
    std::future<BankError> opened = std::async(std::launch::async, [bank] {
        BankError error;
        if (!bank->open(&error) && !error.isError())
            error = BankError::make(BankError::Code::Io, QStringLiteral("The bank did not open."));
        return error;
    });
    auto *connection = new openstack::Connection(session, &app);

    std::unique_ptr<ImageWriter> writer;
    QElapsedTimer timer;
    timer.start();
    auto *show = new openstack::ShowImageJob(connection, parser.value(QStringLiteral("image")), &app);
    QObject::connect(show, &openstack::ApiJob::finished, &app, [&](const openstack::Error &error) {
        if (error)
            return void(fail(error.message));
        const BankError bankError = opened.get();
        if (bankError.isError())
            return void(fail(bankError.message));
        const openstack::Image image = show->image();
        const bool sha512 = image.osHashAlgo == QLatin1String("sha512") && !image.osHashValue.isEmpty();
        ImageWriter::Options options;
        options.computeMd5 = !sha512; // as BackupJob::download
        writer = std::make_unique<ImageWriter>(bank.get(), options);
        ImageWriter *w = writer.get();
        auto *download = new openstack::ImageDownloadJob(
            connection, image.id, [w](const QByteArray &block) { return w->write(block); }, &app);
        download->setImage(image);
        download->setVerifyChecksums(false);
        QObject::connect(download, &openstack::ApiJob::finished, &app, [&, image, sha512](const openstack::Error &e) {
            if (e)
                return void(fail(e.message));
            ImageRecord record;
            BankError finishError;
            if (!writer->finish(&record, &finishError))
                return void(fail(finishError.message));
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            const bool ok = sha512 ? QString::fromLatin1(record.sha512) == image.osHashValue
                                   : QString::fromLatin1(record.md5) == image.checksum;
            if (!ok || record.size != image.size)
                return void(fail(QStringLiteral("verification failed")));
            const QJsonObject result{{QStringLiteral("bytes"), record.size},
                                     {QStringLiteral("seconds"), seconds},
                                     {QStringLiteral("new_bytes"), record.newBytes},
                                     {QStringLiteral("new_stored_bytes"), record.newStoredBytes},
                                     {QStringLiteral("encrypted"), bank->keys().encrypted()},
                                     {QStringLiteral("verified"), sha512 ? QStringLiteral("sha512") : QStringLiteral("md5")}};
            std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
            QCoreApplication::exit(0);
        });
        download->start();
    });
    QTimer::singleShot(0, show, [show] { show->start(); });
    return app.exec();
}
