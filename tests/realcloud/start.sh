#!/bin/bash
# Start a real Keystone (identity v3) + Glance (image v2, file store) + Swift
# (all-in-one, keystone auth) on 127.0.0.1 only, with sqlite, all state in DIR.
# scripts/test runs it before ctest (tests labelled `realcloud`); see README.md here.
#
# Usage: start.sh DIR      (DIR is created if missing; use a fresh temp dir, no spaces)
# Knobs: REALCLOUD_TOKEN_EXPIRATION (s, default 3600),
#        REALCLOUD_SHORT_TOKEN_EXPIRATION (s, default 15, 0 = none): token lifetime of the second
#          keystone (keystone-short, REALCLOUD_SHORT_AUTH_URL in DIR/env) for token-expiry tests,
#        REALCLOUD_TOKEN_CACHE_TIME (s, keystonemiddleware cache in glance/swift, default 300, -1 = off)
# Writes DIR/env (demo user creds and its EC2 credentials for S3, ports), DIR/env.admin, DIR/pids, logs in DIR/log.
# Needs: install.sh done.  Stop with stop.sh DIR.
set -euo pipefail

DIR=${1:?usage: start.sh DIR}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3          # Debian's python, never a pyenv/venv one
# Everything talks to 127.0.0.1: never through a developer's HTTP proxy (python-requests in
# keystonemiddleware and the bootstrap honour http_proxy).
export no_proxy=127.0.0.1,localhost${no_proxy:+,$no_proxy} NO_PROXY=127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}
T0=$(date +%s.%N)

if [ -s "$DIR/pids" ]; then
  echo "start.sh: $DIR/pids exists; run stop.sh $DIR first or use a new DIR" >&2
  exit 1
fi

mkdir -p "$DIR"/{log,keystone,glance,swift/node/d1}
: > "$DIR/pids"

# ---------------------------------------------------------------- ports ----
read -r KEYSTONE_PORT GLANCE_PORT SWIFT_PORT ACCOUNT_PORT CONTAINER_PORT OBJECT_PORT SHORT_PORT MEMCACHE_PORT < <(
  "$PY" - <<'EOF'
import socket
socks = []
for _ in range(8):
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    socks.append(s)
print(' '.join(str(s.getsockname()[1]) for s in socks))
EOF
)
rnd() { "$PY" -c 'import secrets; print(secrets.token_hex(12))'; }
ADMIN_PASSWORD=$(rnd); DEMO_PASSWORD=$(rnd); GLANCE_PASSWORD=$(rnd); SWIFT_PASSWORD=$(rnd)
ME=$(id -un); MYGROUP=$(id -gn)
KS_URL="http://127.0.0.1:$KEYSTONE_PORT"
SHORT_EXPIRATION=${REALCLOUD_SHORT_TOKEN_EXPIRATION:-15}
SHORT_URL="http://127.0.0.1:$SHORT_PORT"

# ------------------------------------------------------------- keystone ----
cat > "$DIR/keystone/keystone.conf" <<EOF
[DEFAULT]
log_file = $DIR/log/keystone.log
use_stderr = false
[database]
connection = sqlite:///$DIR/keystone/keystone.sqlite
# test data only: no fsync per commit
sqlite_synchronous = false
[token]
provider = fernet
expiration = ${REALCLOUD_TOKEN_EXPIRATION:-3600}
[fernet_tokens]
key_repository = $DIR/keystone/fernet-keys
[fernet_receipts]
key_repository = $DIR/keystone/fernet-receipts
[credential]
key_repository = $DIR/keystone/credential-keys
# Keystone's cache keeps a created credential without its encrypted_blob, and the s3tokens
# check of an S3 request then fails with KeyError 'encrypted_blob' (HTTP 500): not cached.
caching = false
[identity]
# bcrypt's default 12 rounds costs ~0.3 s of CPU per password auth; 4 is the minimum
password_hash_rounds = 4
[cache]
# Without a cache keystone runs ~200 SQL queries per authenticated request
# (~0.4 s each on this machine); the in-process dogpile cache is correct here
# because there is exactly one keystone process.
enabled = true
backend = dogpile.cache.memory
EOF

