#!/usr/bin/env bash
# Runs every check of the project: formatting, clippy and the test suite.
# On Debian it first installs what the tests need:
#   mesa-vulkan-drivers  (egui_kittest renders UI snapshots on the CPU with lavapipe)
#   librsvg2-bin         (rsvg-convert checks that exported SVG renders in other programs)
#   chromium             (the HTML report is opened in headless Chromium)
#   poppler-utils        (pdftotext reads the text of exported PDFs)
#   fonts-noto-cjk       (exports draw Chinese, Japanese and Korean with the system's fonts)
#   desktop-file-utils   (desktop-file-validate checks the desktop entry)
#   git                  (tests/git.rs merges and diffs blueprints in a real repository)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(mesa-vulkan-drivers librsvg2-bin chromium poppler-utils fonts-noto-cjk desktop-file-utils git)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
