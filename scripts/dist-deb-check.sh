#!/usr/bin/env bash
# Installs the .deb on a fresh Debian (bookworm, minbase, made with debootstrap) with `apt-get install`
# resolving its dependencies, checks `creatordesk version`, then starts the installed app under Xvfb
# and screenshots it (build/test-output/deb-install.png), through scripts/smoke.sh.
# The X server and the app's session bus run on the host; the chrooted app reaches them through
# the host's /tmp, bound into the root. Needs root, debootstrap and the smoke test's packages (make deps-dist).
# Env: DEB_CHECK_CACHE (where the pristine debootstrap tarball is kept between runs,
#      default /var/tmp/creatordesk-deb-check); the root itself is always made anew from it.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "deb-check: $*" >&2
  echo "deb-check: 0 passed, 1 failed"
  exit 1
}

deb=$(ls -t build/dist/creatordesk_*_amd64.deb 2>/dev/null | sed -n 1p)
[[ -n "$deb" ]] || fail "no build/dist/creatordesk_*_amd64.deb (make dist-deb)"
[[ $(id -u) == 0 ]] || fail "needs root (debootstrap and chroot)"

cache=${DEB_CHECK_CACHE:-/var/tmp/creatordesk-deb-check}
tarball=$cache/bookworm-minbase.tar
mkdir -p "$cache"
if [[ ! -s "$tarball" ]]; then
  echo "deb-check: debootstrap bookworm (minbase) into a pristine root"
  pristine=$cache/pristine
  rm -rf "$pristine"
  debootstrap --variant=minbase bookworm "$pristine" http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log" >&2; fail "debootstrap failed"; }
  tar -C "$pristine" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$pristine"
fi

root=$(mktemp -d /var/tmp/creatordesk-debroot.XXXXXX)
mounted=()
# shellcheck disable=SC2317  # called through the trap
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"
for m in proc sys dev dev/pts dev/shm; do
  mkdir -p "$root/$m"
  mount --bind "/$m" "$root/$m"
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/creatordesk.deb"

echo "deb-check: apt-get install ./$(basename "$deb") on the fresh root"
chroot "$root" apt-get update -q >"$root/tmp/apt.log" 2>&1 || { tail -20 "$root/tmp/apt.log" >&2; fail "apt-get update failed"; }
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/creatordesk.deb \
  >>"$root/tmp/apt.log" 2>&1 || { tail -30 "$root/tmp/apt.log" >&2; fail "apt-get install of the .deb failed"; }
echo "deb-check: installed; $(grep -c '^Setting up' "$root/tmp/apt.log") packages set up"
chroot "$root" dpkg -s creatordesk | sed -n 's/^Version: /deb-check: installed version /p'
v=$(chroot "$root" /usr/bin/creatordesk version) || fail "the installed app does not run: creatordesk version failed"
echo "deb-check: $v"
[[ -f "$root/usr/share/applications/creatordesk.desktop" ]] || fail "no desktop entry installed"
[[ -f "$root/usr/share/icons/hicolor/256x256/apps/creatordesk.png" ]] || fail "no icon installed"

# The host's /tmp holds what the app must reach: xvfb-run's X authority file, the test bus socket
# and the smoke test's data dir.
mount --bind /tmp "$root/tmp"
mounted+=("$root/tmp")
echo "deb-check: starting the installed app under Xvfb"
SMOKE_SKIP_BUILD=1 SMOKE_NAME=deb-install SMOKE_TIMEOUT=60 \
  SMOKE_APP="chroot $root env HOME=/root XDG_RUNTIME_DIR= /usr/bin/creatordesk" scripts/smoke.sh