# A second keystone on the same database and keys whose tokens live SHORT_EXPIRATION seconds: a test
# logs in there to see a real token expire, while glance, swift and every other test keep the normal
# lifetime. Fernet tokens carry their expiry, so the main keystone (which glance and swift ask)
# rejects them once expired. No cache: the main keystone is where users, roles and endpoints change,
# and a cache here would not see those changes.
keystone_short_conf() {
  sed -e "s|^log_file = .*|log_file = $DIR/log/keystone-short.log|" \
      -e "s|^expiration = .*|expiration = $SHORT_EXPIRATION|" \
      -e "s|^enabled = true|enabled = false|" \
      "$DIR/keystone/keystone.conf" > "$DIR/keystone/keystone-short.conf"
}

wal() {  # readers never block a writer's commit in WAL mode (persistent in the file)
  "$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL").fetchone()[0])' "$1"
}

keystone_keys() {
  # What `keystone-manage fernet_setup` + `credential_setup` produce (keys 0 = staged,
  # 1 = primary), written directly: saves two ~3 s keystone-manage runs.
  "$PY" - "$DIR/keystone" <<'PYEOF'
import os, sys
from cryptography.fernet import Fernet
for repo in ('fernet-keys', 'fernet-receipts', 'credential-keys'):
    d = os.path.join(sys.argv[1], repo)
    os.makedirs(d, mode=0o700, exist_ok=True)
    for idx in ('0', '1'):
        fd = os.open(os.path.join(d, idx), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, Fernet.generate_key())
        os.close(fd)
PYEOF
}

keystone_setup() {  # (set -e is off inside a function called with ||: check each step)
  local c=(--config-file "$DIR/keystone/keystone.conf")
  keystone_keys || return 1
  keystone-manage "${c[@]}" db_sync || return 1
  wal "$DIR/keystone/keystone.sqlite" || return 1
  keystone-manage "${c[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-admin-url "$KS_URL/v3/" --bootstrap-internal-url "$KS_URL/v3/" \
    --bootstrap-public-url "$KS_URL/v3/" --bootstrap-region-id RegionOne
}

# --------------------------------------------------------------- glance ----
cat > "$DIR/glance/glance-api-paste.ini" <<EOF
# glance 25 (Zed) etc/glance-api-paste.ini, keystone flavor only
[pipeline:glance-api-keystone]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $DIR/glance/healthcheck_disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF

cat > "$DIR/glance/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GLANCE_PORT
# 0 = one process, no fork (one PID to stop)
workers = 0
log_file = $DIR/log/glance-api.log
use_stderr = false
enabled_backends = fs:file
image_cache_dir = $DIR/glance/cache
[database]
connection = sqlite:///$DIR/glance/glance.sqlite
sqlite_synchronous = false
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $DIR/glance/images/
[os_glance_staging_store]
filesystem_store_datadir = $DIR/glance/staging/
[os_glance_tasks_store]
filesystem_store_datadir = $DIR/glance/tasks/
[keystone_authtoken]
www_authenticate_uri = $KS_URL/v3
auth_url = $KS_URL/v3
auth_type = password
username = glance
password = $GLANCE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
interface = public
# keystonemiddleware caches a validated token this long (s): a token revoked in
# keystone keeps working on glance/swift until then; -1 = validate every request
token_cache_time = ${REALCLOUD_TOKEN_CACHE_TIME:-300}
[paste_deploy]
flavor = keystone
config_file = $DIR/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $DIR/glance/lock
EOF

