#!/usr/bin/env bash
# Runs every Go fuzz target in the module for FUZZTIME each (default 3s; `make fuzz` uses longer).
# A failing input is written under the package's testdata/fuzz/ by go test: commit it as a
# regression case once the bug is fixed. Prints `fuzz: N passed, M failed` last.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3s}
passed=0
failed=0
# `go test -list` prints the matching names of each package, then "ok <pkg> ...".
while read -r pkg; do
  targets=$(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
  for target in $targets; do
    echo "fuzz: $pkg $target for $fuzztime"
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/creatordesk-fuzz.log 2>&1; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      cat /tmp/creatordesk-fuzz.log >&2
    fi
  done
done < <(grep -rl --include='*_test.go' --exclude-dir=node_modules --exclude-dir=.git '^func Fuzz' . | xargs -n1 dirname | sort -u | sed 's|^\./|creatordesk/|; s|^\.$|creatordesk|')
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
