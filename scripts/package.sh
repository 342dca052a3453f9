#!/usr/bin/env bash
# Builds the Debian package with cargo-deb, checks it (lintian errors fail
# the build; desktop-file-validate), installs it with apt, runs the installed
# `servuction` from PATH on a template, and removes it again. CI runs this
# after the tests (.ci/run). The package lands in target/debian/.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
# dpkg-dev: dpkg-shlibdeps for the package's dependencies; lintian and
# desktop-file-utils check the package.
packages=(dpkg-dev binutils lintian desktop-file-utils shared-mime-info)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb --version 3.8.0

# The release profile strips debug info but keeps symbol names (a panic's
# backtrace names its functions): cargo-deb must not strip them again.
cargo deb --locked --no-strip
deb=$(ls -t target/debian/servuction_*.deb | head -1)
echo "Built $deb ($(du -h "$deb" | cut -f1))"

lintian --fail-on error --info "$deb"
desktop-file-validate packaging/servuction.desktop

DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb"
test "$(command -v servuction)" = /usr/bin/servuction
servuction --version
work=$(mktemp -d)
servuction new --template hotel -o "$work/stay.servuction"
# 1: the hotel's missed standards are errors of the method, as designed.
status=0
servuction check "$work/stay.servuction" >/dev/null || status=$?
test "$status" -eq 1
servuction export "$work/stay.servuction" -o "$work/stay.pdf"
servuction check "$work/stay.pdf" >/dev/null || test $? -eq 1
grep -q "application/vnd.servuction+json:\*.servuction" /usr/share/mime/globs2
test -f /usr/share/applications/servuction.desktop
test -f /usr/share/icons/hicolor/256x256/apps/servuction.png
rm -rf "$work"

DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq servuction
# (Files, not `command -v`: the shell remembers where it found a command.)
if [ -e /usr/bin/servuction ] || [ -e /usr/share/applications/servuction.desktop ] \
  || dpkg-query -W -f='${Status}' servuction 2>/dev/null | grep -q "ok installed"; then
  echo "servuction is still installed after apt-get remove" >&2
  exit 1
fi
echo "The package installed, ran and was removed cleanly."
