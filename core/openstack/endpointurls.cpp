#include "openstack/endpointurls.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

namespace sv::openstack::endpointurls {

namespace {
QStringList segments(const QUrl &url)
{
    return url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

QUrl withSegments(QUrl url, const QStringList &parts)
{
    url.setPath(QLatin1Char('/') + parts.join(QLatin1Char('/')));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool isVersionSegment(const QString &segment, const QString &major)
{
    static const QRegularExpression re(QStringLiteral(R"(^v(\d+)(\.\d+)?$)"));
    const auto match = re.match(segment);
    return match.hasMatch() && (major.isEmpty() || match.captured(1) == major);
}
} // namespace

QUrl identityBase(const QUrl &authUrl)
{
    QStringList parts = segments(authUrl);
    while (!parts.isEmpty() && isVersionSegment(parts.constLast(), {}))
        parts.removeLast(); // "v3", but also a stale "v2.0"
    parts.append(QStringLiteral("v3"));
    return withSegments(authUrl, parts);
}

QUrl computeBase(const QUrl &catalogUrl)
{
    QStringList parts = segments(catalogUrl);
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        if (isVersionSegment(parts.at(i), QStringLiteral("2"))) {
            parts[i] = QStringLiteral("v2.1"); // the legacy v2 endpoint serves v2.1 too
            return withSegments(catalogUrl, parts);
        }
    }
    parts.append(QStringLiteral("v2.1"));
    return withSegments(catalogUrl, parts);
}

QUrl computeVersionUrl(const QUrl &computeBaseUrl)
{
    QStringList parts = segments(computeBaseUrl);
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        if (isVersionSegment(parts.at(i), QStringLiteral("2"))) {
            QUrl url = withSegments(computeBaseUrl, parts.mid(0, i + 1));
            url.setPath(url.path() + QLatin1Char('/'));
            return url;
        }
    }
    return computeBaseUrl;
}

QUrl imageRoot(const QUrl &catalogUrl)
{
    QStringList parts = segments(catalogUrl);
    if (!parts.isEmpty() && isVersionSegment(parts.constLast(), {}))
        parts.removeLast();
    return withSegments(catalogUrl, parts);
}

QUrl imageBase(const QUrl &catalogUrl)
{
    QStringList parts = segments(imageRoot(catalogUrl));
    parts.append(QStringLiteral("v2"));
    return withSegments(catalogUrl, parts);
}

QUrl rebaseImageLink(const QUrl &catalogUrl, const QString &link)
{
    const QUrl linkUrl(link);
    const QUrl root = imageRoot(catalogUrl);
    QString path = linkUrl.path();
    if (!linkUrl.isRelative()) {
        // An absolute link: keep only what follows the version segment, the host may be wrong.
        const QStringList parts = segments(linkUrl);
        qsizetype i = 0;
        while (i < parts.size() && !isVersionSegment(parts.at(i), {}))
            ++i;
        path = QLatin1Char('/') + parts.mid(i).join(QLatin1Char('/'));
    } else if (!path.startsWith(QLatin1Char('/'))) {
        path = QStringLiteral("/v2/") + path;
    }
    QUrl url = root;
    QString rootPath = root.path();
    if (rootPath.endsWith(QLatin1Char('/')))
        rootPath.chop(1);
    url.setPath(rootPath + path);
    url.setQuery(linkUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QUrl volumeVersionUrl(const QUrl &volumeBaseUrl)
{
    const QStringList parts = segments(volumeBaseUrl);
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        if (isVersionSegment(parts.at(i), QStringLiteral("3"))) {
            QUrl url = withSegments(volumeBaseUrl, parts.mid(0, i + 1));
            url.setPath(url.path() + QLatin1Char('/'));
            return url;
        }
    }
    return volumeBaseUrl;
}

QUrl volumeBase(const QUrl &catalogUrl, const QString &projectId)
{
    QStringList parts = segments(catalogUrl);
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        if (isVersionSegment(parts.at(i), {})) {
            if (i == parts.size() - 1 && !projectId.isEmpty())
                parts.append(projectId);
            return withSegments(catalogUrl, parts);
        }
    }
    parts.append(QStringLiteral("v3"));
    if (!projectId.isEmpty())
        parts.append(projectId);
    return withSegments(catalogUrl, parts);
}

QUrl join(const QUrl &base, const QString &relative)
{
    QUrl url = base;
    QString path = base.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QString rel = relative;
    QString query;
    const qsizetype q = rel.indexOf(QLatin1Char('?'));
    if (q >= 0) {
        query = rel.mid(q + 1);
        rel.truncate(q);
    }
    if (!rel.isEmpty() && !rel.startsWith(QLatin1Char('/')))
        rel.prepend(QLatin1Char('/'));
    url.setPath(path + rel);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::StrictMode);
    return url;
}

QUrl withQueryOf(const QUrl &url, const QString &link)
{
    QUrl result = url;
    result.setQuery(QUrl(link).query(QUrl::FullyEncoded), QUrl::StrictMode);
    return result;
}

QUrl networkBase(const QUrl &catalogUrl)
{
    QUrl url = catalogUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v2.0")))
        path += QLatin1String("/v2.0");
    url.setPath(path);
    return url;
}

} // namespace sv::openstack::endpointurls
