#!/usr/bin/env bash
# End-to-end tests: the dev-tagged binary serves the built frontend plus live Go bindings on a
# loopback port (its GTK window sits in Xvfb, its tokens in a throwaway real keyring), and
# frontend/e2e/run.mjs drives Debian's Chromium against it with playwright-core.
#
# Needs: frontend/dist built (make frontend), make deps. `make e2e` does both first.
# Output: build/test-output/e2e/ (the runner's screenshots, app.log). Exit code: the runner's.
# Env: E2E_RUNNER (the node script to run, default frontend/e2e/run.mjs; make screenshots uses
# frontend/e2e/screenshots.mjs), E2E_TIMEOUT (seconds for the runner, default 900), E2E_STARTUP_TIMEOUT (seconds for the app
# to serve, default 60: the demo seeds its workspace first), E2E_KEEP_DATA=1 keeps the data dir,
# E2E_WORKSPACE_DB (a database to open instead of the demo: it is copied into the data dir;
# make bench uses it for the browser figures).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

app=build/bin/creatordesk-dev
out=build/test-output/e2e
startup_timeout=${E2E_STARTUP_TIMEOUT:-60}

if [[ ! -f frontend/e2e/run.mjs ]]; then
  echo "e2e: frontend/e2e/run.mjs (the Playwright runner) does not exist" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
if [[ ! -f frontend/dist/index.html ]]; then
  echo "e2e: frontend/dist is not built: run 'make frontend' first ('make e2e' does)" >&2
  exit 1
fi

echo "e2e: building $app"
version=$(git describe --tags --always --dirty 2>/dev/null || echo 0.0.0-dev)
go build -tags dev,webkit2_41,sqlite_fts5 -ldflags "-X creatordesk/app.Version=$version" -o "$app" .

rm -rf "$out"
mkdir -p "$out"
log=$out/app.log
data=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-e2e.XXXXXX")
# This computer has seen the guided tour: it would cover the views the tests drive (the tour's
# own test turns it back on through app.Desktop).
printf '{"tourDone": true}\n' >"$data/desktop.json"
chmod 600 "$data/desktop.json"
# A free loopback port (the kernel picks it; a tiny race with other programs is acceptable).
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"

group=""
runner=""
# Stop the app first so xvfb-run, the bus and the keyring wind down in order; then sweep the
# whole process group (Xvfb, dbus-daemon, gnome-keyring, WebKit's children) in case.
# shellcheck disable=SC2317  # called through the trap
stop_app() {
  [[ -n "$group" ]] || return 0
  local pids
  pids=$(pgrep -g "$group" -x "$(basename "$app" | cut -c1-15)" || true)
  # shellcheck disable=SC2086  # a list of pids
  [[ -z "$pids" ]] || kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$group" 2>/dev/null || break
    sleep 0.2
  done
  kill -TERM -- "-$group" 2>/dev/null || true
  sleep 0.5
  kill -KILL -- "-$group" 2>/dev/null || true
  wait "$group" 2>/dev/null || true
  group=""
}
# shellcheck disable=SC2317
cleanup() {
  if [[ -n "$runner" ]]; then
    kill -TERM "$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
  stop_app
  if [[ "${E2E_KEEP_DATA:-}" == 1 ]]; then
    echo "e2e: data dir kept: $data"
  else
    rm -rf "$data"
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

app_args=(--demo --data-dir "$data")
if [[ -n "${E2E_WORKSPACE_DB:-}" ]]; then
  cp "$E2E_WORKSPACE_DB" "$data/creatordesk.db"
  chmod 600 "$data/creatordesk.db"
  app_args=(--data-dir "$data")
fi
echo "e2e: starting $app on $url (data dir $data)"
# set -m: the background job gets its own process group, so it can be torn down as a whole.
# With devserver/assetdir in the environment, Wails' dev build leaves argv to the app.
started=$SECONDS
set -m
xvfb-run -a -s '-screen 0 1280x900x24' \
  scripts/with-keyring.sh \
  env devserver="127.0.0.1:$port" assetdir="$root/frontend/dist" NO_AT_BRIDGE=1 \
  "$app" "${app_args[@]}" >"$log" 2>&1 &
group=$!
set +m

# Wait (bounded) until the dev server answers.
deadline=$((started + startup_timeout))
until curl -fsS -o /dev/null --max-time 2 "$url/" 2>/dev/null; do
  if ! kill -0 "$group" 2>/dev/null || ((SECONDS >= deadline)); then
    if kill -0 "$group" 2>/dev/null; then
      echo "e2e: the app did not serve $url within ${startup_timeout}s; its log:" >&2
    else
      echo "e2e: the app exited before serving $url; its log:" >&2
    fi
    cat "$log" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 1
  fi
  sleep 0.25
done
runner_script=${E2E_RUNNER:-frontend/e2e/run.mjs}
echo "e2e: app ready after $((SECONDS - started))s; running $runner_script"

# In the background + wait, so that a TERM/INT to this script is handled at once (the trap
# stops the runner: timeout passes the signal on to it).
E2E_BASE_URL=$url E2E_DATA_DIR=$data E2E_OUT_DIR=$root/$out \
  timeout --kill-after=10 "${E2E_TIMEOUT:-900}" node "$runner_script" &
runner=$!
rc=0
wait "$runner" || rc=$?
runner=""

stop_app
if ((rc != 0)); then
  ((rc == 124)) && echo "e2e: the runner timed out after ${E2E_TIMEOUT:-900}s" >&2
  echo "e2e: FAILED (exit $rc); the app's log ($log):" >&2
  cat "$log" >&2
fi
exit "$rc"
