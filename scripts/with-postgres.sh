#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server, so team-mode code (and every store test)
# is exercised on a real PostgreSQL on a developer machine or in CI.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# A new cluster is created in a temp dir (initdb), listens on 127.0.0.1 only at a free port, trusts
# its one local user, and runs with fsync off (it is thrown away). The command runs with
# CREATORDESK_TEST_POSTGRES set to the server's connection string; its exit code is returned. The
# server is stopped and its directory removed afterwards, also when the command fails.
#
# Needs PostgreSQL's server binaries (Debian: `postgresql`, or `postgresql-15`); this script installs
# nothing. They are looked up in $PG_BINDIR, then `pg_config --bindir`, then the newest
# /usr/lib/postgresql/*/bin, then PATH. PostgreSQL refuses to run as root: as root the server runs as
# $PG_RUN_AS (default: the `postgres` user when it exists, else `nobody`) through runuser.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    echo "$PG_BINDIR"
    return
  fi
  if command -v pg_config >/dev/null 2>&1; then
    local d
    d=$(pg_config --bindir 2>/dev/null || true)
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
      echo "$d"
      return
    fi
  fi
  local newest
  newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then
    echo "$newest"
    return
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  echo ""
}

bindir=$(find_bindir)
if [[ -z "$bindir" || ! -x "$bindir/initdb" || ! -x "$bindir/pg_ctl" ]]; then
  echo "with-postgres: PostgreSQL server binaries (initdb, pg_ctl) not found;" \
    "install Debian's 'postgresql' package or set PG_BINDIR" >&2
  exit 127
fi

# as_server runs a command as the user that owns the cluster.
run_as=()
if ((EUID == 0)); then
  user=${PG_RUN_AS:-}
  if [[ -z "$user" ]]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
  fi
  if ! command -v runuser >/dev/null 2>&1; then
    echo "with-postgres: running as root needs runuser (util-linux) to start PostgreSQL as '$user'" >&2
    exit 127
  fi
  run_as=(runuser -u "$user" --)
fi
as_server() { "${run_as[@]}" "$@"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/creatordesk-pg.XXXXXX")
chmod 0755 "$tmp"
data="$tmp/data"
sock="$tmp/sock"
mkdir -p "$sock"
if ((${#run_as[@]} > 0)); then
  chown "$user" "$tmp" "$sock"
fi
started=""

# shellcheck disable=SC2317  # called through the trap
cleanup() {
  if [[ -n "$started" ]]; then
    as_server "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_user=creatordesk
if ! as_server "$bindir/initdb" -D "$data" -U "$pg_user" --auth=trust --no-locale -E UTF8 \
  >"$tmp/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  cat "$tmp/initdb.log" >&2
  exit 1
fi

# port_busy reports whether something already listens on 127.0.0.1:$1.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
for _ in 1 2 3 4 5 6 7 8; do
  try=$((20000 + RANDOM % 40000))
  port_busy "$try" && continue
  opts="-c listen_addresses=127.0.0.1 -p $try -c unix_socket_directories=$sock"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  if as_server "$bindir/pg_ctl" -D "$data" -l "$tmp/server.log" -o "$opts" -w -t 60 start \
    >/dev/null 2>&1; then
    port=$try
    started=1
    break
  fi
done
if [[ -z "$port" ]]; then
  echo "with-postgres: the server did not start:" >&2
  cat "$tmp/server.log" >&2 2>/dev/null || true
  exit 1
fi

export CREATORDESK_TEST_POSTGRES="postgres://$pg_user@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

status=0
"$@" || status=$?
exit "$status"
