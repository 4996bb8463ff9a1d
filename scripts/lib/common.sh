# Shared by scripts/test, scripts/demo, scripts/bench: package installation and the build.
# shellcheck shell=bash

STACKVAULT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian 12 packages needed to build and run StackVault and its tests.
STACKVAULT_BUILD_PACKAGES=(
  cmake ninja-build ccache g++ pkg-config file
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-httpserver-dev qtkeychain-qt6-dev
  qt6-websockets-dev # Debian's Qt6HttpServer CMake package needs Qt6WebSockets but does not pull it in
  libcpp-httplib-dev libyaml-cpp-dev libzstd-dev libssl-dev libsodium-dev
  libgl-dev libglx-dev libopengl-dev
)
STACKVAULT_TEST_PACKAGES=(
  dbus dbus-x11 gnome-keyring xvfb xauth appstream desktop-file-utils curl openssl
  systemd # systemd-analyze: plans' next runs (unit.planschedule) and unit files (unit.planunits, unit.cliplans)
  qemu-utils # qemu-img: export converts to and from qcow2, and the tests check what it wrote
  restic     # the retention oracle (unit.retentionoracle) compares decisions with restic forget
)
# The peers scripts/bench measures StackVault against (issues 8 and 14), and what it measures with.
STACKVAULT_BENCH_PACKAGES=(
  restic rclone socat python3-openstackclient time python3
)
# scripts/test --fuzz: clang with libFuzzer and AddressSanitizer (Debian's clang ships both).
STACKVAULT_FUZZ_PACKAGES=(
  clang
)

# Installs whichever of the given packages are missing (apt-get as root, or through sudo).
stackvault_install_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# stackvault_build BUILD_DIR BUILD_TYPE [cmake args...] [-- TARGET...]
# Configures, then builds TARGET... and what they need (everything, tests included, without targets).
stackvault_build() {
  local dir=$1 type=$2
  shift 2
  local args=() targets=()
  while [ $# -gt 0 ]; do
    if [ "$1" = -- ]; then shift; targets=("$@"); break; fi
    args+=("$1"); shift
  done
  cmake -S "$STACKVAULT_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${args[@]}" >/dev/null
  cmake --build "$dir" --parallel "$(nproc)" ${targets[@]+--target "${targets[@]}"}
}

# The programs scripts/demo and scripts/screenshots run: the app, the CLI and the fake cloud.
STACKVAULT_APP_TARGETS=(stackvault stackvault-cli fakecloud)

# stackvault_app_build [EXTRA_TARGET...]: the build that scripts/demo and scripts/screenshots run.
# BUILD_DIR is set to STACKVAULT_BUILD_DIR (default build/release), built as STACKVAULT_BUILD_TYPE
# (default Release): only STACKVAULT_APP_TARGETS and the extra targets given (not the tests).
# STACKVAULT_NO_BUILD=1 uses the binaries already there as they are (a developer's existing build).
stackvault_app_build() {
  BUILD_DIR=${STACKVAULT_BUILD_DIR:-$STACKVAULT_ROOT/build/release}
  if [ "${STACKVAULT_NO_BUILD:-0}" = 1 ]; then
    local program
    for program in app/stackvault app/stackvault-cli tests/fakecloud/fakecloud; do
      [ -x "$BUILD_DIR/$program" ] || { echo "STACKVAULT_NO_BUILD=1, but $BUILD_DIR/$program is not built" >&2; return 1; }
    done
    return 0
  fi
  stackvault_build "$BUILD_DIR" "${STACKVAULT_BUILD_TYPE:-Release}" -- "${STACKVAULT_APP_TARGETS[@]}" "$@"
}
