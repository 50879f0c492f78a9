#!/usr/bin/env bash
# Smoke test of the real desktop build: start build/bin/creatordesk under Xvfb (with a throwaway
# real keyring) on an empty data dir, wait for its window, screenshot the screen into
# build/test-output/smoke.png and check the window is not blank.
#
# Env: SMOKE_SKIP_BUILD=1 (the binary is already built; `make smoke` sets it),
#      SMOKE_APP (the command that starts the app, default build/bin/creatordesk; the .deb check
#      starts the installed app inside a fresh Debian root), SMOKE_NAME (output file prefix, default smoke),
#      SMOKE_TIMEOUT (seconds to wait for the window, default 30),
#      SMOKE_MIN_STDDEV (blankness threshold on the window's grey levels, default 0.02).
set -euo pipefail
cd "$(dirname "$0")/.."

app=build/bin/creatordesk
launch=${SMOKE_APP:-$app}
name=${SMOKE_NAME:-smoke}
out=build/test-output
window_name=${SMOKE_WINDOW_NAME:-CreatorDesk}

fail() {
  echo "smoke: $*" >&2
  echo "smoke: 0 passed, 1 failed"
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Inner half: runs inside xvfb-run and scripts/with-keyring.sh (DISPLAY and a bus are set).
if [[ "${1:-}" == --inner ]]; then
  data=$2
  log=$out/$name-app.log
  # shellcheck disable=SC2086  # SMOKE_APP may be a command with arguments
  NO_AT_BRIDGE=1 $launch --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  # shellcheck disable=SC2317  # called through the trap
  stop() {
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 25); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  }
  trap stop EXIT

  # 1. A window with our title appears (bounded).
  deadline=$((SECONDS + ${SMOKE_TIMEOUT:-30}))
  wid=""
  until wid=$(xdotool search --onlyvisible --name "$window_name" 2>/dev/null | sed -n 1p) && [[ -n "$wid" ]]; do
    kill -0 "$pid" 2>/dev/null || fail "the app exited before showing a window"
    ((SECONDS < deadline)) || fail "no window named '$window_name' within ${SMOKE_TIMEOUT:-30}s"
    sleep 0.25
  done
  echo "smoke: window $wid '$(xdotool getwindowname "$wid")' after ${SECONDS}s; $(xwininfo -id "$wid" | grep -E 'Width|Height' | tr -s ' ' | tr '\n' ' ')"

  # 2. Give the page time to render, then poll until the window's content is not blank (bounded).
  sleep "${SMOKE_SETTLE:-3}"
  min=${SMOKE_MIN_STDDEV:-0.02}
  deadline=$((SECONDS + 15))
  while :; do
    kill -0 "$pid" 2>/dev/null || fail "the app exited after showing its window"
    import -window "$wid" "$out/$name-window.png" 2>/dev/null || import -window root "$out/$name-window.png"
    stddev=$(convert "$out/$name-window.png" -colorspace gray -format '%[fx:standard_deviation]' info:)
    awk -v s="$stddev" -v m="$min" 'BEGIN { exit !(s > m) }' && break
    ((SECONDS < deadline)) || fail "the window looks blank (grey-level std dev $stddev <= $min): see $out/$name-window.png"
    sleep 1
  done
  import -window root "$out/$name.png"
  kill -0 "$pid" 2>/dev/null || fail "the app exited while being screenshot"
  echo "smoke: window content std dev $stddev (> $min); screenshot $out/$name.png"

  # 3. One window per data folder: a second launch hands over to the first (over the session
  #    bus) and exits at once, and the first keeps running with its one window.
  before=$(xdotool search --onlyvisible --name "$window_name" 2>/dev/null | wc -l)
  # shellcheck disable=SC2086
  second=$(NO_AT_BRIDGE=1 timeout 20 $launch --data-dir "$data" 2>&1) || fail "the second launch failed or hung: $second"
  [[ "$second" == *"already open"* ]] || fail "the second launch did not hand over to the open window: $second"
  kill -0 "$pid" 2>/dev/null || fail "the first window went away when the app was launched again"
  sleep 1
  windows=$(xdotool search --onlyvisible --name "$window_name" 2>/dev/null | wc -l)
  ((windows == before)) || fail "$windows windows named '$window_name' after a second launch (before: $before)"
  echo "smoke: a second launch on the same data folder handed over to the open window"
  echo "smoke: 1 passed, 0 failed"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Outer half: build, then run the inner half on a fresh display, bus and keyring.
if [[ "${SMOKE_SKIP_BUILD:-}" != 1 ]]; then
  make build
fi
[[ -n "${SMOKE_APP:-}" || -x "$app" ]] || fail "$app is not built (make build)"

mkdir -p "$out"
rm -f "$out/$name.png" "$out/$name-window.png" "$out/$name-app.log"
data=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-smoke.XXXXXX")
inner=""
# shellcheck disable=SC2317  # called through the trap
cleanup() {
  # timeout passes a TERM on to its whole process group (Xvfb, bus, keyring, app).
  [[ -z "$inner" ]] || { kill -TERM "$inner" 2>/dev/null || true; wait "$inner" 2>/dev/null || true; }
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# -br: a black root window, so only the app's own pixels make the screenshot non-blank.
# In the background + wait, so that a TERM/INT to this script is handled at once.
timeout --kill-after=10 180 \
  xvfb-run -a -s '-screen 0 1280x900x24 -br' scripts/with-keyring.sh "$0" --inner "$data" &
inner=$!
rc=0
wait "$inner" || rc=$?
inner=""
if ((rc != 0)); then
  [[ -f "$out/$name-app.log" ]] && { echo "smoke: the app's log:" >&2; cat "$out/$name-app.log" >&2; }
  ((rc == 124)) && echo "smoke: timed out" >&2 && echo "smoke: 0 passed, 1 failed"
fi
exit "$rc"
