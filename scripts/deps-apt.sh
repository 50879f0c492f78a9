#!/usr/bin/env bash
# Install the given Debian packages, but only those not installed yet: fast when all are there.
#   scripts/deps-apt.sh PKG...
set -euo pipefail

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if ((EUID != 0)); then
    sudo=(sudo)
  fi
  echo "deps: installing Debian packages: ${missing[*]}"
  # Wait for another apt/dpkg run to let go of its lock rather than failing at once.
  apt_opts=(-o DPkg::Lock::Timeout=600)
  "${sudo[@]}" apt-get "${apt_opts[@]}" update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

# With dbus-x11 and no session bus, every D-Bus client auto-launches a bus and a keyring daemon
# that never exit; our scripts always use dbus-run-session, but say so.
if [[ "$(dpkg-query -W -f='${Status}' dbus-x11 2>/dev/null || true)" == "install ok installed" ]]; then
  echo "deps: warning: dbus-x11 is installed; run D-Bus clients inside dbus-run-session" \
    "(scripts/with-keyring.sh does) or remove it: apt-get remove dbus-x11" >&2
fi
