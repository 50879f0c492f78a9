#!/usr/bin/env bash
# Run one named step of `make test`: print a header, run the command, print the result and how
# long it took, and append "seconds<TAB>result<TAB>name" to build/test-output/timings.tsv.
#   scripts/step.sh NAME CMD [ARGS...]
set -euo pipefail

name=$1
shift
printf '\n==> %s\n' "$name"
start=$(date +%s)
rc=0
"$@" || rc=$?
secs=$(($(date +%s) - start))

mkdir -p build/test-output
if ((rc == 0)); then
  printf '<== %s: ok (%ss)\n' "$name" "$secs"
  printf '%s\tok\t%s\n' "$secs" "$name" >>build/test-output/timings.tsv
else
  printf '<== %s: FAILED with exit code %s (%ss)\n' "$name" "$rc" "$secs" >&2
  printf '%s\tFAILED\t%s\n' "$secs" "$name" >>build/test-output/timings.tsv
fi
exit "$rc"
