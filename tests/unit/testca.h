#pragma once
// A certificate authority and a server certificate for 127.0.0.1/localhost, made for one test run with
// the openssl command line tool in a temporary directory. Test scaffolding: header-only.

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace testca {

struct Files
{
    QString caCertificate;     // PEM: the test CA (what a profile's CA bundle names)
    QString serverCertificate; // PEM: 127.0.0.1 + localhost, signed by the CA
    QString serverKey;
    QString otherCaCertificate; // PEM: a second CA that did not sign the server certificate
    QString error;             // empty when everything was made
};

inline bool runOpenssl(const QString &dir, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2").arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

inline Files make(const QTemporaryDir &dir)
{
    Files files;
    const QString d = dir.path();
    const QString ext = d + QStringLiteral("/server.ext");
    {
        QFile file(ext);
        if (!file.open(QIODevice::WriteOnly)) {
            files.error = QStringLiteral("cannot write %1").arg(ext);
            return files;
        }
        file.write("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                   "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
    }
    const QList<QStringList> steps{
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
         QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
         QStringLiteral("/CN=StackVault Test CA")},
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("other.key"), QStringLiteral("-out"),
         QStringLiteral("other.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
         QStringLiteral("/CN=Some Other CA")},
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
         QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
         QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
         QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
         QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")},
    };
    for (const QStringList &step : steps) {
        if (!runOpenssl(d, step, &files.error))
            return files;
    }
    files.caCertificate = d + QStringLiteral("/ca.pem");
    files.otherCaCertificate = d + QStringLiteral("/other.pem");
    files.serverCertificate = d + QStringLiteral("/server.pem");
    files.serverKey = d + QStringLiteral("/server.key");
    return files;
}

} // namespace testca
