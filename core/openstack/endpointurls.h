#pragma once

#include <QString>
#include <QUrl>

// URL arithmetic for OpenStack endpoints: catalog URLs come versioned or not, with or without a
// project id and behind path prefixes (devstack's /compute, /image, /volume). Pure functions so that
// every catalog shape can be unit-tested.
namespace sv::openstack::endpointurls {

// Keystone v3 base (".../v3") from an auth URL given with or without /v3.
QUrl identityBase(const QUrl &authUrl);
// Nova base ".../v2.1[/project]" from the catalog URL (unversioned, /v2, /v2.1, with a project id).
QUrl computeBase(const QUrl &catalogUrl);
// The version document of the compute API: ".../v2.1/" without any project id.
QUrl computeVersionUrl(const QUrl &computeBase);
// Glance's unversioned root (catalog URL without a trailing /v2[.x]) and the v2 base on top of it.
QUrl imageRoot(const QUrl &catalogUrl);
QUrl imageBase(const QUrl &catalogUrl);
// A Glance `next`/`first` link ("/v2/images?marker=...") re-based onto the image root, keeping any
// path prefix the endpoint has (http://h/image + /v2/images -> http://h/image/v2/images).
QUrl rebaseImageLink(const QUrl &catalogUrl, const QString &link);
// Cinder base ".../v3/{project}" from the catalog URL (unversioned, /v3, /v3/{project}, /v2/{project}).
QUrl volumeBase(const QUrl &catalogUrl, const QString &projectId);
// The version document of the block-storage API: ".../v3/" without the project id.
QUrl volumeVersionUrl(const QUrl &volumeBase);
// Neutron base ".../v2.0" from the catalog URL (unversioned or versioned).
QUrl networkBase(const QUrl &catalogUrl);
// base + "/" + relative ("servers/detail?limit=5" keeps its query).
QUrl join(const QUrl &base, const QString &relative);
// The query of a paging link (Nova's servers_links), applied to our own URL: Nova writes its own
// idea of the host into the link, which is wrong behind proxies.
QUrl withQueryOf(const QUrl &url, const QString &link);

} // namespace sv::openstack::endpointurls
