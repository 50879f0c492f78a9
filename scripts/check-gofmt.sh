#!/usr/bin/env bash
# Fail, listing the files, if gofmt would change any Go file of the project.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(find . \( -path ./.git -o -path ./frontend -o -path ./build \) -prune \
  -o -name '*.go' -type f -print)
if ((${#files[@]} == 0)); then
  echo "gofmt: no Go files"
  exit 0
fi
# gofmt exits non-zero (and says why) on a file it cannot parse.
listing=$(gofmt -l "${files[@]}")
if [[ -n "$listing" ]]; then
  mapfile -t unformatted <<<"$listing"
  echo "gofmt: these files are not formatted (run gofmt -w on them):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "gofmt: ${#files[@]} files formatted"