glance_setup() {
  "$PY" -m glance.cmd.manage --config-file "$DIR/glance/glance-api.conf" db_sync \
    > "$DIR/log/glance-manage.log" 2>&1 || { cat "$DIR/log/glance-manage.log" >&2; return 1; }
  wal "$DIR/glance/glance.sqlite" >> "$DIR/log/glance-manage.log"
}

# ---------------------------------------------------------------- swift ----
SW=$DIR/swift
cat > "$SW/swift.conf" <<EOF
[swift-hash]
swift_hash_path_suffix = $(rnd)
swift_hash_path_prefix = $(rnd)

[storage-policy:0]
name = Policy-0
default = yes
EOF

for kind in account container object; do
  port_var=${kind^^}_PORT
  cat > "$SW/$kind-server.conf" <<EOF
[DEFAULT]
devices = $SW/node
mount_check = false
bind_ip = 127.0.0.1
bind_port = ${!port_var}
workers = 0
user = $ME
swift_dir = $SW
log_level = INFO

[pipeline:main]
pipeline = healthcheck $kind-server

[app:$kind-server]
use = egg:swift#$kind

[filter:healthcheck]
use = egg:swift#healthcheck
EOF
done

cat > "$SW/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $SWIFT_PORT
workers = 0
user = $ME
swift_dir = $SW
log_level = INFO

[pipeline:main]
# 'cache' (this instance's memcached, as every real Swift runs): without it the proxy asks the
# account and container servers for their info on every request (~3 extra requests each, which made
# the bank tests' Swift CPU-bound); no ratelimit. s3api + s3token: the S3 API with Keystone EC2
# credentials (s3token asks Keystone for the request's signature check); the order authtoken s3api
# s3token keystoneauth is s3api's documented one (authtoken after s3token would strip the identity
# s3token set)
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl authtoken s3api s3token keystoneauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
# keystone projects have no pre-created Swift account
account_autocreate = true

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KS_URL/v3
auth_url = $KS_URL/v3
auth_type = password
username = swift
password = $SWIFT_PASSWORD
project_name = service
user_domain_id = default
project_domain_id = default
region_name = RegionOne
interface = public
delay_auth_decision = true
token_cache_time = ${REALCLOUD_TOKEN_CACHE_TIME:-300}

[filter:s3api]
use = egg:swift#s3api
# the region an S3 client signs for (REALCLOUD_S3_REGION in DIR/env)
location = us-east-1

[filter:s3token]
use = egg:swift#s3token
auth_uri = $KS_URL/v3
# Keystone checks the first request of an access key (s3tokens) and s3token then keeps the EC2
# secret in memcached for this long and checks signatures itself; a signature that does not match
# the kept secret still goes to Keystone (a wrong secret is refused by Keystone, as before). Without
# it every S3 request cost a Keystone s3tokens call (~10 ms of Keystone CPU each).
secret_cache_duration = 300
# service auth for Keystone's s3tokens API (newer Keystones refuse it unauthenticated)
auth_type = password
auth_url = $KS_URL/v3
username = swift
password = $SWIFT_PASSWORD
project_name = service
user_domain_id = default
project_domain_id = default

[filter:keystoneauth]
use = egg:swift#keystoneauth
# bootstrap's roles are admin/member/reader; default 'admin, swiftoperator' would lock out 'member'
operator_roles = admin, member
reseller_admin_role = ResellerAdmin

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHE_PORT
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
[filter:symlink]
use = egg:swift#symlink
EOF

swift_rings() {
  "$PY" "$HERE/lib/make_rings.py" "$SW" d1 "$ACCOUNT_PORT" "$CONTAINER_PORT" "$OBJECT_PORT" > "$DIR/log/swift-rings.log" 2>&1 ||
    { cat "$DIR/log/swift-rings.log" >&2; return 1; }
}

