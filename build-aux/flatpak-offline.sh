#!/usr/bin/env bash
# Builds and runs a REAL Flatpak of Dossier with no network: a stand-in for the GNOME
# runtime and SDK is assembled from this Debian machine's own /usr (hard links, so it costs
# little), exported to a local repository and installed per user; then flatpak-builder
# builds flatpak/io.github.dossierapp.Dossier.json (pointed at that runtime) into a repo, the
# app is installed from it, and `flatpak run` starts it under Xvfb for a screenshot.
#
# Optional and slow (a few minutes); not part of the test suite. Needs root on Debian 12:
#   bash build-aux/flatpak-offline.sh [WORKDIR]
# Result: WORKDIR/flatpak-run.png and the log lines it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-aux/deps.sh
install_missing flatpak flatpak-builder xvfb xauth imagemagick

src=$(pwd)
work=${1:-/tmp/dossier-flatpak}
version=51
mkdir -p "$work"
rm -rf "$work/app" "$work/app-repo" "$work/.flatpak-builder"

make_runtime () {
  local id=$1 dir="$work/$1"
  mkdir -p "$dir"
  # A base runtime is a metadata file and a /usr: here the host's, as hard links on the
  # same file system, so it costs little.
  printf '[Runtime]\nname=%s\nruntime=org.gnome.Platform/x86_64/%s\nsdk=org.gnome.Sdk/x86_64/%s\n' \
    "$id" "$version" "$version" > "$dir/metadata"
  cp -al /usr "$dir/usr"
  ln -s usr "$dir/files"
  # The sandbox's /etc comes from the runtime: the library cache and fonts it needs.
  mkdir -p "$dir/usr/etc"
  cp -a /etc/ld.so.cache /etc/fonts "$dir/usr/etc/" 2>/dev/null || true
  flatpak build-export --runtime "$work/repo" "$dir" "$version" > /dev/null
}

# Made once: exporting and installing a 9 GB /usr twice takes a good twenty minutes.
if ! flatpak --user info org.gnome.Sdk//$version > /dev/null 2>&1; then
  echo "== stand-in runtime and SDK from Debian's /usr"
  rm -rf "$work/org.gnome.Platform" "$work/org.gnome.Sdk" "$work/repo"
  make_runtime org.gnome.Platform
  make_runtime org.gnome.Sdk
  flatpak --user remote-add --if-not-exists --no-gpg-verify dossier-local "$work/repo"
  flatpak --user install -y --noninteractive dossier-local org.gnome.Platform//$version \
    org.gnome.Sdk//$version > /dev/null
fi

echo "== flatpak-builder"
# The copy points at this checkout, and skips appstream-compose, which the real GNOME SDK
# has and Debian's /usr lacks.
sed -e "s|\"path\": \"..\"|\"path\": \"$src\"|" \
    -e "s|\"command\": \"dossier\",|\"command\": \"dossier\",\n  \"appstream-compose\": false,|" \
    flatpak/io.github.dossierapp.Dossier.json > "$work/io.github.dossierapp.Dossier.json"
flatpak-builder --user --disable-download --disable-rofiles-fuse --force-clean \
  --repo="$work/app-repo" "$work/app" "$work/io.github.dossierapp.Dossier.json" \
  > "$work/builder.log" 2>&1 || { tail -30 "$work/builder.log"; exit 1; }
flatpak --user remote-add --if-not-exists --no-gpg-verify dossier-app "$work/app-repo"
flatpak --user install -y --noninteractive dossier-app io.github.dossierapp.Dossier > /dev/null

echo "== flatpak run"
flatpak run --command=dossier io.github.dossierapp.Dossier articles
xvfb-run -a -s "-screen 0 1280x900x24" bash -c "
  flatpak run --env=GDK_BACKEND=x11 --env=GSK_RENDERER=cairo io.github.dossierapp.Dossier &
  sleep 8; import -window root '$work/flatpak-run.png'; kill %1" || true
echo "screenshot: $work/flatpak-run.png"
