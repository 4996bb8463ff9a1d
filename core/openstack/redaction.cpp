#include "openstack/redaction.h"

#include <QRegularExpression>

namespace sv::openstack {

namespace {
const QString kMask = QStringLiteral("***");

// Names whose values are secrets wherever they appear (JSON members, query parameters, headers).
const QString kSecretNames = QStringLiteral(
    "password|secret|adminPass|admin_pass|token|access_token|refresh_token|auth_token|api_key|passcode|"
    "x-auth-token|x-subject-token|x-service-token|x-storage-token|x-auth-key|authorization|"
    "x-amz-signature|x-amz-security-token|x-amz-credential");

const QRegularExpression &headerPattern()
{
    // "X-Auth-Token: abc" / "X-Subject-Token=abc" (header dumps, curl-like traces)
    static const QRegularExpression re(
        QStringLiteral(R"(\b(x-auth-token|x-subject-token|x-service-token|x-storage-token|x-auth-key|)"
                       R"(authorization)(\s*[:=]\s*)([^\r\n,;"]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &authorizationPattern()
{
    // An AWS Signature V4 value holds commas ("Credential=..., SignedHeaders=..., Signature=..."): the
    // whole rest of the line is masked, not only up to the first comma.
    static const QRegularExpression re(QStringLiteral(R"(\b(authorization)(\s*[:=]\s*)([^\r\n"]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &jsonStringPattern()
{
    // "password": "..." including escaped quotes inside the value
    static const QRegularExpression re(QStringLiteral(R"re("()re") + kSecretNames
                                           + QStringLiteral(R"re()"\s*:\s*"((?:[^"\\]|\\.)*)")re"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &queryPattern()
{
    static const QRegularExpression re(QStringLiteral(R"re(([?&;](?:)re") + kSecretNames
                                           + QStringLiteral(R"re()=)([^&#\s"]*))re"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString replaceGroup(const QString &input, const QRegularExpression &re, int keepGroups)
{
    QString result;
    result.reserve(input.size());
    qsizetype last = 0;
    auto it = re.globalMatch(input);
    while (it.hasNext()) {
        const auto match = it.next();
        const int valueGroup = keepGroups + 1;
        result += QStringView(input).mid(last, match.capturedStart(valueGroup) - last);
        result += kMask;
        last = match.capturedEnd(valueGroup);
    }
    result += QStringView(input).mid(last);
    return result;
}
} // namespace

QString redact(QStringView text)
{
    QString out = text.toString();
    out = replaceGroup(out, authorizationPattern(), 2);
    out = replaceGroup(out, headerPattern(), 2);
    out = replaceGroup(out, jsonStringPattern(), 1);
    out = replaceGroup(out, queryPattern(), 1);
    return out;
}

QString redact(const QByteArray &utf8) { return redact(QString::fromUtf8(utf8)); }

} // namespace sv::openstack
