#!/usr/bin/env bash
# The Windows build, cross-compiled on Linux: creatordesk.exe (cgo SQLite through mingw-w64, with
# icon, manifest and version resources) and a per-user NSIS installer.
# Needs: frontend/dist built, Debian packages gcc-mingw-w64-x86-64 and nsis (make deps-dist installs them).
# Output: build/dist/creatordesk-<version>-windows-amd64.exe and CreatorDesk-<version>-windows-amd64-setup.exe
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/dist-version.sh)"
out=build/dist
work=build/dist/windows
mkdir -p "$out" "$work"

go run ./cmd/mkicons -src build/appicon.png -ico "$work/icon.ico"
cp build/windows/creatordesk.manifest "$work/"
commas=${QUAD//./,}
sed -e "s/@VERSION_COMMAS@/$commas/g" -e "s/@VERSION@/$FULL/g" build/windows/creatordesk.rc.in > "$work/creatordesk.rc"
# Go links a .syso in the main package's directory into the matching GOOS/GOARCH build.
syso=$PWD/rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
(cd "$work" && x86_64-w64-mingw32-windres -O coff -o "$syso" creatordesk.rc)

exe=$out/creatordesk-$FULL-windows-amd64.exe
echo "dist: building $exe"
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
  go build -trimpath -tags desktop,production,sqlite_fts5 \
  -ldflags "-H windowsgui -s -w -X creatordesk/app.Version=$FULL -X creatordesk/backend/desktop.UpdateFeedURL=${UPDATE_FEED:-}" -o "$exe" .

setup=$out/CreatorDesk-$FULL-windows-amd64-setup.exe
makensis -V2 -DVERSION="$FULL" -DVERSION_QUAD="$QUAD" -DSRC_EXE="$PWD/$exe" -DICON="$PWD/$work/icon.ico" \
  -DOUT="$PWD/$setup" build/windows/installer.nsi

for f in "$exe" "$setup"; do
  kind=$(file -b "$f")
  echo "dist: $f: $kind"
done
case "$(file -b "$exe")" in
  PE32+\ executable*x86-64*) ;;
  *) echo "dist: $exe is not a PE32+ x86-64 executable" >&2; exit 1 ;;
esac
case "$(file -b "$setup")" in
  PE32*executable*) ;;
  *) echo "dist: $setup is not a Windows executable" >&2; exit 1 ;;
esac