# -------------------------------------------------------------- helpers ----
spawn() {  # spawn NAME CMD...   (background, setsid-free, logs to DIR/log/NAME.out)
  local name=$1; shift
  nohup "$@" > "$DIR/log/$name.out" 2>&1 < /dev/null &
  echo "$! $name" >> "$DIR/pids"
}
wait_http() {  # wait_http NAME URL [seconds]
  local name=$1 url=$2 deadline=$(( $(date +%s) + ${3:-90} ))
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    pid=$(awk -v n="$name" '$2==n{print $1}' "$DIR/pids")
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "start.sh: $name died; tail of its logs:" >&2
      tail -n 30 "$DIR/log/$name".* >&2 || true
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "start.sh: $name not answering at $url" >&2; return 1
    fi
    sleep 0.2
  done
}
fail() { echo "start.sh: FAILED: $*; stopping what started" >&2; "$HERE/stop.sh" "$DIR" >&2 || true; exit 1; }

# ---------------------------------------------------------------- go -------
# Three independent chains run at once; glance-api and the swift proxy need no
# keystone to start (keystonemiddleware contacts it on the first request).
(
  keystone_setup > "$DIR/log/keystone-manage.log" 2>&1 || { tail -n 30 "$DIR/log/keystone-manage.log" >&2; exit 1; }
  export OS_KEYSTONE_CONFIG_FILES="$DIR/keystone/keystone.conf"   # read by keystone itself
  spawn keystone "$PY" "$HERE/lib/keystone_server.py" "$KEYSTONE_PORT"
  if [ "$SHORT_EXPIRATION" != 0 ]; then
    keystone_short_conf
    OS_KEYSTONE_CONFIG_FILES="$DIR/keystone/keystone-short.conf" \
      spawn keystone-short "$PY" "$HERE/lib/keystone_server.py" "$SHORT_PORT"
  fi
) & KPID=$!
(
  glance_setup || exit 1
  spawn glance-api "$PY" -m glance.cmd.api --config-file "$DIR/glance/glance-api.conf"
) & GPID=$!
(
  # memcached refuses to run as root without -u; -U 0: no UDP
  spawn memcached /usr/bin/memcached -l 127.0.0.1 -p "$MEMCACHE_PORT" -U 0 -m 64 -u "$ME"
  swift_rings || exit 1
  for kind in account container object; do
    spawn "swift-$kind" "$PY" "$HERE/lib/swift_server.py" "$SW/$kind-server.conf" "$kind-server" "$SW" "$DIR/log/swift-$kind.log"
  done
  spawn swift-proxy "$PY" "$HERE/lib/swift_server.py" "$SW/proxy-server.conf" proxy-server "$SW" "$DIR/log/swift-proxy.log"
) & RPID=$!
wait $KPID || fail "keystone-manage"
wait $GPID || fail "glance-manage db_sync"
wait $RPID || fail "swift rings"

wait_http keystone "$KS_URL/v3" || fail "keystone"
export KEYSTONE_PORT GLANCE_PORT SWIFT_PORT ADMIN_PASSWORD DEMO_PASSWORD GLANCE_PASSWORD SWIFT_PASSWORD
"$PY" "$HERE/lib/bootstrap.py" > "$DIR/log/bootstrap.log" 2>&1 || { cat "$DIR/log/bootstrap.log" >&2; fail "keystone bootstrap"; }

for kind in account container object; do
  port_var=${kind^^}_PORT
  wait_http "swift-$kind" "http://127.0.0.1:${!port_var}/healthcheck" || fail "swift-$kind"
done
wait_http swift-proxy "http://127.0.0.1:$SWIFT_PORT/healthcheck" || fail "swift-proxy"
wait_http glance-api "http://127.0.0.1:$GLANCE_PORT/healthcheck" || fail "glance-api"
if [ "$SHORT_EXPIRATION" != 0 ]; then
  wait_http keystone-short "$SHORT_URL/v3" || fail "keystone-short"
fi

