#!/usr/bin/env bash
# Prints the release version parts the installers need, as shell assignments:
#   BASE=0.1.0                       wails.json's productVersion (bump it for a release)
#   BUILD=123                        the number of commits (a monotonic build number)
#   FULL=0.1.0+123.g8d7bab4          the full version (stamped into the binary and the packages)
#   QUAD=0.1.0.123                   the four-part form Windows resources need
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's/.*"productVersion": *"\([0-9][0-9.]*\)".*/\1/p' wails.json | head -n1)
[[ -n "$base" ]] || { echo "dist-version: no productVersion in wails.json" >&2; exit 1; }
build=$(git rev-list --count HEAD 2>/dev/null || echo 0)
hash=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
if ! git diff --quiet HEAD 2>/dev/null; then dirty=".dirty"; fi
echo "BASE=$base"
echo "BUILD=$build"
echo "FULL=$base+$build.g$hash$dirty"
echo "QUAD=$base.$((build % 65535))"
