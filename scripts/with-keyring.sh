#!/usr/bin/env bash
# Run a command against a real, unlocked Secret Service (gnome-keyring) on a private D-Bus
# session bus, so keyring code is exercised for real on a headless machine or in CI.
#
#   scripts/with-keyring.sh CMD [ARGS...]
#
# The command runs with CREATORDESK_REQUIRE_KEYRING=1 (the Go keyring integration test then fails
# instead of skipping) and a throwaway XDG_DATA_HOME; its exit code is returned. The bus, the
# keyring daemon and the temp dir are removed afterwards. HOME and the Go/npm caches are untouched.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

# Outer half: start a private session bus and re-run this script inside it. dbus-run-session
# stops the bus when the inner half exits and passes on its exit code.
if [[ -z "${_CREATORDESK_KEYRING_INNER:-}" ]]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-keyring: '$tool' not found; run 'make deps' (Debian packages dbus, gnome-keyring)" >&2
      exit 127
    fi
  done
  export _CREATORDESK_KEYRING_INNER=1
  exec dbus-run-session -- "$0" "$@"
fi
unset _CREATORDESK_KEYRING_INNER

tmp=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-keyring.XXXXXX")
keyring_pid=""

# shellcheck disable=SC2317  # called through the trap
cleanup() {
  if [[ -n "$keyring_pid" ]]; then
    kill "$keyring_pid" 2>/dev/null || true
    wait "$keyring_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
# Make a TERM/INT still run the cleanup above (bash runs the EXIT trap on exit, not on a signal).
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# A fresh keyring store. XDG_RUNTIME_DIR must be unset, not empty (an empty one breaks the
# daemon); the control socket goes into our temp dir instead of ~/.cache.
export XDG_DATA_HOME="$tmp/data"
mkdir -p "$XDG_DATA_HOME" "$tmp/control"
chmod 700 "$tmp/control"
unset XDG_RUNTIME_DIR

# The password on stdin creates and unlocks a new "login" keyring, which becomes the default
# collection. --foreground keeps the daemon our child, so we know its pid and can stop it.
printf 'throwaway-%s-%s' "$$" "$RANDOM" |
  gnome-keyring-daemon --foreground --unlock --components=secrets \
    --control-directory="$tmp/control" >"$tmp/keyring.out" 2>"$tmp/keyring.log" &
keyring_pid=$!

# Wait (bounded) until the Secret Service owns its bus name: without this wait about 1 run in 10
# fails with "failed to unlock correct collection".
has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}
deadline=$((SECONDS + ${KEYRING_WAIT_SECONDS:-10}))
until has_owner; do
  if ! kill -0 "$keyring_pid" 2>/dev/null || ((SECONDS >= deadline)); then
    echo "with-keyring: gnome-keyring-daemon did not provide org.freedesktop.secrets" >&2
    cat "$tmp/keyring.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done

export CREATORDESK_REQUIRE_KEYRING=1
rc=0
"$@" || rc=$?
exit "$rc"