# ------------------------------------------------------- ec2 credentials ----
# The demo user's Keystone EC2 credentials: the S3 access key and secret for Swift's s3api.
read -r S3_ACCESS S3_SECRET < <(
  env -u OS_CLOUD OS_AUTH_URL="$KS_URL/v3" OS_IDENTITY_API_VERSION=3 OS_USERNAME=demo OS_PASSWORD="$DEMO_PASSWORD" \
    OS_PROJECT_NAME=demo OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=RegionOne \
    openstack ec2 credentials create -f value -c access -c secret 2> "$DIR/log/ec2-credentials.log" | tr '\n' ' '
) || true
[ -n "${S3_SECRET:-}" ] || { cat "$DIR/log/ec2-credentials.log" >&2; fail "openstack ec2 credentials create"; }

# ---------------------------------------------------------------- env ------
common_env() {
cat <<EOF
export OS_AUTH_URL=$KS_URL/v3
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_TYPE=password
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_INTERFACE=public
export OS_IMAGE_API_VERSION=2
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
export REALCLOUD_DIR=$DIR
export REALCLOUD_KEYSTONE_PORT=$KEYSTONE_PORT
export REALCLOUD_GLANCE_PORT=$GLANCE_PORT
export REALCLOUD_SWIFT_PORT=$SWIFT_PORT
export REALCLOUD_SWIFT_ACCOUNT_PORT=$ACCOUNT_PORT
export REALCLOUD_SWIFT_CONTAINER_PORT=$CONTAINER_PORT
export REALCLOUD_SWIFT_OBJECT_PORT=$OBJECT_PORT
export REALCLOUD_MEMCACHE_PORT=$MEMCACHE_PORT
export REALCLOUD_KEYSTONE_URL=$KS_URL
export REALCLOUD_SHORT_TOKEN_EXPIRATION=$SHORT_EXPIRATION
export REALCLOUD_SHORT_AUTH_URL=$([ "$SHORT_EXPIRATION" != 0 ] && echo "$SHORT_URL/v3")
export REALCLOUD_TOKEN_EXPIRATION=${REALCLOUD_TOKEN_EXPIRATION:-3600}
export REALCLOUD_GLANCE_URL=http://127.0.0.1:$GLANCE_PORT
export REALCLOUD_SWIFT_URL=http://127.0.0.1:$SWIFT_PORT/v1
export REALCLOUD_S3_ENDPOINT=http://127.0.0.1:$SWIFT_PORT
export REALCLOUD_S3_REGION=us-east-1
export REALCLOUD_ADMIN_USERNAME=admin
export REALCLOUD_ADMIN_PASSWORD=$ADMIN_PASSWORD
export REALCLOUD_ADMIN_PROJECT=admin
export REALCLOUD_DEMO_USERNAME=demo
export REALCLOUD_DEMO_PASSWORD=$DEMO_PASSWORD
export REALCLOUD_DEMO_PROJECT=demo
EOF
}
{ common_env; cat <<EOF
export OS_USERNAME=demo
export OS_PASSWORD=$DEMO_PASSWORD
export OS_PROJECT_NAME=demo
export REALCLOUD_S3_ACCESS_KEY=$S3_ACCESS
export REALCLOUD_S3_SECRET_KEY=$S3_SECRET
EOF
} > "$DIR/env"
{ common_env; cat <<EOF
export OS_USERNAME=admin
export OS_PASSWORD=$ADMIN_PASSWORD
export OS_PROJECT_NAME=admin
EOF
} > "$DIR/env.admin"
chmod 600 "$DIR/env" "$DIR/env.admin"

T1=$(date +%s.%N)
printf 'start.sh: up in %.1f s: keystone :%s glance :%s swift :%s (a/c/o :%s/%s/%s); source %s/env\n' \
  "$(awk "BEGIN{print $T1 - $T0}")" \
  "$KEYSTONE_PORT" "$GLANCE_PORT" "$SWIFT_PORT" "$ACCOUNT_PORT" "$CONTAINER_PORT" "$OBJECT_PORT" "$DIR"
