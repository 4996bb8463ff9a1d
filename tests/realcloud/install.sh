#!/bin/bash
# Installs the real OpenStack Keystone + Glance + Swift from Debian 12's packages: the Python library
# packages only. The daemon packages (keystone, glance-api, swift-proxy...) would bring dbconfig-common,
# uwsgi, rsyslog and init scripts that we never use: start.sh runs the WSGI apps itself.
# Idempotent: a no-op (a few dpkg-query calls) when everything is there. apt-get as root or via sudo.
#
#   install.sh                    install what is missing
#   install.sh --list             print the package list (scripts/lib/common.sh reads it from here)
#   APT_CACHE_DIR=/x install.sh   use another archive cache (e.g. to time a cold download)
set -euo pipefail

PKGS=(
  python3-keystone          # keystone WSGI app + keystone-manage (keystone.cmd.manage)
  python3-glance            # glance API (glance.cmd.api) + glance-manage
  python3-glance-store      # file store driver
  python3-keystonemiddleware
  python3-swift             # proxy/account/container/object servers + ring builder (as modules)
  python3-openstackclient   # `openstack` CLI: the independent client in the tests
  python3-glanceclient      # `openstack image ...` plugin
  python3-swiftclient       # `swift` CLI + `openstack object ...`
  python3-requests          # lib/bootstrap.py
  python3-werkzeug          # lib/keystone_server.py (already a keystone dependency via flask)
  memcached                 # the Swift proxy's cache (container/account info, s3token's EC2 secrets)
  curl
)

if [ "${1:-}" = --list ]; then
  printf '%s\n' "${PKGS[@]}"
  exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "realcloud/install.sh: all ${#PKGS[@]} packages already installed"
  exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

# Never let a postinst start a daemon (udev, open-iscsi... come in through os-brick). Debian's
# convention: /usr/sbin/policy-rc.d exiting 101 forbids invoke-rc.d from starting anything. Ours is
# removed again afterwards; an existing one (e.g. a container's) is left alone.
policy_created=
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\n# temporary, from StackVault tests/realcloud/install.sh\nexit 101\n' |
    "${sudo[@]}" tee /usr/sbin/policy-rc.d > /dev/null
  "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
  policy_created=1
fi
cleanup() { [ -z "$policy_created" ] || "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; }
trap cleanup EXIT

extra=()
if [ -n "${APT_CACHE_DIR:-}" ]; then
  mkdir -p "$APT_CACHE_DIR/partial"
  extra+=(-o "Dir::Cache::Archives=$APT_CACHE_DIR")
fi

echo "realcloud/install.sh: installing ${missing[*]}" >&2
# Wait for another apt/dpkg (another build on the machine) rather than fail on its lock.
lock=(-o DPkg::Lock::Timeout=600)
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -q --no-install-recommends \
  "${extra[@]}" -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}"
echo "realcloud/install.sh: done"
