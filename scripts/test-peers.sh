#!/usr/bin/env bash
# test-peers.sh: runs the Mastodon connector against a real Mastodon-API
# server (GoToSocial) started on loopback. Opt-in (make test-peers), never part
# of make test.
#
# It builds GoToSocial from the Go module proxy once (cached under
# build/peers/, keyed by version), writes a throw-away configuration in a temp
# dir (SQLite database, local storage, bind 127.0.0.1 on a free port, plain
# http, no federation, no Let's Encrypt), creates and confirms two users with
# the server's admin CLI, starts it, and runs the peer tests of the connector
# (build tag "peers"). The tests sign the users in themselves, through the
# connector's own app registration and the server's OAuth sign-in form.
# Everything is stopped and removed on exit.
#
# Environment: GTS_VERSION (default v0.17.3), PEERS_CACHE (default
# build/peers) holds the built server, PEERS_KEEP=1 keeps the temp dir,
# PEERS_RUN (default Peer) is the -run pattern.
set -euo pipefail

GTS_MODULE=github.com/superseriousbusiness/gotosocial
GTS_VERSION=${GTS_VERSION:-v0.17.3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${PEERS_CACHE:-$ROOT/build/peers}
BIN=$CACHE/gotosocial-$GTS_VERSION
WEB=$CACHE/gotosocial-$GTS_VERSION-web
# The rate limit the server applies per client address and 5 minutes; the
# peer test uses it up on purpose at its end to see a real 429.
RATE_LIMIT=${PEERS_RATE_LIMIT:-600}

log() { printf 'test-peers: %s\n' "$*" >&2; }

# build_gts builds the server binary and copies its web templates (the OAuth
# sign-in and authorize pages need them) into the cache.
build_gts() {
	log "building GoToSocial $GTS_VERSION (once; cached in build/peers/)"
	local dir src work
	# The module's go.mod has replace directives, so `go install mod@version`
	# is refused: download the module, copy it somewhere writable and build
	# inside it. The checksum database does not know this tag; the module's
	# own go.sum still verifies every dependency.
	dir=$(GOFLAGS= GONOSUMDB=$GTS_MODULE go mod download -json "$GTS_MODULE@$GTS_VERSION" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		log "could not download $GTS_MODULE@$GTS_VERSION from the module proxy"
		return 1
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-gts-build.XXXXXX")
	src=$work/src
	cp -R "$dir" "$src"
	chmod -R u+w "$src"
	# Module zips keep vendor/modules.txt but not the vendored code: build in
	# module mode instead.
	rm -rf "$src/vendor"
	mkdir -p "$CACHE"
	# Build tags as in the project's scripts/build.sh, without tracing and
	# metrics (not needed here, and smaller).
	(cd "$src" && GOFLAGS=-mod=mod CGO_ENABLED=0 nice -n 10 go build -trimpath \
		-tags "netgo osusergo static_build kvformat timetzdata notracing nometrics" \
		-ldflags "-s -w -X main.Version=${GTS_VERSION#v}" -o "$BIN.tmp" ./cmd/gotosocial)
	rm -rf "$WEB.tmp" && mkdir -p "$WEB.tmp"
	cp -R "$src/web/template" "$WEB.tmp/template"
	mkdir -p "$WEB.tmp/assets"
	[ -d "$src/web/assets" ] && cp -R "$src/web/assets/." "$WEB.tmp/assets/"
	rm -rf "$WEB" && mv "$WEB.tmp" "$WEB"
	mv "$BIN.tmp" "$BIN"
	rm -rf "$work"
}

if [ ! -x "$BIN" ] || [ ! -d "$WEB/template" ]; then
	build_gts
fi

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-peers.XXXXXX")
PID=""
cleanup() {
	local rc=$?
	if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
		kill "$PID" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$PID" 2>/dev/null || true
	fi
	if [ "$rc" -ne 0 ] && [ -f "$TMP/server.log" ]; then
		log "server log (last 40 lines):"
		tail -n 40 "$TMP/server.log" >&2 || true
	fi
	if [ "${PEERS_KEEP:-}" = 1 ]; then
		log "kept $TMP"
	else
		rm -rf "$TMP"
	fi
	exit "$rc"
}
trap cleanup EXIT INT TERM

PORT=$(free_port)
mkdir -p "$TMP/storage" "$CACHE/wazero"
CONFIG=$TMP/config.yaml
# The host is "localhost:<port>" while the connector talks to 127.0.0.1: the
# server builds its Link headers from its own host name, as a real instance
# behind a proxy does, and the test checks the connector copes.
cat >"$CONFIG" <<EOF
log-level: "warn"
log-client-ip: false
application-name: "creatordesk-peer"
host: "localhost:$PORT"
protocol: "http"
bind-address: "127.0.0.1"
port: $PORT
db-type: "sqlite"
db-address: "$TMP/gotosocial.db"
db-sqlite-journal-mode: "WAL"
# A throw-away database: no need to wait for the disk (migrations run faster).
db-sqlite-synchronous: "OFF"
storage-backend: "local"
storage-local-base-path: "$TMP/storage"
web-template-base-dir: "$WEB/template/"
web-asset-base-dir: "$WEB/assets/"
letsencrypt-enabled: false
instance-federation-mode: "allowlist"
instance-expose-public-timeline: false
accounts-registration-open: false
statuses-max-chars: 600
media-ffmpeg-pool-size: 1
advanced-rate-limit-requests: $RATE_LIMIT
advanced-throttling-multiplier: 0
EOF

export GTS_WAZERO_COMPILATION_CACHE=$CACHE/wazero
gts() { "$BIN" --config-path "$CONFIG" "$@" >>"$TMP/server.log" 2>&1; }

PASS_A="peer-Alpha-password-2026!x"
PASS_B="peer-Bravo-password-2026!y"
log "creating users on a fresh server database"
gts admin account create --username alice --email alice@peers.test --password "$PASS_A"
gts admin account confirm --username alice
gts admin account create --username bob --email bob@peers.test --password "$PASS_B"
gts admin account confirm --username bob

log "starting GoToSocial on 127.0.0.1:$PORT"
"$BIN" --config-path "$CONFIG" server start >>"$TMP/server.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for i in $(seq 1 300); do
	if curl -fsS -o /dev/null "$BASE/api/v1/instance" 2>/dev/null; then break; fi
	if ! kill -0 "$PID" 2>/dev/null; then log "server exited during start-up"; exit 1; fi
	[ "$i" = 300 ] && { log "server did not answer within 60 s"; exit 1; }
	sleep 0.2
done

log "running the peer tests"
export GOFLAGS="${GOFLAGS:--tags=sqlite_fts5}" # -tags below adds "peers"
cd "$ROOT"
PEERS_MASTODON_URL=$BASE \
	PEERS_MASTODON_HOST="localhost:$PORT" \
	PEERS_MASTODON_A="alice@peers.test:$PASS_A" \
	PEERS_MASTODON_B="bob@peers.test:$PASS_B" \
	PEERS_MASTODON_RATE_LIMIT=$RATE_LIMIT \
	go test -count=1 -tags=sqlite_fts5,peers -run "${PEERS_RUN:-Peer}" -v ./backend/platforms/mastodon/...
