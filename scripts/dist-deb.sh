#!/usr/bin/env bash
# The Linux package: build/dist/creatordesk_<version>_amd64.deb with the app (WebKitGTK 4.1 build),
# its desktop entry and hicolor icons. Library dependencies are computed by dpkg-shlibdeps from the
# binary itself, so apt resolves exactly what it links against.
# Needs: frontend/dist built and make deps (GTK/WebKit dev packages, dpkg-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/dist-version.sh)"
out=build/dist
root=$out/linux/root
rm -rf "$out/linux"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/creatordesk"

echo "dist: building the Linux binary ($FULL)"
go build -trimpath -tags desktop,production,webkit2_41,sqlite_fts5 \
  -ldflags "-s -w -X creatordesk/app.Version=$FULL -X creatordesk/backend/desktop.UpdateFeedURL=${UPDATE_FEED:-}" -o "$root/usr/bin/creatordesk" .

install -m 0644 build/linux/creatordesk.desktop "$root/usr/share/applications/creatordesk.desktop"
go run ./cmd/mkicons -src build/appicon.png -png-dir "$out/linux/icons" -sizes 16,24,32,48,64,128,256,512
for png in "$out"/linux/icons/*.png; do
  n=$(basename "$png" .png)
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${n}x${n}/apps/creatordesk.png"
done
cat > "$root/usr/share/doc/creatordesk/copyright" <<'TXT'
CreatorDesk: a local inbox, calendar and KPI app for creator-led brands.
Your data stays in ~/.config/CreatorDesk; platform tokens stay in your system keyring.
TXT

# dpkg-shlibdeps wants a debian/control beside it; give it a throwaway one.
shlib=$(mktemp -d)
trap 'rm -rf "$shlib"' EXIT
mkdir -p "$shlib/debian"
printf 'Source: creatordesk\n\nPackage: creatordesk\nArchitecture: amd64\n' > "$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O -e "$OLDPWD/$root/usr/bin/creatordesk" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ -n "$depends" ]] || { echo "dist: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CTRL
Package: creatordesk
Version: $FULL
Architecture: amd64
Maintainer: CreatorDesk <hello@creatordesk.invalid>
Installed-Size: $size
Depends: $depends
Recommends: gnome-keyring | kwalletmanager | keepassxc, xdg-utils
Section: net
Priority: optional
Homepage: https://creatordesk.invalid
Description: one inbox, calendar and KPIs for creator-led brands
 CreatorDesk syncs DMs and comments from the platforms creators use into a
 local database, keeps every platform token in the system keyring, and helps a
 solo creator or a small team reply fast, plan the week and see what pays.
CTRL
deb=$out/creatordesk_${FULL}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "dist: $deb"
dpkg-deb --info "$deb" | sed -n '/Depends/p'
